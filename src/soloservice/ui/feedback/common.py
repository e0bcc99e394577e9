"""What the follow-up panel, the remedies panel and the follow-ups window share.

In a module of its own so that the panels, built with the main window, do not import the
follow-ups window (its table, models and outbox types) before it is first opened.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from soloservice.services.errors import ServiceError

#: survey statuses an answer can still be recorded for
RECORDABLE = ("scheduled", "asked", "unclear")


def error_text(error: BaseException) -> str:
    if isinstance(error, ServiceError):
        return str(error)
    return QCoreApplication.translate(
        "feedback", "Something went wrong; nothing was changed.\n\n%1"
    ).replace("%1", f"{type(error).__name__}: {error}")

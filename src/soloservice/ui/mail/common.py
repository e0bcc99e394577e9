"""Small helpers the mail widgets share: sizes, coloured result lines, local clock times."""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

OK_COLOR = "#15803d"
BAD_COLOR = "#b91c1c"
MUTED_COLOR = "#6b7280"


def human_size(size: int) -> str:
    """Bytes as the founder reads them: "812 B", "14 KB", "2.3 MB"."""
    if size < 1024:
        return QCoreApplication.translate("mail", "%1 B").replace("%1", str(size))
    if size < 1024 * 1024:
        return QCoreApplication.translate("mail", "%1 KB").replace("%1", str(round(size / 1024)))
    return QCoreApplication.translate("mail", "%1 MB").replace("%1", f"{size / (1024 * 1024):.1f}")


def clock_time(moment: datetime, tz: ZoneInfo) -> str:
    """ "14:05" in the business's time zone."""
    return moment.astimezone(tz).strftime("%H:%M")


def result_html(ok: bool, text: str) -> str:
    """A green tick or red cross line, for connection tests and sync results."""
    mark, color = ("✔", OK_COLOR) if ok else ("✘", BAD_COLOR)
    return f"<span style='color:{color}'><b>{mark}</b> {escape(text)}</span>"

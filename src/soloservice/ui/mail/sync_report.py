"""How a mail sync went, in words: the status bar's summary and the problems dialog.

Used by the sync controller (sync_controller.py); the strings use its "MailSync" context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.plurals import PluralContext
from soloservice.services.mail_sync import SyncSummary

MailSync = PluralContext("MailSync")


def summary_text(summaries: list[SyncSummary]) -> str:
    """ "3 new, 1 added to a conversation" over all accounts; "No new mail" when nothing came."""
    new = sum(s.new_inquiries for s in summaries)
    added = sum(s.added_to_existing for s in summaries)
    quarantined = sum(s.quarantined for s in summaries)
    parts: list[str] = []
    if new:
        parts.append(QCoreApplication.translate("MailSync", "%1 new").replace("%1", str(new)))
    if added:
        parts.append(MailSync.tr("%n added to conversation(s)", "", added))
    if quarantined:
        parts.append(
            QCoreApplication.translate(
                "MailSync", "%1 quarantined (Tools > Quarantined mail)"
            ).replace("%1", str(quarantined))
        )
    if any(s.cancelled for s in summaries):
        parts.append(QCoreApplication.translate("MailSync", "stopped — the rest comes next time"))
    if any(s.skipped for s in summaries):  # the other sync (cron, another window) fetches it
        parts.append(QCoreApplication.translate("MailSync", "another sync was running — skipped"))
    return ", ".join(parts) if parts else QCoreApplication.translate("MailSync", "No new mail")


def stored_anything(summaries: list[SyncSummary]) -> bool:
    return any(
        s.new_inquiries or s.added_to_existing or s.quarantined or s.auto or s.own
        for s in summaries
    )


class ErrorDetailsDialog(QDialog):
    """What went wrong in the last sync, with the way to the account settings."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("MailSync", "Mail problems"))
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        intro = QLabel(
            QCoreApplication.translate(
                "MailSync",
                "The last mail sync could not finish for every account. Mail already fetched "
                "is safe; the next sync tries again.",
            )
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.accounts_button = QPushButton(
            QCoreApplication.translate("MailSync", "&Mail accounts…")
        )
        buttons.addButton(self.accounts_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.accounts_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(560, 260)

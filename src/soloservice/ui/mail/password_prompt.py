"""Asking for a mail password at start when nothing can keep it (no keyring).

Headless Linux and many minimal desktops have no keyring backend. The password is then
asked for once per run of the app, in this dialog, which names the account and its server
and offers the opt-in 0600 file explicitly. "Skip" leaves the account unsynced for this run,
with a clear status line, instead of a developer message about ``--password-env``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.mail_accounts import AccountView


class PasswordPrompt(QDialog):
    """``answered(password, remember_in_file)`` on OK; ``rejected`` on Skip."""

    answered = Signal(str, bool)

    def __init__(self, account: AccountView, secrets_file: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.account = account
        self.setWindowTitle(QCoreApplication.translate("PasswordPrompt", "Mail password"))
        intro = QLabel(
            QCoreApplication.translate(
                "PasswordPrompt",
                "SoloService needs the password of the mail account “%1” (%2 on %3) to "
                "fetch and send its mail.",
            )
            .replace("%1", account.name)
            .replace("%2", account.username)
            .replace("%3", account.imap_host)
        )
        intro.setWordWrap(True)
        why = QLabel(
            QCoreApplication.translate(
                "PasswordPrompt",
                "This computer has no keyring to keep passwords in, so SoloService asks once "
                "each time it starts.",
            )
        )
        why.setWordWrap(True)
        why.setEnabled(False)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(
            QCoreApplication.translate("PasswordPrompt", "Password")
        )
        self.remember = QCheckBox(
            QCoreApplication.translate(
                "PasswordPrompt", "&Remember in a file only I can read (secrets.json, 0600)"
            )
        )
        self.remember.setToolTip(
            QCoreApplication.translate(
                "PasswordPrompt", "Kept in %1, readable only by your user account; not encrypted."
            ).replace("%1", str(secrets_file))
        )
        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton(
            QCoreApplication.translate("PasswordPrompt", "&Use this password")
        )
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(False)
        self.skip_button = QPushButton(QCoreApplication.translate("PasswordPrompt", "&Skip"))
        self.skip_button.setToolTip(
            QCoreApplication.translate(
                "PasswordPrompt", "Don't fetch mail for this account until the next start"
            )
        )
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.password_edit.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t)))
        form = QFormLayout()
        label = QLabel(QCoreApplication.translate("PasswordPrompt", "&Password:"))
        label.setBuddy(self.password_edit)
        form.addRow(label, self.password_edit)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(why)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.password_edit.setFocus()

    def accept(self) -> None:
        if not self.password_edit.text():
            return
        self.answered.emit(self.password_edit.text(), self.remember.isChecked())
        super().accept()

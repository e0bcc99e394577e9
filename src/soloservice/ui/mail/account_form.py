"""The mail accounts dialog's form: the account, its servers, where its password is kept.

``AccountForm`` is mixed into ``AccountsDialog`` (accounts_dialog.py), which keeps the list,
saving, removing and testing; the fields stay attributes of the dialog, as the first-start
assistant's mailbox page and the tests know them. ``SecurityBox`` and ``failure_title``
are shared with that page (the usual ports are in domain/mail_ports.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.mail_accounts import AccountInput, AccountView
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace, keyring_available
from soloservice.ui.mail.common import BAD_COLOR, MUTED_COLOR


def failure_title(kind: str | None) -> str:
    """What kind of failure, in words, before the server's own explanation."""
    return {
        "dns": QCoreApplication.translate("MailAccountsDialog", "Host name not found (DNS)"),
        "refused": QCoreApplication.translate("MailAccountsDialog", "Connection refused"),
        "timeout": QCoreApplication.translate("MailAccountsDialog", "No answer (timeout)"),
        "tls": QCoreApplication.translate("MailAccountsDialog", "TLS / certificate problem"),
        "login": QCoreApplication.translate(
            "MailAccountsDialog", "Login failed — check the user name and password"
        ),
        "rejected": QCoreApplication.translate("MailAccountsDialog", "Rejected by the server"),
        "protocol": QCoreApplication.translate("MailAccountsDialog", "Unexpected answer"),
    }.get(kind or "", QCoreApplication.translate("MailAccountsDialog", "Failed"))


class SecurityBox(QComboBox):
    def __init__(self) -> None:
        super().__init__()
        self.addItem(QCoreApplication.translate("MailAccountsDialog", "SSL/TLS"), "ssl")
        self.addItem(QCoreApplication.translate("MailAccountsDialog", "STARTTLS"), "starttls")
        self.addItem(QCoreApplication.translate("MailAccountsDialog", "None — unencrypted"), "none")

    def value(self) -> str:
        return str(self.currentData())

    def set_value(self, value: str) -> None:
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))


class AccountForm:
    """The form's fields and what they say; mixed into AccountsDialog."""

    services: Services
    #: the name of the account in the form; None: a new one
    current: str | None

    def build_form(self) -> QWidget:
        """The account, its servers and where its password is kept, as one widget."""
        page = QWidget()
        self.name = QLineEdit()
        self.email = QLineEdit()
        self.email.setPlaceholderText("hej@butik.dk")
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(
            QCoreApplication.translate(
                "MailAccountsDialog", "The name customers see, e.g. Butikken"
            )
        )
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.imap_host = QLineEdit()
        self.imap_host.setPlaceholderText("imap.example.com")
        self.imap_port = self._port()
        self.imap_security = SecurityBox()
        self.smtp_host = QLineEdit()
        self.smtp_host.setPlaceholderText("smtp.example.com")
        self.smtp_port = self._port()
        self.smtp_security = SecurityBox()
        self.smtp_security.set_value("starttls")
        self.folder = QLineEdit("INBOX")
        self.sent_folder = QLineEdit()
        self.sent_folder.setPlaceholderText(
            QCoreApplication.translate(
                "MailAccountsDialog", "e.g. Sent — a copy of each reply goes here"
            )
        )
        self.signature = QPlainTextEdit()
        self.signature.setTabChangesFocus(True)
        self.signature.setMaximumHeight(self.signature.fontMetrics().height() * 4 + 14)
        self.allow_plain = QCheckBox(
            QCoreApplication.translate(
                "MailAccountsDialog", "I understand: the password and mail travel &unencrypted"
            )
        )
        self.allow_plain.setStyleSheet(f"color:{BAD_COLOR}")
        self.imap_security.currentIndexChanged.connect(self._security_changed)
        self.smtp_security.currentIndexChanged.connect(self._security_changed)

        account_box = QGroupBox(QCoreApplication.translate("MailAccountsDialog", "Account"))
        form = QFormLayout(account_box)
        form.addRow(QCoreApplication.translate("MailAccountsDialog", "&Name:"), self.name)
        form.addRow(QCoreApplication.translate("MailAccountsDialog", "&Email address:"), self.email)
        form.addRow(
            QCoreApplication.translate("MailAccountsDialog", "&Display name:"), self.display_name
        )
        form.addRow(QCoreApplication.translate("MailAccountsDialog", "&User name:"), self.username)
        form.addRow(QCoreApplication.translate("MailAccountsDialog", "&Password:"), self.password)
        self.password_hint = QLabel()
        self.password_hint.setWordWrap(True)
        self.password_hint.setStyleSheet(f"color:{MUTED_COLOR}")
        form.addRow("", self.password_hint)

        servers_box = QGroupBox(QCoreApplication.translate("MailAccountsDialog", "Servers"))
        servers = QFormLayout(servers_box)
        servers.addRow(
            QCoreApplication.translate("MailAccountsDialog", "&IMAP server:"),
            self._server_row(self.imap_host, self.imap_port, self.imap_security),
        )
        servers.addRow(
            QCoreApplication.translate("MailAccountsDialog", "&SMTP server:"),
            self._server_row(self.smtp_host, self.smtp_port, self.smtp_security),
        )
        servers.addRow("", self.allow_plain)
        servers.addRow(QCoreApplication.translate("MailAccountsDialog", "&Folder:"), self.folder)
        servers.addRow(
            QCoreApplication.translate("MailAccountsDialog", "Se&nt folder:"), self.sent_folder
        )
        servers.addRow(
            QCoreApplication.translate("MailAccountsDialog", "Si&gnature:"), self.signature
        )

        # -- where the password goes ----------------------------------------------------------
        self.keyring_ok, why = keyring_available()
        self.place_box = QGroupBox(
            QCoreApplication.translate("MailAccountsDialog", "Where the password is kept")
        )
        place_layout = QVBoxLayout(self.place_box)
        self.keyring_label = QLabel()
        self.keyring_label.setWordWrap(True)
        self.session_only = QRadioButton(
            QCoreApplication.translate(
                "MailAccountsDialog", "Keep it for this &session only (ask again later)"
            )
        )
        self.in_file = QRadioButton(
            QCoreApplication.translate(
                "MailAccountsDialog", "Save it in a &file only you can read (0600)"
            )
        )
        self.place_group = QButtonGroup(page)
        self.place_group.addButton(self.session_only)
        self.place_group.addButton(self.in_file)
        self.session_only.setChecked(True)
        place_layout.addWidget(self.keyring_label)
        if self.keyring_ok:
            self.keyring_label.setText(
                QCoreApplication.translate(
                    "MailAccountsDialog", "Passwords are saved in the system keyring (%1)."
                ).replace("%1", why)
            )
            self.session_only.setVisible(False)
            self.in_file.setVisible(False)
        else:
            self.keyring_label.setText(
                QCoreApplication.translate(
                    "MailAccountsDialog",
                    "This machine has no system keyring (%1), so the password cannot be saved "
                    "there. Keep it for this session only, or save it in a file in your data "
                    "folder that only your user can read.",
                ).replace("%1", why)
            )
        place_layout.addWidget(self.session_only)
        place_layout.addWidget(self.in_file)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(account_box)
        layout.addWidget(servers_box)
        layout.addWidget(self.place_box)
        layout.addStretch(1)
        return page

    @staticmethod
    def _port() -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 65535)
        box.setSpecialValueText(QCoreApplication.translate("MailAccountsDialog", "default"))
        box.setToolTip(
            QCoreApplication.translate(
                "MailAccountsDialog", "Leave at 'default' for the usual port of the security chosen"
            )
        )
        return box

    @staticmethod
    def _server_row(host: QLineEdit, port: QSpinBox, security: SecurityBox) -> QWidget:
        widget = QWidget()
        row = QHBoxLayout(widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(host, 3)
        row.addWidget(QLabel(QCoreApplication.translate("MailAccountsDialog", "port")))
        row.addWidget(port, 1)
        row.addWidget(security, 1)
        return widget

    def fill_form(self, account: AccountView) -> None:
        self.name.setText(account.name)
        self.email.setText(account.email)
        self.display_name.setText(account.display_name)
        self.username.setText(account.username)
        self.password.clear()
        self.password.setPlaceholderText(
            QCoreApplication.translate("MailAccountsDialog", "unchanged — type to replace")
        )
        self.imap_host.setText(account.imap_host)
        self.imap_port.setValue(account.imap_port)
        self.imap_security.set_value(account.imap_security)
        self.smtp_host.setText(account.smtp_host)
        self.smtp_port.setValue(account.smtp_port)
        self.smtp_security.set_value(account.smtp_security)
        self.allow_plain.setChecked("none" in (account.imap_security, account.smtp_security))
        self.folder.setText(account.folder)
        self.sent_folder.setText(account.sent_folder or "")
        self.signature.setPlainText(account.signature)
        self.password_hint.setText(
            QCoreApplication.translate(
                "MailAccountsDialog", "Read from the environment variable %1 at each sync."
            ).replace("%1", account.password_env)
            if account.password_env
            else ""
        )

    def clear_form(self) -> None:
        """Empty fields with the usual defaults, for a new account."""
        for edit in (self.name, self.email, self.display_name, self.username, self.password,
                     self.imap_host, self.smtp_host, self.sent_folder):  # fmt: skip
            edit.clear()
        self.password.setPlaceholderText("")
        self.folder.setText("INBOX")
        self.imap_port.setValue(0)
        self.smtp_port.setValue(0)
        self.imap_security.set_value("ssl")
        self.smtp_security.set_value("starttls")
        self.allow_plain.setChecked(False)
        self.signature.clear()
        self.password_hint.clear()

    def _security_changed(self) -> None:
        plain = "none" in (self.imap_security.value(), self.smtp_security.value())
        self.allow_plain.setVisible(plain)

    def form_input(self) -> AccountInput:
        current = self.services.mail_accounts.get(self.current) if self.current else None
        return AccountInput(
            name=self.name.text(),
            email=self.email.text(),
            display_name=self.display_name.text(),
            imap_host=self.imap_host.text(),
            imap_port=self.imap_port.value() or None,
            imap_security=self.imap_security.value(),
            smtp_host=self.smtp_host.text(),
            smtp_port=self.smtp_port.value() or None,
            smtp_security=self.smtp_security.value(),
            username=self.username.text(),
            password_env=current.password_env if current else None,
            folder=self.folder.text(),
            sent_folder=self.sent_folder.text() or None,
            signature=self.signature.toPlainText(),
        )

    def place(self) -> SecretPlace:
        if self.keyring_ok:
            return SecretPlace.KEYRING
        return SecretPlace.FILE if self.in_file.isChecked() else SecretPlace.SESSION

"""The assistant's optional mailbox: the address, its servers and a connection test.

The test adds the account through the mail accounts service (as Tools > Mail accounts does)
and logs in to both servers on the worker, so a wrong password shows here, in words, and not
later as a failed sync. Leaving the address empty skips the page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
    QWizardPage,
)

from soloservice.domain.mail_ports import DEFAULT_PORTS
from soloservice.services.errors import ServiceError
from soloservice.services.mail_accounts import AccountInput
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace, keyring_available
from soloservice.ui.mail.account_form import SecurityBox, failure_title
from soloservice.ui.mail.common import result_html
from soloservice.ui.tasks import TaskRunner


def account_name(email: str) -> str:
    """hej@butik.dk -> "butik": a short name for lists and the CLI."""
    domain = email.partition("@")[2]
    return domain.split(".")[0] or "mail"


def _port(value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(1, 65535)
    box.setValue(value)
    return box


class MailboxPage(QWizardPage):
    #: a connection test finished (list of CheckResult, empty when it could not run)
    tested = Signal(object)

    def __init__(self, services: Services, runner: TaskRunner) -> None:
        super().__init__()
        self.services = services
        self.runner = runner
        self.saved_name: str | None = None
        self.testing = False
        self.setTitle(self.tr("Your mailbox (optional)"))
        self.setSubTitle(
            self.tr(
                "Mail to your business address becomes inquiries. Leave the address empty "
                "to do this later in Tools > Mail accounts…"
            )
        )
        self.email = QLineEdit()
        self.email.setObjectName("mailEmail")
        self.email.setPlaceholderText("hej@butik.dk")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("Usually the address itself"))
        self.imap_host = QLineEdit()
        self.imap_host.setPlaceholderText("imap.example.com")
        self.imap_port = _port(993)
        self.imap_security = SecurityBox()
        self.smtp_host = QLineEdit()
        self.smtp_host.setPlaceholderText("smtp.example.com")
        self.smtp_port = _port(587)
        self.smtp_security = SecurityBox()
        self.smtp_security.set_value("starttls")
        self.imap_security.currentIndexChanged.connect(lambda _i: self._default_port("imap"))
        self.smtp_security.currentIndexChanged.connect(lambda _i: self._default_port("smtp"))
        has_keyring, _why = keyring_available()
        self.remember = QCheckBox(self.tr("Remember the password in a file only I can read (0600)"))
        self.remember.setVisible(not has_keyring)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.result = QLabel()
        self.result.setObjectName("mailTestResult")
        self.result.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Email address:"), self.email)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.remember)
        form.addRow(self.tr("User &name:"), self.username)
        form.addRow(
            self.tr("&Incoming (IMAP):"),
            self._row(self.imap_host, self.imap_port, self.imap_security),
        )
        form.addRow(
            self.tr("&Outgoing (SMTP):"),
            self._row(self.smtp_host, self.smtp_port, self.smtp_security),
        )
        form.addRow("", self.test_button)
        form.addRow(self.result)
        self.email.textChanged.connect(self._email_changed)

    @staticmethod
    def _row(host: QLineEdit, port: QSpinBox, security: SecurityBox) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(host, 1)
        layout.addWidget(port)
        layout.addWidget(security)
        return row

    def _default_port(self, kind: str) -> None:
        box, security = (
            (self.imap_port, self.imap_security)
            if kind == "imap"
            else (self.smtp_port, self.smtp_security)
        )
        box.setValue(DEFAULT_PORTS[(kind, security.value())])

    def _email_changed(self, text: str) -> None:
        domain = text.partition("@")[2].strip()
        if domain and not self.imap_host.isModified():
            self.imap_host.setText(f"imap.{domain}")
        if domain and not self.smtp_host.isModified():
            self.smtp_host.setText(f"smtp.{domain}")
        self.result.clear()

    def wanted(self) -> bool:
        return bool(self.email.text().strip())

    def account_input(self) -> AccountInput:
        email = self.email.text().strip()
        return AccountInput(
            name=self.saved_name or account_name(email),
            email=email,
            imap_host=self.imap_host.text().strip(),
            imap_port=self.imap_port.value(),
            imap_security=self.imap_security.value(),
            smtp_host=self.smtp_host.text().strip(),
            smtp_port=self.smtp_port.value(),
            smtp_security=self.smtp_security.value(),
            username=self.username.text().strip() or email,
        )

    def _store(self) -> Callable[[], str]:
        """The save as a job (what was typed is read now): returns the account's name."""
        data = self.account_input()
        password = self.password.text() or None
        place = SecretPlace.FILE if self.remember.isChecked() else SecretPlace.KEYRING
        accounts, saved = self.services.mail_accounts, self.saved_name

        def store() -> str:
            if saved is None:
                view, _where = accounts.add(data, password=password, place=place)
                return view.name
            accounts.update(saved, data, password=password, place=place)
            return saved

        return store

    def save_account(self) -> str:
        """Add (or update) the account now (Next waits for it); returns its name."""
        self.saved_name = self._store()()
        return self.saved_name

    def test_connection(self) -> None:
        """Save on the database lane, then log in to both servers on the network lane."""
        if self.testing or not self.wanted():
            return
        try:
            store = self._store()
        except ServiceError as exc:
            self.result.setText(result_html(False, str(exc)))
            self.tested.emit([])
            return
        self.testing = True
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Connecting to both servers…"))
        accounts, typed = self.services.mail_accounts, self.password.text() or None

        def stored(name: str) -> None:
            self.saved_name = name
            self.runner.run_network_task(
                lambda: accounts.test(name, typed), self._tested, self._failed
            )

        self.runner.run_task(store, stored, self._failed)

    def _tested(self, results: object) -> None:
        self.testing = False
        self.test_button.setEnabled(True)
        lines = [
            result_html(True, r.message)
            if r.ok
            else result_html(False, f"{failure_title(r.kind)}: {r.message}")
            for r in (results if isinstance(results, list) else [])
        ]
        self.result.setText("<br>".join(lines))
        self.tested.emit(results)

    def _failed(self, error: BaseException) -> None:
        self.testing = False
        self.test_button.setEnabled(True)
        self.result.setText(result_html(False, str(error)))
        self.tested.emit([])

    def validatePage(self) -> bool:
        """Next with an address typed: the account is kept even if not tested."""
        if not self.wanted():
            return True
        try:
            self.save_account()
        except ServiceError as exc:
            self.result.setText(result_html(False, str(exc)))
            return False
        return True

"""Tools > Mail accounts: add, edit, remove and test the founder's mailboxes.

The form mirrors ``soloservice account add``. Passwords go to the OS keyring; where the
machine has none the dialog says so and lets the founder choose between keeping the password
for this session only (the default) and a 0600 file. Unencrypted connections need an explicit
tick. "Test connection" runs on the worker and shows per server exactly what failed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.errors import ServiceError
from soloservice.services.mail_accounts import AccountInput, AccountView
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace, keyring_available
from soloservice.ui.mail.common import BAD_COLOR, MUTED_COLOR, result_html, tr
from soloservice.ui.tasks import TaskRunner

SECURITY = ("ssl", "starttls", "none")
DEFAULT_PORTS = {
    ("imap", "ssl"): 993,
    ("imap", "starttls"): 143,
    ("imap", "none"): 143,
    ("smtp", "ssl"): 465,
    ("smtp", "starttls"): 587,
    ("smtp", "none"): 25,
}


def _tr(text: str) -> str:
    return tr("MailAccountsDialog", text)


def failure_title(kind: str | None) -> str:
    """What kind of failure, in words, before the server's own explanation."""
    return {
        "dns": _tr("Host name not found (DNS)"),
        "refused": _tr("Connection refused"),
        "timeout": _tr("No answer (timeout)"),
        "tls": _tr("TLS / certificate problem"),
        "login": _tr("Login failed — check the user name and password"),
        "rejected": _tr("Rejected by the server"),
        "protocol": _tr("Unexpected answer"),
    }.get(kind or "", _tr("Failed"))


class SecurityBox(QComboBox):
    def __init__(self) -> None:
        super().__init__()
        self.addItem(_tr("SSL/TLS"), "ssl")
        self.addItem(_tr("STARTTLS"), "starttls")
        self.addItem(_tr("None — unencrypted"), "none")

    def value(self) -> str:
        return str(self.currentData())

    def set_value(self, value: str) -> None:
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))


class AccountsDialog(QDialog):
    """The list of accounts on the left, the selected one's form on the right."""

    #: accounts were added, changed or removed
    changed = Signal()
    #: a connection test finished (list of CheckResult) — tests wait on it
    tested = Signal(object)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.current: str | None = None  # name of the account in the form; None: a new one
        self.testing = False
        self.setWindowTitle(_tr("Mail accounts"))

        self.list = QListWidget()
        self.list.setAccessibleName(_tr("Mail accounts"))
        self.list.setMinimumWidth(180)
        self.list.currentItemChanged.connect(self._picked)
        self.add_button = QPushButton(_tr("&Add"))
        self.remove_button = QPushButton(_tr("Re&move…"))
        self.add_button.setAutoDefault(False)
        self.remove_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.new_account)
        self.remove_button.clicked.connect(self.ask_remove)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        left.addLayout(row)

        # -- the form -----------------------------------------------------------------------
        self.name = QLineEdit()
        self.email = QLineEdit()
        self.email.setPlaceholderText("hej@butik.dk")
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(_tr("The name customers see, e.g. Butikken"))
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
        self.sent_folder.setPlaceholderText(_tr("e.g. Sent — a copy of each reply goes here"))
        self.signature = QPlainTextEdit()
        self.signature.setTabChangesFocus(True)
        self.signature.setMaximumHeight(self.fontMetrics().height() * 4 + 14)
        self.allow_plain = QCheckBox(_tr("I understand: the password and mail travel &unencrypted"))
        self.allow_plain.setStyleSheet(f"color:{BAD_COLOR}")
        self.imap_security.currentIndexChanged.connect(self._security_changed)
        self.smtp_security.currentIndexChanged.connect(self._security_changed)

        account_box = QGroupBox(_tr("Account"))
        form = QFormLayout(account_box)
        form.addRow(_tr("&Name:"), self.name)
        form.addRow(_tr("&Email address:"), self.email)
        form.addRow(_tr("&Display name:"), self.display_name)
        form.addRow(_tr("&User name:"), self.username)
        form.addRow(_tr("&Password:"), self.password)
        self.password_hint = QLabel()
        self.password_hint.setWordWrap(True)
        self.password_hint.setStyleSheet(f"color:{MUTED_COLOR}")
        form.addRow("", self.password_hint)

        servers_box = QGroupBox(_tr("Servers"))
        servers = QFormLayout(servers_box)
        servers.addRow(
            _tr("&IMAP server:"),
            self._server_row(self.imap_host, self.imap_port, self.imap_security),
        )
        servers.addRow(
            _tr("&SMTP server:"),
            self._server_row(self.smtp_host, self.smtp_port, self.smtp_security),
        )
        servers.addRow("", self.allow_plain)
        servers.addRow(_tr("&Folder:"), self.folder)
        servers.addRow(_tr("Se&nt folder:"), self.sent_folder)
        servers.addRow(_tr("Si&gnature:"), self.signature)

        # -- where the password goes ----------------------------------------------------------
        self.keyring_ok, why = keyring_available()
        self.place_box = QGroupBox(_tr("Where the password is kept"))
        place_layout = QVBoxLayout(self.place_box)
        self.keyring_label = QLabel()
        self.keyring_label.setWordWrap(True)
        self.session_only = QRadioButton(_tr("Keep it for this &session only (ask again later)"))
        self.in_file = QRadioButton(_tr("Save it in a &file only you can read (0600)"))
        self.place_group = QButtonGroup(self)
        self.place_group.addButton(self.session_only)
        self.place_group.addButton(self.in_file)
        self.session_only.setChecked(True)
        place_layout.addWidget(self.keyring_label)
        if self.keyring_ok:
            self.keyring_label.setText(
                _tr("Passwords are saved in the system keyring (%1).").replace("%1", why)
            )
            self.session_only.setVisible(False)
            self.in_file.setVisible(False)
        else:
            self.keyring_label.setText(
                _tr(
                    "This machine has no system keyring (%1), so the password cannot be saved "
                    "there. Keep it for this session only, or save it in a file in your data "
                    "folder that only your user can read."
                ).replace("%1", why)
            )
        place_layout.addWidget(self.session_only)
        place_layout.addWidget(self.in_file)

        # -- testing and saving ---------------------------------------------------------------
        self.test_button = QPushButton(_tr("&Test connection"))
        self.test_button.setAutoDefault(False)
        self.test_button.setToolTip(_tr("Saves changes first, then logs in to both servers"))
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(_tr("Sa&ve"))
        self.save_button.setDefault(True)
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.setToolTip(_tr("Save the account (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setAccessibleName(_tr("Result"))

        form_widget = QWidget()
        form_layout = QVBoxLayout(form_widget)
        form_layout.setContentsMargins(0, 0, 6, 0)
        form_layout.addWidget(account_box)
        form_layout.addWidget(servers_box)
        form_layout.addWidget(self.place_box)
        form_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        actions = QHBoxLayout()
        actions.addWidget(self.test_button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addWidget(self.result_label)
        right.addLayout(actions)

        columns = QHBoxLayout()
        columns.addLayout(left, 0)
        columns.addLayout(right, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(close)
        QShortcut(QKeySequence("Ctrl+T"), self).activated.connect(self.test_connection)
        self.test_button.setText(_tr("&Test connection (Ctrl+T)"))
        self.resize(860, 700)

        self.refresh()
        if self.list.count() == 0:
            self.new_account()
        else:
            self.list.setCurrentRow(0)

    @staticmethod
    def _port() -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 65535)
        box.setSpecialValueText(_tr("default"))
        box.setToolTip(_tr("Leave at 'default' for the usual port of the security chosen"))
        return box

    @staticmethod
    def _server_row(host: QLineEdit, port: QSpinBox, security: SecurityBox) -> QWidget:
        widget = QWidget()
        row = QHBoxLayout(widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(host, 3)
        row.addWidget(QLabel(_tr("port")))
        row.addWidget(port, 1)
        row.addWidget(security, 1)
        return widget

    # -- the list -------------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        select = select or self.current
        self.list.blockSignals(True)
        self.list.clear()
        for account in self.services.mail_accounts.list():
            item = QListWidgetItem(f"{account.name}\n{account.email}")
            item.setData(Qt.ItemDataRole.UserRole, account.name)
            if account.last_error:
                item.setToolTip(_tr("Last sync: %1").replace("%1", account.last_error))
                item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
            if account.name == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.remove_button.setEnabled(self.current is not None)

    def names(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]

    def _picked(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        name = str(item.data(Qt.ItemDataRole.UserRole))
        try:
            account = self.services.mail_accounts.get(name)
        except ServiceError as exc:
            self.show_result(False, str(exc))
            return
        self.load(account)

    def load(self, account: AccountView) -> None:
        self.current = account.name
        self.name.setText(account.name)
        self.email.setText(account.email)
        self.display_name.setText(account.display_name)
        self.username.setText(account.username)
        self.password.clear()
        self.password.setPlaceholderText(_tr("unchanged — type to replace"))
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
            _tr("Read from the environment variable %1 at each sync.").replace(
                "%1", account.password_env
            )
            if account.password_env
            else ""
        )
        self.result_label.clear()
        self.remove_button.setEnabled(True)
        self._security_changed()

    def new_account(self) -> None:
        self.current = None
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
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
        self.result_label.setText(_tr("New account: fill in the form and save."))
        self.remove_button.setEnabled(False)
        self._security_changed()
        self.name.setFocus()

    def _security_changed(self) -> None:
        plain = "none" in (self.imap_security.value(), self.smtp_security.value())
        self.allow_plain.setVisible(plain)

    # -- saving ---------------------------------------------------------------------------------

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

    def save(self) -> bool:
        """Store the form; the answer (or the problem) shows under the form."""
        plain = "none" in (self.imap_security.value(), self.smtp_security.value())
        if plain and not self.allow_plain.isChecked():
            self.show_result(
                False,
                _tr(
                    "Unencrypted connections need the tick under the servers; or choose SSL/TLS "
                    "or STARTTLS."
                ),
            )
            self.allow_plain.setFocus()
            return False
        accounts = self.services.mail_accounts
        password = self.password.text() or None
        place = self.place()
        try:
            data = self.form_input()
            if self.current is None:
                if password is None:
                    self.show_result(False, _tr("Enter the password for the account."))
                    self.password.setFocus()
                    return False
                view, stored = accounts.add(data, password, place)
                self.current = view.name
            else:
                if data.name.strip() != self.current:
                    self.show_result(
                        False,
                        _tr("An account cannot be renamed; add a new one and remove this one."),
                    )
                    return False
                view = accounts.update(self.current, data, password, place)
                stored = place if password else None
        except ServiceError as exc:
            self.show_result(False, str(exc))
            return False
        self.password.clear()
        self.password.setPlaceholderText(_tr("unchanged — type to replace"))
        self.refresh(view.name)
        self.remove_button.setEnabled(True)
        where = {
            SecretPlace.KEYRING: _tr("the password is in the system keyring"),
            SecretPlace.FILE: _tr("the password is in a file only you can read"),
            SecretPlace.SESSION: _tr("the password is kept until you quit SoloService"),
        }
        note = _tr("Saved %1").replace("%1", view.name)
        if stored is not None:
            note += " — " + where[stored]
        self.show_result(True, note)
        self.changed.emit()
        return True

    def show_result(self, ok: bool, text: str) -> None:
        self.result_label.setText(result_html(ok, text))

    # -- removing -------------------------------------------------------------------------------

    def ask_remove(self) -> None:
        name = self.current
        if name is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _tr("Remove mail account"),
            _tr(
                "Remove the account %1 and its stored password? Mail already fetched stays in "
                "the inbox; no new mail is fetched from it."
            ).replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(_tr("&Remove"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.remove(name))
        self.confirm_box = box
        box.open()

    def remove(self, name: str) -> None:
        try:
            self.services.mail_accounts.remove(name)
        except ServiceError as exc:
            self.show_result(False, str(exc))
            return
        self.current = None
        self.refresh()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.new_account()
        self.show_result(True, _tr("Removed %1").replace("%1", name))
        self.changed.emit()

    # -- testing --------------------------------------------------------------------------------

    def test_connection(self) -> None:
        """Save what was typed, then log in to both servers on the worker."""
        if self.testing:
            return
        typed = self.password.text() or None
        if not self.save():
            return
        name = self.current
        assert name is not None
        self.testing = True
        self.test_button.setEnabled(False)
        self.result_label.setText(
            _tr("Testing %1 — connecting to both servers…").replace("%1", name)
        )
        accounts = self.services.mail_accounts
        self.runner.run_task(lambda: accounts.test(name, typed), self._tested, self._test_failed)

    def _tested(self, results: object) -> None:
        self.testing = False
        self.test_button.setEnabled(True)
        lines: list[str] = []
        for r in results if isinstance(results, list) else []:
            if r.ok:
                lines.append(result_html(True, r.message))
            else:
                lines.append(result_html(False, f"{failure_title(r.kind)}: {r.message}"))
        self.result_label.setText("<br>".join(lines))
        self.tested.emit(results)

    def _test_failed(self, error: BaseException) -> None:
        self.testing = False
        self.test_button.setEnabled(True)
        self.show_result(False, str(error))
        self.tested.emit([])

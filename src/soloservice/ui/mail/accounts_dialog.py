"""Tools > Mail accounts: add, edit, remove and test the founder's mailboxes.

The form mirrors ``soloservice account add``. Passwords go to the OS keyring; where the
machine has none the dialog says so and lets the founder choose between keeping the password
for this session only (the default) and a 0600 file. Unencrypted connections need an explicit
tick. "Test connection" runs on the worker and shows per server exactly what failed.
The form itself is account_form.py.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.errors import ServiceError
from soloservice.services.mail_accounts import AccountView
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace
from soloservice.ui.mail.account_form import AccountForm, failure_title
from soloservice.ui.mail.common import result_html
from soloservice.ui.tasks import TaskRunner


class AccountsDialog(AccountForm, QDialog):
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
        self.setWindowTitle(QCoreApplication.translate("MailAccountsDialog", "Mail accounts"))

        self.list = QListWidget()
        self.list.setAccessibleName(
            QCoreApplication.translate("MailAccountsDialog", "Mail accounts")
        )
        self.list.setMinimumWidth(180)
        self.list.currentItemChanged.connect(self._picked)
        self.add_button = QPushButton(QCoreApplication.translate("MailAccountsDialog", "&Add"))
        self.remove_button = QPushButton(
            QCoreApplication.translate("MailAccountsDialog", "Re&move…")
        )
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

        # -- testing and saving ---------------------------------------------------------------
        self.test_button = QPushButton(
            QCoreApplication.translate("MailAccountsDialog", "&Test connection")
        )
        self.test_button.setAutoDefault(False)
        self.test_button.setToolTip(
            QCoreApplication.translate(
                "MailAccountsDialog", "Saves changes first, then logs in to both servers"
            )
        )
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(QCoreApplication.translate("MailAccountsDialog", "Sa&ve"))
        self.save_button.setDefault(True)
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.setToolTip(
            QCoreApplication.translate("MailAccountsDialog", "Save the account (Ctrl+S)")
        )
        self.save_button.clicked.connect(lambda: self.save())  # not clicked(checked) as then
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setAccessibleName(
            QCoreApplication.translate("MailAccountsDialog", "Result")
        )

        form_widget = self.build_form()
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
        self.test_button.setText(
            QCoreApplication.translate("MailAccountsDialog", "&Test connection (Ctrl+T)")
        )
        self.resize(860, 700)

        self.refresh()
        if self.list.count() == 0:
            self.new_account()
        else:
            self.list.setCurrentRow(0)

    # -- the list -------------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        select = select or self.current
        self.list.blockSignals(True)
        self.list.clear()
        for account in self.services.mail_accounts.list():
            item = QListWidgetItem(f"{account.name}\n{account.email}")
            item.setData(Qt.ItemDataRole.UserRole, account.name)
            if account.last_error:
                item.setToolTip(
                    QCoreApplication.translate("MailAccountsDialog", "Last sync: %1").replace(
                        "%1", account.last_error
                    )
                )
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
        self.fill_form(account)
        self.result_label.clear()
        self.remove_button.setEnabled(True)
        self._security_changed()

    def new_account(self) -> None:
        self.current = None
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.clear_form()
        self.result_label.setText(
            QCoreApplication.translate(
                "MailAccountsDialog", "New account: fill in the form and save."
            )
        )
        self.remove_button.setEnabled(False)
        self._security_changed()
        self.name.setFocus()

    # -- saving ---------------------------------------------------------------------------------

    def save(self, then: Callable[[], None] | None = None) -> bool:
        """Check the form and store it on the database lane; the answer (or the problem)
        shows under the form, and ``then`` runs once it is stored. False: not started."""
        plain = "none" in (self.imap_security.value(), self.smtp_security.value())
        if plain and not self.allow_plain.isChecked():
            self.show_result(
                False,
                QCoreApplication.translate(
                    "MailAccountsDialog",
                    "Unencrypted connections need the tick under the servers; or choose SSL/TLS "
                    "or STARTTLS.",
                ),
            )
            self.allow_plain.setFocus()
            return False
        accounts = self.services.mail_accounts
        password = self.password.text() or None
        place = self.place()
        current = self.current
        try:
            data = self.form_input()
        except ServiceError as exc:
            self.show_result(False, str(exc))
            return False
        if current is None and password is None:
            self.show_result(
                False,
                QCoreApplication.translate(
                    "MailAccountsDialog", "Enter the password for the account."
                ),
            )
            self.password.setFocus()
            return False
        if current is not None and data.name.strip() != current:
            self.show_result(
                False,
                QCoreApplication.translate(
                    "MailAccountsDialog",
                    "An account cannot be renamed; add a new one and remove this one.",
                ),
            )
            return False

        def store() -> tuple[AccountView, SecretPlace | None]:
            if current is None:
                assert password is not None
                return accounts.add(data, password, place)
            return accounts.update(current, data, password, place), (place if password else None)

        def stored(result: tuple[AccountView, SecretPlace | None]) -> None:
            self._saved(*result)
            if then is not None:
                then()

        self.save_button.setEnabled(False)
        self.runner.run_task(store, stored, self._save_failed)
        return True

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.testing = False  # a test waits for its save: not started
        self.test_button.setEnabled(True)
        self.show_result(False, str(exc) if isinstance(exc, ServiceError) else repr(exc))

    def _saved(self, view: AccountView, stored: SecretPlace | None) -> None:
        self.save_button.setEnabled(True)
        self.current = view.name
        self.password.clear()
        self.password.setPlaceholderText(
            QCoreApplication.translate("MailAccountsDialog", "unchanged — type to replace")
        )
        self.refresh(view.name)
        self.remove_button.setEnabled(True)
        where = {
            SecretPlace.KEYRING: QCoreApplication.translate(
                "MailAccountsDialog", "the password is in the system keyring"
            ),
            SecretPlace.FILE: QCoreApplication.translate(
                "MailAccountsDialog", "the password is in a file only you can read"
            ),
            SecretPlace.SESSION: QCoreApplication.translate(
                "MailAccountsDialog", "the password is kept until you quit SoloService"
            ),
        }
        note = QCoreApplication.translate("MailAccountsDialog", "Saved %1").replace("%1", view.name)
        if stored is not None:
            note += " — " + where[stored]
        self.show_result(True, note)
        self.changed.emit()

    def show_result(self, ok: bool, text: str) -> None:
        self.result_label.setText(result_html(ok, text))

    # -- removing -------------------------------------------------------------------------------

    def ask_remove(self) -> None:
        name = self.current
        if name is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("MailAccountsDialog", "Remove mail account"),
            QCoreApplication.translate(
                "MailAccountsDialog",
                "Remove the account %1 and its stored password? Mail already fetched stays in "
                "the inbox; no new mail is fetched from it.",
            ).replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(
            QCoreApplication.translate("MailAccountsDialog", "&Remove")
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.remove(name))
        self.confirm_box = box
        box.open()

    def remove(self, name: str) -> None:
        accounts = self.services.mail_accounts
        self.runner.run_task(
            lambda: accounts.remove(name), lambda _r: self._removed(name), self._save_failed
        )

    def _removed(self, name: str) -> None:
        self.current = None
        self.refresh()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.new_account()
        self.show_result(
            True, QCoreApplication.translate("MailAccountsDialog", "Removed %1").replace("%1", name)
        )
        self.changed.emit()

    # -- testing --------------------------------------------------------------------------------

    def test_connection(self) -> None:
        """Save what was typed, then log in to both servers on the worker."""
        if self.testing:
            return
        typed = self.password.text() or None
        if not self.save(then=lambda: self._start_test(typed)):
            return
        self.testing = True  # until the test ran (or the save failed)
        self.test_button.setEnabled(False)
        self._show_testing(self.name.text().strip())

    def _show_testing(self, name: str) -> None:
        self.result_label.setText(
            QCoreApplication.translate(
                "MailAccountsDialog", "Testing %1 — connecting to both servers…"
            ).replace("%1", name)
        )

    def _start_test(self, typed: str | None) -> None:
        name = self.current
        assert name is not None
        self._show_testing(name)  # the save put its own note there
        accounts = self.services.mail_accounts
        self.runner.run_network_task(
            lambda: accounts.test(name, typed), self._tested, self._test_failed
        )

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

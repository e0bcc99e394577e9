"""Tools > Social accounts: connected Facebook pages, Instagram and X accounts, with the
last sync and its error; add, remove, renew a token, poll now.

Polling runs on the worker; a rate limit or an expired token is shown on the account's
row (and kept by the service), never as a popup every ten minutes.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.types import Channel
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace
from soloservice.services.social import AccountInputError, AccountProblem
from soloservice.services.social_dto import PollSummary, SocialAccountView
from soloservice.ui import formatting as fmt
from soloservice.ui.channels.common import styled_label
from soloservice.ui.channels.platforms import platform_name
from soloservice.ui.channels.social_wording import error_text, input_error_text
from soloservice.ui.icons import channel_icon
from soloservice.ui.style import ERROR_STYLE, HINT_STYLE, OK_STYLE
from soloservice.ui.tasks import TaskRunner

PLATFORMS = (Channel.FACEBOOK, Channel.INSTAGRAM, Channel.X)


def place_text(place: SecretPlace | None, env: str | None = None) -> str:
    """Where a token went, in words the founder can act on."""

    if place is None:
        return QCoreApplication.translate(
            "SocialAccounts", "The token is read from the environment variable %1."
        ).replace("%1", env or "")
    if place is SecretPlace.KEYRING:
        return QCoreApplication.translate(
            "SocialAccounts", "The token is stored in the system keyring."
        )
    if place is SecretPlace.FILE:
        return QCoreApplication.translate(
            "SocialAccounts",
            "The token is stored in the secrets file in your data folder (only you can read it).",
        )
    return QCoreApplication.translate(
        "SocialAccounts",
        "No keyring on this machine: the token is kept for this session only; "
        "enter it again after a restart.",
    )


def poll_text(summary: PollSummary) -> str:

    if summary.ok:
        return (
            QCoreApplication.translate("SocialAccounts", "%1: %2 new inquiries, %3 new messages")
            .replace("%1", summary.account)
            .replace("%2", str(summary.new_inquiries))
            .replace("%3", str(summary.added))
        )
    failed = QCoreApplication.translate("SocialAccounts", "failed")
    return f"{summary.account}: {error_text(summary.error) if summary.error else failed}"


class SocialAccountsDialog(QDialog):
    """Emits ``polled(list[PollSummary])`` after Poll now, ``accounts_changed()`` after an
    add or removal."""

    polled = Signal(object)
    accounts_changed = Signal()

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.tz = ZoneInfo(services.ctx.settings.timezone)
        self.views: list[SocialAccountView] = []
        self.polling = False
        self.setWindowTitle(self.tr("Social accounts"))

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Platform"), self.tr("Account"), self.tr("Last sync"),
             self.tr("Status")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Connected accounts"))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = styled_label(
            self.tr(
                "No account connected. Without one, import the platforms' exports "
                "(File › Import) or capture messages by hand (Ctrl+Shift+C)."
            )
        )

        self.poll_button = QPushButton(self.tr("&Poll now"))
        self.poll_button.setToolTip(self.tr("Fetch new messages from every account"))
        self.poll_button.clicked.connect(self.poll_now)
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.remove_button.clicked.connect(self.remove)
        self.renew_button = QPushButton(self.tr("Use token for selected"))
        self.renew_button.setToolTip(
            self.tr("Put the token typed below on the selected account (an expired one renewed)")
        )
        self.renew_button.clicked.connect(self.renew_token)
        top_buttons = QHBoxLayout()
        top_buttons.addWidget(self.poll_button)
        top_buttons.addWidget(self.renew_button)
        top_buttons.addStretch(1)
        top_buttons.addWidget(self.remove_button)
        self.status = QLabel()
        self.status.setObjectName("accountStatus")
        self.status.setWordWrap(True)

        add_box = QGroupBox(self.tr("Connect an account"))
        form = QFormLayout(add_box)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("one word, e.g. shop-fb"))
        self.platform_combo = QComboBox()
        for platform in PLATFORMS:
            self.platform_combo.addItem(channel_icon(platform), platform_name(platform), platform)
        self.platform_combo.currentIndexChanged.connect(self._platform_changed)
        self.ref_edit = QLineEdit()
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("access token (never shown again)"))
        self.place_combo = QComboBox()
        self.place_combo.addItem(self.tr("System keyring (recommended)"), SecretPlace.KEYRING)
        self.place_combo.addItem(self.tr("Secrets file in the data folder"), SecretPlace.FILE)
        self.place_combo.addItem(self.tr("This session only"), SecretPlace.SESSION)
        self.base_url_edit = QLineEdit()
        self.base_url_edit.setPlaceholderText(self.tr("leave empty (only for a test server)"))
        self.add_button = QPushButton(self.tr("&Connect"))
        self.add_button.clicked.connect(self.add)
        self.add_error = styled_label(style=ERROR_STYLE)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("Pla&tform:"), self.platform_combo)
        form.addRow(self.tr("&Account id:"), self.ref_edit)
        form.addRow(self.tr("T&oken:"), self.token_edit)
        form.addRow(self.tr("Store token &in:"), self.place_combo)
        form.addRow(self.tr("API address:"), self.base_url_edit)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_error, 1)
        add_row.addWidget(self.add_button)
        form.addRow(add_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(top_buttons)
        layout.addWidget(self.status)
        layout.addWidget(add_box)
        layout.addWidget(buttons)
        self._platform_changed()
        self.refresh()
        self.table.setMinimumHeight(120)
        self.resize(760, 540)

    # -- the list ------------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected()
        self.views = self.services.social.accounts()
        self.table.setRowCount(len(self.views))
        for row, view in enumerate(self.views):
            when = (
                fmt.long_time(view.last_sync_at, self.tz) if view.last_sync_at else self.tr("never")
            )
            error = error_text(view.last_error or "")
            state = error or (self.tr("OK") if view.last_sync_at else self.tr("not polled yet"))
            if not view.enabled:
                state = self.tr("off") + (f" — {error}" if error else "")
            cells = [view.name, platform_name(view.platform), view.account_ref, when, state]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setIcon(channel_icon(view.platform))
                if column == 4 and error:
                    item.setForeground(Qt.GlobalColor.red)
                    item.setToolTip(error)
                self.table.setItem(row, column, item)
            if selected is not None and view.name == selected.name:
                self.table.selectRow(row)
        has = bool(self.views)
        self.empty.setVisible(not has)
        self.poll_button.setEnabled(has and not self.polling)
        self._selection_changed()

    def selected(self) -> SocialAccountView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.views):
            return None
        return self.views[rows[0].row()]

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        self.remove_button.setEnabled(chosen)
        self.renew_button.setEnabled(chosen)

    def _ref_hint(self) -> str:
        hints = {
            Channel.FACEBOOK: self.tr("the Facebook Page id"),
            Channel.INSTAGRAM: self.tr("PAGE_ID:INSTAGRAM_ACCOUNT_ID"),
            Channel.X: self.tr("your X user id (a number)"),
        }
        return hints[self.platform_combo.currentData()]

    def _platform_changed(self, _index: int = 0) -> None:
        self.ref_edit.setPlaceholderText(self._ref_hint())

    # -- changing ------------------------------------------------------------------------------

    def add(self) -> None:
        token = self.token_edit.text().strip()
        place = SecretPlace(str(self.place_combo.currentData()))
        social, name = self.services.social, self.name_edit.text()
        platform = Channel(str(self.platform_combo.currentData()))
        ref, base_url = self.ref_edit.text(), self.base_url_edit.text().strip() or None
        self.add_button.setEnabled(False)

        def store() -> object:
            return social.add(
                name, platform, ref, token=token or None, base_url=base_url, place=place
            )

        def stored(result: object) -> None:
            self.add_button.setEnabled(True)
            assert isinstance(result, tuple)
            self._added(result[1])

        self.runner.run_task(store, stored, self._change_failed)

    def _change_failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        if isinstance(exc, AccountInputError):
            self.add_error.setText(input_error_text(exc, self._ref_hint()))
            self._field_of(exc.problem).setFocus()
            return
        self.add_error.setText(str(exc) if isinstance(exc, ServiceError) else repr(exc))

    def _field_of(self, problem: AccountProblem) -> QWidget:
        """Where the founder corrects ``problem``."""
        if problem in (AccountProblem.BAD_NAME, AccountProblem.NAME_TAKEN):
            return self.name_edit
        if problem in (AccountProblem.NO_ACCOUNT_REF, AccountProblem.INSTAGRAM_REF):
            return self.ref_edit
        if problem is AccountProblem.BAD_BASE_URL:
            return self.base_url_edit
        return self.token_edit

    def _added(self, stored: SecretPlace | None) -> None:
        self.add_error.clear()
        self._status(
            self.tr("Connected %1. %2")
            .replace("%1", self.name_edit.text().strip())
            .replace("%2", place_text(stored)),
            OK_STYLE,
        )
        for edit in (self.name_edit, self.ref_edit, self.token_edit, self.base_url_edit):
            edit.clear()
        self.refresh()
        self.accounts_changed.emit()

    def renew_token(self) -> None:
        view = self.selected()
        token = self.token_edit.text().strip()
        if view is None:
            return
        if not token:
            self.add_error.setText(self.tr("Type the new token in the Token field first."))
            self.token_edit.setFocus()
            return
        social, name = self.services.social, view.name
        place = SecretPlace(str(self.place_combo.currentData()))
        self.runner.run_task(
            lambda: social.set_token(name, token, place),
            lambda stored: self._renewed(view, stored),
            self._change_failed,
        )

    def _renewed(self, view: SocialAccountView, stored: SecretPlace | None) -> None:
        self.token_edit.clear()
        self.add_error.clear()
        self._status(
            self.tr("New token for %1. %2")
            .replace("%1", view.name)
            .replace("%2", place_text(stored)),
            OK_STYLE,
        )
        self.refresh()

    def remove(self) -> None:
        view = self.selected()
        if view is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove account"),
            self.tr(
                "Disconnect %1 and delete its stored token? Conversations already fetched stay "
                "in the inbox."
            ).replace("%1", view.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        social, name = self.services.social, view.name

        def failed(exc: BaseException) -> None:
            self._status(str(exc) if isinstance(exc, ServiceError) else repr(exc), ERROR_STYLE)

        self.runner.run_task(lambda: social.remove(name), lambda _r: self._removed(name), failed)

    def _removed(self, name: str) -> None:
        self._status(self.tr("Removed %1.").replace("%1", name), HINT_STYLE)
        self.refresh()
        self.accounts_changed.emit()

    def poll_now(self) -> None:
        if self.polling:
            return
        self.polling = True
        self.poll_button.setEnabled(False)
        self._status(self.tr("Polling…"), HINT_STYLE)
        social = self.services.social
        self.runner.run_network_task(social.poll_all, self._polled, self._poll_failed)

    def _polled(self, summaries: list[PollSummary]) -> None:
        self.polling = False
        failed = [s for s in summaries if not s.ok]
        self._status(
            "\n".join(poll_text(s) for s in summaries), ERROR_STYLE if failed else OK_STYLE
        )
        self.refresh()
        self.polled.emit(summaries)

    def _poll_failed(self, error: BaseException) -> None:
        self.polling = False
        self._status(str(error), ERROR_STYLE)
        self.refresh()

    def _status(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)

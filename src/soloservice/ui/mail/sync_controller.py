"""Fetching mail in the background: on start-up, on F5, every few minutes and whenever IMAP
IDLE reports new mail (ui/mail/idle_watcher.py).

Everything touching the network runs on the window's worker. The worker only writes the
latest progress into an attribute; a GUI-thread timer reads it for the status bar (no Qt
signal is emitted from the worker, see ui/tasks.py). Problems never pop up a dialog: a
wrong password would otherwise interrupt the founder every five minutes. They show as a
warning button in the status bar that opens the details on a click (sync_report.py words
the outcome and holds the details dialog).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QProgressBar,
    QStyle,
    QToolButton,
)

from soloservice.plurals import PluralContext
from soloservice.services.mail_accounts import AccountView, secret_key
from soloservice.services.mail_sync import SyncProgress, SyncSummary
from soloservice.services.outbox_dto import OutboxResult
from soloservice.services.secrets import SecretPlace
from soloservice.ui.mail.password_prompt import PasswordPrompt
from soloservice.ui.mail.sync_report import ErrorDetailsDialog, stored_anything, summary_text

MailSync = PluralContext("MailSync")

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost

DEFAULT_INTERVAL_MS = 5 * 60 * 1000
STARTUP_DELAY_MS = 2_000
PROGRESS_POLL_MS = 150


class SyncController(QObject):
    """Runs syncs and shows their progress and outcome in the window's status bar."""

    #: a sync finished (list[SyncSummary])
    synced = Signal(object)
    #: the outbox was worked through (OutboxResult) — composers refresh their outbox state
    outbox_changed = Signal(object)
    #: the founder asked to fix an account from the error details
    accounts_requested = Signal()

    def __init__(self, window: FeatureHost, interval_ms: int = DEFAULT_INTERVAL_MS) -> None:
        super().__init__(window.widget)
        self.window = window
        self.services = window.services
        self.running = False
        self.sending = False
        self.errors: list[str] = []
        self.last_summaries: list[SyncSummary] = []
        self._cancel: threading.Event | None = None
        self._progress: SyncProgress | None = None
        self.details: ErrorDetailsDialog | None = None
        #: syncs asked for while one was running (None: every account); run right after it
        self.requested: set[str | None] = set()
        #: accounts whose password was asked for this run (asked once per run, not per sync)
        self.asked: set[str] = set()
        #: accounts the founder chose not to enter a password for this run
        self.skipped: set[str] = set()
        self.prompt: PasswordPrompt | None = None

        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.start_sync)
        self.startup_timer = QTimer(self)
        self.startup_timer.setSingleShot(True)
        self.startup_timer.setInterval(STARTUP_DELAY_MS)
        self.startup_timer.timeout.connect(self.first_sync)
        self.poll = QTimer(self)
        self.poll.setInterval(PROGRESS_POLL_MS)
        self.poll.timeout.connect(self._show_progress)

        bar = window.statusBar()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.setAccessibleName(
            QCoreApplication.translate("MailSync", "Mail sync progress")
        )
        self.progress.setVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.setText(QCoreApplication.translate("MailSync", "Stop"))
        self.cancel_button.setToolTip(
            QCoreApplication.translate("MailSync", "Stop fetching mail (what was fetched is kept)")
        )
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.warning_button = QToolButton()
        self.warning_button.setIcon(
            window.widget.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        )
        self.warning_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.warning_button.setAutoRaise(True)
        self.warning_button.setVisible(False)
        self.warning_button.clicked.connect(self.show_details)
        bar.addPermanentWidget(self.warning_button)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    # -- starting -------------------------------------------------------------------------------

    def start(self) -> None:
        """Begin the schedule: a first sync shortly after the window shows, then periodic."""
        self.startup_timer.start()
        self.timer.start()

    def stop_schedule(self) -> None:
        """The window is closing: no first or periodic sync (nor a password prompt) later."""
        self.startup_timer.stop()
        self.timer.stop()

    def first_sync(self) -> None:
        """The sync at start: first ask for passwords nothing keeps (no keyring)."""
        if not self.ask_password():
            self.start_sync()

    def missing_passwords(self) -> list[AccountView]:
        """Enabled accounts with no password anywhere, not yet asked for this run."""
        secrets = self.services.secrets
        return [
            a
            for a in self.services.mail_accounts.list()
            if a.enabled
            and a.name not in self.asked
            and not secrets.has(secret_key(a.name), a.password_env)
        ]

    def ask_password(self) -> bool:
        """Open the prompt for the next account without a password; False when none."""
        if self.prompt is not None:
            return True
        missing = self.missing_passwords()
        if not missing:
            return False
        account = missing[0]
        self.asked.add(account.name)
        prompt = PasswordPrompt(account, self.services.secrets.file_path, self.window.widget)
        prompt.answered.connect(lambda pw, keep: self._password_given(account.name, pw, keep))
        prompt.rejected.connect(lambda: self._password_skipped(account.name))
        prompt.finished.connect(prompt.deleteLater)
        self.prompt = prompt
        prompt.open()
        return True

    def _password_given(self, name: str, password: str, remember: bool) -> None:
        place = SecretPlace.FILE if remember else SecretPlace.SESSION
        self.services.secrets.put(secret_key(name), password, place)
        self.skipped.discard(name)
        self._next_prompt()

    def _password_skipped(self, name: str) -> None:
        self.skipped.add(name)
        self.window.statusBar().showMessage(self._skipped_text(name), 20_000)
        self._next_prompt()

    def _skipped_text(self, name: str) -> str:
        return QCoreApplication.translate(
            "MailSync",
            "Mail account “%1” is not synced: no password entered. Enter it in "
            "Tools > Mail accounts…, or restart SoloService.",
        ).replace("%1", name)

    def _next_prompt(self) -> None:
        self.prompt = None
        if not self.ask_password():
            self.start_sync()

    def has_accounts(self) -> bool:
        return any(a.enabled for a in self.services.mail_accounts.list())

    def start_sync(self, account_name: str | None = None) -> bool:
        """Start a sync on the worker; False when one is running or no account exists."""
        if self.running or not self.has_accounts():
            return False
        self.running = True
        self._progress = None
        cancel = threading.Event()
        self._cancel = cancel
        sync = self.services.mail_sync

        def job() -> list[SyncSummary]:
            return sync.sync(account_name, progress=self._record_progress, cancel=cancel)

        self.progress.setRange(0, 0)
        self.progress.setFormat(QCoreApplication.translate("MailSync", "Checking mail…"))
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.poll.start()
        self.window.runner.run_network_task(job, self._finished, self._crashed)
        return True

    def request_sync(self, account_name: str | None = None) -> bool:
        """Sync now, or right after the running sync if one is under way.

        IDLE reports new mail at any moment; the running sync may have looked at the
        mailbox before that mail arrived, so dropping the request could leave it unfetched
        until the next periodic sync. True when a sync started now.
        """
        if account_name is not None and account_name not in self._enabled_names():
            return False
        if self.start_sync(account_name):
            return True
        if self.running:
            self.requested.add(account_name)
        return False

    def _enabled_names(self) -> set[str]:
        return {a.name for a in self.services.mail_accounts.list() if a.enabled}

    def _start_requested(self) -> None:
        requested, self.requested = self.requested, set()
        if not requested:
            return
        names = {n for n in requested if n is not None}
        if None in requested or len(names) > 1:
            self.start_sync()
        else:
            self.request_sync(names.pop())

    def _record_progress(self, progress: SyncProgress) -> None:
        # Runs on the worker: only store it; the GUI thread polls.
        self._progress = progress

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(QCoreApplication.translate("MailSync", "Stopping…"))

    def _show_progress(self) -> None:
        p = self._progress
        if p is None or (self._cancel is not None and self._cancel.is_set()):
            return
        if p.total <= 0:
            self.progress.setRange(0, 0)
            self.progress.setFormat(QCoreApplication.translate("MailSync", "Checking mail…"))
            return
        self.progress.setRange(0, p.total)
        self.progress.setValue(min(p.done, p.total))
        locale = QLocale()
        locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)  # 6,046 even in C
        self.progress.setFormat(
            QCoreApplication.translate("MailSync", "Fetching %1 of %2…")
            .replace("%1", locale.toString(p.done))
            .replace("%2", locale.toString(p.total))
        )

    # -- finishing ------------------------------------------------------------------------------

    def _stop_progress(self) -> None:
        self.running = False
        self._cancel = None
        self.poll.stop()
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def _finished(self, result: object) -> None:
        self._stop_progress()
        summaries = (
            [s for s in result if isinstance(s, SyncSummary)] if isinstance(result, list) else []
        )
        self.last_summaries = summaries
        # A missing password is asked for at start (and skipped on purpose): say so in
        # words, not with the service's note about --password-env.
        errors = [
            self._skipped_text(s.account) if s.password_missing else f"{s.account}: {e}"
            for s in summaries
            for e in (s.errors[:1] if s.password_missing else s.errors)
        ]
        self._set_errors(errors)
        message = QCoreApplication.translate("MailSync", "Mail: %1").replace(
            "%1", summary_text(summaries)
        )
        if errors:
            message += " — " + MailSync.tr("%n problem(s), see the warning", "", len(errors))
        self.window.statusBar().showMessage(message, 20_000)
        if stored_anything(summaries):
            self.window.reload()
        self.synced.emit(summaries)
        self.send_outbox()
        self._start_requested()

    def _crashed(self, error: BaseException) -> None:
        self._stop_progress()
        self._set_errors([f"{type(error).__name__}: {error}"])
        self.window.statusBar().showMessage(
            QCoreApplication.translate("MailSync", "Mail sync failed — see the warning"), 20_000
        )
        self.synced.emit([])
        self._start_requested()

    def _set_errors(self, errors: list[str]) -> None:
        self.errors = errors
        self.warning_button.setVisible(bool(errors))
        if errors:
            login = any("login" in e.lower() or "password" in e.lower() for e in errors)
            self.warning_button.setText(
                QCoreApplication.translate("MailSync", "Mail: check the password")
                if login
                else QCoreApplication.translate("MailSync", "Mail: problem")
            )
            self.warning_button.setToolTip("\n".join(errors))
        if self.details is not None and self.details.isVisible():
            self.details.text.setPlainText(
                "\n".join(errors) or QCoreApplication.translate("MailSync", "No problems any more.")
            )

    def show_details(self) -> ErrorDetailsDialog:
        """The last sync's problems in a small non-modal window."""
        if self.details is None:
            self.details = ErrorDetailsDialog("", self.window.widget)
            self.details.accepted.connect(self.accounts_requested)
        self.details.text.setPlainText(
            "\n".join(self.errors)
            or QCoreApplication.translate("MailSync", "No problems any more.")
        )
        self.details.show()
        self.details.raise_()
        return self.details

    # -- the outbox -----------------------------------------------------------------------------

    def send_outbox(self) -> None:
        """Send every reply that is due, on the worker (after each sync, or on request)."""
        if self.sending:
            return
        self.sending = True
        outbox = self.services.outbox
        self.window.runner.run_network_task(
            outbox.send_pending, self._outbox_sent, self._outbox_failed
        )

    def _outbox_sent(self, result: object) -> None:
        self.sending = False
        if not isinstance(result, OutboxResult):
            return
        if result.sent:
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "MailSync", "Sent %1 waiting repl(ies) from the outbox"
                ).replace("%1", str(result.sent)),
                15_000,
            )
            self.window.reload()
        self.outbox_changed.emit(result)

    def _outbox_failed(self, error: BaseException) -> None:
        self.sending = False
        self.window.statusBar().showMessage(
            QCoreApplication.translate("MailSync", "Sending the outbox failed: %1").replace(
                "%1", str(error)
            ),
            20_000,
        )
        self.outbox_changed.emit(None)

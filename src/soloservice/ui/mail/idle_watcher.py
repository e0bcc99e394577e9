"""Hearing about new mail the moment it arrives, through IMAP IDLE.

Each enabled account whose server offers IDLE gets one plain Python thread holding a
connection of its own in IDLE; servers without IDLE are left to the periodic sync. The
threads never touch Qt and hold no Qt object: emitting a signal from a foreign thread
crashes PySide 6.12 (see ui/tasks.py), and a Qt object whose last reference dies on a
thread is destroyed on the wrong thread (see ui/gc_guard.py). A thread only puts the
account's name into a queue; a timer on the GUI thread drains it and emits ``new_mail``.

The TaskRunner's single worker is not used: an IDLE connection waits for hours and would
block every other task behind it.
"""

from __future__ import annotations

import logging
import os
import queue
import ssl
import threading
import time
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from soloservice.channels.email.errors import MailError
from soloservice.channels.email.imap import IDLE_RENEW_SECONDS, ImapSession, supports_idle
from soloservice.services.errors import ServiceError
from soloservice.services.mail_accounts import MailAccountService, PasswordMissing

log = logging.getLogger(__name__)

#: ``SOLOSERVICE_NO_IDLE=1`` switches IDLE off: the periodic sync alone fetches mail.
ENV_SWITCH = "SOLOSERVICE_NO_IDLE"
#: Waits before reconnecting after a failure: quick at first, then no more often than the
#: periodic sync would try anyway.
BACKOFF_SECONDS = (30.0, 60.0, 300.0)
#: A connection that lasted this long was fine: the next failure backs off from the start.
HEALTHY_SECONDS = 120.0
DRAIN_MS = 500
#: How long stop() waits for the threads (each notices within IDLE_CHECK_SECONDS).
STOP_WAIT_SECONDS = 2.0


class State:
    """What one account's thread is doing, for the status tooltip and for tests."""

    CONNECTING = "connecting"
    IDLE = "idle"
    RETRYING = "retrying"
    UNSUPPORTED = "unsupported"
    NO_PASSWORD = "no password"
    STOPPED = "stopped"


def idle_switched_off(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(ENV_SWITCH, "").strip().lower() in {"1", "true", "yes", "on"}


class AccountWatch:
    """One account's IDLE loop, run on its own daemon thread.

    Plain Python on purpose (see the module docstring); everything it shares with the GUI
    thread is a str attribute, an Event and a thread-safe queue.
    """

    def __init__(
        self,
        name: str,
        accounts: MailAccountService,
        inbox: queue.Queue[str],
        *,
        ssl_context: ssl.SSLContext | None = None,
        backoff: Sequence[float] = BACKOFF_SECONDS,
    ) -> None:
        self.name = name
        self.accounts = accounts
        self.inbox = inbox
        self.ssl_context = ssl_context
        self.backoff = tuple(backoff) or BACKOFF_SECONDS
        self.stop_event = threading.Event()
        self.state = State.CONNECTING
        self.last_error = ""
        self.thread = threading.Thread(target=self.run, name=f"imap-idle-{name}", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stop_event.set()

    def run(self) -> None:
        failures = 0
        last_uidnext: int | None = None
        while not self.stop_event.is_set():
            self.state = State.CONNECTING
            connected_at: float | None = None
            try:
                account = self.accounts.get(self.name)
                imap, _smtp = self.accounts.server_settings(account)
                with ImapSession(imap, ssl_context=self.ssl_context) as session:
                    if not supports_idle(session):
                        self.state = State.UNSUPPORTED
                        return
                    _validity, uidnext = session.folder_state()
                    # Mail that came while we were away from IDLE (a reconnect) counts too.
                    if last_uidnext is not None and uidnext != last_uidnext:
                        self._report()
                    last_uidnext = uidnext
                    connected_at = time.monotonic()
                    while not self.stop_event.is_set():
                        if session.wait_for_change(
                            IDLE_RENEW_SECONDS, self.stop_event, on_idle=self._idling
                        ):
                            self._report()
                            _validity, last_uidnext = session.folder_state()
            except PasswordMissing as exc:
                # The periodic sync reports it; a new password restarts the watcher.
                self.last_error = str(exc)
                self.state = State.NO_PASSWORD
                return
            except ServiceError as exc:  # the account was removed meanwhile
                self.last_error = str(exc)
                break
            except Exception as exc:  # MailError, or a bug: never end the thread silently
                if not isinstance(exc, MailError):
                    log.exception("IMAP IDLE for %s failed", self.name)
                # A connection that held for a while starts the back-off from the beginning;
                # one dropped at once (a server that dislikes IDLE) backs off further.
                if connected_at is not None and time.monotonic() - connected_at > HEALTHY_SECONDS:
                    failures = 0
                self._retry(str(exc) if isinstance(exc, MailError) else repr(exc), failures)
                failures += 1
        self.state = State.STOPPED

    def _idling(self) -> None:
        self.state = State.IDLE

    def _report(self) -> None:
        if not self.stop_event.is_set():
            self.inbox.put(self.name)

    def _retry(self, error: str, failures: int) -> None:
        if self.stop_event.is_set():
            return
        self.last_error = error
        self.state = State.RETRYING
        self.stop_event.wait(self.backoff[min(failures, len(self.backoff) - 1)])


class WatchGroup:
    """The running threads, stoppable without the QObject (which may already be gone when
    the window's ``destroyed`` fires)."""

    def __init__(self) -> None:
        self.watches: list[AccountWatch] = []

    def stop(self, wait: float = 0.0) -> bool:
        """Tell every thread to end; with ``wait``, join them for at most that long in all.

        True when every thread has ended.
        """
        watches, self.watches = self.watches, []
        for watch in watches:
            watch.stop()
        deadline = time.monotonic() + wait
        for watch in watches:
            if watch.thread.is_alive() and wait > 0:
                watch.thread.join(max(0.0, deadline - time.monotonic()))
        return not any(w.thread.is_alive() for w in watches)

    def stop_and_wait(self) -> None:
        self.stop(STOP_WAIT_SECONDS)


class IdleWatcher(QObject):
    """IDLE connections for every enabled account; ``new_mail(name)`` on the GUI thread."""

    new_mail = Signal(str)

    def __init__(
        self,
        accounts: MailAccountService,
        parent: QObject | None = None,
        *,
        ssl_context: ssl.SSLContext | None = None,
        backoff: Sequence[float] = BACKOFF_SECONDS,
        drain_ms: int = DRAIN_MS,
    ) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.ssl_context = ssl_context
        self.backoff = tuple(backoff)
        self.started = False
        self.group = WatchGroup()
        self._inbox: queue.Queue[str] = queue.Queue()
        self._all: list[AccountWatch] = []  # including stopped ones, until the next start
        self.timer = QTimer(self)
        self.timer.setInterval(drain_ms)
        self.timer.timeout.connect(self.drain)

    # -- control (GUI thread) -------------------------------------------------------------------

    def start(self) -> list[str]:
        """(Re)start one thread per enabled account; the names watched."""
        self.group.stop()
        self._drop_queued()
        names = [a.name for a in self.accounts.list() if a.enabled]
        watches = [
            AccountWatch(
                name, self.accounts, self._inbox, ssl_context=self.ssl_context, backoff=self.backoff
            )
            for name in names
        ]
        self.group.watches = list(watches)
        self._all = list(watches)
        for watch in watches:
            watch.start()
        self.started = True
        self.timer.start()
        return names

    def restart(self) -> list[str]:
        """After the accounts changed: old threads end on their own, new ones start."""
        return self.start()

    def stop(self, wait: float = STOP_WAIT_SECONDS) -> bool:
        """End every thread; waits up to ``wait`` seconds. True when all have ended."""
        self.started = False
        self.timer.stop()
        ended = self.group.stop(wait)
        self._drop_queued()
        return ended and not any(t.is_alive() for t in self.threads())

    def stopper(self) -> Callable[[], None]:
        """A plain function that stops the threads, for ``destroyed``/``aboutToQuit``."""
        return self.group.stop_and_wait

    # -- state ------------------------------------------------------------------------------------

    def threads(self) -> list[threading.Thread]:
        return [w.thread for w in self._all]

    def state(self, name: str) -> str | None:
        for watch in self._all:
            if watch.name == name:
                return watch.state
        return None

    def last_error(self, name: str) -> str:
        for watch in self._all:
            if watch.name == name:
                return watch.last_error
        return ""

    # -- delivery -------------------------------------------------------------------------------

    def drain(self) -> None:
        """Emit ``new_mail`` once per account that reported since the last drain."""
        names: list[str] = []
        while True:
            try:
                name = self._inbox.get_nowait()
            except queue.Empty:
                break
            if name not in names:
                names.append(name)
        for name in names:
            self.new_mail.emit(name)

    def _drop_queued(self) -> None:
        while True:
            try:
                self._inbox.get_nowait()
            except queue.Empty:
                return

"""Hearing about new mail the moment it arrives, through IMAP IDLE, without Qt.

Each enabled account whose server offers IDLE gets one plain Python thread holding a
connection of its own in IDLE; servers without IDLE are left to the periodic sync. A thread
only puts the account's name into a thread-safe queue; whoever runs the watch takes the
names with ``MailWatch.take_reported()``, on its own thread. The window does so from a
GUI-thread timer (ui/mail/idle_watcher.py): emitting a Qt signal from a foreign thread
crashes PySide 6.12 and a Qt object dying on one is destroyed on the wrong thread, so
nothing here holds or touches a Qt object.

Failures back off (30 s, 1 min, then 5 min: no more often than the periodic sync would
try); a connection that held for a while starts the back-off again from the beginning.
A missing password or an account removed meanwhile ends the account's thread.
"""

from __future__ import annotations

import logging
import os
import queue
import ssl
import threading
import time
from collections.abc import Callable, Mapping, Sequence

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
        #: set while the connection waits in IDLE (a script or test can wait for it)
        self.idling = threading.Event()
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
            self.idling.clear()
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
        self.idling.clear()
        self.state = State.STOPPED

    def _idling(self) -> None:
        self.state = State.IDLE
        self.idling.set()

    def _report(self) -> None:
        if not self.stop_event.is_set():
            self.inbox.put(self.name)

    def _retry(self, error: str, failures: int) -> None:
        if self.stop_event.is_set():
            return
        self.last_error = error
        self.idling.clear()
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


class MailWatch:
    """IDLE threads for every enabled account, and the queue of accounts with new mail.

    Not a use case over one transaction: a long-lived watch the caller starts and stops,
    then polls (a GUI timer) or waits on (a script) with ``take_reported``.
    """

    def __init__(
        self,
        accounts: MailAccountService,
        *,
        ssl_context: ssl.SSLContext | None = None,
        backoff: Sequence[float] = BACKOFF_SECONDS,
    ) -> None:
        self.accounts = accounts
        self.ssl_context = ssl_context
        self.backoff = tuple(backoff)
        self.started = False
        self.group = WatchGroup()
        self.reported: queue.Queue[str] = queue.Queue()
        self._all: list[AccountWatch] = []  # including stopped ones, until the next start

    def start(self) -> list[str]:
        """(Re)start one thread per enabled account; the names watched."""
        self.group.stop()
        self._drop_reported()
        names = [a.name for a in self.accounts.list() if a.enabled]
        watches = [
            AccountWatch(
                name,
                self.accounts,
                self.reported,
                ssl_context=self.ssl_context,
                backoff=self.backoff,
            )
            for name in names
        ]
        self.group.watches = list(watches)
        self._all = list(watches)
        for watch in watches:
            watch.start()
        self.started = True
        return names

    def stop(self, wait: float = STOP_WAIT_SECONDS) -> bool:
        """End every thread; waits up to ``wait`` seconds. True when all have ended."""
        self.started = False
        ended = self.group.stop(wait)
        self._drop_reported()
        return ended and not any(t.is_alive() for t in self.threads())

    def stopper(self) -> Callable[[], None]:
        """A plain function that stops the threads (it holds no reference to this object)."""
        return self.group.stop_and_wait

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

    def wait_until_idle(self, name: str, timeout: float) -> bool:
        """Wait (at most ``timeout`` s) until ``name``'s connection is in IDLE."""
        for watch in self._all:
            if watch.name == name:
                return watch.idling.wait(timeout)
        return False

    def take_reported(self, timeout: float | None = None) -> list[str]:
        """The accounts that reported new mail since the last call, each once, in order.

        Without ``timeout`` it never waits; with one it waits that long for the first.
        """
        names: list[str] = []
        block = timeout is not None
        while True:
            try:
                name = self.reported.get(block=block, timeout=timeout if block else None)
            except queue.Empty:
                return names
            block = False
            if name not in names:
                names.append(name)

    def _drop_reported(self) -> None:
        while True:
            try:
                self.reported.get_nowait()
            except queue.Empty:
                return

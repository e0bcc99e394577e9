"""Hearing about new mail the moment it arrives: the Qt side of IMAP IDLE.

The IDLE loop, its threads, back-off and stop flag live in services/mail_watch.py and never
touch Qt. This adapter drains the watch's queue from a timer on the GUI thread and emits
``new_mail(name)`` there (DEVELOPERS.md, "Qt pitfalls"). The TaskRunner's single worker is
not used: an IDLE connection waits for hours and would block every other task behind it.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from soloservice.services.mail_accounts import MailAccountService
from soloservice.services.mail_watch import (
    BACKOFF_SECONDS,
    STOP_WAIT_SECONDS,
    MailWatch,
    State,
    idle_switched_off,
)

__all__ = ["DRAIN_MS", "IdleWatcher", "State", "idle_switched_off"]

DRAIN_MS = 500


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
        self.watch = MailWatch(accounts, ssl_context=ssl_context, backoff=backoff)
        self.timer = QTimer(self)
        self.timer.setInterval(drain_ms)
        self.timer.timeout.connect(self.drain)

    @property
    def started(self) -> bool:
        return self.watch.started

    def start(self) -> list[str]:
        """(Re)start one thread per enabled account; the names watched."""
        names = self.watch.start()
        self.timer.start()
        return names

    def restart(self) -> list[str]:
        """After the accounts changed: old threads end on their own, new ones start."""
        return self.start()

    def stop(self, wait: float = STOP_WAIT_SECONDS) -> bool:
        """End every thread; waits up to ``wait`` seconds. True when all have ended."""
        self.timer.stop()
        return self.watch.stop(wait)

    def stopper(self) -> Callable[[], None]:
        """A plain function that stops the threads, for ``destroyed``/``aboutToQuit``."""
        return self.watch.stopper()

    def threads(self) -> list[threading.Thread]:
        return self.watch.threads()

    def state(self, name: str) -> str | None:
        return self.watch.state(name)

    def last_error(self, name: str) -> str:
        return self.watch.last_error(name)

    def drain(self) -> None:
        """Emit ``new_mail`` once per account that reported since the last drain."""
        for name in self.watch.take_reported():
            self.new_mail.emit(name)

"""Watching promises so that nothing becomes due unnoticed.

The logic is a plain QObject with signals, separate from the tray icon: a desktop without a
system tray (and the tests, which run offscreen) still get the counts and the alerts, and a
fake clock drives it without sleeping.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from soloservice.plurals import PluralContext
from soloservice.services.dto import View, ViewCounts
from soloservice.services.registry import Services

if TYPE_CHECKING:
    from soloservice.services.promises import DueSoon

Tray = PluralContext("Tray")

POLL_MS = 60_000
DUE_SOON_WINDOW = timedelta(hours=1)


class DueWatcher(QObject):
    """Polls the store every minute; each inquiry is announced once per promise."""

    #: the number of overdue inquiries changed (also emitted on the first check)
    overdue_count_changed = Signal(int)
    #: overdue and due-today counts, for the tray's tooltip (emitted when either changed)
    counts_changed = Signal(int, int)
    #: list[DueSoon]: inquiries that became due within the hour since the last check
    due_soon = Signal(list)

    def __init__(
        self,
        services: Services,
        clock: Callable[[], datetime] | None = None,
        poll_ms: int = POLL_MS,
        window: timedelta = DUE_SOON_WINDOW,
        parent: QObject | None = None,
        known_counts: Callable[[], ViewCounts] | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        #: the window's counts from its last (re)load, taken at start and after a reload
        #: instead of running the same grouped count a second time
        self.known_counts = known_counts
        self.clock = clock or services.ctx.now
        self.window = window
        self.overdue: int | None = None
        self.due_today: int | None = None
        # (id, due) rather than id: a customer who writes back starts a new promise, and
        # that one deserves its own alert.
        self._announced: set[tuple[int, datetime]] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.recheck()

    def recheck(self) -> None:
        """Check with the counts the window has just made, when it offers them."""
        self.check(self.known_counts() if self.known_counts is not None else None)

    def stop(self) -> None:
        self.timer.stop()

    @Slot()
    def check(self, known: ViewCounts | None = None) -> None:
        counts = (known if known is not None else self.services.inbox.counts()).views
        overdue = counts.get(View.OVERDUE, 0)
        due_today = counts.get(View.DUE_TODAY, 0)
        if (overdue, due_today) != (self.overdue, self.due_today):
            changed_overdue = overdue != self.overdue
            self.overdue, self.due_today = overdue, due_today
            self.counts_changed.emit(overdue, due_today)
            if changed_overdue:
                self.overdue_count_changed.emit(overdue)
        soon = self.services.promises.due_within(self.window)
        fresh = [d for d in soon if (d.id, d.due_at) not in self._announced]
        now = self.clock()
        # Forget promises that have passed, so the set stays small over weeks of uptime.
        self._announced = {key for key in self._announced if key[1] > now}
        self._announced.update((d.id, d.due_at) for d in fresh)
        if fresh:
            self.due_soon.emit(fresh)


def due_soon_message(items: list[DueSoon]) -> tuple[str, str]:
    """Title and text of the desktop notification for inquiries due within the hour."""
    if len(items) == 1:
        item = items[0]
        title = QCoreApplication.translate("Tray", "Due within the hour")
        text = f"#{item.id} {item.customer_name}: {item.subject}"
        return title, text
    title = Tray.tr("%n inquiries due within the hour", "", len(items))
    lines = [f"#{d.id} {d.customer_name}: {d.subject}" for d in items[:4]]
    if len(items) > 4:
        lines.append(
            QCoreApplication.translate("Tray", "… and %1 more").replace("%1", str(len(items) - 4))
        )
    return title, "\n".join(lines)

"""The weekly review reminder: a timer that says when it is time, and a tray notification.

The timer polls the clock instead of sleeping until the due time: a laptop that slept through
Monday morning still gets the reminder when it wakes, and tests drive it with a fake clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QSystemTrayIcon

DEFAULT_POLL_MS = 30_000


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ReviewReminder(QObject):
    """Emits ``reminder_due(datetime)`` once the clock passes the next reminder time."""

    reminder_due = Signal(object)

    def __init__(
        self,
        next_reminder: Callable[[datetime], datetime],
        clock: Callable[[], datetime] = _utc_now,
        poll_ms: int = DEFAULT_POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._next_reminder = next_reminder
        self._clock = clock
        self._due = next_reminder(clock())
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.check)

    @property
    def due(self) -> datetime:
        return self._due

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def reschedule(self) -> None:
        """After the reminder settings changed."""
        self._due = self._next_reminder(self._clock())

    @Slot()
    def check(self) -> None:
        now = self._clock()
        if now >= self._due:
            due = self._due
            self._due = self._next_reminder(now)
            self.reminder_due.emit(due)


def connect_tray(
    reminder: ReviewReminder, tray: QSystemTrayIcon, open_review: Callable[[], None]
) -> None:
    """Show the reminder as a desktop notification; clicking it opens the review."""

    def notify(_due: object) -> None:
        tray.showMessage(
            QCoreApplication.translate("Review", "Weekly review"),
            QCoreApplication.translate(
                "Review",
                "Fifteen minutes for last week: unanswered channels, promises, satisfaction.",
            ),
            QSystemTrayIcon.MessageIcon.Information,
            15_000,
        )

    reminder.reminder_due.connect(notify)
    tray.messageClicked.connect(open_review)

"""Tray icon, due-soon notifications and the weekly review reminder in the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from soloservice.domain.settings import Settings
from soloservice.ui.notify.due_watcher import DueWatcher
from soloservice.ui.notify.tray import TrayNotifier
from soloservice.ui.review.reminder import ReviewReminder

if TYPE_CHECKING:
    from soloservice.ui.main_window import MainWindow


class TrayFeature:
    def __init__(self, window: MainWindow) -> None:
        services = window.services
        self.watcher = DueWatcher(services, parent=window.widget)
        self.reminder = ReviewReminder(
            services.review.next_reminder, clock=services.ctx.now, parent=window.widget
        )
        self.notifier = TrayNotifier(window, self.watcher, self.reminder)
        # A reload after a change refreshes the badge at once instead of within the minute.
        window.data_changed.connect(self.watcher.check)
        self.notifier.show()
        self.watcher.start()
        self.reminder.start()

    def settings_applied(self, _settings: Settings) -> None:
        """Called by the settings feature: the reminder weekday or time may have changed."""
        self.reminder.reschedule()
        self.watcher.check()


def install(window: MainWindow) -> TrayFeature:
    return TrayFeature(window)

"""Tray icon, due-soon notifications and the weekly review reminder in the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from soloservice.domain.settings import Settings
from soloservice.ui.first_paint import after_first_paint
from soloservice.ui.notify.due_watcher import DueWatcher
from soloservice.ui.notify.tray import TrayNotifier
from soloservice.ui.review.reminder import ReviewReminder

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost


class TrayFeature:
    def __init__(self, window: FeatureHost) -> None:
        services = window.services
        self.watcher = DueWatcher(services, parent=window.widget, known_counts=window.view_counts)
        self.reminder = ReviewReminder(
            services.review.next_reminder, clock=services.ctx.now, parent=window.widget
        )
        self.notifier = TrayNotifier(window, self.watcher, self.reminder)
        # A reload after a change refreshes the badge at once instead of within the minute.
        window.data_changed.connect(self.watcher.recheck)
        self.notifier.show()
        # The badge is not on the first page: count what is due once that page is shown.
        after_first_paint(window.widget, self.watcher.start)
        self.reminder.start()

    def settings_applied(self, _settings: Settings) -> None:
        """Called by the settings feature: the reminder weekday or time may have changed."""
        self.reminder.reschedule()
        self.watcher.check()


def install(window: FeatureHost) -> TrayFeature:
    return TrayFeature(window)

"""The tray icon with the overdue badge, its menu, and the notifications shown through it.

Without a system tray (some Linux desktops, offscreen tests) the same alerts go to the main
window's status bar, so the founder never depends on the tray to hear about due inquiries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from soloservice.ui.icons import icon
from soloservice.ui.notify.badge import badge_icon
from soloservice.ui.notify.due_watcher import DueWatcher, due_soon_message
from soloservice.ui.review.reminder import ReviewReminder, connect_tray

if TYPE_CHECKING:
    from soloservice.services.promises import DueSoon
    from soloservice.ui.features.host import FeatureHost

MESSAGE_MS = 15_000


def tray_tooltip(overdue: int, due_today: int) -> str:
    return (
        QCoreApplication.translate("Tray", "SoloService — %1 overdue, %2 due today")
        .replace("%1", str(overdue))
        .replace("%2", str(due_today))
    )


class TrayNotifier(QObject):
    """Shows the watcher's counts and alerts, and the weekly review reminder.

    ``use_tray`` None asks Qt whether a tray exists; tests pass True to get an icon (never
    shown offscreen) and False to check the status-bar fallback.
    """

    #: (kind, title, text) of every alert, whichever way it was shown; kind "due" or "review"
    notified = Signal(str, str, str)

    def __init__(
        self,
        window: FeatureHost,
        watcher: DueWatcher,
        reminder: ReviewReminder,
        use_tray: bool | None = None,
    ) -> None:
        super().__init__(window.widget)
        self.window = window
        self.watcher = watcher
        self.reminder = reminder
        self.base_icon: QIcon = icon("app")
        self.count = 0
        self.last_kind = ""
        self.last_due: list[DueSoon] = []
        available = QSystemTrayIcon.isSystemTrayAvailable() if use_tray is None else use_tray
        self.tray: QSystemTrayIcon | None = None
        self.menu: QMenu | None = None
        reminder.reminder_due.connect(self._review_due)
        if available:
            self.tray = QSystemTrayIcon(badge_icon(self.base_icon, 0), self)
            self.tray.setToolTip(tray_tooltip(0, 0))
            self.menu = self._build_menu()
            self.tray.setContextMenu(self.menu)
            self.tray.activated.connect(self._activated)
            self.tray.messageClicked.connect(self._message_clicked)
            connect_tray(reminder, self.tray, self._open_review_if_last)
        watcher.counts_changed.connect(self._counts)
        watcher.due_soon.connect(self._due_soon)

    def _build_menu(self) -> QMenu:
        menu = QMenu()
        menu.addAction(QCoreApplication.translate("Tray", "&Open SoloService")).triggered.connect(
            self.bring_to_front
        )
        menu.addAction(QCoreApplication.translate("Tray", "&Log call…")).triggered.connect(
            self._log_call
        )
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("Tray", "&Quit")).triggered.connect(self._quit)
        return menu

    def show(self) -> None:
        if self.tray is not None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()

    # -- reacting ---------------------------------------------------------------------------

    def _counts(self, overdue: int, due_today: int) -> None:
        self.count = overdue
        if self.tray is not None:
            self.tray.setIcon(badge_icon(self.base_icon, overdue))
            self.tray.setToolTip(tray_tooltip(overdue, due_today))

    def _due_soon(self, items: list[DueSoon]) -> None:
        title, text = due_soon_message(items)
        self.last_kind, self.last_due = "due", list(items)
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, MESSAGE_MS)
        else:
            self.window.statusBar().showMessage(f"{title}: {text.replace(chr(10), ' · ')}", 60_000)
        self.notified.emit("due", title, text)

    def _review_due(self, _due: object) -> None:
        self.last_kind = "review"
        title = QCoreApplication.translate("Tray", "Weekly review")
        text = QCoreApplication.translate(
            "Tray", "Time for the weekly review — open it with Ctrl+Shift+R."
        )
        if self.tray is None or not self.tray.isVisible():
            self.window.statusBar().showMessage(text, 0)
        self.notified.emit("review", title, text)

    def _message_clicked(self) -> None:
        if self.last_kind == "due" and self.last_due:
            self.open_inquiry(self.last_due[0].id)

    def _open_review_if_last(self) -> None:
        # connect_tray opens the review on any click; only do so for the review's message.
        if self.last_kind == "review":
            self.open_review()

    def open_review(self) -> None:
        from soloservice.ui.features.review import ReviewFeature

        try:
            feature = self.window.feature("review", ReviewFeature)
        except LookupError:  # a window built without its features
            return
        feature.open()

    def open_inquiry(self, inquiry_id: int) -> None:
        self.bring_to_front()
        self.window.show_inquiry(inquiry_id)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.bring_to_front()

    def bring_to_front(self) -> None:
        window = self.window.widget
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def _log_call(self) -> None:
        self.bring_to_front()
        self.window.commands.log_call.trigger()

    def _quit(self) -> None:
        if self.window.widget.close():
            QCoreApplication.quit()

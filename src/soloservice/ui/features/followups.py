"""Satisfaction follow-ups in the main window: View > Follow-ups… (Ctrl+Shift+F), the
"Follow-up" tab under the conversation and the answers in the customer card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from soloservice.ui.feedback.answers_section import AnswersSection
from soloservice.ui.feedback.followup_panel import FollowupPanel
from soloservice.ui.feedback.followups_window import FollowupsWindow

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost

SHORTCUT = "Ctrl+Shift+F"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowupsFeature", text)


class FollowupsFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.followups: FollowupsWindow | None = None
        self.action = QAction(_tr("&Follow-ups…"), window.widget)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setStatusTip(
            _tr("Ask customers whether they are satisfied, and record answers")
        )
        self.action.setToolTip(_tr("Follow-ups (%1)").replace("%1", SHORTCUT))
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        window.menu("view").addSeparator()
        window.menu("view").addAction(self.action)

        self.panel = FollowupPanel(window.services, window.runner)
        self.panel.changed.connect(self._panel_changed)
        window.add_inquiry_tab(self.panel, _tr("Follow-up"), order=40)
        self.section = AnswersSection(window.services)
        window.add_card_section(self.section)
        window.data_changed.connect(self._data_changed)

    def open(self) -> FollowupsWindow:
        """One window, kept alive and brought to the front on every call."""
        if self.followups is None:
            self.followups = FollowupsWindow(self.window.services, self.window.runner)
            self.followups.changed.connect(self._window_changed)
            self.followups.open_inquiry.connect(self._open_inquiry)
            self.window.widget.destroyed.connect(self.followups.close)
        else:
            self.followups.reload()
        self.followups.show()
        self.followups.raise_()
        self.followups.activateWindow()
        self.followups.table.setFocus()
        return self.followups

    def _window_changed(self, message: str) -> None:
        self.window.reload()
        detail = self.window.detail
        if detail is not None:
            self.window.open_inquiry(detail.id)  # the pane shows the reopened state
        self.window.statusBar().showMessage(message, 15_000)

    def _panel_changed(self, message: str, inquiry_id: int) -> None:
        self.window.after_change(message, inquiry_id)

    def _data_changed(self) -> None:
        self.section.refresh()
        if self.followups is not None and self.followups.isVisible():
            self.followups.reload()

    def _open_inquiry(self, inquiry_id: int) -> None:
        self.window.show_inquiry(inquiry_id)
        self.window.widget.raise_()
        self.window.widget.activateWindow()


def install(window: FeatureHost) -> FollowupsFeature:
    return FollowupsFeature(window)

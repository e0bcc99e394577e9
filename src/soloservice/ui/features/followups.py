"""Satisfaction follow-ups in the main window: View > Follow-ups… (Ctrl+Shift+F), the
"Follow-up" tab under the conversation and the answers in the customer card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from soloservice.ui.features._shared import bring_up, feature_action, reload_and_reopen
from soloservice.ui.feedback.answers_section import AnswersSection
from soloservice.ui.feedback.followup_panel import FollowupPanel

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost
    from soloservice.ui.feedback.followups_window import FollowupsWindow

SHORTCUT = "Ctrl+Shift+F"


class FollowupsFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.followups: FollowupsWindow | None = None
        self.action = feature_action(
            window,
            QCoreApplication.translate("FollowupsFeature", "&Follow-ups…"),
            SHORTCUT,
            QCoreApplication.translate(
                "FollowupsFeature", "Ask customers whether they are satisfied, and record answers"
            ),
            self.open,
        )
        self.action.setToolTip(
            QCoreApplication.translate("FollowupsFeature", "Follow-ups (%1)").replace(
                "%1", SHORTCUT
            )
        )
        window.menu("view").addSeparator()
        window.menu("view").addAction(self.action)

        self.panel = FollowupPanel(window.services, window.runner)
        self.panel.changed.connect(self._panel_changed)
        window.add_inquiry_tab(
            self.panel, QCoreApplication.translate("FollowupsFeature", "Follow-up"), order=40
        )
        self.section = AnswersSection(window.services)
        window.add_card_section(self.section)
        window.data_changed.connect(self._data_changed)

    def open(self) -> FollowupsWindow:
        """One window, kept alive and brought to the front on every call."""
        if self.followups is None:
            from soloservice.ui.feedback.followups_window import FollowupsWindow

            self.followups = FollowupsWindow(self.window.services, self.window.runner)
            self.followups.changed.connect(self._window_changed)
            self.followups.open_inquiry.connect(self._open_inquiry)
            self.window.widget.destroyed.connect(self.followups.close)
        else:
            self.followups.reload()
        bring_up(self.followups)
        self.followups.table.setFocus()
        return self.followups

    def _window_changed(self, message: str) -> None:
        reload_and_reopen(self.window)  # the pane shows the reopened state
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

"""The Follow-ups window and the Follow-up tab in UI tests, reached as the founder does:
Ctrl+Shift+F in the main window, the tab of the case shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.services.registry import Services
from soloservice.ui.features.followups import FollowupsFeature
from tests.helpers.clock import FixedClock
from tests.helpers.surveys import complaint_case, due_check

if TYPE_CHECKING:
    from soloservice.ui.feedback.followup_panel import FollowupPanel
    from soloservice.ui.feedback.followups_window import FollowupsWindow
    from soloservice.ui.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def feature_of(window: MainWindow) -> FollowupsFeature:
    return window.feature("followups", FollowupsFeature)


def open_followups(qtbot: QtBot, window: MainWindow) -> FollowupsWindow:
    """Ctrl+Shift+F in the active main window; the window waits for its changes as it
    closes at the end of the test."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)
    followups = feature_of(window).followups
    assert followups is not None and followups.isVisible()

    def wait_for_changes(_closing: object) -> None:
        window.runner.wait()

    qtbot.addWidget(followups, before_close_func=wait_for_changes)
    return followups


def selected_due_check(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FixedClock
) -> tuple[int, int, FollowupsWindow]:
    """A phone complaint resolved three days ago, its check selected in the Follow-ups
    window: (inquiry id, check id, the window)."""
    inquiry_id = complaint_case(services)
    check_id = due_check(services, clock, inquiry_id)
    followups = open_followups(qtbot, window)
    assert followups.select(check_id)
    return inquiry_id, check_id, followups


def tab_for(qtbot: QtBot, window: MainWindow, inquiry_id: int) -> FollowupPanel:
    """The case shown and its Follow-up tab brought forward, filled for that case."""
    window.reload()
    window.show_inquiry(inquiry_id)
    panel = feature_of(window).panel
    window.panels.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.id == inquiry_id)
    return panel

"""Ctrl+Q quits: every tool window closes and the process ends (issue 11, item 9).

The review, follow-ups, pulse and template windows are top-level windows of their own; the
quit action used to close only the main window, so they stayed open and kept the event loop
(and the process) alive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from soloservice.app import run_gui
from soloservice.services.registry import Services
from soloservice.ui.features.mail import MailFeature
from soloservice.ui.main_window import MainWindow
from tests.ui.conftest import open_window

CTRL = Qt.KeyboardModifier.ControlModifier
TOOLS = ("review", "followups", "pulse", "templates")


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and not isinstance(w, QMenu)]


def open_tools(window: MainWindow) -> list[QWidget]:
    opened: list[QWidget] = []
    for name in TOOLS:
        tool: Any = window.features[name]
        opened.append(tool.open())
    return opened


def test_ctrl_q_closes_the_main_window_and_every_tool_window(
    qtbot: QtBot, services: Services
) -> None:
    window = open_window(qtbot, services)
    tools = open_tools(window)
    for tool in tools:
        qtbot.waitExposed(tool)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.quit_requested, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible()
    assert [t for t in tools if t.isVisible()] == []
    assert visible_windows() == []


def test_closing_the_main_window_closes_the_tool_windows_too(
    qtbot: QtBot, services: Services
) -> None:
    window = open_window(qtbot, services)
    tools = open_tools(window)
    assert window.close()
    assert [t for t in tools if t.isVisible()] == []


def test_quit_through_the_running_app_ends_the_event_loop(qtbot: QtBot, tmp_path: Path) -> None:
    """run_gui's own event loop: Ctrl+Q with tool windows open returns, with aboutToQuit."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    seen: dict[str, Any] = {"about_to_quit": False, "hung": False, "tools": []}

    def about_to_quit() -> None:
        seen["about_to_quit"] = True

    app.aboutToQuit.connect(about_to_quit)
    timers: list[QTimer] = []

    def start() -> None:
        # The window run_gui opened: a hidden MainWindow of an earlier test may still exist.
        main = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()
            ),
            None,
        )
        if main is None:
            return
        starter.stop()
        seen["tools"] = open_tools(main)
        QTimer.singleShot(50, main.commands.quit.trigger)

    def watchdog() -> None:  # the bug: the loop never ends; end it so the test can fail
        seen["hung"] = True
        for widget in visible_windows():
            widget.close()
        app.quit()

    starter = QTimer()
    starter.setInterval(20)
    starter.timeout.connect(start)
    starter.start()
    guard = QTimer()
    guard.setSingleShot(True)
    guard.setInterval(20_000)
    guard.timeout.connect(watchdog)
    guard.start()
    timers.extend((starter, guard))
    try:
        code = run_gui(tmp_path)
    finally:
        guard.stop()
        starter.stop()
        app.aboutToQuit.disconnect(about_to_quit)
    assert not seen["hung"], "Ctrl+Q left a window open and the app running"
    assert code == 0
    assert seen["about_to_quit"]
    assert len(seen["tools"]) == len(TOOLS)
    assert visible_windows() == []


def test_a_closed_window_schedules_no_more_syncs(qtbot: QtBot, services: Services) -> None:
    """Its timers would fire later — a password prompt out of nowhere, a sync of a store
    that is closing."""
    window = open_window(qtbot, services)
    sync = window.feature("mail", MailFeature).sync
    sync.start()
    assert sync.startup_timer.isActive() and sync.timer.isActive()
    window.close()
    assert not sync.startup_timer.isActive() and not sync.timer.isActive()

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from soloservice.app import EXIT_STORAGE_ERROR, run_gui
from soloservice.ui.main_window import MainWindow


def _close_when(predicate_type: type, timer_owner: list[QTimer]) -> None:
    """Poll the event loop run by run_gui until a window of that type shows, then close it."""
    timer = QTimer()
    timer.setInterval(20)

    def check() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, predicate_type) and widget.isVisible():
                timer.stop()
                widget.close()

    timer.timeout.connect(check)
    timer.start()
    timer_owner.append(timer)


def test_run_gui_opens_the_window_and_returns_0_when_closed(qtbot: QtBot, tmp_path: Path) -> None:
    timers: list[QTimer] = []
    _close_when(MainWindow, timers)
    assert run_gui(tmp_path) == 0
    assert (tmp_path / "ui.ini").exists()
    assert (tmp_path / "soloservice.sqlite3").exists()


def test_a_broken_settings_file_is_shown_and_exits_2(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    timers: list[QTimer] = []
    _close_when(QMessageBox, timers)
    assert run_gui(tmp_path) == EXIT_STORAGE_ERROR

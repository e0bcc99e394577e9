"""A bug in a slot: logged with its traceback, and a dialog with "Copy details"."""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from soloservice.logsetup import log_path, setup_logging, stop_logging
from soloservice.storage.storage_errors import FULL
from soloservice.ui.crash import CrashReporter
from soloservice.ui.main_window import MainWindow


@pytest.fixture
def reporter(qtbot: QtBot, tmp_path: Path) -> Iterator[CrashReporter]:
    setup_logging(tmp_path, process="gui")
    crash = CrashReporter().install()
    yield crash
    crash.uninstall()
    if crash.last_box is not None:
        crash.last_box.close()
    stop_logging()


def boom() -> None:
    raise RuntimeError("the slot broke for kari@example.no")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_dialog_and_is_logged(
    qtbot: QtBot, reporter: CrashReporter, tmp_path: Path
) -> None:
    assert sys.excepthook == reporter.handle
    QTimer.singleShot(0, boom)  # Qt calls sys.excepthook for an exception in a slot
    qtbot.waitUntil(lambda: reporter.last_box is not None and reporter.last_box.isVisible())
    box = reporter.last_box
    assert box is not None
    assert box.icon() == QMessageBox.Icon.Critical
    assert "RuntimeError: the slot broke" in box.detailedText()
    assert "Traceback" in box.detailedText() and "in boom" in box.detailedText()
    assert "kari@example.no" not in box.detailedText()
    reporter.copy_button.click()
    clipboard = QApplication.clipboard()
    assert clipboard is not None and "RuntimeError: the slot broke" in clipboard.text()
    assert box.isVisible()  # copying does not close the dialog
    log = log_path(tmp_path).read_text(encoding="utf-8")
    assert "ERROR" in log and "unhandled exception" in log and "in boom" in log
    assert "kari@example.no" not in log


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_is_shown_from_the_gui_thread(
    qtbot: QtBot, reporter: CrashReporter
) -> None:
    worker = threading.Thread(target=boom)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.last_box is not None, timeout=5000)
    assert reporter.reports == 1
    assert reporter.last_box is not None and "in boom" in reporter.last_box.detailedText()


def test_uninstall_restores_the_previous_hooks(qtbot: QtBot) -> None:
    before, before_thread = sys.excepthook, threading.excepthook
    crash = CrashReporter().install()
    crash.uninstall()
    assert (sys.excepthook, threading.excepthook) == (before, before_thread)


def test_a_full_disk_in_a_window_task_is_one_readable_line(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    conn = sqlite3.connect(tmp_path / "tiny.db", check_same_thread=False)
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.execute("PRAGMA max_page_count = 2")

    def fill() -> None:
        conn.execute("INSERT INTO t VALUES (?)", (b"x" * 100_000,))

    window.runner.run_task(fill)  # no on_error: the window shows it
    qtbot.waitUntil(lambda: bool(window.last_error), timeout=5000)
    assert window.last_error == FULL[:1].upper() + FULL[1:]  # a dialog starts a sentence
    for box in window.findChildren(QMessageBox):  # a visible box would outlive the test
        box.close()

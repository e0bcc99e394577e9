"""UI fixtures: a main window over the shared services fixture, shown offscreen."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soloservice.plurals import ensure_english_plurals
from soloservice.services.registry import Services
from soloservice.ui.main_window import MainWindow
from soloservice.ui.tasks import TaskRunner
from tests.helpers.clock import FixedClock
from tests.ui.helpers import seed_inbox


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """As the app does (ui/gc_guard.py): a worker thread must never run the cycle collector,
    or it may destroy a Qt object left from an earlier test on the wrong thread."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()


@pytest.fixture(scope="session", autouse=True)
def _english_plural_forms(qapp: QApplication) -> None:
    """What the app installs for English: "1 problem" / "3 problems" for "%n problem(s)"."""
    ensure_english_plurals()


@pytest.fixture
def seeded(services: Services, clock: FixedClock) -> list[int]:
    return seed_inbox(services, clock.now, 12)


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait()


def open_window(qtbot: QtBot, services: Services, settings_file: Path | None = None) -> MainWindow:
    window = MainWindow(services, settings_file=settings_file)
    qtbot.addWidget(window, before_close_func=lambda w: w.runner.wait())
    # A desktop monitor's window: the side panel (customer card, remedies...) starts open.
    # tests/ui/test_layout.py covers laptop screens.
    window.resize(1680, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def window(qtbot: QtBot, services: Services, seeded: list[int]) -> Iterator[MainWindow]:
    win = open_window(qtbot, services)
    yield win
    win.runner.wait()

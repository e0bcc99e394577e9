"""UI fixtures: a main window over the shared services fixture, shown offscreen."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
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
def _nothing_outlives_the_application(qapp: QApplication) -> Iterator[None]:
    """Delete, at the end of the session, the Qt objects tests leave behind.

    Windows of earlier tests (and their parentless models: InboxModel, SidebarModel,
    RemediesModel...) stay alive in Python reference cycles the per-test collection cannot
    break. Left to PySide, they are destroyed at interpreter exit by its atexit sweep
    (``destroyQCoreApplication``), in no particular order and after the rest of the
    interpreter has begun to go: a window's destructor then crashed the process ("pure
    virtual method called", a segfault in ``QObject::~QObject``) after every test passed.
    Here the application is still whole: windows go first (their views let go of the
    models), then every other parentless object Python owns.
    """
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    left = [
        obj
        for obj in gc.get_objects()
        if isinstance(obj, QObject)
        and obj is not qapp
        and shiboken6.isValid(obj)
        and shiboken6.ownedByPython(obj)
        and obj.parent() is None
    ]
    # widgets first: a view must not see its model deleted under it
    for obj in sorted(left, key=lambda o: not isinstance(o, QWidget)):
        if shiboken6.isValid(obj):  # may have gone with an object deleted before it
            if isinstance(obj, QTimer):
                obj.stop()
            shiboken6.delete(obj)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


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
    # As the app opens it: the features install after the first paint; a test uses them
    # at once, so finish installing them here (nothing races with the event loop).
    window = MainWindow(services, settings_file=settings_file, defer_features=True)
    qtbot.addWidget(window, before_close_func=lambda w: w.runner.wait())
    # A desktop monitor's window: the side panel (customer card, remedies...) starts open.
    # tests/ui/test_layout.py covers laptop screens.
    window.resize(1680, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.ensure_features()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def window(qtbot: QtBot, services: Services, seeded: list[int]) -> Iterator[MainWindow]:
    win = open_window(qtbot, services)
    yield win
    win.runner.wait()

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from soloservice.ui.tasks import TaskRunner


def test_work_runs_off_the_gui_thread_and_answers_on_it(qtbot: QtBot, runner: TaskRunner) -> None:
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: object) -> None:
        seen["result"] = result
        seen["callback"] = threading.get_ident()
        seen["qthread"] = QThread.currentThread()

    with qtbot.waitSignal(runner.task_done, timeout=5000):
        runner.run_task(work, done)
    assert seen["result"] == 42
    assert seen["worker"] != gui
    assert seen["callback"] == gui


def test_errors_come_back_to_the_error_callback(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("nope")

    with qtbot.waitSignal(runner.task_done, timeout=5000):
        runner.run_task(boom, on_error=errors.append)
    assert isinstance(errors[0], ValueError)
    with qtbot.waitSignal(runner.unhandled_error, timeout=5000):
        runner.run_task(boom)


def test_tasks_run_in_the_order_given(qtbot: QtBot, runner: TaskRunner) -> None:
    order: list[int] = []
    for i in range(5):
        runner.run_task(lambda i=i: order.append(i))
    qtbot.waitUntil(lambda: not runner.busy)
    assert order == [0, 1, 2, 3, 4]

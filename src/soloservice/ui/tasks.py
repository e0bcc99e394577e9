"""Running slow work off the GUI thread and getting the answer back on it.

Two lanes. The database lane is one worker thread: every write goes through it, in the
order it was asked for, so that an undo can never overtake the change it undoes. The
network lane is a small pool for work that waits on a server (IMAP sync, SMTP send, an
account test, a social/HTTP fetch): a first sync or an SMTP timeout must not hold up
Resolve, Undo or a note. Network tasks may store what they fetched (db.session() takes
BEGIN IMMEDIATE with a busy timeout), but nothing may rely on their order relative to the
database lane or to each other. Callbacks always run on the GUI thread.

The worker hands its outcome over through a thread-safe queue and wakes the GUI thread with
a posted event. It deliberately does not emit a Qt signal from the worker: PySide6 6.12
drops a reference to ``True`` on every cross-thread emit, which crashes the interpreter once
enough tasks have run.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool, Signal

_WAKE = QEvent.Type(QEvent.registerEventType())
log = logging.getLogger(__name__)

#: threads of the network lane: a sync, a send and an account test can wait at once
NETWORK_THREADS = 3


class Lane(Enum):
    """Where a task runs: ``DATABASE`` (one ordered thread) or ``NETWORK`` (a pool)."""

    DATABASE = "database"
    NETWORK = "network"


@dataclass(frozen=True)
class _Outcome:
    task_id: int
    ok: bool
    payload: object


@dataclass(frozen=True)
class _Progress:
    task_id: int
    done: int
    total: int


@dataclass
class _Callbacks:
    on_success: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, task_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.outcomes = runner.outcomes
        self.runner = runner
        self.task_id = task_id
        self.fn = fn

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the GUI thread, never swallowed
            self.outcomes.put(_Outcome(self.task_id, False, exc))
        else:
            self.outcomes.put(_Outcome(self.task_id, True, result))
        QCoreApplication.postEvent(self.runner, QEvent(_WAKE))


class ProgressTask(QObject):
    """A long task's handle on the GUI thread: ``progressed(done, total)`` and ``cancel()``.

    The worker only puts its progress into the runner's queue (see the module docstring);
    the signal is emitted on the GUI thread when the queue is drained. ``cancel`` sets an
    event the task checks between batches: it stops cleanly rather than being killed.
    """

    progressed = Signal(int, int)

    def __init__(self, task_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task_id = task_id
        self.cancel_event = threading.Event()
        self.last: tuple[int, int] | None = None

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


#: what a progress task's function is given: ``report(done, total)`` and the cancel flag
ProgressFn = Callable[[Callable[[int, int], None], threading.Event], Any]


class TaskRunner(QObject):
    """``run_task(fn, on_success, on_error, lane=...)``: fn runs on a worker of that lane,
    callbacks on the GUI thread. ``run_network_task`` is ``run_task`` on ``Lane.NETWORK``."""

    #: emitted on the GUI thread after a task's callback ran (tests wait on it)
    task_done = Signal()
    #: emitted on the GUI thread when a task failed and nobody handled the error
    unhandled_error = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: the database lane: one thread, so writes run in the order they were asked for
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        #: the network lane: waits on servers without blocking the database lane
        self.network_pool = QThreadPool(self)
        self.network_pool.setMaxThreadCount(NETWORK_THREADS)
        self.outcomes: queue.SimpleQueue[_Outcome | _Progress] = queue.SimpleQueue()
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}
        self._progress_tasks: dict[int, ProgressTask] = {}

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def _pool(self, lane: Lane) -> QThreadPool:
        return self.network_pool if lane is Lane.NETWORK else self.pool

    def run_task(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        lane: Lane = Lane.DATABASE,
    ) -> int:
        task_id = next(self._ids)
        self._pending[task_id] = _Callbacks(on_success, on_error)
        self._pool(lane).start(_Job(self, task_id, fn))
        return task_id

    def run_network_task(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> int:
        """``run_task`` on the network lane: for work that waits on IMAP, SMTP or HTTP."""
        return self.run_task(fn, on_success, on_error, lane=Lane.NETWORK)

    def run_progress_task(
        self,
        fn: ProgressFn,
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        lane: Lane = Lane.DATABASE,
    ) -> ProgressTask:
        """Like ``run_task`` (same lane, same order), for work that reports progress and
        can be cancelled: ``fn(report, cancel_event)``; ``report(done, total)`` may be called
        from the worker as often as it likes, the GUI gets ``progressed`` signals."""
        task_id = next(self._ids)
        handle = ProgressTask(task_id, self)
        self._progress_tasks[task_id] = handle
        self._pending[task_id] = _Callbacks(on_success, on_error)

        def report(done: int, total: int) -> None:
            self.outcomes.put(_Progress(task_id, done, total))
            QCoreApplication.postEvent(self, QEvent(_WAKE))

        cancel = handle.cancel_event
        self._pool(lane).start(_Job(self, task_id, lambda: fn(report, cancel)))
        return handle

    def run_network_progress_task(
        self,
        fn: ProgressFn,
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> ProgressTask:
        """``run_progress_task`` on the network lane (a sync, a batch of sends)."""
        return self.run_progress_task(fn, on_success, on_error, lane=Lane.NETWORK)

    def event(self, event: QEvent) -> bool:
        if event.type() == _WAKE:
            self.deliver_ready()
            return True
        return super().event(event)

    def deliver_ready(self) -> None:
        """Run the callbacks of every finished task, in the order they finished."""
        while True:
            try:
                outcome = self.outcomes.get_nowait()
            except queue.Empty:
                return
            if isinstance(outcome, _Progress):
                handle = self._progress_tasks.get(outcome.task_id)
                if handle is not None:
                    handle.last = (outcome.done, outcome.total)
                    handle.progressed.emit(outcome.done, outcome.total)
                continue
            self._deliver(outcome)

    def _deliver(self, outcome: _Outcome) -> None:
        callbacks = self._pending.pop(outcome.task_id, None)
        handle = self._progress_tasks.pop(outcome.task_id, None)
        if handle is not None:
            handle.setParent(None)  # the caller's reference keeps it; gone with it
        try:
            if callbacks is None:
                return
            if outcome.ok:
                if callbacks.on_success is not None:
                    callbacks.on_success(outcome.payload)
            else:
                assert isinstance(outcome.payload, BaseException)
                error = outcome.payload
                # at INFO with the traceback: a service's one-line error is expected, but
                # the log must show where anything else came from (redacted by logsetup)
                log.info("task failed: %s", type(error).__name__, exc_info=error)
                if callbacks.on_error is not None:
                    callbacks.on_error(outcome.payload)
                else:
                    self.unhandled_error.emit(outcome.payload)
        finally:
            self.task_done.emit()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every queued job of both lanes ran (used on shutdown so nothing is
        cut off); ``msecs`` bounds the whole wait, not each lane."""
        deadline = time.monotonic() + msecs / 1000
        # the writes first: a network task is bounded by its own timeout, a lost write is not
        database_done = self.pool.waitForDone(msecs)
        left = max(0, int((deadline - time.monotonic()) * 1000))
        return self.network_pool.waitForDone(left) and database_done


_default: TaskRunner | None = None


def default_runner() -> TaskRunner:
    global _default
    if _default is None:
        _default = TaskRunner()
    return _default


def run_task(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    lane: Lane = Lane.DATABASE,
) -> int:
    return default_runner().run_task(fn, on_success, on_error, lane=lane)

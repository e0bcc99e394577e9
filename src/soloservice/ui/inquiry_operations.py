"""Changes to inquiries, run on the task pool; status changes go on an undo stack.

The window only wires signals: ``changed`` after any change with what it touched (a
``Changes``: the window refetches those rows, and re-runs the view's query and the counts only
when a status or snooze may have moved an inquiry between views) and ``failed`` with a
user-facing message (nothing is lost; the store is unchanged).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from soloservice.domain.types import Status
from soloservice.services.changes import Changes
from soloservice.services.dto import StatusChange
from soloservice.services.errors import ServiceError, describe_storage_error
from soloservice.services.registry import Services
from soloservice.ui import formatting as fmt
from soloservice.ui.tasks import TaskRunner

#: Marked for pyside6-lupdate here, translated as each verb is asked for.
_STATUS_VERBS = {
    Status.NEW: QT_TRANSLATE_NOOP("operations", "Marked new"),
    Status.OPEN: QT_TRANSLATE_NOOP("operations", "Reopened"),
    Status.WAITING: QT_TRANSLATE_NOOP("operations", "Marked waiting"),
    Status.RESOLVED: QT_TRANSLATE_NOOP("operations", "Resolved"),
    Status.CLOSED: QT_TRANSLATE_NOOP("operations", "Closed"),
}


def status_verb(status: Status) -> str:
    return QCoreApplication.translate("operations", str(_STATUS_VERBS[status]))


class ServiceCommand(QUndoCommand):
    """A change a service made and can put back (status, kind, sender verdict): ``change``
    was made; ``undo_fn(change)`` puts it back; ``redo_fn()`` makes it again. The first
    redo (``QUndoStack.push`` calls it) is the change already made; undo and later redos
    run on the task pool and refresh the window through ``InquiryOps.changed``. Every such
    change may move the inquiry between views (``Changes.status``) unless ``changes`` says
    otherwise."""

    def __init__(
        self,
        ops: InquiryOps,
        text: str,
        inquiry_id: int | None,
        change: Any,
        undo_fn: Callable[[Any], object],
        redo_fn: Callable[[], Any],
        changes: Changes | None = None,
    ) -> None:
        super().__init__(text)
        self.ops = ops
        self.inquiry_id = inquiry_id
        self.change = change
        self.undo_fn = undo_fn
        self.redo_fn = redo_fn
        ids = () if inquiry_id is None else (inquiry_id,)
        self.changes = changes if changes is not None else Changes.status(*ids)
        self._done_once = False

    def redo(self) -> None:
        if not self._done_once:
            self._done_once = True
            return

        def job() -> object:
            self.change = self.redo_fn()
            return self.change

        self.ops.run(
            job,
            QCoreApplication.translate("operations", "Redone: %1").replace("%1", self.text()),
            self.inquiry_id,
            self.changes,
        )

    def undo(self) -> None:
        change = self.change
        self.ops.run(
            lambda: self.undo_fn(change),
            QCoreApplication.translate("operations", "Undone: %1").replace("%1", self.text()),
            self.inquiry_id,
            self.changes,
        )


class InquiryOps(QObject):
    #: (message for the status bar, id of the inquiry concerned or None, what changed: a
    #: ``Changes``)
    changed = Signal(str, object, object)
    #: a message for the user: what failed and that nothing was changed
    failed = Signal(str)
    #: a status change was made and can be undone (message, e.g. "Resolved #12")
    undoable = Signal(str)

    def __init__(self, services: Services, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.undo_stack = QUndoStack(self)

    def run(
        self,
        fn: Callable[[], Any],
        message: str,
        inquiry_id: int | None,
        changes: Changes | None = None,
    ) -> None:
        """Run a change on the pool; ``changes`` defaults to a status-like change of
        ``inquiry_id`` (it may move between views)."""
        if changes is None:
            changes = Changes.status(*(() if inquiry_id is None else (inquiry_id,)))
        done = changes
        self.runner.run_task(
            fn,
            lambda _result: self.changed.emit(message, inquiry_id, done),
            self.report_error,
        )

    def push_done(self, command: ServiceCommand) -> None:
        """Put a change already made on the undo stack and tell the window."""
        self.undo_stack.push(command)
        self.changed.emit(command.text(), command.inquiry_id, command.changes)
        self.undoable.emit(command.text())

    def report_error(self, error: BaseException) -> None:
        """A failed change, in words (``failed``); the view is refreshed anyway."""
        storage = describe_storage_error(error)  # busy, full, read-only, damaged
        if isinstance(error, ServiceError):  # a service's own words come first
            self.failed.emit(str(error))
        elif storage is not None:
            self.failed.emit(storage)
        else:
            self.failed.emit(
                QCoreApplication.translate(
                    "operations", "Something went wrong; nothing was changed.\n\n%1"
                ).replace("%1", f"{type(error).__name__}: {error}"),
            )
        # The view may be out of date after a failed change: refresh it anyway.
        self.changed.emit("", None, Changes.everything())

    # -- the changes ----------------------------------------------------------------------------

    def set_status(self, inquiry_id: int, status: Status) -> None:
        svc = self.services.inquiries

        def job() -> StatusChange:
            return svc.set_status(inquiry_id, status)

        def done(result: object) -> None:
            assert isinstance(result, StatusChange)
            if result.old_status is result.new_status:
                self.changed.emit("", inquiry_id, Changes.rows(inquiry_id))
                return
            text = f"{status_verb(result.new_status)} #{inquiry_id}"
            self.push_done(ServiceCommand(self, text, inquiry_id, result, svc.undo_status, job))

        self.runner.run_task(job, done, self.report_error)

    def snooze(self, inquiry_id: int, until: datetime | None) -> None:
        svc = self.services.inquiries
        if until is None:
            message = QCoreApplication.translate("operations", "Woke #%1").replace(
                "%1", str(inquiry_id)
            )
        else:
            when = fmt.long_time(until, self.services.ctx.tz)
            message = (
                QCoreApplication.translate("operations", "Snoozed #%1 until %2")
                .replace("%1", str(inquiry_id))
                .replace("%2", when)
            )
        self.run(
            lambda: svc.snooze(inquiry_id, until), message, inquiry_id, Changes.status(inquiry_id)
        )

    def add_note(self, inquiry_id: int, text: str, on_done: Callable[[], None]) -> None:
        svc = self.services.inquiries

        def done(_result: object) -> None:
            on_done()
            self.changed.emit(
                QCoreApplication.translate("operations", "Note added to #%1").replace(
                    "%1", str(inquiry_id)
                ),
                inquiry_id,
                Changes.rows(inquiry_id),  # a note moves no inquiry between views
            )

        self.runner.run_task(lambda: svc.add_note(inquiry_id, text), done, self.report_error)

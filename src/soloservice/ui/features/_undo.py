"""An undo step for a change a service made and can put back (kind, sender verdict).

Like ``operations.StatusCommand``: the first redo is the change already made; undo and a
later redo run on the task pool and refresh the window through ``InquiryOps.changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from soloservice.ui.inquiry_operations import InquiryOps


class ServiceCommand(QUndoCommand):
    """``change`` was made; ``undo_fn(change)`` puts it back; ``redo_fn()`` makes it again."""

    def __init__(
        self,
        ops: InquiryOps,
        text: str,
        inquiry_id: int | None,
        change: Any,
        undo_fn: Callable[[Any], object],
        redo_fn: Callable[[], Any],
    ) -> None:
        super().__init__(text)
        self.ops = ops
        self.inquiry_id = inquiry_id
        self.change = change
        self.undo_fn = undo_fn
        self.redo_fn = redo_fn
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
        )

    def undo(self) -> None:
        change = self.change
        self.ops.run(
            lambda: self.undo_fn(change),
            QCoreApplication.translate("operations", "Undone: %1").replace("%1", self.text()),
            self.inquiry_id,
        )


def push_done(
    ops: InquiryOps,
    text: str,
    inquiry_id: int | None,
    change: Any,
    undo_fn: Callable[[Any], object],
    redo_fn: Callable[[], Any],
) -> None:
    """Put a change already made on the window's undo stack and tell the window."""
    ops.undo_stack.push(ServiceCommand(ops, text, inquiry_id, change, undo_fn, redo_fn))
    ops.changed.emit(text, inquiry_id)
    ops.undoable.emit(text)

"""A dialog whose Save runs a service call on the worker.

While it saves, Save is disabled (no double entries); an error shows inline and the dialog
stays open with everything the founder typed; success emits ``saved(result)`` and closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from soloservice.services.errors import ServiceError
from soloservice.ui.style import ERROR_STYLE
from soloservice.ui.tasks import TaskRunner


class WorkerDialog(QDialog):
    saved = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.saving = False
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        #: the button that saves; the subclass creates it
        self.save_button: QPushButton | None = None

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def lay_out(self, form: QLayout, buttons: QWidget) -> QVBoxLayout:
        """The dialog's layout: the form, the inline error under it, the buttons last."""
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        return layout

    def connect_save(self, button: QPushButton) -> None:
        """``button`` saves, and so do Ctrl+Return and Ctrl+Enter anywhere in the dialog."""
        self.save_button = button
        button.clicked.connect(self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)

    def save(self) -> None:
        """Check what was typed (``save_work``) and run the service call that stores it."""
        if self.saving:
            return
        work = self.save_work()
        if work is not None:
            self.run_save(work)

    if TYPE_CHECKING:  # each dialog defines it: the service call that stores its input

        def save_work(self) -> Callable[[], object] | None:
            """The service call that stores the input, or None when the input does not
            check out (the dialog has shown why)."""

    def run_save(self, work: Callable[[], object]) -> None:
        """Run ``work`` off the GUI thread unless a save is already on its way."""
        if self.saving:
            return
        self.show_error("")
        self.saving = True
        if self.save_button is not None:
            self.save_button.setEnabled(False)
        self.runner.run_task(work, self._saved, self._failed)

    def failure_text(self, error: BaseException) -> str:
        """What to say when saving failed for a reason that is not the user's input."""
        return self.tr("Could not save: %1").replace("%1", str(error))

    def before_close(self, result: object) -> None:
        """Called with the saved result just before ``saved`` is emitted."""

    def _saved(self, result: object) -> None:
        self.saving = False
        self.before_close(result)
        self.saved.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.saving = False
        if self.save_button is not None:
            self.save_button.setEnabled(True)
        self.show_error(str(error) if isinstance(error, ServiceError) else self.failure_text(error))

"""When a bug escapes: log the traceback and tell the founder, instead of dying silently.

Without a terminal an exception in a slot prints to nowhere and the window carries on in
an unknown state, or the process ends with no trace. ``CrashReporter`` replaces
``sys.excepthook`` and ``threading.excepthook``: the traceback goes to the log
(``logsetup``; redacted) and a dialog says what happened, with the details behind
"Show Details…" and a "Copy details" button for a support mail.

A hook may run on any thread, and widgets may only be made on the GUI thread (and a
signal emitted from a foreign thread is what DEVELOPERS.md warns against), so reports
from other threads wait in a queue that a GUI-thread timer drains.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from soloservice.logsetup import redact

log = logging.getLogger("soloservice.crash")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


class CrashReporter(QObject):
    """Installs itself as the process's exception hooks; ``uninstall`` puts the old back."""

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__()
        self.parent_widget = parent_widget
        self.last_box: QMessageBox | None = None
        self.reports = 0
        self._pending: queue.SimpleQueue[tuple[str, str]] = queue.SimpleQueue()
        self._previous_hook: ExceptHook | None = None
        self._previous_thread_hook: Callable[[threading.ExceptHookArgs], Any] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._drain)

    def install(self) -> CrashReporter:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self.handle_thread
        self._timer.start()
        return self

    def uninstall(self) -> None:
        self._timer.stop()
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
        if self._previous_thread_hook is not None:
            threading.excepthook = self._previous_thread_hook

    # -- the hooks ------------------------------------------------------------------------

    def handle(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in a terminal: quit as usual
            (self._previous_hook or sys.__excepthook__)(kind, exc, tb)
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        log.error("unhandled exception\n%s", details)
        summary = f"{kind.__name__}: {exc}"
        if threading.current_thread() is threading.main_thread():
            self.show(summary, details)
        else:
            self._pending.put((summary, details))

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _drain(self) -> None:
        while True:
            try:
                summary, details = self._pending.get_nowait()
            except queue.Empty:
                return
            self.show(summary, details)

    # -- the dialog -----------------------------------------------------------------------

    def show(self, summary: str, details: str) -> QMessageBox:
        """A readable message now; the details (redacted, as in the log) to copy."""
        self.reports += 1
        details = redact(details)
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("CrashReporter", "SoloService hit a bug"))
        box.setText(
            QCoreApplication.translate(
                "CrashReporter",
                "Something went wrong that SoloService did not expect. What you saved is "
                "safe; the last action may not have finished.",
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "CrashReporter",
                "The details are in the log file. Copy them into a mail to support: %1",
            ).replace("%1", redact(summary).splitlines()[0][:300] if summary else "")
        )
        box.setDetailedText(details)
        copy = QPushButton(QCoreApplication.translate("CrashReporter", "&Copy details"))
        box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()  # an ActionRole button would close the box otherwise
        copy.clicked.connect(lambda: self.copy_details(details))
        box.addButton(QMessageBox.StandardButton.Close)
        box.setModal(False)
        box.open()
        self.last_box = box
        self.copy_button = copy
        return box

    @staticmethod
    def copy_details(details: str) -> None:
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(details)

"""Work that can wait until the window has painted its first inbox page.

Launch time is what the founder waits for: the list, the sidebar and the selected
inquiry. Everything else that starts with the window (the daily backup, the due-soon
watcher, a timed close for smoke tests) is queued with ``after_first_paint`` and runs once
the first frame is on the screen, in the order it was queued.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

_PROPERTY = "soloserviceFirstPaint"
#: a window shown on a platform that never paints it (minimised at start, a headless
#: platform plugin) still runs what waited, this long after it was shown
FALLBACK_MS = 2_000


class _FirstPaint(QObject):
    """Watches one window for its first paint event, then runs what waited for it."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.painted = False
        self.waiting: list[Callable[[], object]] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.painted or watched is not self.widget:
            return False
        if event.type() == QEvent.Type.Show:
            QTimer.singleShot(FALLBACK_MS, self, self._painted)
        elif event.type() == QEvent.Type.Paint:
            self._painted()
        return False

    def _painted(self) -> None:
        if self.painted:
            return
        self.painted = True
        self.widget.removeEventFilter(self)
        # The children paint in the same flush as the window: run after it, not inside it.
        QTimer.singleShot(0, self, self._run)

    def _run(self) -> None:
        waiting, self.waiting = self.waiting, []
        for action in waiting:
            action()

    def add(self, action: Callable[[], object]) -> None:
        if self.painted and not self.waiting:
            QTimer.singleShot(0, action)
        else:
            self.waiting.append(action)


def after_first_paint(widget: QWidget, action: Callable[[], object]) -> None:
    """Run ``action`` on the GUI thread once ``widget`` (a top-level window) has been
    painted for the first time; at once (on the next event-loop turn) if it already was."""
    watcher = widget.findChild(_FirstPaint, _PROPERTY)
    if watcher is None:
        watcher = _FirstPaint(widget)
        watcher.setObjectName(_PROPERTY)
    watcher.add(action)


def has_painted(widget: QWidget) -> bool:
    """Whether ``widget`` has had its first paint (tests and the launch benchmark ask)."""
    watcher = widget.findChild(_FirstPaint, _PROPERTY)
    return watcher is not None and watcher.painted

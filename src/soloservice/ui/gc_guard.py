"""Python's cycle collector, run only on the GUI thread.

CPython collects garbage cycles in whichever thread happens to allocate when a threshold is
crossed. When that is a worker thread (a sync, an export) and the cycle holds a Qt object
(a closed dialog, a timer), Qt destroys the object on the wrong thread: "Timers cannot be
stopped from another thread", then a crash. The remedy PyQt and PySide applications use is
to switch automatic collection off and collect from a timer on the GUI thread instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1_000


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the generations whose thresholds were crossed, as CPython would have."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            threshold = self.thresholds[generation]
            if threshold and counts[generation] > threshold:
                gc.collect(generation)
                return

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()

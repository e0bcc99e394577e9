"""The call dialog's stopwatch: it runs from the moment the dialog opens (the call has begun),
stops and starts again with one key, and its reading is the call's duration unless minutes
were typed."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class CallTimer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel("0:00")
        font = self.label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.label.setFont(font)
        self.label.setMinimumWidth(self.fontMetrics().horizontalAdvance("00:00:00") + 8)
        self.button = QPushButton(self.tr("Stop"))
        self.button.setToolTip(self.tr("Start or stop the call timer (Ctrl+T)"))
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.toggle)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)

        self.elapsed = QElapsedTimer()
        self.elapsed.start()
        self._accumulated_ms = 0
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self.update_label)
        self.tick.start()

    @property
    def running(self) -> bool:
        return self.elapsed.isValid()

    def seconds(self) -> int:
        running = self.elapsed.elapsed() if self.elapsed.isValid() else 0
        return int((self._accumulated_ms + running) / 1000)

    def toggle(self) -> None:
        if self.elapsed.isValid():
            self._accumulated_ms += self.elapsed.elapsed()
            self.elapsed.invalidate()
            self.button.setText(self.tr("Start"))
        else:
            self.elapsed.start()
            self.button.setText(self.tr("Stop"))
        self.update_label()

    def stop_ticking(self) -> None:
        self.tick.stop()

    def update_label(self) -> None:
        seconds = self.seconds()
        hours, rest = divmod(seconds, 3600)
        minutes, secs = divmod(rest, 60)
        text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
        self.label.setText(text)

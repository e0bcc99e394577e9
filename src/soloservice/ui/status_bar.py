"""The main window's status bar: a long message ends in "…" before the permanent widgets.

``QStatusBar.showMessage`` paints a temporary message from the left edge and lets the
permanent widgets (the counts, Undo, the sync progress, the first-start link) cover its end,
so a long message (a due-soon alert listing inquiries, an error quoting a server) lost its
last words mid-word with nothing to say so. ``FittingStatusBar`` cuts every message where the
first permanent widget begins, with "…", and shows the whole message as its tooltip while it
is cut. A bar not on the screen yet has no width to fit to: its messages stay whole.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QSizeGrip, QStatusBar, QWidget

#: the message's own margins and a gap before the first permanent widget, in pixels
MARGIN = 16


def room_for_message(bar: QStatusBar) -> int:
    """Pixels from the status bar's left edge to its first visible permanent widget."""
    starts = [
        child.x()
        for child in bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if child.isVisible() and not isinstance(child, QSizeGrip) and child.x() > 0
    ]
    return max(0, min(starts, default=bar.width()) - MARGIN)


def fitted_message(bar: QStatusBar, text: str) -> str:
    """``text`` as it fits left of the permanent widgets: whole, or cut with "…"."""
    if not bar.isVisible():
        return text
    return bar.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room_for_message(bar))


class FittingStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messageChanged.connect(self._message_changed)

    def showMessage(self, text: str, /, timeout: int | None = 0) -> None:
        fitted = fitted_message(self, text)
        super().showMessage(fitted, timeout or 0)
        self.setToolTip(text if fitted != text else "")

    def _message_changed(self, text: str) -> None:
        if not text:  # the message timed out or was cleared: so is its whole text
            self.setToolTip("")


def install_status_bar(window: QMainWindow, *permanent: QWidget) -> FittingStatusBar:
    """Give ``window`` a ``FittingStatusBar`` holding ``permanent`` at its right."""
    bar = FittingStatusBar(window)
    window.setStatusBar(bar)
    for widget in permanent:
        bar.addPermanentWidget(widget)
    return bar

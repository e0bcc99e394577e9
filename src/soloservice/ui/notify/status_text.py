"""A status-bar message cut to the room it has, with an ellipsis.

``QStatusBar.showMessage`` paints a temporary message from the left edge and lets the
permanent widgets (the counts, Undo, the sync progress, the first-start link) cover its end,
so a long message lost its last words mid-word with nothing to say so. The due-soon alert
lists inquiries ("3 inquiries due within the hour: #12 Ida Pedersen: Min pakke ...") and is
the long one: it is cut where the first permanent widget begins, and ends in "…".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QWidget

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
    return bar.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room_for_message(bar))

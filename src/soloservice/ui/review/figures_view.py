"""The weekly review's table of figures: a number opens the inquiries behind it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from soloservice.ui.review.figures_model import FiguresModel


class FiguresView(QTableView):
    """Double-click or Enter on a number emits the inquiry ids behind it."""

    ids_activated = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.doubleClicked.connect(self._activate)

    def _activate(self, index: QModelIndex) -> None:
        model = self.model()
        if not index.isValid() or not isinstance(model, FiguresModel):
            return
        ids = model.ids_at(index)
        if ids:
            self.ids_activated.emit(ids)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

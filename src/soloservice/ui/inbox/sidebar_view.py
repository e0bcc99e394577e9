"""The sidebar list: entries with an icon, a label and a count pill on the right."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from soloservice.services.dto import View
from soloservice.ui.inbox.sidebar_model import (
    COUNT_ROLE,
    ENTRY_ROLE,
    HEADER_ROLE,
    SidebarEntry,
    SidebarModel,
)

_Index = QModelIndex | QPersistentModelIndex


class SidebarDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        base = super().sizeHint(option, index)
        if index.data(HEADER_ROLE):
            return QSize(base.width(), base.height() + 14)
        return QSize(base.width() + 48, max(base.height() + 10, 30))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        if index.data(HEADER_ROLE):
            painter.save()
            font = index.data(Qt.ItemDataRole.FontRole) or option.font
            painter.setFont(font)
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
            rect = option.rect.adjusted(10, 10, -8, 0)
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                str(index.data(Qt.ItemDataRole.DisplayRole)).upper(),
            )
            painter.restore()
            return
        count = index.data(COUNT_ROLE)
        text = str(count) if count else ""
        pill_width = 0
        if text:
            pill_width = option.fontMetrics.horizontalAdvance(text) + 16
        super().paint(painter, option, index)
        if not text:
            return
        entry = index.data(ENTRY_ROLE)
        urgent = isinstance(entry, SidebarEntry) and entry.view is View.OVERDUE
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        h = option.fontMetrics.height() + 4
        rect = QRect(
            option.rect.right() - pill_width - 8,
            option.rect.center().y() - h // 2,
            pill_width,
            h,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#c53030") if urgent else QColor("#e2e8f0"))
        painter.drawRoundedRect(rect, h / 2, h / 2)
        painter.setPen(QColor("#ffffff") if urgent else QColor("#2d3748"))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()


class SidebarView(QListView):
    """Emits ``entry_chosen`` when the user picks a view or a channel."""

    entry_chosen = Signal(object)

    def __init__(self, model: SidebarModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(SidebarDelegate(self))
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(False)
        self.setIconSize(QSize(18, 18))
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(self.needed_width())
        self.setAccessibleName(self.tr("Views"))
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.setCurrentIndex(model.index(0, 0))

    def needed_width(self) -> int:
        """Wide enough for the longest label in this language, its icon and a count, within
        reason: past 250 px a long label elides rather than squeeze the list."""
        model = self.model()
        metrics = self.fontMetrics()
        longest = max(
            (
                metrics.horizontalAdvance(str(model.index(r, 0).data()))
                for r in range(model.rowCount())
            ),
            default=0,
        )
        pill = metrics.horizontalAdvance("9999") + 16
        return min(250, max(210, longest + self.iconSize().width() + pill + 48))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(ENTRY_ROLE)
        if isinstance(entry, SidebarEntry) and not entry.is_header:
            self.entry_chosen.emit(entry)

    def select_entry(self, entry: SidebarEntry) -> None:
        model = self.model()
        assert isinstance(model, SidebarModel)
        self.setCurrentIndex(model.index(model.row_of(entry), 0))

"""The inquiry table: keeps the selection by id across refreshes and shows an empty state."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from soloservice.services.dto import View
from soloservice.ui import formatting as fmt
from soloservice.ui.inbox.model import Column, InboxModel
from soloservice.ui.inbox.search import SnippetDelegate

#: below this the subject column is not worth reading ("Tha…")
MIN_SUBJECT_WIDTH = 200


class IconOnlyDelegate(QStyledItemDelegate):
    """Paints a cell's icon without its text while the list is narrow."""

    def __init__(self, table: InboxTable) -> None:
        super().__init__(table)
        self.table = table

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if self.table.inbox_model().compact_channel:
            option.text = ""


class InboxTable(QTableView):
    """Emits ``inquiry_selected(id or None)`` whenever the current row changes."""

    inquiry_selected = Signal(object)

    def __init__(self, model: InboxModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._remembered: tuple[int | None, int] = (None, -1)
        self._last_emitted: int | None = None
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.SUBJECT, QHeaderView.ResizeMode.Stretch)
        char = self.fontMetrics().averageCharWidth()
        widths = {
            Column.CUSTOMER: 15,
            Column.CHANNEL: 11,
            Column.RECEIVED: 11,
            Column.DUE: 11,
            Column.VALUE: 11,
            Column.STATUS: 9,
        }
        self._widths = {column: chars * char + 20 for column, chars in widths.items()}
        # Dates as wide as the longest this locale writes ("28. sep. 23:59" in Danish).
        sample = fmt.sample_short_time()
        date_width = self.fontMetrics().horizontalAdvance(sample) + 24
        for column in (Column.RECEIVED, Column.DUE):
            self._widths[column] = max(self._widths[column], date_width)
        for column, width in self._widths.items():
            self.setColumnWidth(column, width)
        header.setMinimumSectionSize(28)
        self.setItemDelegateForColumn(Column.CHANNEL, IconOnlyDelegate(self))
        # The indicator first: enabling sorting sorts by whatever the indicator shows.
        header.setSortIndicator(model.sort_column(), self._order(model))
        self.setSortingEnabled(True)
        self.setAccessibleName(self.tr("Inquiries"))
        # While searching, a matching row's subject shows the passage that matched.
        self.setItemDelegateForColumn(Column.SUBJECT, SnippetDelegate(self))
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        self.selectionModel().currentRowChanged.connect(self._current_row_changed)

    # -- columns that fit ----------------------------------------------------------------------

    def subject_room(self) -> int:
        """The width the subject gets after the other shown columns."""
        others = sum(
            self.columnWidth(c)
            for c in Column
            if c != Column.SUBJECT and not self.isColumnHidden(c)
        )
        return self.viewport().width() - others

    def readable_width(self) -> int:
        """The narrowest list that still shows name, channel icon, due time and a subject of
        MIN_SUBJECT_WIDTH (the window's first layout gives the list at least this)."""
        essential = self._widths[Column.CUSTOMER] + self._widths[Column.DUE]
        # frame, scroll bar and the margins of the list's column in the window
        chrome = self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth() + 16
        return essential + self._icon_column_width() + MIN_SUBJECT_WIDTH + chrome

    def _icon_column_width(self) -> int:
        return max(self.iconSize().width(), 16) + 24

    def fit_columns(self) -> None:
        """Keep the subject readable on a narrow list: the channel becomes its icon, then
        value, status and received step aside (the conversation header shows them)."""
        model = self.inbox_model()
        for column, width in self._widths.items():
            self.setColumnHidden(column, False)
            self.setColumnWidth(column, width)
        model.compact_channel = False
        steps = (Column.CHANNEL, Column.VALUE, Column.STATUS, Column.RECEIVED)
        for step in steps:
            if self.subject_room() >= MIN_SUBJECT_WIDTH:
                break
            if step == Column.CHANNEL:
                model.compact_channel = True
                self.setColumnWidth(Column.CHANNEL, self._icon_column_width())
            else:
                self.setColumnHidden(step, True)
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    @staticmethod
    def _order(model: InboxModel) -> Qt.SortOrder:
        return (
            Qt.SortOrder.DescendingOrder if model.query.descending else Qt.SortOrder.AscendingOrder
        )

    def inbox_model(self) -> InboxModel:
        model = self.model()
        assert isinstance(model, InboxModel)
        return model

    # -- selection by id ------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        index = self.currentIndex()
        return self.inbox_model().id_at(index.row()) if index.isValid() else None

    def select_id(self, inquiry_id: int) -> bool:
        row = self.inbox_model().row_of(inquiry_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def select_row(self, row: int) -> None:
        index = self.inbox_model().index(row, 0)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def _remember_selection(self) -> None:
        self._remembered = (self.selected_id(), self.currentIndex().row())

    def _restore_selection(self) -> None:
        inquiry_id, row = self._remembered
        model = self.inbox_model()
        if inquiry_id is not None and model.row_of(inquiry_id) is not None:
            self.select_id(inquiry_id)
        elif row >= 0 and model.rowCount() > 0:
            # The selected inquiry left this view (resolved, snoozed): go on with the next one.
            self.select_row(min(row, model.rowCount() - 1))
        else:
            self._emit(None)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._emit(self.inbox_model().id_at(current.row()) if current.isValid() else None)

    def _emit(self, inquiry_id: int | None) -> None:
        self._last_emitted = inquiry_id
        self.inquiry_selected.emit(inquiry_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Delete/Backspace must never destroy anything from the list.
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- empty state ------------------------------------------------------------------------------

    def empty_text(self) -> str:
        query = self.inbox_model().query
        if query.search.strip():
            return self.tr("No inquiries match “%1”").replace("%1", query.search.strip())
        if query.view is View.INBOX and query.group is None:
            return self.tr("Inbox zero — nothing waiting")
        if query.view is View.OVERDUE:
            return self.tr("Nothing overdue — every promise kept")
        if query.view is View.DUE_TODAY:
            return self.tr("Nothing due today")
        return self.tr("Nothing here")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.inbox_model().rowCount() > 0:
            return
        painter = QPainter(self.viewport())
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            self.viewport().rect().adjusted(24, 24, -24, -24),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            self.empty_text(),
        )
        painter.end()

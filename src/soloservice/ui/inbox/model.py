"""The inquiry list as a table model fed by SQL, a page at a time (Anki browser style).

The model holds only the ordered ids of the current view. Rows are fetched in pages of
``PAGE_SIZE`` when the view first asks for one of them, so a 100 000-inquiry inbox opens at
once; sorting and filtering re-run the id query in the database (no QSortFilterProxyModel:
over 100k rows it takes tens of seconds).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QIcon

from soloservice.domain.types import InquiryKind, Status
from soloservice.services.dto import InboxQuery, InquiryListRow
from soloservice.services.registry import Services
from soloservice.ui.icons import channel_icon
from soloservice.ui.inbox import cells
from soloservice.ui.inbox.cells import SORT_KEYS as SORT_KEYS
from soloservice.ui.inbox.cells import Column as Column
from soloservice.ui.inbox.row_moves import blocks, plan_moves
from soloservice.ui.inbox.search import SNIPPET_ROLE
from soloservice.ui.table_model import read_only_flags

PAGE_SIZE = 100
#: more separate blocks of rows leaving or joining than this: one reset is cheaper
MAX_MOVES = 20

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class InboxModel(QAbstractTableModel):
    def __init__(self, services: Services, query: InboxQuery | None = None) -> None:
        super().__init__()
        self.services = services
        self._query = query or InboxQuery()
        self._ids: list[int] = []
        self._positions: dict[int, int] = {}
        self._cache: dict[int, InquiryListRow] = {}
        #: while searching: each matching row's passage, matched words marked
        self._snippets: dict[int, str] = {}
        self._snippets_asked: set[int] = set()
        self._now = services.ctx.now()
        #: a narrow list shows the channel as its icon only: no header text (the table's
        #: delegate paints the cells without their text; the name is in the tooltip)
        self.compact_channel = False
        #: how many rows were asked of the database since the last reset (tests read it)
        self.fetched_rows = 0
        self.fetch_calls = 0
        self._closed_loop_icon: QIcon | None = None
        self._complaint_icon: QIcon | None = None
        self._load_ids()

    # -- the query ----------------------------------------------------------------------------

    @property
    def query(self) -> InboxQuery:
        return self._query

    def set_query(self, query: InboxQuery) -> None:
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        """Re-run the query; views keep their selection by id (see InboxTable)."""
        self.beginResetModel()
        self._load_ids()
        self.endResetModel()

    def show_ids(
        self, query: InboxQuery, ids: list[int], snippets: dict[int, str] | None = None
    ) -> None:
        """Show ``ids``, already queried for ``query`` (the search box runs its query and
        the first page's snippets off the GUI thread and hands the answer over here)."""
        self.beginResetModel()
        self._query = query
        self._install_ids(ids)
        if snippets is not None:
            self._snippets.update(snippets)
            self._snippets_asked.update(ids[:PAGE_SIZE])
        self.endResetModel()

    def _load_ids(self) -> None:
        self._install_ids(self.services.inbox.list_ids(self._query))

    def _install_ids(self, ids: list[int]) -> None:
        self._ids = ids
        self._snippets.clear()
        self._snippets_asked.clear()
        self._positions = {inquiry_id: row for row, inquiry_id in enumerate(self._ids)}
        self._cache.clear()
        self._now = self.services.ctx.now()
        self.fetched_rows = 0
        self.fetch_calls = 0

    # -- after a change: only what changed (see services/changes.py) -------------------------

    def update_rows(self, inquiry_ids: Iterable[int]) -> None:
        """These rows' contents changed: forget them and tell the views (``dataChanged``); the
        id list, the other rows and the selection stay. Refetched when next painted."""
        rows = []
        for inquiry_id in inquiry_ids:
            self._cache.pop(inquiry_id, None)
            row = self._positions.get(inquiry_id)
            if row is not None:
                rows.append(row)
        last = len(Column) - 1
        for first, end in blocks(sorted(rows)):
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))

    def update_all_rows(self) -> None:
        """Every shown row may be out of date (a customer renamed, Refresh): refetch them as
        they are painted, without a reset (the id list and the selection stay)."""
        self._cache.clear()
        self._now = self.services.ctx.now()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(Column) - 1))

    def reconcile(self, changed: Iterable[int] = ()) -> None:
        """Re-run the id query after a change that may move inquiries between views.

        Rows that left go with ``rowsRemoved``, rows that joined with ``rowsInserted``; only
        a new order of the rows that stayed resets the model (keeping the rows fetched).
        ``changed`` rows are refetched when next painted."""
        changed_ids = set(changed)
        for inquiry_id in changed_ids:
            self._cache.pop(inquiry_id, None)
        new = self.services.inbox.list_ids(self._query)
        if new == self._ids:
            return
        moves = plan_moves(self._ids, self._positions, new, MAX_MOVES)
        if moves is None:
            self._reset_keeping_cache(new)
            return
        for first, end in reversed(moves.removed):
            self.beginRemoveRows(QModelIndex(), first, end)
            for inquiry_id in self._ids[first : end + 1]:
                self._cache.pop(inquiry_id, None)
            del self._ids[first : end + 1]
            self._positions = {inquiry_id: row for row, inquiry_id in enumerate(self._ids)}
            self.endRemoveRows()
        for first, end in moves.added:
            self.beginInsertRows(QModelIndex(), first, end)
            self._ids[first:first] = new[first : end + 1]
            self._positions = {inquiry_id: row for row, inquiry_id in enumerate(self._ids)}
            self.endInsertRows()

    def _reset_keeping_cache(self, ids: list[int]) -> None:
        self.beginResetModel()
        cache = {i: self._cache[i] for i in ids if i in self._cache}
        snippets = dict(self._snippets)
        asked = set(self._snippets_asked)
        self._install_ids(ids)
        self._cache = cache
        self._snippets.update(snippets)
        self._snippets_asked.update(asked)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        key = SORT_KEYS[Column(column)]
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        self.set_query(dataclasses.replace(self._query, sort=key, descending=descending))

    def sort_column(self) -> int:
        for column, key in SORT_KEYS.items():
            if key == self._query.sort:
                return int(column)
        return int(Column.DUE)

    # -- ids ----------------------------------------------------------------------------------

    @property
    def ids(self) -> list[int]:
        return self._ids

    @property
    def cached_count(self) -> int:
        return len(self._cache)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, inquiry_id: int) -> int | None:
        return self._positions.get(inquiry_id)

    def row_data(self, row: int) -> InquiryListRow | None:
        inquiry_id = self.id_at(row)
        if inquiry_id is None:
            return None
        found = self._cache.get(inquiry_id)
        if found is None:
            self._fetch_page(row)
            found = self._cache.get(inquiry_id)
        return found

    def _fetch_page(self, row: int) -> None:
        start = (row // PAGE_SIZE) * PAGE_SIZE
        wanted = [i for i in self._ids[start : start + PAGE_SIZE] if i not in self._cache]
        if not wanted:
            return
        self.fetch_calls += 1
        self.fetched_rows += len(wanted)
        for item in self.services.inbox.rows(wanted):
            self._cache[item.id] = item
        unasked = [i for i in wanted if i not in self._snippets_asked]
        if self._query.search.strip() and unasked:
            self._snippets_asked.update(unasked)
            self._snippets.update(self.services.search.snippets(self._query.search, unasked))

    # -- Qt model API ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        compact = self.compact_channel and section == Column.CHANNEL
        if role == Qt.ItemDataRole.DisplayRole and compact:
            return ""
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.CHANNEL:
            return self.tr("Channel")
        if role == Qt.ItemDataRole.DisplayRole:
            titles = {
                Column.CUSTOMER: self.tr("Customer"),
                Column.CHANNEL: self.tr("Channel"),
                Column.SUBJECT: self.tr("Subject"),
                Column.RECEIVED: self.tr("Received"),
                Column.DUE: self.tr("Due"),
                Column.VALUE: self.tr("Value"),
                Column.STATUS: self.tr("Status"),
            }
            return titles[Column(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == Column.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.VALUE:
            return self.tr("What the customer is worth over the years (lifetime value)")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        item = self.row_data(index.row())
        if item is None:
            return None
        column = Column(index.column())
        if role == ROW_ROLE:
            return item
        if role == SNIPPET_ROLE:
            return self._snippets.get(item.id) if column == Column.SUBJECT else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.CHANNEL:
            return channel_icon(item.channel)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.SUBJECT:
            return self._marker(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(item, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == Column.DUE:
            if item.overdue:
                return QBrush(cells.OVERDUE_BG)
            if item.due_today:
                return QBrush(cells.DUE_TODAY_BG)
            return None
        if role == Qt.ItemDataRole.FontRole:
            bold = (column == Column.DUE and (item.overdue or item.due_today)) or (
                column in (Column.CUSTOMER, Column.SUBJECT) and item.status == Status.NEW
            )
            if bold:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # -- cell contents (cells.py) -------------------------------------------------------------

    def _display(self, item: InquiryListRow, column: Column) -> str:
        ctx = self.services.ctx
        return cells.display(item, column, ctx.tz, self._now, ctx.settings.currency)

    def _marker(self, item: InquiryListRow) -> QIcon | None:
        """Red for an unhappy follow-up answer awaiting its call-back, orange for complaints."""
        if cells.awaiting_callback(item):
            if self._closed_loop_icon is None:
                self._closed_loop_icon = cells.dot(cells.CLOSED_LOOP_FG)
            return self._closed_loop_icon
        if item.kind is InquiryKind.COMPLAINT:
            if self._complaint_icon is None:
                self._complaint_icon = cells.dot(cells.COMPLAINT_DOT)
            return self._complaint_icon
        return None

    def _tooltip(self, item: InquiryListRow, column: Column) -> str | None:
        return cells.tooltip(item, column, self.services.ctx.tz, self._now, self._snippets)

    def _foreground(self, item: InquiryListRow, column: Column) -> QBrush | None:
        return cells.foreground(item, column)

    def now(self) -> datetime:
        return self._now

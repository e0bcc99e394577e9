"""The inquiry list as a table model fed by SQL, a page at a time (Anki browser style).

The model holds only the ordered ids of the current view. Rows are fetched in pages of
``PAGE_SIZE`` when the view first asks for one of them, so a 100 000-inquiry inbox opens at
once; sorting and filtering re-run the id query in the database (no QSortFilterProxyModel:
over 100k rows it takes tens of seconds).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from soloservice.domain.types import InquiryKind, Status
from soloservice.services.dto import InboxQuery, InquiryListRow, SortKey
from soloservice.services.registry import Services
from soloservice.ui import formatting as fmt
from soloservice.ui import style
from soloservice.ui.icons import channel_icon
from soloservice.ui.inbox.search import SNIPPET_ROLE, snippet_html
from soloservice.ui.plain_text import plain_tooltip
from soloservice.ui.table_model import read_only_flags

PAGE_SIZE = 100

OVERDUE_FG = QColor(style.ERROR)
OVERDUE_BG = QColor("#fdf0f0")
DUE_TODAY_FG = QColor(style.WARNING)
DUE_TODAY_BG = QColor("#fff4d6")
MUTED_FG = QColor(style.MUTED)
CLOSED_LOOP_FG = QColor(style.ERROR)
COMPLAINT_DOT = QColor("#e07b00")


def _awaiting_callback(item: InquiryListRow) -> bool:
    """Reopened by an unhappy follow-up answer and not yet called back."""
    return item.closed_loop and item.status in (Status.NEW, Status.OPEN)


def _dot(color: QColor, size: int = 10) -> QIcon:
    """A small filled circle: the marker before a complaint's or a closed-loop case's subject."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(color)
    painter.setPen(color.darker(120))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    CUSTOMER = 0
    CHANNEL = 1
    SUBJECT = 2
    RECEIVED = 3
    DUE = 4
    VALUE = 5
    STATUS = 6


SORT_KEYS: dict[Column, SortKey] = {
    Column.CUSTOMER: SortKey.CUSTOMER,
    Column.CHANNEL: SortKey.CHANNEL,
    Column.SUBJECT: SortKey.SUBJECT,
    Column.RECEIVED: SortKey.RECEIVED,
    Column.DUE: SortKey.DUE,
    Column.VALUE: SortKey.VALUE,
    Column.STATUS: SortKey.STATUS,
}


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
                return QBrush(OVERDUE_BG)
            if item.due_today:
                return QBrush(DUE_TODAY_BG)
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

    # -- cell contents --------------------------------------------------------------------------

    def _display(self, item: InquiryListRow, column: Column) -> str:
        tz = self.services.ctx.tz
        if column == Column.CUSTOMER:
            return item.customer_name or self.tr("(unknown)")
        if column == Column.CHANNEL:
            return fmt.channel_name(item.channel)
        if column == Column.SUBJECT:
            return item.subject
        if column == Column.RECEIVED:
            return fmt.short_time(item.received_at, tz, self._now)
        if column == Column.DUE:
            # An answered case has no running promise (the inbox's Needs reply rule).
            if not item.needs_reply or item.due_at is None:
                return "—"
            return fmt.short_time(item.due_at, tz, self._now)
        if column == Column.VALUE:
            return fmt.money(item.lifetime_value, self.services.ctx.settings.currency)
        if self._snoozed(item):
            return self.tr("Snoozed")
        if _awaiting_callback(item):
            return self.tr("Call back!") if item.at_risk_public else self.tr("Call back")
        return fmt.status_name(item.status)

    def _marker(self, item: InquiryListRow) -> QIcon | None:
        """Red for an unhappy follow-up answer awaiting its call-back, orange for complaints."""
        if _awaiting_callback(item):
            if self._closed_loop_icon is None:
                self._closed_loop_icon = _dot(CLOSED_LOOP_FG)
            return self._closed_loop_icon
        if item.kind is InquiryKind.COMPLAINT:
            if self._complaint_icon is None:
                self._complaint_icon = _dot(COMPLAINT_DOT)
            return self._complaint_icon
        return None

    def _snoozed(self, item: InquiryListRow) -> bool:
        return item.snoozed_until is not None and item.snoozed_until > self._now

    def _tooltip(self, item: InquiryListRow, column: Column) -> str | None:
        tz = self.services.ctx.tz
        if column == Column.SUBJECT and item.id in self._snippets:
            # Rich text on purpose (the match in bold); snippet_html escapes the customer's.
            return "<qt>" + snippet_html(self._snippets[item.id]) + "</qt>"
        if column == Column.SUBJECT:
            text = item.snippet or item.subject
            if _awaiting_callback(item):
                note = self.tr("Unhappy with the solution: call back within 24 hours.")
                if item.at_risk_public:
                    note += " " + self.tr("At risk of a public complaint.")
                return plain_tooltip(f"{note}\n\n{text}")  # the customer's text: literal
            if item.kind is InquiryKind.COMPLAINT:
                return plain_tooltip(self.tr("Complaint") + f"\n\n{text}")
            return plain_tooltip(text)
        if column == Column.DUE and item.due_at is not None and item.needs_reply:
            when = fmt.long_time(item.due_at, tz)
            if item.overdue:
                late = fmt.span(self._now - item.due_at)
                return (
                    self.tr("Overdue by %1 (promised %2)").replace("%1", late).replace("%2", when)
                )
            return self.tr("Answer promised by %1").replace("%1", when)
        if column == Column.RECEIVED:
            return fmt.long_time(item.received_at, tz)
        if column == Column.STATUS and self._snoozed(item):
            return self.tr("Snoozed until %1").replace("%1", fmt.long_time(item.snoozed_until, tz))
        return None

    def _foreground(self, item: InquiryListRow, column: Column) -> QBrush | None:
        if _awaiting_callback(item) and column in (Column.CUSTOMER, Column.SUBJECT, Column.STATUS):
            return QBrush(CLOSED_LOOP_FG)
        if column == Column.DUE:
            if item.overdue:
                return QBrush(OVERDUE_FG)
            if item.due_today:
                return QBrush(DUE_TODAY_FG)
            return None
        if column in (Column.RECEIVED, Column.VALUE, Column.STATUS):
            return QBrush(MUTED_FG)
        return None

    def now(self) -> datetime:
        return self._now

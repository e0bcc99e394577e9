"""The review's figures as a table: one row per metric, one column per channel and total.

Small (19 x 8), so a plain ``QAbstractTableModel`` over the frozen review is enough. Every
cell carries the inquiry ids behind it (``IDS_ROLE``) for the click-through.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from soloservice.plurals import PluralContext
from soloservice.reports.labels import (
    column_label,
    format_metric,
    metric_help,
    metric_label,
)
from soloservice.services.review_dto import COLUMN_KEYS, TOTAL, WeekReview
from soloservice.services.review_export import METRICS

Review = PluralContext("Review")

IDS_ROLE = int(Qt.ItemDataRole.UserRole) + 1
KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 2

#: metrics where anything above zero needs the founder's attention
ALARMING = frozenset({"unanswered_now", "overdue_now", "promises_broken", "reopened"})

_Index = QModelIndex | QPersistentModelIndex


class FiguresModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._review: WeekReview | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def review(self) -> WeekReview | None:
        return self._review

    def set_review(self, review: WeekReview | None) -> None:
        self.beginResetModel()
        self._review = review
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._review is None:
            return 0
        return len(METRICS)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._review is None:
            return 0
        return len(COLUMN_KEYS)

    def ids_at(self, index: _Index) -> list[int]:
        value = self.data(index, IDS_ROLE)
        return list(value) if value else []

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        review = self._review
        if review is None or not index.isValid():
            return None
        if not (0 <= index.row() < len(METRICS) and 0 <= index.column() < len(COLUMN_KEYS)):
            return None
        metric = METRICS[index.row()]
        column = review.column(COLUMN_KEYS[index.column()])
        figure = metric.get(column)
        role = int(role)
        if role == Qt.ItemDataRole.DisplayRole:
            return format_metric(figure.value, metric.unit, review.currency)
        if role == IDS_ROLE:
            return list(figure.ids)
        if role == KEY_ROLE:
            return metric.key
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column.key == TOTAL:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole:
            if metric.key in ALARMING and isinstance(figure.value, int) and figure.value > 0:
                return QBrush(QColor("#b3261e"))
            if figure.value is None or (type(figure.value) is int and figure.value == 0):
                return QBrush(QColor("#8a8a8a"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            count = len(figure.ids)
            if count == 0:
                return metric_help(metric.key)
            opens = Review.tr("Double-click to open these %n inquiries.", "", count)
            return f"{metric_help(metric.key)}\n{opens}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        role = int(role)
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(COLUMN_KEYS):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return column_label(COLUMN_KEYS[section])
            if role == Qt.ItemDataRole.FontRole and COLUMN_KEYS[section] == TOTAL:
                return self._bold
            return None
        if not 0 <= section < len(METRICS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return metric_label(METRICS[section].key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return metric_help(METRICS[section].key)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

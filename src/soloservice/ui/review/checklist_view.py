"""The channel checklist in the review: tick the hand-checked channels, see every sync.

A hand-checked channel shows ticked when it was ticked since Monday of the current week (the
weekly ritual starts afresh each week); a tick is a record, so a ticked box cannot be
unticked. Anything not checked or synced for over a week is flagged in red.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from soloservice.services.checklist import ChannelStatus
from soloservice.ui.formatting import short_time
from soloservice.ui.plain_text import plain_tooltip

CHECK_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
RED = QColor("#b3261e")


def week_start(now: datetime, zone: ZoneInfo) -> datetime:
    local = now.astimezone(zone).date()
    monday = local - timedelta(days=local.weekday())
    return datetime.combine(monday, time(0), zone).astimezone(UTC)


class ChecklistTable(QTableWidget):
    """Emits ``tick_requested(check_id)`` when the founder ticks a hand-checked channel."""

    tick_requested = Signal(int)

    def __init__(
        self, zone: ZoneInfo, clock: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(0, 3, parent)
        self._zone = zone
        self._clock = clock
        self._filling = False
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Review", "Channel"),
                QCoreApplication.translate("Review", "Last checked"),
                QCoreApplication.translate("Review", "Status"),
            ]
        )
        self.verticalHeader().setVisible(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.itemChanged.connect(self._changed)

    def set_statuses(self, statuses: Sequence[ChannelStatus]) -> None:
        self._filling = True
        try:
            now = self._clock()
            since = week_start(now, self._zone)
            self.setRowCount(len(statuses))
            for row, status in enumerate(statuses):
                name = QTableWidgetItem(status.name)
                name.setToolTip(status.detail)
                flags = Qt.ItemFlag.ItemIsEnabled
                if status.kind == "manual":
                    ticked = (
                        status.last_checked_or_synced is not None
                        and status.last_checked_or_synced >= since
                    )
                    name.setData(CHECK_ID_ROLE, status.check_id)
                    if not ticked:
                        flags |= Qt.ItemFlag.ItemIsUserCheckable
                    name.setFlags(flags)
                    name.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                    name.setToolTip(
                        (status.detail + "\n" if status.detail else "")
                        + QCoreApplication.translate(
                            "Review", "Tick when you have checked it this week."
                        )
                    )
                else:
                    name.setFlags(flags)
                    kind = (
                        QCoreApplication.translate("Review", "mail sync")
                        if status.kind == "mail"
                        else QCoreApplication.translate("Review", "social sync")
                    )
                    name.setText(f"{status.name} ({kind})")
                self.setItem(row, 0, name)
                seen = (
                    short_time(status.last_checked_or_synced, self._zone, now)
                    if status.last_checked_or_synced
                    else QCoreApplication.translate("Review", "never")
                )
                seen_item = QTableWidgetItem(seen)
                seen_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.setItem(row, 1, seen_item)
                if status.errors_since:
                    text = QCoreApplication.translate("Review", "Error")
                    tip = status.errors_since
                elif status.flagged:
                    text = QCoreApplication.translate("Review", "Over a week ago")
                    tip = (
                        QCoreApplication.translate("Review", "Not checked for over a week")
                        if status.kind == "manual"
                        else QCoreApplication.translate("Review", "Not synced for over a week")
                    )
                else:
                    text, tip = QCoreApplication.translate("Review", "OK"), ""
                state = QTableWidgetItem(text)
                state.setToolTip(plain_tooltip(tip))  # a server's error text: never markup
                if status.errors_since:
                    name.setToolTip(f"{name.toolTip()}\n{status.errors_since}".strip())
                name.setToolTip(plain_tooltip(name.toolTip()))
                if status.flagged or status.errors_since:
                    state.setForeground(QBrush(RED))
                    seen_item.setForeground(QBrush(RED))
                state.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.setItem(row, 2, state)
        finally:
            self._filling = False

    def row_of(self, check_id: int) -> int:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.data(CHECK_ID_ROLE) == check_id:
                return row
        return -1

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        check_id = item.data(CHECK_ID_ROLE)
        if check_id is not None and item.checkState() == Qt.CheckState.Checked:
            self.tick_requested.emit(int(check_id))

"""The sidebar: the views of the inbox and the channels, each with a live count."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon

from soloservice.domain.types import ChannelGroup
from soloservice.services.dto import View, ViewCounts
from soloservice.services.registry import Services
from soloservice.ui import formatting as fmt
from soloservice.ui.icons import group_icon, icon

COUNT_ROLE = Qt.ItemDataRole.UserRole + 10
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 11
HEADER_ROLE = Qt.ItemDataRole.UserRole + 12

_Index = QModelIndex | QPersistentModelIndex

_VIEW_ICONS = {
    View.INBOX: "inbox",
    View.NEEDS_REPLY: "waiting",
    View.DUE_TODAY: "today",
    View.OVERDUE: "overdue",
    View.WAITING: "waiting",
    View.SNOOZED: "snoozed",
    View.RESOLVED: "resolved",
    View.AUTOMATIC: "snoozed",
}


@dataclass(frozen=True)
class SidebarEntry:
    """One row: a view, a channel group (shown as the open inbox of that group) or a header."""

    view: View | None = None
    group: ChannelGroup | None = None

    @property
    def is_header(self) -> bool:
        return self.view is None and self.group is None


ENTRIES: tuple[SidebarEntry, ...] = (
    *(SidebarEntry(view=v) for v in View),
    SidebarEntry(),
    *(SidebarEntry(group=g) for g in ChannelGroup),
)


class SidebarModel(QAbstractListModel):
    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self._counts = ViewCounts()
        self.refresh()

    def refresh(self) -> None:
        """Re-count every view in one query and repaint only the numbers."""
        self._counts = self.services.inbox.counts()
        if ENTRIES:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(ENTRIES) - 1, 0),
                [COUNT_ROLE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole],
            )

    @property
    def counts(self) -> ViewCounts:
        return self._counts

    def count_of(self, entry: SidebarEntry) -> int | None:
        if entry.view is not None:
            return self._counts.views.get(entry.view, 0)
        if entry.group is not None:
            return self._counts.groups.get(entry.group, 0)
        return None

    def entry(self, row: int) -> SidebarEntry | None:
        return ENTRIES[row] if 0 <= row < len(ENTRIES) else None

    def row_of(self, entry: SidebarEntry) -> int:
        return ENTRIES.index(entry)

    def label(self, entry: SidebarEntry) -> str:
        if entry.group is not None:
            return fmt.group_name(entry.group)
        labels = {
            View.INBOX: self.tr("Inbox"),
            View.NEEDS_REPLY: self.tr("Needs reply"),
            View.DUE_TODAY: self.tr("Due today"),
            View.OVERDUE: self.tr("Overdue"),
            View.WAITING: self.tr("Waiting on customer"),
            View.SNOOZED: self.tr("Snoozed"),
            View.RESOLVED: self.tr("Resolved"),
            View.AUTOMATIC: self.tr("Automatic mail"),
        }
        if entry.view is not None:
            return labels[entry.view]
        return self.tr("Channels")

    def _icon(self, entry: SidebarEntry) -> QIcon | None:
        if entry.group is not None:
            return group_icon(entry.group)
        if entry.view is not None:
            return icon(_VIEW_ICONS[entry.view])
        return None

    # -- Qt model API ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ENTRIES)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return Qt.ItemFlag.NoItemFlags
        if entry.is_header:
            return Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(entry)
        if role == COUNT_ROLE:
            return self.count_of(entry)
        if role == ENTRY_ROLE:
            return entry
        if role == HEADER_ROLE:
            return entry.is_header
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(entry)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            count = self.count_of(entry)
            return self.label(entry) if count is None else f"{self.label(entry)}: {count}"
        if role == Qt.ItemDataRole.FontRole and entry.is_header:
            font = QFont()
            font.setBold(True)
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
            return font
        return None

"""This month's pulse proposal as a checkable table: everyone ticked, untick to leave out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from soloservice.services.pulse import PulseProposal
from soloservice.ui import formatting as fmt
from soloservice.ui.table_model import RowTableModel

PROPOSAL_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class ProposalColumn(IntEnum):
    NAME = 0
    EMAIL = 1
    LAST_ASKED = 2
    VALUE = 3


class ProposalModel(RowTableModel[PulseProposal]):
    columns = ProposalColumn
    right_aligned = frozenset({ProposalColumn.VALUE})

    #: the number of ticked customers changed
    checked_changed = Signal(int)

    def __init__(self, tz: ZoneInfo, currency: str) -> None:
        super().__init__()
        self.tz = tz
        self.currency = currency
        self._checked: list[bool] = []

    def set_proposals(self, proposals: Sequence[PulseProposal]) -> None:
        self._checked = [True] * len(proposals)
        self.set_rows(proposals)
        self.checked_changed.emit(self.checked_count())

    def checked_ids(self) -> list[int]:
        return [p.customer_id for p, on in zip(self._rows, self._checked, strict=True) if on]

    def checked_count(self) -> int:
        return sum(self._checked)

    def proposal_at(self, row: int) -> PulseProposal | None:
        return self.row_at(row)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == ProposalColumn.NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def title(self, column: int) -> str:
        return {
            ProposalColumn.NAME: QCoreApplication.translate("feedback", "Customer"),
            ProposalColumn.EMAIL: QCoreApplication.translate("feedback", "Email"),
            ProposalColumn.LAST_ASKED: QCoreApplication.translate("feedback", "Last asked"),
            ProposalColumn.VALUE: QCoreApplication.translate("feedback", "Lifetime value"),
        }[ProposalColumn(column)]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        proposal = self.proposal_at(index.row()) if index.isValid() else None
        if proposal is None:
            return None
        column = ProposalColumn(index.column())
        if role == PROPOSAL_ROLE:
            return proposal
        if role == Qt.ItemDataRole.CheckStateRole and column == ProposalColumn.NAME:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ProposalColumn.NAME:
                return proposal.name or QCoreApplication.translate("feedback", "(no name)")
            if column == ProposalColumn.EMAIL:
                return proposal.email
            if column == ProposalColumn.LAST_ASKED:
                return self._last_asked(proposal.last_asked_at)
            return fmt.money(proposal.lifetime_value, self.currency)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ProposalColumn.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _last_asked(self, moment: datetime | None) -> str:
        return (
            fmt.short_date(moment, self.tz)
            if moment is not None
            else QCoreApplication.translate("feedback", "never")
        )

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.CheckStateRole
            or index.column() != ProposalColumn.NAME
            or not 0 <= index.row() < len(self._rows)
        ):
            return False
        state = value.value if hasattr(value, "value") else value
        self._checked[index.row()] = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit(self.checked_count())
        return True

    def set_all(self, checked: bool) -> None:
        if not self._rows:
            return
        self._checked = [checked] * len(self._rows)
        self.dataChanged.emit(
            self.index(0, 0), self.index(len(self._rows) - 1, 0), [Qt.ItemDataRole.CheckStateRole]
        )
        self.checked_changed.emit(self.checked_count())

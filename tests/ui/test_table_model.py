from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from soloservice.ui.table_model import RIGHT_ALIGNED, RowTableModel


class _Columns(IntEnum):
    NAME = 0
    AMOUNT_DUE = 1


class _Model(RowTableModel[tuple[str, int]]):
    columns = _Columns
    right_aligned = frozenset({_Columns.AMOUNT_DUE})

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        row = self.row_at(index.row())
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(row[index.column()])


def test_rows_columns_and_header(qtmodeltester: ModelTester) -> None:
    model = _Model()
    model.set_rows([("Mette", 250), ("Ola", 0)])
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Amount due"
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) == (
        RIGHT_ALIGNED
    )
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.row_at(1) == ("Ola", 0) and model.row_at(2) is None
    model.set_rows([])
    assert model.rowCount() == 0

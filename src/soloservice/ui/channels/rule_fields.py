"""A form rule's field labels: which label in the notification mail is which field.

Only needed for labels the built-in reading does not understand already (Navn, E-mail,
Telefon, Besked, ...). Part of the form rules dialog (rule_editor.py); its strings keep the
"FormRulesDialog" translation context they had there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.form_rules import MAPPABLE_FIELDS

#: the width of the "Is" column (a field's name)
TARGET_WIDTH = 150


def field_names() -> list[tuple[str, str]]:
    """(field, shown name) in the order a founder looks for them."""
    order = ["name", "first_name", "last_name", "email", "phone", "message", "subject", "ignore"]
    known = [f for f in order if f in MAPPABLE_FIELDS]
    return [(f, f.replace("_", " ")) for f in known + sorted(MAPPABLE_FIELDS - set(known))]


class FieldLabelTable(QWidget):
    """The label -> field table with Add / Remove; emits ``changed()`` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        label_title = QCoreApplication.translate("FormRulesDialog", "Label in the mail")
        self.table.setHorizontalHeaderLabels(
            [label_title, QCoreApplication.translate("FormRulesDialog", "Is")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, TARGET_WIDTH)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(110)
        # The stretching label column keeps at least its own title, in every language.
        title_width = header.fontMetrics().horizontalAdvance(label_title)
        self.table.setMinimumWidth(title_width + 40 + TARGET_WIDTH + 2 * self.table.frameWidth())
        self.table.setAccessibleName(QCoreApplication.translate("FormRulesDialog", "Field labels"))
        self.table.setToolTip(
            QCoreApplication.translate(
                "FormRulesDialog",
                "Only for labels not understood already (Navn, E-mail, Telefon, Besked, …)",
            )
        )
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton(QCoreApplication.translate("FormRulesDialog", "&Add label"))
        self.add_button.clicked.connect(lambda: self.add_row("", "message", True))
        self.remove_button = QPushButton(
            QCoreApplication.translate("FormRulesDialog", "Remove label")
        )
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_field_map(self, field_map: dict[str, str]) -> None:
        self.table.setRowCount(0)
        for label, target in field_map.items():
            self.add_row(label, target)

    def add_row(self, label: str, target: str, focus: bool = False) -> None:
        table = self.table
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, 0, QTableWidgetItem(label))
        combo = QComboBox()
        for value, text in field_names():
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(target)))
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        table.setCellWidget(row, 1, combo)
        if focus:
            table.setCurrentCell(row, 0)
            table.setFocus()
            item = table.item(row, 0)
            if item is not None:
                table.editItem(item)
        self.changed.emit()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def field_map(self) -> dict[str, str]:
        result: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            combo = self.table.cellWidget(row, 1)
            label = item.text().strip() if item is not None else ""
            if label and isinstance(combo, QComboBox):
                result[label] = str(combo.currentData())
        return result

"""The "Remedies" tab: what was done to make it right, what it cost, next to what the
customer is worth ("remedy 250 kr — customer worth 100.000 kr"), so a cheap gesture for a
valuable customer is an easy decision."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.remedies import RemedyKind
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.services.remedies import RemedySummary, RemedyView
from soloservice.ui import formatting as fmt
from soloservice.ui.feedback import labels as lb
from soloservice.ui.feedback.common import error_text
from soloservice.ui.table_model import RIGHT_ALIGNED, RowTableModel
from soloservice.ui.tasks import TaskRunner

REMEDY_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class RemedyColumn(IntEnum):
    KIND = 0
    COST = 1
    NOTE = 2
    DATE = 3


class RemediesModel(RowTableModel[RemedyView]):
    columns = RemedyColumn
    right_aligned = frozenset({RemedyColumn.COST})

    def __init__(self, tz: ZoneInfo, currency: str) -> None:
        super().__init__()
        self.tz = tz
        self.currency = currency

    def set_remedies(self, remedies: list[RemedyView]) -> None:
        self.set_rows(remedies)

    def remedy_at(self, row: int) -> RemedyView | None:
        return self.row_at(row)

    def title(self, column: int) -> str:
        return {
            RemedyColumn.KIND: QCoreApplication.translate("feedback", "Remedy"),
            RemedyColumn.COST: QCoreApplication.translate("feedback", "Cost"),
            RemedyColumn.NOTE: QCoreApplication.translate("feedback", "Note"),
            RemedyColumn.DATE: QCoreApplication.translate("feedback", "Date"),
        }[RemedyColumn(column)]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        remedy = self.remedy_at(index.row()) if index.isValid() else None
        if remedy is None:
            return None
        column = RemedyColumn(index.column())
        if role == REMEDY_ROLE:
            return remedy
        if role == Qt.ItemDataRole.DisplayRole:
            if column == RemedyColumn.KIND:
                return lb.remedy_label(remedy.kind)
            if column == RemedyColumn.COST:
                return fmt.money(remedy.cost, self.currency)
            if column == RemedyColumn.NOTE:
                return remedy.note
            return fmt.short_date(remedy.at, self.tz)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == RemedyColumn.NOTE and remedy.note:
                return remedy.note
            if column == RemedyColumn.DATE:
                return fmt.long_time(remedy.at, self.tz)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == RemedyColumn.COST:
            return RIGHT_ALIGNED
        return None


class RemediesPanel(QWidget):
    """Emits ``changed(message, inquiry_id)`` after a remedy was added, removed or restored."""

    changed = Signal(str, int)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.currency = services.ctx.settings.currency
        self.inquiry_id: int | None = None
        self.summary: RemedySummary | None = None
        #: the last removed remedy, until it is restored or another change is made
        self.removed: RemedyView | None = None

        self.figures = QLabel()
        self.figures.setObjectName("remedyVsValue")
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures.setWordWrap(True)
        self.figures.setStyleSheet("font-size:12pt; color:#374151;")
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.figures.setToolTip(
            QCoreApplication.translate(
                "feedback", "What was spent on making it right, next to what the customer is worth"
            )
        )
        self.plain_line = ""
        self.model = RemediesModel(services.ctx.tz, self.currency)
        self.model.setParent(self)  # dies with the panel, not at interpreter exit
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(QCoreApplication.translate("feedback", "Remedies"))
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(
            RemedyColumn.NOTE, QHeaderView.ResizeMode.Stretch
        )
        self.table.setColumnWidth(RemedyColumn.KIND, 125)
        self.table.setColumnWidth(RemedyColumn.COST, 80)
        self.table.setColumnWidth(RemedyColumn.DATE, 95)
        self.table.setWordWrap(False)

        self.kind = QComboBox()
        self.kind.setAccessibleName(QCoreApplication.translate("feedback", "Kind of remedy"))
        for kind in RemedyKind:
            self.kind.addItem(lb.remedy_label(kind), kind.value)
        kind_label = QLabel(QCoreApplication.translate("feedback", "Add &remedy:"))
        kind_label.setBuddy(self.kind)
        self.cost = QDoubleSpinBox()
        self.cost.setRange(0, 10_000_000)
        self.cost.setDecimals(0)
        self.cost.setSingleStep(50)
        self.cost.setSuffix(f" {self.currency}")
        self.cost.setGroupSeparatorShown(True)
        self.cost.setAccessibleName(QCoreApplication.translate("feedback", "Cost"))
        self.cost.setMinimumWidth(110)
        self.note = QLineEdit()
        self.note.setPlaceholderText(
            QCoreApplication.translate("feedback", "Note, e.g. what was sent")
        )
        self.note.setAccessibleName(QCoreApplication.translate("feedback", "Note"))
        self.add_button = QPushButton(QCoreApplication.translate("feedback", "&Add"))
        self.add_button.setToolTip(
            QCoreApplication.translate("feedback", "Record the remedy (Enter in the note)")
        )
        self.remove_button = QPushButton(QCoreApplication.translate("feedback", "Remo&ve"))
        self.remove_button.setToolTip(
            QCoreApplication.translate(
                "feedback", "Remove the selected remedy (Delete); it can be undone"
            )
        )
        self.undo_button = QPushButton(QCoreApplication.translate("feedback", "&Undo remove"))
        self.undo_button.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)

        form = QGridLayout()
        form.setHorizontalSpacing(6)
        form.setVerticalSpacing(4)
        form.addWidget(kind_label, 0, 0)
        form.addWidget(self.kind, 0, 1)
        form.addWidget(self.cost, 0, 2)
        form.addWidget(self.add_button, 0, 3)
        form.addWidget(self.note, 1, 1, 1, 3)
        form.setColumnStretch(1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.figures)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(form)
        self.setTabOrder(self.kind, self.cost)
        self.setTabOrder(self.cost, self.note)
        self.setTabOrder(self.note, self.add_button)

        self.add_button.clicked.connect(self.add)
        self.note.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button.clicked.connect(self.undo_remove)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.set_inquiry(None)

    # -- showing ------------------------------------------------------------------------------

    def set_inquiry(self, detail: InquiryDetail | None) -> None:
        new_id = detail.id if detail is not None else None
        if new_id != self.inquiry_id:
            self.removed = None
            self.undo_button.hide()
            self.message.clear()
        self.inquiry_id = new_id
        self.refresh()

    def refresh(self) -> None:
        self.currency = self.model.currency = self.services.ctx.settings.currency
        self.cost.setSuffix(f" {self.currency}")
        self.summary = None
        if self.inquiry_id is not None:
            try:
                self.summary = self.services.remedies.summary_for(self.inquiry_id)
            except ServiceError:
                self.inquiry_id = None
        s = self.summary
        self.setEnabled(s is not None)
        self.model.set_remedies(list(s.remedies) if s else [])
        if s is None:
            self.plain_line = ""
            self.figures.setText(QCoreApplication.translate("feedback", "No inquiry selected"))
        else:
            worth = fmt.money(s.lifetime_value, self.currency)
            worth_html = f"<b style='color:#2f7d3b'>{escape(worth)}</b>"
            if s.remedies:
                cost = fmt.money(s.total_cost, self.currency)
                line = QCoreApplication.translate("feedback", "remedy %1 — customer worth %2")
                self.plain_line = line.replace("%1", cost).replace("%2", worth)
                html = (
                    escape(line)
                    .replace("%1", f"<b style='color:#a35c00'>{escape(cost)}</b>")
                    .replace("%2", worth_html)
                )
            else:
                # Before anything is spent, the number that matters is what is at stake.
                line = QCoreApplication.translate("feedback", "no remedy yet — customer worth %1")
                self.plain_line = line.replace("%1", worth)
                html = escape(line).replace("%1", worth_html)
            self.figures.setText(html)
            self.figures.setAccessibleName(self.plain_line)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected() is not None)

    def selected(self) -> RemedyView | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        return self.model.remedy_at(index.row())

    def focus_add(self) -> None:
        """Ctrl+M: straight to the kind of remedy, the form filled in by keyboard."""
        self.kind.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- changing -----------------------------------------------------------------------------

    def add(self) -> None:
        if self.inquiry_id is None:
            return
        inquiry_id = self.inquiry_id
        kind = RemedyKind(str(self.kind.currentData()))
        cost = float(self.cost.value())
        note = self.note.text().strip()
        remedies = self.services.remedies

        def done(view: RemedyView) -> None:
            self.note.clear()
            self.cost.setValue(0)
            self.removed = None
            self.undo_button.hide()
            text = QCoreApplication.translate("feedback", "Added %1 (%2)").replace(
                "%1", lb.remedy_label(view.kind)
            )
            self._changed(text.replace("%2", fmt.money(view.cost, self.currency)), inquiry_id)

        self.runner.run_task(lambda: remedies.add(inquiry_id, kind, cost, note), done, self._failed)

    def remove_selected(self) -> None:
        remedy = self.selected()
        if remedy is None or self.inquiry_id is None:
            return
        inquiry_id = self.inquiry_id
        remedies = self.services.remedies

        def done(_result: object) -> None:
            self.removed = remedy
            self.undo_button.show()
            text = QCoreApplication.translate("feedback", "Removed %1 (%2)").replace(
                "%1", lb.remedy_label(remedy.kind)
            )
            self._changed(text.replace("%2", fmt.money(remedy.cost, self.currency)), inquiry_id)

        self.runner.run_task(lambda: remedies.remove(remedy.id), done, self._failed)

    def undo_remove(self) -> None:
        remedy = self.removed
        if remedy is None:
            return
        remedies = self.services.remedies
        at: datetime = remedy.at

        def done(_view: RemedyView) -> None:
            self.removed = None
            self.undo_button.hide()
            text = QCoreApplication.translate("feedback", "Restored %1").replace(
                "%1", lb.remedy_label(remedy.kind)
            )
            self._changed(text, remedy.inquiry_id)

        self.runner.run_task(
            lambda: remedies.add(remedy.inquiry_id, remedy.kind, remedy.cost, remedy.note, at),
            done,
            self._failed,
        )

    def _changed(self, message: str, inquiry_id: int) -> None:
        self.message.setStyleSheet("")
        self.message.setText(message)
        if inquiry_id == self.inquiry_id:
            self.refresh()
        self.changed.emit(message, inquiry_id)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color:#b91c1c;")
        self.message.setText(error_text(error))  # the form keeps what was typed

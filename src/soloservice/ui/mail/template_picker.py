"""A type-to-filter template list for the composer: the customer's language first.

Typing narrows the list, Up/Down move in it without leaving the line edit, Enter picks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from soloservice.domain.types import Language
from soloservice.services.templates import TemplateInfo

MAX_VISIBLE_ROWS = 4


def rank(info: TemplateInfo, needle: str, language: Language | None) -> tuple[int, int, str]:
    """Sort key: exact key/shortcut first, then the customer's language, then by key."""
    t = info.template
    exact = needle in (t.key.lower(), (t.shortcut or "").lower())
    return (0 if exact else 1, 0 if t.language is language else 1, t.key)


def matches(info: TemplateInfo, needle: str) -> bool:
    t = info.template
    hay = " ".join((t.key, t.name, t.shortcut or "", t.subject)).lower()
    return all(word in hay for word in needle.split())


class TemplatePicker(QWidget):
    """``chosen(TemplateInfo)`` when the founder presses Enter or double-clicks a template."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates: list[TemplateInfo] = []
        self.language: Language | None = None
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(
            QCoreApplication.translate(
                "TemplatePicker", "Type to filter templates… (Enter inserts)"
            )
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(
            QCoreApplication.translate("TemplatePicker", "Template filter")
        )
        self.list = QListWidget()
        self.list.setAccessibleName(QCoreApplication.translate("TemplatePicker", "Templates"))
        self.list.setVisible(False)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setMaximumHeight(self.fontMetrics().height() * MAX_VISIBLE_ROWS + 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._refilter)
        self.filter.returnPressed.connect(self.choose_current)
        self.list.itemDoubleClicked.connect(lambda _item: self.choose_current())
        self.filter.installEventFilter(self)

    def set_templates(self, templates: list[TemplateInfo], language: Language | None) -> None:
        self.templates = templates
        self.language = language
        self._refilter()

    def visible_templates(self) -> list[TemplateInfo]:
        return [
            info
            for i in range(self.list.count())
            if isinstance(info := self.list.item(i).data(Qt.ItemDataRole.UserRole), TemplateInfo)
        ]

    def _refilter(self) -> None:
        needle = self.filter.text().strip().lower()
        self.list.clear()
        if not needle:
            self.list.setVisible(False)
            return
        found = sorted(
            (i for i in self.templates if matches(i, needle)),
            key=lambda i: rank(i, needle, self.language),
        )
        for info in found:
            t = info.template
            label = f"{t.name}  ·  {t.language.value.upper()}"
            if t.shortcut:
                label += f"  ·  {t.shortcut}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, info)
            item.setToolTip(t.body[:400])
            self.list.addItem(item)
        if not found:
            self.list.addItem(
                QListWidgetItem(QCoreApplication.translate("TemplatePicker", "No template matches"))
            )
        self.list.setCurrentRow(0)
        self.list.setVisible(True)

    def choose_current(self) -> None:
        item = self.list.currentItem()
        info = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(info, TemplateInfo):
            self.filter.clear()
            self.chosen.emit(info)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.list.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
            if key == Qt.Key.Key_Escape and self.filter.text():
                self.filter.clear()
                return True
        return super().eventFilter(watched, event)

"""The reply templates dialog's list: every template by language, filtered as typed.

Built-ins are shown in italics, each with whether it is built in, customised or the
founder's own. Part of the dialog in manager.py; its strings keep the "TemplateManager"
translation context they had there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.types import Language
from soloservice.services.templates import TemplateInfo

ROLE = Qt.ItemDataRole.UserRole


def language_name(language: Language) -> str:
    names = {Language.DA: "Dansk", Language.NB: "Norsk", Language.EN: "English"}
    return names[language]


def _label(info: TemplateInfo) -> str:
    t = info.template
    if t.builtin:
        suffix = QCoreApplication.translate("TemplateManager", "built-in")
    elif info.overrides_builtin:
        suffix = QCoreApplication.translate("TemplateManager", "customised")
    else:
        suffix = QCoreApplication.translate("TemplateManager", "own")
    return f"{t.name}  ({suffix})"


class TemplateList(QWidget):
    """Emits ``filter_changed()`` when the language or the filter text changes."""

    filter_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language_filter = QComboBox()
        self.language_filter.addItem(
            QCoreApplication.translate("TemplateManager", "All languages"), None
        )
        for language in Language:
            self.language_filter.addItem(language_name(language), language.value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            QCoreApplication.translate("TemplateManager", "Filter templates…")
        )
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(QCoreApplication.translate("TemplateManager", "Templates"))
        self.new_button = QPushButton(QCoreApplication.translate("TemplateManager", "&New"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.language_filter)
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.new_button)
        self.language_filter.currentIndexChanged.connect(lambda _i: self.filter_changed.emit())
        self.search.textChanged.connect(lambda _t: self.filter_changed.emit())

    def fill(
        self, infos: list[TemplateInfo], select: tuple[str, Language] | None
    ) -> QTreeWidgetItem | None:
        """Show the templates the filters let through; the item to select: ``select``'s,
        else the first. The tree's signals are blocked while it is filled."""
        wanted = self.language_filter.currentData()
        needle = self.search.text().strip().lower()
        self.tree.blockSignals(True)
        self.tree.clear()
        chosen: QTreeWidgetItem | None = None
        for language in Language:
            if wanted is not None and language.value != wanted:
                continue
            group = QTreeWidgetItem([language_name(language)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            bold = QFont()
            bold.setBold(True)
            group.setFont(0, bold)
            for info in infos:
                t = info.template
                if t.language is not language:
                    continue
                if needle and needle not in f"{t.name} {t.key} {t.shortcut or ''}".lower():
                    continue
                item = QTreeWidgetItem([_label(info)])
                item.setData(0, ROLE, (t.key, t.language.value))
                if t.builtin:
                    italic = QFont()
                    italic.setItalic(True)
                    item.setFont(0, italic)
                group.addChild(item)
                if select == (t.key, t.language):
                    chosen = item
            if group.childCount():
                self.tree.addTopLevelItem(group)
                group.setExpanded(True)
        self.tree.blockSignals(False)
        if chosen is None and self.tree.topLevelItemCount():
            top = self.tree.topLevelItem(0)
            chosen = top.child(0) if top is not None else None
        return chosen

    def select(self, key: str, language: Language) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            assert group is not None
            for j in range(group.childCount()):
                item = group.child(j)
                if item is not None and item.data(0, ROLE) == (key, language.value):
                    self.tree.setCurrentItem(item)
                    return True
        return False

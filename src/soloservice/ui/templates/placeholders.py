"""The placeholders a template may use, listed beside the template being edited.

Double-click or Enter puts one into the text (``chosen(name)``); the tooltip says what it is
filled in with. Part of the dialog in manager.py; its strings keep the "TemplateManager"
translation context they had there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from soloservice.domain.templates import KNOWN_PLACEHOLDERS

ROLE = Qt.ItemDataRole.UserRole


class PlaceholderBox(QGroupBox):
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate(
                "TemplateManager", "Placeholders (double-click or Enter inserts)"
            ),
            parent,
        )
        self.list = QListWidget()
        self.list.setAccessibleName(QCoreApplication.translate("TemplateManager", "Placeholders"))
        for name, description in KNOWN_PLACEHOLDERS.items():
            item = QListWidgetItem("{" + name + "}")
            item.setData(ROLE, name)
            item.setToolTip(description)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        hint = QLabel(
            QCoreApplication.translate("TemplateManager", "Fallback: {customer.first_name|there}")
        )
        hint.setEnabled(False)
        layout.addWidget(hint)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemDoubleClicked.connect(self._chosen)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.chosen.emit(str(item.data(ROLE)))

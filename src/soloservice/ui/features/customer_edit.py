"""Inquiry > Edit customer… (Ctrl+Shift+E) and an "Edit…" link on the customer card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from soloservice.services.dto import CustomerCard
from soloservice.ui.customer_edit_dialog import CustomerEditDialog

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost

SHORTCUT = "Ctrl+Shift+E"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CustomerEditFeature", text)


class _EditLink(QWidget):
    """The card's "Edit customer…" link; follows the card so it is hidden when empty."""

    def __init__(self, feature: CustomerEditFeature) -> None:
        super().__init__()
        self.button = QPushButton(_tr("Edit customer, value and contacts…"))
        self.button.setFlat(True)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setStyleSheet("color:#1d4ed8; text-align:left; padding:0;")
        self.button.clicked.connect(feature.open)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addStretch(1)

    def set_customer(self, card: CustomerCard | None) -> None:
        self.setVisible(card is not None)


class CustomerEditFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.dialog: CustomerEditDialog | None = None
        self.action = QAction(_tr("Edit &customer…"), window.widget)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setStatusTip(_tr("Name, language, notes, what the customer is worth"))
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        window.menu("inquiry").addAction(self.action)
        self.link = _EditLink(self)
        window.add_card_section(self.link)
        window.inquiry_changed.connect(lambda detail: self.action.setEnabled(detail is not None))
        self.action.setEnabled(window.detail is not None)

    def open(self) -> CustomerEditDialog | None:
        detail = self.window.detail
        if detail is None:
            return None
        dialog = CustomerEditDialog(
            self.window.services, self.window.runner, detail.customer, self.window.widget
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self) -> None:
        self.dialog = None

    def _saved(self, card: object) -> None:
        window = self.window
        window.reload()
        if window.detail is not None:
            window.open_inquiry(window.detail.id)
        if isinstance(card, CustomerCard):
            window.statusBar().showMessage(_tr("Saved %1").replace("%1", card.name), 10_000)


def install(window: FeatureHost) -> CustomerEditFeature:
    return CustomerEditFeature(window)

"""Inquiry > Edit customer… (Ctrl+Shift+E) and an "Edit…" link on the customer card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from soloservice.services.dto import CustomerCard
from soloservice.ui.features._shared import (
    CardLinks,
    feature_action,
    open_dialog,
    reload_and_reopen,
)

if TYPE_CHECKING:
    from soloservice.ui.customer_edit_dialog import CustomerEditDialog
    from soloservice.ui.features.host import FeatureHost

SHORTCUT = "Ctrl+Shift+E"


class CustomerEditFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.dialog: CustomerEditDialog | None = None
        self.action = feature_action(
            window,
            QCoreApplication.translate("CustomerEditFeature", "Edit &customer…"),
            SHORTCUT,
            QCoreApplication.translate(
                "CustomerEditFeature", "Name, language, notes, what the customer is worth"
            ),
            self.open,
        )
        window.menu("inquiry").addAction(self.action)
        #: the card's "Edit customer…" link; hidden with the card
        self.link = CardLinks(
            [
                (
                    QCoreApplication.translate(
                        "CustomerEditFeature", "Edit customer, value and contacts…"
                    ),
                    self.open,
                )
            ]
        )
        window.add_card_section(self.link)
        window.inquiry_changed.connect(lambda detail: self.action.setEnabled(detail is not None))
        self.action.setEnabled(window.detail is not None)

    def open(self) -> CustomerEditDialog | None:
        detail = self.window.detail
        if detail is None:
            return None
        from soloservice.ui.customer_edit_dialog import CustomerEditDialog

        dialog = CustomerEditDialog(
            self.window.services, self.window.runner, detail.customer, self.window.widget
        )
        dialog.saved.connect(self._saved)
        self.dialog = open_dialog(dialog, self._closed)
        return dialog

    def _closed(self) -> None:
        self.dialog = None

    def _saved(self, card: object) -> None:
        reload_and_reopen(self.window)
        if isinstance(card, CustomerCard):
            self.window.statusBar().showMessage(
                QCoreApplication.translate("CustomerEditFeature", "Saved %1").replace(
                    "%1", card.name
                ),
                10_000,
            )


def install(window: FeatureHost) -> CustomerEditFeature:
    return CustomerEditFeature(window)

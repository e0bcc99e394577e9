"""One customer across channels, in the card: "Same person?" suggestions with Merge, and
"Merged from …" with Un-merge; after a merge the status bar offers to undo it.

Ctrl+Shift+U jumps to the suggestions (the first Merge button) of the customer shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QToolButton

from soloservice.plurals import PluralContext
from soloservice.ui.channels.merge_section import MergeSection
from soloservice.ui.features._shared import feature_action, reload_and_reopen

if TYPE_CHECKING:
    from soloservice.services.customer_merge import MergeView
    from soloservice.ui.features.host import FeatureHost

SHORTCUT = "Ctrl+Shift+U"
UNDO_VISIBLE_MS = 30_000


#: counted messages ("%n … (s)"): a context lupdate reads as plurals (soloservice/plurals.py)
CustomerCounts = PluralContext("CustomerCounts")


class CustomersFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.last_merge: MergeView | None = None
        self.section = MergeSection(window.services, window.runner)
        self.section.merged.connect(self._merged)
        self.section.unmerged.connect(self._unmerged)
        self.section.failed.connect(window.show_error)
        window.add_card_section(self.section)

        self.undo_button = QToolButton()
        self.undo_button.setObjectName("undoMerge")
        self.undo_button.setText(QCoreApplication.translate("CustomersFeature", "Undo merge"))
        self.undo_button.setAutoRaise(True)
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo_last_merge)
        window.statusBar().addPermanentWidget(self.undo_button)
        self.undo_timer = QTimer(window.widget)
        self.undo_timer.setSingleShot(True)
        self.undo_timer.setInterval(UNDO_VISIBLE_MS)
        self.undo_timer.timeout.connect(lambda: self.undo_button.setVisible(False))

        self.action = feature_action(
            window,
            QCoreApplication.translate("CustomersFeature", "Same person? &Merge with…"),
            SHORTCUT,
            QCoreApplication.translate(
                "CustomersFeature", "Customers that may be the same person as this one"
            ),
            self.focus_suggestions,
        )
        window.menu("inquiry").addSeparator()
        window.menu("inquiry").addAction(self.action)

    def focus_suggestions(self) -> None:
        if self.section.merge_buttons:
            self.section.merge_buttons[0].setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        name = self.section.card.name if self.section.card is not None else ""
        self.window.statusBar().showMessage(
            QCoreApplication.translate("CustomersFeature", "No likely duplicates of %1").replace(
                "%1", name or QCoreApplication.translate("CustomersFeature", "this customer")
            ),
            8_000,
        )

    def _merged(self, view: MergeView) -> None:
        self.last_merge = view
        reload_and_reopen(self.window)
        self.window.statusBar().showMessage(
            CustomerCounts.tr("Merged %1 into %2 (%n inquiry(s) moved)", "", view.inquiries)
            .replace("%1", view.merged_name)
            .replace("%2", view.survivor_name),
            UNDO_VISIBLE_MS,
        )
        self.undo_button.setVisible(True)
        self.undo_timer.start()

    def undo_last_merge(self) -> None:
        if self.last_merge is not None:
            self.section.unmerge(self.last_merge.id)

    def _unmerged(self, view: MergeView) -> None:
        if self.last_merge is not None and self.last_merge.id == view.id:
            self.last_merge = None
            self.undo_button.setVisible(False)
        reload_and_reopen(self.window)
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "CustomersFeature", "%1 is a customer of their own again"
            ).replace("%1", view.merged_name),
            15_000,
        )


def install(window: FeatureHost) -> CustomersFeature:
    return CustomersFeature(window)

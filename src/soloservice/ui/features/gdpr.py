"""Inquiry > Export customer data… and Forget customer… (also as links on the card).

Both work on the worker through ``services.gdpr``; the window only asks. Forgetting cannot
be undone, so the confirmation names what will be deleted and what is kept, Cancel is the
default button, and the destructive button says what it does ("Forget Mette Vase").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.plurals import PluralContext
from soloservice.services.dto import CustomerCard
from soloservice.services.errors import ServiceError
from soloservice.ui.features._shared import (
    CardLinks,
    feature_action,
    open_dialog,
    reload_and_reopen,
)
from soloservice.ui.placeholders import fill

if TYPE_CHECKING:
    from soloservice.services.gdpr import ForgetPreview
    from soloservice.ui.features.host import FeatureHost


#: counted messages ("%n … (s)"): a context lupdate reads as plurals (soloservice/plurals.py)
GdprCounts = PluralContext("GdprCounts")


class ForgetDialog(QDialog):
    """ "Forget this customer?" with what goes and what stays; Cancel is the default."""

    confirmed = Signal(int)

    def __init__(self, preview: ForgetPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        name = preview.name or QCoreApplication.translate("GdprFeature", "(no name)")
        self.setWindowTitle(QCoreApplication.translate("GdprFeature", "Forget customer"))
        heading = QLabel(
            QCoreApplication.translate("GdprFeature", "Forget %1 for good?").replace("%1", name)
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setStyleSheet("font-weight:600; font-size:14px;")
        deleted = fill(
            QCoreApplication.translate(
                "GdprFeature",
                "This deletes their name, notes, %1 contact details, %2 messages, "
                "%3 attachments, %4 stored mails and %5 unsent mails to them.",
            ),
            preview.identities,
            preview.messages,
            preview.attachments,
            preview.mail_items,
            preview.outbox,
        )
        kept = fill(
            QCoreApplication.translate(
                "GdprFeature",
                "Kept without any text, so the weekly review's figures do not change: "
                "%1 inquiries (dates, channel, status), %2 survey scores and %3 remedies.",
            ),
            preview.inquiries,
            preview.surveys,
            preview.remedies,
        )
        warning = QCoreApplication.translate(
            "GdprFeature",
            "This cannot be undone. Backups taken before now still hold the customer "
            "until they expire.",
        )
        self.labels = [heading]
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        for text in (deleted, kept, warning):
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            self.labels.append(label)
            layout.addWidget(label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.forget_button = QPushButton(
            QCoreApplication.translate("GdprFeature", "Forget %1").replace("%1", name)
        )
        self.forget_button.setStyleSheet("color:#b91c1c; font-weight:600;")
        self.forget_button.setAutoDefault(False)
        self.buttons.addButton(self.forget_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        cancel.setFocus()
        self.forget_button.clicked.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.labels)

    def _confirm(self) -> None:
        self.confirmed.emit(self.preview.customer_id)
        self.accept()


class GdprFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.dialog: ForgetDialog | None = None
        menu = window.menu("inquiry")
        menu.addSeparator()
        self.export_action = feature_action(
            window,
            QCoreApplication.translate("GdprFeature", "Export customer data…"),
            "",
            QCoreApplication.translate(
                "GdprFeature", "Everything about this customer as one JSON file"
            ),
            self.export,
        )
        self.forget_action = feature_action(
            window,
            QCoreApplication.translate("GdprFeature", "Forget customer…"),
            "",
            QCoreApplication.translate(
                "GdprFeature", "Delete this customer's personal data (the review's figures stay)"
            ),
            self.forget,
        )
        menu.addAction(self.export_action)
        menu.addAction(self.forget_action)
        #: the card's two links; hidden while no customer is shown
        self.links = CardLinks(
            [
                (QCoreApplication.translate("GdprFeature", "Export their data…"), self.export),
                (QCoreApplication.translate("GdprFeature", "Forget…"), self.forget),
            ]
        )
        window.add_card_section(self.links)
        window.inquiry_changed.connect(lambda detail: self._enable(detail is not None))
        self._enable(window.detail is not None)

    def _enable(self, enabled: bool) -> None:
        self.export_action.setEnabled(enabled)
        self.forget_action.setEnabled(enabled)

    def _customer(self) -> CustomerCard | None:
        detail = self.window.detail
        return detail.customer if detail is not None else None

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ServiceError | OSError):
            self.window.show_error(str(error))
        else:
            self.window.show_error(
                QCoreApplication.translate(
                    "GdprFeature", "Something went wrong; nothing was changed.\n\n%1"
                ).replace("%1", f"{type(error).__name__}: {error}")
            )

    # -- export ---------------------------------------------------------------------------------

    def export(self) -> None:
        card = self._customer()
        if card is None:
            return
        start = str(Path.home() / f"customer-{card.id}.json")
        name, _filter = QFileDialog.getSaveFileName(
            self.window.widget,
            QCoreApplication.translate("GdprFeature", "Export customer data"),
            start,
            QCoreApplication.translate("GdprFeature", "JSON files (*.json)"),
        )
        if not name:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("GdprFeature", "Customer data not exported"), 5_000
            )
            return
        gdpr, customer_id = self.window.services.gdpr, card.id
        self.window.runner.run_task(
            lambda: gdpr.export(customer_id, Path(name)), self._exported, self._failed
        )

    def _exported(self, summary: object) -> None:
        from soloservice.services.gdpr_export import CustomerExportSummary

        if isinstance(summary, CustomerExportSummary):
            self.window.statusBar().showMessage(
                QCoreApplication.translate("GdprFeature", "Customer data written to %1").replace(
                    "%1", str(summary.path)
                ),
                15_000,
            )

    # -- forget ---------------------------------------------------------------------------------

    def forget(self) -> None:
        card = self._customer()
        if card is None:
            return
        gdpr, customer_id = self.window.services.gdpr, card.id
        self.window.runner.run_task(lambda: gdpr.preview(customer_id), self._ask, self._failed)

    def _ask(self, preview: object) -> None:
        from soloservice.services.gdpr import ForgetPreview

        if not isinstance(preview, ForgetPreview):
            return
        dialog = ForgetDialog(preview, self.window.widget)
        dialog.confirmed.connect(self._forget_now)
        self.dialog = open_dialog(dialog, self._closed)

    def _closed(self) -> None:
        self.dialog = None

    def _forget_now(self, customer_id: int) -> None:
        gdpr = self.window.services.gdpr
        self.window.runner.run_task(lambda: gdpr.forget(customer_id), self._forgotten, self._failed)

    def _forgotten(self, done: object) -> None:
        reload_and_reopen(self.window)
        from soloservice.services.gdpr import ForgetPreview

        if isinstance(done, ForgetPreview):
            self.window.statusBar().showMessage(
                GdprCounts.tr(
                    "Customer %1 forgotten: %n message(s) deleted", "", done.messages
                ).replace("%1", str(done.customer_id)),
                15_000,
            )


def install(window: FeatureHost) -> GdprFeature:
    return GdprFeature(window)

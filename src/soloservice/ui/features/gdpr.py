"""Inquiry > Export customer data… and Forget customer… (also as links on the card).

Both work on the worker through ``services.gdpr``; the window only asks. Forgetting cannot
be undone, so the confirmation names what will be deleted and what is kept, Cancel is the
default button, and the destructive button says what it does ("Forget Mette Vase").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.dto import CustomerCard
from soloservice.services.errors import ServiceError
from soloservice.services.gdpr import ForgetPreview
from soloservice.services.gdpr_export import CustomerExportSummary

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost


def _tr(text: str) -> str:
    return QCoreApplication.translate("GdprFeature", text)


class ForgetDialog(QDialog):
    """ "Forget this customer?" with what goes and what stays; Cancel is the default."""

    confirmed = Signal(int)

    def __init__(self, preview: ForgetPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        name = preview.name or _tr("(no name)")
        self.setWindowTitle(_tr("Forget customer"))
        heading = QLabel(_tr("Forget %1 for good?").replace("%1", name))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setStyleSheet("font-weight:600; font-size:14px;")
        deleted = (
            _tr(
                "This deletes their name, notes, %1 contact details, %2 messages, "
                "%3 attachments, %4 stored mails and %5 unsent mails to them."
            )
            .replace("%1", str(preview.identities))
            .replace("%2", str(preview.messages))
            .replace("%3", str(preview.attachments))
            .replace("%4", str(preview.mail_items))
            .replace("%5", str(preview.outbox))
        )
        kept = (
            _tr(
                "Kept without any text, so the weekly review's figures do not change: "
                "%1 inquiries (dates, channel, status), %2 survey scores and %3 remedies."
            )
            .replace("%1", str(preview.inquiries))
            .replace("%2", str(preview.surveys))
            .replace("%3", str(preview.remedies))
        )
        warning = _tr(
            "This cannot be undone. Backups taken before now still hold the customer "
            "until they expire."
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
        self.forget_button = QPushButton(_tr("Forget %1").replace("%1", name))
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


class _CardLinks(QWidget):
    """The card's two links; hidden while no customer is shown."""

    def __init__(self, feature: GdprFeature) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, slot in (
            (_tr("Export their data…"), feature.export),
            (_tr("Forget…"), feature.forget),
        ):
            button = QPushButton(text)
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("color:#1d4ed8; text-align:left; padding:0;")
            button.clicked.connect(slot)
            layout.addWidget(button)
        layout.addStretch(1)

    def set_customer(self, card: CustomerCard | None) -> None:
        self.setVisible(card is not None)


class GdprFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.dialog: ForgetDialog | None = None
        menu = window.menu("inquiry")
        menu.addSeparator()
        self.export_action = QAction(_tr("Export customer data…"), window.widget)
        self.export_action.setStatusTip(_tr("Everything about this customer as one JSON file"))
        self.export_action.triggered.connect(self.export)
        self.forget_action = QAction(_tr("Forget customer…"), window.widget)
        self.forget_action.setStatusTip(
            _tr("Delete this customer's personal data (the review's figures stay)")
        )
        self.forget_action.triggered.connect(self.forget)
        for action in (self.export_action, self.forget_action):
            menu.addAction(action)
        self.links = _CardLinks(self)
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
                _tr("Something went wrong; nothing was changed.\n\n%1").replace(
                    "%1", f"{type(error).__name__}: {error}"
                )
            )

    # -- export ---------------------------------------------------------------------------------

    def export(self) -> None:
        card = self._customer()
        if card is None:
            return
        start = str(Path.home() / f"customer-{card.id}.json")
        name, _filter = QFileDialog.getSaveFileName(
            self.window.widget, _tr("Export customer data"), start, _tr("JSON files (*.json)")
        )
        if not name:
            self.window.statusBar().showMessage(_tr("Customer data not exported"), 5_000)
            return
        gdpr, customer_id = self.window.services.gdpr, card.id
        self.window.runner.run_task(
            lambda: gdpr.export(customer_id, Path(name)), self._exported, self._failed
        )

    def _exported(self, summary: object) -> None:
        if isinstance(summary, CustomerExportSummary):
            self.window.statusBar().showMessage(
                _tr("Customer data written to %1").replace("%1", str(summary.path)), 15_000
            )

    # -- forget ---------------------------------------------------------------------------------

    def forget(self) -> None:
        card = self._customer()
        if card is None:
            return
        gdpr, customer_id = self.window.services.gdpr, card.id
        self.window.runner.run_task(lambda: gdpr.preview(customer_id), self._ask, self._failed)

    def _ask(self, preview: object) -> None:
        if not isinstance(preview, ForgetPreview):
            return
        dialog = ForgetDialog(preview, self.window.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(self._forget_now)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    def _closed(self) -> None:
        self.dialog = None

    def _forget_now(self, customer_id: int) -> None:
        gdpr = self.window.services.gdpr
        self.window.runner.run_task(lambda: gdpr.forget(customer_id), self._forgotten, self._failed)

    def _forgotten(self, done: object) -> None:
        window = self.window
        window.reload()
        if window.detail is not None:
            window.open_inquiry(window.detail.id)
        if isinstance(done, ForgetPreview):
            window.statusBar().showMessage(
                _tr("Customer %1 forgotten: %2 messages deleted")
                .replace("%1", str(done.customer_id))
                .replace("%2", str(done.messages)),
                15_000,
            )


def install(window: FeatureHost) -> GdprFeature:
    return GdprFeature(window)

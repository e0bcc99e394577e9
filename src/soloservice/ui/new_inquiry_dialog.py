"""An inquiry typed in by hand: a letter, a chat at the market stall, a DM copied over."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from soloservice.domain.types import Channel, IdentityKind, InquiryKind
from soloservice.services.customers import CustomerRef
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from soloservice.ui import formatting as fmt
from soloservice.ui.icons import channel_icon
from soloservice.ui.tasks import TaskRunner
from soloservice.ui.worker_dialog import WorkerDialog

_IDENTITY_FOR_CHANNEL = {
    Channel.EMAIL: IdentityKind.EMAIL,
    Channel.FORM: IdentityKind.EMAIL,
    Channel.PHONE: IdentityKind.PHONE,
    Channel.FACEBOOK: IdentityKind.FACEBOOK,
    Channel.INSTAGRAM: IdentityKind.INSTAGRAM,
    Channel.X: IdentityKind.X,
}


class NewInquiryDialog(WorkerDialog):
    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self.services = services
        self.setWindowTitle(self.tr("New inquiry"))

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Customer name"))
        self.identity_kind = QComboBox()
        kinds = {
            IdentityKind.EMAIL: self.tr("Email"),
            IdentityKind.PHONE: self.tr("Phone"),
            IdentityKind.FACEBOOK: self.tr("Facebook"),
            IdentityKind.INSTAGRAM: self.tr("Instagram"),
            IdentityKind.X: self.tr("X"),
        }
        for kind, label in kinds.items():
            self.identity_kind.addItem(label, kind)
        self.identity = QLineEdit()
        self.identity.setPlaceholderText(self.tr("Address, number or handle (optional)"))

        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(channel_icon(channel), fmt.channel_name(channel), channel)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.kind = QComboBox()
        for inquiry_kind in InquiryKind:
            self.kind.addItem(fmt.kind_name(inquiry_kind), inquiry_kind)
        self.kind.setCurrentIndex(list(InquiryKind).index(InquiryKind.QUESTION))
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(self.tr("Short summary (optional: taken from the text)"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("What the customer wrote or said"))
        self.text.setMinimumHeight(self.fontMetrics().height() * 6)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setToolTip(self.tr("Create the inquiry (Ctrl+Enter)"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.connect_save(self.save_button)
        cancel.clicked.connect(self.reject)

        identity_row = QHBoxLayout()
        identity_row.addWidget(self.identity_kind)
        identity_row.addWidget(self.identity, 1)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.addRow(self.tr("&Customer:"), self.name)
        # A row of two widgets gets no buddy from the form: without one, "&" shows as typed.
        reach = QLabel(self.tr("&Reach at:"))
        reach.setBuddy(self.identity_kind)
        form.addRow(reach, identity_row)
        form.addRow(self.tr("C&hannel:"), self.channel)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Subject:"), self.subject)
        form.addRow(self.tr("&Text:"), self.text)
        self.lay_out(form, self.buttons).setContentsMargins(16, 16, 16, 12)
        self.setMinimumWidth(520)
        self.name.setFocus()

    def chosen_channel(self) -> Channel:
        # Qt hands enum data back as plain str (StrEnum); turn it back into the enum.
        return Channel(str(self.channel.currentData()))

    def _channel_changed(self) -> None:
        channel = self.chosen_channel()
        if not self.identity.text().strip():
            kind = _IDENTITY_FOR_CHANNEL[channel]
            self.identity_kind.setCurrentIndex(list(IdentityKind).index(kind))

    def build(self) -> NewInquiry | None:
        name = self.name.text().strip()
        identity = self.identity.text().strip()
        if not name and not identity:
            self.show_error(self.tr("Who is it from? Type a name or how to reach them."))
            self.name.setFocus()
            return None
        if not self.text.toPlainText().strip() and not self.subject.text().strip():
            self.show_error(self.tr("Type a subject or the text of the inquiry."))
            self.text.setFocus()
            return None
        kind = IdentityKind(str(self.identity_kind.currentData()))
        return NewInquiry(
            customer=CustomerRef(
                name=name,
                identity_kind=kind if identity else None,
                identity_value=identity,
            ),
            channel=self.chosen_channel(),
            subject=self.subject.text().strip(),
            text=self.text.toPlainText().strip(),
            kind=InquiryKind(str(self.kind.currentData())),
        )

    def save_work(self) -> Callable[[], object] | None:
        new, inquiries = self.build(), self.services.inquiries
        return None if new is None else lambda: inquiries.create(new)

"""The "Attachments" tab: files the customer sent, saved on request and never opened by us,
plus the way to a message's formatted (HTML) view."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.types import Channel, Direction
from soloservice.services.dto import InquiryDetail, MessageView
from soloservice.services.errors import ServiceError
from soloservice.services.mail_sync import AttachmentView
from soloservice.ui import formatting as fmt
from soloservice.ui.mail.common import MUTED_COLOR, human_size
from soloservice.ui.mail.html_view import HtmlDialog

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost


def write_file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


class AttachmentsPanel(QWidget):
    """``saved(path)`` after an attachment was written; ``count_changed(n)`` for the tab title."""

    saved = Signal(object)
    count_changed = Signal(int)

    def __init__(self, window: FeatureHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main = window
        self.services = window.services
        self.detail: InquiryDetail | None = None
        self.html_dialog: HtmlDialog | None = None

        self.file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self.list = QListWidget()
        self.list.setAccessibleName(QCoreApplication.translate("AttachmentsPanel", "Attachments"))
        self.list.itemDoubleClicked.connect(lambda _item: self.save_selected())
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(
            QCoreApplication.translate("AttachmentsPanel", "No attachments in this conversation.")
        )
        self.empty.setStyleSheet(f"color:{MUTED_COLOR}")
        self.save_button = QPushButton(QCoreApplication.translate("AttachmentsPanel", "&Save…"))
        self.save_button.setToolTip(
            QCoreApplication.translate(
                "AttachmentsPanel", "Save the attachment to a file (it is not opened)"
            )
        )
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_selected)
        self.status = QLabel()
        self.status.setStyleSheet(f"color:{MUTED_COLOR}")

        self.html_messages = QComboBox()
        self.html_messages.setAccessibleName(
            QCoreApplication.translate("AttachmentsPanel", "Formatted messages")
        )
        self.html_button = QPushButton(
            QCoreApplication.translate(
                "AttachmentsPanel", "Show &formatted (remote images blocked)…"
            )
        )
        self.html_button.setAutoDefault(False)
        self.html_button.clicked.connect(self.show_html)
        self.html_row = QWidget()
        html_layout = QHBoxLayout(self.html_row)
        html_layout.setContentsMargins(0, 0, 0, 0)
        html_layout.addWidget(
            QLabel(QCoreApplication.translate("AttachmentsPanel", "Formatted mail:"))
        )
        html_layout.addWidget(self.html_messages, 1)
        html_layout.addWidget(self.html_button)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.html_row)
        self.set_inquiry(None)

    def applies_to(self, detail: InquiryDetail | None) -> bool:
        """Only mail carries attachments and formatted HTML."""
        return detail is not None and detail.channel in (Channel.EMAIL, Channel.FORM)

    def set_inquiry(self, detail: InquiryDetail | None) -> None:
        self.detail = detail
        self.list.clear()
        attachments: list[AttachmentView] = []
        if detail is not None:
            try:
                attachments = self.services.mail_sync.attachments(detail.id)
            except ServiceError:
                attachments = []
        for a in attachments:
            label = f"{a.filename}   {human_size(a.size)}   ·   {a.content_type}"
            item = QListWidgetItem(self.file_icon, label)
            item.setData(Qt.ItemDataRole.UserRole, a)
            self.list.addItem(item)
        if attachments:
            self.list.setCurrentRow(0)
        self.list.setVisible(bool(attachments))
        self.empty.setVisible(not attachments)
        self.html_messages.clear()
        tz = self.services.ctx.tz
        for m in self._html_messages():
            who = m.author or fmt.direction_name(m.direction)
            self.html_messages.addItem(f"{who} · {fmt.long_time(m.sent_at, tz)}", m.id)
        self.html_row.setVisible(self.html_messages.count() > 0)
        self.html_messages.setCurrentIndex(self.html_messages.count() - 1)
        self._update_buttons()
        self.count_changed.emit(len(attachments))

    def _html_messages(self) -> list[MessageView]:
        if self.detail is None:
            return []
        return [m for m in self.detail.messages if m.html and m.direction is not Direction.NOTE]

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.list.currentItem() is not None)

    def selected(self) -> AttachmentView | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, AttachmentView) else None

    def save_selected(self) -> None:
        attachment = self.selected()
        if attachment is None:
            return
        start = str(Path.home() / attachment.filename)
        name, _filter = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("AttachmentsPanel", "Save attachment"), start
        )
        if not name:
            return
        target = Path(name)
        sync = self.services.mail_sync
        self.status.setText(QCoreApplication.translate("AttachmentsPanel", "Saving…"))

        def job() -> Path:
            _filename, data = sync.attachment(attachment.id)
            return write_file(target, data)

        def done(path: object) -> None:
            self.status.setText(
                QCoreApplication.translate("AttachmentsPanel", "Saved to %1").replace(
                    "%1", str(path)
                )
            )
            self.saved.emit(path)

        def failed(error: BaseException) -> None:
            self.status.setText("")
            self.main.show_error(
                QCoreApplication.translate("AttachmentsPanel", "Could not save %1: %2")
                .replace("%1", attachment.filename)
                .replace("%2", str(error))
            )

        self.main.runner.run_task(job, done, failed)

    def show_html(self) -> HtmlDialog | None:
        message_id = self.html_messages.currentData()
        message = next((m for m in self._html_messages() if m.id == message_id), None)
        if message is None or message.html is None:
            return None
        if self.html_dialog is None:
            self.html_dialog = HtmlDialog(self.services, self.main.runner, self.main.widget)
        self.html_dialog.show_message(message.id, message.html, self.detail.subject if self.detail
                                      else "")  # fmt: skip
        self.html_dialog.show()
        self.html_dialog.raise_()
        return self.html_dialog

"""Replies that are still in the outbox, shown above the composer with when they are
retried and why they failed, with Retry now and Cancel.

``ReplyOutbox`` is mixed into ``ReplyComposer`` (composer.py); its strings keep the
"ReplyComposer" translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.types import Channel
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import ServiceError
from soloservice.services.outbox_dto import FAILED, SENDING, UNKNOWN, OutboxResult, OutboxView
from soloservice.services.registry import Services
from soloservice.ui import formatting as fmt
from soloservice.ui.confirm import ask
from soloservice.ui.mail.common import clock_time

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from soloservice.ui.features.host import FeatureHost

#: the channels a reply is written in the composer for
REPLY_CHANNELS = (Channel.EMAIL, Channel.FORM)


class OutboxBanner(QFrame):
    """One unsent reply: when it is retried and why it failed, with Retry now and Cancel;
    one that may have been sent also offers Mark as sent (the founder checked: it arrived)."""

    retry = Signal(int)
    cancel = Signal(int)
    mark_sent = Signal(int)

    def __init__(self, item: OutboxView, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("outboxBanner")
        self.setStyleSheet(
            "#outboxBanner { background:#fff4e5; border:1px solid #f6ad55; border-radius:4px; }"
        )
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(QCoreApplication.translate("ReplyComposer", "Retry &now"))
        self.cancel_button = QPushButton(
            QCoreApplication.translate("ReplyComposer", "Cancel sending…")
        )
        self.mark_sent_button = QPushButton(
            QCoreApplication.translate("ReplyComposer", "&Mark as sent")
        )
        self.mark_sent_button.setToolTip(
            QCoreApplication.translate(
                "ReplyComposer",
                "The customer has it: record it as sent without sending it again",
            )
        )
        self.mark_sent_button.setVisible(item.status == UNKNOWN)
        for button in (self.retry_button, self.mark_sent_button, self.cancel_button):
            button.setAutoDefault(False)
        self.retry_button.clicked.connect(lambda: self.retry.emit(item.id))
        self.mark_sent_button.clicked.connect(lambda: self.mark_sent.emit(item.id))
        self.cancel_button.clicked.connect(lambda: self.cancel.emit(item.id))
        # The text gets the banner's whole width and the buttons a row of their own under
        # it: beside three buttons a long reason wrapped into a clipped column (1280x720).
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.mark_sent_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addLayout(buttons)


class ReplyOutbox:
    """The banners of the inquiry's unsent replies; mixed into ReplyComposer."""

    main: FeatureHost
    services: Services
    detail: InquiryDetail | None
    busy: bool
    state: QLabel
    banners: list[OutboxBanner]
    outbox_area: QVBoxLayout
    confirm_box: QMessageBox | None

    if TYPE_CHECKING:  # provided by ReplyComposer, the class this is mixed into

        @property
        def send_finished(self) -> SignalInstance: ...

        def _update_header(self) -> None: ...

        def _confirm_closed(self) -> None: ...

    def banner_text(self, item: OutboxView) -> str:
        tz = self.services.ctx.tz
        error = item.last_error or ""
        if item.status == FAILED:
            return QCoreApplication.translate(
                "ReplyComposer", "Refused by the server, not retried by itself (last error: %1)"
            ).replace("%1", error)
        if item.status == UNKNOWN:
            return QCoreApplication.translate(
                "ReplyComposer",
                "May have been sent: an earlier attempt was interrupted. "
                "Retry sends it again, Mark as sent records it as sent; "
                "it is never sent or deleted on its own.",
            )
        if item.status == SENDING:
            return QCoreApplication.translate("ReplyComposer", "Sending…")
        if item.next_attempt_at is not None and item.attempts:
            text = QCoreApplication.translate(
                "ReplyComposer", "In the outbox — will retry at %1"
            ).replace("%1", clock_time(item.next_attempt_at, tz))
            if error:
                text += " " + QCoreApplication.translate(
                    "ReplyComposer", "(last error: %1)"
                ).replace("%1", error)
            return text
        return QCoreApplication.translate("ReplyComposer", "In the outbox — queued %1").replace(
            "%1", fmt.long_time(item.created_at, tz)
        )

    def refresh_outbox(self, _result: object = None) -> None:
        for banner in self.banners:
            self.outbox_area.removeWidget(banner)
            banner.deleteLater()
        self.banners = []
        if self.detail is None or self.detail.channel not in REPLY_CHANNELS:
            return
        try:
            items = self.services.outbox.pending(self.detail.id)
        except ServiceError:
            return
        for item in items:
            if item.purpose not in ("reply", "ack"):
                continue
            banner = OutboxBanner(item, self.banner_text(item))
            banner.retry.connect(self.retry_now)
            banner.cancel.connect(self.ask_cancel)
            banner.mark_sent.connect(self.mark_sent)
            banner.retry_button.setEnabled(not self.busy)
            self.outbox_area.addWidget(banner)
            self.banners.append(banner)

    def retry_now(self, outbox_id: int) -> None:
        if self.busy:
            return
        self.busy = True
        for banner in self.banners:
            banner.retry_button.setEnabled(False)
        self.state.setText(QCoreApplication.translate("ReplyComposer", "Sending…"))
        inquiry_id = self.detail.id if self.detail else None
        outbox = self.services.outbox

        def done(result: object) -> None:
            self.busy = False
            self.state.clear()
            self._update_header()
            if isinstance(result, OutboxResult) and result.sent:
                self.main.after_change(
                    QCoreApplication.translate("ReplyComposer", "Reply sent"), inquiry_id
                )
            self.refresh_outbox()
            self.send_finished.emit(result)

        def failed(error: BaseException) -> None:
            self.busy = False
            self.state.clear()
            self._update_header()
            self.refresh_outbox()
            self.main.statusBar().showMessage(str(error), 20_000)
            self.send_finished.emit(None)

        self.main.runner.run_network_task(lambda: outbox.retry_now(outbox_id), done, failed)

    def mark_sent(self, outbox_id: int) -> None:
        """The founder's word that a may-have-been-sent reply arrived: recorded, not resent."""
        if self.busy:
            return
        self.busy = True
        inquiry_id = self.detail.id if self.detail else None
        outbox = self.services.outbox

        def done(_result: object) -> None:
            self.busy = False
            self.main.after_change(
                QCoreApplication.translate("ReplyComposer", "Recorded as sent"), inquiry_id
            )
            self.refresh_outbox()
            self.send_finished.emit(None)

        def failed(error: BaseException) -> None:
            self.busy = False
            self.refresh_outbox()
            self.main.statusBar().showMessage(str(error), 20_000)
            self.send_finished.emit(None)

        self.main.runner.run_task(lambda: outbox.mark_sent(outbox_id), done, failed)

    def ask_cancel(self, outbox_id: int) -> None:
        banner = next((b for b in self.banners if b.item.id == outbox_id), None)
        preview = banner.item.body.strip()[:200] if banner else ""
        self.confirm_box = ask(
            cast(QWidget, self),
            QMessageBox.Icon.Question,
            QCoreApplication.translate("ReplyComposer", "Cancel this reply?"),
            QCoreApplication.translate(
                "ReplyComposer", "The unsent reply is deleted and will not be sent:\n\n%1"
            ).replace("%1", preview),
            QCoreApplication.translate("ReplyComposer", "&Delete the reply"),
            QCoreApplication.translate("ReplyComposer", "&Keep it"),
            lambda: self.cancel(outbox_id),
            self._confirm_closed,
        )

    def cancel(self, outbox_id: int) -> None:
        """On the database lane: a sync may hold the write lock, the window must not wait."""
        outbox = self.services.outbox

        def done(deleted: object) -> None:
            if not deleted:
                self.main.statusBar().showMessage(
                    QCoreApplication.translate(
                        "ReplyComposer", "Kept: this reply may have reached the customer already"
                    ),
                    20_000,
                )
            self.refresh_outbox()

        def failed(exc: BaseException) -> None:
            self.main.statusBar().showMessage(str(exc), 20_000)
            self.refresh_outbox()

        self.main.runner.run_task(lambda: outbox.cancel(outbox_id), done, failed)

"""The "Reply on Facebook/Instagram/X" tab under the conversation.

Sent through the platform's API when it allows (a live account, within the platform's
reply window). Otherwise the reply is copied, the conversation opened in the browser, and
once the founder says it was sent, it is recorded so the reply clock stops.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.services.social_dto import ReplyResult
from soloservice.ui.channels.common import CtrlEnter, styled_label
from soloservice.ui.channels.platforms import platform_name
from soloservice.ui.style import ERROR_STYLE, HINT_STYLE, OK_STYLE
from soloservice.ui.tasks import TaskRunner


class SocialReplyPanel(QWidget):
    """Emits ``replied(InquiryDetail)`` when a reply was sent or recorded, and
    ``manual_needed(ReplyResult)`` when it must be pasted by hand."""

    replied = Signal(object)
    manual_needed = Signal(object)
    title_changed = Signal(str)

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.detail: InquiryDetail | None = None
        #: half-written replies of other inquiries, by inquiry id
        self.drafts: dict[int, str] = {}
        self.pending: ReplyResult | None = None
        self.pending_id: int | None = None
        self.busy = False

        self.hint = styled_label()
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Reply"))
        self.editor.setPlaceholderText(self.tr("Write the reply…  (Ctrl+Enter sends)"))
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._update_buttons)
        self.editor.setMinimumHeight(48)
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setToolTip(self.tr("Send through the platform (Ctrl+Enter)"))
        self.send_button.clicked.connect(self.send)
        self.ctrl_enter = CtrlEnter(self.editor, self.send)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("replyStatus")

        self.manual = QFrame()
        self.manual.setFrameShape(QFrame.Shape.StyledPanel)
        self.manual_text = QLabel()
        self.manual_text.setWordWrap(True)
        self.manual_text.setMinimumHeight(self.manual_text.fontMetrics().lineSpacing() * 3 + 4)
        self.sent_button = QPushButton(self.tr("&Yes, I sent it"))
        self.sent_button.clicked.connect(self.record_manual)
        self.not_sent_button = QPushButton(self.tr("&Not yet"))
        self.not_sent_button.clicked.connect(self._not_sent)
        self.open_again_button = QPushButton(self.tr("&Open again"))
        self.open_again_button.clicked.connect(self._open_pending)
        manual_buttons = QHBoxLayout()
        manual_buttons.addWidget(self.sent_button)
        manual_buttons.addWidget(self.not_sent_button)
        manual_buttons.addStretch(1)
        manual_buttons.addWidget(self.open_again_button)
        manual_layout = QVBoxLayout(self.manual)
        manual_layout.setContentsMargins(6, 4, 6, 4)
        manual_layout.setSpacing(4)
        manual_layout.addWidget(self.manual_text)
        manual_layout.addLayout(manual_buttons)
        self._hide_manual()

        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.hint)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.manual)
        layout.addLayout(bottom)
        self.set_inquiry(None)

    def title(self) -> str:
        if self.detail is not None and self.detail.channel.is_social:
            return self.tr("Reply on %1").replace("%1", platform_name(self.detail.channel))
        return self.tr("Reply on social")

    def applies_to(self, detail: InquiryDetail | None) -> bool:
        """Shown only for Facebook, Instagram and X inquiries."""
        return detail is not None and detail.channel.is_social

    def set_inquiry(self, detail: InquiryDetail | None) -> None:
        changed = detail is None or self.detail is None or detail.id != self.detail.id
        if changed and self.detail is not None:
            # Switching inquiries never loses a half-written reply.
            text = self.editor.toPlainText()
            if text.strip():
                self.drafts[self.detail.id] = text
            else:
                self.drafts.pop(self.detail.id, None)
        self.detail = detail
        social = detail is not None and detail.channel.is_social
        if changed:
            self.editor.setPlainText(self.drafts.get(detail.id, "") if detail else "")
            self.status.clear()
            if self.pending_id is None or detail is None or detail.id != self.pending_id:
                self._hide_manual()
        self.editor.setEnabled(social)
        if detail is None:
            self.hint.setText(self.tr("No inquiry selected."))
        elif not social:
            self.hint.setText(
                self.tr(
                    "Only for Facebook, Instagram and X conversations; this one came by %1."
                ).replace("%1", detail.channel.value)
            )
        else:
            self.hint.setText(
                self.tr(
                    "Sent through %1 when the platform allows; otherwise copied for you to paste."
                ).replace("%1", platform_name(detail.channel))
            )
        self._update_buttons()
        self.title_changed.emit(self.title())

    def _update_buttons(self) -> None:
        social = self.detail is not None and self.detail.channel.is_social
        self.send_button.setEnabled(
            social and not self.busy and bool(self.editor.toPlainText().strip())
        )

    # -- sending -------------------------------------------------------------------------------

    def send(self) -> None:
        detail = self.detail
        text = self.editor.toPlainText().strip()
        if detail is None or not detail.channel.is_social or not text or self.busy:
            return
        self.busy = True
        self._update_buttons()
        self._status(
            self.tr("Sending on %1…").replace("%1", platform_name(detail.channel)), HINT_STYLE
        )
        social, inquiry_id = self.services.social, detail.id
        self.runner.run_network_task(
            lambda: social.reply(inquiry_id, text),
            lambda result: self._sent(inquiry_id, result),
            self._failed,
        )

    def _sent(self, inquiry_id: int, result: ReplyResult) -> None:
        self.busy = False
        if result.sent:
            self.drafts.pop(inquiry_id, None)
            if self.detail is not None and self.detail.id == inquiry_id:
                self.editor.clear()
            self._status(self.tr("Sent."), OK_STYLE)
            self._update_buttons()
            if result.detail is not None:
                self.replied.emit(result.detail)
            return
        self.pending, self.pending_id = result, inquiry_id
        QGuiApplication.clipboard().setText(result.text)
        self._open_pending()
        reason = result.reason or self.tr("the platform does not take replies from here")
        self.manual_text.setText(
            self.tr(
                "Not sent: %1. The reply is copied: paste it in the conversation that opened "
                "in your browser. Did you send it?"
            ).replace("%1", reason)
        )
        self.manual.setVisible(True)
        self.hint.setVisible(False)
        self.status.clear()
        self.sent_button.setFocus()
        self._update_buttons()
        self.manual_needed.emit(result)

    def _open_pending(self) -> None:
        if self.pending is not None and self.pending.open_url:
            QDesktopServices.openUrl(QUrl(self.pending.open_url))

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self._status(str(error) if isinstance(error, ServiceError) else repr(error), ERROR_STYLE)
        self._update_buttons()

    def record_manual(self) -> None:
        result, inquiry_id = self.pending, self.pending_id
        if result is None or inquiry_id is None:
            return
        social = self.services.social
        self.sent_button.setEnabled(False)
        self.runner.run_task(
            lambda: social.record_manual_reply(inquiry_id, result.text),
            self._recorded,
            self._record_failed,
        )

    def _recorded(self, detail: InquiryDetail) -> None:
        self.pending = self.pending_id = None
        self.sent_button.setEnabled(True)
        self._hide_manual()
        self.drafts.pop(detail.id, None)
        if self.detail is not None and self.detail.id == detail.id:
            self.editor.clear()
        self._status(self.tr("Recorded as your reply."), OK_STYLE)
        self.replied.emit(detail)

    def _record_failed(self, error: BaseException) -> None:
        self.sent_button.setEnabled(True)
        self._status(str(error) if isinstance(error, ServiceError) else repr(error), ERROR_STYLE)

    def _not_sent(self) -> None:
        self.pending = self.pending_id = None
        self._hide_manual()
        self._status(self.tr("Not recorded; the reply is still in the box."), HINT_STYLE)
        self.editor.setFocus()

    def _hide_manual(self) -> None:
        self.manual.setVisible(False)
        self.hint.setVisible(True)

    def _status(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)

"""Acknowledge an inquiry: tell the customer, in their language, when they will hear back.

Email and form customers get the text sent through the outbox (on the worker: it talks to
the SMTP server); for a phone or social inquiry the founder says or posts it, and the app
records that it was given. Either way it states the promise without keeping it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.types import Channel, Status
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import ServiceError
from soloservice.services.outbox_dto import OutboxResult, OutboxView
from soloservice.services.promises import Acknowledgement
from soloservice.services.registry import Services
from soloservice.ui import formatting as fmt
from soloservice.ui.settings.widgets import error_label, show_error
from soloservice.ui.style import WARNING_STYLE
from soloservice.ui.tasks import TaskRunner

SENT_CHANNELS = frozenset({Channel.EMAIL, Channel.FORM})


def promise_state(detail: InquiryDetail, now: datetime, tz_name: str) -> str:
    """One line on where the promise stands: due, overdue, kept or broken; and any ack."""
    tz = ZoneInfo(tz_name)
    running = (
        detail.needs_reply_since is not None
        and detail.status in (Status.NEW, Status.OPEN)
        and detail.due_at is not None
    )
    if running and detail.due_at is not None:
        # The customer wrote (again): the promise running now matters more than the first.
        text = _due_text(detail.due_at, now, tz)
    elif detail.first_response_at is not None:
        if detail.promise_kept:
            text = QCoreApplication.translate("AckDialog", "Promise kept: answered %1").replace(
                "%1", fmt.long_time(detail.first_response_at, tz)
            )
        else:
            text = QCoreApplication.translate("AckDialog", "Promise broken: answered %1").replace(
                "%1", fmt.long_time(detail.first_response_at, tz)
            )
        if detail.promise_margin_s is not None:
            margin = fmt.span(_seconds(detail.promise_margin_s))
            key = "early" if detail.promise_margin_s >= 0 else "late"
            text += " " + (
                QCoreApplication.translate("AckDialog", "(%1 early)")
                if key == "early"
                else QCoreApplication.translate("AckDialog", "(%1 late)")
            ).replace("%1", margin)
    elif detail.due_at is None:
        text = QCoreApplication.translate(
            "AckDialog", "No promise running (waiting on the customer or closed)."
        )
    else:
        text = _due_text(detail.due_at, now, tz)
    if detail.ack_sent_at is not None:
        text += "\n" + QCoreApplication.translate("AckDialog", "Already acknowledged %1.").replace(
            "%1", fmt.long_time(detail.ack_sent_at, tz)
        )
    return text


def _due_text(due: datetime, now: datetime, tz: ZoneInfo) -> str:
    if due <= now:
        return (
            QCoreApplication.translate("AckDialog", "Overdue: was due %1 (%2 ago)")
            .replace("%1", fmt.long_time(due, tz))
            .replace("%2", fmt.span(now - due))
        )
    return (
        QCoreApplication.translate("AckDialog", "Due %1 (in %2)")
        .replace("%1", fmt.long_time(due, tz))
        .replace("%2", fmt.span(due - now))
    )


def _seconds(value: int) -> timedelta:
    return timedelta(seconds=value)


class AckDialog(QDialog):
    #: the acknowledgement was sent, queued or recorded: (inquiry id, status-bar message)
    acknowledged = Signal(int, str)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        detail: InquiryDetail,
        draft: Acknowledgement,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.detail = detail
        self.sends = detail.channel in SENT_CHANNELS
        self.setWindowTitle(self.tr("Acknowledge #%1").replace("%1", str(detail.id)))
        customer = detail.customer
        who = QLabel(
            self.tr("<b>%1</b> · %2 · %3")
            .replace("%1", customer.name or self.tr("(no name)"))
            .replace("%2", fmt.channel_name(detail.channel))
            .replace("%3", customer.language.value.upper())
        )
        self.state = QLabel(
            promise_state(detail, services.ctx.now(), services.ctx.settings.timezone)
        )
        if draft.fresh_promise and draft.due_at is not None:
            tz = ZoneInfo(services.ctx.settings.timezone)
            self.state.setText(
                self.state.text()
                + "\n"
                + self.tr("That time has passed: this text promises a fresh one, %1.").replace(
                    "%1", fmt.long_time(draft.due_at, tz)
                )
            )
        self.state.setObjectName("promiseState")
        self.state.setWordWrap(True)
        self.subject = QLineEdit(draft.subject)
        self.body = QPlainTextEdit(draft.body)
        self.body.setTabChangesFocus(True)
        self.body.setMinimumSize(520, 220)
        self.warning = QLabel()
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.warning.setObjectName("emptyWarning")
        if draft.empty_placeholders:
            self.warning.setText(
                self.tr("Nothing to fill in for %1 — check the text before it goes out.").replace(
                    "%1", ", ".join("{" + n + "}" for n in draft.empty_placeholders)
                )
            )
        self.warning.setVisible(bool(draft.empty_placeholders))
        self.error = error_label()
        self.error.setObjectName("ackError")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        label = self.tr("&Send") if self.sends else self.tr("&Record as given")
        self.primary = QPushButton(label)
        self.primary.setDefault(True)
        self.buttons.addButton(self.primary, QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy = QPushButton(self.tr("&Copy text"))
        self.buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.primary.clicked.connect(self.submit)
        self.copy.clicked.connect(self.copy_text)

        form = QFormLayout()
        form.addRow(who)
        form.addRow(self.tr("Promise:"), self.state)
        if self.sends:
            form.addRow(self.tr("S&ubject:"), self.subject)
        else:
            self.subject.setVisible(False)
            hint = QLabel(self.tr("Say or post this to the customer, then record it as given."))
            hint.setEnabled(False)
            form.addRow(hint)
        form.addRow(self.tr("&Text:"), self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.body.setFocus()

    def copy_text(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.body.toPlainText())
        self.copy.setText(self.tr("Copied ✓"))

    def _busy(self, busy: bool) -> None:
        self.primary.setEnabled(not busy)
        self.body.setReadOnly(busy)
        self.subject.setReadOnly(busy)

    def submit(self) -> None:
        body = self.body.toPlainText()
        if not body.strip():
            show_error(self.error, self.tr("The acknowledgement is empty."))
            return
        show_error(self.error, "")
        self._busy(True)
        inquiry_id = self.detail.id
        if self.sends:
            subject = self.subject.text()
            outbox = self.services.outbox

            def queued(view: OutboxView) -> None:  # safely queued: now wait on SMTP
                self.runner.run_network_task(
                    lambda: outbox.send_pending(only_id=view.id), self._sent, self._failed
                )

            self.runner.run_task(
                lambda: outbox.queue_acknowledgement(inquiry_id, subject, body),
                queued,
                self._failed,
            )
        else:
            promises = self.services.promises
            self.runner.run_task(
                lambda: promises.record_acknowledgement(inquiry_id, body),
                lambda _detail: self._finish(self.tr("Acknowledgement recorded")),
                self._failed,
            )

    def _sent(self, result: OutboxResult) -> None:
        if result.sent:
            self._finish(self.tr("Acknowledgement sent"))
        else:
            reason = "; ".join(result.errors) or self.tr("the mail server did not answer")
            self._finish(
                self.tr("Acknowledgement queued; sending failed (%1) — it will be retried").replace(
                    "%1", reason
                )
            )

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        message = str(exc) if isinstance(exc, ServiceError) else repr(exc)
        show_error(self.error, message)

    def _finish(self, message: str) -> None:
        self.acknowledged.emit(self.detail.id, message)
        self.accept()


class PromiseDialog(QDialog):
    """Inquiry > Explain promise: how the due time follows from the calendar."""

    def __init__(self, explanation: str, state: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Why is it due then?"))
        self.state = QLabel(state)
        self.state.setObjectName("promiseState")
        self.state.setWordWrap(True)
        self.text = QPlainTextEdit(explanation)
        self.text.setReadOnly(True)
        self.text.setMinimumSize(560, 260)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

"""Sending a reply from the composer: check it, queue it in the outbox, then send it.

Both steps run on the worker. The reply is queued first and the draft dropped only once it
is safely in the outbox, so nothing typed is lost to a crash or a down server; sending
follows. ``ReplySending`` is mixed into ``ReplyComposer`` (composer.py); its strings keep
the "ReplyComposer" translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QMessageBox, QPlainTextEdit, QWidget

from soloservice.domain.templates import FILL_IN
from soloservice.services.drafts import Draft
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import ServiceError
from soloservice.services.outbox_dto import OutboxResult, OutboxView
from soloservice.services.registry import Services
from soloservice.ui.confirm import ask

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from soloservice.ui.features.host import FeatureHost


def send_problems(text: str, empty: set[str]) -> list[str]:
    """What should make the founder look again before a reply goes out."""
    problems: list[str] = []
    if empty:
        problems.append(
            QCoreApplication.translate("ReplyComposer", "A template left these empty: %1.").replace(
                "%1", ", ".join(sorted(empty))
            )
        )
    if FILL_IN in text:
        problems.append(
            QCoreApplication.translate(
                "ReplyComposer",
                "The text still contains “%1” where something should be filled in.",
            ).replace("%1", FILL_IN)
        )
    return problems


class ReplySending:
    """Send, queue and the outcome; mixed into ReplyComposer, which holds the fields."""

    main: FeatureHost
    services: Services
    detail: InquiryDetail | None
    busy: bool
    body: QPlainTextEdit
    quote: QCheckBox
    account: QComboBox
    editor: QWidget
    warning: QLabel
    state: QLabel
    empty: set[str]
    attachments: list[Path]
    drafts: dict[int, Draft]
    confirm_box: QMessageBox | None

    if TYPE_CHECKING:  # provided by ReplyComposer, the class this is mixed into

        @property
        def queued(self) -> SignalInstance: ...

        @property
        def send_finished(self) -> SignalInstance: ...

        def save_drafts(self) -> None: ...

        def refresh_outbox(self, _result: object = None) -> None: ...

        def _update_header(self) -> None: ...

        def _update_warning(self) -> None: ...

        def _show_attachments(self) -> None: ...

    def send(self) -> None:
        d = self.detail
        if d is None or self.busy or not self.editor.isEnabled():
            return
        text = self.body.toPlainText()
        if not text.strip():
            self.warning.setText(
                QCoreApplication.translate("ReplyComposer", "Write something first.")
            )
            self.warning.setVisible(True)
            return
        problems = send_problems(text, self.empty)
        if not problems:
            self._queue()
            return
        self.confirm_box = ask(
            cast(QWidget, self),
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ReplyComposer", "Send this reply?"),
            "\n".join(problems)
            + "\n\n"
            + QCoreApplication.translate("ReplyComposer", "Send it anyway?"),
            QCoreApplication.translate("ReplyComposer", "&Send anyway"),
            QCoreApplication.translate("ReplyComposer", "&Keep editing"),
            self._queue,
            self._confirm_closed,
        )

    def _confirm_closed(self) -> None:
        self.confirm_box = None

    def _queue(self) -> None:
        d = self.detail
        if d is None or self.busy:
            return
        inquiry_id = d.id
        text = self.body.toPlainText()
        files = list(self.attachments)
        with_quote = self.quote.isChecked()
        account = self.account.currentData()
        outbox = self.services.outbox
        self.busy = True
        self.editor.setEnabled(False)
        self.state.setText(QCoreApplication.translate("ReplyComposer", "Queuing…"))

        def job() -> OutboxView:
            return outbox.queue_reply(
                inquiry_id,
                text,
                attachments=files,
                account_name=account if isinstance(account, str) else None,
                quote=with_quote,
            )

        self.main.runner.run_task(
            job, lambda view: self._queued(inquiry_id, view), self._queue_failed
        )

    def _queue_failed(self, error: BaseException) -> None:
        self.busy = False
        self.state.clear()
        self._update_header()
        message = str(error) if isinstance(error, ServiceError) else f"{type(error).__name__}: " \
            f"{error}"  # fmt: skip
        self.warning.setText(
            QCoreApplication.translate(
                "ReplyComposer", "Not sent, your text is still here: %1"
            ).replace("%1", message)
        )
        self.warning.setVisible(True)

    def _queued(self, inquiry_id: int, view: object) -> None:
        assert isinstance(view, OutboxView)
        # Safely in the outbox: only now is the draft dropped.
        self.drafts.pop(inquiry_id, None)
        self.save_drafts()
        if self.detail is not None and self.detail.id == inquiry_id:
            self.body.clear()
            self.attachments = []
            self.empty = set()
            self.quote.setChecked(True)
            self._show_attachments()
            self._update_warning()
        self.state.setText(QCoreApplication.translate("ReplyComposer", "Sending…"))
        self.queued.emit(view)
        self.refresh_outbox()
        outbox = self.services.outbox
        self.main.runner.run_network_task(
            lambda: outbox.send_pending(only_id=view.id),
            lambda result: self._sent(inquiry_id, view, result),
            self._send_crashed,
        )

    def _sent(self, inquiry_id: int, view: OutboxView, result: object) -> None:
        self.busy = False
        self.state.clear()
        self._update_header()
        if isinstance(result, OutboxResult) and result.sent:
            message = QCoreApplication.translate("ReplyComposer", "Reply sent to %1").replace(
                "%1", view.to_addr
            )
            if result.copy_errors:
                message += " — " + "; ".join(result.copy_errors)
            self.main.after_change(message, inquiry_id)
        else:
            self.main.statusBar().showMessage(
                QCoreApplication.translate(
                    "ReplyComposer", "The reply waits in the outbox and is retried automatically"
                ),
                15_000,
            )
            self.refresh_outbox()
        self.send_finished.emit(result)

    def _send_crashed(self, error: BaseException) -> None:
        self.busy = False
        self.state.clear()
        self._update_header()
        self.refresh_outbox()
        self.main.statusBar().showMessage(
            QCoreApplication.translate(
                "ReplyComposer", "Sending failed (%1); the reply waits in the outbox"
            ).replace("%1", str(error)),
            20_000,
        )
        self.send_finished.emit(None)

"""The "Reply" tab: write a plain-text reply to an email or form inquiry and send it.

Sending queues the reply in the outbox first and only then talks to the SMTP server, both on
the worker; the draft is cleared once the reply is safely queued, so nothing typed is lost to
a crash or a down server. A reply that could not be sent shows here with when it is retried.
Drafts are kept per inquiry while the app runs, so switching inquiries loses nothing.

The signature and the quote of the customer's last message are added by the outbox service
when the reply is queued; the composer shows them below the editor exactly so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.templates import FILL_IN
from soloservice.domain.types import Channel, Direction, IdentityKind
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import ServiceError
from soloservice.services.outbox_dto import FAILED, SENDING, UNKNOWN, OutboxResult, OutboxView
from soloservice.services.reply_text import (
    attribution,
    quote,
    reply_subject,
    sign_reply,
    with_signature,
)
from soloservice.services.templates import TemplateInfo
from soloservice.ui import formatting as fmt
from soloservice.ui.mail.common import BAD_COLOR, MUTED_COLOR, clock_time, human_size, tr
from soloservice.ui.mail.drafts import Draft, DraftStore
from soloservice.ui.mail.template_picker import TemplatePicker

if TYPE_CHECKING:
    from soloservice.ui.main_window import MainWindow

DRAFT_SAVE_DELAY_MS = 1_000

REPLY_CHANNELS = (Channel.EMAIL, Channel.FORM)


def _tr(text: str) -> str:
    return tr("ReplyComposer", text)


def send_problems(text: str, empty: set[str]) -> list[str]:
    """What should make the founder look again before a reply goes out."""
    problems: list[str] = []
    if empty:
        problems.append(
            _tr("A template left these empty: %1.").replace("%1", ", ".join(sorted(empty)))
        )
    if FILL_IN in text:
        problems.append(_tr("The text still contains “%1” where something should be filled in.")
                        .replace("%1", FILL_IN))  # fmt: skip
    return problems


class OutboxBanner(QFrame):
    """One unsent reply: when it is retried and why it failed, with Retry now and Cancel."""

    retry = Signal(int)
    cancel = Signal(int)

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
        self.retry_button = QPushButton(_tr("Retry &now"))
        self.cancel_button = QPushButton(_tr("Cancel sending…"))
        for button in (self.retry_button, self.cancel_button):
            button.setAutoDefault(False)
        self.retry_button.clicked.connect(lambda: self.retry.emit(item.id))
        self.cancel_button.clicked.connect(lambda: self.cancel.emit(item.id))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.cancel_button)


class ReplyComposer(QWidget):
    """The reply tab. ``set_inquiry`` follows the window's selection."""

    #: a reply was queued (OutboxView) — tests wait on it
    queued = Signal(object)
    #: sending finished, sent or not (OutboxResult)
    send_finished = Signal(object)
    #: the text outgrew the box: the pixel height the composer would like (the window's
    #: pane grows it, never squeezing the conversation below its share)
    grow_requested = Signal(int)

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main = window
        self.services = window.services
        self.detail: InquiryDetail | None = None
        #: (account name, its signature): read once per account, not on every keystroke
        self._signature_of: tuple[object, str] | None = None
        self.draft_store = DraftStore(window.services.ctx.data_dir)
        self.drafts: dict[int, Draft] = self.draft_store.load()
        # Written a moment after typing stops; a failing disk only costs the copy on disk.
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_SAVE_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_drafts)
        self.empty: set[str] = set()
        self.attachments: list[Path] = []
        self.busy = False
        self.confirm_box: QMessageBox | None = None
        self.banners: list[OutboxBanner] = []

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color:{MUTED_COLOR}")
        self.outbox_area = QVBoxLayout()
        self.outbox_area.setSpacing(4)

        self.to = QLineEdit()
        self.to.setReadOnly(True)
        self.to.setAccessibleName(_tr("To"))
        self.account = QComboBox()
        self.account.setAccessibleName(_tr("From"))
        self.account.setToolTip(_tr("The account the reply is sent from"))
        self.account.currentIndexChanged.connect(self._update_appendix)
        self.subject = QLineEdit()
        self.subject.setReadOnly(True)
        self.subject.setAccessibleName(_tr("Subject"))
        self.subject.setToolTip(
            _tr("Replies keep the subject and case tag so they land in the customer's thread")
        )
        self.templates = TemplatePicker()
        self.templates.chosen.connect(self.insert_template)

        self.body = QPlainTextEdit()
        self.body.setAccessibleName(_tr("Reply"))
        self.body.setPlaceholderText(
            _tr("Write your reply… (Ctrl+Return sends; type above to insert a template)")
        )
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.body)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.send)

        self.quote = QCheckBox(_tr("&Quote"))
        self.quote.setToolTip(_tr("Quote the customer's last message below your reply"))
        self.quote.setChecked(True)
        self.quote.toggled.connect(self._update_appendix)
        self.appendix = QPlainTextEdit()
        self.appendix.setReadOnly(True)
        self.appendix.setAccessibleName(_tr("Added below your text"))
        self.appendix.setStyleSheet(f"color:{MUTED_COLOR}")
        self.appendix.setMaximumHeight(self.fontMetrics().lineSpacing() * 2 + 12)
        self.appendix.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.appendix.setToolTip(_tr("Added below your text when the reply is sent"))

        self.attachment_list = QListWidget()
        self.attachment_list.setAccessibleName(_tr("Attachments"))
        self.attachment_list.setFlow(QListWidget.Flow.LeftToRight)
        self.attachment_list.setWrapping(False)
        self.attachment_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self.attachment_list.setMaximumHeight(self.fontMetrics().height() + 14)
        self.attachment_list.setVisible(False)
        self.attach_button = QPushButton(_tr("&Attach…"))
        self.remove_attachment_button = QPushButton(_tr("Remove attachment"))
        self.remove_attachment_button.setVisible(False)
        self.send_button = QPushButton(_tr("&Send"))
        self.send_button.setToolTip(_tr("Send the reply (Ctrl+Return)"))
        for button in (self.attach_button, self.remove_attachment_button, self.send_button):
            button.setAutoDefault(False)
        self.attach_button.clicked.connect(self.choose_attachments)
        self.remove_attachment_button.clicked.connect(self.remove_attachment)
        self.send_button.clicked.connect(self.send)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color:{BAD_COLOR}")
        self.warning.setVisible(False)
        self.state = QLabel()
        self.state.setStyleSheet(f"color:{MUTED_COLOR}")

        # One row: who it goes to, the thread's subject (read-only) and the account.
        head = QGridLayout()
        head.setHorizontalSpacing(6)
        head.setVerticalSpacing(4)
        to_label = QLabel(_tr("To:"))
        from_label = QLabel(_tr("&From:"))
        from_label.setBuddy(self.account)
        subject_label = QLabel(_tr("Subject:"))
        head.addWidget(to_label, 0, 0)
        head.addWidget(self.to, 0, 1)
        head.addWidget(subject_label, 0, 2)
        head.addWidget(self.subject, 0, 3)
        head.addWidget(from_label, 0, 4)
        head.addWidget(self.account, 0, 5)
        head.setColumnStretch(1, 2)
        head.setColumnStretch(3, 3)
        head.setColumnStretch(5, 2)

        buttons = QHBoxLayout()
        buttons.addWidget(self.quote)
        buttons.addStretch(1)
        buttons.addWidget(self.state)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.remove_attachment_button)
        buttons.addWidget(self.send_button)

        self.editor = QWidget()
        editor = QVBoxLayout(self.editor)
        editor.setContentsMargins(0, 0, 0, 0)
        editor.setSpacing(4)
        editor.addLayout(head)
        editor.addWidget(self.templates)
        editor.addWidget(self.body, 3)
        editor.addWidget(self.appendix, 1)
        editor.addWidget(self.attachment_list)
        editor.addWidget(self.warning)
        editor.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.hint)
        layout.addLayout(self.outbox_area)
        layout.addWidget(self.editor, 1)
        self.setTabOrder(self.templates.filter, self.body)
        self.setTabOrder(self.body, self.quote)
        self.setTabOrder(self.quote, self.attach_button)
        self.setTabOrder(self.attach_button, self.send_button)
        self.attachment_list.itemSelectionChanged.connect(
            lambda: self.remove_attachment_button.setVisible(
                bool(self.attachment_list.selectedItems())
            )
        )
        self.body.textChanged.connect(self._update_warning)
        self.body.textChanged.connect(self._update_appendix)  # a signed text gets no signature
        self.body.textChanged.connect(self.draft_timer.start)
        self.body.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.body.document().documentLayout().documentSizeChanged.connect(self._grow)
        self.set_inquiry(None)

    # -- following the selection ----------------------------------------------------------------

    def can_reply(self, detail: InquiryDetail | None) -> bool:
        return detail is not None and detail.channel in REPLY_CHANNELS and bool(self._email(detail))

    @staticmethod
    def _email(detail: InquiryDetail) -> str:
        emails = [i.value for i in detail.customer.identities if i.kind is IdentityKind.EMAIL]
        return emails[0] if emails else ""

    def applies_to(self, detail: InquiryDetail | None) -> bool:
        """Shown for email and form inquiries; phone calls are answered with Log call."""
        return detail is None or detail.channel in REPLY_CHANNELS

    def set_inquiry(self, detail: InquiryDetail | None) -> None:
        same = detail is not None and self.detail is not None and detail.id == self.detail.id
        if not same:
            self._store_draft()
        self.detail = detail
        if not same:
            self._load_draft()
            self._fill_accounts()
            self._fill_templates()
        self._update_header()
        self.refresh_outbox()

    def reload_accounts(self) -> None:
        """After the accounts changed: new From list and signature; the draft stays."""
        self._signature_of = None
        self._fill_accounts()
        self._update_header()

    def save_drafts(self) -> None:
        self.draft_timer.stop()
        self._store_draft()
        try:
            self.draft_store.save(self.drafts)
        except OSError as exc:
            self.warning.setText(
                _tr("Your draft could not be saved to disk (%1); it is still here.").replace(
                    "%1", str(exc)
                )
            )
            self.warning.setVisible(True)

    def _store_draft(self) -> None:
        if self.detail is None or self.busy:
            return
        draft = Draft(
            text=self.body.toPlainText(),
            attachments=list(self.attachments),
            quote=self.quote.isChecked(),
            empty=set(self.empty),
        )
        if draft.blank:
            self.drafts.pop(self.detail.id, None)
        else:
            self.drafts[self.detail.id] = draft

    def _load_draft(self) -> None:
        draft = self.drafts.get(self.detail.id, Draft()) if self.detail else Draft()
        self.body.setPlainText(draft.text)
        self.body.moveCursor(self.body.textCursor().MoveOperation.End)
        self.attachments = list(draft.attachments)
        self.quote.setChecked(draft.quote)
        self.empty = set(draft.empty)
        self.templates.filter.clear()
        self._show_attachments()
        self._update_warning()

    def _fill_accounts(self) -> None:
        self.account.blockSignals(True)
        self.account.clear()
        try:
            accounts = [a for a in self.services.mail_accounts.list() if a.enabled]
        except ServiceError:
            accounts = []
        if len(accounts) > 1:
            self.account.addItem(_tr("The account the mail came to"), None)
        for a in accounts:
            label = f"{a.display_name} <{a.email}>" if a.display_name else a.email
            self.account.addItem(label, a.name)
        self.account.setEnabled(len(accounts) > 1)
        self.account.blockSignals(False)

    def _fill_templates(self) -> None:
        detail = self.detail
        if detail is None or not self.can_reply(detail):
            self.templates.set_templates([], None)
            return
        infos = [i for i in self.services.templates.all() if i.template.suits(detail.channel)]
        self.templates.set_templates(infos, detail.customer.language)

    def _update_header(self) -> None:
        d = self.detail
        if d is None:
            self.hint.setText(_tr("Pick an inquiry to reply to it."))
        elif d.channel not in REPLY_CHANNELS:
            self.hint.setText(
                _tr(
                    "Replies to phone and social inquiries are not sent from here: log the call "
                    "with Log call (Ctrl+L), or answer on the Social tab."
                )
            )
        elif not self._email(d):
            self.hint.setText(
                _tr("%1 has no email address — add one on the customer card to reply.").replace(
                    "%1", d.customer.name or _tr("The customer")
                )
            )
        elif self.account.count() == 0:
            self.hint.setText(
                _tr("No mail account yet: add one under Tools > Mail accounts (Ctrl+Shift+M).")
            )
        else:
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))
        enabled = d is not None and self.can_reply(d) and self.account.count() > 0
        self.editor.setEnabled(enabled and not self.busy)
        if d is not None and d.channel in REPLY_CHANNELS:
            self.to.setText(self._email(d))
            self.subject.setText(reply_subject(d.subject, d.id))
            self.to.setCursorPosition(0)
            self.subject.setCursorPosition(0)
        else:
            self.to.clear()
            self.subject.clear()
        self._update_appendix()

    def _signature(self) -> str:
        name = self.account.currentData()
        if self._signature_of is not None and self._signature_of[0] == name:
            return self._signature_of[1]
        try:
            accounts = self.services.mail_accounts.list()
        except ServiceError:
            return ""
        chosen = [a for a in accounts if a.name == name] or [a for a in accounts if a.enabled]
        signature = chosen[0].signature if chosen else ""
        self._signature_of = (name, signature)
        return signature

    def appendix_text(self) -> str:
        """What the outbox adds below the founder's text: signature, then the quote."""
        d = self.detail
        if d is None or not self.can_reply(d):
            return ""
        signature = self._signature()
        body = self.body.toPlainText()
        # Exactly what the outbox will do: no signature under a text that signs already.
        adds_signature = sign_reply(body, signature, self.services.ctx) != body.rstrip()
        parts = [with_signature("", signature).strip("\n")] if adds_signature else []
        inbound = [m for m in d.messages if m.direction is Direction.IN and m.text.strip()]
        if self.quote.isChecked() and inbound:
            last = inbound[-1]
            when = last.sent_at.astimezone(self.services.ctx.tz)
            who = last.author or d.customer.name or self._email(d)
            parts.append(f"{attribution(d.customer.language, when, who)}\n{quote(last.text)}")
        return "\n\n".join(p for p in parts if p)

    def _update_appendix(self) -> None:
        text = self.appendix_text()
        self.appendix.setPlainText(text)
        self.appendix.setVisible(bool(text))

    def _update_warning(self) -> None:
        problems = send_problems(self.body.toPlainText(), self.empty)
        self.warning.setText(" ".join(problems))
        self.warning.setVisible(bool(problems))

    # -- templates ------------------------------------------------------------------------------

    def insert_template(self, info: TemplateInfo) -> None:
        if self.detail is None:
            return
        try:
            rendered = self.services.templates.render_template_for(info.template, self.detail.id)
        except ServiceError as exc:
            self.main.show_error(str(exc))
            return
        self.body.insertPlainText(rendered.body)
        self.empty |= set(rendered.empty)
        self._update_warning()
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- attachments ----------------------------------------------------------------------------

    def choose_attachments(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, _tr("Attach files"))
        for name in names:
            self.add_attachment(Path(name))

    def add_attachment(self, path: Path) -> None:
        if path not in self.attachments:
            self.attachments.append(path)
        self._show_attachments()

    def remove_attachment(self) -> None:
        for item in self.attachment_list.selectedItems():
            path = item.data(Qt.ItemDataRole.UserRole)
            if path in self.attachments:
                self.attachments.remove(path)
        self._show_attachments()

    def _show_attachments(self) -> None:
        self.attachment_list.clear()
        for path in self.attachments:
            try:
                size = human_size(path.stat().st_size)
            except OSError:
                size = _tr("missing")
            item = QListWidgetItem(self.file_icon, f"{path.name} ({size})")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(str(path))
            self.attachment_list.addItem(item)
        self.attachment_list.setVisible(bool(self.attachments))
        self.remove_attachment_button.setVisible(bool(self.attachment_list.selectedItems()))

    # -- sending --------------------------------------------------------------------------------

    def _grow(self) -> None:
        """Ask for room as the reply grows: a QPlainTextEdit's document height is in lines."""
        lines = int(self.body.document().size().height()) + 1
        wanted_body = lines * self.body.fontMetrics().lineSpacing() + 16
        extra = wanted_body - self.body.height()
        if extra > 0:
            self.grow_requested.emit(self.height() + extra)

    def focus_body(self) -> None:
        self.body.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def send(self) -> None:
        d = self.detail
        if d is None or self.busy or not self.editor.isEnabled():
            return
        text = self.body.toPlainText()
        if not text.strip():
            self.warning.setText(_tr("Write something first."))
            self.warning.setVisible(True)
            return
        problems = send_problems(text, self.empty)
        if not problems:
            self._queue()
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _tr("Send this reply?"),
            "\n".join(problems) + "\n\n" + _tr("Send it anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(_tr("&Send anyway"))
        box.button(QMessageBox.StandardButton.No).setText(_tr("&Keep editing"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(self._queue)
        box.finished.connect(self._confirm_closed)
        self.confirm_box = box
        box.open()

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
        self.state.setText(_tr("Queuing…"))

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
        self.warning.setText(_tr("Not sent, your text is still here: %1").replace("%1", message))
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
        self.state.setText(_tr("Sending…"))
        self.queued.emit(view)
        self.refresh_outbox()
        outbox = self.services.outbox
        self.main.runner.run_task(
            lambda: outbox.send_pending(only_id=view.id),
            lambda result: self._sent(inquiry_id, view, result),
            self._send_crashed,
        )

    def _sent(self, inquiry_id: int, view: OutboxView, result: object) -> None:
        self.busy = False
        self.state.clear()
        self._update_header()
        if isinstance(result, OutboxResult) and result.sent:
            message = _tr("Reply sent to %1").replace("%1", view.to_addr)
            if result.copy_errors:
                message += " — " + "; ".join(result.copy_errors)
            self.main.after_change(message, inquiry_id)
        else:
            self.main.statusBar().showMessage(
                _tr("The reply waits in the outbox and is retried automatically"), 15_000
            )
            self.refresh_outbox()
        self.send_finished.emit(result)

    def _send_crashed(self, error: BaseException) -> None:
        self.busy = False
        self.state.clear()
        self._update_header()
        self.refresh_outbox()
        self.main.statusBar().showMessage(
            _tr("Sending failed (%1); the reply waits in the outbox").replace("%1", str(error)),
            20_000,
        )
        self.send_finished.emit(None)

    # -- the outbox -----------------------------------------------------------------------------

    def banner_text(self, item: OutboxView) -> str:
        tz = self.services.ctx.tz
        error = item.last_error or ""
        if item.status == FAILED:
            return _tr("Refused by the server, not retried by itself (last error: %1)").replace(
                "%1", error
            )
        if item.status == UNKNOWN:
            return _tr(
                "May have been sent: an earlier attempt was interrupted. "
                "Retry sends it again; it is never sent or deleted on its own."
            )
        if item.status == SENDING:
            return _tr("Sending…")
        if item.next_attempt_at is not None and item.attempts:
            text = _tr("In the outbox — will retry at %1").replace(
                "%1", clock_time(item.next_attempt_at, tz)
            )
            if error:
                text += " " + _tr("(last error: %1)").replace("%1", error)
            return text
        return _tr("In the outbox — queued %1").replace("%1", fmt.long_time(item.created_at, tz))

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
            banner.retry_button.setEnabled(not self.busy)
            self.outbox_area.addWidget(banner)
            self.banners.append(banner)

    def retry_now(self, outbox_id: int) -> None:
        if self.busy:
            return
        self.busy = True
        for banner in self.banners:
            banner.retry_button.setEnabled(False)
        self.state.setText(_tr("Sending…"))
        inquiry_id = self.detail.id if self.detail else None
        outbox = self.services.outbox

        def done(result: object) -> None:
            self.busy = False
            self.state.clear()
            self._update_header()
            if isinstance(result, OutboxResult) and result.sent:
                self.main.after_change(_tr("Reply sent"), inquiry_id)
            self.refresh_outbox()
            self.send_finished.emit(result)

        def failed(error: BaseException) -> None:
            self.busy = False
            self.state.clear()
            self._update_header()
            self.refresh_outbox()
            self.main.statusBar().showMessage(str(error), 20_000)
            self.send_finished.emit(None)

        self.main.runner.run_task(lambda: outbox.retry_now(outbox_id), done, failed)

    def ask_cancel(self, outbox_id: int) -> None:
        banner = next((b for b in self.banners if b.item.id == outbox_id), None)
        preview = banner.item.body.strip()[:200] if banner else ""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _tr("Cancel this reply?"),
            _tr("The unsent reply is deleted and will not be sent:\n\n%1").replace("%1", preview),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(_tr("&Delete the reply"))
        box.button(QMessageBox.StandardButton.No).setText(_tr("&Keep it"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.cancel(outbox_id))
        box.finished.connect(self._confirm_closed)
        self.confirm_box = box
        box.open()

    def cancel(self, outbox_id: int) -> None:
        try:
            if not self.services.outbox.cancel(outbox_id):
                self.main.statusBar().showMessage(
                    _tr("Kept: this reply may have reached the customer already"), 20_000
                )
        except ServiceError as exc:
            self.main.statusBar().showMessage(str(exc), 20_000)
        self.refresh_outbox()

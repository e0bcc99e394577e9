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

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.signature import append_signature
from soloservice.domain.types import Direction, IdentityKind
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import ServiceError
from soloservice.services.reply_text import (
    attribution,
    quote,
    reply_subject,
    sign_reply,
)
from soloservice.services.templates import TemplateInfo
from soloservice.ui.mail.common import BAD_COLOR, MUTED_COLOR
from soloservice.ui.mail.reply_attachments import ReplyAttachments
from soloservice.ui.mail.reply_drafts import ReplyDrafts
from soloservice.ui.mail.reply_outbox import REPLY_CHANNELS, OutboxBanner, ReplyOutbox
from soloservice.ui.mail.reply_sending import ReplySending, send_problems
from soloservice.ui.mail.template_picker import TemplatePicker

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost


class ReplyComposer(ReplyDrafts, ReplyAttachments, ReplySending, ReplyOutbox, QWidget):
    """The reply tab. ``set_inquiry`` follows the window's selection."""

    #: a reply was queued (OutboxView) — tests wait on it
    queued = Signal(object)
    #: sending finished, sent or not (OutboxResult)
    send_finished = Signal(object)
    #: the text outgrew the box: the pixel height the composer would like (the window's
    #: pane grows it, never squeezing the conversation below its share)
    grow_requested = Signal(int)

    def __init__(self, window: FeatureHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main = window
        self.services = window.services
        self.detail: InquiryDetail | None = None
        #: (account name, its signature): read once per account, not on every keystroke
        self._signature_of: tuple[object, str] | None = None
        self._set_up_drafts(window.services.ctx.data_dir)
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
        self.to.setAccessibleName(QCoreApplication.translate("ReplyComposer", "To"))
        self.account = QComboBox()
        self.account.setAccessibleName(QCoreApplication.translate("ReplyComposer", "From"))
        self.account.setToolTip(
            QCoreApplication.translate("ReplyComposer", "The account the reply is sent from")
        )
        self.account.currentIndexChanged.connect(self._update_appendix)
        self.subject = QLineEdit()
        self.subject.setReadOnly(True)
        self.subject.setAccessibleName(QCoreApplication.translate("ReplyComposer", "Subject"))
        self.subject.setToolTip(
            QCoreApplication.translate(
                "ReplyComposer",
                "Replies keep the subject and case tag so they land in the customer's thread",
            )
        )
        self.templates = TemplatePicker()
        self.templates.chosen.connect(self.insert_template)

        self.body = QPlainTextEdit()
        self.body.setAccessibleName(QCoreApplication.translate("ReplyComposer", "Reply"))
        self.body.setPlaceholderText(
            QCoreApplication.translate(
                "ReplyComposer",
                "Write your reply… (Ctrl+Return sends; type above to insert a template)",
            )
        )
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.body)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.send)

        self.quote = QCheckBox(QCoreApplication.translate("ReplyComposer", "&Quote"))
        self.quote.setToolTip(
            QCoreApplication.translate(
                "ReplyComposer", "Quote the customer's last message below your reply"
            )
        )
        self.quote.setChecked(True)
        self.quote.toggled.connect(self._update_appendix)
        self.appendix = QPlainTextEdit()
        self.appendix.setReadOnly(True)
        self.appendix.setAccessibleName(
            QCoreApplication.translate("ReplyComposer", "Added below your text")
        )
        self.appendix.setStyleSheet(f"color:{MUTED_COLOR}")
        self.appendix.setMaximumHeight(self.fontMetrics().lineSpacing() * 2 + 12)
        self.appendix.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.appendix.setToolTip(
            QCoreApplication.translate(
                "ReplyComposer", "Added below your text when the reply is sent"
            )
        )

        self._build_attachments()
        self.send_button = QPushButton(QCoreApplication.translate("ReplyComposer", "&Send"))
        self.send_button.setToolTip(
            QCoreApplication.translate("ReplyComposer", "Send the reply (Ctrl+Return)")
        )
        self.send_button.setAutoDefault(False)
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
        to_label = QLabel(QCoreApplication.translate("ReplyComposer", "To:"))
        from_label = QLabel(QCoreApplication.translate("ReplyComposer", "&From:"))
        from_label.setBuddy(self.account)
        subject_label = QLabel(QCoreApplication.translate("ReplyComposer", "Subject:"))
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
        """Shown for email and form inquiries; phone calls are answered with Log call. Not
        while no inquiry is open (an empty inbox): a reply box to nobody only confuses."""
        return detail is not None and detail.channel in REPLY_CHANNELS

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

    def _fill_accounts(self) -> None:
        self.account.blockSignals(True)
        self.account.clear()
        try:
            accounts = [a for a in self.services.mail_accounts.list() if a.enabled]
        except ServiceError:
            accounts = []
        if len(accounts) > 1:
            self.account.addItem(
                QCoreApplication.translate("ReplyComposer", "The account the mail came to"), None
            )
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
            self.hint.setText(
                QCoreApplication.translate("ReplyComposer", "Pick an inquiry to reply to it.")
            )
        elif d.channel not in REPLY_CHANNELS:
            self.hint.setText(
                QCoreApplication.translate(
                    "ReplyComposer",
                    "Replies to phone and social inquiries are not sent from here: log the call "
                    "with Log call (Ctrl+L), or answer on the Social tab.",
                )
            )
        elif not self._email(d):
            self.hint.setText(
                QCoreApplication.translate(
                    "ReplyComposer",
                    "%1 has no email address — add one on the customer card to reply.",
                ).replace(
                    "%1",
                    d.customer.name or QCoreApplication.translate("ReplyComposer", "The customer"),
                )
            )
        elif self.account.count() == 0:
            self.hint.setText(
                QCoreApplication.translate(
                    "ReplyComposer",
                    "No mail account yet: add one under Tools > Mail accounts (Ctrl+Shift+M).",
                )
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
        parts = [append_signature("", signature).strip("\n")] if adds_signature else []
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

    def _confirm_closed(self) -> None:
        self.confirm_box = None

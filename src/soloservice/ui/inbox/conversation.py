"""The right pane's conversation: what the customer wrote, replies, calls and private notes.

Rendered as simple HTML in a QTextBrowser: customer messages on the left, the founder's on
the right, notes in yellow across the width, so the three are told apart at a glance.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.types import Channel, Direction, InquiryKind, Status
from soloservice.services.dto import InquiryDetail, MessageView
from soloservice.ui import formatting as fmt

_BUBBLE = {
    Direction.IN: ("#f1f3f5", "left"),
    Direction.OUT: ("#dbeafe", "right"),
    Direction.NOTE: ("#fff6cc", "center"),
}


class ConversationView(QWidget):
    """Shows one inquiry; ``note_requested(inquiry_id, text)`` when the founder adds a note."""

    note_requested = Signal(int, str)
    #: the customer's name in the header was clicked: show their card
    customer_requested = Signal()

    def __init__(self, tz_name: str, currency: str = "kr", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from zoneinfo import ZoneInfo

        self.tz = ZoneInfo(tz_name)
        self.currency = currency
        self.detail: InquiryDetail | None = None

        self.title = QLabel()
        # Customer text is never rich text: a subject of "<b>Bank</b>" must show as typed.
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.customer = QLabel()
        self.customer.setObjectName("conversationCustomer")
        self.customer.setTextFormat(Qt.TextFormat.RichText)
        self.customer.setWordWrap(True)
        self.customer.setToolTip(self.tr("Show the customer card (F9)"))
        self.customer.linkActivated.connect(lambda _link: self.customer_requested.emit())

        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("Conversation"))

        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("Add a private note… (Ctrl+Enter)"))
        self.note_edit.setTabChangesFocus(True)
        # Two lines: notes are short, and the conversation is what needs the height.
        self.note_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_button = QPushButton(self.tr("Add &note"))
        self.note_button.setAutoDefault(False)
        self.note_button.clicked.connect(self.submit_note)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.note_edit)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.submit_note)

        note_row = QHBoxLayout()
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignBottom)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.customer)
        layout.addWidget(self.meta)
        layout.addWidget(self.browser, 1)
        layout.addLayout(note_row)
        # takes the height only while the conversation is hidden (no inquiry open), so the
        # "pick an inquiry" text stays at the top
        layout.addStretch(0)
        self.show_detail(None)

    # -- showing --------------------------------------------------------------------------------

    def show_detail(self, detail: InquiryDetail | None, keep_note: bool = True) -> None:
        same = detail is not None and self.detail is not None and detail.id == self.detail.id
        if not (same and keep_note):
            self.note_edit.clear()
        self.detail = detail
        enabled = detail is not None
        # an empty inbox shows what to do, not an empty conversation and a note to nobody
        for widget in (self.browser, self.note_edit, self.note_button):
            widget.setVisible(enabled)
        self.note_edit.setEnabled(enabled)
        self.note_button.setEnabled(enabled)
        if detail is None:
            self.customer.clear()
            self.title.setText(self.tr("No inquiry selected"))
            self.meta.setText(self.tr("Pick an inquiry on the left, or log a call with Ctrl+L."))
            self.browser.setHtml("")
            return
        self.title.setText(f"#{detail.id}  {detail.subject}")
        self.customer.setText(self._customer_html(detail))
        self.meta.setText(self._meta_html(detail))
        self.browser.setHtml(self._conversation_html(detail))
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _customer_html(self, d: InquiryDetail) -> str:
        """Who wrote, and what they are worth, without opening the card."""
        card = d.customer
        contact = next((i.display for i in card.identities), "")
        worth = self.tr("worth %1").replace("%1", fmt.money(card.lifetime_value, self.currency))
        parts = [f"<a href='customer'><b>{escape(card.name or contact or '?')}</b></a>"]
        if contact and contact != card.name:
            parts.append(escape(contact))
        parts.append(escape(worth))
        return " · ".join(parts)

    def _meta_html(self, d: InquiryDetail) -> str:
        parts = [
            escape(fmt.channel_name(d.channel)),
            escape(fmt.kind_name(d.kind)),
            f"<b>{escape(fmt.status_name(d.status))}</b>",
            escape(self.tr("received %1").replace("%1", fmt.long_time(d.received_at, self.tz))),
        ]
        if d.kind is InquiryKind.COMPLAINT:
            if d.flags.kind_source == "auto" and d.flags.kind_reason:
                # Say why the detector thinks so; Inquiry > Kind corrects it for good.
                noticed = self.tr("noticed: %1").replace("%1", d.flags.kind_reason)
                parts[1] += f" ({escape(noticed)})"
            parts[1] = f"<span style='color:#c53030'>{parts[1]}</span>"
        if d.flags.automatic_reason:
            why = self.tr("automatic mail: %1").replace("%1", d.flags.automatic_reason)
            parts.insert(2, f"<span style='color:#6b7280'><b>{escape(why)}</b></span>")
        if d.status in (Status.NEW, Status.OPEN) and d.due_at is not None:
            due = escape(self.tr("answer due %1").replace("%1", fmt.long_time(d.due_at, self.tz)))
            color = "#c53030" if d.overdue else "#4a5568"
            parts.append(f"<span style='color:{color}'><b>{due}</b></span>")
        if d.snoozed_until is not None and d.status.is_open:
            parts.append(
                escape(
                    self.tr("snoozed until %1").replace(
                        "%1", fmt.long_time(d.snoozed_until, self.tz)
                    )
                )
            )
        if d.promise_kept is not None:
            parts.append(
                escape(self.tr("promise kept") if d.promise_kept else self.tr("promise broken"))
            )
        return " · ".join(parts)

    def _conversation_html(self, d: InquiryDetail) -> str:
        if not d.messages:
            empty = escape(self.tr("No messages yet."))
            return f"<p style='color:#6b7280'>{empty}</p>"
        blocks = [self._message_html(m) for m in d.messages]
        return "<html><body style='margin:4px'>" + "".join(blocks) + "</body></html>"

    def _message_html(self, m: MessageView) -> str:
        color, side = _BUBBLE[m.direction]
        is_call = m.channel is Channel.PHONE and m.direction is not Direction.NOTE
        label = fmt.direction_name(m.direction)
        if is_call:
            label = (
                self.tr("Call from customer")
                if m.direction is Direction.IN
                else self.tr("Call to customer")
            )
        header = [f"<b>{escape(m.author or label)}</b>", escape(label)]
        header.append(escape(fmt.long_time(m.sent_at, self.tz)))
        if m.call_duration_s is not None:
            header.append(
                escape(self.tr("duration %1").replace("%1", fmt.call_duration(m.call_duration_s)))
            )
        body = escape(m.text).replace("\n", "<br>")
        margin = {
            "left": "margin-right:60px;",
            "right": "margin-left:60px;",
            "center": "margin-left:20px; margin-right:20px;",
        }[side]
        return (
            f"<table width='100%' cellspacing='0' cellpadding='8' "
            f"style='{margin} margin-top:8px; background-color:{color};'>"
            f"<tr><td><span style='color:#4a5568; font-size:small'>"
            f"{' · '.join(header)}</span><br>{body}</td></tr></table>"
        )

    # -- notes ----------------------------------------------------------------------------------

    def submit_note(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if self.detail is None or not text:
            return
        self.note_requested.emit(self.detail.id, text)

    def note_saved(self) -> None:
        self.note_edit.clear()

    def focus_note(self) -> None:
        self.note_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

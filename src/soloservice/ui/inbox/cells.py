"""What each cell of the inbox list says and how it looks: text, tooltip, colour, marker.

Pure functions of one row (``InquiryListRow``) and the moment the list was drawn, so the
model (model.py) only fetches and caches rows. The strings keep the translation context of
the model they came from ("InboxModel").
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from soloservice.domain.types import InquiryKind, Status
from soloservice.services.dto import InquiryListRow, SortKey
from soloservice.ui import formatting as fmt
from soloservice.ui import style
from soloservice.ui.inbox.search import snippet_html
from soloservice.ui.plain_text import plain_tooltip

OVERDUE_FG = QColor(style.ERROR)
OVERDUE_BG = QColor("#fdf0f0")
DUE_TODAY_FG = QColor(style.WARNING)
DUE_TODAY_BG = QColor("#fff4d6")
MUTED_FG = QColor(style.MUTED)
CLOSED_LOOP_FG = QColor(style.ERROR)
COMPLAINT_DOT = QColor("#e07b00")


def awaiting_callback(item: InquiryListRow) -> bool:
    """Reopened by an unhappy follow-up answer and not yet called back."""
    return item.closed_loop and item.status in (Status.NEW, Status.OPEN)


def dot(color: QColor, size: int = 10) -> QIcon:
    """A small filled circle: the marker before a complaint's or a closed-loop case's subject."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(color)
    painter.setPen(color.darker(120))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class Column(IntEnum):
    CUSTOMER = 0
    CHANNEL = 1
    SUBJECT = 2
    RECEIVED = 3
    DUE = 4
    VALUE = 5
    STATUS = 6


SORT_KEYS: dict[Column, SortKey] = {
    Column.CUSTOMER: SortKey.CUSTOMER,
    Column.CHANNEL: SortKey.CHANNEL,
    Column.SUBJECT: SortKey.SUBJECT,
    Column.RECEIVED: SortKey.RECEIVED,
    Column.DUE: SortKey.DUE,
    Column.VALUE: SortKey.VALUE,
    Column.STATUS: SortKey.STATUS,
}


def snoozed(item: InquiryListRow, now: datetime) -> bool:
    return item.snoozed_until is not None and item.snoozed_until > now


def display(
    item: InquiryListRow, column: Column, tz: ZoneInfo, now: datetime, currency: str
) -> str:
    if column == Column.CUSTOMER:
        return item.customer_name or QCoreApplication.translate("InboxModel", "(unknown)")
    if column == Column.CHANNEL:
        return fmt.channel_name(item.channel)
    if column == Column.SUBJECT:
        return item.subject
    if column == Column.RECEIVED:
        return fmt.short_time(item.received_at, tz, now)
    if column == Column.DUE:
        # An answered case has no running promise (the inbox's Needs reply rule).
        if not item.needs_reply or item.due_at is None:
            return "—"
        return fmt.short_time(item.due_at, tz, now)
    if column == Column.VALUE:
        return fmt.money(item.lifetime_value, currency)
    if snoozed(item, now):
        return QCoreApplication.translate("InboxModel", "Snoozed")
    if awaiting_callback(item):
        if item.at_risk_public:
            return QCoreApplication.translate("InboxModel", "Call back!")
        return QCoreApplication.translate("InboxModel", "Call back")
    return fmt.status_name(item.status)


def tooltip(
    item: InquiryListRow, column: Column, tz: ZoneInfo, now: datetime, snippets: dict[int, str]
) -> str | None:
    if column == Column.SUBJECT and item.id in snippets:
        # Rich text on purpose (the match in bold); snippet_html escapes the customer's.
        return "<qt>" + snippet_html(snippets[item.id]) + "</qt>"
    if column == Column.SUBJECT:
        text = item.snippet or item.subject
        if awaiting_callback(item):
            note = QCoreApplication.translate(
                "InboxModel", "Unhappy with the solution: call back within 24 hours."
            )
            if item.at_risk_public:
                note += " " + QCoreApplication.translate(
                    "InboxModel", "At risk of a public complaint."
                )
            return plain_tooltip(f"{note}\n\n{text}")  # the customer's text: literal
        if item.kind is InquiryKind.COMPLAINT:
            complaint = QCoreApplication.translate("InboxModel", "Complaint")
            return plain_tooltip(complaint + f"\n\n{text}")
        return plain_tooltip(text)
    if column == Column.DUE and item.due_at is not None and item.needs_reply:
        when = fmt.long_time(item.due_at, tz)
        if item.overdue:
            late = fmt.span(now - item.due_at)
            return (
                QCoreApplication.translate("InboxModel", "Overdue by %1 (promised %2)")
                .replace("%1", late)
                .replace("%2", when)
            )
        return QCoreApplication.translate("InboxModel", "Answer promised by %1").replace("%1", when)
    if column == Column.RECEIVED:
        return fmt.long_time(item.received_at, tz)
    if column == Column.STATUS and snoozed(item, now):
        return QCoreApplication.translate("InboxModel", "Snoozed until %1").replace(
            "%1", fmt.long_time(item.snoozed_until, tz)
        )
    return None


def foreground(item: InquiryListRow, column: Column) -> QBrush | None:
    if awaiting_callback(item) and column in (Column.CUSTOMER, Column.SUBJECT, Column.STATUS):
        return QBrush(CLOSED_LOOP_FG)
    if column == Column.DUE:
        if item.overdue:
            return QBrush(OVERDUE_FG)
        if item.due_today:
            return QBrush(DUE_TODAY_FG)
        return None
    if column in (Column.RECEIVED, Column.VALUE, Column.STATUS):
        return QBrush(MUTED_FG)
    return None

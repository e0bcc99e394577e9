"""An inquiry as the detail pane shows it: messages, events, customer card and flags."""

from __future__ import annotations

from sqlmodel import Session, col, select

from soloservice.domain.types import Channel, Direction, InquiryKind, Status
from soloservice.services.context import ServiceContext
from soloservice.services.customer_card import build_card
from soloservice.services.dto import EventView, InquiryDetail, InquiryFlags, MessageView, View
from soloservice.services.inbox import InboxService
from soloservice.storage.tables import CustomerRow, EventRow, InquiryRow, MessageRow


def inquiry_detail(ctx: ServiceContext, session: Session, row: InquiryRow) -> InquiryDetail:
    assert row.id is not None
    customer = session.get(CustomerRow, row.customer_id)
    assert customer is not None
    messages = tuple(
        MessageView(
            id=m.id or 0,
            direction=Direction(m.direction),
            channel=Channel(m.channel),
            author=m.author,
            text=m.text,
            html=m.html,
            sent_at=m.sent_at,
            call_duration_s=m.call_duration_s,
            is_ack=m.is_ack,
        )
        for m in session.exec(
            select(MessageRow)
            .where(MessageRow.inquiry_id == row.id)
            .order_by(col(MessageRow.sent_at), col(MessageRow.id))
        )
    )
    events = tuple(
        EventView(e.at, e.kind, e.old_value, e.new_value)
        for e in session.exec(
            select(EventRow).where(EventRow.inquiry_id == row.id).order_by(col(EventRow.id))
        )
    )
    status = Status(row.status)
    return InquiryDetail(
        id=row.id,
        channel=Channel(row.channel),
        subject=row.subject,
        kind=InquiryKind(row.kind),
        status=status,
        received_at=row.received_at,
        first_response_at=row.first_response_at,
        due_at=row.due_at,
        resolved_at=row.resolved_at,
        snoozed_until=row.snoozed_until,
        tags=tuple(t for t in row.tags.split(",") if t),
        promise_kept=row.promise_kept,
        promise_margin_s=row.promise_margin_s,
        overdue=InboxService(ctx).in_view(row.id, View.OVERDUE, session),
        customer=build_card(session, ctx, customer),
        messages=messages,
        events=events,
        ack_sent_at=row.ack_sent_at,
        closed_loop=row.closed_loop,
        at_risk_public=row.at_risk_public,
        reopened_count=row.reopened_count,
        skip_followup=row.skip_followup,
        flags=InquiryFlags(
            row.kind_source, row.kind_reason, row.automatic_reason, customer.sender_verdict
        ),
        needs_reply_since=row.needs_reply_since,
    )

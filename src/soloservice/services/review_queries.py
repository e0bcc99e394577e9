"""Reading the store for the weekly review: a handful of queries per week, never one per inquiry.

The rows become domain records (``domain/review_math.InquiryRecord``, ``domain/nps``,
``domain/remedies``); the figures are computed from them in ``services/review.py``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select

from soloservice.domain.nps import SurveyRecord
from soloservice.domain.remedies import Remedy, RemedyKind
from soloservice.domain.review_math import InquiryRecord
from soloservice.domain.types import OPEN_STATUSES, Channel, InquiryKind, Status
from soloservice.domain.value import lifetime_value
from soloservice.services.context import ServiceContext
from soloservice.services.dto import View
from soloservice.services.inbox import InboxService
from soloservice.storage.feedback_tables import RemedyRow, SurveyRow
from soloservice.storage.tables import CustomerRow, EventRow, InquiryRow

FOLLOWUP = "followup"
PULSE = "pulse"

_RESOLVED = (Status.RESOLVED.value, Status.CLOSED.value)
_OPEN = tuple(s.value for s in OPEN_STATUSES)

#: (inquiry id, customer id, remedy)
RemedyOf = tuple[int, int, Remedy]


def ids_of(values: Iterable[int | None]) -> tuple[int, ...]:
    """Sorted distinct ids, without the ``None`` of a survey that belongs to no inquiry."""
    return tuple(sorted({v for v in values if v is not None}))


def inquiry_record(row: InquiryRow) -> InquiryRecord:
    """What every figure needs of an inquiry; the week's reading adds the rest."""
    return InquiryRecord(
        id=row.id or 0,
        channel=Channel(row.channel),
        kind=InquiryKind(row.kind),
        received_at=row.received_at,
        status=Status(row.status),
        due_at=row.due_at,
        first_response_at=row.first_response_at,
        promise_kept=row.promise_kept,
    )


def channel_of(value: str) -> Channel:
    try:
        return Channel(value)
    except ValueError:
        return Channel.EMAIL


def remedy_kind_of(value: str) -> RemedyKind:
    try:
        return RemedyKind(value)
    except ValueError:
        return RemedyKind.OTHER


@dataclass(frozen=True)
class SurveyRead:
    """A follow-up or pulse survey with what the review needs of its inquiry and customer."""

    id: int
    kind: str
    inquiry_id: int | None
    channel: Channel
    customer_id: int
    lifetime_value: float
    asked_at: datetime | None
    answered_at: datetime | None
    satisfied: bool | None
    score: int | None
    loop_inquiry_id: int | None
    value_known: bool = True

    def record(self) -> SurveyRecord | None:
        if self.asked_at is None:
            return None
        return SurveyRecord(
            asked_at=self.asked_at,
            channel=self.channel,
            answered_at=self.answered_at,
            satisfied=self.satisfied if self.answered_at is not None else None,
            score=self.score if self.answered_at is not None else None,
            id=self.id,
            customer_id=self.customer_id,
        )


def inquiry_records(
    ctx: ServiceContext, session: Session, start: datetime, end: datetime, now: datetime
) -> list[InquiryRecord]:
    """The week's cohort, the backlog it left, open complaints and the week's status moves."""
    status_events = (
        select(EventRow.inquiry_id)
        .where(EventRow.kind == "status")
        .where(col(EventRow.at) >= start, col(EventRow.at) < end)
    )
    received = col(InquiryRow.received_at)
    # "Unanswered now" and "overdue now" are the inbox's own views, not a second rule.
    inbox = InboxService(ctx)
    needs_reply_ids = inbox.ids_in(View.NEEDS_REPLY, now)
    overdue_ids = inbox.ids_in(View.OVERDUE, now)
    query = (
        select(InquiryRow, CustomerRow.annual_value, CustomerRow.expected_years)
        .join(CustomerRow, col(CustomerRow.id) == col(InquiryRow.customer_id))
        .where(col(InquiryRow.automatic_reason) == "")  # automatic mail counts nowhere
        .where(
            or_(
                and_(received >= start, received < end),
                and_(
                    received < end,
                    or_(
                        col(InquiryRow.first_response_at).is_(None),
                        col(InquiryRow.first_response_at) > now,
                    ),
                ),
                and_(
                    received < end,
                    col(InquiryRow.kind) == InquiryKind.COMPLAINT.value,
                    col(InquiryRow.status).in_(_OPEN),
                ),
                and_(col(InquiryRow.resolved_at) >= start, col(InquiryRow.resolved_at) < end),
                col(InquiryRow.id).in_(status_events),
                col(InquiryRow.id).in_(needs_reply_ids),
            )
        )
    )
    rows = list(session.exec(query))
    needs_reply = set(session.connection().execute(needs_reply_ids).scalars())
    overdue = set(session.connection().execute(overdue_ids).scalars())
    resolved_in_week: dict[int, datetime] = {}
    reopened: dict[int, list[datetime]] = defaultdict(list)
    events = session.exec(
        select(EventRow)
        .where(EventRow.kind == "status")
        .where(col(EventRow.at) >= start, col(EventRow.at) < end)
        .order_by(col(EventRow.at), col(EventRow.id))
    )
    for event in events:
        if event.new_value in _RESOLVED and event.old_value not in _RESOLVED:
            resolved_in_week[event.inquiry_id] = event.at
        elif event.old_value in _RESOLVED and event.new_value in _OPEN:
            reopened[event.inquiry_id].append(event.at)
    records: list[InquiryRecord] = []
    for row, annual, years in rows:
        assert row.id is not None
        resolved_at = resolved_in_week.get(row.id, row.resolved_at)
        records.append(
            replace(
                inquiry_record(row),
                resolved_at=resolved_at,
                reopened_at=tuple(reopened.get(row.id, ())),
                customer_id=row.customer_id,
                lifetime_value=lifetime_value(annual, years, ctx.value_defaults),
                value_known=annual is not None,
                needs_reply=row.id in needs_reply,
                overdue=row.id in overdue,
            )
        )
    return records


def surveys_of_week(
    ctx: ServiceContext,
    session: Session,
    start: datetime,
    end: datetime,
    month_start: datetime,
    month_end: datetime,
    remedied: Sequence[int],
) -> list[SurveyRead]:
    """Follow-ups asked or answered in the week, pulse answers of the months touching it,
    and every follow-up of an inquiry that got a remedy this week."""
    asked, answered = col(SurveyRow.asked_at), col(SurveyRow.answered_at)
    query = (
        select(SurveyRow, InquiryRow.channel, CustomerRow.annual_value, CustomerRow.expected_years)
        .join(CustomerRow, col(CustomerRow.id) == col(SurveyRow.customer_id))
        .outerjoin(InquiryRow, col(InquiryRow.id) == col(SurveyRow.inquiry_id))
        .where(
            or_(
                and_(asked >= start, asked < end),
                and_(answered >= month_start, answered < month_end),
                col(SurveyRow.inquiry_id).in_(list(remedied)),
            )
        )
    )
    out: list[SurveyRead] = []
    for survey, inquiry_channel, annual, years in session.exec(query):
        assert survey.id is not None
        channel = inquiry_channel if survey.kind == FOLLOWUP and inquiry_channel else None
        out.append(
            SurveyRead(
                id=survey.id,
                kind=survey.kind,
                inquiry_id=survey.inquiry_id,
                channel=channel_of(channel or survey.channel),
                customer_id=survey.customer_id,
                lifetime_value=lifetime_value(annual, years, ctx.value_defaults),
                asked_at=survey.asked_at,
                answered_at=survey.answered_at,
                satisfied=survey.satisfied,
                score=survey.score,
                loop_inquiry_id=survey.followup_inquiry_id,
                value_known=annual is not None,
            )
        )
    return out


def remedies_of_week(session: Session, start: datetime, end: datetime) -> list[RemedyOf]:
    """(inquiry id, customer id, remedy) for remedies dated in the week."""
    query = (
        select(RemedyRow, InquiryRow.customer_id)
        .join(InquiryRow, col(InquiryRow.id) == col(RemedyRow.inquiry_id))
        .where(col(RemedyRow.at) >= start, col(RemedyRow.at) < end)
    )
    out: list[RemedyOf] = []
    for row, customer_id in session.exec(query):
        out.append(
            (
                row.inquiry_id,
                customer_id,
                Remedy(remedy_kind_of(row.kind), row.cost, row.note, row.at),
            )
        )
    return out


def wrote_again_after_remedy(session: Session, remedies: list[RemedyOf]) -> tuple[int, ...]:
    """Inquiries from remedied customers received after their remedy (they came back)."""
    first_remedy: dict[int, datetime] = {}
    remedied_ids = {inquiry_id for inquiry_id, _, _ in remedies}
    for _, customer_id, remedy in remedies:
        assert remedy.at is not None
        first_remedy[customer_id] = min(first_remedy.get(customer_id, remedy.at), remedy.at)
    if not first_remedy:
        return ()
    query = select(InquiryRow.id, InquiryRow.customer_id, InquiryRow.received_at).where(
        col(InquiryRow.customer_id).in_(list(first_remedy)),
        col(InquiryRow.received_at) >= min(first_remedy.values()),
        col(InquiryRow.automatic_reason) == "",
    )
    return ids_of(
        inquiry_id
        for inquiry_id, customer_id, received_at in session.exec(query)
        if inquiry_id not in remedied_ids and received_at > first_remedy[customer_id]
    )

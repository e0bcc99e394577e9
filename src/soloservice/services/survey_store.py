"""Survey rows shared by the follow-ups and the pulse: the rest period, the question mail,
and a row read into a ``SurveyView``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from soloservice.channels.email.smtp import new_message_id
from soloservice.channels.email.threads import normalise_message_id
from soloservice.domain.followup import (
    FollowupSettings,
    last_asked,
    outcome_for,
)
from soloservice.domain.types import (
    Channel,
    IdentityKind,
)
from soloservice.services.context import ServiceContext
from soloservice.services.survey_dto import (
    ANSWERED,
    ASKED,
    COUNTING_STATUSES,
    FOLLOWUP,
    MAILED_CHANNELS,
    SurveyView,
)
from soloservice.storage.feedback_tables import SurveyRow
from soloservice.storage.mail_tables import MailAccountRow, OutboxRow
from soloservice.storage.tables import CustomerRow, EventRow, IdentityRow, InquiryRow

_SCORE_PARAGRAPH = re.compile(r"\b0\b.{0,80}\b10\b", re.DOTALL)


# -- shared plumbing (also used by the pulse) -------------------------------------------------


def followup_settings(ctx: ServiceContext) -> FollowupSettings:
    s = ctx.settings
    return FollowupSettings(
        delay_days=s.followup_delay_days,
        rest_period_days=s.rest_period_days,
        include_score=s.followup_include_score,
    )


def customer_last_asked(
    session: Session, customer_id: int, exclude_survey_id: int | None = None
) -> datetime | None:
    """The latest survey of any kind on any channel; a scheduled one counts from its date."""
    query = select(SurveyRow).where(
        SurveyRow.customer_id == customer_id, col(SurveyRow.status).in_(COUNTING_STATUSES)
    )
    if exclude_survey_id is not None:
        query = query.where(SurveyRow.id != exclude_survey_id)
    rows = session.exec(query).all()
    return last_asked(r.asked_at or r.scheduled_for for r in rows)


def customer_email(session: Session, customer_id: int) -> str | None:
    return session.exec(
        select(IdentityRow.value)
        .where(IdentityRow.customer_id == customer_id, IdentityRow.kind == IdentityKind.EMAIL.value)
        .order_by(col(IdentityRow.id).desc())
    ).first()


def queue_survey_mail(
    session: Session,
    ctx: ServiceContext,
    survey: SurveyRow,
    account: MailAccountRow,
    *,
    to_addr: str,
    subject: str,
    body: str,
    in_reply_to: str | None = None,
    references: Sequence[str] = (),
) -> OutboxRow:
    """Put a survey mail in the outbox (``send_pending`` sends it) and mark the survey asked.

    Written straight into the outbox table because the outbox service has no queue function
    for mail that belongs to no case (the pulse) or that is not a reply to the customer.
    """
    assert survey.id is not None
    now = ctx.now()
    message_id = normalise_message_id(new_message_id(account.email))
    assert message_id is not None
    row = OutboxRow(
        inquiry_id=survey.inquiry_id if survey.kind == FOLLOWUP else None,
        survey_id=survey.id,
        account_id=account.id,
        purpose="survey",
        to_addr=to_addr,
        subject=subject.replace("\n", " ").strip(),
        body=body.strip("\n") + "\n",
        message_id_header=message_id,
        in_reply_to=in_reply_to,
        references=" ".join(references),
        status="pending",
        created_at=now,
        next_attempt_at=now,
    )
    session.add(row)
    survey.message_id_header = message_id
    survey.status = ASKED
    survey.asked_at = now
    survey.skip_reason = ""
    return row


def without_score_question(body: str) -> str:
    """The check without its 0-10 paragraph, when the founder turned the score off."""
    paragraphs = body.split("\n\n")
    kept = [p for p in paragraphs if not _SCORE_PARAGRAPH.search(p)]
    return "\n\n".join(kept) if kept else body


def survey_view(session: Session, row: SurveyRow) -> SurveyView:
    assert row.id is not None
    customer = session.get(CustomerRow, row.customer_id)
    inquiry = session.get(InquiryRow, row.inquiry_id) if row.inquiry_id is not None else None
    channel = Channel(row.channel)
    by_mail = channel in MAILED_CHANNELS and customer_email(session, row.customer_id) is not None
    review = False
    if row.status == ANSWERED and (row.satisfied is not None or row.score is not None):
        review = outcome_for(row.satisfied, row.score).ask_for_review
    return SurveyView(
        id=row.id,
        kind=row.kind,
        status=row.status,
        customer_id=row.customer_id,
        customer_name=customer.name if customer is not None else "",
        inquiry_id=row.inquiry_id,
        subject=inquiry.subject if inquiry is not None else "",
        channel=channel,
        by_mail=by_mail,
        skip_reason=row.skip_reason,
        scheduled_for=row.scheduled_for,
        asked_at=row.asked_at,
        answered_at=row.answered_at,
        satisfied=row.satisfied,
        score=row.score,
        comment=row.comment,
        answer_text=row.answer_text,
        followup_inquiry_id=row.followup_inquiry_id,
        ask_for_review=review,
        message_id=row.message_id_header,
    )


def survey_views(session: Session, rows: Iterable[SurveyRow]) -> list[SurveyView]:
    return [survey_view(session, row) for row in rows]


def log_event(session: Session, inquiry_id: int, at: datetime, kind: str, new: str) -> None:
    session.add(EventRow(inquiry_id=inquiry_id, at=at, kind=kind, new_value=new))

"""The "are you satisfied?" check after a case, and the closed loop its answer sets off.

One table holds follow-up checks and NPS pulse questions (``SurveyRow``), so one rest period
covers both: a customer asked on the phone last month is not mailed a pulse question today.
A check that is not made is still stored, with status ``skipped`` and the reason, so the
founder can see why a customer was not asked instead of wondering whether it was forgotten.

Mail goes through the outbox table like every reply, so an offline laptop never loses a
question; the survey's Message-ID is chosen when it is queued and copied onto the survey,
which is how the customer's reply is recognised (``answer_hook``) before the ordinary
threading could take it for a new message. The question counts as asked when it is queued.

Everything an answer sets in motion happens in ``_apply`` and nowhere else: a "no" or 0-6
reopens the case with a 24-hour wall-clock call-back, 0-4 marks it at risk of a public
complaint, a "yes" or 7-10 closes it, and a promoter is suggested for a review. An answer the
reader is not sure about is never guessed: it waits as ``unclear`` for the founder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlmodel import Session, col, select

from soloservice.channels.email.parse import ParsedMail
from soloservice.channels.email.smtp import new_message_id
from soloservice.channels.email.threads import candidate_parents, case_tag, normalise_message_id
from soloservice.domain.answers import read_answer
from soloservice.domain.followup import (
    Decision,
    FollowupOutcome,
    FollowupSettings,
    check_score,
    last_asked,
    may_ask,
    outcome_for,
    schedule_check,
)
from soloservice.domain.identity import InvalidIdentity, normalise
from soloservice.domain.nps import SurveyRecord, SurveyReport, survey_stats
from soloservice.domain.templates import Template, render_template
from soloservice.domain.types import (
    Channel,
    Direction,
    IdentityKind,
    InquiryKind,
    Language,
    Status,
)
from soloservice.services.context import ServiceContext
from soloservice.services.customers import CustomerRef, surviving_customer
from soloservice.services.errors import InvalidInput, NotFound, ServiceError
from soloservice.services.inquiries import InquiryService, NewInquiry, make_snippet
from soloservice.services.outbox import NoMailAccount, pick_account
from soloservice.services.templates import TemplateService, template_values
from soloservice.storage.feedback_tables import SurveyRow
from soloservice.storage.mail_tables import MailAccountRow, MailItemRow, OutboxRow
from soloservice.storage.tables import CustomerRow, EventRow, IdentityRow, InquiryRow, MessageRow

SurveyKind = Literal["followup", "pulse"]
SurveyStatus = Literal["scheduled", "skipped", "asked", "answered", "unclear"]

FOLLOWUP = "followup"
PULSE = "pulse"
SCHEDULED = "scheduled"
SKIPPED = "skipped"
ASKED = "asked"
ANSWERED = "answered"
UNCLEAR = "unclear"
STATUSES: tuple[str, ...] = (SCHEDULED, SKIPPED, ASKED, ANSWERED, UNCLEAR)

#: Channels whose customers are asked by mail; the rest are asked in person by the founder.
MAILED_CHANNELS = frozenset({Channel.EMAIL, Channel.FORM})
#: Surveys that occupy the rest period: made, or about to be made.
COUNTING_STATUSES = (SCHEDULED, ASKED, ANSWERED, UNCLEAR)
#: Surveys still waiting for the customer's answer.
_AWAITING = (ASKED,)

_SCORE_PARAGRAPH = re.compile(r"\b0\b.{0,80}\b10\b", re.DOTALL)
UNTICKED = "the founder chose not to ask for this case"
REOPENED = "the case is open again"


# -- views --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyView:
    """One survey as the Follow-ups view, the customer card and the CLI show it."""

    id: int
    kind: str
    status: str
    customer_id: int
    customer_name: str
    inquiry_id: int | None
    subject: str
    channel: Channel
    #: asked by mail (email/form customer with an address); otherwise the founder asks
    by_mail: bool
    skip_reason: str
    scheduled_for: datetime | None
    asked_at: datetime | None
    answered_at: datetime | None
    satisfied: bool | None
    score: int | None
    comment: str
    answer_text: str
    #: the closed-loop inquiry a pulse detractor opened
    followup_inquiry_id: int | None
    #: a promoter who closed the case: suggest asking for a review or referral
    ask_for_review: bool
    message_id: str | None = None


#: ``SurveyService.list`` shadows the builtin inside the class body.
SurveyList = list[SurveyView]


@dataclass(frozen=True)
class SendSummary:
    queued: int = 0
    #: due checks of phone/social customers: the founder asks them in person
    in_person: int = 0
    skipped: int = 0
    errors: tuple[str, ...] = ()
    survey_ids: tuple[int, ...] = ()
    skip_reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnswerResult:
    """What recording an answer did: the survey afterwards and the outcome applied."""

    survey: SurveyView
    outcome: FollowupOutcome | None
    #: the inquiry reopened (follow-up) or opened (pulse detractor), if any
    closed_loop_inquiry_id: int | None = None


@dataclass(frozen=True)
class TakenAnswer:
    """A survey reply recognised by ``take_answer``; ``message_id`` is the stored message."""

    survey_id: int
    message_id: int | None
    clear: bool


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


def _view(session: Session, row: SurveyRow) -> SurveyView:
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
    return [_view(session, row) for row in rows]


def _log(session: Session, inquiry_id: int, at: datetime, kind: str, new: str) -> None:
    session.add(EventRow(inquiry_id=inquiry_id, at=at, kind=kind, new_value=new))


_PULSE_SUBJECT = {
    Language.DA: "NPS-svar: {score} ud af 10",
    Language.NB: "NPS-svar: {score} av 10",
    Language.EN: "NPS answer: {score} out of 10",
}
_UNHAPPY_SUBJECT = {
    Language.DA: "Ikke tilfreds (svar på spørgsmål)",
    Language.NB: "Ikke fornøyd (svar på spørsmål)",
    Language.EN: "Not satisfied (survey answer)",
}


# -- the service --------------------------------------------------------------------------------


class SurveyService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.inquiries = InquiryService(ctx)
        self.templates = TemplateService(ctx)

    # -- scheduling ---------------------------------------------------------------------------

    def schedule_for_resolved(self, inquiry_id: int) -> SurveyView:
        """Schedule (or record as skipped) the check for a case just resolved; one call.

        Safe to call more than once: resolving a case again moves a check that has not been
        made yet instead of stacking a second one.
        """
        with self.ctx.db.session() as session:
            row = self.schedule_in(session, self.inquiries.row(session, inquiry_id))
            return _view(session, row)

    def schedule_in(self, session: Session, inquiry: InquiryRow) -> SurveyRow:
        """As ``schedule_for_resolved``, inside the caller's transaction."""
        assert inquiry.id is not None
        now = self.ctx.now()
        existing = session.exec(
            select(SurveyRow)
            .where(SurveyRow.inquiry_id == inquiry.id, SurveyRow.kind == FOLLOWUP)
            .order_by(col(SurveyRow.id).desc())
        ).first()
        if existing is not None and existing.status in (ASKED, UNCLEAR):
            return existing  # the question is out; its answer is what matters now
        if existing is not None and existing.status in (SCHEDULED, SKIPPED):
            survey = existing
        else:
            survey = SurveyRow(
                customer_id=inquiry.customer_id,
                inquiry_id=inquiry.id,
                kind=FOLLOWUP,
                created_at=now,
            )
            session.add(survey)
        survey.channel = inquiry.channel
        survey.include_score = self.ctx.settings.followup_include_score
        survey.scheduled_for = schedule_check(
            inquiry.resolved_at or now, self.ctx.calendar, followup_settings(self.ctx)
        )
        self._decide(session, survey, inquiry, now)
        session.flush()
        return survey

    def cancel_in(self, session: Session, inquiry: InquiryRow) -> SurveyRow | None:
        """The case is open again (reopened, or its resolve undone): call off its check.

        Only a check not yet made is cancelled; it is kept as skipped with the reason (and
        moved again by ``schedule_in`` when the case is resolved anew), so it neither shows
        as due nor holds the customer's rest period. An asked or answered one stays as it is.
        """
        assert inquiry.id is not None
        survey = session.exec(
            select(SurveyRow)
            .where(
                SurveyRow.inquiry_id == inquiry.id,
                SurveyRow.kind == FOLLOWUP,
                SurveyRow.status == SCHEDULED,
            )
            .order_by(col(SurveyRow.id).desc())
        ).first()
        if survey is None:
            return None
        survey.status, survey.skip_reason = SKIPPED, REOPENED
        return survey

    def _decide(
        self, session: Session, survey: SurveyRow, inquiry: InquiryRow, now: datetime
    ) -> bool:
        customer = session.get(CustomerRow, survey.customer_id)
        assert customer is not None
        decision = may_ask(
            customer_last_asked(session, survey.customer_id, exclude_survey_id=survey.id),
            now,
            followup_settings(self.ctx),
            opted_out=customer.opted_out,
            untick=inquiry.skip_followup,
        )
        if decision.ok and (inquiry.automatic_reason or customer.sender_verdict):
            # Newsletters, lists and spam senders are not customers to ask.
            why = inquiry.automatic_reason or customer.sender_verdict.replace("_", " ")
            decision = Decision(False, f"automatic mail: {why}")
        if decision.ok and inquiry.kind == InquiryKind.PRAISE.value and survey.kind == FOLLOWUP:
            # A thank-you needs no "are you satisfied?"; it would only spend the rest period.
            decision = Decision(False, "praise: there is nothing to put right")
        survey.status = SCHEDULED if decision.ok else SKIPPED
        survey.skip_reason = "" if decision.ok else decision.reason
        return decision.ok

    def set_skip(self, inquiry_id: int, skip: bool) -> SurveyView | None:
        """The founder's untick for this case; ticking it again re-checks the other rules."""
        with self.ctx.db.session() as session:
            inquiry = self.inquiries.row(session, inquiry_id)
            inquiry.skip_followup = skip
            survey = session.exec(
                select(SurveyRow)
                .where(
                    SurveyRow.inquiry_id == inquiry_id,
                    SurveyRow.kind == FOLLOWUP,
                    col(SurveyRow.status).in_((SCHEDULED, SKIPPED)),
                )
                .order_by(col(SurveyRow.id).desc())
            ).first()
            if survey is None:
                return None
            self._decide(session, survey, inquiry, self.ctx.now())
            return _view(session, survey)

    # -- reading ------------------------------------------------------------------------------

    def get(self, survey_id: int) -> SurveyView:
        with self.ctx.db.session() as session:
            return _view(session, self._row(session, survey_id))

    def _row(self, session: Session, survey_id: int) -> SurveyRow:
        row = session.get(SurveyRow, survey_id)
        if row is None:
            raise NotFound(f"no follow-up or survey with id {survey_id}")
        return row

    def list(self, status: str | None = None, kind: str | None = None) -> SurveyList:
        """Newest first; every kind unless ``kind`` is given (unclear pulse answers too)."""
        if status is not None and status not in STATUSES:
            raise InvalidInput(f"unknown status {status!r} (use one of: {', '.join(STATUSES)})")
        if kind is not None and kind not in (FOLLOWUP, PULSE):
            raise InvalidInput(f"unknown kind {kind!r} (use followup or pulse)")
        with self.ctx.db.session() as session:
            query = select(SurveyRow)
            if status is not None:
                query = query.where(SurveyRow.status == status)
            if kind is not None:
                query = query.where(SurveyRow.kind == kind)
            rows = session.exec(query.order_by(col(SurveyRow.id).desc())).all()
            return survey_views(session, rows)

    def due(self, now: datetime | None = None) -> SurveyList:
        """Follow-up checks to make now, oldest first: mailed ones and those to ask in person."""
        moment = now or self.ctx.now()
        with self.ctx.db.session() as session:
            rows = session.exec(
                select(SurveyRow)
                .where(
                    SurveyRow.kind == FOLLOWUP,
                    SurveyRow.status == SCHEDULED,
                    col(SurveyRow.scheduled_for) <= moment,
                )
                .order_by(col(SurveyRow.scheduled_for), col(SurveyRow.id))
            ).all()
            return survey_views(session, rows)

    def for_inquiry(self, inquiry_id: int) -> SurveyList:
        with self.ctx.db.session() as session:
            rows = session.exec(
                select(SurveyRow)
                .where(SurveyRow.inquiry_id == inquiry_id)
                .order_by(col(SurveyRow.id))
            ).all()
            return survey_views(session, rows)

    def customer_history(self, customer_id: int) -> SurveyList:
        """Every survey of a customer over time (skipped ones left out), oldest first."""
        with self.ctx.db.session() as session:
            if session.get(CustomerRow, customer_id) is None:
                raise NotFound(f"no customer with id {customer_id}")
            rows = session.exec(
                select(SurveyRow)
                .where(SurveyRow.customer_id == customer_id, SurveyRow.status != SKIPPED)
                .order_by(col(SurveyRow.asked_at), col(SurveyRow.id))
            ).all()
            return survey_views(session, rows)

    def stats(self, start: datetime, end: datetime, kind: str = FOLLOWUP) -> SurveyReport:
        """Satisfaction rate, response rate and NPS per channel and in total, for the review.

        Follow-ups by default: the pulse measures something else and is reported apart.
        """
        with self.ctx.db.session() as session:
            rows = session.exec(
                select(SurveyRow).where(
                    SurveyRow.kind == kind, col(SurveyRow.asked_at).is_not(None)
                )
            ).all()
            records = [
                SurveyRecord(
                    asked_at=r.asked_at,
                    channel=Channel(r.channel),
                    answered_at=r.answered_at,
                    satisfied=r.satisfied if r.answered_at is not None else None,
                    score=r.score if r.answered_at is not None else None,
                    id=r.id,
                    customer_id=r.customer_id,
                )
                for r in rows
                if r.asked_at is not None
            ]
        return survey_stats(records, start, end)

    # -- asking -------------------------------------------------------------------------------

    def send_due(self, account_name: str | None = None) -> SendSummary:
        """Queue every due mailed check in the outbox; phone and social ones stay due.

        Each check is looked at again first: an opt-out or a survey made since it was
        scheduled (a pulse, a phone answer) skips it with the reason.
        """
        now = self.ctx.now()
        # Loaded before the transaction: the template service opens its own session.
        templates = {lang: self.templates.find("satisfied", lang) for lang in Language}
        queued: list[int] = []
        reasons: list[str] = []
        errors: list[str] = []
        in_person = skipped = 0
        with self.ctx.db.session() as session:
            due = session.exec(
                select(SurveyRow)
                .where(
                    SurveyRow.kind == FOLLOWUP,
                    SurveyRow.status == SCHEDULED,
                    col(SurveyRow.scheduled_for) <= now,
                )
                .order_by(col(SurveyRow.scheduled_for), col(SurveyRow.id))
            ).all()
            for survey in due:
                assert survey.id is not None
                inquiry = session.get(InquiryRow, survey.inquiry_id) if survey.inquiry_id else None
                if inquiry is None:
                    survey.status, survey.skip_reason = SKIPPED, "the case was deleted"
                    skipped += 1
                    continue
                if inquiry.status not in (Status.RESOLVED.value, Status.CLOSED.value):
                    # Reopened (or the resolve was undone) since: ask when it is resolved again.
                    survey.status, survey.skip_reason = SKIPPED, REOPENED
                    skipped += 1
                    continue
                if not self._decide(session, survey, inquiry, now):
                    skipped += 1
                    reasons.append(f"follow-up {survey.id}: {survey.skip_reason}")
                    continue
                to_addr = customer_email(session, survey.customer_id)
                if Channel(survey.channel) not in MAILED_CHANNELS or to_addr is None:
                    in_person += 1
                    continue
                try:
                    with session.begin_nested():
                        self._queue_check(
                            session, survey, inquiry, to_addr, account_name, templates
                        )
                except (NoMailAccount, NotFound):
                    raise  # nothing can be sent at all: change nothing, say it once
                except ServiceError as exc:
                    errors.append(f"follow-up {survey.id}: {exc}")
                    continue
                queued.append(survey.id)
        return SendSummary(
            queued=len(queued),
            in_person=in_person,
            skipped=skipped,
            errors=tuple(errors),
            survey_ids=tuple(queued),
            skip_reasons=tuple(reasons),
        )

    def _queue_check(
        self,
        session: Session,
        survey: SurveyRow,
        inquiry: InquiryRow,
        to_addr: str,
        account_name: str | None,
        templates: dict[Language, Template],
    ) -> None:
        assert inquiry.id is not None
        messages = session.exec(
            select(MessageRow)
            .where(MessageRow.inquiry_id == inquiry.id, MessageRow.direction != Direction.NOTE)
            .order_by(col(MessageRow.sent_at), col(MessageRow.id))
        ).all()
        references = list(dict.fromkeys(m.external_id for m in messages if m.external_id))
        inbound = [m for m in messages if m.direction == Direction.IN.value and m.external_id]
        in_reply_to = inbound[-1].external_id if inbound else None
        thread_account = session.exec(
            select(MailItemRow.account_id)
            .where(
                col(MailItemRow.message_row_id).in_([m.id for m in messages if m.id]),
                col(MailItemRow.account_id).is_not(None),
            )
            .order_by(col(MailItemRow.id).desc())
        ).first()
        account = pick_account(session, account_name, thread_account)
        detail = self.inquiries.detail_of(session, inquiry)
        template = templates[detail.customer.language]
        rendered = render_template(template, template_values(self.ctx, detail))
        body = rendered.body if survey.include_score else without_score_question(rendered.body)
        subject = rendered.subject
        if case_tag(inquiry.id) not in subject:
            subject = f"{subject} {case_tag(inquiry.id)}".strip()
        queue_survey_mail(
            session,
            self.ctx,
            survey,
            account,
            to_addr=to_addr,
            subject=subject,
            body=body,
            in_reply_to=in_reply_to,
            references=references[-20:],
        )
        _log(session, inquiry.id, self.ctx.now(), "followup", "asked by mail")

    # -- answers ------------------------------------------------------------------------------

    def record_answer(
        self,
        survey_id: int,
        satisfied: bool | None,
        score: int | None = None,
        comment: str = "",
        channel: Channel | None = None,
    ) -> AnswerResult:
        """An answer the founder got in person, on the phone or on a platform."""
        _check_answer(satisfied, score)
        with self.ctx.db.session() as session:
            survey = self._row(session, survey_id)
            if survey.status == SKIPPED:
                raise InvalidInput(
                    f"follow-up {survey_id} was skipped ({survey.skip_reason}); nothing to record"
                )
            if survey.status == ANSWERED:
                raise InvalidInput(f"follow-up {survey_id} is already answered")
            now = self.ctx.now()
            if channel is not None:
                survey.channel = channel.value
            if survey.asked_at is None:
                survey.asked_at = now  # asked in person, just now
            survey.answer_text = comment.strip()
            return self._apply(session, survey, satisfied, score, comment.strip(), now)

    def classify_unclear(
        self, survey_id: int, satisfied: bool | None, score: int | None = None
    ) -> AnswerResult:
        """The founder's reading of a reply the reader would not guess at."""
        _check_answer(satisfied, score)
        with self.ctx.db.session() as session:
            survey = self._row(session, survey_id)
            if survey.status != UNCLEAR:
                raise InvalidInput(
                    f"survey {survey_id} is {survey.status}; only unclear answers are classified"
                )
            answered = survey.answered_at or self.ctx.now()
            return self._apply(session, survey, satisfied, score, survey.comment, answered)

    def answer_hook(self, session: Session, parsed: ParsedMail) -> bool:
        """For the mail ingest, before threading: True when ``parsed`` answers a survey.

        The answer is then recorded and, for a follow-up, the reply is stored as an inbound
        message on its inquiry (never as a new inquiry); the caller must not thread it again.
        """
        return self.take_answer(session, parsed) is not None

    def take_answer(self, session: Session, parsed: ParsedMail) -> TakenAnswer | None:
        """``answer_hook`` with what it stored, so the ingest can link its ledger item."""
        if parsed.is_auto:
            return None  # an out-of-office reply answers nothing
        candidates = candidate_parents(parsed)
        if not candidates:
            return None
        survey = session.exec(
            select(SurveyRow)
            .where(col(SurveyRow.message_id_header).in_(candidates))
            .order_by(col(SurveyRow.id).desc())
        ).first()
        if survey is None or survey.status not in _AWAITING:
            return None  # a second mail after the answer is a normal message
        if not self._from_surveyed_customer(session, survey, parsed):
            return None  # someone else replying (a forward, a colleague): a normal message
        assert survey.id is not None
        customer = session.get(CustomerRow, survey.customer_id)
        language = Language(customer.language) if customer is not None else None
        now = self.ctx.now()
        answered = min(parsed.date, now)
        answer = read_answer(parsed.text, language)
        survey.answer_text = parsed.text
        message_id: int | None = None
        inquiry = session.get(InquiryRow, survey.inquiry_id) if survey.inquiry_id else None
        if inquiry is not None and inquiry.id is not None:
            message = MessageRow(
                inquiry_id=inquiry.id,
                direction=Direction.IN.value,
                channel=Channel.EMAIL.value,
                author=parsed.from_name or parsed.from_addr,
                text=parsed.text,
                html=parsed.html,
                sent_at=parsed.date,
                external_id=parsed.message_id,
            )
            session.add(message)
            session.flush()
            message_id = message.id
            inquiry.last_activity_at = max(inquiry.last_activity_at, parsed.date)
        clear = answer.is_clear and (answer.satisfied is not None or answer.score is not None)
        if clear:
            self._apply(
                session, survey, answer.satisfied, answer.score, answer.comment, answered,
                external_id=parsed.message_id,
            )  # fmt: skip
        else:
            survey.status = UNCLEAR
            survey.answered_at = answered
            survey.comment = answer.comment
            survey.skip_reason = answer.reason
            if inquiry is not None and inquiry.id is not None:
                _log(session, inquiry.id, now, "followup", f"unclear answer: {answer.reason}")
        return TakenAnswer(survey_id=survey.id, message_id=message_id, clear=clear)

    def _from_surveyed_customer(
        self, session: Session, survey: SurveyRow, parsed: ParsedMail
    ) -> bool:
        """Whether From or Reply-To is an email identity of the customer who was asked.

        Merges are followed both ways: the identity's owner and the survey's customer are
        compared as the customers that survived, so an answer from an address merged in
        later still counts. Anyone else's reply is not their answer.
        """
        try:
            asked = surviving_customer(session, survey.customer_id).id
        except NotFound:
            return False
        for address in (parsed.from_addr, parsed.reply_to):
            if not address:
                continue
            try:
                value = normalise(IdentityKind.EMAIL, address, self.ctx.settings.phone_region)
            except InvalidIdentity:
                continue
            owner = session.exec(
                select(IdentityRow.customer_id).where(
                    IdentityRow.kind == IdentityKind.EMAIL.value, IdentityRow.value == value
                )
            ).first()
            if owner is None:
                continue
            try:
                if surviving_customer(session, owner).id == asked:
                    return True
            except NotFound:
                continue
        return False

    # -- the closed loop ----------------------------------------------------------------------

    def _apply(
        self,
        session: Session,
        survey: SurveyRow,
        satisfied: bool | None,
        score: int | None,
        comment: str,
        answered_at: datetime,
        *,
        external_id: str | None = None,
    ) -> AnswerResult:
        outcome = outcome_for(satisfied, score)
        survey.status = ANSWERED
        survey.satisfied = satisfied
        survey.score = score
        survey.comment = comment
        survey.answered_at = answered_at
        survey.skip_reason = ""
        now = self.ctx.now()
        loop_id: int | None = None
        inquiry = session.get(InquiryRow, survey.inquiry_id) if survey.inquiry_id else None
        if survey.kind == FOLLOWUP and inquiry is not None:
            assert inquiry.id is not None
            _log(session, inquiry.id, now, "followup", outcome.reason)
            if outcome.reopen:
                self._reopen(session, inquiry, outcome, answered_at)
                loop_id = inquiry.id
            elif outcome.close and inquiry.status == Status.RESOLVED.value:
                self.inquiries.set_status_in(session, inquiry, Status.CLOSED)
        elif survey.kind == PULSE and outcome.reopen:
            loop_id = self._open_pulse_case(
                session, survey, outcome, answered_at, score, comment, external_id
            )
        session.flush()
        return AnswerResult(_view(session, survey), outcome, loop_id)

    def _reopen(
        self, session: Session, inquiry: InquiryRow, outcome: FollowupOutcome, at: datetime
    ) -> None:
        due = outcome.callback_due(at)
        if Status(inquiry.status) not in (Status.NEW, Status.OPEN):
            self.inquiries.set_status_in(session, inquiry, Status.OPEN)
        inquiry.reopened_count += 1
        inquiry.closed_loop = True
        inquiry.at_risk_public = inquiry.at_risk_public or outcome.at_risk_public
        inquiry.snoozed_until = None
        # An unhappy answer is a customer message owing a call-back (the reply promise).
        inquiry.needs_reply_since = inquiry.needs_reply_since or at
        inquiry.due_at = due

    def _open_pulse_case(
        self,
        session: Session,
        survey: SurveyRow,
        outcome: FollowupOutcome,
        at: datetime,
        score: int | None,
        comment: str,
        external_id: str | None,
    ) -> int:
        customer = session.get(CustomerRow, survey.customer_id)
        assert customer is not None and customer.id is not None
        language = Language(customer.language)
        subject = (
            _PULSE_SUBJECT[language].format(score=score)
            if score is not None
            else _UNHAPPY_SUBJECT[language]
        )
        text = survey.answer_text.strip() or comment or subject
        row = self.inquiries.create_in(
            session,
            NewInquiry(
                customer=CustomerRef(customer_id=customer.id),
                channel=Channel.EMAIL,
                subject=subject,
                text=text,
                kind=InquiryKind.COMPLAINT,
                received_at=at,
                author=customer.name,
                external_id=external_id,
                tags=("nps-pulse",),
            ),
        )
        assert row.id is not None
        row.snippet = make_snippet(comment or text)
        row.closed_loop = True
        row.at_risk_public = outcome.at_risk_public
        row.due_at = outcome.callback_due(at)
        survey.followup_inquiry_id = row.id
        _log(session, row.id, self.ctx.now(), "pulse", outcome.reason)
        return row.id


def _check_answer(satisfied: bool | None, score: int | None) -> None:
    if satisfied is None and score is None:
        raise InvalidInput("an answer needs a yes/no or a score 0-10")
    try:
        check_score(score)
    except (TypeError, ValueError) as exc:
        raise InvalidInput(str(exc)) from exc

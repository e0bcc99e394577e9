"""The "are you satisfied?" check after a case, and the closed loop its answer sets off.

One table holds follow-up checks and NPS pulse questions (``SurveyRow``), so one rest period
covers both: a customer asked on the phone last month is not mailed a pulse question today.
A check that is not made is still stored, with status ``skipped`` and the reason, so the
founder can see why a customer was not asked instead of wondering whether it was forgotten.

Mail goes through the outbox table like every reply, so an offline laptop never loses a
question; the survey's Message-ID is chosen when it is queued and copied onto the survey,
which is how the customer's reply is recognised (``answer_hook``) before the ordinary
threading could take it for a new message. The question counts as asked when it is queued.

What an answer sets in motion (the closed loop) is ``services/followup_answers.py``; the
states and records are ``services/survey_dto.py``, the rows shared with the pulse
``services/survey_store.py``.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from soloservice.channels.email.threads import case_tag
from soloservice.domain.followup import (
    Decision,
    may_ask,
    schedule_check,
)
from soloservice.domain.nps import SurveyRecord, SurveyReport, survey_stats
from soloservice.domain.templates import Template, render_template
from soloservice.domain.types import (
    Channel,
    Direction,
    InquiryKind,
    Language,
    Status,
)
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput, NotFound, ServiceError
from soloservice.services.followup_answers import SurveyAnswers
from soloservice.services.inquiries import InquiryService
from soloservice.services.outbox_dto import NoMailAccount
from soloservice.services.outbox_thread import account_of_thread, pick_account, thread_messages
from soloservice.services.rows import row_or_not_found
from soloservice.services.survey_dto import (
    ASKED,
    FOLLOWUP,
    MAILED_CHANNELS,
    PULSE,
    REOPENED,
    SCHEDULED,
    SKIPPED,
    STATUSES,
    UNCLEAR,
    SendSummary,
    SurveyList,
    SurveyView,
)
from soloservice.services.survey_store import (
    customer_email,
    customer_last_asked,
    followup_settings,
    log_event,
    queue_survey_mail,
    survey_view,
    survey_views,
    without_score_question,
)
from soloservice.services.templates import TemplateService, template_values
from soloservice.storage.feedback_tables import SurveyRow
from soloservice.storage.tables import CustomerRow, InquiryRow

# -- the service --------------------------------------------------------------------------------


class SurveyService(SurveyAnswers):
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
            return survey_view(session, row)

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
        # The rest period is about when the customer is asked, so it is judged at the moment
        # the check is due, not when the case is resolved: a check due the day the rest period
        # ends is made (send_due looks again then, with whatever was asked in between).
        asked_at = max(now, survey.scheduled_for) if survey.scheduled_for is not None else now
        decision = may_ask(
            customer_last_asked(session, survey.customer_id, exclude_survey_id=survey.id),
            asked_at,
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
            return survey_view(session, survey)

    # -- reading ------------------------------------------------------------------------------

    def get(self, survey_id: int) -> SurveyView:
        with self.ctx.db.session() as session:
            return survey_view(session, self._row(session, survey_id))

    def _row(self, session: Session, survey_id: int) -> SurveyRow:
        return row_or_not_found(session, SurveyRow, survey_id, "follow-up or survey")

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
            return survey_views(session, _due_checks(session, moment))

    def for_inquiry(self, inquiry_id: int) -> SurveyList:
        with self.ctx.db.read_session() as session:  # the GUI thread asks: never lock
            rows = session.exec(
                select(SurveyRow)
                .where(SurveyRow.inquiry_id == inquiry_id)
                .order_by(col(SurveyRow.id))
            ).all()
            return survey_views(session, rows)

    def customer_history(self, customer_id: int) -> SurveyList:
        """Every survey of a customer over time (skipped ones left out), oldest first."""
        with self.ctx.db.read_session() as session:
            row_or_not_found(session, CustomerRow, customer_id, "customer")
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
            due = _due_checks(session, now)
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
        messages = thread_messages(session, inquiry.id)
        references = list(dict.fromkeys(m.external_id for m in messages if m.external_id))
        inbound = [m for m in messages if m.direction == Direction.IN.value and m.external_id]
        in_reply_to = inbound[-1].external_id if inbound else None
        thread_account = account_of_thread(session, [m.id for m in messages if m.id])
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
        log_event(session, inquiry.id, self.ctx.now(), "followup", "asked by mail")


def _due_checks(session: Session, moment: datetime) -> list[SurveyRow]:
    """Follow-up checks scheduled for ``moment`` or earlier, oldest first."""
    return list(
        session.exec(
            select(SurveyRow)
            .where(
                SurveyRow.kind == FOLLOWUP,
                SurveyRow.status == SCHEDULED,
                col(SurveyRow.scheduled_for) <= moment,
            )
            .order_by(col(SurveyRow.scheduled_for), col(SurveyRow.id))
        ).all()
    )

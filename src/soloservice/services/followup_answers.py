"""Survey answers and the closed loop they set off, mixed into ``SurveyService``.

Everything an answer sets in motion happens in ``_apply`` and nowhere else: a "no" or 0-6
reopens the case with a 24-hour wall-clock call-back, 0-4 marks it at risk of a public
complaint, a "yes" or 7-10 closes it, and a promoter is suggested for a review. An answer the
reader is not sure about is never guessed: it waits as ``unclear`` for the founder.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from soloservice.channels.email.parse import ParsedMail
from soloservice.channels.email.threads import candidate_parents
from soloservice.domain.answers import read_answer
from soloservice.domain.followup import (
    FollowupOutcome,
    check_score,
    outcome_for,
)
from soloservice.domain.identity import InvalidIdentity, normalise
from soloservice.domain.types import (
    Channel,
    Direction,
    IdentityKind,
    InquiryKind,
    Language,
    Status,
)
from soloservice.services.context import ServiceContext
from soloservice.services.customer_identity import CustomerRef, surviving_customer
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.inquiries import InquiryService, NewInquiry, make_snippet
from soloservice.services.survey_dto import (
    ANSWERED,
    AWAITING,
    FOLLOWUP,
    PULSE,
    SKIPPED,
    UNCLEAR,
    AnswerResult,
    TakenAnswer,
)
from soloservice.services.survey_store import log_event, survey_view
from soloservice.storage.feedback_tables import SurveyRow
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow, MessageRow

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


class SurveyAnswers:
    """Needs the host's ``ctx``, ``inquiries`` and ``_row`` (``SurveyService``)."""

    ctx: ServiceContext
    inquiries: InquiryService

    if TYPE_CHECKING:  # provided by SurveyService, the class this is mixed into

        def _row(self, session: Session, survey_id: int) -> SurveyRow: ...

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
        if survey is None or survey.status not in AWAITING:
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
                log_event(session, inquiry.id, now, "followup", f"unclear answer: {answer.reason}")
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
            log_event(session, inquiry.id, now, "followup", outcome.reason)
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
        return AnswerResult(survey_view(session, survey), outcome, loop_id)

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
        log_event(session, row.id, self.ctx.now(), "pulse", outcome.reason)
        return row.id


def _check_answer(satisfied: bool | None, score: int | None) -> None:
    if satisfied is None and score is None:
        raise InvalidInput("an answer needs a yes/no or a score 0-10")
    try:
        check_score(score)
    except (TypeError, ValueError) as exc:
        raise InvalidInput(str(exc)) from exc

"""The NPS pulse: a few customers asked every month, so the silent unhappy ones are heard.

Only 5-10 % of unhappy customers complain; the pulse asks the rest before they leave. The
founder sees the month's proposal and sends it with one action. The question goes by mail
and is answered by replying with a number: no rating links, because mail link-scanners click
them and record false scores. Answers come back through the same ``answer_hook`` as the
follow-up checks; a detractor opens a closed-loop case (see ``services/followups.py``).

Pulse NPS is reported on its own, per month with the number of answers behind it: it measures
the customer base, while post-complaint satisfaction measures how cases were handled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time
from types import MappingProxyType

from sqlalchemy import func
from sqlmodel import Session, col, select

from soloservice.domain.pulse import (
    MAX_REPORT_MONTHS,
    MonthFigure,
    PulseCandidate,
    exclusion_reason,
    monthly_nps,
)
from soloservice.domain.pulse import propose as propose_ids
from soloservice.domain.templates import Template, first_name, render_template
from soloservice.domain.types import OPEN_STATUSES, IdentityKind, InquiryKind, Language
from soloservice.domain.value import lifetime_value
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.outbox_dto import NoMailAccount
from soloservice.services.outbox_thread import pick_account
from soloservice.services.survey_dto import ASKED, COUNTING_STATUSES, PULSE, SendSummary, SurveyView
from soloservice.services.survey_store import queue_survey_mail, survey_views
from soloservice.services.templates import TemplateService, sender_values
from soloservice.storage.feedback_tables import SurveyRow
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow

PULSE_TEMPLATE_KEY = "pulse"

_TEXTS: MappingProxyType[Language, tuple[str, str]] = MappingProxyType(
    {
        Language.DA: (
            "Et kort spørgsmål fra {business.name|os}",
            "Hej {customer.first_name|}\n\n"
            "Hvor sandsynligt er det, at du vil anbefale {business.name|os} til en ven eller "
            "kollega?\n\n"
            "Svar blot på denne mail med et tal fra 0 til 10, hvor 0 er slet ikke sandsynligt, "
            "og 10 er meget sandsynligt. Skriv gerne et par ord om hvorfor – vi læser hvert "
            "eneste svar.\n\n"
            "Venlig hilsen\n{founder.name}\n{business.name}",
        ),
        Language.NB: (
            "Et kort spørsmål fra {business.name|oss}",
            "Hei {customer.first_name|}\n\n"
            "Hvor sannsynlig er det at du vil anbefale {business.name|oss} til en venn eller "
            "kollega?\n\n"
            "Svar bare på denne e-posten med et tall fra 0 til 10, der 0 er svært lite "
            "sannsynlig og 10 er svært sannsynlig. Skriv gjerne noen ord om hvorfor – vi leser "
            "hvert eneste svar.\n\n"
            "Vennlig hilsen\n{founder.name}\n{business.name}",
        ),
        Language.EN: (
            "A quick question from {business.name|us}",
            "Hi {customer.first_name|there},\n\n"
            "How likely are you to recommend {business.name|us} to a friend or colleague?\n\n"
            "Just reply to this email with a number from 0 to 10, where 0 is not at all likely "
            "and 10 is extremely likely. A few words on why are very welcome – we read every "
            "answer.\n\n"
            "Kind regards,\n{founder.name}\n{business.name}",
        ),
    }
)

#: The built-in pulse question; a founder's own template with key "pulse" wins over it.
BUILTIN_PULSE: tuple[Template, ...] = tuple(
    Template(
        key=PULSE_TEMPLATE_KEY,
        name="NPS pulse",
        language=language,
        subject=subject,
        body=body,
        builtin=True,
    )
    for language, (subject, body) in _TEXTS.items()
)


@dataclass(frozen=True)
class PulseProposal:
    customer_id: int
    name: str
    email: str
    last_asked_at: datetime | None
    lifetime_value: float
    language: Language = Language.DA


@dataclass(frozen=True)
class PulseReport:
    """Monthly pulse NPS, oldest month first, and the answers behind the whole period."""

    months: tuple[MonthFigure, ...]
    answers: int
    asked: int

    @property
    def nps(self) -> float | None:
        scored = [m for m in self.months if m.answers]
        total = sum(m.answers for m in scored)
        if total == 0:
            return None
        promoters = sum(m.promoters for m in scored)
        detractors = sum(m.detractors for m in scored)
        return 100.0 * (promoters - detractors) / total


def _month_start(now: datetime, ctx: ServiceContext) -> datetime:
    local = now.astimezone(ctx.tz)
    first = datetime.combine(local.date().replace(day=1), time(0), ctx.tz)
    return first.astimezone(UTC)


class PulseService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.templates = TemplateService(ctx)

    # -- choosing -----------------------------------------------------------------------------

    def _candidates(self, session: Session) -> dict[int, tuple[PulseCandidate, CustomerRow, str]]:
        customers = session.exec(
            select(CustomerRow).where(col(CustomerRow.merged_into_id).is_(None))
        ).all()
        emails: dict[int, str] = {}
        for identity in session.exec(
            select(IdentityRow)
            .where(IdentityRow.kind == IdentityKind.EMAIL.value)
            .order_by(col(IdentityRow.id))
        ):
            emails[identity.customer_id] = identity.value  # the newest address wins
        complaints = set(
            session.exec(
                select(InquiryRow.customer_id).where(
                    InquiryRow.kind == InquiryKind.COMPLAINT.value,
                    col(InquiryRow.status).in_([s.value for s in OPEN_STATUSES]),
                )
            ).all()
        )
        latest: dict[int, datetime] = {}
        for survey in session.exec(
            select(SurveyRow).where(col(SurveyRow.status).in_(COUNTING_STATUSES))
        ):
            moment = survey.asked_at or survey.scheduled_for
            if moment is not None and (
                survey.customer_id not in latest or moment > latest[survey.customer_id]
            ):
                latest[survey.customer_id] = moment
        result: dict[int, tuple[PulseCandidate, CustomerRow, str]] = {}
        for customer in customers:
            assert customer.id is not None
            candidate = PulseCandidate(
                customer_id=customer.id,
                has_email=customer.id in emails,
                opted_out=customer.opted_out,
                last_asked_at=latest.get(customer.id),
                has_open_complaint=customer.id in complaints,
                lifetime_value=lifetime_value(
                    customer.annual_value, customer.expected_years, self.ctx.value_defaults
                ),
                customer_since=(
                    customer.customer_since.date() if customer.customer_since else None
                ),
            )
            result[customer.id] = (candidate, customer, emails.get(customer.id, ""))
        return result

    def _not_customers(self, session: Session) -> dict[int, str]:
        """Who is no customer to ask: a sender the founder called spam or not a customer, or
        someone whose every inquiry is automatic mail (a newsletter, a no-reply sender)."""
        out: dict[int, str] = {
            cid: f"sender marked as {verdict.replace('_', ' ')}"
            for cid, verdict in session.exec(
                select(CustomerRow.id, CustomerRow.sender_verdict).where(
                    CustomerRow.sender_verdict != ""
                )
            )
            if cid is not None
        }
        real = set(
            session.exec(select(InquiryRow.customer_id).where(InquiryRow.automatic_reason == ""))
        )
        for cid in session.exec(
            select(InquiryRow.customer_id).where(InquiryRow.automatic_reason != "").distinct()
        ):
            if cid not in real:
                out.setdefault(cid, "only automatic mail (newsletter, list or no-reply)")
        return out

    def _asked_this_month(self, session: Session, now: datetime) -> int:
        count = session.exec(
            select(func.count())
            .select_from(SurveyRow)
            .where(
                SurveyRow.kind == PULSE,
                col(SurveyRow.asked_at) >= _month_start(now, self.ctx),
                col(SurveyRow.asked_at) <= now,
            )
        ).one()
        return int(count)

    def propose(self, now: datetime | None = None) -> list[PulseProposal]:
        """This month's customers to ask: the quota minus those asked already this month."""
        moment = now or self.ctx.now()
        settings = self.ctx.settings
        share = settings.pulse_share
        with self.ctx.db.session() as session:
            candidates = self._candidates(session)
            excluded = self._not_customers(session)
            ids = propose_ids(
                [c for c, _row, _email in candidates.values() if c.customer_id not in excluded],
                now=moment,
                how_many=None if share is not None else max(0, settings.pulse_per_month),
                share=share,
                rest_period_days=settings.rest_period_days,
                already_asked_this_month=self._asked_this_month(session, moment),
            )
        return [
            PulseProposal(
                customer_id=cid,
                name=candidates[cid][1].name,
                email=candidates[cid][2],
                last_asked_at=candidates[cid][0].last_asked_at,
                lifetime_value=candidates[cid][0].lifetime_value,
                language=Language(candidates[cid][1].language),
            )
            for cid in ids
        ]

    # -- asking -------------------------------------------------------------------------------

    def template_for(self, language: Language) -> Template:
        """The founder's own "pulse" template in that language, else the built-in."""
        for info in self.templates.all(language):
            if info.template.key == PULSE_TEMPLATE_KEY and not info.template.builtin:
                return info.template
        return next(t for t in BUILTIN_PULSE if t.language is language)

    def send(
        self, customer_ids: Sequence[int] | None = None, account_name: str | None = None
    ) -> SendSummary:
        """Queue the 0-10 question for these customers (default: this month's proposal).

        Each one is checked again (opt-out, rest period, open complaint, an address); the
        founder's picks beyond the monthly quota are respected.
        """
        if customer_ids is None:
            customer_ids = [p.customer_id for p in self.propose()]
        wanted = list(dict.fromkeys(customer_ids))
        templates = {language: self.template_for(language) for language in Language}
        now = self.ctx.now()
        settings = self.ctx.settings
        queued: list[int] = []
        reasons: list[str] = []
        with self.ctx.db.session() as session:
            candidates = self._candidates(session)
            missing = [cid for cid in wanted if cid not in candidates]
            if missing:
                raise NotFound(f"no customer with id {missing[0]}")
            if not wanted:
                return SendSummary()
            account = pick_account(session, account_name)
            excluded = self._not_customers(session)
            for cid in wanted:
                candidate, customer, email = candidates[cid]
                why = excluded.get(cid) or exclusion_reason(
                    candidate, now=now, rest_period_days=settings.rest_period_days
                )
                if why is not None:
                    reasons.append(f"customer {cid} ({customer.name}): {why}")
                    continue
                survey = SurveyRow(
                    customer_id=cid,
                    kind=PULSE,
                    status=ASKED,
                    channel=settings.pulse_channel,
                    include_score=True,
                    created_at=now,
                )
                session.add(survey)
                session.flush()
                assert survey.id is not None
                template = templates[Language(customer.language)]
                rendered = render_template(template, self._values(customer, email))
                queue_survey_mail(
                    session,
                    self.ctx,
                    survey,
                    account,
                    to_addr=email,
                    subject=rendered.subject,
                    body=rendered.body,
                )
                queued.append(survey.id)
        return SendSummary(
            queued=len(queued),
            skipped=len(reasons),
            survey_ids=tuple(queued),
            skip_reasons=tuple(reasons),
        )

    def _values(self, customer: CustomerRow, email: str) -> dict[str, str | None]:
        return {
            "customer.name": customer.name or None,
            "customer.first_name": first_name(customer.name),
            "customer.email": email,
            **sender_values(self.ctx.settings),
        }

    # -- reading ------------------------------------------------------------------------------

    def list(self, status: str | None = None) -> list[SurveyView]:
        with self.ctx.db.session() as session:
            query = select(SurveyRow).where(SurveyRow.kind == PULSE)
            if status is not None:
                query = query.where(SurveyRow.status == status)
            rows = session.exec(query.order_by(col(SurveyRow.id).desc())).all()
            return survey_views(session, rows)

    def report(self, now: datetime | None = None, months: int = 12) -> PulseReport:
        """Pulse NPS per local calendar month, with the answers behind each figure."""
        if months < 1:
            raise InvalidInput("a report covers at least one month")
        if months > MAX_REPORT_MONTHS:
            raise InvalidInput(f"a report covers at most {MAX_REPORT_MONTHS} months (ten years)")
        moment = now or self.ctx.now()
        with self.ctx.db.session() as session:
            rows = session.exec(select(SurveyRow).where(SurveyRow.kind == PULSE)).all()
        figures = monthly_nps(
            [r for r in rows if r.status == "answered"],
            now=moment,
            timezone=self.ctx.settings.timezone,
            months=months,
        )
        first = figures[0].month
        asked = sum(
            1
            for r in rows
            if r.asked_at is not None
            and f"{r.asked_at.astimezone(self.ctx.tz):%Y-%m}" >= first
            and r.asked_at <= moment
        )
        return PulseReport(
            months=tuple(figures), answers=sum(f.answers for f in figures), asked=asked
        )


__all__ = [
    "BUILTIN_PULSE",
    "NoMailAccount",
    "PulseProposal",
    "PulseReport",
    "PulseService",
]

"""Remedies on a case, their cost next to what the customer is worth, and what they bought.

A 200 kr remedy is peanuts next to a customer worth 100,000 kr; the founder sees both numbers
when deciding. The weekly review then asks whether remedies worked: did those customers say
they were satisfied, and did they come back (wrote again, after the remedy)?
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, select

from soloservice.domain.remedies import (
    Remedy,
    RemedyKind,
    cost_per_kind,
    count_per_kind,
    remedy_vs_value_text,
    total_cost,
)
from soloservice.domain.types import Direction
from soloservice.domain.value import lifetime_value
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput
from soloservice.services.rows import row_or_not_found
from soloservice.services.survey_dto import ANSWERED, FOLLOWUP
from soloservice.storage.feedback_tables import RemedyRow, SurveyRow
from soloservice.storage.tables import CustomerRow, InquiryRow, MessageRow


@dataclass(frozen=True)
class RemedyView:
    id: int
    inquiry_id: int
    kind: RemedyKind
    label: str
    cost: float
    note: str
    at: datetime


@dataclass(frozen=True)
class RemedySummary:
    """What the inquiry pane shows: "remedy 250 kr — customer worth 100.000 kr"."""

    inquiry_id: int
    customer_id: int
    remedies: tuple[RemedyView, ...]
    total_cost: float
    lifetime_value: float
    text: str


@dataclass(frozen=True)
class RemedyWeek:
    """Remedies dated in ``[start, end)`` and how the customers who got them responded."""

    start: datetime
    end: datetime
    total_cost: float
    cost_per_kind: dict[RemedyKind, float]
    count_per_kind: dict[RemedyKind, int]
    customers: int
    #: follow-up answers with a yes/no from those customers about the remedied cases
    followup_answers: int
    followup_satisfied: int
    #: customers who wrote again after their remedy: a new inquiry, or a message on another
    #: case. Messages on the remedied case itself (thanks, the follow-up answer) don't count.
    wrote_again: int
    customer_ids: tuple[int, ...] = ()
    wrote_again_ids: tuple[int, ...] = ()

    @property
    def satisfied_rate(self) -> float | None:
        if self.followup_answers == 0:
            return None
        return 100.0 * self.followup_satisfied / self.followup_answers


def parse_kind(text: str | RemedyKind) -> RemedyKind:
    if isinstance(text, RemedyKind):
        return text
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return RemedyKind(key)
    except ValueError:
        allowed = ", ".join(k.value for k in RemedyKind)
        raise InvalidInput(f"unknown remedy kind {text!r} (use one of: {allowed})") from None


def _view(row: RemedyRow) -> RemedyView:
    assert row.id is not None
    kind = RemedyKind(row.kind)
    return RemedyView(row.id, row.inquiry_id, kind, kind.label, row.cost, row.note, row.at)


class RemedyService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def add(
        self,
        inquiry_id: int,
        kind: RemedyKind | str,
        cost: float = 0.0,
        note: str = "",
        at: datetime | None = None,
    ) -> RemedyView:
        chosen = parse_kind(kind)
        if cost < 0 or cost != cost:  # NaN is not a price either
            raise InvalidInput(f"a remedy's cost cannot be negative, got {cost}")
        if cost in (float("inf"), float("-inf")):  # would be written as invalid JSON
            raise InvalidInput(f"a remedy's cost must be a finite amount, got {cost}")
        if at is not None and at.tzinfo is None:
            raise InvalidInput("the remedy's time must carry a time zone")
        with self.ctx.db.session() as session:
            row_or_not_found(session, InquiryRow, inquiry_id, "inquiry")
            row = RemedyRow(
                inquiry_id=inquiry_id,
                kind=chosen.value,
                cost=float(cost),
                note=note.strip(),
                at=at or self.ctx.now(),
            )
            session.add(row)
            session.flush()
            return _view(row)

    def remove(self, remedy_id: int) -> None:
        with self.ctx.db.session() as session:
            session.delete(row_or_not_found(session, RemedyRow, remedy_id, "remedy"))

    def list(self, inquiry_id: int) -> list[RemedyView]:
        with self.ctx.db.read_session() as session:  # the GUI thread asks: never lock
            row_or_not_found(session, InquiryRow, inquiry_id, "inquiry")
            rows = session.exec(
                select(RemedyRow)
                .where(RemedyRow.inquiry_id == inquiry_id)
                .order_by(col(RemedyRow.at), col(RemedyRow.id))
            ).all()
            return [_view(r) for r in rows]

    def summary_for(self, inquiry_id: int) -> RemedySummary:
        remedies = self.list(inquiry_id)
        with self.ctx.db.read_session() as session:
            inquiry = session.get(InquiryRow, inquiry_id)
            assert inquiry is not None
            customer = session.get(CustomerRow, inquiry.customer_id)
            assert customer is not None and customer.id is not None
            worth = lifetime_value(
                customer.annual_value, customer.expected_years, self.ctx.value_defaults
            )
        cost = total_cost(Remedy(r.kind, r.cost) for r in remedies)
        return RemedySummary(
            inquiry_id=inquiry_id,
            customer_id=customer.id,
            remedies=tuple(remedies),
            total_cost=cost,
            lifetime_value=worth,
            text=remedy_vs_value_text(cost, worth, self.ctx.settings.currency),
        )

    def week_summary(self, start: datetime, end: datetime) -> RemedyWeek:
        if start.tzinfo is None or end.tzinfo is None:
            raise InvalidInput("the period must carry a time zone")
        with self.ctx.db.session() as session:
            rows = session.exec(
                select(RemedyRow, InquiryRow.customer_id)
                .join(InquiryRow, col(InquiryRow.id) == col(RemedyRow.inquiry_id))
                .where(col(RemedyRow.at) >= start, col(RemedyRow.at) < end)
                .order_by(col(RemedyRow.at))
            ).all()
            remedies = [Remedy(RemedyKind(r.kind), r.cost, r.note, r.at) for r, _c in rows]
            first_remedy: dict[int, datetime] = {}
            remedied_cases: set[int] = set()
            for remedy, customer_id in rows:
                remedied_cases.add(remedy.inquiry_id)
                if customer_id not in first_remedy or remedy.at < first_remedy[customer_id]:
                    first_remedy[customer_id] = remedy.at
            answers = session.exec(
                select(SurveyRow).where(
                    SurveyRow.kind == FOLLOWUP,
                    SurveyRow.status == ANSWERED,
                    col(SurveyRow.inquiry_id).in_(remedied_cases),
                    col(SurveyRow.satisfied).is_not(None),
                )
            ).all()
            wrote_again: list[int] = []
            for customer_id, since in sorted(first_remedy.items()):
                newer_case = session.exec(
                    select(func.count())
                    .select_from(InquiryRow)
                    .where(
                        InquiryRow.customer_id == customer_id, col(InquiryRow.received_at) > since
                    )
                ).one()
                newer_message = session.exec(
                    select(func.count())
                    .select_from(MessageRow)
                    .join(InquiryRow, col(InquiryRow.id) == col(MessageRow.inquiry_id))
                    .where(
                        InquiryRow.customer_id == customer_id,
                        col(InquiryRow.id).not_in(remedied_cases),
                        MessageRow.direction == Direction.IN.value,
                        col(MessageRow.sent_at) > since,
                    )
                ).one()
                if newer_case or newer_message:
                    wrote_again.append(customer_id)
        return RemedyWeek(
            start=start,
            end=end,
            total_cost=total_cost(remedies),
            cost_per_kind=cost_per_kind(remedies),
            count_per_kind=count_per_kind(remedies),
            customers=len(first_remedy),
            followup_answers=len(answers),
            followup_satisfied=sum(1 for a in answers if a.satisfied),
            wrote_again=len(wrote_again),
            customer_ids=tuple(sorted(first_remedy)),
            wrote_again_ids=tuple(wrote_again),
        )

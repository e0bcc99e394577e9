"""The weekly review: fifteen minutes a week to see how customers were treated.

The figures themselves are the domain's (``domain/review_math.py``, ``domain/nps.py``,
``domain/pulse.py``, ``domain/remedies.py``); this service reads the rows a week needs with a
handful of queries (never one per inquiry), turns them into domain records and adds what the
domain leaves to the store: follow-up answers per inquiry channel, remedy costs, the pulse
months and the customers' lifetime values.

Channel columns are the six channels, ``social`` (Facebook + Instagram + X computed as one
channel, not a sum of the three: medians do not add up) and ``total``.

Follow-up figures belong to the channel of the inquiry they followed up, so a phone complaint
checked by mail counts under phone. Pulse surveys belong to no inquiry; a pulse detractor
counts in the value at risk of the channel the pulse was sent on (email).

JSON schema of ``as_json`` (schema 1; keys never change meaning, new keys may be added)::

    {
      "schema": 1,
      "week": "2026-W47", "year": 2026, "week_number": 47,
      "start": ISO local time, "end": ISO local time (exclusive), "now": ISO local time,
      "timezone": "Europe/Copenhagen", "currency": "kr",
      "channels": {                       # email, form, phone, facebook, instagram, x,
        "<key>": {                        # social, total -- always all eight
          "received" | "answered" | "unanswered_now" | "overdue_now" | "promises_broken" |
          "resolved" | "reopened" | "followups_asked" | "followups_answered" |
          "complaints": {"value": int, "inquiry_ids": [int]},
          "first_response_median_hours" | "first_response_p90_hours"
                                        : {"value": float | null, "inquiry_ids": [int]},
          "promises_kept_percent" | "followup_response_percent" | "satisfied_percent"
                                        : {"value": float | null, "inquiry_ids": [int]},
          "nps": {"value": float | null (-100..100), "inquiry_ids": [int]},
          "value_at_risk": {"value": float, "inquiry_ids": [int]},
          "value_at_risk_default" | "value_at_risk_known"     # the part resting on the default
                                        : {"value": float, "inquiry_ids": [int]},  # value, rest
          "oldest_waiting": null | {"inquiry_id": int, "received_at": ISO, "waiting_hours": float},
          "iceberg": {"low": int, "high": int,              # shown: capped by the customers
                      "estimate_low": int, "estimate_high": int,   # complaints x 10 / x 26
                      "customers_on_record": int | null, "complaining_customers": int,
                      "bound": int | null, "bounded": bool}  # see services/review_figures.py
        }
      },
      "default_customer_value": {"annual_value": float, "expected_years": float,
                                 "lifetime_value": float},
      "remedies": {
        "total_cost": float, "count": int, "inquiry_ids": [int],
        "per_kind": {"<remedy kind>": {"label": str, "count": int, "cost": float,
                                       "inquiry_ids": [int]}},
        "followup_answers": int,
        "satisfied_percent": float | null, "satisfied_inquiry_ids": [int],
        "wrote_again": {"value": int, "inquiry_ids": [int]}
      },
      "pulse": [{"month": "2026-11", "nps": float | null, "answers": int,
                 "promoters": int, "passives": int, "detractors": int}]
    }

Hours are business hours; percentages are 0-100 and ``null`` when nothing stands behind them
(no answers is not the same as everyone unhappy).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select

from soloservice.domain.nps import SurveyRecord, SurveyStats, survey_stats
from soloservice.domain.pulse import MonthFigure, monthly_nps
from soloservice.domain.remedies import Remedy, RemedyKind, cost_per_kind, count_per_kind
from soloservice.domain.review_math import (
    DetractorAnswer,
    Figure,
    InquiryRecord,
    WeekFigures,
    format_iso_week,
    iso_week_bounds,
    last_full_week,
    week_review,
)
from soloservice.domain.types import OPEN_STATUSES, SOCIAL_CHANNELS, Channel, InquiryKind, Status
from soloservice.domain.value import ValueDefaults, format_money, lifetime_value
from soloservice.services.context import ServiceContext
from soloservice.services.dto import View
from soloservice.services.errors import InvalidInput
from soloservice.services.inbox import InboxService
from soloservice.services.review_figures import (
    customers_on_record,
    default_value_json,
    iceberg_json,
)
from soloservice.storage.feedback_tables import RemedyRow, SurveyRow
from soloservice.storage.files import atomic_write
from soloservice.storage.tables import CustomerRow, EventRow, InquiryRow

SCHEMA_VERSION = 1
CHANNEL_KEYS: tuple[str, ...] = tuple(c.value for c in Channel)
SOCIAL = "social"
TOTAL = "total"
COLUMN_KEYS: tuple[str, ...] = (*CHANNEL_KEYS, SOCIAL, TOTAL)
FOLLOWUP = "followup"
PULSE = "pulse"
DETRACTOR_MAX = 6

_RESOLVED = (Status.RESOLVED.value, Status.CLOSED.value)
_OPEN = tuple(s.value for s in OPEN_STATUSES)


# -- what the review returns ---------------------------------------------------------------


@dataclass(frozen=True)
class ChannelReview(WeekFigures):
    """One column of the review: a channel, ``social`` or ``total``. Ids are inquiry ids.

    The week's figures (domain.review_math.WeekFigures) plus the follow-up answers."""

    key: str
    followups_asked: Figure[int]
    followups_answered: Figure[int]
    followup_response_percent: Figure[float | None]
    satisfied_percent: Figure[float | None]
    nps: Figure[float | None]


@dataclass(frozen=True)
class RemedyCost:
    kind: str
    label: str
    count: int
    cost: float
    ids: tuple[int, ...]


@dataclass(frozen=True)
class RemedyReview:
    """Remedies dated in the week, and how those customers answered and came back."""

    per_kind: tuple[RemedyCost, ...]
    total: Figure[float]
    count: int
    followup_answers: int
    satisfied_percent: Figure[float | None]
    wrote_again: Figure[int]


@dataclass(frozen=True)
class PulseMonth:
    """Pulse NPS of one local calendar month touching the week (separate from follow-ups)."""

    month: str
    nps: float | None
    answers: int
    promoters: int
    passives: int
    detractors: int


@dataclass(frozen=True)
class WeekReview:
    year: int
    week: int
    start: datetime
    end: datetime
    now: datetime
    timezone: str
    currency: str
    columns: tuple[ChannelReview, ...]
    remedies: RemedyReview
    pulse: tuple[PulseMonth, ...]
    #: the settings' default customer value behind ``value_at_risk_default``
    value_defaults: ValueDefaults = field(default_factory=ValueDefaults)

    @property
    def label(self) -> str:
        return format_iso_week(self.year, self.week)

    @property
    def total(self) -> ChannelReview:
        return self.column(TOTAL)

    def column(self, key: str) -> ChannelReview:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)


@dataclass(frozen=True)
class WeekPoint:
    """One week of the 12-week trend charts (volume by receipt, answers by answer date)."""

    year: int
    week: int
    start: datetime
    received: int
    received_per_channel: dict[str, int]
    complaints: int
    first_response_median_hours: float | None
    first_response_p90_hours: float | None
    promises_kept_percent: float | None
    satisfied_percent: float | None
    nps: float | None

    @property
    def label(self) -> str:
        return format_iso_week(self.year, self.week)


# -- the rows of the review table, shared by text, CSV, PDF and the window ------------------


@dataclass(frozen=True)
class Metric:
    """One row of the review table. ``unit``: count, hours, percent, score, money, wait, range."""

    key: str
    label: str
    unit: str
    get: Callable[[ChannelReview], Figure[Any]]


def _oldest(column: ChannelReview) -> Figure[timedelta | None]:
    oldest = column.oldest_waiting
    return Figure(None) if oldest is None else Figure(oldest.waiting, (oldest.id,))


METRICS: tuple[Metric, ...] = (
    Metric("received", "Received", "count", lambda c: c.received),
    Metric("answered", "Answered", "count", lambda c: c.answered),
    Metric("unanswered_now", "Unanswered now", "count", lambda c: c.unanswered_now),
    Metric("oldest_waiting", "Oldest waiting", "wait", _oldest),
    Metric("overdue_now", "Overdue now", "count", lambda c: c.overdue_now),
    Metric("first_response_median", "First response, median", "hours",
           lambda c: c.first_response_median),
    Metric("first_response_p90", "First response, 90th percentile", "hours",
           lambda c: c.first_response_p90),
    Metric("promises_kept_percent", "Promises kept", "percent",
           lambda c: c.promises_kept_percent),
    Metric("promises_broken", "Promises broken", "count", lambda c: c.promises_broken),
    Metric("resolved", "Resolved", "count", lambda c: c.resolved),
    Metric("reopened", "Reopened", "count", lambda c: c.reopened),
    Metric("followups_asked", "Follow-ups asked", "count", lambda c: c.followups_asked),
    Metric("followups_answered", "Follow-ups answered", "count", lambda c: c.followups_answered),
    Metric("satisfied_percent", "Satisfied", "percent", lambda c: c.satisfied_percent),
    Metric("nps", "NPS (follow-ups)", "score", lambda c: c.nps),
    Metric("complaints", "Complaints", "count", lambda c: c.complaints),
    Metric("iceberg", "Silent unhappy (estimate)", "range",
           lambda c: Figure(c.iceberg, c.complaints.ids)),
    Metric("value_at_risk", "Value at risk", "money", lambda c: c.value_at_risk),
    Metric("value_at_risk_default", "  of it from the default value", "money",
           lambda c: c.value_at_risk_default),
)  # fmt: skip


def hours(delta: timedelta | None) -> float | None:
    return None if delta is None else delta.total_seconds() / 3600


def format_value(value: Any, unit: str, currency: str = "kr") -> str:
    """Plain text for the CLI, CSV and PDF ("-" when nothing stands behind a figure)."""
    if value is None:
        return "-"
    if unit == "hours":
        return f"{hours(value):.1f} h"
    if unit == "wait":
        total_hours = value.total_seconds() / 3600
        return f"{total_hours / 24:.1f} d" if total_hours >= 48 else f"{total_hours:.1f} h"
    if unit == "percent":
        return f"{value:.0f} %"
    if unit == "score":
        return f"{value:+.0f}"
    if unit == "money":
        return format_money(value, currency)
    if unit == "range":
        low, high = value
        return f"{low}–{high}" if high else "0"
    return str(value)


# -- reading the store -----------------------------------------------------------------------


def _ids(values: Iterable[int | None]) -> tuple[int, ...]:
    return tuple(sorted({v for v in values if v is not None}))


def _within(moment: datetime | None, start: datetime, end: datetime) -> bool:
    return moment is not None and start <= moment < end


@dataclass(frozen=True)
class _Survey:
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


class ReviewService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- weeks ---------------------------------------------------------------------------

    def last_full_week(self) -> tuple[int, int]:
        return last_full_week(self.ctx.now(), self.ctx.tz)

    def bounds(self, year: int, week: int) -> tuple[datetime, datetime]:
        try:
            return iso_week_bounds(year, week, self.ctx.tz)
        except ValueError:
            raise InvalidInput(f"{year} has no ISO week {week}") from None

    def _value(self, annual: float | None, years: float | None) -> float:
        return lifetime_value(annual, years, self.ctx.value_defaults)

    # -- the week ------------------------------------------------------------------------

    def week(self, year: int, week: int) -> WeekReview:
        start, end = self.bounds(year, week)
        now = self.ctx.now()
        zone = self.ctx.tz
        local_first = start.astimezone(zone).date().replace(day=1)
        local_last = (end - timedelta(microseconds=1)).astimezone(zone).date()
        month_start = datetime.combine(local_first, time(0), zone).astimezone(UTC)
        next_month = (local_last.replace(day=28) + timedelta(days=4)).replace(day=1)
        month_end = datetime.combine(next_month, time(0), zone).astimezone(UTC)
        with self.ctx.db.session() as session:
            records = self._inquiry_records(session, start, end, now)
            remedies = self._remedies(session, start, end)
            remedied = _ids(inquiry_id for inquiry_id, _, _ in remedies)
            surveys = self._surveys(session, start, end, month_start, month_end, remedied)
            wrote_again = self._wrote_again(session, remedies)
            customer_base = customers_on_record(session, end)
        detractors = [
            DetractorAnswer(
                customer_id=s.customer_id,
                lifetime_value=s.lifetime_value,
                answered_at=s.answered_at,
                channel=s.channel,
                inquiry_id=s.inquiry_id if s.kind == FOLLOWUP else s.loop_inquiry_id,
                value_known=s.value_known,
            )
            for s in surveys
            if s.answered_at is not None and s.score is not None and s.score <= DETRACTOR_MAX
        ]
        followups = [s for s in surveys if s.kind == FOLLOWUP]
        columns = self._columns(
            records, detractors, followups, year, week, start, end, now, customer_base
        )
        pulse_months = 2 if local_first.month != local_last.month else 1
        pulse = monthly_nps(
            [s for s in surveys if s.kind == PULSE],
            now=end - timedelta(microseconds=1),
            timezone=self.ctx.settings.timezone,
            months=pulse_months,
        )
        return WeekReview(
            year=year,
            week=week,
            start=start,
            end=end,
            now=now,
            timezone=self.ctx.settings.timezone,
            currency=self.ctx.settings.currency,
            columns=columns,
            remedies=_remedy_review(remedies, followups, wrote_again),
            pulse=tuple(_pulse_month(m) for m in pulse),
            value_defaults=self.ctx.value_defaults,
        )

    def _columns(
        self,
        records: list[InquiryRecord],
        detractors: list[DetractorAnswer],
        followups: list[_Survey],
        year: int,
        week: int,
        start: datetime,
        end: datetime,
        now: datetime,
        customer_base: int | None = None,
    ) -> tuple[ChannelReview, ...]:
        calendar = self.ctx.calendar
        review = week_review(
            records, year=year, week=week, now=now, calendar=calendar, detractors=detractors,
            customer_base=customer_base,
        )  # fmt: skip
        social = week_review(
            [r for r in records if r.channel in SOCIAL_CHANNELS],
            year=year,
            week=week,
            now=now,
            calendar=calendar,
            detractors=[d for d in detractors if d.channel in SOCIAL_CHANNELS],
            customer_base=customer_base,
        ).total
        survey_inquiry = {s.id: s.inquiry_id for s in followups}
        survey_records = [r for r in (s.record() for s in followups) if r is not None]
        stats = survey_stats(survey_records, start, end)
        social_stats = survey_stats(
            [r for r in survey_records if r.channel in SOCIAL_CHANNELS], start, end
        ).total

        def column(key: str, figures: WeekFigures, surveys: SurveyStats) -> ChannelReview:
            return _column(key, figures, surveys, survey_inquiry)

        out = [column(c.value, review.per_channel[c], stats.per_channel[c]) for c in Channel]
        out.append(column(SOCIAL, social, social_stats))
        out.append(column(TOTAL, review.total, stats.total))
        return tuple(out)

    def _inquiry_records(
        self, session: Session, start: datetime, end: datetime, now: datetime
    ) -> list[InquiryRecord]:
        """The week's cohort, the backlog it left, open complaints and the week's status moves."""
        status_events = (
            select(EventRow.inquiry_id)
            .where(EventRow.kind == "status")
            .where(col(EventRow.at) >= start, col(EventRow.at) < end)
        )
        received = col(InquiryRow.received_at)
        # "Unanswered now" and "overdue now" are the inbox's own views, not a second rule.
        inbox = InboxService(self.ctx)
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
                InquiryRecord(
                    id=row.id,
                    channel=Channel(row.channel),
                    kind=InquiryKind(row.kind),
                    received_at=row.received_at,
                    status=Status(row.status),
                    due_at=row.due_at,
                    first_response_at=row.first_response_at,
                    promise_kept=row.promise_kept,
                    resolved_at=resolved_at,
                    reopened_at=tuple(reopened.get(row.id, ())),
                    customer_id=row.customer_id,
                    lifetime_value=self._value(annual, years),
                    value_known=annual is not None,
                    needs_reply=row.id in needs_reply,
                    overdue=row.id in overdue,
                )
            )
        return records

    def _surveys(
        self,
        session: Session,
        start: datetime,
        end: datetime,
        month_start: datetime,
        month_end: datetime,
        remedied: Sequence[int],
    ) -> list[_Survey]:
        """Follow-ups asked or answered in the week, pulse answers of the months touching it,
        and every follow-up of an inquiry that got a remedy this week."""
        asked, answered = col(SurveyRow.asked_at), col(SurveyRow.answered_at)
        query = (
            select(
                SurveyRow, InquiryRow.channel, CustomerRow.annual_value, CustomerRow.expected_years
            )
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
        out: list[_Survey] = []
        for survey, inquiry_channel, annual, years in session.exec(query):
            assert survey.id is not None
            channel = inquiry_channel if survey.kind == FOLLOWUP and inquiry_channel else None
            out.append(
                _Survey(
                    id=survey.id,
                    kind=survey.kind,
                    inquiry_id=survey.inquiry_id,
                    channel=_channel(channel or survey.channel),
                    customer_id=survey.customer_id,
                    lifetime_value=self._value(annual, years),
                    asked_at=survey.asked_at,
                    answered_at=survey.answered_at,
                    satisfied=survey.satisfied,
                    score=survey.score,
                    loop_inquiry_id=survey.followup_inquiry_id,
                    value_known=annual is not None,
                )
            )
        return out

    def _remedies(
        self, session: Session, start: datetime, end: datetime
    ) -> list[tuple[int, int, Remedy]]:
        """(inquiry id, customer id, remedy) for remedies dated in the week."""
        query = (
            select(RemedyRow, InquiryRow.customer_id)
            .join(InquiryRow, col(InquiryRow.id) == col(RemedyRow.inquiry_id))
            .where(col(RemedyRow.at) >= start, col(RemedyRow.at) < end)
        )
        out: list[tuple[int, int, Remedy]] = []
        for row, customer_id in session.exec(query):
            out.append(
                (
                    row.inquiry_id,
                    customer_id,
                    Remedy(_remedy_kind(row.kind), row.cost, row.note, row.at),
                )
            )
        return out

    def _wrote_again(
        self, session: Session, remedies: list[tuple[int, int, Remedy]]
    ) -> tuple[int, ...]:
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
        return _ids(
            inquiry_id
            for inquiry_id, customer_id, received_at in session.exec(query)
            if inquiry_id not in remedied_ids and received_at > first_remedy[customer_id]
        )

    # -- trends --------------------------------------------------------------------------

    def trends(self, weeks: int = 12, *, until: tuple[int, int] | None = None) -> list[WeekPoint]:
        """The ``weeks`` ISO weeks ending with ``until`` (default: the last full week), oldest
        first; read with two queries for the whole span."""
        if weeks < 1:
            raise InvalidInput("a trend needs at least one week")
        year, week = until or self.last_full_week()
        last_start, window_end = self.bounds(year, week)
        zone = self.ctx.tz
        monday = last_start.astimezone(zone).date() - timedelta(weeks=weeks - 1)
        window_start = datetime.combine(monday, time(0), zone).astimezone(UTC)
        now = self.ctx.now()
        with self.ctx.db.session() as session:
            rows = session.exec(
                select(InquiryRow).where(
                    col(InquiryRow.received_at) >= window_start,
                    col(InquiryRow.received_at) < window_end,
                    col(InquiryRow.automatic_reason) == "",
                )
            ).all()
            records = [
                InquiryRecord(
                    id=row.id or 0,
                    channel=Channel(row.channel),
                    kind=InquiryKind(row.kind),
                    received_at=row.received_at,
                    status=Status(row.status),
                    due_at=row.due_at,
                    first_response_at=row.first_response_at,
                    promise_kept=row.promise_kept,
                )
                for row in rows
            ]
            answered = col(SurveyRow.answered_at)
            surveys = [
                SurveyRecord(
                    asked_at=s.asked_at or s.answered_at or window_start,
                    channel=_channel(s.channel),
                    answered_at=s.answered_at,
                    satisfied=s.satisfied,
                    score=s.score,
                    id=s.id,
                )
                for s in session.exec(
                    select(SurveyRow).where(
                        SurveyRow.kind == FOLLOWUP, answered >= window_start, answered < window_end
                    )
                )
            ]
        points: list[WeekPoint] = []
        for offset in range(weeks):
            iso = (monday + timedelta(weeks=offset)).isocalendar()
            start, end = iso_week_bounds(iso.year, iso.week, zone)
            cohort = [r for r in records if start <= r.received_at < end]
            figures = week_review(
                cohort, year=iso.year, week=iso.week, now=now, calendar=self.ctx.calendar
            )
            answers = survey_stats(surveys, start, end).total
            points.append(
                WeekPoint(
                    year=iso.year,
                    week=iso.week,
                    start=start,
                    received=figures.total.received.value,
                    received_per_channel={
                        c.value: figures.per_channel[c].received.value for c in Channel
                    },
                    complaints=figures.total.complaints.value,
                    first_response_median_hours=hours(figures.total.first_response_median.value),
                    first_response_p90_hours=hours(figures.total.first_response_p90.value),
                    promises_kept_percent=figures.total.promises_kept_percent.value,
                    satisfied_percent=answers.satisfaction_rate,
                    nps=answers.nps,
                )
            )
        return points

    # -- reminder --------------------------------------------------------------------------

    def next_reminder(self, now: datetime) -> datetime:
        """The next weekly reminder strictly after ``now`` (UTC), from the settings."""
        return next_reminder(
            now,
            weekday=self.ctx.settings.review_reminder_weekday,
            at=self.ctx.settings.review_reminder_time,
            timezone=self.ctx.settings.timezone,
        )

    # -- export ----------------------------------------------------------------------------

    def as_json(self, review: WeekReview) -> dict[str, Any]:
        return review_json(review)

    def to_csv(self, review: WeekReview, path: Path) -> Path:
        write_atomically(path, review_csv(review))
        return path


# -- pure helpers ------------------------------------------------------------------------------


def _channel(value: str) -> Channel:
    try:
        return Channel(value)
    except ValueError:
        return Channel.EMAIL


def _remedy_kind(value: str) -> RemedyKind:
    try:
        return RemedyKind(value)
    except ValueError:
        return RemedyKind.OTHER


def _column(
    key: str,
    figures: WeekFigures,
    surveys: SurveyStats,
    survey_inquiry: dict[int, int | None],
) -> ChannelReview:
    def inquiries(survey_ids: Iterable[int]) -> tuple[int, ...]:
        return _ids(survey_inquiry.get(i) for i in survey_ids)

    answer_ids = inquiries(surveys.answer_ids)
    return ChannelReview(
        **{f.name: getattr(figures, f.name) for f in fields(WeekFigures)},
        key=key,
        followups_asked=Figure(surveys.asked, inquiries(surveys.asked_ids)),
        followups_answered=Figure(surveys.answers, answer_ids),
        followup_response_percent=Figure(surveys.response_rate, inquiries(surveys.asked_ids)),
        satisfied_percent=Figure(surveys.satisfaction_rate, answer_ids),
        nps=Figure(surveys.nps, answer_ids),
    )


def _remedy_review(
    remedies: list[tuple[int, int, Remedy]],
    followups: list[_Survey],
    wrote_again: tuple[int, ...],
) -> RemedyReview:
    plain = [remedy for _, _, remedy in remedies]
    costs, counts = cost_per_kind(plain), count_per_kind(plain)
    per_kind = tuple(
        RemedyCost(
            kind=kind.value,
            label=kind.label,
            count=counts[kind],
            cost=cost,
            ids=_ids(i for i, _, r in remedies if r.kind is kind),
        )
        for kind, cost in costs.items()
    )
    remedied = {inquiry_id for inquiry_id, _, _ in remedies}
    answers = [
        s
        for s in followups
        if s.inquiry_id in remedied and s.answered_at is not None and s.satisfied is not None
    ]
    satisfied = [s for s in answers if s.satisfied]
    return RemedyReview(
        per_kind=per_kind,
        total=Figure(sum((r.cost for r in plain), 0.0), _ids(remedied)),
        count=len(plain),
        followup_answers=len(answers),
        satisfied_percent=Figure(
            100.0 * len(satisfied) / len(answers) if answers else None,
            _ids(s.inquiry_id for s in answers),
        ),
        wrote_again=Figure(len(wrote_again), wrote_again),
    )


def _pulse_month(figure: MonthFigure) -> PulseMonth:
    return PulseMonth(
        month=figure.month,
        nps=figure.nps,
        answers=figure.answers,
        promoters=figure.promoters,
        passives=figure.passives,
        detractors=figure.detractors,
    )


def next_reminder(now: datetime, *, weekday: int, at: str, timezone: str) -> datetime:
    """The first ``weekday`` at local ``at`` ("HH:MM") strictly after ``now``, in UTC."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if not 0 <= weekday <= 6:
        raise InvalidInput(f"the reminder weekday must be 0 (Monday) to 6, got {weekday}")
    try:
        hour, minute = (int(part) for part in at.split(":"))
        moment = time(hour, minute)
    except ValueError:
        raise InvalidInput(f"the reminder time must be HH:MM, got {at!r}") from None
    zone = ZoneInfo(timezone)
    today: date = now.astimezone(zone).date()
    day = today + timedelta(days=(weekday - today.weekday()) % 7)
    for _ in range(3):
        candidate = datetime.combine(day, moment, zone).astimezone(UTC)
        if candidate > now:
            return candidate
        day += timedelta(days=7)
    raise AssertionError("unreachable: a week later is always after now")


def _figure_json(
    figure: Figure[Any], convert: Callable[[Any], Any] = lambda v: v
) -> dict[str, Any]:
    value = figure.value
    return {"value": None if value is None else convert(value), "inquiry_ids": list(figure.ids)}


def _round(value: float) -> float:
    return round(value, 2)


def _iso(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).isoformat()


def column_json(column: ChannelReview, zone: ZoneInfo) -> dict[str, Any]:
    oldest = column.oldest_waiting

    def hours_of(delta: timedelta) -> float:
        return _round(delta.total_seconds() / 3600)

    return {
        "received": _figure_json(column.received),
        "answered": _figure_json(column.answered),
        "unanswered_now": _figure_json(column.unanswered_now),
        "oldest_waiting": None
        if oldest is None
        else {
            "inquiry_id": oldest.id,
            "received_at": _iso(oldest.received_at, zone),
            "waiting_hours": hours_of(oldest.waiting),
        },
        "overdue_now": _figure_json(column.overdue_now),
        "first_response_median_hours": _figure_json(column.first_response_median, hours_of),
        "first_response_p90_hours": _figure_json(column.first_response_p90, hours_of),
        "promises_kept_percent": _figure_json(column.promises_kept_percent, _round),
        "promises_broken": _figure_json(column.promises_broken),
        "resolved": _figure_json(column.resolved),
        "reopened": _figure_json(column.reopened),
        "followups_asked": _figure_json(column.followups_asked),
        "followups_answered": _figure_json(column.followups_answered),
        "followup_response_percent": _figure_json(column.followup_response_percent, _round),
        "satisfied_percent": _figure_json(column.satisfied_percent, _round),
        "nps": _figure_json(column.nps, _round),
        "complaints": _figure_json(column.complaints),
        "iceberg": iceberg_json(column.silent_unhappy),
        "value_at_risk": _figure_json(column.value_at_risk, _round),
        "value_at_risk_default": _figure_json(column.value_at_risk_default, _round),
        "value_at_risk_known": _figure_json(column.value_at_risk_known, _round),
    }


def review_json(review: WeekReview) -> dict[str, Any]:
    zone = ZoneInfo(review.timezone)
    remedies = review.remedies
    return {
        "schema": SCHEMA_VERSION,
        "week": review.label,
        "year": review.year,
        "week_number": review.week,
        "start": _iso(review.start, zone),
        "end": _iso(review.end, zone),
        "now": _iso(review.now, zone),
        "timezone": review.timezone,
        "currency": review.currency,
        "default_customer_value": default_value_json(review.value_defaults),
        "channels": {column.key: column_json(column, zone) for column in review.columns},
        "remedies": {
            "total_cost": _round(remedies.total.value),
            "count": remedies.count,
            "inquiry_ids": list(remedies.total.ids),
            "per_kind": {
                item.kind: {
                    "label": item.label,
                    "count": item.count,
                    "cost": _round(item.cost),
                    "inquiry_ids": list(item.ids),
                }
                for item in remedies.per_kind
            },
            "followup_answers": remedies.followup_answers,
            "satisfied_percent": None
            if remedies.satisfied_percent.value is None
            else _round(remedies.satisfied_percent.value),
            "satisfied_inquiry_ids": list(remedies.satisfied_percent.ids),
            "wrote_again": _figure_json(remedies.wrote_again),
        },
        "pulse": [
            {
                "month": m.month,
                "nps": None if m.nps is None else _round(m.nps),
                "answers": m.answers,
                "promoters": m.promoters,
                "passives": m.passives,
                "detractors": m.detractors,
            }
            for m in review.pulse
        ],
    }


def review_rows(review: WeekReview) -> list[list[str]]:
    """The review as a grid of text: a header, one row per metric, then remedies and pulse."""
    currency = review.currency
    rows = [["metric", *COLUMN_KEYS]]
    for metric in METRICS:
        rows.append(
            [
                metric.label,
                *(
                    format_value(metric.get(column).value, metric.unit, currency)
                    for column in review.columns
                ),
            ]
        )
    blank = [""] * len(CHANNEL_KEYS) + [""]
    for item in review.remedies.per_kind:
        rows.append(
            [f"Remedy cost: {item.label} ({item.count})", *blank, format_money(item.cost, currency)]
        )
    rows.append(
        [f"Remedy cost, total ({review.remedies.count})", *blank,
         format_money(review.remedies.total.value, currency)]
    )  # fmt: skip
    for month in review.pulse:
        value = format_value(month.nps, "score")
        rows.append([f"Pulse NPS {month.month} ({month.answers} answers)", *blank, value])
    return rows


def review_csv(review: WeekReview) -> str:
    """CSV with raw numbers (hours and percentages as decimals) for a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["week", "metric", *COLUMN_KEYS])

    def raw(value: Any, unit: str) -> str:
        if value is None:
            return ""
        if unit in ("hours", "wait"):
            return f"{value.total_seconds() / 3600:.2f}"
        if unit == "range":
            return f"{value[0]}-{value[1]}"
        if isinstance(value, float):
            return f"{value:.2f}"
        return str(value)

    for metric in METRICS:
        writer.writerow(
            [
                review.label,
                metric.key,
                *(raw(metric.get(column).value, metric.unit) for column in review.columns),
            ]
        )
    blank = [""] * (len(COLUMN_KEYS) - 1)
    for item in review.remedies.per_kind:
        writer.writerow([review.label, f"remedy_cost:{item.kind}", *blank, f"{item.cost:.2f}"])
    writer.writerow(
        [review.label, "remedy_cost:total", *blank, f"{review.remedies.total.value:.2f}"]
    )
    for month in review.pulse:
        nps = "" if month.nps is None else f"{month.nps:.2f}"
        writer.writerow([review.label, f"pulse_nps:{month.month}", *blank, nps])
        writer.writerow([review.label, f"pulse_answers:{month.month}", *blank, str(month.answers)])
    return buffer.getvalue()


def write_atomically(path: Path, text: str) -> None:
    """Write next to the target and rename, so a crash never leaves half a file; a target
    that is not a regular file (``/dev/full``) is refused (storage/files.py)."""
    atomic_write(Path(path), text)

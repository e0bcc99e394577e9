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
The queries are in ``services/review_queries.py``, the returned records in
``services/review_dto.py`` and the text, JSON and CSV forms (with the JSON schema) in
``services/review_export.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import col, select

from soloservice.domain.iso_weeks import iso_week_bounds, last_full_week
from soloservice.domain.nps import SurveyRecord, SurveyStats, survey_stats
from soloservice.domain.pulse import MonthFigure, monthly_nps
from soloservice.domain.remedies import cost_per_kind, count_per_kind
from soloservice.domain.review_math import (
    DetractorAnswer,
    Figure,
    InquiryRecord,
    WeekFigures,
    week_review,
)
from soloservice.domain.types import SOCIAL_CHANNELS, Channel
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput
from soloservice.services.review_dto import (
    SOCIAL,
    TOTAL,
    ChannelReview,
    PulseMonth,
    RemedyCost,
    RemedyReview,
    WeekPoint,
    WeekReview,
)
from soloservice.services.review_export import hours, review_csv, review_json, write_atomically
from soloservice.services.review_figures import customers_on_record
from soloservice.services.review_queries import (
    FOLLOWUP,
    PULSE,
    RemedyOf,
    SurveyRead,
    channel_of,
    ids_of,
    inquiry_record,
    inquiry_records,
    remedies_of_week,
    surveys_of_week,
    wrote_again_after_remedy,
)
from soloservice.storage.feedback_tables import SurveyRow
from soloservice.storage.tables import InquiryRow

DETRACTOR_MAX = 6


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
        except OverflowError:  # 9999-W52 ends in year 10000; 0001-W01 starts before year 1 UTC
            raise _beyond_calendar(year, week) from None

    def _month_around(
        self, year: int, week: int, start: datetime, end: datetime
    ) -> tuple[date, date, datetime, datetime]:
        """The local first and last day of the week's month(s), and those months' bounds in
        UTC (the follow-up figures count the whole month); refused at the calendar's ends."""
        zone = self.ctx.tz
        try:
            local_first = start.astimezone(zone).date().replace(day=1)
            local_last = (end - timedelta(microseconds=1)).astimezone(zone).date()
            month_start = datetime.combine(local_first, time(0), zone).astimezone(UTC)
            next_month = (local_last.replace(day=28) + timedelta(days=4)).replace(day=1)
            month_end = datetime.combine(next_month, time(0), zone).astimezone(UTC)
        except OverflowError:  # December 9999 ends in year 10000; January 1 starts before
            raise _beyond_calendar(year, week) from None
        return local_first, local_last, month_start, month_end

    # -- the week ------------------------------------------------------------------------

    def week(self, year: int, week: int) -> WeekReview:
        start, end = self.bounds(year, week)
        now = self.ctx.now()
        local_first, local_last, month_start, month_end = self._month_around(year, week, start, end)
        with self.ctx.db.session() as session:
            records = inquiry_records(self.ctx, session, start, end, now)
            remedies = remedies_of_week(session, start, end)
            remedied = ids_of(inquiry_id for inquiry_id, _, _ in remedies)
            surveys = surveys_of_week(
                self.ctx, session, start, end, month_start, month_end, remedied
            )
            wrote_again = wrote_again_after_remedy(session, remedies)
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
        followups: list[SurveyRead],
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

    # -- trends --------------------------------------------------------------------------

    def trends(self, weeks: int = 12, *, until: tuple[int, int] | None = None) -> list[WeekPoint]:
        """The ``weeks`` ISO weeks ending with ``until`` (default: the last full week), oldest
        first; read with two queries for the whole span."""
        if weeks < 1:
            raise InvalidInput("a trend needs at least one week")
        year, week = until or self.last_full_week()
        last_start, window_end = self.bounds(year, week)
        zone = self.ctx.tz
        try:
            monday = last_start.astimezone(zone).date() - timedelta(weeks=weeks - 1)
            window_start = datetime.combine(monday, time(0), zone).astimezone(UTC)
        except OverflowError:  # the trend would reach back before year 1
            raise _beyond_calendar(year, week) from None
        now = self.ctx.now()
        with self.ctx.db.session() as session:
            rows = session.exec(
                select(InquiryRow).where(
                    col(InquiryRow.received_at) >= window_start,
                    col(InquiryRow.received_at) < window_end,
                    col(InquiryRow.automatic_reason) == "",
                )
            ).all()
            records = [inquiry_record(row) for row in rows]
            answered = col(SurveyRow.answered_at)
            surveys = [
                SurveyRecord(
                    asked_at=s.asked_at or s.answered_at or window_start,
                    channel=channel_of(s.channel),
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
        write_atomically(path, review_csv(review), protect=self.ctx.data_dir)
        return path


# -- pure helpers ------------------------------------------------------------------------------


def _beyond_calendar(year: int, week: int) -> InvalidInput:
    return InvalidInput(
        f"week {year:04d}-W{week:02d} is too close to the calendar's limits "
        "(years 1 and 9999) to review"
    )


def _column(
    key: str,
    figures: WeekFigures,
    surveys: SurveyStats,
    survey_inquiry: dict[int, int | None],
) -> ChannelReview:
    def inquiries(survey_ids: Iterable[int]) -> tuple[int, ...]:
        return ids_of(survey_inquiry.get(i) for i in survey_ids)

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
    remedies: list[RemedyOf],
    followups: list[SurveyRead],
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
            ids=ids_of(i for i, _, r in remedies if r.kind is kind),
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
        total=Figure(sum((r.cost for r in plain), 0.0), ids_of(remedied)),
        count=len(plain),
        followup_answers=len(answers),
        satisfied_percent=Figure(
            100.0 * len(satisfied) / len(answers) if answers else None,
            ids_of(s.inquiry_id for s in answers),
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

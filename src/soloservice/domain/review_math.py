"""The weekly review's figures, computed from plain records so they can be checked by hand.

Every figure carries the inquiry ids behind it, so the review can click through to them.
Weeks are ISO weeks in the founder's time zone (``domain/iso_weeks.py``).

Which inquiries a figure counts, for the ISO week ``[start, end)`` (Monday 00:00 local to the
next Monday) and the moment ``now``:

* received, answered, first-response times, promises kept, complaints: the inquiries
  *received* in the week (the week's cohort). "Answered" means answered by now. First-response
  time is business time from receipt to the first real response, for cohort inquiries that
  have one.
* unanswered now / overdue now: every inquiry received *before the week ended* that still has
  no first response now, including older ones left over from earlier weeks: the review must
  show the backlog the week left behind, and the oldest waiting inquiry above all.
* resolved: resolved (``resolved_at``) during the week; reopened: reopened during the week.
* promises kept: of the cohort inquiries whose promise is settled, the share kept. Settled is
  answered (kept when the first response came at or before ``due_at``), or unanswered with
  ``due_at`` already past (broken). Promises still running are left out, not counted as kept.
* value at risk: the lifetime value of customers with a complaint still open now (received
  before the week ended) or a detractor answer (0-6) during the week; each customer once.
  Per channel, a customer counts in every channel where they are at risk, so channel values
  may add up to more than the total.
* iceberg: each complaint hides 10-26 silent unhappy customers (DOMAIN.md), so the week's
  complaints are shown as the range ``(complaints x 10, complaints x 26)``, capped by the
  customers on record who did not complain (``domain/iceberg.py``) when that number is given.
* value at risk, from the default value: the part of it that rests on the business's default
  customer value, i.e. customers without their own annual value (``value_known`` False).
  The rest (``value_at_risk_known``) uses figures set on the customer's card.

Median and 90th percentile: the median is the middle value, or the mean of the two middle
values for an even count (what "median" means to most readers). The 90th percentile uses the
nearest-rank method: the smallest value with at least 90 % of values at or below it, i.e. the
``ceil(0.9 x n)``-th smallest. It is always a time someone actually waited, and needs no
interpolation between two customers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Generic, TypeVar

from soloservice.domain.business_calendar import BusinessCalendar
from soloservice.domain.iceberg import Iceberg
from soloservice.domain.iso_weeks import format_iso_week, iso_week_bounds
from soloservice.domain.types import Channel, InquiryKind, Status

T = TypeVar("T")


# -- statistics ------------------------------------------------------------------------------


def median(values: Sequence[timedelta]) -> timedelta | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def percentile_nearest_rank(values: Sequence[timedelta], percent: float) -> timedelta | None:
    if not 0 < percent <= 100:
        raise ValueError(f"percent must be in (0, 100], got {percent}")
    if not values:
        return None
    ordered = sorted(values)
    rank = math.ceil(round(percent / 100 * len(ordered), 9))
    return ordered[max(rank, 1) - 1]


# -- records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class InquiryRecord:
    """What the review needs to know about one inquiry; times are timezone-aware."""

    id: int
    channel: Channel
    kind: InquiryKind
    received_at: datetime
    status: Status
    due_at: datetime | None = None
    first_response_at: datetime | None = None
    promise_kept: bool | None = None
    resolved_at: datetime | None = None
    reopened_at: tuple[datetime, ...] = ()
    customer_id: int | None = None
    lifetime_value: float = 0.0
    complaint: bool | None = None
    #: the customer's own annual value is set; False: lifetime_value is the default's
    value_known: bool = True
    #: in the inbox's Needs reply / Overdue views now (the store's one definition); None
    #: where no store decided it: then "no first response yet" stands in
    needs_reply: bool | None = None
    overdue: bool | None = None

    @property
    def is_complaint(self) -> bool:
        """An explicit flag wins; otherwise the inquiry's kind decides."""
        return self.complaint if self.complaint is not None else self.kind is InquiryKind.COMPLAINT

    @property
    def reopened_count(self) -> int:
        return len(self.reopened_at)


@dataclass(frozen=True)
class DetractorAnswer:
    """A 0-6 answer (follow-up or pulse) from a customer."""

    customer_id: int
    lifetime_value: float
    answered_at: datetime
    channel: Channel
    inquiry_id: int | None = None
    value_known: bool = True


@dataclass(frozen=True)
class Figure(Generic[T]):
    value: T
    ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class OldestWaiting:
    id: int
    received_at: datetime
    waiting: timedelta


@dataclass(frozen=True)
class WeekFigures:
    received: Figure[int]
    answered: Figure[int]
    unanswered_now: Figure[int]
    oldest_waiting: OldestWaiting | None
    overdue_now: Figure[int]
    first_response_median: Figure[timedelta | None]
    first_response_p90: Figure[timedelta | None]
    promises_kept_percent: Figure[float | None]
    promises_broken: Figure[int]
    resolved: Figure[int]
    reopened: Figure[int]
    complaints: Figure[int]
    iceberg: tuple[int, int]
    value_at_risk: Figure[float]
    #: the iceberg with its cap: ``iceberg`` is ``silent_unhappy.range``
    silent_unhappy: Iceberg
    #: the part of ``value_at_risk`` resting on the default customer value, and the rest
    value_at_risk_default: Figure[float]
    value_at_risk_known: Figure[float]


@dataclass(frozen=True)
class WeeklyReview:
    year: int
    week: int
    start: datetime
    end: datetime
    now: datetime
    total: WeekFigures
    per_channel: dict[Channel, WeekFigures] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return format_iso_week(self.year, self.week)


# -- computing -------------------------------------------------------------------------------


def _ids(records: Iterable[InquiryRecord]) -> tuple[int, ...]:
    return tuple(sorted(r.id for r in records))


def _count(records: Sequence[InquiryRecord]) -> Figure[int]:
    return Figure(len(records), _ids(records))


def _within(moment: datetime | None, start: datetime, end: datetime) -> bool:
    return moment is not None and start <= moment < end


def _waiting_now(record: InquiryRecord, now: datetime) -> bool:
    if record.needs_reply is not None:
        return record.needs_reply
    return not _answered_by(record, now)


def _overdue_now(record: InquiryRecord, now: datetime) -> bool:
    if record.overdue is not None:
        return record.overdue
    return record.due_at is not None and record.due_at < now


def _answered_by(record: InquiryRecord, now: datetime) -> bool:
    return record.first_response_at is not None and record.first_response_at <= now


def _promise(record: InquiryRecord, now: datetime) -> bool | None:
    """Kept, broken, or ``None`` while still running (or unknown)."""
    if _answered_by(record, now):
        if record.promise_kept is not None:
            return record.promise_kept
        if record.due_at is None or record.first_response_at is None:
            return None
        return record.first_response_at <= record.due_at
    if record.due_at is not None and record.due_at < now:
        return False
    return None


def _figures(
    records: Sequence[InquiryRecord],
    detractors: Sequence[DetractorAnswer],
    *,
    start: datetime,
    end: datetime,
    now: datetime,
    calendar: BusinessCalendar,
    customer_base: int | None = None,
) -> WeekFigures:
    cohort = [r for r in records if _within(r.received_at, start, end)]
    answered = [r for r in cohort if _answered_by(r, now)]
    waiting = [r for r in records if r.received_at < min(end, now) and _waiting_now(r, now)]
    overdue = [r for r in waiting if _overdue_now(r, now)]
    oldest = min(waiting, key=lambda r: (r.received_at, r.id), default=None)

    times = {
        r.id: calendar.business_time_between(r.received_at, r.first_response_at)
        for r in answered
        if r.first_response_at is not None
    }
    values = list(times.values())
    timed_ids = tuple(sorted(times))

    settled = {r.id: _promise(r, now) for r in cohort}
    kept = [i for i, ok in settled.items() if ok is True]
    broken = [i for i, ok in settled.items() if ok is False]
    decided = len(kept) + len(broken)

    complaints = [r for r in cohort if r.is_complaint]
    open_complaints = [
        r for r in records if r.is_complaint and r.status.is_open and r.received_at < end
    ]
    at_risk, at_risk_default, at_risk_known = _value_at_risk(
        open_complaints, [a for a in detractors if _within(a.answered_at, start, end)]
    )
    iceberg = Iceberg(
        complaints=len(complaints),
        complainers=len({r.customer_id if r.customer_id is not None else -r.id
                         for r in complaints}),
        customers=customer_base,
    )  # fmt: skip

    return WeekFigures(
        received=_count(cohort),
        answered=_count(answered),
        unanswered_now=_count(waiting),
        oldest_waiting=(
            OldestWaiting(oldest.id, oldest.received_at, now - oldest.received_at)
            if oldest is not None
            else None
        ),
        overdue_now=_count(overdue),
        first_response_median=Figure(median(values), timed_ids),
        first_response_p90=Figure(percentile_nearest_rank(values, 90), timed_ids),
        promises_kept_percent=Figure(
            100.0 * len(kept) / decided if decided else None, tuple(sorted(kept + broken))
        ),
        promises_broken=Figure(len(broken), tuple(sorted(broken))),
        resolved=_count([r for r in records if _within(r.resolved_at, start, end)]),
        reopened=_count([r for r in records if any(_within(t, start, end) for t in r.reopened_at)]),
        complaints=_count(complaints),
        iceberg=iceberg.range,
        value_at_risk=at_risk,
        silent_unhappy=iceberg,
        value_at_risk_default=at_risk_default,
        value_at_risk_known=at_risk_known,
    )


def _value_at_risk(
    open_complaints: Sequence[InquiryRecord], detractors: Sequence[DetractorAnswer]
) -> tuple[Figure[float], Figure[float], Figure[float]]:
    """Total, resting on the default value, and from known figures; each customer once."""
    value: dict[tuple[str, int], float] = {}
    known: dict[tuple[str, int], bool] = {}
    ids: dict[tuple[str, int], set[int]] = {}
    for r in open_complaints:
        key = ("customer", r.customer_id) if r.customer_id is not None else ("inquiry", r.id)
        value[key] = max(value.get(key, 0.0), r.lifetime_value)
        known[key] = known.get(key, True) and r.value_known
        ids.setdefault(key, set()).add(r.id)
    for answer in detractors:
        key = ("customer", answer.customer_id)
        value[key] = max(value.get(key, 0.0), answer.lifetime_value)
        known[key] = known.get(key, True) and answer.value_known
        ids.setdefault(key, set())
        if answer.inquiry_id is not None:
            ids[key].add(answer.inquiry_id)

    def figure(keys: Sequence[tuple[str, int]]) -> Figure[float]:
        chosen = set().union(*(ids[k] for k in keys)) if keys else set()
        return Figure(sum((value[k] for k in keys), 0.0), tuple(sorted(chosen)))

    every = list(value)
    return (
        figure(every),
        figure([k for k in every if not known[k]]),
        figure([k for k in every if known[k]]),
    )


def week_review(
    records: Iterable[InquiryRecord],
    *,
    year: int,
    week: int,
    now: datetime,
    calendar: BusinessCalendar,
    detractors: Iterable[DetractorAnswer] = (),
    customer_base: int | None = None,
) -> WeeklyReview:
    """All figures for one ISO week, in total and for every channel (empty ones included).

    ``customer_base``: the customers on record by the week's end, which caps the iceberg.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    start, end = iso_week_bounds(year, week, calendar.timezone)
    rows = list(records)
    answers = list(detractors)

    def figures(channel: Channel | None) -> WeekFigures:
        return _figures(
            [r for r in rows if channel is None or r.channel is channel],
            [a for a in answers if channel is None or a.channel is channel],
            start=start,
            end=end,
            now=now,
            calendar=calendar,
            customer_base=customer_base,
        )

    return WeeklyReview(
        year=year,
        week=week,
        start=start,
        end=end,
        now=now,
        total=figures(None),
        per_channel={channel: figures(channel) for channel in Channel},
    )

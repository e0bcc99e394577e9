"""The NPS pulse: ask a few customers every month instead of everyone once a year.

Only 5-10 % of unhappy customers complain, so the founder asks a handful each month ("with
100 business customers, ask 10 a month"). Who is proposed:

* never someone who opted out, has an open complaint (they are being helped; a survey now
  would be salt in the wound), has no email address (the pulse goes by mail), was asked within
  the rest period (shared with the follow-up checks), or is not a customer yet;
* customers never asked before come first, the longest-standing of them first; then
  customers asked before, the longest ago first. That is "longest-not-asked first": everyone
  gets their turn before anyone is asked twice;
* ties (an imported base often has no dates at all) are broken by a hash of the month and the
  customer id: stable within a month, so proposing twice gives the same list, but a different
  spread every month, so low ids or high value are never favoured. Choosing by lifetime value
  would skew the NPS towards the biggest customers; the pulse wants a fair sample.

The monthly quota is a count, or a share of the whole base rounded up (at least 1 when there
is any customer), minus those already asked this month.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from soloservice.domain.nps import classify


@dataclass(frozen=True)
class PulseCandidate:
    customer_id: int
    has_email: bool
    opted_out: bool = False
    last_asked_at: datetime | None = None
    has_open_complaint: bool = False
    lifetime_value: float = 0.0
    customer_since: date | None = None


def _since(candidate: PulseCandidate) -> datetime | None:
    if candidate.customer_since is None:
        return None
    day = candidate.customer_since
    if isinstance(day, datetime):
        return day if day.tzinfo is not None else day.replace(tzinfo=UTC)
    return datetime.combine(day, time(0), tzinfo=UTC)


def exclusion_reason(
    candidate: PulseCandidate, *, now: datetime, rest_period_days: int
) -> str | None:
    """Why this customer is not proposed this month, or ``None`` when they may be."""
    if candidate.opted_out:
        return "opted out of surveys"
    if not candidate.has_email:
        return "no email address"
    if candidate.has_open_complaint:
        return "has an open complaint"
    if candidate.last_asked_at is not None and now < candidate.last_asked_at + timedelta(
        days=rest_period_days
    ):
        return f"asked within the {rest_period_days}-day rest period"
    since = _since(candidate)
    if since is not None and since > now:
        return "not a customer yet"
    return None


def monthly_quota(
    base_size: int,
    *,
    how_many: int | None = None,
    share: float | None = None,
    already_asked_this_month: int = 0,
) -> int:
    """How many more customers to ask this month."""
    if (how_many is None) == (share is None):
        raise ValueError("give either how_many or share, not both or neither")
    if base_size < 0 or already_asked_this_month < 0:
        raise ValueError("counts cannot be negative")
    if how_many is not None:
        if how_many < 0:
            raise ValueError(f"how_many cannot be negative, got {how_many}")
        target = how_many
    else:
        assert share is not None
        if not 0 < share <= 1:
            raise ValueError(f"share must be above 0 and at most 1, got {share}")
        # round() first so 0.07 * 100 = 7.000000000000001 does not become 8
        target = math.ceil(round(share * base_size, 9))
        if base_size > 0:
            target = max(1, target)
    return max(0, target - already_asked_this_month)


def _spread(customer_id: int, month: str) -> str:
    return hashlib.sha256(f"{month}:{customer_id}".encode()).hexdigest()


def propose(
    candidates: Iterable[PulseCandidate],
    *,
    now: datetime,
    how_many: int | None = None,
    share: float | None = None,
    rest_period_days: int = 180,
    already_asked_this_month: int = 0,
) -> list[int]:
    """Customer ids to ask this month, in the order they were chosen."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    base = list(candidates)
    quota = monthly_quota(
        len(base),
        how_many=how_many,
        share=share,
        already_asked_this_month=already_asked_this_month,
    )
    eligible = [
        c for c in base if exclusion_reason(c, now=now, rest_period_days=rest_period_days) is None
    ]
    month = f"{now.astimezone(UTC):%Y-%m}"
    floor = datetime.min.replace(tzinfo=UTC)

    def key(candidate: PulseCandidate) -> tuple[int, datetime, str]:
        spread = _spread(candidate.customer_id, month)
        if candidate.last_asked_at is None:
            return (0, _since(candidate) or floor, spread)
        return (1, candidate.last_asked_at.astimezone(UTC), spread)

    return [c.customer_id for c in sorted(eligible, key=key)[:quota]]


# -- pulse NPS per month ---------------------------------------------------------------------


class ScoredAnswer(Protocol):
    @property
    def answered_at(self) -> datetime | None: ...

    @property
    def score(self) -> int | None: ...


@dataclass(frozen=True)
class MonthFigure:
    """One month of pulse answers; ``nps`` is ``None`` when nobody answered."""

    month: str
    nps: float | None
    answers: int
    promoters: int = 0
    passives: int = 0
    detractors: int = 0


def _month_key(moment: datetime, zone: ZoneInfo) -> str:
    return f"{moment.astimezone(zone):%Y-%m}"


def _previous_months(year: int, month: int, count: int) -> list[str]:
    out: list[str] = []
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(out))


#: the longest pulse report: ten years of months. One figure per month is built, so an
#: unbounded count (10**9) would exhaust memory instead of answering.
MAX_REPORT_MONTHS = 120


def monthly_nps(
    records: Iterable[ScoredAnswer],
    *,
    now: datetime,
    timezone: str = "Europe/Copenhagen",
    months: int = 12,
) -> list[MonthFigure]:
    """Pulse NPS for the last ``months`` months, oldest first, ending with the current month.

    Months are local calendar months of the business; months without answers are included
    with ``nps=None`` so a chart shows the gap instead of joining the neighbours. The current
    month is partial; its answer count says how much to trust it.
    """
    if not 1 <= months <= MAX_REPORT_MONTHS:
        raise ValueError(f"months must be from 1 to {MAX_REPORT_MONTHS}")
    zone = ZoneInfo(timezone)
    local_now = now.astimezone(zone)
    keys = _previous_months(local_now.year, local_now.month, months)
    buckets: dict[str, list[int]] = {key: [] for key in keys}
    for record in records:
        if record.answered_at is None or record.score is None:
            continue
        key = _month_key(record.answered_at, zone)
        if key in buckets:
            buckets[key].append(record.score)
    figures: list[MonthFigure] = []
    for key in keys:
        classes = [classify(score) for score in buckets[key]]
        promoters, detractors = classes.count("promoter"), classes.count("detractor")
        figures.append(
            MonthFigure(
                month=key,
                nps=100.0 * (promoters - detractors) / len(classes) if classes else None,
                answers=len(classes),
                promoters=promoters,
                passives=classes.count("passive"),
                detractors=detractors,
            )
        )
    return figures

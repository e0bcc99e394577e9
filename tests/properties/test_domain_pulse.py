"""The NPS pulse as properties (``domain/pulse.py``): only eligible customers, the
longest-not-asked first, the same proposal whatever the order, quotas that round up, and
monthly NPS bucketed by the business's local month.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.nps import (
    nps,
)
from soloservice.domain.pulse import (
    PulseCandidate,
    exclusion_reason,
    monthly_nps,
    monthly_quota,
    propose,
)
from tests.properties.conftest import FEWER, PROPERTIES
from tests.properties.strategies import any_moment

scores = st.integers(0, 10)


# -- the NPS pulse -----------------------------------------------------------------------------

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@st.composite
def candidates(draw: st.DrawFn) -> list[PulseCandidate]:
    count = draw(st.integers(0, 30))
    out = []
    for customer_id in draw(
        st.lists(st.integers(1, 10_000), min_size=count, max_size=count, unique=True)
    ):
        asked = draw(st.none() | st.integers(1, 3 * 365))
        since = draw(st.none() | st.integers(-30, 5 * 365))
        out.append(
            PulseCandidate(
                customer_id=customer_id,
                has_email=draw(st.booleans().map(lambda b: b or draw(st.booleans()))),
                opted_out=draw(st.integers(0, 9)) == 0,
                last_asked_at=None if asked is None else NOW - timedelta(days=asked),
                has_open_complaint=draw(st.integers(0, 9)) == 0,
                customer_since=None if since is None else (NOW - timedelta(days=since)).date(),
            )
        )
    return out


@FEWER
@given(candidates(), st.integers(0, 40), st.integers(0, 400))
def test_the_pulse_asks_only_eligible_customers_longest_not_asked_first(
    base: list[PulseCandidate], how_many: int, rest: int
) -> None:
    chosen = propose(base, now=NOW, how_many=how_many, rest_period_days=rest)
    by_id = {c.customer_id: c for c in base}
    eligible = [c for c in base if exclusion_reason(c, now=NOW, rest_period_days=rest) is None]
    assert len(chosen) == len(set(chosen)) == min(how_many, len(eligible))
    for customer_id in chosen:
        candidate = by_id[customer_id]
        assert exclusion_reason(candidate, now=NOW, rest_period_days=rest) is None
        assert not candidate.opted_out and candidate.has_email
        assert not candidate.has_open_complaint
    # everyone gets a turn before anyone is asked twice
    never = [c.customer_id for c in eligible if c.last_asked_at is None]
    if any(by_id[i].last_asked_at is not None for i in chosen):
        assert set(never) <= set(chosen)
    asked_before = [a for i in chosen if (a := by_id[i].last_asked_at) is not None]
    assert asked_before == sorted(asked_before)  # the longest ago first
    left_out = [a for c in eligible if c.customer_id not in chosen and (a := c.last_asked_at)]
    if asked_before and left_out:
        assert max(asked_before) <= min(left_out)


@FEWER
@given(candidates(), st.integers(0, 40), st.randoms(use_true_random=False))
def test_the_proposal_is_reproducible_whatever_the_order(
    base: list[PulseCandidate], how_many: int, rnd: object
) -> None:
    shuffled = list(base)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    first = propose(base, now=NOW, how_many=how_many)
    assert propose(shuffled, now=NOW, how_many=how_many) == first
    assert propose(base, now=NOW + timedelta(hours=1), how_many=how_many) == first


@PROPERTIES
@given(st.integers(0, 5000), st.integers(0, 500), st.integers(0, 500))
def test_a_quota_by_count(base: int, how_many: int, already: int) -> None:
    assert monthly_quota(base, how_many=how_many, already_asked_this_month=already) == max(
        0, how_many - already
    )


@PROPERTIES
@given(st.integers(0, 5000), st.integers(1, 100), st.integers(0, 50))
def test_a_quota_by_share_rounds_up_and_asks_at_least_one(
    base: int, percent: int, already: int
) -> None:
    share = percent / 100
    quota = monthly_quota(base, share=share, already_asked_this_month=already)
    target = max(1, math.ceil(round(base * percent / 100, 9))) if base else 0
    assert quota == max(0, target - already)
    if base and not already:
        assert quota >= 1
        assert quota <= base


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"how_many": 1, "share": 0.1}, {"share": 0.0}, {"share": 1.5}, {"how_many": -1}],
)
def test_a_quota_needs_one_sensible_rule(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        monthly_quota(10, **kwargs)  # type: ignore[arg-type]


class _Answer:
    def __init__(self, answered_at: datetime | None, score: int | None) -> None:
        self.answered_at = answered_at
        self.score = score


@FEWER
@given(
    st.lists(st.tuples(st.none() | any_moment, st.none() | scores), max_size=40),
    any_moment,
    st.integers(1, 24),
)
def test_monthly_nps_buckets_answers_by_local_month(
    pairs: list[tuple[datetime | None, int | None]], now: datetime, months: int
) -> None:
    zone = ZoneInfo("Europe/Copenhagen")
    figures = monthly_nps([_Answer(a, s) for a, s in pairs], now=now, months=months)
    assert len(figures) == months
    keys = [f.month for f in figures]
    assert keys == sorted(keys) and len(set(keys)) == months
    assert keys[-1] == f"{now.astimezone(zone):%Y-%m}"
    for figure in figures:
        inside = [
            s
            for a, s in pairs
            if a is not None and s is not None and f"{a.astimezone(zone):%Y-%m}" == figure.month
        ]
        assert figure.answers == len(inside)
        assert figure.nps == nps(inside)
        assert figure.promoters + figure.passives + figure.detractors == figure.answers


def test_an_answer_late_on_the_last_utc_day_counts_in_the_next_local_month() -> None:
    late = datetime(2026, 10, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 November in Copenhagen
    figures = monthly_nps([_Answer(late, 10)], now=datetime(2026, 11, 5, tzinfo=UTC), months=2)
    assert [(f.month, f.answers) for f in figures] == [("2026-10", 0), ("2026-11", 1)]


@pytest.mark.parametrize(
    ("candidate", "reason"),
    [
        (PulseCandidate(1, has_email=True, opted_out=True), "opted out of surveys"),
        (PulseCandidate(1, has_email=False), "no email address"),
        (PulseCandidate(1, has_email=True, has_open_complaint=True), "has an open complaint"),
        (
            PulseCandidate(1, has_email=True, last_asked_at=NOW - timedelta(days=10)),
            "asked within the 180-day rest period",
        ),
        (PulseCandidate(1, has_email=True, customer_since=date(2027, 1, 1)), "not a customer yet"),
        (PulseCandidate(1, has_email=True, last_asked_at=NOW - timedelta(days=180)), None),
    ],
)
def test_why_a_customer_is_not_proposed(candidate: PulseCandidate, reason: str | None) -> None:
    assert exclusion_reason(candidate, now=NOW, rest_period_days=180) == reason

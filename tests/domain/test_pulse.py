from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from soloservice.domain.nps import SurveyRecord
from soloservice.domain.pulse import (
    MonthFigure,
    PulseCandidate,
    exclusion_reason,
    monthly_nps,
    monthly_quota,
    propose,
)
from soloservice.domain.types import Channel

NOW = datetime(2026, 11, 24, 9, tzinfo=UTC)


def ago(days: int) -> datetime:
    return NOW - timedelta(days=days)


def customer(customer_id: int, **kwargs: object) -> PulseCandidate:
    fields: dict[str, object] = {"has_email": True, **kwargs}
    return PulseCandidate(customer_id, **fields)  # type: ignore[arg-type]


# -- who may be proposed ---------------------------------------------------------------------


def test_exclusions() -> None:
    candidates = [
        customer(1),
        customer(2, opted_out=True),
        customer(3, has_email=False),
        customer(4, has_open_complaint=True),
        customer(5, last_asked_at=ago(179)),
        customer(6, last_asked_at=ago(180)),
        customer(7, customer_since=date(2027, 1, 1)),
    ]
    reasons = {
        c.customer_id: exclusion_reason(c, now=NOW, rest_period_days=180) for c in candidates
    }
    assert reasons == {
        1: None,
        2: "opted out of surveys",
        3: "no email address",
        4: "has an open complaint",
        5: "asked within the 180-day rest period",
        6: None,
        7: "not a customer yet",
    }
    assert sorted(propose(candidates, now=NOW, how_many=10)) == [1, 6]


def test_longest_not_asked_first_never_asked_before_asked() -> None:
    candidates = [
        customer(10, last_asked_at=ago(200)),
        customer(11, last_asked_at=ago(400)),
        customer(12, customer_since=date(2020, 1, 1)),
        customer(13, customer_since=date(2025, 6, 1)),
        customer(14, last_asked_at=ago(300)),
    ]
    # never asked: 12 (since 2020), 13 (since 2025); then asked 400, 300, 200 days ago
    assert propose(candidates, now=NOW, how_many=5) == [12, 13, 11, 14, 10]
    assert propose(candidates, now=NOW, how_many=3) == [12, 13, 11]


def test_ties_are_stable_within_a_month_and_rotate_between_months() -> None:
    base = [customer(i) for i in range(1, 101)]
    first = propose(base, now=NOW, how_many=10)
    assert first == propose(list(reversed(base)), now=NOW + timedelta(days=3), how_many=10)
    assert first != list(range(1, 11))  # not simply the lowest ids
    next_month = propose(base, now=datetime(2026, 12, 2, 9, tzinfo=UTC), how_many=10)
    assert next_month != first


def test_ties_are_not_broken_by_lifetime_value() -> None:
    rich = [customer(i, lifetime_value=1_000_000.0) for i in range(1, 51)]
    modest = [customer(i, lifetime_value=1_000.0) for i in range(51, 101)]
    chosen = set(propose(rich + modest, now=NOW, how_many=20))
    # a fair spread picks from both halves
    assert chosen & {c.customer_id for c in rich}
    assert chosen & {c.customer_id for c in modest}


def test_a_year_of_pulses_asks_everyone_before_anyone_twice() -> None:
    customers = {i: customer(i) for i in range(1, 31)}
    asked: list[int] = []
    month_start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    for month in range(3):
        now = month_start + timedelta(days=31 * month)
        picked = propose(customers.values(), now=now, how_many=10, rest_period_days=180)
        asked += picked
        for cid in picked:
            customers[cid] = customer(cid, last_asked_at=now)
    assert sorted(asked) == list(range(1, 31))


# -- quota -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "how_many", "share", "already", "expected"),
    [
        (100, 10, None, 0, 10),
        (100, 10, None, 4, 6),
        (100, 10, None, 12, 0),
        (100, None, 0.1, 0, 10),
        (100, None, 0.07, 0, 7),  # not 8 from float noise
        (95, None, 0.1, 0, 10),  # 9.5 rounded up
        (3, None, 0.01, 0, 1),  # at least one from a non-empty base
        (0, None, 0.5, 0, 0),
        (0, 5, None, 0, 5),
    ],
)
def test_monthly_quota(
    base: int, how_many: int | None, share: float | None, already: int, expected: int
) -> None:
    quota = monthly_quota(base, how_many=how_many, share=share, already_asked_this_month=already)
    assert quota == expected


@pytest.mark.parametrize(
    ("how_many", "share"), [(None, None), (5, 0.1), (-1, None), (None, 0.0), (None, 1.5)]
)
def test_monthly_quota_rejects_bad_settings(how_many: int | None, share: float | None) -> None:
    with pytest.raises(ValueError):
        monthly_quota(10, how_many=how_many, share=share)


def test_share_counts_the_whole_base_and_subtracts_this_months_surveys() -> None:
    # 20 customers, 10 % -> 2; 15 have open complaints, 1 already asked this month -> 1
    base = [customer(i, has_open_complaint=i <= 15) for i in range(1, 21)]
    assert len(propose(base, now=NOW, share=0.1, already_asked_this_month=1)) == 1
    assert propose(base, now=NOW, share=0.1, already_asked_this_month=2) == []


def test_propose_with_empty_base() -> None:
    assert propose([], now=NOW, share=0.1) == []


# -- monthly pulse NPS -----------------------------------------------------------------------


def answer(when: datetime, score: int | None) -> SurveyRecord:
    return SurveyRecord(when - timedelta(days=1), Channel.EMAIL, when, None, score)


def test_monthly_nps_last_12_months_with_empty_months() -> None:
    records = [
        answer(datetime(2026, 11, 3, 10, tzinfo=UTC), 10),
        answer(datetime(2026, 11, 20, 10, tzinfo=UTC), 3),
        answer(datetime(2026, 11, 21, 10, tzinfo=UTC), 8),
        # 31 Oct 23:30 UTC is 1 Nov 00:30 in Copenhagen: counts for November
        answer(datetime(2026, 10, 31, 23, 30, tzinfo=UTC), 9),
        answer(datetime(2026, 9, 15, tzinfo=UTC), 0),
        answer(datetime(2025, 12, 1, 12, tzinfo=UTC), 10),  # first month in the window
        answer(datetime(2025, 11, 30, 12, tzinfo=UTC), 0),  # 13 months ago: outside
        answer(datetime(2026, 8, 1, 12, tzinfo=UTC), None),  # no score: not counted
    ]
    figures = monthly_nps(records, now=NOW)
    assert [f.month for f in figures] == [
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
        "2026-05",
        "2026-06",
        "2026-07",
        "2026-08",
        "2026-09",
        "2026-10",
        "2026-11",
    ]
    by_month = {f.month: f for f in figures}
    # November: 10, 3, 8, 9 -> 2 promoters, 1 detractor of 4 -> +25
    assert by_month["2026-11"] == MonthFigure("2026-11", 25.0, 4, 2, 1, 1)
    assert by_month["2026-10"] == MonthFigure("2026-10", None, 0)
    assert by_month["2026-09"].nps == -100.0
    assert by_month["2025-12"].nps == 100.0
    assert by_month["2026-08"].answers == 0


def test_monthly_nps_across_new_year() -> None:
    figures = monthly_nps([], now=datetime(2027, 2, 10, tzinfo=UTC), months=3)
    assert [f.month for f in figures] == ["2026-12", "2027-01", "2027-02"]

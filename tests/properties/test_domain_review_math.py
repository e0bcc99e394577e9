"""The weekly review's math as properties (``domain/review_math.py``, ``iso_weeks.py``,
``iceberg.py``, ``value.py``, ``remedies.py``).

Every figure is recomputed here from the records the plain way, with the definitions in the
module docstring, and per-channel figures must add up to the total where the docstring says
they do.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.business_calendar import BusinessCalendar
from soloservice.domain.iceberg import ICEBERG_HIGH, ICEBERG_LOW, Iceberg
from soloservice.domain.iso_weeks import (
    format_iso_week,
    iso_week_bounds,
    last_full_week,
    parse_iso_week,
)
from soloservice.domain.review_math import (
    DetractorAnswer,
    InquiryRecord,
    median,
    percentile_nearest_rank,
    week_review,
)
from soloservice.domain.types import Channel, InquiryKind, Status
from tests.properties.conftest import FEWER, PROPERTIES
from tests.properties.strategies import HOME_ZONES, any_moment

durations = st.lists(st.integers(0, 10_000).map(lambda m: timedelta(minutes=m)), max_size=40)


# -- median and percentile ---------------------------------------------------------------------


@PROPERTIES
@given(durations)
def test_median_is_the_middle_or_the_mean_of_the_two_middles(values: list[timedelta]) -> None:
    result = median(values)
    if not values:
        assert result is None
        return
    ordered = sorted(values)
    n = len(ordered)
    expected = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    assert result == expected
    assert ordered[0] <= result <= ordered[-1]
    assert sum(1 for v in values if v < result) <= n / 2 <= sum(1 for v in values if v <= result)


@PROPERTIES
@given(durations, st.integers(1, 100))
def test_the_nearest_rank_percentile_is_a_real_wait(values: list[timedelta], percent: int) -> None:
    result = percentile_nearest_rank(values, percent)
    if not values:
        assert result is None
        return
    assert result in values  # a time someone actually waited, never interpolated
    n = len(values)
    at_or_below = sum(1 for v in values if v <= result)
    below = sum(1 for v in values if v < result)
    assert at_or_below >= percent / 100 * n - 1e-9  # at least p % at or below it
    assert below < percent / 100 * n  # and it is the smallest such value
    assert percentile_nearest_rank(values, 100) == max(values)


@pytest.mark.parametrize("bad", [0, -5, 100.01, 200])
def test_a_percentile_outside_0_100_is_refused(bad: float) -> None:
    with pytest.raises(ValueError):
        percentile_nearest_rank([timedelta(1)], bad)


def test_the_p90_of_ten_waits_is_the_ninth() -> None:
    values = [timedelta(hours=h) for h in range(1, 11)]
    assert percentile_nearest_rank(values, 90) == timedelta(hours=9)
    assert median(values) == timedelta(hours=5, minutes=30)


# -- the week's figures --------------------------------------------------------------------

CAL = BusinessCalendar()
YEAR, WEEK = 2026, 48  # Monday 23 November 2026
START, END = iso_week_bounds(YEAR, WEEK, "Europe/Copenhagen")


def _around(minutes: int) -> datetime:
    return START + timedelta(minutes=minutes)


@st.composite
def inquiry(draw: st.DrawFn, record_id: int) -> InquiryRecord:
    received = _around(draw(st.integers(-14 * 24 * 60, 10 * 24 * 60)))
    answered = draw(st.none() | st.integers(0, 7 * 24 * 60))
    due = draw(st.none() | st.integers(0, 5 * 24 * 60))
    resolved = draw(st.none() | st.integers(-3 * 24 * 60, 20 * 24 * 60))
    return InquiryRecord(
        id=record_id,
        channel=draw(st.sampled_from(list(Channel))),
        kind=draw(st.sampled_from(list(InquiryKind))),
        received_at=received,
        status=draw(st.sampled_from(list(Status))),
        due_at=None if due is None else received + timedelta(minutes=due),
        first_response_at=None if answered is None else received + timedelta(minutes=answered),
        resolved_at=None if resolved is None else _around(resolved),
        customer_id=draw(st.none() | st.integers(1, 8)),
        lifetime_value=draw(st.sampled_from((0.0, 1000.0, 20_000.0, 100_000.0))),
        complaint=draw(st.none() | st.booleans()),
        value_known=draw(st.booleans()),
    )


inquiries = st.integers(0, 20).flatmap(
    lambda n: st.tuples(*(inquiry(i + 1) for i in range(n))).map(list)
)
detractor_answers = st.lists(
    st.builds(
        DetractorAnswer,
        customer_id=st.integers(1, 8),
        lifetime_value=st.sampled_from((0.0, 5000.0, 20_000.0)),
        answered_at=st.integers(-2 * 24 * 60, 9 * 24 * 60).map(_around),
        channel=st.sampled_from(list(Channel)),
        inquiry_id=st.none() | st.integers(1, 20),
        value_known=st.booleans(),
    ),
    max_size=5,
)
nows = st.integers(0, 21 * 24 * 60).map(_around)


@FEWER
@given(inquiries, detractor_answers, nows, st.none() | st.integers(0, 500))
def test_the_weeks_figures_follow_their_definitions(
    rows: list[InquiryRecord], answers: list[DetractorAnswer], now: datetime, base: int | None
) -> None:
    review = week_review(
        rows, year=YEAR, week=WEEK, now=now, calendar=CAL, detractors=answers, customer_base=base
    )
    total = review.total
    cohort = [r for r in rows if START <= r.received_at < END]
    answered = [r for r in cohort if r.first_response_at is not None and r.first_response_at <= now]
    assert total.received.value == len(cohort)
    assert total.received.ids == tuple(sorted(r.id for r in cohort))
    assert total.answered.ids == tuple(sorted(r.id for r in answered))
    assert set(total.overdue_now.ids) <= set(total.unanswered_now.ids)
    waiting = [
        r
        for r in rows
        if r.received_at < min(END, now)
        and not (r.first_response_at is not None and r.first_response_at <= now)
    ]
    assert set(total.unanswered_now.ids) == {r.id for r in waiting}
    if waiting:
        assert total.oldest_waiting is not None
        assert total.oldest_waiting.received_at == min(r.received_at for r in waiting)
        assert total.oldest_waiting.waiting == now - total.oldest_waiting.received_at
    else:
        assert total.oldest_waiting is None
    times = [
        CAL.business_time_between(r.received_at, r.first_response_at)
        for r in answered
        if r.first_response_at is not None
    ]
    assert total.first_response_median.value == median(times)
    assert total.first_response_p90.value == percentile_nearest_rank(times, 90)
    kept = total.promises_kept_percent.value
    assert kept is None or 0.0 <= kept <= 100.0
    assert set(total.promises_broken.ids) <= set(total.promises_kept_percent.ids)
    assert set(total.promises_kept_percent.ids) <= set(total.received.ids)
    complaints = [r for r in cohort if r.is_complaint]
    assert total.complaints.value == len(complaints)
    assert total.silent_unhappy.estimate == (
        ICEBERG_LOW * len(complaints),
        ICEBERG_HIGH * len(complaints),
    )
    assert total.iceberg == total.silent_unhappy.range
    assert math.isclose(
        total.value_at_risk.value,
        total.value_at_risk_default.value + total.value_at_risk_known.value,
    )
    resolved = [r for r in rows if r.resolved_at is not None and START <= r.resolved_at < END]
    assert total.resolved.value == len(resolved)


@FEWER
@given(inquiries, detractor_answers, nows)
def test_channel_counts_add_up_to_the_total(
    rows: list[InquiryRecord], answers: list[DetractorAnswer], now: datetime
) -> None:
    review = week_review(rows, year=YEAR, week=WEEK, now=now, calendar=CAL, detractors=answers)
    assert set(review.per_channel) == set(Channel)
    for name in (
        "received",
        "answered",
        "unanswered_now",
        "overdue_now",
        "promises_broken",
        "resolved",
        "reopened",
        "complaints",
    ):
        per_channel = sum(getattr(f, name).value for f in review.per_channel.values())
        assert per_channel == getattr(review.total, name).value, name
    # a customer at risk in two channels counts in both: channels may add up to more
    assert sum(f.value_at_risk.value for f in review.per_channel.values()) >= (
        review.total.value_at_risk.value - 1e-6
    )


@FEWER
@given(inquiries, nows)
def test_each_customer_is_at_risk_once_at_their_highest_value(
    rows: list[InquiryRecord], now: datetime
) -> None:
    review = week_review(rows, year=YEAR, week=WEEK, now=now, calendar=CAL)
    at_risk = [r for r in rows if r.is_complaint and r.status.is_open and r.received_at < END]
    by_customer: dict[object, float] = {}
    for r in at_risk:
        key = r.customer_id if r.customer_id is not None else ("inquiry", r.id)
        by_customer[key] = max(by_customer.get(key, 0.0), r.lifetime_value)
    assert math.isclose(review.total.value_at_risk.value, sum(by_customer.values()))
    assert set(review.total.value_at_risk.ids) == {r.id for r in at_risk}


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(ValueError):
        week_review([], year=YEAR, week=WEEK, now=datetime(2026, 11, 30), calendar=CAL)


# -- the iceberg -------------------------------------------------------------------------------


@PROPERTIES
@given(st.integers(0, 100), st.integers(0, 100), st.none() | st.integers(0, 3000))
def test_the_iceberg_is_capped_by_the_silent_customers(
    complaints: int, complainers: int, customers: int | None
) -> None:
    complainers = min(complainers, complaints)
    iceberg = Iceberg(complaints=complaints, complainers=complainers, customers=customers)
    low, high = iceberg.range
    assert low <= high
    assert iceberg.estimate == (10 * complaints, 26 * complaints)
    if customers is None:
        assert iceberg.range == iceberg.estimate and not iceberg.bounded
        return
    silent = max(0, customers - complainers)
    assert iceberg.bound == silent
    assert high <= silent and low <= silent
    assert iceberg.bounded is (complaints > 0 and silent < 26 * complaints)
    if not iceberg.bounded:
        assert iceberg.range == iceberg.estimate


# -- ISO weeks -----------------------------------------------------------------------------------


@PROPERTIES
@given(st.integers(2024, 2030), st.integers(1, 53), st.sampled_from(HOME_ZONES))
def test_a_week_runs_monday_to_monday_on_the_local_clock(year: int, week: int, zone: str) -> None:
    try:
        start, end = iso_week_bounds(year, week, zone)
    except ValueError:
        assert week == 53  # only a long year has week 53
        with pytest.raises(ValueError):
            parse_iso_week(format_iso_week(year, week))
        return
    local_start, local_end = start.astimezone(ZoneInfo(zone)), end.astimezone(ZoneInfo(zone))
    assert local_start.weekday() == 0 and local_start.time() == time(0)
    assert local_end.date() - local_start.date() == timedelta(days=7)
    assert end - start in (timedelta(hours=167), timedelta(hours=168), timedelta(hours=169))
    assert local_start.isocalendar()[:2] == (year, week)
    assert parse_iso_week(format_iso_week(year, week)) == (year, week)


@PROPERTIES
@given(any_moment, st.sampled_from(HOME_ZONES))
def test_every_moment_lies_in_its_own_local_week(moment: datetime, zone: str) -> None:
    year, week, _ = moment.astimezone(ZoneInfo(zone)).isocalendar()
    start, end = iso_week_bounds(year, week, zone)
    assert start <= moment < end


@PROPERTIES
@given(any_moment, st.sampled_from(HOME_ZONES))
def test_the_last_full_week_is_the_one_before_this_one(now: datetime, zone: str) -> None:
    year, week = last_full_week(now, zone)
    _start, end = iso_week_bounds(year, week, zone)
    assert end <= now
    assert now - end < timedelta(days=7, hours=1)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("2026-W47", (2026, 47)),
        ("2026W47", (2026, 47)),
        (" 2026-w7 ", (2026, 7)),
        ("2026-W53", (2026, 53)),
    ],
)
def test_iso_week_text(text: str, parsed: tuple[int, int]) -> None:
    assert parse_iso_week(text) == parsed


@pytest.mark.parametrize("text", ["2025-W53", "2026-W00", "2026-47", "W47", "2026-W470", ""])
def test_weeks_that_do_not_exist_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_iso_week(text)


def test_the_week_of_the_dst_change_is_an_hour_longer() -> None:
    start, end = iso_week_bounds(2026, 43, "Europe/Copenhagen")  # 19-26 October 2026
    assert end - start == timedelta(hours=169)
    start, end = iso_week_bounds(2026, 13, "Europe/Oslo")  # 23-30 March 2026
    assert end - start == timedelta(hours=167)
    assert start == datetime.combine(date(2026, 3, 23), time(0), ZoneInfo("Europe/Oslo"))
    assert start.tzinfo is UTC

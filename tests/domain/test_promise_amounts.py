"""Promise math in amounts: fractions, round trips, bad input, channels, pauses, outcomes."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

import pytest

from soloservice.domain.promise import (
    DEFAULT_HOURS,
    BusinessCalendar,
    PromiseOutcome,
    due_after_pauses,
    due_at,
    paused_due_at,
    promise_outcome,
)
from soloservice.domain.types import Channel
from tests.domain.calendars import ALL_DAY, CPH, DK, NO, cph

# -- amounts --------------------------------------------------------------------------------


def test_fractional_hours() -> None:
    assert DK.add_business_hours(cph(2026, 3, 9, 9, 0), 1.5) == cph(2026, 3, 9, 10, 30)
    assert DK.add_business_hours(cph(2026, 3, 9, 16, 45), 0.5) == cph(2026, 3, 10, 9, 15)


def test_zero_hours_is_the_first_open_moment() -> None:
    assert DK.add_business_hours(cph(2026, 3, 9, 11, 7), 0) == cph(2026, 3, 9, 11, 7)
    assert DK.add_business_hours(cph(2026, 3, 14, 11, 0), 0) == cph(2026, 3, 16, 9, 0)


def test_long_promise_steps_by_day() -> None:
    explanation = DK.explain(cph(2026, 1, 5, 9, 0), 2000)
    assert sum((s.counted for s in explanation.steps), timedelta()) == timedelta(hours=2000)
    span = (explanation.due.astimezone(CPH).date() - date(2026, 1, 5)).days + 1
    assert len(explanation.steps) == span


@pytest.mark.parametrize("hours", [-1.0, float("nan"), float("inf")])
def test_bad_amounts_are_refused(hours: float) -> None:
    with pytest.raises(ValueError, match="non-negative"):
        DK.add_business_hours(cph(2026, 3, 9, 9, 0), hours)


def test_business_time_roundtrips_with_add() -> None:
    rng = random.Random(4)
    calendars = [DK, NO, BusinessCalendar(hours=ALL_DAY, holiday_country="NO")]
    for _ in range(300):
        calendar = rng.choice(calendars)
        start = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(2 * 525_600))
        hours = rng.choice([0.0, 0.25, 1.0, 4.0, 8.0, 13.5, 40.0])
        due = calendar.add_business_hours(start, hours)
        assert due >= start
        assert calendar.business_time_between(start, due) == timedelta(hours=hours)


def test_business_time_between() -> None:
    start, due = cph(2026, 4, 1, 16, 0), cph(2026, 4, 7, 16, 0)
    assert DK.business_time_between(start, due) == timedelta(hours=8)
    assert DK.business_time_between(due, start) == timedelta(0)
    assert DK.business_time_between(start, start) == timedelta(0)
    assert DK.business_time_between(cph(2026, 3, 14, 10), cph(2026, 3, 15, 10)) == timedelta(0)


# -- impossible calendars and bad input -----------------------------------------------------


def test_calendar_without_open_days_raises() -> None:
    never = BusinessCalendar(hours={})
    with pytest.raises(ValueError, match="no opening hours"):
        never.add_business_hours(cph(2026, 3, 9, 9), 1)
    with pytest.raises(ValueError, match="no opening hours"):
        never.explain(cph(2026, 3, 9, 9), 1)


def test_calendar_closed_for_longer_than_the_search_bound_raises() -> None:
    forever = frozenset(date(2026, 1, 1) + timedelta(days=n) for n in range(800))
    calendar = BusinessCalendar(closed_days=forever)
    with pytest.raises(ValueError, match="400 consecutive days"):
        calendar.add_business_hours(cph(2026, 1, 1), 1)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        DK.add_business_hours(datetime(2026, 3, 9, 9), 1)
    with pytest.raises(ValueError, match="timezone-aware"):
        DK.business_time_between(cph(2026, 3, 9, 9), datetime(2026, 3, 10, 9))


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        BusinessCalendar(timezone="Mars/Olympus")
    with pytest.raises(ValueError, match="country"):
        BusinessCalendar(holiday_country="XX")
    with pytest.raises(ValueError, match="after opening"):
        BusinessCalendar(hours={0: (time(17), time(9))})
    with pytest.raises(ValueError, match="weekday"):
        BusinessCalendar(hours={7: (time(9), time(17))})


def test_calendars_compare_and_hash_by_settings() -> None:
    same = BusinessCalendar(hours=dict(DEFAULT_HOURS))
    assert same == DK
    assert hash(same) == hash(DK)
    assert {DK, same, NO} == {DK, NO}
    assert BusinessCalendar(close_christmas_eve=False) != DK


def test_country_code_is_case_insensitive() -> None:
    assert BusinessCalendar(holiday_country="dk").closed_reason(date(2026, 4, 2)) == "Skærtorsdag"


# -- channels -------------------------------------------------------------------------------


def test_due_at_uses_channel_promise_and_overrides() -> None:
    monday = cph(2026, 3, 9, 9, 0)
    assert due_at(monday, Channel.FACEBOOK, DK) == cph(2026, 3, 9, 13, 0)
    assert due_at(monday, Channel.FORM, DK) == cph(2026, 3, 9, 17, 0)
    custom = {Channel.EMAIL: 2.0}
    assert due_at(monday, Channel.EMAIL, DK, custom) == cph(2026, 3, 9, 11, 0)
    assert due_at(monday, Channel.PHONE, DK, custom) == cph(2026, 3, 9, 13, 0)  # default


# -- pausing --------------------------------------------------------------------------------


def test_pause_shifts_due_by_business_time_inside_it() -> None:
    due = cph(2026, 3, 10, 16, 0)
    # Waiting from Tue 10:00 to Wed 10:00: 6 h were left, so due Wed 16:00.
    assert paused_due_at(due, cph(2026, 3, 10, 10), cph(2026, 3, 11, 10), DK) == cph(
        2026, 3, 11, 16
    )


def test_pause_outside_hours_changes_nothing() -> None:
    due = cph(2026, 3, 11, 12, 0)
    assert paused_due_at(due, cph(2026, 3, 10, 17, 30), cph(2026, 3, 11, 8), DK) == due


def test_pause_ending_after_due_keeps_the_remaining_time() -> None:
    due = cph(2026, 3, 10, 16, 0)
    resumed = paused_due_at(due, cph(2026, 3, 10, 15), cph(2026, 3, 12, 12), DK)
    assert resumed == cph(2026, 3, 12, 13, 0)


def test_pause_after_due_or_empty_changes_nothing() -> None:
    due = cph(2026, 3, 10, 16, 0)
    assert paused_due_at(due, cph(2026, 3, 10, 16, 30), cph(2026, 3, 12, 12), DK) == due
    assert paused_due_at(due, cph(2026, 3, 10, 12), cph(2026, 3, 10, 12), DK) == due
    assert paused_due_at(due, cph(2026, 3, 10, 12), cph(2026, 3, 10, 11), DK) == due


def test_several_pauses() -> None:
    due = cph(2026, 3, 10, 16, 0)
    pauses = [
        (cph(2026, 3, 11, 9), cph(2026, 3, 11, 11)),
        (cph(2026, 3, 10, 10), cph(2026, 3, 10, 12)),
    ]
    # Tue 10-12 pushes the due to Wed 10:00; then Wed 9-11 leaves 1 h from 11:00.
    first = paused_due_at(due, *pauses[1], DK)
    assert first == cph(2026, 3, 11, 10, 0)
    assert due_after_pauses(due, pauses, DK) == paused_due_at(first, *pauses[0], DK)
    assert due_after_pauses(due, pauses, DK) == cph(2026, 3, 11, 12, 0)


# -- outcome --------------------------------------------------------------------------------


def test_outcome_wall_clock() -> None:
    due = cph(2026, 3, 10, 16, 0)
    assert promise_outcome(due, cph(2026, 3, 10, 14, 0)) == PromiseOutcome(
        kept=True, margin=timedelta(hours=2)
    )
    assert promise_outcome(due, cph(2026, 3, 10, 16, 0)).kept
    late = promise_outcome(due, cph(2026, 3, 10, 16, 30))
    assert not late.kept
    assert late.margin == timedelta(minutes=-30)


def test_outcome_in_business_time_ignores_the_weekend() -> None:
    due = cph(2026, 3, 16, 10, 0)  # Monday
    early = promise_outcome(due, cph(2026, 3, 13, 16, 0), DK)
    assert early == PromiseOutcome(kept=True, margin=timedelta(hours=2))
    late = promise_outcome(cph(2026, 3, 13, 16, 0), due, DK)
    assert late == PromiseOutcome(kept=False, margin=timedelta(hours=-2))

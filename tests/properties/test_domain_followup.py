"""The closed loop and the rest period as properties (``domain/followup.py``).

An unhappy answer (a "no" or 0-6) reopens the case with a call-back within 24 wall-clock
hours, whatever the other half of the answer says; nobody is asked twice within the rest
period, on any channel; the check is made ``delay_days`` later at a business hour.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.business_calendar import BusinessCalendar
from soloservice.domain.followup import (
    FollowupSettings,
    last_asked,
    may_ask,
    outcome_for,
    rest_period_ends,
    schedule_check,
)
from tests.properties.conftest import PROPERTIES
from tests.properties.strategies import any_moment, home_calendars

# -- the closed loop ---------------------------------------------------------------------------


@pytest.mark.parametrize("satisfied", [None, True, False])
@pytest.mark.parametrize("score", [None, *range(11)])
def test_every_answer_has_exactly_one_outcome(satisfied: bool | None, score: int | None) -> None:
    outcome = outcome_for(satisfied, score)
    unhappy = satisfied is False or (score is not None and score <= 6)
    assert outcome.reopen is unhappy  # the unhappy signal wins, whatever the other half says
    assert outcome.close is (not unhappy and (satisfied is True or score is not None))
    assert outcome.needs_founder is (satisfied is None and score is None)
    assert [outcome.reopen, outcome.close, outcome.needs_founder].count(True) == 1
    assert (outcome.callback_within == timedelta(hours=24)) is unhappy
    assert (outcome.callback_within is None) is (not unhappy)
    assert outcome.at_risk_public is (score is not None and score <= 4)
    assert outcome.promoter is (score is not None and score >= 9)
    assert outcome.ask_for_review is (outcome.promoter and outcome.close)
    assert ("24 hours" in outcome.reason) is unhappy
    if score is not None:
        assert f"score {score}" in outcome.reason


@PROPERTIES
@given(any_moment, st.sampled_from([False, None]), st.none() | st.integers(0, 6))
def test_the_call_back_is_due_24_wall_clock_hours_later(
    answered: datetime, satisfied: bool | None, score: int | None
) -> None:
    """Nights, weekends and DST changes count: the customer waits in real hours."""
    if satisfied is None and score is None:
        satisfied = False
    outcome = outcome_for(satisfied, score)
    due = outcome.callback_due(answered)
    assert due is not None
    assert due - answered == timedelta(hours=24)
    assert due.utcoffset() == timedelta(0)


@PROPERTIES
@given(any_moment, st.sampled_from([True, None]), st.integers(7, 10))
def test_a_happy_answer_needs_no_call(
    answered: datetime, satisfied: bool | None, score: int
) -> None:
    assert outcome_for(satisfied, score).callback_due(answered) is None


# -- the rest period ---------------------------------------------------------------------------


rest_days = st.integers(0, 400)


@PROPERTIES
@given(any_moment, any_moment, rest_days)
def test_the_rest_period_blocks_until_it_has_passed(
    last: datetime, now: datetime, days: int
) -> None:
    settings = FollowupSettings(rest_period_days=days)
    decision = may_ask(last, now, settings, opted_out=False)
    assert decision.ok is (now >= last + timedelta(days=days))
    assert rest_period_ends(last, settings) == last + timedelta(days=days)
    if not decision.ok:
        assert f"{days}-day rest period" in decision.reason
        later = rest_period_ends(last, settings)
        assert may_ask(last, later, settings, opted_out=False).ok  # from that instant on


@PROPERTIES
@given(st.none() | any_moment, any_moment, rest_days, st.booleans())
def test_opt_out_and_untick_always_win(
    last: datetime | None, now: datetime, days: int, opted_out: bool
) -> None:
    settings = FollowupSettings(rest_period_days=days)
    assert not may_ask(last, now, settings, opted_out=True, untick=False).ok
    assert not may_ask(last, now, settings, opted_out=opted_out, untick=True).ok
    if last is None and not opted_out:
        assert may_ask(None, now, settings, opted_out=False).ok


@PROPERTIES
@given(st.lists(st.none() | any_moment, max_size=6))
def test_the_rest_period_runs_from_the_latest_survey_on_any_channel(
    moments: list[datetime | None],
) -> None:
    in_zones = [
        m.astimezone(ZoneInfo(z)) if m is not None else None
        for m, z in zip(moments, ["Europe/Oslo", "UTC", "America/New_York"] * 2, strict=False)
    ]
    known = [m for m in moments if m is not None]
    result = last_asked(in_zones)
    assert (result.astimezone(UTC) if result else None) == (max(known) if known else None)


@PROPERTIES
@given(home_calendars, any_moment, st.integers(0, 30))
def test_the_check_is_scheduled_in_business_hours_delay_days_later(
    cal: BusinessCalendar, resolved: datetime, delay: int
) -> None:
    when = schedule_check(resolved, cal, FollowupSettings(delay_days=delay))
    zone = ZoneInfo(cal.timezone)
    local_resolved = resolved.astimezone(zone)
    assert when.astimezone(zone).date() >= local_resolved.date() + timedelta(days=delay)
    assert when >= resolved + timedelta(days=delay) - timedelta(hours=2)  # DST: wall-clock days
    # it is an open moment: nothing can be counted between it and the first opening
    assert cal.add_business_hours(when, 0) == when


@PROPERTIES
@given(st.sampled_from(["Europe/Copenhagen", "Europe/Oslo"]), st.integers(0, 6))
def test_a_check_keeps_the_local_clock_across_dst(zone: str, delay: int) -> None:
    cal = BusinessCalendar(timezone=zone, holiday_country=None, close_christmas_eve=False)
    # Thursday 26 March 2026 14:00, three days before the spring change
    resolved = datetime(2026, 3, 26, 14, 0, tzinfo=ZoneInfo(zone))
    when = schedule_check(resolved, cal, FollowupSettings(delay_days=delay)).astimezone(
        ZoneInfo(zone)
    )
    target = resolved + timedelta(days=delay)
    if target.weekday() < 5:
        assert (when.date(), when.hour, when.minute) == (target.date(), 14, 0)
    else:
        assert when.weekday() == 0 and when.hour == 9


@pytest.mark.parametrize("bad", [{"delay_days": -1}, {"rest_period_days": -1}])
def test_negative_settings_are_refused(bad: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        FollowupSettings(**bad)  # type: ignore[arg-type]

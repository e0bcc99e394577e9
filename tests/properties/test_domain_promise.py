"""Promise math as properties: any calendar, any arrival, any zone, across DST changes.

The rules under test (``domain/business_calendar.py``, ``domain/promise.py``): a due time is
never before the arrival, always inside opening hours on an open day, counts exactly the
promised business time, and moves forward (never back) when the inquiry arrives later or the
promise is longer. Pauses shift it by exactly the business time inside the pause.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.business_calendar import BusinessCalendar
from soloservice.domain.promise import (
    DEFAULT_PROMISE_HOURS,
    due_after_pauses,
    due_at,
    paused_due_at,
    promise_hours_for,
    promise_outcome,
)
from soloservice.domain.types import Channel
from tests.properties.conftest import FEWER, PROPERTIES
from tests.properties.strategies import (
    HOME_ZONES,
    any_moment,
    business_time,
    calendars,
    home_calendars,
    promise_hours,
)

OFFICE = {weekday: (time(9), time(17)) for weekday in range(5)}


def opening_around(cal: BusinessCalendar, moment: datetime) -> list[tuple[datetime, datetime]]:
    """The opening intervals that could hold ``moment``: its local day and the day before
    (a day open until midnight closes at the next day's 00:00)."""
    local_day = moment.astimezone(ZoneInfo(cal.timezone)).date()
    found = []
    for day in (local_day - timedelta(days=1), local_day):
        interval = cal.opening_interval(day)
        if interval is not None:
            found.append(interval)
    return found


def in_business_hours(cal: BusinessCalendar, moment: datetime, *, closing_counts: bool) -> bool:
    """``moment`` lies in an opening interval: ``[opens, closes)``, or ``(opens, closes]``."""
    for opens, closes in opening_around(cal, moment):
        if closing_counts and opens < moment <= closes:
            return True
        if not closing_counts and opens <= moment < closes:
            return True
    return False


# -- due times -------------------------------------------------------------------------------


@FEWER
@given(calendars, any_moment, promise_hours)
def test_due_is_never_before_arrival(cal: BusinessCalendar, start: datetime, hours: float) -> None:
    due = cal.add_business_hours(start, hours)
    assert due >= start
    assert due.tzinfo is not None and due.utcoffset() == timedelta(0)


@PROPERTIES
@given(calendars, any_moment, promise_hours.filter(lambda h: h > 0))
def test_due_is_inside_opening_hours_on_an_open_day(
    cal: BusinessCalendar, start: datetime, hours: float
) -> None:
    due = cal.add_business_hours(start, hours)
    assert in_business_hours(cal, due, closing_counts=True), (due, cal.explain(start, hours).text())


@PROPERTIES
@given(calendars, any_moment)
def test_zero_hours_is_the_first_open_moment(cal: BusinessCalendar, start: datetime) -> None:
    first = cal.add_business_hours(start, 0)
    assert first >= start
    assert in_business_hours(cal, first, closing_counts=False)
    # nothing open was skipped on the way there
    assert cal.business_time_between(start, first) == timedelta(0)
    if in_business_hours(cal, start, closing_counts=False):
        assert first == start


@PROPERTIES
@given(calendars, any_moment, business_time)
def test_due_counts_exactly_the_promised_business_time(
    cal: BusinessCalendar, start: datetime, amount: timedelta
) -> None:
    due = cal.add_business_time(start, amount)
    assert cal.business_time_between(start, due) == amount


@PROPERTIES
@given(calendars, any_moment, promise_hours)
def test_float_hours_and_exact_time_agree(
    cal: BusinessCalendar, start: datetime, hours: float
) -> None:
    assert cal.add_business_hours(start, hours) == cal.add_business_time(
        start, timedelta(hours=hours)
    )


@FEWER
@given(calendars, any_moment, any_moment, promise_hours)
def test_due_is_monotonic_in_arrival_time(
    cal: BusinessCalendar, first: datetime, second: datetime, hours: float
) -> None:
    early, late = sorted((first, second))
    assert cal.add_business_hours(early, hours) <= cal.add_business_hours(late, hours)


@FEWER
@given(calendars, any_moment, promise_hours, promise_hours)
def test_due_is_monotonic_in_the_promise(
    cal: BusinessCalendar, start: datetime, a: float, b: float
) -> None:
    short, long = sorted((a, b))
    assert cal.add_business_hours(start, short) <= cal.add_business_hours(start, long)
    if short < long:
        assert cal.add_business_hours(start, short) < cal.add_business_hours(start, long)


@PROPERTIES
@given(calendars, any_moment, business_time, business_time.filter(lambda d: d > timedelta(0)))
def test_counting_in_two_steps_is_counting_once(
    cal: BusinessCalendar, start: datetime, a: timedelta, b: timedelta
) -> None:
    """A promise carried across a pause: counting a then b lands where a + b does."""
    assert cal.add_business_time(cal.add_business_time(start, a), b) == cal.add_business_time(
        start, a + b
    )


@FEWER
@given(calendars, any_moment, any_moment, any_moment)
def test_business_time_between_adds_up_over_a_split(
    cal: BusinessCalendar, x: datetime, y: datetime, z: datetime
) -> None:
    a, b, c = sorted((x, y, z))
    whole = cal.business_time_between(a, c)
    assert whole == cal.business_time_between(a, b) + cal.business_time_between(b, c)
    assert timedelta(0) <= whole <= c - a
    assert cal.business_time_between(c, a) == timedelta(0)


@FEWER
@given(calendars, any_moment, promise_hours)
def test_the_explanation_is_the_computation(
    cal: BusinessCalendar, start: datetime, hours: float
) -> None:
    explanation = cal.explain(start, hours)
    assert explanation.due == cal.add_business_hours(start, hours)
    assert sum((step.counted for step in explanation.steps), timedelta(0)) == timedelta(hours=hours)
    days = [step.day for step in explanation.steps]
    assert days[0] == start.astimezone(ZoneInfo(cal.timezone)).date()
    assert all(later - earlier == timedelta(days=1) for earlier, later in pairwise(days))
    for step in explanation.steps:
        reason = cal.closed_reason(step.day)
        if reason is not None:
            assert step.note == f"skipped: {reason}"
            assert step.counted == timedelta(0)
    text = explanation.text()
    assert text.splitlines()[-1].startswith("Due ")
    assert f"{explanation.due:%Y-%m-%d %H:%M} UTC" in text


# -- channels and overrides ----------------------------------------------------------------


@PROPERTIES
@given(
    home_calendars,
    any_moment,
    st.sampled_from(list(Channel)),
    st.dictionaries(st.sampled_from(list(Channel)), promise_hours, max_size=6),
)
def test_due_at_uses_the_channels_promise(
    cal: BusinessCalendar,
    start: datetime,
    channel: Channel,
    overrides: dict[Channel, float],
) -> None:
    expected_hours = overrides.get(channel, DEFAULT_PROMISE_HOURS[channel])
    assert promise_hours_for(channel, overrides) == expected_hours
    assert due_at(start, channel, cal, overrides) == cal.add_business_hours(start, expected_hours)
    assert due_at(start, channel, cal) == cal.add_business_hours(
        start, DEFAULT_PROMISE_HOURS[channel]
    )


def test_phone_and_social_are_promised_sooner_than_mail() -> None:
    cal = BusinessCalendar()
    start = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    mail = due_at(start, Channel.EMAIL, cal)
    for fast in (Channel.PHONE, Channel.FACEBOOK, Channel.INSTAGRAM, Channel.X):
        assert due_at(start, fast, cal) < mail
    assert due_at(start, Channel.FORM, cal) == mail


@pytest.mark.parametrize("bad", [-1.0, -0.001, float("nan"), float("inf"), float("-inf")])
def test_impossible_promises_are_refused(bad: float) -> None:
    with pytest.raises(ValueError):
        BusinessCalendar().add_business_hours(datetime(2026, 1, 5, 9, tzinfo=UTC), bad)


# -- pauses and outcomes --------------------------------------------------------------------


@FEWER
@given(calendars, any_moment, promise_hours.filter(lambda h: h > 0), any_moment, any_moment)
def test_a_pause_shifts_the_due_time_by_the_business_time_inside_it(
    cal: BusinessCalendar, start: datetime, hours: float, p: datetime, q: datetime
) -> None:
    due = cal.add_business_hours(start, hours)
    pause_start, pause_end = sorted((p, q))
    shifted = paused_due_at(due, pause_start, pause_end, cal)
    if pause_end <= pause_start or pause_start >= due:
        assert shifted == due  # a broken promise stays broken; an empty pause is nothing
        return
    assert shifted >= due
    assert shifted >= pause_end or cal.business_time_between(pause_start, due) == timedelta(0)
    assert cal.business_time_between(due, shifted) == cal.business_time_between(
        pause_start, pause_end
    )
    # what was left when the clock stopped is what is left when it starts again
    assert cal.business_time_between(pause_end, shifted) == cal.business_time_between(
        pause_start, due
    )


@FEWER
@given(
    home_calendars,
    any_moment,
    promise_hours.filter(lambda h: h > 0),
    st.lists(st.tuples(st.integers(0, 14 * 24 * 60), st.integers(1, 3 * 24 * 60)), max_size=4),
)
def test_several_pauses_never_move_the_due_time_back(
    cal: BusinessCalendar,
    start: datetime,
    hours: float,
    offsets: list[tuple[int, int]],
) -> None:
    due = cal.add_business_hours(start, hours)
    pauses = []
    cursor = start
    for gap, length in offsets:  # non-overlapping and in order, as the docstring asks
        begin = cursor + timedelta(minutes=gap)
        end = begin + timedelta(minutes=length)
        pauses.append((begin, end))
        cursor = end
    result = due_after_pauses(due, pauses, cal)
    assert result >= due
    assert due_after_pauses(due, list(reversed(pauses)), cal) == result  # order given is irrelevant
    assert due_after_pauses(due, [], cal) == due


@FEWER
@given(home_calendars, any_moment, any_moment)
def test_a_promise_is_kept_exactly_when_answered_by_the_due_time(
    cal: BusinessCalendar, due: datetime, answered: datetime
) -> None:
    wall = promise_outcome(due, answered)
    business = promise_outcome(due, answered, cal)
    assert wall.kept is business.kept is (answered <= due)
    assert wall.margin == due - answered
    assert abs(business.margin) <= abs(wall.margin)
    if wall.kept:
        assert business.margin >= timedelta(0)
    else:
        assert business.margin <= timedelta(0)
    assert abs(business.margin) == cal.business_time_between(*sorted((due, answered)))


def test_naive_moments_are_refused_everywhere() -> None:
    cal = BusinessCalendar()
    naive = datetime(2026, 11, 24, 10, 0)
    aware = naive.replace(tzinfo=UTC)
    with pytest.raises(ValueError, match="timezone-aware"):
        cal.add_business_hours(naive, 1)
    with pytest.raises(ValueError, match="timezone-aware"):
        cal.business_time_between(aware, naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        paused_due_at(aware, naive, aware, cal)
    with pytest.raises(ValueError, match="timezone-aware"):
        promise_outcome(naive, aware)


@PROPERTIES
@given(st.sampled_from(HOME_ZONES), st.dates(date(2024, 1, 1), date(2029, 12, 31)))
def test_a_business_without_opening_hours_in_a_year_says_so(zone: str, day: date) -> None:
    """Closed every day for longer than the search bound: an error, never an endless loop."""
    closed = frozenset(day + timedelta(days=n) for n in range(410))
    cal = BusinessCalendar(timezone=zone, hours=OFFICE, holiday_country=None, closed_days=closed)
    start = datetime.combine(day, time(12), tzinfo=ZoneInfo(zone))
    with pytest.raises(ValueError, match="no opening hours"):
        cal.add_business_hours(start, 1)

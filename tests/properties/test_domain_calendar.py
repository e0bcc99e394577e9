"""The business calendar's days as properties: public holidays in Denmark and Norway, the
founder's closed days, and opening hours that keep the local wall clock across the DST
changes in Europe/Copenhagen and Europe/Oslo (``domain/business_calendar.py``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.business_calendar import BusinessCalendar
from tests.properties.conftest import PROPERTIES
from tests.properties.strategies import (
    HOME_ZONES,
    any_moment,
    dst_moments,
    home_calendars,
    promise_hours,
)

ALL_DAY = {weekday: (time(0), time(0)) for weekday in range(7)}


# -- days, holidays and DST --------------------------------------------------------------------


@PROPERTIES
@given(st.sampled_from(HOME_ZONES), dst_moments)
def test_office_days_hold_eight_hours_across_dst(zone: str, moment: datetime) -> None:
    """09:00-17:00 stays 09:00-17:00 local on the days the clocks change."""
    cal = BusinessCalendar(
        timezone=zone, hours=ALL_DAY, holiday_country=None, close_christmas_eve=False
    )
    office = BusinessCalendar(
        timezone=zone,
        hours={d: (time(9), time(17)) for d in range(7)},
        holiday_country=None,
        close_christmas_eve=False,
    )
    day = moment.astimezone(ZoneInfo(zone)).date()
    opens, closes = office.opening_interval(day) or (None, None)
    assert opens is not None and closes is not None
    assert closes - opens == timedelta(hours=8)
    assert opens.astimezone(ZoneInfo(zone)).time() == time(9)
    whole_day = cal.opening_interval(day)
    assert whole_day is not None
    length = whole_day[1] - whole_day[0]
    assert length in (timedelta(hours=23), timedelta(hours=24), timedelta(hours=25))
    utc_offsets = {
        whole_day[0].astimezone(ZoneInfo(zone)).utcoffset(),
        whole_day[1].astimezone(ZoneInfo(zone)).utcoffset(),
    }
    assert (length == timedelta(hours=24)) == (len(utc_offsets) == 1)


@pytest.mark.parametrize("zone", HOME_ZONES)
@pytest.mark.parametrize(
    ("sunday", "hours"),
    [
        (date(2026, 3, 29), 23),
        (date(2026, 10, 25), 25),
        (date(2027, 3, 28), 23),
        (date(2027, 10, 31), 25),
    ],
)
def test_dst_sundays_of_a_round_the_clock_business(zone: str, sunday: date, hours: int) -> None:
    cal = BusinessCalendar(timezone=zone, hours=ALL_DAY, holiday_country=None)
    start = datetime.combine(sunday, time(0), tzinfo=ZoneInfo(zone))
    monday = datetime.combine(sunday + timedelta(days=1), time(0), tzinfo=ZoneInfo(zone))
    assert cal.business_time_between(start, monday) == timedelta(hours=hours)
    # a full day's promise from Sunday 00:00 ends at Monday 00:00 local, whatever the length
    assert cal.add_business_hours(start, hours) == monday.astimezone(UTC)


@PROPERTIES
@given(home_calendars, any_moment, promise_hours.filter(lambda h: h > 0))
def test_no_promise_falls_due_on_a_holiday_or_a_closed_day(
    cal: BusinessCalendar, start: datetime, hours: float
) -> None:
    due = cal.add_business_hours(start, hours)
    # a due time at 00:00 closes the day before it
    local = (due - timedelta(microseconds=1)).astimezone(ZoneInfo(cal.timezone)).date()
    assert cal.holiday_name(local) is None
    assert local not in cal.closed_days
    assert cal.is_open_day(local)


DANISH_HOLIDAYS_2026 = (
    date(2026, 1, 1),
    date(2026, 4, 2),
    date(2026, 4, 3),
    date(2026, 4, 6),
    date(2026, 5, 14),
    date(2026, 5, 25),
    date(2026, 12, 24),
    date(2026, 12, 25),
)
NORWEGIAN_HOLIDAYS_2027 = (
    date(2027, 1, 1),
    date(2027, 3, 25),
    date(2027, 3, 26),
    date(2027, 3, 29),
    date(2027, 5, 6),
    date(2027, 5, 17),
    date(2027, 12, 24),
)


@pytest.mark.parametrize("day", DANISH_HOLIDAYS_2026)
def test_danish_weekday_holidays_are_closed(day: date) -> None:
    cal = BusinessCalendar()
    assert not cal.is_open_day(day)
    assert cal.closed_reason(day) == cal.holiday_name(day)
    assert cal.opening_interval(day) is None


@pytest.mark.parametrize("day", NORWEGIAN_HOLIDAYS_2027)
def test_norwegian_weekday_holidays_are_closed(day: date) -> None:
    cal = BusinessCalendar(timezone="Europe/Oslo", holiday_country="NO")
    assert not cal.is_open_day(day)
    assert cal.closed_reason(day) == cal.holiday_name(day)


@pytest.mark.parametrize("day", [date(2026, 5, 1), date(2029, 5, 17)])
def test_norwegian_only_holidays_are_working_days_in_denmark(day: date) -> None:
    """Labour Day and Constitution Day close a Norwegian shop, not a Danish one."""
    norway = BusinessCalendar(timezone="Europe/Oslo", holiday_country="NO")
    denmark = BusinessCalendar()
    assert not norway.is_open_day(day) and denmark.is_open_day(day)
    friday_before = datetime.combine(day - timedelta(days=1), time(16, 55))
    oslo = norway.add_business_hours(friday_before.replace(tzinfo=ZoneInfo("Europe/Oslo")), 1)
    cph = denmark.add_business_hours(friday_before.replace(tzinfo=ZoneInfo("Europe/Copenhagen")), 1)
    assert oslo.astimezone(ZoneInfo("Europe/Oslo")).date() > day
    assert cph.astimezone(ZoneInfo("Europe/Copenhagen")).date() == day


def test_store_bededag_is_a_working_day_since_2024() -> None:
    """The Danish Great Prayer Day was abolished from 2024: a promise runs through it."""
    cal = BusinessCalendar()
    assert cal.holiday_name(date(2023, 5, 5)) == "Store bededag"
    for day in (date(2024, 4, 26), date(2025, 5, 16), date(2026, 5, 1)):
        assert cal.is_open_day(day), day


@PROPERTIES
@given(home_calendars, st.dates(date(2024, 1, 1), date(2029, 12, 31)))
def test_a_day_is_open_exactly_when_nothing_closes_it(cal: BusinessCalendar, day: date) -> None:
    reason = cal.closed_reason(day)
    scheduled = day.weekday() in cal.hours
    assert (reason is None) == (
        scheduled and cal.holiday_name(day) is None and day not in cal.closed_days
    )
    assert (cal.opening_interval(day) is None) == (reason is not None)
    if not scheduled:
        assert reason in ("weekend", f"closed on {day.strftime('%A')}s")


@PROPERTIES
@given(
    st.sampled_from(HOME_ZONES),
    st.dates(date(2024, 1, 1), date(2029, 12, 31)),
    st.integers(0, 16 * 60),
)
def test_the_zone_a_moment_is_written_in_does_not_matter(zone: str, day: date, minute: int) -> None:
    cal = BusinessCalendar(timezone=zone, holiday_country="DK" if "Cop" in zone else "NO")
    local = datetime.combine(day, time(6), tzinfo=ZoneInfo(zone)) + timedelta(minutes=minute)
    as_utc = local.astimezone(UTC)
    as_nyc = local.astimezone(ZoneInfo("America/New_York"))
    assert cal.add_business_hours(local, 8) == cal.add_business_hours(as_utc, 8)
    assert cal.add_business_hours(as_nyc, 8) == cal.add_business_hours(as_utc, 8)

"""Promise math on the calendar: hours, weekends, holidays, vacation, daylight saving, zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from soloservice.domain.promise import (
    CLOSED_LOOP_CALLBACK,
    DEFAULT_HOURS,
    DEFAULT_PROMISE_HOURS,
    BusinessCalendar,
    due_at,
)
from soloservice.domain.types import Channel
from tests.domain.calendars import ALL_DAY, DK, NO, NYC, cph, oslo

# -- defaults -------------------------------------------------------------------------------


def test_defaults_are_the_documented_ones() -> None:
    assert set(DEFAULT_HOURS) == {0, 1, 2, 3, 4}
    assert all(hours == (time(9), time(17)) for hours in DEFAULT_HOURS.values())
    assert DEFAULT_PROMISE_HOURS[Channel.EMAIL] == 8
    assert DEFAULT_PROMISE_HOURS[Channel.FORM] == 8
    assert DEFAULT_PROMISE_HOURS[Channel.PHONE] == 4
    for social in (Channel.FACEBOOK, Channel.INSTAGRAM, Channel.X):
        assert DEFAULT_PROMISE_HOURS[social] == 4
    assert timedelta(hours=24) == CLOSED_LOOP_CALLBACK
    assert DK.timezone == "Europe/Copenhagen"
    assert DK.holiday_country == "DK"


# -- the example: Wednesday 16:00 before Easter -------------------------------------


def test_email_before_danish_easter_is_due_tuesday_after() -> None:
    due = due_at(cph(2026, 4, 1, 16, 0), Channel.EMAIL, DK)
    assert due == cph(2026, 4, 7, 16, 0)
    assert due.tzinfo is UTC
    assert due == datetime(2026, 4, 7, 14, 0, tzinfo=UTC)


def test_easter_explanation_counts_one_hour_then_seven() -> None:
    explanation = DK.explain(cph(2026, 4, 1, 16, 0), 8)
    assert explanation.due == cph(2026, 4, 7, 16, 0)
    by_day = {step.day: step for step in explanation.steps}
    assert [step.day for step in explanation.steps] == [
        date(2026, 4, 1) + timedelta(days=n) for n in range(7)
    ]
    assert by_day[date(2026, 4, 1)].counted == timedelta(hours=1)
    assert by_day[date(2026, 4, 7)].counted == timedelta(hours=7)
    assert "Skærtorsdag" in by_day[date(2026, 4, 2)].note
    assert "Langfredag" in by_day[date(2026, 4, 3)].note
    assert "weekend" in by_day[date(2026, 4, 4)].note
    assert "påskedag" in by_day[date(2026, 4, 6)].note
    assert sum((s.counted for s in explanation.steps), timedelta()) == timedelta(hours=8)
    text = explanation.text()
    assert "Received Wednesday 1 April 2026 16:00" in text
    assert "Due Tuesday 7 April 2026 16:00 (Europe/Copenhagen)" in text
    assert "2026-04-07 14:00 UTC" in text
    assert "counted 7h (09:00–16:00)" in text


# -- weekends, holidays, vacation -----------------------------------------------------------


def test_weekend_is_skipped() -> None:
    assert DK.add_business_hours(cph(2026, 3, 13, 15, 0), 8) == cph(2026, 3, 16, 15, 0)


def test_norwegian_easter() -> None:
    # Wed 16 April 2025: 5 h counted, Skjærtorsdag..Andre påskedag closed, 3 h on Tue 22 April.
    assert NO.add_business_hours(oslo(2025, 4, 16, 12, 0), 8) == oslo(2025, 4, 22, 12, 0)
    assert NO.closed_reason(date(2025, 4, 17)) == "Skjærtorsdag"
    assert NO.closed_reason(date(2025, 4, 21)) == "Andre påskedag"
    assert NO.closed_reason(date(2025, 4, 22)) is None


def test_norwegian_constitution_day_is_closed_in_norway_only() -> None:
    # 17 May 2028 is a Wednesday (and not Whit Monday, as in 2027).
    assert NO.closed_reason(date(2028, 5, 17)) is not None
    assert DK.closed_reason(date(2028, 5, 17)) is None


def test_danish_christmas_closes_christmas_eve_by_default() -> None:
    # Tue 23 Dec 2025 13:00: 4 h, then 24 (Juleaftensdag), 25, 26, weekend -> Mon 29 Dec.
    assert DK.add_business_hours(cph(2025, 12, 23, 13, 0), 8) == cph(2025, 12, 29, 13, 0)
    assert DK.closed_reason(date(2025, 12, 24)) == "Juleaftensdag"
    assert DK.closed_reason(date(2025, 12, 25)) == "Juledag"
    assert DK.closed_reason(date(2025, 12, 26)) == "Anden juledag"


def test_christmas_eve_can_be_a_working_day() -> None:
    open_on_24th = BusinessCalendar(close_christmas_eve=False)
    assert open_on_24th.is_open_day(date(2025, 12, 24))
    assert open_on_24th.add_business_hours(cph(2025, 12, 23, 13, 0), 8) == cph(2025, 12, 24, 13)


def test_norwegian_christmas() -> None:
    assert NO.add_business_hours(oslo(2025, 12, 23, 13, 0), 8) == oslo(2025, 12, 29, 13, 0)
    assert NO.closed_reason(date(2025, 12, 24)) == "Julaften"
    assert NO.closed_reason(date(2025, 12, 25)) == "Første juledag"


def test_no_holiday_country_means_only_weekends_close() -> None:
    plain = BusinessCalendar(holiday_country=None, close_christmas_eve=False)
    assert plain.is_open_day(date(2026, 4, 2))
    assert plain.is_open_day(date(2025, 12, 24))
    assert plain.add_business_hours(cph(2026, 4, 1, 16, 0), 8) == cph(2026, 4, 2, 16, 0)


def test_arrival_outside_hours_starts_at_next_opening() -> None:
    assert DK.add_business_hours(cph(2026, 3, 10, 6, 0), 8) == cph(2026, 3, 10, 17, 0)
    assert DK.add_business_hours(cph(2026, 3, 10, 17, 0), 8) == cph(2026, 3, 11, 17, 0)
    assert DK.add_business_hours(cph(2026, 3, 13, 20, 0), 4) == cph(2026, 3, 16, 13, 0)
    assert DK.add_business_hours(cph(2026, 3, 14, 11, 0), 4) == cph(2026, 3, 16, 13, 0)


def test_promise_ending_at_closing_is_due_at_closing() -> None:
    assert DK.add_business_hours(cph(2026, 3, 10, 9, 0), 8) == cph(2026, 3, 10, 17, 0)


def test_arrival_on_a_holiday() -> None:
    assert due_at(cph(2026, 4, 3, 10, 0), Channel.PHONE, DK) == cph(2026, 4, 7, 13, 0)


def test_vacation_days_are_skipped() -> None:
    vacation = frozenset(date(2026, 7, 6) + timedelta(days=n) for n in range(5))
    calendar = BusinessCalendar(closed_days=vacation)
    assert calendar.closed_reason(date(2026, 7, 8)) == "closed (vacation)"
    assert calendar.add_business_hours(cph(2026, 7, 3, 15, 0), 8) == cph(2026, 7, 13, 15, 0)
    explanation = calendar.explain(cph(2026, 7, 3, 15, 0), 8)
    assert sum("vacation" in step.note for step in explanation.steps) == 5


def test_closed_days_accept_any_iterable() -> None:
    calendar = BusinessCalendar(closed_days={date(2026, 7, 6)})  # type: ignore[arg-type]
    assert calendar.closed_days == frozenset({date(2026, 7, 6)})


def test_closed_reasons() -> None:
    no_mondays = BusinessCalendar(hours={d: (time(9), time(17)) for d in range(1, 5)})
    assert no_mondays.closed_reason(date(2026, 3, 9)) == "closed on Mondays"
    assert DK.closed_reason(date(2026, 3, 14)) == "weekend"
    assert DK.closed_reason(date(2026, 4, 5)) == "weekend"  # Easter Sunday: schedule first
    assert DK.closed_reason(date(2026, 3, 10)) is None
    assert DK.is_open_day(date(2026, 3, 10))
    assert not DK.is_open_day(date(2026, 4, 2))


# -- daylight saving ------------------------------------------------------------------------


def test_office_hours_keep_wall_clock_across_spring_forward() -> None:
    # Fri 27 March 2026 13:00 CET; clocks go forward Sunday 29 March.
    due = DK.add_business_hours(cph(2026, 3, 27, 13, 0), 8)
    assert due == cph(2026, 3, 30, 13, 0)
    assert due == datetime(2026, 3, 30, 11, 0, tzinfo=UTC)  # CEST, UTC+2


def test_office_hours_keep_wall_clock_across_fall_back() -> None:
    due = DK.add_business_hours(cph(2026, 10, 23, 13, 0), 8)
    assert due == cph(2026, 10, 26, 13, 0)
    assert due == datetime(2026, 10, 26, 12, 0, tzinfo=UTC)  # CET, UTC+1


def test_round_the_clock_spring_forward_sunday_has_23_hours() -> None:
    calendar = BusinessCalendar(hours=ALL_DAY, holiday_country=None)
    assert calendar.business_time_between(cph(2026, 3, 29), cph(2026, 3, 30)) == timedelta(hours=23)
    # Sat 12:00 + 36 h: 12 h Saturday, 23 h Sunday, 1 h Monday.
    assert calendar.add_business_hours(cph(2026, 3, 28, 12, 0), 36) == cph(2026, 3, 30, 1, 0)


def test_round_the_clock_fall_back_sunday_has_25_hours() -> None:
    calendar = BusinessCalendar(hours=ALL_DAY, holiday_country=None)
    assert calendar.business_time_between(cph(2026, 10, 25), cph(2026, 10, 26)) == timedelta(
        hours=25
    )
    assert calendar.add_business_hours(cph(2026, 10, 25, 0, 0), 25) == cph(2026, 10, 26, 0, 0)


def test_sunday_hours_straddling_the_change() -> None:
    sunday_night = BusinessCalendar(hours={6: (time(1), time(4))}, holiday_country=None)
    # 01:00 CET to 04:00 CEST is two real hours; 01:00 CEST to 04:00 CET is four.
    spring = sunday_night.business_time_between(cph(2026, 3, 29), cph(2026, 3, 30))
    autumn = sunday_night.business_time_between(cph(2026, 10, 25), cph(2026, 10, 26))
    assert spring == timedelta(hours=2)
    assert autumn == timedelta(hours=4)
    assert sunday_night.add_business_hours(cph(2026, 3, 29, 0, 0), 2) == cph(2026, 3, 29, 4, 0)
    # Three hours in autumn end at 03:00 CET, after the repeated hour.
    assert sunday_night.add_business_hours(cph(2026, 10, 25, 0, 0), 3) == datetime(
        2026, 10, 25, 2, 0, tzinfo=UTC
    )


def test_opening_time_inside_the_spring_gap_opens_an_hour_later() -> None:
    calendar = BusinessCalendar(hours={6: (time(2, 30), time(5))}, holiday_country=None)
    opens, closes = calendar.opening_interval(date(2026, 3, 29)) or (None, None)
    assert opens == cph(2026, 3, 29, 3, 30)
    assert closes == cph(2026, 3, 29, 5, 0)


# -- time zones -----------------------------------------------------------------------------


def test_start_in_utc_or_new_york_gives_the_same_due() -> None:
    expected = cph(2026, 4, 7, 16, 0)
    assert DK.add_business_hours(datetime(2026, 4, 1, 14, 0, tzinfo=UTC), 8) == expected
    assert DK.add_business_hours(datetime(2026, 4, 1, 10, 0, tzinfo=NYC), 8) == expected


def test_calendar_in_new_york() -> None:
    nyc = BusinessCalendar(timezone="America/New_York", holiday_country="US")
    # Friday 3 July 2026 is the observed Independence Day; 16:00 CEST Thursday = 10:00 EDT.
    due = nyc.add_business_hours(cph(2026, 7, 2, 16, 0), 8)
    assert due == datetime(2026, 7, 6, 10, 0, tzinfo=NYC)


def test_start_late_utc_evening_is_next_local_day() -> None:
    # 23:30 UTC Monday is 01:30 Tuesday in Copenhagen: counting starts Tuesday 09:00.
    start = datetime(2026, 3, 9, 23, 30, tzinfo=UTC)
    assert DK.add_business_hours(start, 1) == cph(2026, 3, 10, 10, 0)

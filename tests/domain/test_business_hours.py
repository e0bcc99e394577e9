"""The opening-hours rules the settings dialog, the assistant and the service share."""

from __future__ import annotations

from datetime import time

from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.business_hours import (
    HoursProblem,
    closes_before_opens,
    hours_problems,
    settings_hours_problems,
)

times = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))
weeks = st.dictionaries(st.integers(0, 6), st.tuples(times, times), max_size=7)


@given(weeks)
def test_every_bad_day_and_nothing_else_is_reported(week: dict[int, tuple[time, time]]) -> None:
    issues = hours_problems("Europe/Copenhagen", week)
    bad = {d for d, (a, b) in week.items() if b != time(0) and b <= a}
    assert {i.weekday for i in issues if i.problem is HoursProblem.CLOSES_BEFORE_OPENS} == bad
    assert any(i.problem is HoursProblem.NEVER_OPEN for i in issues) == (not week)
    assert all(i.english() for i in issues)


def test_midnight_closes_at_the_end_of_the_day_and_zones_are_checked() -> None:
    assert not closes_before_opens(time(9), time(0))
    assert closes_before_opens(time(9), time(9))
    assert [i.problem for i in hours_problems("Mars/Olympus", {0: (time(9), time(17))})] == [
        HoursProblem.UNKNOWN_ZONE
    ]


def test_a_hand_edited_file_with_an_impossible_time_is_reported_not_raised() -> None:
    issues = settings_hours_problems("UTC", {0: ("25:00", "17:00")})
    assert [(i.problem, i.weekday) for i in issues] == [(HoursProblem.CLOSES_BEFORE_OPENS, 0)]

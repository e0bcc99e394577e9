"""The promise in the customer's words (da/nb/en), read back: it states the local minute due.

``domain/wording.py`` writes "tirsdag den 30. marts kl. 16.00", "tirsdag 30. mars kl. 16.00"
and "Tuesday 30 March, 4 pm". Each property parses the text back and checks it names the
weekday, date and minute of the due time on the business's wall clock, DST changes included.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.types import Language
from soloservice.domain.wording import (
    DAY_NAMES,
    MONTH_NAMES,
    acknowledgement_sentence,
    english_clock,
    format_duration,
    format_english_date,
    format_promise,
)
from tests.properties.conftest import PROPERTIES
from tests.properties.strategies import HOME_ZONES, ZONES, any_moment, dst_moments

languages = st.sampled_from(list(Language))

_DA = re.compile(
    r"(?P<day>\w+) den (?P<date>\d{1,2})\. (?P<month>\w+) kl\. (?P<h>\d\d)\.(?P<m>\d\d)"
)
_NB = re.compile(r"(?P<day>\w+) (?P<date>\d{1,2})\. (?P<month>\w+) kl\. (?P<h>\d\d)\.(?P<m>\d\d)")
_EN = re.compile(
    r"(?P<day>[A-Z]\w+) (?P<date>\d{1,2}) (?P<month>[A-Z]\w+), "
    r"(?P<h>\d{1,2})(?::(?P<m>\d\d))? (?P<ampm>am|pm)"
)
_PATTERNS = {Language.DA: _DA, Language.NB: _NB, Language.EN: _EN}


def read_back(text: str, language: Language) -> tuple[int, int, int, int, int]:
    """(weekday, day of month, month, hour, minute) from a formatted promise."""
    match = _PATTERNS[language].fullmatch(text)
    assert match is not None, text
    weekday = DAY_NAMES[language].index(match["day"])
    month = MONTH_NAMES[language].index(match["month"]) + 1
    hour, minute = int(match["h"]), int(match["m"] or 0)
    if language is Language.EN:
        assert 1 <= hour <= 12
        hour = hour % 12 + (12 if match["ampm"] == "pm" else 0)
    return weekday, int(match["date"]), month, hour, minute


@PROPERTIES
@given(any_moment, languages, st.sampled_from(ZONES))
def test_the_promise_names_the_local_minute(due: datetime, language: Language, zone: str) -> None:
    text = format_promise(due, language, zone)
    local = due.astimezone(ZoneInfo(zone))
    assert read_back(text, language) == (
        local.weekday(),
        local.day,
        local.month,
        local.hour,
        local.minute,
    )


@PROPERTIES
@given(dst_moments, languages, st.sampled_from(HOME_ZONES))
def test_across_dst_the_wall_clock_not_utc_is_stated(
    due: datetime, language: Language, zone: str
) -> None:
    local = due.astimezone(ZoneInfo(zone))
    _, _, _, hour, minute = read_back(format_promise(due, language, zone), language)
    assert (hour, minute) == (local.hour, local.minute)
    offset = local.utcoffset()
    assert offset in (timedelta(hours=1), timedelta(hours=2))
    utc_hour = due.astimezone(UTC).hour
    assert (utc_hour + int(offset.total_seconds() // 3600)) % 24 == hour


@PROPERTIES
@given(any_moment, languages, st.sampled_from(ZONES), st.integers(0, 59), st.integers(0, 999_999))
def test_seconds_are_dropped(
    due: datetime, language: Language, zone: str, second: int, micro: int
) -> None:
    exact = due.replace(second=0, microsecond=0)
    assert format_promise(exact, language, zone) == format_promise(
        exact.replace(second=second, microsecond=micro), language, zone
    )


@PROPERTIES
@given(any_moment, languages, st.sampled_from(ZONES))
def test_the_zone_the_due_time_is_written_in_does_not_matter(
    due: datetime, language: Language, zone: str
) -> None:
    as_nyc = due.astimezone(ZoneInfo("America/New_York"))
    assert format_promise(due, language, zone) == format_promise(as_nyc, language, zone)


@PROPERTIES
@given(any_moment, languages, st.sampled_from(HOME_ZONES))
def test_the_acknowledgement_sentence_frames_the_promise(
    due: datetime, language: Language, zone: str
) -> None:
    sentence = acknowledgement_sentence(due, language, zone)
    promise = format_promise(due, language, zone)
    frames = {
        Language.DA: ("Vi vender tilbage senest ", "."),
        Language.NB: ("Vi svarer deg innen ", "."),
        Language.EN: ("You will hear from us by ", "."),
    }
    before, after = frames[language]
    assert sentence == before + promise + after


def test_the_languages_use_their_own_month_names() -> None:
    march = datetime(2026, 3, 30, 14, 0, tzinfo=UTC)  # a Monday, 16:00 in Copenhagen (CEST)
    assert format_promise(march, Language.DA, "Europe/Copenhagen") == (
        "mandag den 30. marts kl. 16.00"
    )
    assert format_promise(march, Language.NB, "Europe/Oslo") == "mandag 30. mars kl. 16.00"
    assert format_promise(march, Language.EN, "Europe/Copenhagen") == "Monday 30 March, 4 pm"
    may = datetime(2026, 5, 26, 14, 55, tzinfo=UTC)
    assert "maj" in format_promise(may, Language.DA, "Europe/Copenhagen")
    assert "mai" in format_promise(may, Language.NB, "Europe/Oslo")
    december = datetime(2026, 12, 28, 8, 0, tzinfo=UTC)
    assert "desember" in format_promise(december, Language.NB, "Europe/Oslo")
    assert "december" in format_promise(december, Language.DA, "Europe/Copenhagen")


def test_a_naive_due_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        format_promise(datetime(2026, 3, 30, 16, 0), Language.DA, "Europe/Copenhagen")


# -- clocks, dates and durations -------------------------------------------------------------


@PROPERTIES
@given(st.integers(0, 23), st.integers(0, 59))
def test_the_english_clock_reads_back(hour: int, minute: int) -> None:
    text = english_clock(hour, minute)
    match = re.fullmatch(r"(\d{1,2})(?::(\d\d))? (am|pm)", text)
    assert match is not None
    twelve, mins, suffix = int(match[1]), int(match[2] or 0), match[3]
    assert 1 <= twelve <= 12
    assert (twelve % 12 + (12 if suffix == "pm" else 0), mins) == (hour, minute)
    assert (match[2] is None) == (minute == 0)  # "4 pm", never "4:00 pm"


def test_noon_and_midnight() -> None:
    assert english_clock(0, 0) == "12 am"
    assert english_clock(12, 0) == "12 pm"
    assert english_clock(12, 30) == "12:30 pm"
    assert english_clock(23, 59) == "11:59 pm"


@PROPERTIES
@given(any_moment, st.sampled_from(ZONES))
def test_the_founders_english_date_reads_back(moment: datetime, zone: str) -> None:
    text = format_english_date(moment, zone)
    match = re.fullmatch(r"([A-Z]\w+) (\d{1,2}) ([A-Z]\w+) (\d{4}) (\d\d):(\d\d)", text)
    assert match is not None, text
    local = moment.astimezone(ZoneInfo(zone))
    assert DAY_NAMES[Language.EN].index(match[1]) == local.weekday()
    assert (int(match[2]), MONTH_NAMES[Language.EN].index(match[3]) + 1, int(match[4])) == (
        local.day,
        local.month,
        local.year,
    )
    assert (int(match[5]), int(match[6])) == (local.hour, local.minute)


def _minutes_of(text: str) -> int:
    match = re.fullmatch(r"(-?)(?:(\d+)h)?(?: ?(\d+)m)?", text)
    assert match is not None and (match[2] or match[3]), text
    total = int(match[2] or 0) * 60 + int(match[3] or 0)
    return -total if match[1] else total


@PROPERTIES
@given(st.integers(-10_000 * 60, 10_000 * 60), st.integers(-29, 29))
def test_a_duration_reads_back_to_the_minute(minutes: int, seconds: int) -> None:
    delta = timedelta(minutes=minutes, seconds=seconds)
    text = format_duration(delta)
    assert _minutes_of(text) == round(delta.total_seconds() / 60)
    assert not text.endswith(" 0m") and "h 0m" not in text
    if abs(minutes) >= 60 and minutes % 60 == 0:
        assert text.endswith("h")  # "31h", never "1d 7h" or "31h 0m"


@PROPERTIES
@given(st.integers(1, 10_000 * 60))
def test_a_negative_duration_is_the_positive_one_with_a_minus(minutes: int) -> None:
    assert format_duration(-timedelta(minutes=minutes)) == "-" + format_duration(
        timedelta(minutes=minutes)
    )


def test_zero_duration() -> None:
    assert format_duration(timedelta(0)) == "0m"
    assert format_duration(timedelta(seconds=29)) == "0m"

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from soloservice.domain.types import Language
from soloservice.domain.wording import (
    acknowledgement_sentence,
    english_clock,
    format_duration,
    format_english_date,
    format_promise,
)

CPH = "Europe/Copenhagen"
TUESDAY_4PM = datetime(2027, 3, 30, 16, 0, tzinfo=ZoneInfo(CPH))


def test_danish() -> None:
    assert format_promise(TUESDAY_4PM, Language.DA, CPH) == "tirsdag den 30. marts kl. 16.00"


def test_norwegian() -> None:
    assert format_promise(TUESDAY_4PM, Language.NB, CPH) == "tirsdag 30. mars kl. 16.00"


def test_english() -> None:
    assert format_promise(TUESDAY_4PM, Language.EN, CPH) == "Tuesday 30 March, 4 pm"


def test_acknowledgement_sentences() -> None:
    assert (
        acknowledgement_sentence(TUESDAY_4PM, Language.DA, CPH)
        == "Vi vender tilbage senest tirsdag den 30. marts kl. 16.00."
    )
    assert (
        acknowledgement_sentence(TUESDAY_4PM, Language.NB, CPH)
        == "Vi svarer deg innen tirsdag 30. mars kl. 16.00."
    )
    assert (
        acknowledgement_sentence(TUESDAY_4PM, Language.EN, CPH)
        == "You will hear from us by Tuesday 30 March, 4 pm."
    )


def test_due_in_utc_is_shown_in_local_time_across_dst() -> None:
    # 14:00 UTC is 15:00 on Friday before the change and 16:00 on Monday after it.
    before = datetime(2026, 3, 27, 14, 0, tzinfo=UTC)
    after = datetime(2026, 3, 30, 14, 0, tzinfo=UTC)
    assert format_promise(before, Language.DA, CPH) == "fredag den 27. marts kl. 15.00"
    assert format_promise(after, Language.DA, CPH) == "mandag den 30. marts kl. 16.00"
    autumn = datetime(2026, 10, 26, 14, 0, tzinfo=UTC)
    assert format_promise(autumn, Language.NB, "Europe/Oslo") == "mandag 26. oktober kl. 15.00"


def test_non_copenhagen_zone() -> None:
    due = datetime(2026, 12, 7, 14, 30, tzinfo=UTC)
    assert format_promise(due, Language.EN, "America/New_York") == "Monday 7 December, 9:30 am"
    assert format_promise(due, Language.EN, "Europe/London") == "Monday 7 December, 2:30 pm"
    assert format_promise(due, Language.NB, "Europe/Oslo") == "mandag 7. desember kl. 15.30"


def test_all_month_and_day_names() -> None:
    first_days_2026 = [datetime(2026, month, 1, 9, 5, tzinfo=UTC) for month in range(1, 13)]
    danish = [format_promise(d, Language.DA, "UTC") for d in first_days_2026]
    assert danish[0] == "torsdag den 1. januar kl. 09.05"
    assert danish[4] == "fredag den 1. maj kl. 09.05"
    assert danish[11] == "tirsdag den 1. december kl. 09.05"
    norwegian = [format_promise(d, Language.NB, "UTC") for d in first_days_2026]
    assert norwegian[4] == "fredag 1. mai kl. 09.05"
    assert norwegian[11] == "tirsdag 1. desember kl. 09.05"
    saturday = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)
    assert format_promise(saturday, Language.DA, "UTC") == "lørdag den 7. marts kl. 12.00"
    assert format_promise(saturday, Language.EN, "UTC") == "Saturday 7 March, 12 pm"


@pytest.mark.parametrize(
    ("hour", "minute", "expected"),
    [
        (0, 0, "12 am"),
        (0, 30, "12:30 am"),
        (9, 5, "9:05 am"),
        (12, 0, "12 pm"),
        (23, 59, "11:59 pm"),
    ],
)
def test_english_clock(hour: int, minute: int, expected: str) -> None:
    assert english_clock(hour, minute) == expected


def test_naive_due_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        format_promise(datetime(2026, 3, 30, 16), Language.DA, CPH)


def test_cli_helpers() -> None:
    assert format_english_date(TUESDAY_4PM, CPH) == "Tuesday 30 March 2027 16:00"
    assert format_duration(timedelta(hours=7)) == "7h"
    assert format_duration(timedelta(hours=1, minutes=30)) == "1h 30m"
    assert format_duration(timedelta(minutes=-45)) == "-45m"
    assert format_duration(timedelta(0)) == "0m"
    assert format_duration(-timedelta(hours=31, minutes=5)) == "-31h 5m"

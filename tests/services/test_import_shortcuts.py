"""Shortcuts issue 14 took on the import's way, each checked against the slow way it replaced:
the archive's sort date read by a regular expression instead of the email parser, and the
holiday countries read from ``holidays``' registry instead of importing every country."""

from __future__ import annotations

from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import format_datetime, parsedate_to_datetime

import holidays
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.business_calendar import BusinessCalendar, supported_countries
from soloservice.services.mail_import import _EPOCH, _date_of


def parser_date(raw_head: bytes) -> datetime:
    """What the import sorted by before: compat32's header parser and its first Date."""
    ends = [at for at in (raw_head.find(b"\n\n"), raw_head.find(b"\n\r\n")) if at >= 0]
    head_bytes = raw_head[: min(ends) + 1] if ends else raw_head
    try:
        value = BytesHeaderParser(policy=compat32).parsebytes(head_bytes).get("Date")
        parsed = parsedate_to_datetime(str(value)) if value else None
    except Exception:
        return _EPOCH
    if parsed is None:
        return _EPOCH
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


_NAMES = st.sampled_from(["Subject", "From", "To", "Received", "X-Mailer", "Message-ID"])
_VALUES = st.text(
    st.characters(min_codepoint=32, max_codepoint=126, exclude_characters=":"), max_size=40
)
_HEADER = st.builds(lambda n, v: f"{n}: {v}".encode(), _NAMES, _VALUES)
_MOMENTS = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
)
_DATES = st.one_of(
    st.builds(lambda d: format_datetime(d).encode(), _MOMENTS),
    st.builds(lambda d: format_datetime(d, usegmt=True).encode(), _MOMENTS),
    _VALUES.map(str.encode),  # not a date at all
)


@given(
    before=st.lists(_HEADER, max_size=5),
    after=st.lists(_HEADER, max_size=5),
    date=st.one_of(st.none(), _DATES),
    spelling=st.sampled_from([b"Date", b"date", b"DATE"]),
    fold=st.booleans(),
    line_end=st.sampled_from([b"\n", b"\r\n"]),
    body=st.binary(max_size=60),
)
def test_the_sort_date_is_what_the_email_parser_reads(
    before: list[bytes],
    after: list[bytes],
    date: bytes | None,
    spelling: bytes,
    fold: bool,
    line_end: bytes,
    body: bytes,
) -> None:
    lines = list(before)
    if date is not None:
        head, _, tail = date.partition(b" ")
        value = head + (line_end + b"\t" + tail if fold and tail else b" " + tail if tail else b"")
        lines.append(spelling + b": " + value)
    lines += after
    raw = line_end.join(lines) + line_end + line_end + b"Date: in the body does not count\n" + body
    assert _date_of(raw) == parser_date(raw)


def test_only_the_first_date_header_counts_and_an_undated_mail_sorts_first() -> None:
    raw = (
        b"Subject: x\nDate: Tue, 24 Nov 2026 09:00:00 +0100\n"
        b"Date: Wed, 25 Nov 2026 09:00:00 +0100\n\nDate: Mon, 1 Jan 2001 00:00:00 +0000\n"
    )
    assert _date_of(raw) == datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    assert _date_of(b"Subject: no date\n\nbody") == _EPOCH
    assert _date_of(b"Date: soon\n\n") == _EPOCH


def test_the_holiday_countries_are_those_holidays_lists() -> None:
    assert supported_countries() == frozenset(holidays.list_supported_countries())
    assert {"DK", "NO", "DNK", "NOR", "GB"} <= supported_countries()


def test_a_calendar_for_a_country_loads_only_that_country() -> None:
    """The check of the country name must not import all 250 calendars (50 ms)."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from soloservice.domain.business_calendar import BusinessCalendar\n"
        "BusinessCalendar(timezone='Europe/Copenhagen', holiday_country='dk')\n"
        "print(sum(m.startswith('holidays.countries.') for m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert int(done.stdout.strip()) < 10
    BusinessCalendar(timezone="Europe/Copenhagen", holiday_country="dk")  # and it is valid

"""ISO weeks in the founder's time zone: the weekly review's unit of time.

A week runs from Monday 00:00 local time to the next Monday, so a week's bounds shift with
daylight saving the way the founder's calendar does.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def _zone(tz: str | ZoneInfo) -> ZoneInfo:
    return tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)


def iso_week_bounds(year: int, week: int, tz: str | ZoneInfo) -> tuple[datetime, datetime]:
    """Monday 00:00 local to the next Monday 00:00 local, as UTC instants.

    A week containing a daylight-saving change is 167 or 169 hours long; that is correct.
    """
    zone = _zone(tz)
    monday = date.fromisocalendar(year, week, 1)  # raises ValueError for a week that isn't
    start = datetime.combine(monday, time(0), tzinfo=zone)
    end = datetime.combine(monday + timedelta(days=7), time(0), tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def last_full_week(now: datetime, tz: str | ZoneInfo) -> tuple[int, int]:
    """The most recent ISO week that has ended, in the business's local time."""
    local = now.astimezone(_zone(tz)).date()
    previous = local - timedelta(days=local.weekday() + 7)
    iso = previous.isocalendar()
    return iso.year, iso.week


_ISO_WEEK = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)


def parse_iso_week(text: str) -> tuple[int, int]:
    """``"2026-W47"`` -> ``(2026, 47)``; rejects weeks the year does not have."""
    match = _ISO_WEEK.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not an ISO week like 2026-W47: {text!r}")
    year, week = int(match.group(1)), int(match.group(2))
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError as exc:
        raise ValueError(f"{year} has no ISO week {week}") from exc
    return year, week


def format_iso_week(year: int, week: int) -> str:
    return f"{year:04d}-W{week:02d}"

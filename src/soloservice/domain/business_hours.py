"""The rules for opening hours and the time zone, without Qt.

The settings dialog's hours page, the first-start assistant and the settings service all
check the same things; keeping the rules here means a value the assistant accepts is one the
settings dialog accepts too. Problems come back as codes (with the weekday where it
matters) so each caller words them in the founder's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from enum import StrEnum
from functools import cache
from zoneinfo import available_timezones


class HoursProblem(StrEnum):
    UNKNOWN_ZONE = "unknown_zone"
    CLOSES_BEFORE_OPENS = "closes_before_opens"
    NEVER_OPEN = "never_open"


@dataclass(frozen=True)
class HoursIssue:
    problem: HoursProblem
    #: 0 = Monday, for a day's problem; None for the whole week
    weekday: int | None = None

    def english(self) -> str:
        """For the CLI and logs; the window words it itself."""
        if self.problem is HoursProblem.UNKNOWN_ZONE:
            return "unknown time zone"
        if self.problem is HoursProblem.NEVER_OPEN:
            return "the business must be open on at least one day"
        day = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
        return f"{day[self.weekday or 0]}: closes before it opens (00:00 means midnight)"


@cache
def time_zones() -> tuple[str, ...]:
    """The zone names offered: "Europe/Copenhagen" style, plus UTC."""
    return tuple(sorted(z for z in available_timezones() if "/" in z or z == "UTC"))


def parse_hhmm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def closes_before_opens(opens: time, closes: time) -> bool:
    """00:00 as the closing time means midnight, the end of the day."""
    return closes != time(0) and closes <= opens


def hours_problems(timezone: str, hours: Mapping[int, tuple[time, time]]) -> list[HoursIssue]:
    """Everything wrong with a zone and a week of opening hours (open days only)."""
    issues: list[HoursIssue] = []
    if timezone not in time_zones():
        issues.append(HoursIssue(HoursProblem.UNKNOWN_ZONE))
    for weekday in sorted(hours):
        opens, closes = hours[weekday]
        if closes_before_opens(opens, closes):
            issues.append(HoursIssue(HoursProblem.CLOSES_BEFORE_OPENS, weekday))
    if not hours:
        issues.append(HoursIssue(HoursProblem.NEVER_OPEN))
    return issues


def settings_hours_problems(
    timezone: str, business_hours: Mapping[int, tuple[str, str]]
) -> list[HoursIssue]:
    """``hours_problems`` over the settings' "HH:MM" strings (a hand-edited file may hold
    "25:00": that day is reported, not a crash)."""
    parsed: dict[int, tuple[time, time]] = {}
    unreadable: list[HoursIssue] = []
    for day, (opens, closes) in business_hours.items():
        try:
            parsed[day] = (parse_hhmm(opens), parse_hhmm(closes))
        except ValueError:
            unreadable.append(HoursIssue(HoursProblem.CLOSES_BEFORE_OPENS, day))
    issues = hours_problems(timezone, parsed)
    if unreadable:
        issues = [i for i in issues if i.problem is not HoursProblem.NEVER_OPEN]
    return issues + unreadable

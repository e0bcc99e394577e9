"""Business calendars and local times shared by the promise tests (Copenhagen, Oslo, New York)."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from soloservice.domain.promise import BusinessCalendar

CPH = ZoneInfo("Europe/Copenhagen")
OSLO = ZoneInfo("Europe/Oslo")
NYC = ZoneInfo("America/New_York")
ALL_DAY = {weekday: (time(0), time(0)) for weekday in range(7)}


def cph(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CPH)


def oslo(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=OSLO)


DK = BusinessCalendar()
NO = BusinessCalendar(timezone="Europe/Oslo", holiday_country="NO")

"""When the business is open: opening hours, public holidays and days off, in local time.

Reply-time promises (``domain/promise.py``) count only these hours. Counting walks the
calendar one *day* at a time (never minute by minute), because the demo computes due times
for 100,000 inquiries and a promise may span a long holiday.

Conventions:

* Opening hours are local wall-clock times in the calendar's time zone, so "09:00-17:00"
  stays 09:00-17:00 across daylight-saving changes. Business time is real elapsed time within
  those hours: a Sunday 00:00-24:00 on the spring-forward day holds 23 hours.
* A closing time of ``time(0)`` means midnight at the end of the day (open until 24:00).
* An opening or closing time that does not exist (skipped by spring-forward) is read with the
  offset before the change, i.e. it lands one hour later; an ambiguous one (fall-back) is the
  first occurrence. This is what ``zoneinfo`` does with ``fold=0``.
* Christmas Eve (24 December) is not a public holiday in Denmark or Norway, so the ``holidays``
  package does not list it, yet nearly every small Scandinavian business is closed. The
  calendar therefore closes it by default (``close_christmas_eve=True``); turn it off for a
  business that answers on the 24th. The founder's other own days off go in ``closed_days``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from soloservice.domain.holiday_source import public_holidays
from soloservice.domain.wording import format_duration, format_english_date

DEFAULT_HOURS: Mapping[int, tuple[time, time]] = MappingProxyType(
    {weekday: (time(9, 0), time(17, 0)) for weekday in range(5)}
)

MAX_CLOSED_RUN_DAYS = 400
"""How many consecutive days without opening hours we search before giving up.

Longer than any plausible vacation plus holidays, short enough that a calendar with no open
days fails at once with a clear error instead of looping forever.
"""

_CHRISTMAS_EVE_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "DK": "Juleaftensdag",
        "NO": "Julaften",
        "SE": "Julafton",
        "DE": "Heiligabend",
        "FI": "Jouluaatto",
    }
)

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@lru_cache(maxsize=1)
def supported_countries() -> frozenset[str]:
    """Every country code ``holidays`` has a calendar for (two and three letters).

    Read from its registry of names: ``holidays.list_supported_countries()`` imports all
    250 country modules to say the same (50 ms of every command that builds a calendar)."""
    try:
        from holidays.registry import COUNTRIES
    except ImportError:  # a holidays without that registry: ask it the slow way
        return frozenset(holidays.list_supported_countries())
    return frozenset(
        code
        for names in COUNTRIES.values()
        for code in names[1:]
        if code.isupper() and code.isalpha() and len(code) <= 3
    )


@lru_cache(maxsize=512)
def _public_holidays(country: str, year: int) -> Mapping[date, str]:
    """One year of public holidays, named in the country's own language ("Skærtorsdag")."""
    return MappingProxyType(public_holidays(country, year))


def check_aware(moment: datetime, what: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {moment.isoformat()}")


def _hours_delta(hours: float) -> timedelta:
    if not math.isfinite(hours) or hours < 0:
        raise ValueError(f"a promise must be a finite, non-negative number of hours, got {hours}")
    return timedelta(hours=hours)


def _short_day(day: date) -> str:
    return f"{_WEEKDAY_NAMES[day.weekday()][:3]} {day.day} {_MONTH_ABBR[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class PromiseStep:
    """One calendar day of a due-time computation: what was counted, or why it was skipped."""

    day: date
    counted: timedelta
    note: str


@dataclass(frozen=True)
class PromiseExplanation:
    """How a due time came about, for ``soloservice promise ID`` and the GUI's tooltip."""

    start: datetime
    due: datetime
    hours: float
    timezone: str
    steps: tuple[PromiseStep, ...]

    def lines(self) -> list[str]:
        out = [
            f"Received {format_english_date(self.start, self.timezone)} ({self.timezone}).",
            f"Promise: {format_duration(timedelta(hours=self.hours))} of business hours.",
        ]
        out.extend(f"  {_short_day(step.day)}: {step.note}" for step in self.steps)
        due_utc = self.due.astimezone(UTC)
        out.append(
            f"Due {format_english_date(self.due, self.timezone)} ({self.timezone}), "
            f"{due_utc:%Y-%m-%d %H:%M} UTC."
        )
        return out

    def text(self) -> str:
        return "\n".join(self.lines())


@dataclass(frozen=True)
class BusinessCalendar:
    """When the business is open, so promises only count hours someone can actually answer."""

    timezone: str = "Europe/Copenhagen"
    hours: Mapping[int, tuple[time, time]] = field(default_factory=lambda: DEFAULT_HOURS)
    holiday_country: str | None = "DK"
    closed_days: frozenset[date] = frozenset()
    close_christmas_eve: bool = True
    _zone: ZoneInfo = field(init=False, repr=False, compare=False)
    #: ``opening_interval`` by day: an import asks it for every new case (the calendar is
    #: frozen, so an answer never goes stale)
    _intervals: dict[date, tuple[datetime, datetime] | None] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        try:
            zone = ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {self.timezone!r}") from exc
        object.__setattr__(self, "_zone", zone)
        object.__setattr__(self, "_intervals", {})
        for weekday, (opens, closes) in self.hours.items():
            if weekday not in range(7):
                raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), got {weekday}")
            if opens.tzinfo is not None or closes.tzinfo is not None:
                raise ValueError("opening hours are local wall-clock times without a time zone")
            if closes != time(0) and closes <= opens:
                raise ValueError(
                    f"{_WEEKDAY_NAMES[weekday]}: closing {closes} must be after opening {opens}"
                )
        object.__setattr__(self, "hours", MappingProxyType(dict(self.hours)))
        object.__setattr__(self, "closed_days", frozenset(self.closed_days))
        if self.holiday_country is not None:
            country = self.holiday_country.upper()
            if country not in supported_countries():
                raise ValueError(f"no public-holiday data for country {self.holiday_country!r}")
            object.__setattr__(self, "holiday_country", country)

    # -- days ---------------------------------------------------------------------------------

    def __hash__(self) -> int:
        # Explicit because ``hours`` is a mapping; lets services cache per calendar.
        return hash(
            (
                self.timezone,
                tuple(sorted(self.hours.items())),
                self.holiday_country,
                self.closed_days,
                self.close_christmas_eve,
            )
        )

    def holiday_name(self, day: date) -> str | None:
        """The public holiday (or Christmas Eve, when closed) on ``day``, in local language."""
        if self.holiday_country is not None:
            name = _public_holidays(self.holiday_country, day.year).get(day)
            if name is not None:
                return name
        if self.close_christmas_eve and day.month == 12 and day.day == 24:
            return _CHRISTMAS_EVE_NAMES.get(self.holiday_country or "", "Christmas Eve")
        return None

    def closed_reason(self, day: date) -> str | None:
        """Why nobody answers on ``day``; ``None`` when the business is open.

        The weekly schedule wins over a holiday name ("weekend" rather than "Påskedag") because
        that is the reason the founder recognises; the vacation note comes last.
        """
        weekday = day.weekday()
        if weekday not in self.hours:
            return "weekend" if weekday >= 5 else f"closed on {_WEEKDAY_NAMES[weekday]}s"
        name = self.holiday_name(day)
        if name is not None:
            return name
        if day in self.closed_days:
            return "closed (vacation)"
        return None

    def is_open_day(self, day: date) -> bool:
        return self.closed_reason(day) is None

    def opening_interval(self, day: date) -> tuple[datetime, datetime] | None:
        """The UTC instants the business opens and closes on local ``day``, or ``None``."""
        if day in self._intervals:
            return self._intervals[day]
        interval: tuple[datetime, datetime] | None = None
        if self.is_open_day(day):
            opens, closes = self.hours[day.weekday()]
            start = datetime.combine(day, opens, tzinfo=self._zone)
            close_day = day + timedelta(days=1) if closes == time(0) else day
            end = datetime.combine(close_day, closes, tzinfo=self._zone)
            interval = (start.astimezone(UTC), end.astimezone(UTC))
        if len(self._intervals) > 10_000:  # (years of days: a long-running window)
            self._intervals.clear()
        self._intervals[day] = interval
        return interval

    def _local_date(self, moment: datetime) -> date:
        return moment.astimezone(self._zone).date()

    def _local_clock(self, moment: datetime) -> str:
        return f"{moment.astimezone(self._zone):%H:%M}"

    # -- counting -----------------------------------------------------------------------------

    def _walk(
        self, start: datetime, amount: timedelta, steps: list[PromiseStep] | None
    ) -> datetime:
        """Count ``amount`` of business time from ``start``; optionally record each day."""
        check_aware(start, "start")
        if not self.hours:
            raise ValueError("the business calendar has no opening hours on any weekday")
        start_utc = start.astimezone(UTC)
        remaining = amount
        day = self._local_date(start_utc)
        closed_run = 0
        while True:
            interval = self.opening_interval(day)
            if interval is None:
                if steps is not None:
                    steps.append(
                        PromiseStep(day, timedelta(0), f"skipped: {self.closed_reason(day)}")
                    )
                closed_run += 1
            else:
                opens, closes = interval
                begin = max(opens, start_utc)
                if begin >= closes:
                    if steps is not None:
                        note = (
                            f"nothing counted: received after closing ({self._local_clock(closes)})"
                        )
                        steps.append(PromiseStep(day, timedelta(0), note))
                    closed_run += 1
                else:
                    available = closes - begin
                    counted = min(remaining, available)
                    if steps is not None:
                        note = (
                            f"counted {format_duration(counted)} "
                            f"({self._local_clock(begin)}–{self._local_clock(begin + counted)})"
                        )
                        steps.append(PromiseStep(day, counted, note))
                    if remaining <= available:
                        return begin + remaining
                    remaining -= available
                    closed_run = 0
            if closed_run > MAX_CLOSED_RUN_DAYS:
                raise ValueError(
                    f"the business calendar has no opening hours in {MAX_CLOSED_RUN_DAYS} "
                    f"consecutive days from {day - timedelta(days=closed_run - 1)}"
                )
            day += timedelta(days=1)

    def add_business_time(self, start: datetime, amount: timedelta) -> datetime:
        """Like :meth:`add_business_hours` but exact, for carrying remaining time across pauses."""
        if amount < timedelta(0):
            raise ValueError(f"cannot add negative business time {amount}")
        return self._walk(start, amount, None)

    def add_business_hours(self, start: datetime, hours: float) -> datetime:
        """The UTC moment ``hours`` of business time after ``start``.

        Counting begins at ``start`` when the business is open, else at the next opening; zero
        hours therefore gives that first open moment. A promise that ends exactly at closing
        time is due at closing time, not at the next opening.
        """
        return self._walk(start, _hours_delta(hours), None)

    def business_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Business time elapsed from ``start`` to ``end`` (zero when ``end <= start``)."""
        check_aware(start, "start")
        check_aware(end, "end")
        start_utc, end_utc = start.astimezone(UTC), end.astimezone(UTC)
        total = timedelta(0)
        if end_utc <= start_utc:
            return total
        day, last = self._local_date(start_utc), self._local_date(end_utc)
        while day <= last:
            interval = self.opening_interval(day)
            if interval is not None:
                begin, finish = max(interval[0], start_utc), min(interval[1], end_utc)
                if finish > begin:
                    total += finish - begin
            day += timedelta(days=1)
        return total

    def explain(self, start: datetime, hours: float) -> PromiseExplanation:
        """The due time with every day counted or skipped, for the founder to check."""
        steps: list[PromiseStep] = []
        due = self._walk(start, _hours_delta(hours), steps)
        return PromiseExplanation(
            start=start, due=due, hours=hours, timezone=self.timezone, steps=tuple(steps)
        )

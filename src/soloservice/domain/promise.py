"""Reply-time promises counted in business hours.

Customers gladly wait two days if they are told so; what hurts is silence. Every inquiry
therefore gets a concrete due time: the channel's promise counted only while the business is
open. Counting walks the calendar one *day* at a time (never minute by minute), because the
demo computes due times for 100,000 inquiries and a promise may span a long holiday.

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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from soloservice.domain.types import Channel
from soloservice.domain.wording import format_duration, format_english_date

DEFAULT_HOURS: Mapping[int, tuple[time, time]] = MappingProxyType(
    {weekday: (time(9, 0), time(17, 0)) for weekday in range(5)}
)

DEFAULT_PROMISE_HOURS: Mapping[Channel, float] = MappingProxyType(
    {
        Channel.EMAIL: 8.0,
        Channel.FORM: 8.0,
        Channel.PHONE: 4.0,
        Channel.FACEBOOK: 4.0,
        Channel.INSTAGRAM: 4.0,
        Channel.X: 4.0,
    }
)

CLOSED_LOOP_CALLBACK = timedelta(hours=24)
"""Wall-clock time within which an unhappy follow-up answer must get a personal contact."""

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
def _supported_countries() -> frozenset[str]:
    return frozenset(holidays.list_supported_countries())


@lru_cache(maxsize=512)
def _public_holidays(country: str, year: int) -> Mapping[date, str]:
    """One year of public holidays, named in the country's own language ("Skærtorsdag")."""
    language = holidays.country_holidays(country).default_language
    table = holidays.country_holidays(country, years=year, language=language)
    return MappingProxyType({day: str(name) for day, name in table.items()})


def _check_aware(moment: datetime, what: str) -> None:
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

    def __post_init__(self) -> None:
        try:
            zone = ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {self.timezone!r}") from exc
        object.__setattr__(self, "_zone", zone)
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
            if country not in _supported_countries():
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
        if not self.is_open_day(day):
            return None
        opens, closes = self.hours[day.weekday()]
        start = datetime.combine(day, opens, tzinfo=self._zone)
        close_day = day + timedelta(days=1) if closes == time(0) else day
        end = datetime.combine(close_day, closes, tzinfo=self._zone)
        return start.astimezone(UTC), end.astimezone(UTC)

    def _local_date(self, moment: datetime) -> date:
        return moment.astimezone(self._zone).date()

    def _local_clock(self, moment: datetime) -> str:
        return f"{moment.astimezone(self._zone):%H:%M}"

    # -- counting -----------------------------------------------------------------------------

    def _walk(
        self, start: datetime, amount: timedelta, steps: list[PromiseStep] | None
    ) -> datetime:
        """Count ``amount`` of business time from ``start``; optionally record each day."""
        _check_aware(start, "start")
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
        _check_aware(start, "start")
        _check_aware(end, "end")
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


def promise_hours_for(
    channel: Channel, promise_hours: Mapping[Channel, float] | None = None
) -> float:
    """The channel's promise; channels missing from the founder's settings use the default."""
    if promise_hours is not None and channel in promise_hours:
        return promise_hours[channel]
    return DEFAULT_PROMISE_HOURS[channel]


def due_at(
    received_at: datetime,
    channel: Channel,
    calendar: BusinessCalendar,
    promise_hours: Mapping[Channel, float] | None = None,
) -> datetime:
    """When an inquiry received at ``received_at`` must have its first real response (UTC)."""
    return calendar.add_business_hours(received_at, promise_hours_for(channel, promise_hours))


def paused_due_at(
    due: datetime,
    pause_start: datetime,
    pause_end: datetime,
    calendar: BusinessCalendar,
) -> datetime:
    """The due time after the clock stood still from ``pause_start`` to ``pause_end``.

    While an inquiry waits on the customer, the founder cannot be late. The business time
    that was left at ``pause_start`` is counted again from ``pause_end``, which shifts the due
    time by exactly the business time inside the pause (pausing at night shifts nothing).
    A pause that starts at or after ``due`` changes nothing: a promise already broken stays
    broken. An empty or reversed pause changes nothing either. Returns UTC.

    When the customer *writes back*, the caller starts a fresh promise with :func:`due_at`
    instead; this function is for resuming the old clock (e.g. the founder un-waits a case).
    """
    for moment, what in ((due, "due"), (pause_start, "pause_start"), (pause_end, "pause_end")):
        _check_aware(moment, what)
    if pause_end <= pause_start or pause_start >= due:
        return due.astimezone(UTC)
    remaining = calendar.business_time_between(pause_start, due)
    return calendar.add_business_time(pause_end, remaining)


def due_after_pauses(
    due: datetime,
    pauses: Iterable[tuple[datetime, datetime]],
    calendar: BusinessCalendar,
) -> datetime:
    """Apply several non-overlapping ``(start, end)`` pauses in time order."""
    result = due.astimezone(UTC)
    for start, end in sorted(pauses, key=lambda pause: pause[0]):
        result = paused_due_at(result, start, end, calendar)
    return result


@dataclass(frozen=True)
class PromiseOutcome:
    """Whether the first real response kept the promise, and by how much.

    ``margin`` is positive when early (by that much) and negative when late.
    """

    kept: bool
    margin: timedelta


def promise_outcome(
    due: datetime, first_response: datetime, calendar: BusinessCalendar | None = None
) -> PromiseOutcome:
    """Kept means answered at or before ``due``.

    Without a calendar the margin is wall-clock time; with one it is business time, which is
    what "answered 2 hours early" means to a founder when a weekend lies in between.
    """
    _check_aware(due, "due")
    _check_aware(first_response, "first_response")
    kept = first_response <= due
    if calendar is None:
        margin = due - first_response
    elif kept:
        margin = calendar.business_time_between(first_response, due)
    else:
        margin = -calendar.business_time_between(due, first_response)
    return PromiseOutcome(kept=kept, margin=margin)

"""What every service needs: the database, the settings and a clock.

The clock is injected so tests can pin "now" and check overdue/due-today logic on fixed
data, without sleeping or patching ``datetime``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import Session

from soloservice.domain.promise import BusinessCalendar
from soloservice.domain.settings import Settings
from soloservice.domain.types import Channel
from soloservice.domain.value import ValueDefaults
from soloservice.storage.database import Database


def utc_now() -> datetime:
    return datetime.now(UTC)


def _parse_hhmm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def calendar_from(settings: Settings) -> BusinessCalendar:
    return BusinessCalendar(
        timezone=settings.timezone,
        hours={
            day: (_parse_hhmm(span[0]), _parse_hhmm(span[1]))
            for day, span in settings.business_hours.items()
        },
        holiday_country=settings.holiday_country,
        closed_days=frozenset(date.fromisoformat(d) for d in settings.closed_days),
        close_christmas_eve=settings.close_christmas_eve,
    )


#: a reaction to an inquiry's change of state, run inside the transaction that made it: it
#: gets that session and the inquiry's id (plain data, never the ORM row: a hook reads what
#: it needs itself, so no row crosses from one service into another's code)
ResolvedHook = Callable[[Session, int], object]


@dataclass
class ServiceContext:
    db: Database
    settings: Settings = field(default_factory=Settings)
    clock: Callable[[], datetime] = utc_now
    #: called inside the transaction whenever an inquiry becomes resolved (follow-up checks
    #: are scheduled this way, without the inquiry service knowing about surveys)
    on_resolved: list[ResolvedHook] = field(default_factory=list)
    #: called inside the transaction whenever a resolved or closed inquiry becomes open again
    #: (reopened, or its resolve undone): a follow-up check not yet made is cancelled this way
    on_reopened: list[ResolvedHook] = field(default_factory=list)

    def update_settings(self, settings: Settings) -> None:
        """Swap in new settings; everything derived from them is recomputed on next use."""
        self.settings = settings
        self.__dict__.pop("calendar", None)

    def now(self) -> datetime:
        return self.clock()

    @property
    def data_dir(self) -> Path:
        """The data folder: the store, settings.json, secrets, drafts and backups live here."""
        return self.db.path.parent

    @cached_property
    def calendar(self) -> BusinessCalendar:
        return calendar_from(self.settings)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.settings.timezone)

    @property
    def value_defaults(self) -> ValueDefaults:
        return ValueDefaults(
            self.settings.default_annual_value, self.settings.default_expected_years
        )

    def promise_hours(self, channel: Channel) -> float:
        return float(self.settings.promise_hours.get(channel.value, 8.0))

    def due_for(self, channel: Channel, received_at: datetime) -> datetime:
        return self.calendar.add_business_hours(received_at, self.promise_hours(channel))

    def end_of_local_day(self, moment: datetime) -> datetime:
        """The first instant of the next local day, in UTC (for "due today")."""
        local = moment.astimezone(self.tz)
        tomorrow = datetime.combine(local.date() + timedelta(days=1), time(0), self.tz)
        return tomorrow.astimezone(UTC)

"""The promised reply time in the customer's own words.

Customers gladly wait when they are told *when*; "within 8 business hours" means nothing to
them, "tirsdag den 30. marts kl. 16.00" does. Day and month names are our own tables rather
than the ``locale`` module, because the founder's machine locale says nothing about the
customer's language and locales may be missing altogether on a packaged install.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from types import MappingProxyType
from zoneinfo import ZoneInfo

from soloservice.domain.types import Language

DAY_NAMES: Mapping[Language, tuple[str, ...]] = MappingProxyType(
    {
        Language.DA: ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
        Language.NB: ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
        Language.EN: (
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ),
    }
)

MONTH_NAMES: Mapping[Language, tuple[str, ...]] = MappingProxyType(
    {
        Language.DA: (
            "januar",
            "februar",
            "marts",
            "april",
            "maj",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "december",
        ),
        Language.NB: (
            "januar",
            "februar",
            "mars",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "desember",
        ),
        Language.EN: (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
    }
)

_ACKNOWLEDGEMENT: Mapping[Language, str] = MappingProxyType(
    {
        Language.DA: "Vi vender tilbage senest {due}.",
        Language.NB: "Vi svarer deg innen {due}.",
        Language.EN: "You will hear from us by {due}.",
    }
)


def _local(moment: datetime, timezone: str) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("the promised time must be timezone-aware")
    return moment.astimezone(ZoneInfo(timezone))


def english_clock(hour: int, minute: int) -> str:
    """12-hour clock as British customers read it in a mail: "4 pm", "4:30 pm", "12 am"."""
    suffix = "am" if hour < 12 else "pm"
    twelve = hour % 12 or 12
    return f"{twelve} {suffix}" if minute == 0 else f"{twelve}:{minute:02d} {suffix}"


def format_promise(due: datetime, language: Language, timezone: str) -> str:
    """The due time as the customer would say it, in the business's time zone.

    ``timezone`` is the zone the customer should read the time in (normally the business's
    own); ``due`` may be in any zone. Seconds are dropped: promises are made to the minute.
    """
    local = _local(due, timezone)
    day = DAY_NAMES[language][local.weekday()]
    month = MONTH_NAMES[language][local.month - 1]
    if language is Language.DA:
        return f"{day} den {local.day}. {month} kl. {local.hour:02d}.{local.minute:02d}"
    if language is Language.NB:
        return f"{day} {local.day}. {month} kl. {local.hour:02d}.{local.minute:02d}"
    return f"{day} {local.day} {month}, {english_clock(local.hour, local.minute)}"


def acknowledgement_sentence(due: datetime, language: Language, timezone: str) -> str:
    """The one sentence every acknowledgement must contain: when the customer hears from us."""
    return _ACKNOWLEDGEMENT[language].format(due=format_promise(due, language, timezone))


def format_english_date(moment: datetime, timezone: str) -> str:
    """ "Wednesday 1 April 2026 16:00" for the founder-facing CLI explanation."""
    local = _local(moment, timezone)
    day = DAY_NAMES[Language.EN][local.weekday()]
    month = MONTH_NAMES[Language.EN][local.month - 1]
    return f"{day} {local.day} {month} {local.year} {local.hour:02d}:{local.minute:02d}"


def format_duration(delta: timedelta) -> str:
    """Compact hours and minutes ("7h", "1h 30m", "-45m") for the CLI and the inbox list.

    Business time is measured in hours, so days are not used: "31h" reads better than "1d 7h"
    when a day means eight hours of work.
    """
    total_minutes = round(delta.total_seconds() / 60)
    sign = "-" if total_minutes < 0 else ""
    hours, minutes = divmod(abs(total_minutes), 60)
    if hours and minutes:
        return f"{sign}{hours}h {minutes}m"
    if hours:
        return f"{sign}{hours}h"
    return f"{sign}{minutes}m"

"""Checking settings.json against the ``Settings`` fields, on load and on save.

The file is edited by hand (that is why it is JSON), so anything can be in it: a time zone
that does not exist, ``Infinity`` as a figure, a version from a newer release. Each such
value must stop the app with one line naming the field, never a traceback in the middle of
drawing a window, and a non-finite number must never be written (``json`` would write
``Infinity``, which is not JSON).

The typed model is built from ``dataclasses.fields(Settings)`` and their type hints, so a
field added to ``domain/settings.py`` is checked without touching this file; the rules
that types cannot say (a real time zone, "HH:MM", ranges) are in ``_RULES``.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Callable
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from soloservice.domain.followup import MAX_DELAY_DAYS, MAX_REST_PERIOD_DAYS
from soloservice.domain.settings import Settings
from soloservice.domain.value import MAX_ANNUAL_VALUE, MAX_EXPECTED_YEARS


class SettingsInvalid(ValueError):
    """One field of the settings is wrong; the message names it and says why."""


def _build_model() -> type[BaseModel]:
    hints = typing.get_type_hints(Settings)
    fields: dict[str, Any] = {f.name: (hints[f.name], None) for f in dataclasses.fields(Settings)}
    config = ConfigDict(allow_inf_nan=False, extra="ignore")
    model: type[BaseModel] = create_model("SettingsFile", __config__=config, **fields)
    return model


_MODEL = _build_model()
_HHMM = re.compile(r"^([01]?\d|2[0-3]):[0-5]\d$")


def _time_zone(value: Any) -> str | None:
    try:
        ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return f"{value!r} is not a time zone"
    return None


def _hhmm(value: Any) -> str | None:
    return None if _HHMM.match(str(value)) else f"{value!r} is not a time (HH:MM)"


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _positive(value: Any) -> str | None:
    return None if value > 0 else f"{value!r} must be more than 0"


def _weekday(value: Any) -> str | None:
    return None if 0 <= int(value) <= 6 else f"{value!r} is not a weekday (0 = Monday … 6)"


def _not_negative(value: Any) -> str | None:
    return None if value is None or value >= 0 else f"{value!r} cannot be negative"


def _at_most(top: float, unit: str = "", *, positive: bool = False) -> Callable[[Any], str | None]:
    """0 (or more than 0) up to ``top``: a figure far past any real business is a typo, and
    unbounded it overflows the date or money arithmetic later, far from this file."""
    shown = f"{top:,.0f}{unit}"

    def check(value: Any) -> str | None:
        problem = _positive(value) if positive else _not_negative(value)
        if problem is None and value > top:
            problem = f"{value!r} is more than the largest allowed ({shown})"
        return problem

    return check


def _share(value: Any) -> str | None:
    return None if value is None or 0 <= value <= 1 else f"{value!r} is not between 0 and 1"


def _hours(value: Any) -> str | None:
    for day, (start, end) in dict(value).items():
        if not 0 <= int(day) <= 6:
            return f"{day!r} is not a weekday (0 = Monday … 6)"
        for moment in (start, end):
            if _hhmm(moment):
                return f"{moment!r} (day {day}) is not a time (HH:MM)"
        opens, closes = (_minutes(start), _minutes(end))
        if closes != 0 and closes <= opens:  # closing at 00:00 means midnight
            return f"day {day} closes ({end}) before it opens ({start})"
    return None


def _days(value: Any) -> str | None:
    for day in value:
        try:
            date.fromisoformat(str(day))
        except ValueError:
            return f"{day!r} is not a date (YYYY-MM-DD)"
    return None


def _promise(value: Any) -> str | None:
    for channel, hours in dict(value).items():
        if hours <= 0:
            return f"{channel}: {hours!r} is not a positive number of hours"
    return None


def _one_of(*allowed: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if value in allowed else f"{value!r} is not one of {', '.join(allowed)}"

    return check


_RULES: dict[str, Callable[[Any], str | None]] = {
    "timezone": _time_zone,
    "business_hours": _hours,
    "closed_days": _days,
    "promise_hours": _promise,
    "after_reply_status": _one_of("waiting", "open"),
    "default_annual_value": _at_most(MAX_ANNUAL_VALUE),
    "default_expected_years": _at_most(MAX_EXPECTED_YEARS, " years", positive=True),
    "followup_delay_days": _at_most(MAX_DELAY_DAYS, " days"),
    "rest_period_days": _at_most(MAX_REST_PERIOD_DAYS, " days"),
    "pulse_per_month": _not_negative,
    "pulse_share": _share,
    "review_reminder_weekday": _weekday,
    "review_reminder_time": _hhmm,
}


def validate_settings_values(values: dict[str, Any]) -> dict[str, Any]:
    """The known keys of ``values``, typed and checked; raises ``SettingsInvalid``.

    Only the keys present are returned (missing ones keep their defaults); unknown keys
    are dropped, so a file from a release with one field more still opens.
    """
    present = {k: v for k, v in values.items() if k in _MODEL.model_fields}
    try:
        model = _MODEL.model_validate(present)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        got = first.get("input")
        shown = "" if isinstance(got, dict | list) else f" (got {got!r})"
        raise SettingsInvalid(f"{where}: {first['msg'].lower()}{shown}") from None
    typed = {name: getattr(model, name) for name in present}
    for name, value in typed.items():
        rule = _RULES.get(name)
        if rule is not None and value is not None:
            problem = rule(value)
            if problem is not None:
                raise SettingsInvalid(f"{name} {problem}")
    return typed


def check_settings(settings: Settings) -> None:
    """Raise ``SettingsInvalid`` for settings that must not be written (or used)."""
    validate_settings_values(
        {f.name: getattr(settings, f.name) for f in dataclasses.fields(Settings)}
    )

"""The rules a settings snapshot must meet before it is saved, without Qt.

The opening-hours rules are in business_hours.py (the dialog's hours page words each
problem itself); this adds the rest: a holiday calendar that exists, closed days that are
dates, and a customer value that can be counted with. ``SettingsService.validate`` runs
them all, so the settings dialog, the first-start assistant and any script are held to the
same rules.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from functools import cache

from soloservice.domain.business_calendar import supported_countries
from soloservice.domain.business_hours import settings_hours_problems
from soloservice.domain.settings import Settings


@cache
def holiday_countries() -> frozenset[str]:
    """Two-letter country codes with a public-holiday calendar."""
    return frozenset(c for c in supported_countries() if len(c) == 2)


def closed_day_problems(days: Iterable[str]) -> list[str]:
    """Closed days that are not ISO dates ("2026-12-24")."""
    problems = []
    for day in days:
        try:
            date.fromisoformat(day)
        except ValueError:
            problems.append(f"a closed day is not a date (YYYY-MM-DD): {day!r}")
    return problems


def settings_problems(settings: Settings) -> list[str]:
    """Every reason not to save ``settings``, in English one-liners (CLI, logs, errors)."""
    problems = [
        issue.english()
        for issue in settings_hours_problems(settings.timezone, settings.business_hours)
    ]
    country = settings.holiday_country
    if country is not None and country not in holiday_countries():
        problems.append(f"there is no public-holiday calendar for {country!r}")
    problems.extend(closed_day_problems(settings.closed_days))
    value, years = settings.default_annual_value, settings.default_expected_years
    if not (math.isfinite(value) and math.isfinite(years)) or value < 0 or years <= 0:
        problems.append("a customer's value must be 0 or more, over more than 0 years")
    return problems

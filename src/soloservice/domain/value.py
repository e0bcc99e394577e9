"""What a customer is worth: the number that puts a 200 kr remedy in perspective."""

from __future__ import annotations

import math
from dataclasses import dataclass

DEFAULT_ANNUAL_VALUE = 20_000.0
DEFAULT_EXPECTED_YEARS = 5.0
#: The largest figures the settings and the customer card accept: far beyond any solo
#: business, yet small enough that their product (a lifetime value) is a finite float, so
#: no report ever prints ``Infinity`` (which is not JSON).
MAX_ANNUAL_VALUE = 1e12
MAX_EXPECTED_YEARS = 100.0
MAX_LIFETIME_VALUE = MAX_ANNUAL_VALUE * MAX_EXPECTED_YEARS


def _within(figure: float, top: float) -> float:
    """``figure`` held to 0 … ``top``; a NaN counts as nothing known (0)."""
    if math.isnan(figure) or figure <= 0:
        return 0.0
    return min(figure, top)


def bounded_value(amount: float) -> float:
    """A lifetime value computed elsewhere (SQL), held to 0 … ``MAX_LIFETIME_VALUE``."""
    return _within(float(amount), MAX_LIFETIME_VALUE)


@dataclass(frozen=True)
class ValueDefaults:
    annual_value: float = DEFAULT_ANNUAL_VALUE
    expected_years: float = DEFAULT_EXPECTED_YEARS


def lifetime_value(
    annual_value: float | None,
    expected_years: float | None,
    defaults: ValueDefaults = ValueDefaults(),
) -> float:
    """A customer's own figures win; missing ones fall back to the business's averages."""
    annual = defaults.annual_value if annual_value is None else annual_value
    years = defaults.expected_years if expected_years is None else expected_years
    # Each figure is held to its maximum (an old store or an import may hold more), so the
    # product is always finite.
    return _within(annual, MAX_ANNUAL_VALUE) * _within(years, MAX_EXPECTED_YEARS)


def format_money(amount: float, currency: str = "kr") -> str:
    """Scandinavian grouping: ``100.000 kr``. Locale-aware display is the UI's job."""
    whole = round(amount)
    grouped = f"{whole:,}".replace(",", ".")
    return f"{grouped} {currency}".strip()

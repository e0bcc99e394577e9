"""What a customer is worth: the number that puts a 200 kr remedy in perspective."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_ANNUAL_VALUE = 20_000.0
DEFAULT_EXPECTED_YEARS = 5.0


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
    return max(0.0, annual) * max(0.0, years)


def format_money(amount: float, currency: str = "kr") -> str:
    """Scandinavian grouping: ``100.000 kr``. Locale-aware display is the UI's job."""
    whole = round(amount)
    grouped = f"{whole:,}".replace(",", ".")
    return f"{grouped} {currency}".strip()

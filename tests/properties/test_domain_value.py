"""What a customer is worth and what remedies cost, as properties (``domain/value.py``,
``domain/remedies.py``): a customer's own figures win, nothing is negative, money is grouped
the Scandinavian way, and costs per kind add up to the total.
"""

from __future__ import annotations

import math
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.remedies import (
    Remedy,
    RemedyKind,
    cost_per_kind,
    count_per_kind,
    in_period,
    remedy_vs_value_text,
    total_cost,
)
from soloservice.domain.value import ValueDefaults, format_money, lifetime_value
from tests.properties.conftest import PROPERTIES
from tests.properties.strategies import any_moment

# -- value and remedies ------------------------------------------------------------------------

money = st.floats(0, 10_000_000, allow_nan=False)


@PROPERTIES
@given(
    st.none() | st.floats(-1000, 1e6, allow_nan=False),
    st.none() | st.floats(-5, 50, allow_nan=False),
    money,
    st.floats(0, 50),
)
def test_a_customers_own_figures_win_and_nothing_is_negative(
    annual: float | None, years: float | None, default_annual: float, default_years: float
) -> None:
    defaults = ValueDefaults(default_annual, default_years)
    value = lifetime_value(annual, years, defaults)
    a = default_annual if annual is None else annual
    y = default_years if years is None else years
    assert value >= 0
    assert math.isclose(value, max(0.0, a) * max(0.0, y))


@PROPERTIES
@given(st.floats(-1e9, 1e9, allow_nan=False), st.sampled_from(("kr", "DKK", "NOK", "")))
def test_money_is_grouped_by_thousands_with_dots(amount: float, currency: str) -> None:
    text = format_money(amount, currency)
    number = text[: -len(currency) - 1] if currency else text
    assert text == f"{number} {currency}".strip()
    assert int(number.replace(".", "")) == round(amount)
    groups = number.lstrip("-").split(".")
    assert all(len(group) == 3 for group in groups[1:]) and 1 <= len(groups[0]) <= 3


remedies = st.lists(
    st.builds(
        Remedy, kind=st.sampled_from(list(RemedyKind)), cost=money, at=st.none() | any_moment
    ),
    max_size=15,
)


@PROPERTIES
@given(remedies)
def test_costs_per_kind_add_up_to_the_total(items: list[Remedy]) -> None:
    per_kind = cost_per_kind(items)
    counts = count_per_kind(items)
    assert math.isclose(sum(per_kind.values()), total_cost(items), rel_tol=1e-9, abs_tol=1e-6)
    assert sum(counts.values()) == len(items)
    assert list(per_kind) == [k for k in RemedyKind if k in per_kind]  # in the enum's order
    assert set(per_kind) == set(counts) == {r.kind for r in items}


@PROPERTIES
@given(remedies, any_moment, any_moment)
def test_undated_remedies_belong_to_no_week(items: list[Remedy], a: datetime, b: datetime) -> None:
    start, end = sorted((a, b))
    chosen = in_period(items, start, end)
    assert all(r.at is not None and start <= r.at < end for r in chosen)
    assert len(chosen) == sum(1 for r in items if r.at is not None and start <= r.at < end)


def test_a_remedy_cannot_cost_less_than_nothing() -> None:
    with pytest.raises(ValueError):
        Remedy(RemedyKind.GIFT, cost=-1)
    text = remedy_vs_value_text(
        [Remedy(RemedyKind.GIFT, 200), Remedy(RemedyKind.EXPRESS_SHIPPING, 50)], 100_000
    )
    assert text == "remedy 250 kr — customer worth 100.000 kr"
    assert remedy_vs_value_text(0, 0, "NOK") == "remedy 0 NOK — customer worth 0 NOK"

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from soloservice.domain.remedies import (
    Remedy,
    RemedyKind,
    cost_per_kind,
    count_per_kind,
    in_period,
    remedy_vs_value_text,
    total_cost,
)


def at(day: int) -> datetime:
    return datetime(2026, 11, day, 12, tzinfo=UTC)


REMEDIES = [
    Remedy(RemedyKind.APOLOGY_CALL, 0, "called, 10 min", at(16)),
    Remedy(RemedyKind.EXPRESS_SHIPPING, 150, "GLS express", at(17)),
    Remedy(RemedyKind.GIFT, 100, "chocolates", at(17)),
    Remedy(RemedyKind.REFUND_PARTIAL, 249.5, "", at(20)),
    Remedy(RemedyKind.GIFT, 80, "", at(23)),  # next week
    Remedy(RemedyKind.OTHER, 20, "undated"),
]


def test_kinds_have_stable_values_and_labels() -> None:
    assert [k.value for k in RemedyKind] == [
        "apology_call",
        "apology_mail",
        "replacement",
        "refund_full",
        "refund_partial",
        "express_shipping",
        "gift",
        "discount",
        "repair",
        "other",
    ]
    assert RemedyKind.REFUND_PARTIAL.label == "partial refund"


def test_text_puts_cost_next_to_value() -> None:
    remedies = [Remedy(RemedyKind.EXPRESS_SHIPPING, 150), Remedy(RemedyKind.GIFT, 100)]
    assert remedy_vs_value_text(remedies, 100_000) == "remedy 250 kr — customer worth 100.000 kr"
    assert remedy_vs_value_text(200.0, 1_250_000, "NOK") == (
        "remedy 200 NOK — customer worth 1.250.000 NOK"
    )
    assert remedy_vs_value_text([], 100_000) == "remedy 0 kr — customer worth 100.000 kr"


def test_sums_per_kind_and_week() -> None:
    week = in_period(REMEDIES, at(16).replace(hour=0), at(23).replace(hour=0))
    assert len(week) == 4
    assert total_cost(week) == pytest.approx(499.5)
    assert cost_per_kind(week) == {
        RemedyKind.APOLOGY_CALL: 0.0,
        RemedyKind.REFUND_PARTIAL: 249.5,
        RemedyKind.EXPRESS_SHIPPING: 150.0,
        RemedyKind.GIFT: 100.0,
    }
    assert count_per_kind(REMEDIES)[RemedyKind.GIFT] == 2
    assert total_cost(REMEDIES) == pytest.approx(599.5)


def test_negative_cost_is_rejected() -> None:
    with pytest.raises(ValueError):
        Remedy(RemedyKind.DISCOUNT, -10)

"""What was done to make things right, and what it cost next to what the customer is worth.

The seeds: 200 kr for express shipping or a box of chocolates is peanuts next to a customer
worth 100,000 kr over the years. Showing both numbers side by side is the whole point; the
founder decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from soloservice.domain.value import format_money


class RemedyKind(StrEnum):
    APOLOGY_CALL = "apology_call"
    APOLOGY_MAIL = "apology_mail"
    REPLACEMENT = "replacement"
    REFUND_FULL = "refund_full"
    REFUND_PARTIAL = "refund_partial"
    EXPRESS_SHIPPING = "express_shipping"
    GIFT = "gift"
    DISCOUNT = "discount"
    REPAIR = "repair"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS: dict[RemedyKind, str] = {
    RemedyKind.APOLOGY_CALL: "apology call",
    RemedyKind.APOLOGY_MAIL: "apology mail",
    RemedyKind.REPLACEMENT: "replacement",
    RemedyKind.REFUND_FULL: "full refund",
    RemedyKind.REFUND_PARTIAL: "partial refund",
    RemedyKind.EXPRESS_SHIPPING: "express shipping",
    RemedyKind.GIFT: "gift",
    RemedyKind.DISCOUNT: "discount",
    RemedyKind.REPAIR: "repair",
    RemedyKind.OTHER: "other",
}


@dataclass(frozen=True)
class Remedy:
    """One thing done for a customer; an apology call may well cost 0."""

    kind: RemedyKind
    cost: float = 0.0
    note: str = ""
    at: datetime | None = None

    def __post_init__(self) -> None:
        if self.cost < 0:
            raise ValueError(f"a remedy's cost cannot be negative, got {self.cost}")


def total_cost(remedies: Iterable[Remedy]) -> float:
    return sum((remedy.cost for remedy in remedies), 0.0)


def cost_per_kind(remedies: Iterable[Remedy]) -> dict[RemedyKind, float]:
    """Summed cost for every kind that occurs, in the enum's order."""
    rows = list(remedies)
    return {
        kind: sum((r.cost for r in rows if r.kind is kind), 0.0)
        for kind in RemedyKind
        if any(r.kind is kind for r in rows)
    }


def count_per_kind(remedies: Iterable[Remedy]) -> dict[RemedyKind, int]:
    rows = list(remedies)
    return {
        kind: sum(1 for r in rows if r.kind is kind)
        for kind in RemedyKind
        if any(r.kind is kind for r in rows)
    }


def in_period(remedies: Iterable[Remedy], start: datetime, end: datetime) -> list[Remedy]:
    """Remedies dated in ``[start, end)``; undated ones belong to no week."""
    return [r for r in remedies if r.at is not None and start <= r.at < end]


def remedy_vs_value_text(
    remedies: Iterable[Remedy] | float, lifetime_value: float, currency: str = "kr"
) -> str:
    """ "remedy 250 kr — customer worth 100.000 kr", for the inquiry pane."""
    cost = float(remedies) if isinstance(remedies, int | float) else total_cost(remedies)
    worth = f"customer worth {format_money(lifetime_value, currency)}"
    return f"remedy {format_money(cost, currency)} — {worth}"

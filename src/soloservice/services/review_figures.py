"""Review figures a small shop can believe: the capped iceberg and where value at risk comes from.

Kept apart from ``services/review.py`` (the week's reading and export) because these are the
words and the one query behind two figures, shared by the CLI, the CSV/PDF and the window.

* The iceberg is capped by the customers on record (``domain/iceberg.py``). A customer is on
  record by the end of a period when the store knew them by then: created before it, or with
  an inquiry received before it (an archive imported later still counts its own weeks). Left
  out: senders marked "spam" or "not a customer", and senders whose every inquiry is
  automatic mail (newsletters, no-reply). Customers with no inquiry at all (an imported
  customer list) count: they are customers who could be unhappy without saying so.
* Value at risk rests on the default customer value for every customer without their own
  annual value on the card (the expected years may still be the business's average: the
  annual value is the figure the founder knows). The review says how much, so a founder
  whose 340,000 kr is 300,000 kr of guesses knows what to fix.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import exists, func, or_
from sqlmodel import Session, col, select

from soloservice.domain.iceberg import ICEBERG_HIGH, ICEBERG_LOW, Iceberg
from soloservice.domain.review_math import WeekFigures
from soloservice.domain.value import ValueDefaults, format_money, lifetime_value
from soloservice.storage.tables import CustomerRow, InquiryRow


def customers_on_record(session: Session, end: datetime) -> int:
    """Customers the business had by ``end``, as the iceberg's cap (see the module text)."""
    own = col(InquiryRow.customer_id) == col(CustomerRow.id)
    any_inquiry = exists().where(own)
    real_inquiry = exists().where(own, col(InquiryRow.automatic_reason) == "")
    known_by_then = or_(
        col(CustomerRow.created_at) < end,
        exists().where(own, col(InquiryRow.received_at) < end),
    )
    query = (
        select(func.count())
        .select_from(CustomerRow)
        .where(
            col(CustomerRow.sender_verdict) == "",
            known_by_then,
            or_(real_inquiry, ~any_inquiry),
        )
    )
    return int(session.exec(query).one())


def iceberg_json(iceberg: Iceberg) -> dict[str, Any]:
    """``low``/``high`` are what the review shows (capped); the rest explains the cap."""
    low, high = iceberg.range
    estimate_low, estimate_high = iceberg.estimate
    return {
        "low": low,
        "high": high,
        "estimate_low": estimate_low,
        "estimate_high": estimate_high,
        "customers_on_record": iceberg.customers,
        "complaining_customers": iceberg.complainers,
        "bound": iceberg.bound,
        "bounded": iceberg.bounded,
    }


def default_value_json(defaults: ValueDefaults) -> dict[str, float]:
    return {
        "annual_value": defaults.annual_value,
        "expected_years": defaults.expected_years,
        "lifetime_value": lifetime_value(None, None, defaults),
    }


def iceberg_text(iceberg: Iceberg, period: str = "this week") -> str:
    """The sentence under the review's table (CLI text; the window has a translated twin)."""
    n = iceberg.complaints
    if n == 0:
        return f"No complaints {period}."
    noun = "complaint" if n == 1 else "complaints"
    low, high = iceberg.estimate
    if not iceberg.bounded:
        return f"{n} {noun} — likely {low}–{high} unhappy customers who said nothing"
    bound = iceberg.bound or 0
    customers = iceberg.customers or 0
    rule = (
        f"the rule of thumb ({ICEBERG_LOW}–{ICEBERG_HIGH} per complaint) says {low}–{high}, "
        f"but you have {customers} customers on record"
    )
    if bound == 0:
        return f"{n} {noun} — {rule}, and every one of them has complained: none is left silent"
    if bound < low:
        return (
            f"{n} {noun} — {rule}: at most {bound} unhappy customers who said nothing "
            "(all your other customers)"
        )
    return (
        f"{n} {noun} — likely {low}–{bound} unhappy customers who said nothing; {rule}, "
        f"so at most {bound} (all your other customers)"
    )


def value_at_risk_text(
    figures: WeekFigures, currency: str, defaults: ValueDefaults | None = None
) -> str:
    """ "Value at risk: 340.000 kr — 300.000 kr of it from the default customer value ..." """
    total = figures.value_at_risk.value
    text = f"Value at risk: {format_money(total, currency)}"
    guessed = figures.value_at_risk_default.value
    if total <= 0 or guessed <= 0:
        return text
    what = "the default customer value"
    if defaults is not None:
        what += (
            f" ({format_money(defaults.annual_value, currency)} a year × "
            f"{defaults.expected_years:g} years)"
        )
    share = "all of it" if guessed >= total - 0.005 else f"{format_money(guessed, currency)} of it"
    return f"{text} — {share} from {what}; set real values on the customer cards"

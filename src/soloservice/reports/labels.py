"""What the founder reads in the review: metric and channel names, numbers in the locale."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from soloservice.domain.iceberg import Iceberg
from soloservice.domain.value import ValueDefaults, format_money
from soloservice.services.review_dto import SOCIAL, TOTAL


def tr(text: str) -> str:
    return QCoreApplication.translate("Review", text)


def metric_label(key: str) -> str:
    labels = {
        "received": tr("Received"),
        "answered": tr("Answered"),
        "unanswered_now": tr("Unanswered now"),
        "oldest_waiting": tr("Oldest waiting"),
        "overdue_now": tr("Overdue now"),
        "first_response_median": tr("First response, median"),
        "first_response_p90": tr("First response, 90th pct."),
        "promises_kept_percent": tr("Promises kept"),
        "promises_broken": tr("Promises broken"),
        "resolved": tr("Resolved"),
        "reopened": tr("Reopened"),
        "followups_asked": tr("Follow-ups asked"),
        "followups_answered": tr("Follow-ups answered"),
        "satisfied_percent": tr("Satisfied"),
        "nps": tr("NPS (follow-ups)"),
        "complaints": tr("Complaints"),
        "iceberg": tr("Silent unhappy (est.)"),
        "value_at_risk": tr("Value at risk"),
        "value_at_risk_default": tr("  of it from the default value"),
    }
    return labels.get(key, key)


def metric_help(key: str) -> str:
    texts = {
        "received": tr("Inquiries received this week."),
        "answered": tr("Of those, answered by now."),
        "unanswered_now": tr("Received before the week ended and still without an answer now."),
        "oldest_waiting": tr("How long the oldest unanswered inquiry has waited."),
        "overdue_now": tr("Unanswered now and past the promised reply time."),
        "first_response_median": tr("Median time to the first answer, in business hours."),
        "first_response_p90": tr("9 in 10 first answers came within this many business hours."),
        "promises_kept_percent": tr("Share of settled reply-time promises that were kept."),
        "promises_broken": tr("Answered late, or still unanswered past the promise."),
        "resolved": tr("Resolved or closed during the week."),
        "reopened": tr("Reopened during the week after being resolved."),
        "followups_asked": tr('"Are you satisfied?" checks sent this week.'),
        "followups_answered": tr("Follow-up answers received this week."),
        "satisfied_percent": tr("Share of yes/no answers that said yes."),
        "nps": tr("% promoters (9-10) minus % detractors (0-6) of this week's answers."),
        "complaints": tr("Complaints received this week."),
        "iceberg": tr(
            "Each complaint hides 10 to 26 unhappy customers who never said a word — but "
            "never more than your other customers on record."
        ),
        "value_at_risk": tr(
            "Lifetime value of customers with an open complaint or a detractor answer."
        ),
        "value_at_risk_default": tr(
            "The part of the value at risk that uses the default customer value (customers "
            "without their own annual value). Set real values on the customer cards."
        ),
    }
    return texts.get(key, "")


def column_label(key: str) -> str:
    labels = {
        "email": tr("Email"),
        "form": tr("Form"),
        "phone": tr("Phone"),
        "facebook": tr("Facebook"),
        "instagram": tr("Instagram"),
        "x": tr("X"),
        SOCIAL: tr("Social"),
        TOTAL: tr("Total"),
    }
    return labels.get(key, key)


def number(value: float, decimals: int = 0) -> str:
    return QLocale().toString(float(value), "f", decimals)


def business_hours(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    if hours < 1:
        return tr("%1 min").replace("%1", number(delta.total_seconds() / 60))
    return tr("%1 h").replace("%1", number(hours, 1))


def waited(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    if hours >= 48:
        return tr("%1 days").replace("%1", number(hours / 24, 1))
    return tr("%1 h").replace("%1", number(hours, 1))


def format_metric(value: Any, unit: str, currency: str) -> str:
    if value is None:
        return "–"
    if unit == "hours":
        return business_hours(value)
    if unit == "wait":
        return waited(value)
    if unit == "percent":
        return tr("%1 %").replace("%1", number(value))
    if unit == "score":
        return ("+" if value > 0 else "") + number(value)
    if unit == "money":
        return format_money(value, currency)
    if unit == "range":
        low, high = value
        return f"{low}–{high}" if high else "0"
    return number(value)


def iceberg_sentence(complaints: int, low: int, high: int) -> str:
    if complaints == 0:
        return tr("No complaints this week.")
    if complaints == 1:
        text = tr("1 complaint — likely %2–%3 unhappy customers who said nothing")
    else:
        text = tr("%1 complaints — likely %2–%3 unhappy customers who said nothing")
    return text.replace("%1", str(complaints)).replace("%2", str(low)).replace("%3", str(high))


def iceberg_text(iceberg: Iceberg) -> str:
    """The iceberg in words, saying so when the customers on record cap it."""
    n = iceberg.complaints
    if not iceberg.bounded:
        return iceberg_sentence(n, *iceberg.estimate)
    low, high = iceberg.estimate
    bound = iceberg.bound or 0
    if bound == 0:
        text = tr(
            "%1 — the rule of thumb says %2–%3 silent unhappy customers, but all %4 of your "
            "customers on record have complained: none is left who said nothing"
        )
    elif bound < low:
        text = tr(
            "%1 — the rule of thumb says %2–%3 silent unhappy customers, but you have %4 "
            "customers on record: at most %5 (all your other customers)"
        )
    else:
        text = tr(
            "%1 — likely %2–%5 unhappy customers who said nothing (at most %5: all your other "
            "customers of the %4 on record; the rule of thumb says up to %3)"
        )
    complaints = tr("1 complaint") if n == 1 else tr("%1 complaints").replace("%1", str(n))
    return (
        text.replace("%2", str(low)).replace("%3", str(high))
        .replace("%4", str(iceberg.customers or 0)).replace("%5", str(bound))
        .replace("%1", complaints)
    )  # fmt: skip


def default_value_note(
    at_risk: float, from_default: float, defaults: ValueDefaults, currency: str
) -> str:
    """How much of the value at risk is the default customer value ("" when none is)."""
    if at_risk <= 0 or from_default <= 0:
        return ""
    value = tr("the default customer value (%1 a year × %2 years)")
    value = value.replace("%1", format_money(defaults.annual_value, currency))
    value = value.replace("%2", number(defaults.expected_years, 1).rstrip("0").rstrip(",."))
    if from_default >= at_risk - 0.005:
        text = tr("All of it rests on %1: set real values on the customer cards.")
    else:
        text = tr("%2 of it rests on %1: set real values on the customer cards.")
    return text.replace("%1", value).replace("%2", format_money(from_default, currency))


def month_name(key: str) -> str:
    """ "2026-11" -> "November 2026" in the UI language."""
    year, month = (int(part) for part in key.split("-"))
    return f"{QLocale().standaloneMonthName(month)} {year}"

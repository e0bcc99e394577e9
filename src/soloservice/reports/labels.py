"""What the founder reads in the review: metric and channel names, numbers in the locale."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from soloservice.domain.iceberg import Iceberg
from soloservice.domain.value import ValueDefaults, format_money
from soloservice.plurals import PluralContext
from soloservice.services.review_dto import SOCIAL, TOTAL

Review = PluralContext("Review")


def metric_label(key: str) -> str:
    labels = {
        "received": QCoreApplication.translate("Review", "Received"),
        "answered": QCoreApplication.translate("Review", "Answered"),
        "unanswered_now": QCoreApplication.translate("Review", "Unanswered now"),
        "oldest_waiting": QCoreApplication.translate("Review", "Oldest waiting"),
        "overdue_now": QCoreApplication.translate("Review", "Overdue now"),
        "first_response_median": QCoreApplication.translate("Review", "First response, median"),
        "first_response_p90": QCoreApplication.translate("Review", "First response, 90th pct."),
        "promises_kept_percent": QCoreApplication.translate("Review", "Promises kept"),
        "promises_broken": QCoreApplication.translate("Review", "Promises broken"),
        "resolved": QCoreApplication.translate("Review", "Resolved"),
        "reopened": QCoreApplication.translate("Review", "Reopened"),
        "followups_asked": QCoreApplication.translate("Review", "Follow-ups asked"),
        "followups_answered": QCoreApplication.translate("Review", "Follow-ups answered"),
        "satisfied_percent": QCoreApplication.translate("Review", "Satisfied"),
        "nps": QCoreApplication.translate("Review", "NPS (follow-ups)"),
        "complaints": QCoreApplication.translate("Review", "Complaints"),
        "iceberg": QCoreApplication.translate("Review", "Silent unhappy (est.)"),
        "value_at_risk": QCoreApplication.translate("Review", "Value at risk"),
        "value_at_risk_default": QCoreApplication.translate(
            "Review", "  of it from the default value"
        ),
    }
    return labels.get(key, key)


def metric_help(key: str) -> str:
    texts = {
        "received": QCoreApplication.translate("Review", "Inquiries received this week."),
        "answered": QCoreApplication.translate("Review", "Of those, answered by now."),
        "unanswered_now": QCoreApplication.translate(
            "Review", "Received before the week ended and still without an answer now."
        ),
        "oldest_waiting": QCoreApplication.translate(
            "Review", "How long the oldest unanswered inquiry has waited."
        ),
        "overdue_now": QCoreApplication.translate(
            "Review", "Unanswered now and past the promised reply time."
        ),
        "first_response_median": QCoreApplication.translate(
            "Review", "Median time to the first answer, in business hours."
        ),
        "first_response_p90": QCoreApplication.translate(
            "Review", "9 in 10 first answers came within this many business hours."
        ),
        "promises_kept_percent": QCoreApplication.translate(
            "Review", "Share of settled reply-time promises that were kept."
        ),
        "promises_broken": QCoreApplication.translate(
            "Review", "Answered late, or still unanswered past the promise."
        ),
        "resolved": QCoreApplication.translate("Review", "Resolved or closed during the week."),
        "reopened": QCoreApplication.translate(
            "Review", "Reopened during the week after being resolved."
        ),
        "followups_asked": QCoreApplication.translate(
            "Review", '"Are you satisfied?" checks sent this week.'
        ),
        "followups_answered": QCoreApplication.translate(
            "Review", "Follow-up answers received this week."
        ),
        "satisfied_percent": QCoreApplication.translate(
            "Review", "Share of yes/no answers that said yes."
        ),
        "nps": QCoreApplication.translate(
            "Review", "% promoters (9-10) minus % detractors (0-6) of this week's answers."
        ),
        "complaints": QCoreApplication.translate("Review", "Complaints received this week."),
        "iceberg": QCoreApplication.translate(
            "Review",
            "Each complaint hides 10 to 26 unhappy customers who never said a word — but "
            "never more than your other customers on record.",
        ),
        "value_at_risk": QCoreApplication.translate(
            "Review", "Lifetime value of customers with an open complaint or a detractor answer."
        ),
        "value_at_risk_default": QCoreApplication.translate(
            "Review",
            "The part of the value at risk that uses the default customer value (customers "
            "without their own annual value). Set real values on the customer cards.",
        ),
    }
    return texts.get(key, "")


def column_label(key: str) -> str:
    labels = {
        "email": QCoreApplication.translate("Review", "Email"),
        "form": QCoreApplication.translate("Review", "Form"),
        "phone": QCoreApplication.translate("Review", "Phone"),
        "facebook": QCoreApplication.translate("Review", "Facebook"),
        "instagram": QCoreApplication.translate("Review", "Instagram"),
        "x": QCoreApplication.translate("Review", "X"),
        SOCIAL: QCoreApplication.translate("Review", "Social"),
        TOTAL: QCoreApplication.translate("Review", "Total"),
    }
    return labels.get(key, key)


def number(value: float, decimals: int = 0) -> str:
    return QLocale().toString(float(value), "f", decimals)


def business_hours(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    if hours < 1:
        return QCoreApplication.translate("Review", "%1 min").replace(
            "%1", number(delta.total_seconds() / 60)
        )
    return QCoreApplication.translate("Review", "%1 h").replace("%1", number(hours, 1))


def waited(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    if hours >= 48:
        return QCoreApplication.translate("Review", "%1 days").replace("%1", number(hours / 24, 1))
    return QCoreApplication.translate("Review", "%1 h").replace("%1", number(hours, 1))


def format_metric(value: Any, unit: str, currency: str) -> str:
    if value is None:
        return "–"
    if unit == "hours":
        return business_hours(value)
    if unit == "wait":
        return waited(value)
    if unit == "percent":
        return QCoreApplication.translate("Review", "%1 %").replace("%1", number(value))
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
        return QCoreApplication.translate("Review", "No complaints this week.")
    text = Review.tr(
        "%n complaint(s) — likely %2–%3 unhappy customers who said nothing", "", complaints
    )
    return text.replace("%2", str(low)).replace("%3", str(high))


def iceberg_text(iceberg: Iceberg) -> str:
    """The iceberg in words, saying so when the customers on record cap it."""
    n = iceberg.complaints
    if not iceberg.bounded:
        return iceberg_sentence(n, *iceberg.estimate)
    low, high = iceberg.estimate
    bound = iceberg.bound or 0
    if bound == 0:
        text = QCoreApplication.translate(
            "Review",
            "%1 — the rule of thumb says %2–%3 silent unhappy customers, but all %4 of your "
            "customers on record have complained: none is left who said nothing",
        )
    elif bound < low:
        text = QCoreApplication.translate(
            "Review",
            "%1 — the rule of thumb says %2–%3 silent unhappy customers, but you have %4 "
            "customers on record: at most %5 (all your other customers)",
        )
    else:
        text = QCoreApplication.translate(
            "Review",
            "%1 — likely %2–%5 unhappy customers who said nothing (at most %5: all your other "
            "customers of the %4 on record; the rule of thumb says up to %3)",
        )
    complaints = Review.tr("%n complaint(s)", "", n)
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
    value = QCoreApplication.translate(
        "Review", "the default customer value (%1 a year × %2 years)"
    )
    value = value.replace("%1", format_money(defaults.annual_value, currency))
    value = value.replace("%2", number(defaults.expected_years, 1).rstrip("0").rstrip(",."))
    if from_default >= at_risk - 0.005:
        text = QCoreApplication.translate(
            "Review", "All of it rests on %1: set real values on the customer cards."
        )
    else:
        text = QCoreApplication.translate(
            "Review", "%2 of it rests on %1: set real values on the customer cards."
        )
    return text.replace("%1", value).replace("%2", format_money(from_default, currency))


def month_name(key: str) -> str:
    """ "2026-11" -> "November 2026" in the UI language."""
    year, month = (int(part) for part in key.split("-"))
    return f"{QLocale().standaloneMonthName(month)} {year}"

"""The weekly review as text, JSON and CSV: the rows of the review table and the file formats.

JSON schema of ``as_json`` (schema 1; keys never change meaning, new keys may be added)::

    {
      "schema": 1,
      "week": "2026-W47", "year": 2026, "week_number": 47,
      "start": ISO local time, "end": ISO local time (exclusive), "now": ISO local time,
      "timezone": "Europe/Copenhagen", "currency": "kr",
      "channels": {                       # email, form, phone, facebook, instagram, x,
        "<key>": {                        # social, total -- always all eight
          "received" | "answered" | "unanswered_now" | "overdue_now" | "promises_broken" |
          "resolved" | "reopened" | "followups_asked" | "followups_answered" |
          "complaints": {"value": int, "inquiry_ids": [int]},
          "first_response_median_hours" | "first_response_p90_hours"
                                        : {"value": float | null, "inquiry_ids": [int]},
          "promises_kept_percent" | "followup_response_percent" | "satisfied_percent"
                                        : {"value": float | null, "inquiry_ids": [int]},
          "nps": {"value": float | null (-100..100), "inquiry_ids": [int]},
          "value_at_risk": {"value": float, "inquiry_ids": [int]},
          "value_at_risk_default" | "value_at_risk_known"     # the part resting on the default
                                        : {"value": float, "inquiry_ids": [int]},  # value, rest
          "oldest_waiting": null | {"inquiry_id": int, "received_at": ISO, "waiting_hours": float},
          "iceberg": {"low": int, "high": int,              # shown: capped by the customers
                      "estimate_low": int, "estimate_high": int,   # complaints x 10 / x 26
                      "customers_on_record": int | null, "complaining_customers": int,
                      "bound": int | null, "bounded": bool}  # see services/review_figures.py
        }
      },
      "default_customer_value": {"annual_value": float, "expected_years": float,
                                 "lifetime_value": float},
      "remedies": {
        "total_cost": float, "count": int, "inquiry_ids": [int],
        "per_kind": {"<remedy kind>": {"label": str, "count": int, "cost": float,
                                       "inquiry_ids": [int]}},
        "followup_answers": int,
        "satisfied_percent": float | null, "satisfied_inquiry_ids": [int],
        "wrote_again": {"value": int, "inquiry_ids": [int]}
      },
      "pulse": [{"month": "2026-11", "nps": float | null, "answers": int,
                 "promoters": int, "passives": int, "detractors": int}]
    }

Hours are business hours; percentages are 0-100 and ``null`` when nothing stands behind them
(no answers is not the same as everyone unhappy).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from soloservice.domain.review_math import Figure
from soloservice.domain.value import format_money
from soloservice.services.review_dto import CHANNEL_KEYS, COLUMN_KEYS, ChannelReview, WeekReview
from soloservice.services.review_figures import default_value_json, iceberg_json
from soloservice.storage.files import atomic_write

SCHEMA_VERSION = 1

# -- the rows of the review table, shared by text, CSV, PDF and the window ------------------


@dataclass(frozen=True)
class Metric:
    """One row of the review table. ``unit``: count, hours, percent, score, money, wait, range."""

    key: str
    label: str
    unit: str
    get: Callable[[ChannelReview], Figure[Any]]


def _oldest(column: ChannelReview) -> Figure[timedelta | None]:
    oldest = column.oldest_waiting
    return Figure(None) if oldest is None else Figure(oldest.waiting, (oldest.id,))


METRICS: tuple[Metric, ...] = (
    Metric("received", "Received", "count", lambda c: c.received),
    Metric("answered", "Answered", "count", lambda c: c.answered),
    Metric("unanswered_now", "Unanswered now", "count", lambda c: c.unanswered_now),
    Metric("oldest_waiting", "Oldest waiting", "wait", _oldest),
    Metric("overdue_now", "Overdue now", "count", lambda c: c.overdue_now),
    Metric("first_response_median", "First response, median", "hours",
           lambda c: c.first_response_median),
    Metric("first_response_p90", "First response, 90th percentile", "hours",
           lambda c: c.first_response_p90),
    Metric("promises_kept_percent", "Promises kept", "percent",
           lambda c: c.promises_kept_percent),
    Metric("promises_broken", "Promises broken", "count", lambda c: c.promises_broken),
    Metric("resolved", "Resolved", "count", lambda c: c.resolved),
    Metric("reopened", "Reopened", "count", lambda c: c.reopened),
    Metric("followups_asked", "Follow-ups asked", "count", lambda c: c.followups_asked),
    Metric("followups_answered", "Follow-ups answered", "count", lambda c: c.followups_answered),
    Metric("satisfied_percent", "Satisfied", "percent", lambda c: c.satisfied_percent),
    Metric("nps", "NPS (follow-ups)", "score", lambda c: c.nps),
    Metric("complaints", "Complaints", "count", lambda c: c.complaints),
    Metric("iceberg", "Silent unhappy (estimate)", "range",
           lambda c: Figure(c.iceberg, c.complaints.ids)),
    Metric("value_at_risk", "Value at risk", "money", lambda c: c.value_at_risk),
    Metric("value_at_risk_default", "  of it from the default value", "money",
           lambda c: c.value_at_risk_default),
)  # fmt: skip


def hours(delta: timedelta | None) -> float | None:
    return None if delta is None else delta.total_seconds() / 3600


def format_value(value: Any, unit: str, currency: str = "kr") -> str:
    """Plain text for the CLI, CSV and PDF ("-" when nothing stands behind a figure)."""
    if value is None:
        return "-"
    if unit == "hours":
        return f"{hours(value):.1f} h"
    if unit == "wait":
        total_hours = value.total_seconds() / 3600
        return f"{total_hours / 24:.1f} d" if total_hours >= 48 else f"{total_hours:.1f} h"
    if unit == "percent":
        return f"{value:.0f} %"
    if unit == "score":
        return f"{value:+.0f}"
    if unit == "money":
        return format_money(value, currency)
    if unit == "range":
        low, high = value
        return f"{low}–{high}" if high else "0"
    return str(value)


def _figure_json(
    figure: Figure[Any], convert: Callable[[Any], Any] = lambda v: v
) -> dict[str, Any]:
    value = figure.value
    return {"value": None if value is None else convert(value), "inquiry_ids": list(figure.ids)}


def _round(value: float) -> float:
    return round(value, 2)


def _iso(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).isoformat()


def column_json(column: ChannelReview, zone: ZoneInfo) -> dict[str, Any]:
    oldest = column.oldest_waiting

    def hours_of(delta: timedelta) -> float:
        return _round(delta.total_seconds() / 3600)

    return {
        "received": _figure_json(column.received),
        "answered": _figure_json(column.answered),
        "unanswered_now": _figure_json(column.unanswered_now),
        "oldest_waiting": None
        if oldest is None
        else {
            "inquiry_id": oldest.id,
            "received_at": _iso(oldest.received_at, zone),
            "waiting_hours": hours_of(oldest.waiting),
        },
        "overdue_now": _figure_json(column.overdue_now),
        "first_response_median_hours": _figure_json(column.first_response_median, hours_of),
        "first_response_p90_hours": _figure_json(column.first_response_p90, hours_of),
        "promises_kept_percent": _figure_json(column.promises_kept_percent, _round),
        "promises_broken": _figure_json(column.promises_broken),
        "resolved": _figure_json(column.resolved),
        "reopened": _figure_json(column.reopened),
        "followups_asked": _figure_json(column.followups_asked),
        "followups_answered": _figure_json(column.followups_answered),
        "followup_response_percent": _figure_json(column.followup_response_percent, _round),
        "satisfied_percent": _figure_json(column.satisfied_percent, _round),
        "nps": _figure_json(column.nps, _round),
        "complaints": _figure_json(column.complaints),
        "iceberg": iceberg_json(column.silent_unhappy),
        "value_at_risk": _figure_json(column.value_at_risk, _round),
        "value_at_risk_default": _figure_json(column.value_at_risk_default, _round),
        "value_at_risk_known": _figure_json(column.value_at_risk_known, _round),
    }


def review_json(review: WeekReview) -> dict[str, Any]:
    zone = ZoneInfo(review.timezone)
    remedies = review.remedies
    return {
        "schema": SCHEMA_VERSION,
        "week": review.label,
        "year": review.year,
        "week_number": review.week,
        "start": _iso(review.start, zone),
        "end": _iso(review.end, zone),
        "now": _iso(review.now, zone),
        "timezone": review.timezone,
        "currency": review.currency,
        "default_customer_value": default_value_json(review.value_defaults),
        "channels": {column.key: column_json(column, zone) for column in review.columns},
        "remedies": {
            "total_cost": _round(remedies.total.value),
            "count": remedies.count,
            "inquiry_ids": list(remedies.total.ids),
            "per_kind": {
                item.kind: {
                    "label": item.label,
                    "count": item.count,
                    "cost": _round(item.cost),
                    "inquiry_ids": list(item.ids),
                }
                for item in remedies.per_kind
            },
            "followup_answers": remedies.followup_answers,
            "satisfied_percent": None
            if remedies.satisfied_percent.value is None
            else _round(remedies.satisfied_percent.value),
            "satisfied_inquiry_ids": list(remedies.satisfied_percent.ids),
            "wrote_again": _figure_json(remedies.wrote_again),
        },
        "pulse": [
            {
                "month": m.month,
                "nps": None if m.nps is None else _round(m.nps),
                "answers": m.answers,
                "promoters": m.promoters,
                "passives": m.passives,
                "detractors": m.detractors,
            }
            for m in review.pulse
        ],
    }


def review_rows(review: WeekReview) -> list[list[str]]:
    """The review as a grid of text: a header, one row per metric, then remedies and pulse."""
    currency = review.currency
    rows = [["metric", *COLUMN_KEYS]]
    for metric in METRICS:
        rows.append(
            [
                metric.label,
                *(
                    format_value(metric.get(column).value, metric.unit, currency)
                    for column in review.columns
                ),
            ]
        )
    blank = [""] * len(CHANNEL_KEYS) + [""]
    for item in review.remedies.per_kind:
        rows.append(
            [f"Remedy cost: {item.label} ({item.count})", *blank, format_money(item.cost, currency)]
        )
    rows.append(
        [f"Remedy cost, total ({review.remedies.count})", *blank,
         format_money(review.remedies.total.value, currency)]
    )  # fmt: skip
    for month in review.pulse:
        value = format_value(month.nps, "score")
        rows.append([f"Pulse NPS {month.month} ({month.answers} answers)", *blank, value])
    return rows


def review_csv(review: WeekReview) -> str:
    """CSV with raw numbers (hours and percentages as decimals) for a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["week", "metric", *COLUMN_KEYS])

    def raw(value: Any, unit: str) -> str:
        if value is None:
            return ""
        if unit in ("hours", "wait"):
            return f"{value.total_seconds() / 3600:.2f}"
        if unit == "range":
            return f"{value[0]}-{value[1]}"
        if isinstance(value, float):
            return f"{value:.2f}"
        return str(value)

    for metric in METRICS:
        writer.writerow(
            [
                review.label,
                metric.key,
                *(raw(metric.get(column).value, metric.unit) for column in review.columns),
            ]
        )
    blank = [""] * (len(COLUMN_KEYS) - 1)
    for item in review.remedies.per_kind:
        writer.writerow([review.label, f"remedy_cost:{item.kind}", *blank, f"{item.cost:.2f}"])
    writer.writerow(
        [review.label, "remedy_cost:total", *blank, f"{review.remedies.total.value:.2f}"]
    )
    for month in review.pulse:
        nps = "" if month.nps is None else f"{month.nps:.2f}"
        writer.writerow([review.label, f"pulse_nps:{month.month}", *blank, nps])
        writer.writerow([review.label, f"pulse_answers:{month.month}", *blank, str(month.answers)])
    return buffer.getvalue()


def write_atomically(path: Path, text: str, protect: Path | None = None) -> None:
    """Write next to the target and rename, so a crash never leaves half a file; a target
    that is not a regular file (``/dev/full``), or one of the data dir ``protect``'s own
    files, is refused (storage/files.py)."""
    atomic_write(Path(path), text, protect=protect)

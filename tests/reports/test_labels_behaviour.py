"""The words and numbers of the weekly review (window, PDF): every metric has a name and a
help text, durations switch from minutes to hours to days where a reader expects it, and the
value-at-risk note says how much of the figure is only the default customer value."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from soloservice.domain.iceberg import Iceberg
from soloservice.domain.value import ValueDefaults
from soloservice.plurals import ensure_english_plurals
from soloservice.reports.labels import (
    business_hours,
    column_label,
    default_value_note,
    format_metric,
    iceberg_sentence,
    iceberg_text,
    metric_help,
    metric_label,
    month_name,
    waited,
)
from soloservice.services.review_dto import COLUMN_KEYS
from soloservice.services.review_export import METRICS


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> Iterator[None]:
    """English plurals and an English locale, as the app sets them; the locale put back."""
    ensure_english_plurals()
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def test_every_metric_and_column_has_a_name_and_every_metric_a_help_text() -> None:
    for metric in METRICS:
        assert metric_label(metric.key) != metric.key, metric.key
        assert metric_help(metric.key), metric.key
    names = [column_label(key) for key in COLUMN_KEYS]
    assert names[-1] == "Total" and "Social" in names
    assert len(set(names)) == len(names)


def test_an_unknown_key_is_shown_as_itself_rather_than_blank() -> None:
    assert metric_label("new_metric") == "new_metric"
    assert column_label("tiktok") == "tiktok"
    assert metric_help("new_metric") == ""


@pytest.mark.parametrize(
    "delta,text",
    [(timedelta(minutes=20), "20 min"), (timedelta(minutes=59), "59 min"),
     (timedelta(hours=1), "1.0 h"), (timedelta(hours=7, minutes=30), "7.5 h")],
)  # fmt: skip
def test_response_times_read_in_minutes_under_an_hour(delta: timedelta, text: str) -> None:
    assert business_hours(delta) == text
    assert format_metric(delta, "hours", "kr") == text


@pytest.mark.parametrize(
    "delta,text",
    [(timedelta(hours=5), "5.0 h"), (timedelta(hours=47), "47.0 h"),
     (timedelta(hours=48), "2.0 days"), (timedelta(days=7), "7.0 days")],
)  # fmt: skip
def test_waiting_reads_in_days_from_two_days_on(delta: timedelta, text: str) -> None:
    assert waited(delta) == text
    assert format_metric(delta, "wait", "kr") == text


@pytest.mark.parametrize(
    "value,unit,text",
    [
        (None, "count", "–"),
        (12, "count", "12"),
        (87.4, "percent", "87 %"),
        (35.0, "score", "+35"),
        (-20.0, "score", "-20"),
        (0.0, "score", "0"),
        (125_000, "money", "125.000 kr"),
        ((30, 78), "range", "30–78"),
        ((0, 0), "range", "0"),
    ],
)
def test_each_unit_is_formatted_for_reading(value: object, unit: str, text: str) -> None:
    assert format_metric(value, unit, "kr") == text


def test_money_uses_the_shops_currency() -> None:
    assert format_metric(1500, "money", "NOK") == "1.500 NOK"


def test_no_complaints_is_said_plainly() -> None:
    assert iceberg_sentence(0, 0, 0) == "No complaints this week."
    assert iceberg_text(Iceberg(complaints=0)) == "No complaints this week."


def test_one_complaint_is_singular_and_uncapped_without_a_customer_count() -> None:
    text = iceberg_text(Iceberg(complaints=1))
    assert text == "1 complaint — likely 10–26 unhappy customers who said nothing"


def test_the_default_value_note_says_all_or_how_much() -> None:
    defaults = ValueDefaults(annual_value=20_000, expected_years=5)
    assert default_value_note(0, 0, defaults, "kr") == ""
    assert default_value_note(150_000, 0, defaults, "kr") == ""  # real values only
    assert default_value_note(100_000, 100_000, defaults, "kr") == (
        "All of it rests on the default customer value (20.000 kr a year × 5 years): set real "
        "values on the customer cards."
    )
    assert default_value_note(250_000, 100_000, defaults, "kr") == (
        "100.000 kr of it rests on the default customer value (20.000 kr a year × 5 years): "
        "set real values on the customer cards."
    )


def test_fractional_years_keep_their_decimal() -> None:
    defaults = ValueDefaults(annual_value=8_000, expected_years=2.5)
    note = default_value_note(20_000, 20_000, defaults, "kr")
    assert "(8.000 kr a year × 2.5 years)" in note


@pytest.mark.parametrize("key,text", [("2026-11", "November 2026"), ("2027-01", "January 2027")])
def test_months_are_named_in_the_locale(key: str, text: str) -> None:
    assert month_name(key) == text

"""The review window says when the iceberg is capped and how much of the value at risk is
the default customer value (issue 11, item 10), opened from the real main window."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.services.customers import CustomerChanges
from soloservice.services.registry import Services
from soloservice.ui.features.review import ReviewFeature
from tests.helpers.clock import FixedClock
from tests.helpers.factories import make_inquiry
from tests.ui.conftest import open_window

CPH = ZoneInfo("Europe/Copenhagen")


def test_the_window_caps_the_iceberg_and_names_the_default_value(
    qtbot: QtBot, services: Services, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 11, 24, 10, tzinfo=CPH))  # last full week: 2026-W47
    received = datetime(2026, 11, 18, 10, tzinfo=CPH)
    own = make_inquiry(services, name="Mette", email="mette@example.dk", received_at=received)
    make_inquiry(services, name="Ole", email="ole@example.dk", received_at=received)
    make_inquiry(services, name="Sarah", email="sarah@example.dk", received_at=received)
    services.customers.update(own.customer.id, CustomerChanges(annual_value=30_000.0))

    window = open_window(qtbot, services)
    feature = window.features["review"]
    assert isinstance(feature, ReviewFeature)
    review = feature.open()
    qtbot.addWidget(review, before_close_func=lambda _w: window.runner.wait())
    qtbot.waitUntil(lambda: review.review is not None, timeout=10_000)
    assert review.review is not None and review.review.label == "2026-W47"

    # 3 complaints from all 3 customers on record: nobody is left to be silently unhappy
    iceberg = review.iceberg_label.text()
    assert "3 complaints — the rule of thumb says 30–78" in iceberg
    assert "none is left who said nothing" in iceberg
    value = review.value_label.text()
    assert "350.000 kr" in value  # 150,000 (Mette, own value) + 2 x 100,000
    assert "200.000 kr</a> of it rests on the default customer value" in value
    assert "set real values on the customer cards" in value
    rows = [
        review.model.headerData(r, Qt.Orientation.Vertical) for r in range(review.model.rowCount())
    ]
    assert "  of it from the default value" in rows

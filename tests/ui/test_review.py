"""The weekly review window: figures model, week paging, click-through, checklist, reminder,
exports."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Channel, InquiryKind
from soloservice.services.checklist import ChecklistService
from soloservice.services.registry import Services
from soloservice.services.review import ReviewService
from soloservice.services.review_dto import COLUMN_KEYS
from soloservice.services.review_export import METRICS
from soloservice.ui.review import ReviewReminder, ReviewWindow
from soloservice.ui.review.checklist_view import CHECK_ID_ROLE
from soloservice.ui.review.figures_model import IDS_ROLE, FiguresModel
from soloservice.ui.tasks import TaskRunner
from tests.helpers.clock import FixedClock
from tests.helpers.factories import make_inquiry

CPH = ZoneInfo("Europe/Copenhagen")


def cph(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CPH)


@pytest.fixture
def week47(services: Services) -> list[int]:
    """Three inquiries in 2026-W47 (16-22 Nov), one in W46; now is Tue 24 Nov 10:00."""
    ids = [
        make_inquiry(services, received_at=cph(11, 16, 10)).id,
        make_inquiry(services, name="Ole Nordmann", email="ole@example.no",
                     channel=Channel.FORM, kind=InquiryKind.QUESTION,
                     received_at=cph(11, 18, 11)).id,
        make_inquiry(services, name="Sarah Miller", email="sarah@example.com",
                     received_at=cph(11, 20, 15)).id,
        make_inquiry(services, name="Ingrid Berg", email="ingrid@example.no",
                     received_at=cph(11, 10, 9)).id,
    ]  # fmt: skip
    services.inquiries.record_reply(ids[1], "Ja, vi leverer.", sent_at=cph(11, 18, 12))
    return ids


def open_review(qtbot: QtBot, services: Services, runner: TaskRunner) -> ReviewWindow:
    window = ReviewWindow(services, runner, show_errors=False)
    qtbot.addWidget(window, before_close_func=lambda w: runner.wait())
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.show()
    return window


def test_figures_model_passes_the_model_tester(
    qtmodeltester: object, services: Services, week47: list[int]
) -> None:
    model = FiguresModel()
    model.set_review(ReviewService(services.ctx).week(2026, 47))
    assert model.rowCount() == len(METRICS) and model.columnCount() == len(COLUMN_KEYS)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    total = COLUMN_KEYS.index("total")
    received = model.index(0, total)
    assert model.data(received) == "3"
    assert model.data(received, IDS_ROLE) == sorted(week47[:3])
    model.set_review(None)
    assert model.rowCount() == 0


def test_week_navigation(
    qtbot: QtBot, services: Services, runner: TaskRunner, week47: list[int]
) -> None:
    window = open_review(qtbot, services, runner)
    assert (window.year, window.week) == (2026, 47)
    assert "Week 47" in window.week_label.text() and "16–22 Nov 2026" in window.week_label.text()
    assert window.review is not None and window.review.total.received.value == 3
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(window.prev_button, Qt.MouseButton.LeftButton)
    assert window.week == 46 and window.review.total.received.value == 1
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.week == 48 and "(so far)" in window.week_label.text()
    assert not window.next_button.isEnabled()  # no weeks from the future
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(window.last_full_button, Qt.MouseButton.LeftButton)
    assert window.week == 47
    # the trend charts end with the chosen week
    assert len(window.trends) == 12 and window.trends[-1].label == "2026-W47"
    assert window.charts[3].series()


def test_double_click_and_enter_open_the_inquiries_behind_a_number(
    qtbot: QtBot, services: Services, runner: TaskRunner, week47: list[int]
) -> None:
    window = open_review(qtbot, services, runner)
    table = window.table
    index = window.model.index(0, COLUMN_KEYS.index("email"))  # received by email
    rect = table.visualRect(index)
    with qtbot.waitSignal(window.open_inquiries, timeout=2_000) as signal:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [sorted([week47[0], week47[2]])]

    answered = window.model.index(1, COLUMN_KEYS.index("total"))
    table.setCurrentIndex(answered)
    with qtbot.waitSignal(window.open_inquiries, timeout=2_000) as signal:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert signal.args == [[week47[1]]]

    with qtbot.waitSignal(window.open_inquiries, timeout=2_000) as signal:
        window.iceberg_label.linkActivated.emit(f"ids:{week47[0]},{week47[2]}")
    assert signal.args == [[week47[0], week47[2]]]
    # 4 customers on record, 2 of them complained: the rule of thumb's 20-52 is capped at 2
    assert "2 complaints — the rule of thumb says 20–52" in window.iceberg_label.text()
    assert "at most 2 (all your other customers)" in window.iceberg_label.text()


def test_ticking_a_channel_records_it(
    qtbot: QtBot, services: Services, runner: TaskRunner, clock: FixedClock
) -> None:
    checklist = ChecklistService(services.ctx)
    item = checklist.add("Trustpilot reviews")
    window = open_review(qtbot, services, runner)
    row = window.checklist.row_of(item.id)
    cell = window.checklist.item(row, 0)
    assert cell is not None and cell.data(CHECK_ID_ROLE) == item.id
    assert cell.checkState() == Qt.CheckState.Unchecked
    assert window.checklist.item(row, 2).text() == "Over a week ago"
    with qtbot.waitSignal(window.checklist_changed, timeout=10_000):
        cell.setCheckState(Qt.CheckState.Checked)
    assert checklist.list()[0].last_ticked_at == clock.now
    cell = window.checklist.item(window.checklist.row_of(item.id), 0)
    assert cell.checkState() == Qt.CheckState.Checked
    assert not cell.flags() & Qt.ItemFlag.ItemIsUserCheckable  # a tick is a record
    assert window.checklist.item(row, 2).text() == "OK"


def test_reminder_fires_when_the_clock_passes_monday_nine(
    qtbot: QtBot, services: Services, clock: FixedClock
) -> None:
    service = ReviewService(services.ctx)
    clock.set(cph(11, 30, 8, 59))
    reminder = ReviewReminder(service.next_reminder, clock, poll_ms=5)
    assert reminder.due == cph(11, 30, 9)
    with qtbot.assertNotEmitted(reminder.reminder_due):
        reminder.check()
    reminder.start()
    clock.set(cph(11, 30, 9, 0))
    with qtbot.waitSignal(reminder.reminder_due, timeout=2_000) as signal:
        pass
    reminder.stop()
    assert signal.args == [cph(11, 30, 9)]
    assert reminder.due == cph(12, 7, 9)
    with qtbot.assertNotEmitted(reminder.reminder_due):
        reminder.check()


def test_exports_write_pdf_and_csv(
    qtbot: QtBot, services: Services, runner: TaskRunner, week47: list[int], tmp_path: Path
) -> None:
    window = open_review(qtbot, services, runner)
    pdf = window.export_pdf(tmp_path / "review.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 2  # figures, then the charts
    csv_path = window.export_csv(tmp_path / "review.csv")
    assert "received" in csv_path.read_text(encoding="utf-8")

"""The weekly review as the founder uses it from the main window (View > Weekly review…,
Ctrl+Shift+R): a number opens its inquiries in the main list, Export PDF…/CSV… go through the
save dialog and say where the file went, a failed export says why and leaves no file, and a
hand-checked channel is added by name."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from soloservice.domain.remedies import RemedyKind
from soloservice.domain.types import Channel, InquiryKind
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.services.review_dto import COLUMN_KEYS
from soloservice.ui.features.review import ReviewFeature
from soloservice.ui.main_window import MainWindow
from soloservice.ui.review import exports as exports_module
from soloservice.ui.review import window as review_module
from soloservice.ui.review.window import ReviewWindow
from tests.helpers.factories import make_inquiry
from tests.ui.conftest import open_window

CPH = ZoneInfo("Europe/Copenhagen")
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def cph(month: int, day: int, hour: int) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=CPH)


@pytest.fixture
def last_week(services: Services) -> dict[str, int]:
    """Last full week is 2026-W47 (16-22 Nov; now is Tue 24 Nov): two mailed complaints, one
    answered web-form question; one complaint got a replacement vase."""
    mette = make_inquiry(services, received_at=cph(11, 16, 10)).id
    ole = make_inquiry(
        services,
        name="Ole Nordmann",
        email="ole@example.no",
        channel=Channel.FORM,
        kind=InquiryKind.QUESTION,
        subject="Levering til Tromsø?",
        received_at=cph(11, 18, 11),
    ).id
    sarah = make_inquiry(
        services, name="Sarah Miller", email="sarah@example.com", received_at=cph(11, 20, 15)
    ).id
    services.inquiries.record_reply(ole, "Ja, vi leverer til Tromsø.", sent_at=cph(11, 18, 12))
    services.remedies.add(mette, RemedyKind.REPLACEMENT, 400, "Ny vase", at=cph(11, 17, 9))
    return {"mette": mette, "ole": ole, "sarah": sarah}


@pytest.fixture
def main(qtbot: QtBot, services: Services, last_week: dict[str, int]) -> MainWindow:
    return open_window(qtbot, services)


@pytest.fixture
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The review's warning box is modal; the texts it would show are collected instead."""
    shown: list[str] = []

    def warning(_parent: object, _title: str, text: str, *args: object) -> None:
        shown.append(text)

    monkeypatch.setattr(review_module.QMessageBox, "warning", staticmethod(warning))
    return shown


def save_as(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[str]:
    """The save dialog answers ``answer`` (empty: the founder cancelled); the default file
    name it proposed is recorded."""
    proposed: list[str] = []

    def get_save_file_name(_parent: object, _title: str, default: str, _pattern: str) -> Any:
        proposed.append(default)
        return answer, ""

    monkeypatch.setattr(
        exports_module.QFileDialog, "getSaveFileName", staticmethod(get_save_file_name)
    )
    return proposed


def open_review(qtbot: QtBot, window: MainWindow) -> ReviewWindow:
    feature = window.features["review"]
    assert isinstance(feature, ReviewFeature)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    review = feature.review
    assert review is not None and review.isVisible()
    qtbot.addWidget(review, before_close_func=lambda _w: window.runner.wait())
    qtbot.waitUntil(lambda: review.review is not None, timeout=10_000)
    return review


def pdf_text(path: Path) -> str:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    text = "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))
    document.close()
    return text


# -- opening and clicking through -------------------------------------------------------------


def test_ctrl_shift_r_opens_last_full_week_and_a_second_press_reuses_the_window(
    qtbot: QtBot, main: MainWindow
) -> None:
    review = open_review(qtbot, main)
    assert review.windowTitle() == "Weekly review — SoloService"
    assert (review.year, review.week) == (2026, 47)
    assert "Week 47, 2026" in review.week_label.text()
    assert "(so far)" not in review.week_label.text()
    assert review.review is not None and review.review.total.received.value == 3
    received = review.model.index(0, COLUMN_KEYS.index("total"))
    assert review.model.data(received) == "3"

    again = main.features["review"]
    assert isinstance(again, ReviewFeature)
    assert again.open() is review  # one review window, brought to the front


def test_a_number_in_the_review_shows_exactly_its_inquiries_in_the_main_list(
    qtbot: QtBot, main: MainWindow, last_week: dict[str, int]
) -> None:
    review = open_review(qtbot, main)
    table = review.table
    index = review.model.index(0, COLUMN_KEYS.index("email"))  # received by email
    table.setCurrentIndex(index)
    with qtbot.waitSignal(review.open_inquiries, timeout=2_000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.model.rowCount() == 2)
    assert sorted(main.model.ids) == sorted([last_week["mette"], last_week["sarah"]])
    message = main.statusBar().currentMessage()
    assert message.startswith("From the weekly review: 2 inquiries")
    assert "pick a view on the left to go back" in message


def test_the_remedy_line_names_the_replacement_and_its_link_opens_the_case(
    qtbot: QtBot, main: MainWindow, last_week: dict[str, int]
) -> None:
    review = open_review(qtbot, main)
    text = review.summary.remedy_label.text()
    assert "×1" in text and "400" in text
    assert f"ids:{last_week['mette']}" in text
    with qtbot.waitSignal(review.open_inquiries, timeout=2_000) as signal:
        review.summary.remedy_label.linkActivated.emit(f"ids:{last_week['mette']}")
    assert signal.args == [[last_week["mette"]]]
    qtbot.waitUntil(lambda: main.model.ids == [last_week["mette"]])


def test_an_empty_link_opens_nothing(qtbot: QtBot, main: MainWindow) -> None:
    review = open_review(qtbot, main)
    with qtbot.assertNotEmitted(review.open_inquiries):
        review.summary.iceberg_label.linkActivated.emit("ids:")
        review.summary.iceberg_label.linkActivated.emit("https://example.com/")


def test_a_week_without_remedies_says_so(qtbot: QtBot, main: MainWindow) -> None:
    review = open_review(qtbot, main)
    with qtbot.waitSignal(review.loaded, timeout=10_000):
        qtbot.mouseClick(review.prev_button, Qt.MouseButton.LeftButton)
    assert review.week == 46
    assert "none recorded this week" in review.summary.remedy_label.text()
    assert review.review is not None and review.review.total.received.value == 0


# -- exports ----------------------------------------------------------------------------------


def test_export_pdf_through_the_dialog_adds_the_suffix_and_says_where_it_went(
    qtbot: QtBot,
    main: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    services.checklist.add("Trustpilot reviews")
    review = open_review(qtbot, main)
    proposed = save_as(monkeypatch, str(tmp_path / "uge47"))
    qtbot.mouseClick(review.export_pdf_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "uge47.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert proposed and proposed[0].endswith("review-2026-W47.pdf")
    assert not list(tmp_path.glob("*.tmp")) and sorted(p.name for p in tmp_path.iterdir()) == [
        "data",
        "uge47.pdf",
    ]
    status = review.export_status
    assert status.isVisible()
    assert f"Saved to {written}" in status.text()
    assert "Open PDF" in status.text() and "Open folder" in status.text()
    assert status.toolTip() == str(written)

    text = pdf_text(written)
    assert "Weekly review 2026-W47" in text
    assert "Remedies this week" in text
    assert "Total" in text and "for 1 remedies" in text.replace("\n", " ")
    assert "Trustpilot reviews" in text  # the channels to check are listed too


def test_the_open_pdf_link_opens_the_written_file(
    qtbot: QtBot, main: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    review = open_review(qtbot, main)
    save_as(monkeypatch, str(tmp_path / "week.pdf"))
    qtbot.mouseClick(review.export_pdf_button, Qt.MouseButton.LeftButton)
    opened: list[str] = []
    monkeypatch.setattr(
        exports_module.QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(QUrl(url).toLocalFile()) or True),
    )
    file_url = QUrl.fromLocalFile(str(tmp_path / "week.pdf")).toString()
    review.export_status.linkActivated.emit(file_url)
    assert opened == [str(tmp_path / "week.pdf")]


def test_export_csv_writes_one_row_per_figure_and_says_open_file(
    qtbot: QtBot, main: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    review = open_review(qtbot, main)
    save_as(monkeypatch, str(tmp_path / "week.csv"))
    qtbot.mouseClick(review.export_csv_button, Qt.MouseButton.LeftButton)
    with (tmp_path / "week.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    flat = [",".join(row) for row in rows]
    assert any(line.startswith("received") or ",received," in line for line in flat)
    assert "Open file" in review.export_status.text()
    assert "Open PDF" not in review.export_status.text()


def test_cancelling_the_save_dialog_writes_nothing_and_says_nothing(
    qtbot: QtBot, main: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    review = open_review(qtbot, main)
    save_as(monkeypatch, "")
    before = sorted(tmp_path.iterdir())
    qtbot.mouseClick(review.export_pdf_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(review.export_csv_button, Qt.MouseButton.LeftButton)
    assert sorted(tmp_path.iterdir()) == before
    assert not review.export_status.isVisible()


def test_an_export_into_a_missing_folder_says_why_and_leaves_no_file(
    qtbot: QtBot,
    main: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_message_boxes: list[str],
) -> None:
    review = open_review(qtbot, main)
    target = tmp_path / "gone" / "week.pdf"
    save_as(monkeypatch, str(target))
    with qtbot.waitSignal(review.failed, timeout=2_000) as signal:
        qtbot.mouseClick(review.export_pdf_button, Qt.MouseButton.LeftButton)
    (message,) = signal.args
    assert message and "\n" not in message
    assert no_message_boxes == [message]  # the founder sees the same one line
    assert not target.parent.exists()
    assert not review.export_status.isVisible()


def test_an_export_onto_a_folder_of_that_name_is_refused_and_the_folder_kept(
    qtbot: QtBot,
    main: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_message_boxes: list[str],
) -> None:
    """A CSV "saved" where a folder of that name is must not replace the folder."""
    folder = tmp_path / "week.csv"
    (folder / "keep").mkdir(parents=True)
    review = open_review(qtbot, main)
    save_as(monkeypatch, str(folder))
    with qtbot.waitSignal(review.failed, timeout=2_000):
        qtbot.mouseClick(review.export_csv_button, Qt.MouseButton.LeftButton)
    assert folder.is_dir() and (folder / "keep").is_dir()
    assert len(no_message_boxes) == 1
    assert not review.export_status.isVisible()


def test_exporting_before_the_week_has_loaded_is_refused(
    qtbot: QtBot, services: Services, last_week: dict[str, int], tmp_path: Path
) -> None:
    window = open_window(qtbot, services)
    review = ReviewWindow(services, window.runner, show_errors=False)
    qtbot.addWidget(review, before_close_func=lambda _w: window.runner.wait())
    # The week is read on the worker; until its result is back nothing can be exported.
    with pytest.raises(ServiceError, match="still loading"):
        review.export_pdf(tmp_path / "early.pdf")
    with pytest.raises(ServiceError, match="still loading"):
        review.export_csv(tmp_path / "early.csv")
    assert not (tmp_path / "early.pdf").exists() and not (tmp_path / "early.csv").exists()
    with qtbot.waitSignal(review.loaded, timeout=10_000):
        review.show()
    assert review.export_csv(tmp_path / "late.csv").is_file()


# -- the channel checklist --------------------------------------------------------------------


def test_add_a_channel_to_check_by_name_stores_it_and_lists_it(
    qtbot: QtBot, main: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    review = open_review(qtbot, main)
    monkeypatch.setattr(
        review_module.QInputDialog,
        "getText",
        staticmethod(lambda *_args, **_kw: ("  Voicemail  ", True)),
    )
    with qtbot.waitSignal(review.checklist_changed, timeout=10_000):
        qtbot.mouseClick(review.add_check_button, Qt.MouseButton.LeftButton)
    (item,) = [c for c in services.checklist.list() if c.name == "Voicemail"]
    row = review.checklist.row_of(item.id)
    assert row is not None and row >= 0
    cell = review.checklist.item(row, 0)
    assert cell is not None and "Voicemail" in cell.text()
    assert any(status.name == "Voicemail" for status in review.statuses)


@pytest.mark.parametrize("answer", [("   ", True), ("Trustpilot", False)])
def test_a_blank_or_cancelled_channel_name_stores_nothing(
    qtbot: QtBot,
    main: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    answer: tuple[str, bool],
) -> None:
    review = open_review(qtbot, main)
    before = services.checklist.list()
    monkeypatch.setattr(
        review_module.QInputDialog, "getText", staticmethod(lambda *_args, **_kw: answer)
    )
    with qtbot.assertNotEmitted(review.checklist_changed, wait=100):
        qtbot.mouseClick(review.add_check_button, Qt.MouseButton.LeftButton)
    assert services.checklist.list() == before


def test_a_refused_tick_is_shown_as_a_one_line_message(
    qtbot: QtBot, main: MainWindow, no_message_boxes: list[str]
) -> None:
    review = open_review(qtbot, main)
    with qtbot.waitSignal(review.failed, timeout=10_000) as signal:
        review.tick(987_654)  # a channel that does not exist (removed meanwhile)
    (message,) = signal.args
    assert message and "\n" not in message and "Traceback" not in message
    assert no_message_boxes == [message]

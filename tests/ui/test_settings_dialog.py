"""The settings dialog: hours edited by keyboard and mouse change real due times."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTimeEdit
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Channel
from soloservice.paths import settings_path
from soloservice.services.customers import CustomerRef
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from soloservice.storage.settings_store import load_settings, save_settings
from soloservice.ui.features.settings import SettingsFeature
from soloservice.ui.main_window import MainWindow
from soloservice.ui.settings.dialog import SettingsDialog
from soloservice.ui.settings.hours_page import day_runs

CTRL = Qt.KeyboardModifier.ControlModifier


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    # An existing settings file: without one the dialog proposes the system's time zone.
    services = window.services
    save_settings(settings_path(services.ctx.db.path.parent), services.ctx.settings)
    feature = window.features["settings"]
    assert isinstance(feature, SettingsFeature)
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    dialog = feature.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def type_time(qtbot: QtBot, edit: QTimeEdit, text: str) -> None:
    """Type HHMM into a time edit as a person would: tab into it (selects the hours), digits."""
    edit.clearFocus()
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(edit, text)


def test_shorter_hours_move_a_new_inquirys_due_time(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    dialog = open_settings(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert dialog.stack.currentIndex() == 1
    hours = dialog.hours
    # Now is Tuesday 10:00 in Copenhagen. Close Tuesday at 13:00 and take Wednesday off.
    tuesday, wednesday = hours.days[1], hours.days[2]
    type_time(qtbot, tuesday.closes, "1300")
    assert tuesday.closes.time().hour() == 13
    qtbot.mouseClick(wednesday.open, Qt.MouseButton.LeftButton)
    assert not wednesday.open.isChecked() and not wednesday.closes.isEnabled()
    # 3 hours on Tuesday, 5 on Thursday: the preview follows before anything is saved.
    assert "Thu 26 Nov 2026 14:00" in hours.preview.text()
    assert services.ctx.settings.business_hours[2] == ("09:00", "17:00")

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert services.ctx.settings.business_hours == {
        0: ("09:00", "17:00"),
        1: ("09:00", "13:00"),
        3: ("09:00", "17:00"),
        4: ("09:00", "17:00"),
    }
    saved = load_settings(settings_path(services.ctx.db.path.parent))
    assert saved == services.ctx.settings
    assert "Settings saved" in window.statusBar().currentMessage()

    detail = services.inquiries.create(
        NewInquiry(
            customer=CustomerRef(name="Ny Kunde"),
            channel=Channel.EMAIL,
            subject="Hej",
            text="Et spørgsmål",
            received_at=services.ctx.now(),
        )
    )
    assert detail.due_at == datetime(2026, 11, 26, 13, 0, tzinfo=UTC)  # 14:00 local


def test_hours_that_close_before_they_open_are_refused_inline(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    dialog = open_settings(qtbot, window)
    dialog.show_page(1)
    monday = dialog.hours.days[0]
    type_time(qtbot, monday.closes, "0800")
    assert monday.error.isVisible()
    assert "Closes before it opens" in monday.error.text()
    assert not dialog.ok_button.isEnabled()
    assert "Monday" in dialog.problems.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    # Midnight is a valid closing time (open until 24:00).
    type_time(qtbot, monday.closes, "0000")
    assert monday.closes.time().toString("HH:mm") == "00:00", monday.error.text()
    assert not monday.error.isVisible() and dialog.ok_button.isEnabled()
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()
    assert services.ctx.settings.business_hours[0] == ("09:00", "17:00")
    assert load_settings(settings_path(services.ctx.db.path.parent)) == services.ctx.settings


def test_a_failed_save_keeps_the_dialog_and_what_was_typed(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    # A read-only folder does not stop root (CI); a directory where the file should be
    # makes the atomic replace fail for everyone.
    blocked = tmp_path / "settings.json"
    blocked.mkdir()
    dialog = SettingsDialog(services, blocked)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.business.founder_name, "Søs Hansen")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.save_error.isVisible()
    assert "could not be saved" in dialog.save_error.text()
    assert dialog.business.founder_name.text() == "Søs Hansen"
    assert services.ctx.settings.founder_name == ""


def test_business_page_shows_lifetime_value_and_vacation_ranges(
    qtbot: QtBot, services: Services, data_dir: Path
) -> None:
    save_settings(settings_path(data_dir), services.ctx.settings)
    dialog = SettingsDialog(services, settings_path(data_dir))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.business.lifetime.text() == "20.000 kr × 5 years = 100.000 kr"
    dialog.business.annual.setValue(12_000)
    assert dialog.business.lifetime.text() == "12.000 kr × 5 years = 60.000 kr"

    hours = dialog.hours
    hours.vacation_from.setDate(hours.vacation_from.date().addDays(1))  # Wed 25 Nov
    hours.vacation_to.setDate(hours.vacation_from.date().addDays(1))  # Thu 26 Nov
    qtbot.mouseClick(hours.add_vacation, Qt.MouseButton.LeftButton)
    assert hours.vacation.count() == 1 and "(2 days)" in hours.vacation.item(0).text()
    # An email now: 7 h left on Tuesday, the last hour on Friday.
    assert "Fri 27 Nov 2026 10:00" in hours.preview.text()
    dialog.business.founder_name.setText("Søs")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    data = json.loads(settings_path(data_dir).read_text(encoding="utf-8"))
    assert data["closed_days"] == ["2026-11-25", "2026-11-26"]
    assert data["default_annual_value"] == 12_000
    assert services.ctx.settings.founder_name == "Søs"
    assert services.ctx.calendar.closed_days == frozenset(
        {datetime(2026, 11, 25).date(), datetime(2026, 11, 26).date()}
    )


def test_day_runs_fold_consecutive_days() -> None:
    d = datetime(2026, 7, 1).date()
    days = [d.replace(day=n) for n in (1, 2, 3, 7, 9, 8)]
    assert day_runs(days) == [(days[0], days[2]), (days[3], days[4])]


def test_first_run_offers_the_business_profile_until_a_name_is_saved(
    qtbot: QtBot, window: MainWindow
) -> None:
    feature = window.features["settings"]
    assert isinstance(feature, SettingsFeature)
    button = feature.first_run_button
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = feature.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.business.founder_name.setFocus()
    qtbot.keyClicks(dialog.business.founder_name, "Sofie Holm")
    with qtbot.waitSignal(feature.saved):
        dialog.accept()
    assert feature.first_run_button is None
    assert window.services.ctx.settings.founder_name == "Sofie Holm"


def test_holiday_country_also_sets_how_local_numbers_are_read(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A Norwegian founder types 412 34 567 on the phone: that must become +47, not +45."""
    dialog = open_settings(qtbot, window)
    dialog.show_page(1)
    hours = dialog.hours
    hours.country.setCurrentIndex(hours.country.findData("NO"))
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert window.services.ctx.settings.phone_region == "NO"
    assert window.services.ctx.settings.holiday_country == "NO"

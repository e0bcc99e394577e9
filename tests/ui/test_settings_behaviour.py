"""Tools > Settings… (Ctrl+,) beyond the hours: the promise per channel, what a reply does,
follow-ups and the NPS pulse, and the weekly review reminder. Each is typed into the real
dialog opened from the main window, then checked where it matters: the settings file, the
running services (a new inquiry's due time, a resolved case's check, the next reminder)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QAbstractSpinBox
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Channel
from soloservice.paths import settings_path
from soloservice.services.registry import Services
from soloservice.storage.settings_store import load_settings, save_settings
from soloservice.ui.features.settings import SettingsFeature
from soloservice.ui.main_window import MainWindow
from soloservice.ui.settings.dialog import SettingsDialog
from tests.helpers.factories import make_inquiry, resolve
from tests.ui.conftest import open_window

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def main(qtbot: QtBot, services: Services) -> MainWindow:
    # A settings file exists: the dialog then keeps the stored time zone (Copenhagen).
    save_settings(settings_path(services.ctx.data_dir), services.ctx.settings)
    return open_window(qtbot, services)


def feature_of(window: MainWindow) -> SettingsFeature:
    feature = window.features["settings"]
    assert isinstance(feature, SettingsFeature)
    return feature


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    dialog = feature_of(window).dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def retype(qtbot: QtBot, spin: QAbstractSpinBox, text: str) -> None:
    """Replace a spin box's text as a person would: focus it, select all, type."""
    spin.setFocus(Qt.FocusReason.TabFocusReason)
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Tab)


def stored(services: Services) -> dict[str, object]:
    data = json.loads(settings_path(services.ctx.data_dir).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def press_ok(qtbot: QtBot, dialog: SettingsDialog) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


# -- the dialog itself ------------------------------------------------------------------------


def test_ctrl_comma_twice_brings_back_the_same_dialog(qtbot: QtBot, main: MainWindow) -> None:
    dialog = open_settings(qtbot, main)
    assert feature_of(main).open() is dialog
    assert dialog.windowTitle() == "Settings"
    titles = [dialog.page_list.item(i).text() for i in range(dialog.page_list.count())]
    assert titles == ["Business", "Hours & holidays", "Promises", "Follow-ups & NPS",
                      "Weekly review"]  # fmt: skip


@pytest.mark.parametrize("key,page", [(Qt.Key.Key_1, 0), (Qt.Key.Key_3, 2), (Qt.Key.Key_5, 4)])
def test_alt_number_switches_pages(qtbot: QtBot, main: MainWindow, key: Qt.Key, page: int) -> None:
    dialog = open_settings(qtbot, main)
    qtbot.keyClick(dialog, key, ALT)
    assert dialog.stack.currentIndex() == page
    assert dialog.page_list.currentRow() == page


def test_cancel_after_editing_every_page_changes_nothing(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    before_file = settings_path(services.ctx.data_dir).read_text(encoding="utf-8")
    before = services.ctx.settings
    dialog = open_settings(qtbot, main)
    retype(qtbot, dialog.promises.hours[Channel.EMAIL], "3")
    dialog.promises.auto_ack.setChecked(True)
    dialog.followups.delay.setValue(9)
    dialog.review.weekday.setCurrentIndex(4)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert services.ctx.settings == before
    assert settings_path(services.ctx.data_dir).read_text(encoding="utf-8") == before_file
    assert feature_of(main).dialog is None  # the next Ctrl+, starts from what is stored
    again = open_settings(qtbot, main)
    assert again.promises.hours[Channel.EMAIL].value() == before.promise_hours["email"]
    assert not again.promises.auto_ack.isChecked()


# -- promises ---------------------------------------------------------------------------------


def test_a_two_hour_email_promise_moves_the_due_time_of_the_next_email(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    dialog = open_settings(qtbot, main)
    qtbot.keyClick(dialog, Qt.Key.Key_3, ALT)
    email = dialog.promises.hours[Channel.EMAIL]
    retype(qtbot, email, "2")
    assert email.value() == 2.0
    # The hours page's preview follows the promise before anything is saved.
    assert "due Tue 24 Nov 2026 12:00" in dialog.hours.preview.text()
    assert services.ctx.settings.promise_hours["email"] != 2.0
    press_ok(qtbot, dialog)

    assert stored(services)["promise_hours"]["email"] == 2.0  # type: ignore[index]
    assert services.ctx.settings.promise_hours["email"] == 2.0
    assert "Settings saved" in main.statusBar().currentMessage()
    detail = make_inquiry(services, received_at=services.ctx.now())
    assert detail.due_at == datetime(2026, 11, 24, 11, 0, tzinfo=UTC)  # 12:00 in Copenhagen


def test_phone_and_social_promises_are_kept_apart(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    dialog = open_settings(qtbot, main)
    dialog.show_page(2)
    retype(qtbot, dialog.promises.hours[Channel.PHONE], "1")
    retype(qtbot, dialog.promises.hours[Channel.INSTAGRAM], "24")
    press_ok(qtbot, dialog)
    hours = services.ctx.settings.promise_hours
    assert hours["phone"] == 1.0 and hours["instagram"] == 24.0
    assert (
        hours["email"] == load_settings(settings_path(services.ctx.data_dir)).promise_hours["email"]
    )


def test_a_promise_below_half_an_hour_cannot_be_typed(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    dialog = open_settings(qtbot, main)
    dialog.show_page(2)
    spin = dialog.promises.hours[Channel.FORM]
    retype(qtbot, spin, "0")
    assert spin.value() >= 0.5
    press_ok(qtbot, dialog)
    assert services.ctx.settings.promise_hours["form"] >= 0.5


def test_after_reply_stays_open_and_automatic_acknowledgements_are_stored(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    dialog = open_settings(qtbot, main)
    dialog.show_page(2)
    promises = dialog.promises
    assert promises.after_reply.currentData() == "waiting"
    promises.after_reply.setCurrentIndex(promises.after_reply.findData("open"))
    qtbot.mouseClick(promises.auto_ack, Qt.MouseButton.LeftButton)
    assert promises.auto_ack.isChecked()
    press_ok(qtbot, dialog)
    data = stored(services)
    assert data["after_reply_status"] == "open" and data["auto_acknowledge"] is True
    assert services.ctx.settings.auto_acknowledge
    assert services.ctx.settings.after_reply_status == "open"
    reopened = open_settings(qtbot, main)
    assert reopened.promises.after_reply.currentData() == "open"
    assert reopened.promises.auto_ack.isChecked()


# -- follow-ups and the pulse -----------------------------------------------------------------


def test_a_five_day_follow_up_delay_schedules_the_next_check_five_days_out(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    before = make_inquiry(services, name="Ole", email="ole@example.no")
    first = resolve(services, before.id)
    dialog = open_settings(qtbot, main)
    qtbot.keyClick(dialog, Qt.Key.Key_4, ALT)
    retype(qtbot, dialog.followups.delay, "5")
    press_ok(qtbot, dialog)
    assert services.ctx.settings.followup_delay_days == 5
    assert stored(services)["followup_delay_days"] == 5

    after = make_inquiry(services)
    check = resolve(services, after.id)
    assert check.scheduled_for is not None and first.scheduled_for is not None
    assert check.scheduled_for - services.ctx.now() >= timedelta(days=5) - timedelta(hours=1)
    assert check.scheduled_for > first.scheduled_for  # the old 3 days gave an earlier date


def test_a_share_of_customers_replaces_the_fixed_number(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    dialog = open_settings(qtbot, main)
    dialog.show_page(3)
    page = dialog.followups
    assert page.per_month_choice.isChecked() and not page.share.isEnabled()
    qtbot.mouseClick(page.share_choice, Qt.MouseButton.LeftButton)
    assert page.share.isEnabled() and not page.per_month.isEnabled()
    retype(qtbot, page.share, "25")
    retype(qtbot, page.rest, "90")
    page.include_score.setChecked(False)
    press_ok(qtbot, dialog)
    settings = services.ctx.settings
    assert settings.pulse_share == pytest.approx(0.25)
    assert settings.rest_period_days == 90 and not settings.followup_include_score
    assert stored(services)["pulse_share"] == pytest.approx(0.25)

    reopened = open_settings(qtbot, main)
    assert reopened.followups.share_choice.isChecked()
    assert reopened.followups.share.value() == pytest.approx(25.0)
    assert not reopened.followups.per_month.isEnabled()


def test_back_to_a_fixed_number_clears_the_share(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    dialog = open_settings(qtbot, main)
    dialog.show_page(3)
    qtbot.mouseClick(dialog.followups.share_choice, Qt.MouseButton.LeftButton)
    press_ok(qtbot, dialog)
    assert services.ctx.settings.pulse_share is not None
    dialog = open_settings(qtbot, main)
    dialog.show_page(3)
    qtbot.mouseClick(dialog.followups.per_month_choice, Qt.MouseButton.LeftButton)
    retype(qtbot, dialog.followups.per_month, "4")
    press_ok(qtbot, dialog)
    assert services.ctx.settings.pulse_share is None
    assert services.ctx.settings.pulse_per_month == 4
    assert stored(services)["pulse_share"] is None


# -- the weekly review reminder ---------------------------------------------------------------


def test_the_review_reminder_moves_to_friday_afternoon(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    dialog = open_settings(qtbot, main)
    qtbot.keyClick(dialog, Qt.Key.Key_5, ALT)
    page = dialog.review
    assert page.weekday.currentData() == 0  # Monday
    page.weekday.setCurrentIndex(page.weekday.findData(4))
    assert page.weekday.currentText() == "Friday"
    page.at.setTime(QTime(15, 30))
    press_ok(qtbot, dialog)
    assert services.ctx.settings.review_reminder_weekday == 4
    assert services.ctx.settings.review_reminder_time == "15:30"
    data = stored(services)
    assert data["review_reminder_weekday"] == 4 and data["review_reminder_time"] == "15:30"
    due = services.review.next_reminder(services.ctx.now())
    local = due.astimezone(services.ctx.tz)
    assert (local.weekday(), local.hour, local.minute) == (4, 15, 30)
    assert local.date().isoformat() == "2026-11-27"  # this Friday, not next week's


# -- a save that fails ------------------------------------------------------------------------


def test_a_settings_file_that_cannot_be_written_keeps_every_page_as_typed(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    blocked = tmp_path / "blocked.json"
    blocked.mkdir()
    window = open_window(qtbot, services)
    dialog = SettingsDialog(services, blocked, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.show_page(2)
    retype(qtbot, dialog.promises.hours[Channel.EMAIL], "4")
    dialog.followups.delay.setValue(7)
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.save_error.isVisible()
    message = dialog.save_error.text()
    assert str(blocked) in message and "Nothing was changed." in message
    assert dialog.promises.hours[Channel.EMAIL].value() == 4.0
    assert dialog.followups.delay.value() == 7
    assert services.ctx.settings.followup_delay_days == 3
    assert services.ctx.settings.promise_hours["email"] != 4.0

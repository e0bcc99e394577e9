"""The reply promise in the real main window: acknowledge only what waits for a reply, no
due-soon alert or overdue badge for an answered case, and the "after I reply" setting."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.paths import settings_path
from soloservice.services.registry import Services
from soloservice.storage.settings_store import load_settings
from soloservice.ui.features.ack import AckFeature
from soloservice.ui.main_window import MainWindow
from soloservice.ui.notify.due_watcher import DueWatcher
from tests.helpers.clock import FixedClock
from tests.helpers.factories import make_inquiry
from tests.ui.test_settings_dialog import open_settings


def test_acknowledge_is_offered_only_while_the_customer_waits_for_a_reply(
    window: MainWindow, services: Services
) -> None:
    feature = window.features["ack"]
    assert isinstance(feature, AckFeature)
    waiting_for_us = make_inquiry(services, email="ny@example.dk")
    answered = make_inquiry(services, email="svar@example.dk")
    services.inquiries.record_reply(answered.id, "Vi har sendt den.")
    services.inquiries.set_status(answered.id, "open")
    window.reload()

    window.show_inquiry(waiting_for_us.id)
    assert feature.ack_action.isEnabled()
    window.show_inquiry(answered.id)
    assert not feature.ack_action.isEnabled()
    assert "not waiting for a reply" in feature.ack_action.toolTip()


def test_an_answered_case_sends_no_alert_and_leaves_the_overdue_count(
    qtbot: QtBot, services: Services, clock: FixedClock
) -> None:
    # Tuesday 10:00 in Copenhagen: both are due Wednesday 10:00 (09:00 UTC).
    answered = make_inquiry(services, email="a@example.dk")
    unanswered = make_inquiry(services, email="b@example.dk")
    services.inquiries.record_reply(answered.id, "Svar")
    services.inquiries.set_status(answered.id, "open")
    watcher = DueWatcher(services, clock=clock, poll_ms=5)
    with qtbot.waitSignal(watcher.overdue_count_changed):
        watcher.start()
    clock.set(datetime(2026, 11, 25, 8, 15, tzinfo=UTC))  # 45 minutes before due
    with qtbot.waitSignal(watcher.due_soon, timeout=2000) as soon:
        pass
    assert [d.id for d in soon.args[0]] == [unanswered.id]
    clock.set(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
    with qtbot.waitSignal(watcher.overdue_count_changed, timeout=2000) as overdue:
        pass
    assert overdue.args == [1]
    watcher.stop()


def test_after_reply_setting_is_chosen_on_the_promises_page(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    dialog = open_settings(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    combo = dialog.promises.after_reply
    assert combo.currentData() == "waiting"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "open"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert services.ctx.settings.after_reply_status == "open"
    saved = load_settings(settings_path(services.ctx.db.path.parent))
    assert saved.after_reply_status == "open"
    case = make_inquiry(services, email="c@example.dk")
    assert services.inquiries.record_reply(case.id, "Svar").status.value == "open"

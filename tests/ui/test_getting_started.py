"""The empty inbox shows what to do next, each step a link, ticked from the store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Status
from soloservice.services.registry import Services
from soloservice.ui.features.forms import FormsFeature
from soloservice.ui.features.getting_started import GettingStarted
from soloservice.ui.features.mail import MailFeature
from soloservice.ui.features.settings import SettingsFeature
from soloservice.ui.main_window import MainWindow
from tests.helpers.clock import FixedClock
from tests.helpers.factories import add_account
from tests.ui.conftest import open_window
from tests.ui.helpers import seed_inbox


def _feature(window: MainWindow) -> GettingStarted:
    feature = window.features["getting_started"]
    assert isinstance(feature, GettingStarted)
    return feature


def test_an_empty_store_shows_four_steps_ticked_from_the_store(
    qtbot: QtBot, services: Services
) -> None:
    window = open_window(qtbot, services)
    feature = _feature(window)
    assert feature.showing_checklist and feature.checklist.isVisible()
    assert not window.table.isVisible()
    rows = feature.checklist.rows
    assert list(rows) == ["mail", "hours", "form", "call"]
    assert all(row.button.isVisible() and not row.done for row in rows.values())
    assert rows["call"].button.text() == "Log a first call…"

    add_account(services, password="x")
    window.reload()
    assert feature.checklist.done_keys() == {"mail"}
    assert rows["mail"].tick.text() == "✔" and rows["hours"].tick.text() == "○"


def test_clicking_log_a_first_call_opens_the_call_dialog(qtbot: QtBot, services: Services) -> None:
    window = open_window(qtbot, services)
    button = _feature(window).checklist.rows["call"].button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.call_dialog is not None and window.call_dialog.isVisible())
    window.call_dialog.reject()  # type: ignore[union-attr]


def test_the_other_steps_open_their_dialogs(qtbot: QtBot, services: Services) -> None:
    window = open_window(qtbot, services)
    feature = _feature(window)
    qtbot.mouseClick(feature.checklist.rows["mail"].button, Qt.MouseButton.LeftButton)
    accounts = window.feature("mail", MailFeature).accounts_dialog
    qtbot.waitUntil(lambda: accounts is not None and accounts.isVisible())
    accounts.close()
    qtbot.mouseClick(feature.checklist.rows["hours"].button, Qt.MouseButton.LeftButton)
    settings = window.feature("settings", SettingsFeature).dialog
    assert settings is not None and settings.stack.currentIndex() == 1
    with qtbot.waitSignal(settings.saved):
        settings.accept()
    assert "hours" in feature.checklist.done_keys()
    qtbot.mouseClick(feature.checklist.rows["form"].button, Qt.MouseButton.LeftButton)
    wizard = window.feature("forms", FormsFeature).wizard
    assert wizard is not None and wizard.isVisible()
    wizard.reject()


def test_with_inquiries_the_list_is_back_and_says_inbox_zero(
    qtbot: QtBot, services: Services, clock: FixedClock
) -> None:
    window = open_window(qtbot, services)
    feature = _feature(window)
    assert feature.showing_checklist
    ids = seed_inbox(services, clock.now, 2)
    window.reload()
    assert not feature.showing_checklist and window.table.isVisible()
    for inquiry_id in ids:
        services.inquiries.set_status(inquiry_id, Status.RESOLVED)
    window.reload()
    assert window.model.rowCount() == 0
    assert not feature.showing_checklist
    assert window.table.empty_text() == "Inbox zero — nothing waiting"

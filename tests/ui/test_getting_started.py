"""The empty inbox shows what to do next, each step a link, ticked from the store."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Channel, Status
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


def test_the_first_call_logged_from_the_checklist_brings_the_list_back_with_it(
    qtbot: QtBot, services: Services
) -> None:
    window = open_window(qtbot, services)
    feature = _feature(window)
    area = window.findChild(QStackedWidget, "inboxStack")
    assert area is not None and area.currentWidget() is feature.checklist
    assert area.parentWidget() is window.search.parentWidget()  # under the search field
    qtbot.mouseClick(feature.checklist.rows["call"].button, Qt.MouseButton.LeftButton)
    dialog = window.call_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.phone, "20 30 40 50")
    qtbot.keyClicks(dialog.name, "Jens Petersen")
    qtbot.keyClicks(dialog.notes, "Vil høre om leveringstid på sofabordet")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    detail = saved.args[0]
    qtbot.waitUntil(lambda: window.table.selected_id() == detail.id)
    assert not feature.showing_checklist and area.currentWidget() is window.table
    assert window.table.isVisible() and not feature.checklist.isVisible()
    assert window.detail is not None and window.detail.customer.name == "Jens Petersen"
    assert "call" in feature.checklist.done_keys()
    # the keyboard is on the list the founder now has, not on a hidden link
    qtbot.waitUntil(lambda: window.focusWidget() is window.table)


def test_a_page_given_later_takes_the_checklists_place_and_the_window_keeps_the_list(
    qtbot: QtBot, services: Services
) -> None:
    """The empty page is the window's to place: a feature hands it over and says when it
    shows; nothing else of the middle column moves."""
    window = open_window(qtbot, services)
    feature = _feature(window)
    other = QLabel("Nothing here yet")
    window.set_empty_inbox(other)
    assert other.isVisible() and not feature.showing_checklist
    window.show_empty_inbox(False)
    assert window.table.isVisible() and not other.isVisible()
    window.show_empty_inbox(True)
    assert other.isVisible() and not window.table.isVisible()
    feature.refresh()  # the store is still empty: the page the window has now stays
    assert other.isVisible() and not feature.checklist.isVisible()


def test_a_window_without_features_shows_its_list_over_an_empty_store(
    qtbot: QtBot, services: Services
) -> None:
    window = MainWindow(services, install_features=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.runner.wait())
    window.show()
    qtbot.waitExposed(window)
    assert window.features == {}
    window.show_empty_inbox(True)  # no page was given: the list stays
    assert window.table.isVisible() and window.model.rowCount() == 0
    assert window.table.empty_text() != ""


def test_an_empty_inbox_offers_no_conversation_note_or_reply_box(
    qtbot: QtBot, services: Services
) -> None:
    """Nothing is open: the reading pane says how to start, with no empty conversation, no
    note box and no reply box to nobody; the first inquiry brings them back."""
    window = open_window(qtbot, services)
    conversation = window.conversation
    mail = window.features["mail"]
    assert isinstance(mail, MailFeature)
    assert window.detail is None
    assert conversation.meta.isVisible()
    assert not conversation.browser.isVisible()
    assert not conversation.note_edit.isVisible() and not conversation.note_button.isVisible()
    assert window.pane.current_composer() is None and not mail.composer.isVisible()

    ids = seed_inbox(services, datetime.now(UTC), 6)
    window.reload()
    qtbot.waitUntil(lambda: window.detail is not None)
    assert conversation.browser.isVisible() and conversation.note_edit.isVisible()
    emailed = next(i for i in ids if services.inquiries.get(i).channel is Channel.EMAIL)
    window.show_inquiry(emailed)
    assert window.pane.current_composer() is mail.composer and mail.composer.isVisible()

"""Social exports, accounts and replies in the real window, against the local fake API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Channel, Direction
from soloservice.services.dto import InboxQuery, View
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace
from soloservice.ui.features.social import SocialFeature
from soloservice.ui.main_window import MainWindow
from tests.helpers.fake_social_api import TOKEN, FakeSocialApi
from tests.helpers.social_exports import PAGE, T0, meta_thread, write_folder
from tests.services.test_social_accounts import api as api  # the fake API fixture

PAGE_ID = "1044"


def _inquiry_of(services: Services, name: str) -> int:
    query = InboxQuery(view=View.INBOX, search=name)
    for row in services.inbox.rows(services.inbox.list_ids(query)):
        if row.customer_name == name:
            return row.id
    raise AssertionError(f"no inquiry from {name}")


@pytest.fixture
def connected(window: MainWindow, api: FakeSocialApi) -> Iterator[FakeSocialApi]:
    social = window.services.social
    social.add("shop-fb", "facebook", PAGE_ID, token=TOKEN, base_url=api.base_url,
               place=SecretPlace.SESSION)  # fmt: skip
    assert social.poll("shop-fb").ok
    window.reload()
    yield api


def test_export_import_asks_which_participant_is_the_business(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    thread = meta_thread("Mette Sørensen", [("Mette Sørensen", T0, "Hej, min skål er revnet")])
    del thread["title"]  # nothing says which side is the page
    folder = write_folder(tmp_path / "fb", {"messages/inbox/m_1/message_1.json": thread})
    before = window.model.rowCount()
    dialog = window.feature("social", SocialFeature).open_import(Channel.FACEBOOK)
    qtbot.keyClicks(dialog.path_edit, str(folder))
    with qtbot.waitSignal(window.runner.task_done):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    candidates = [dialog.owner_list.item(i).text() for i in range(dialog.owner_list.count())]
    assert set(candidates) == {"Mette Sørensen", PAGE}
    assert dialog.owner_list.isVisibleTo(dialog) and dialog.summary is None
    assert window.model.rowCount() == before  # nothing stored yet
    dialog.owner_list.setCurrentRow(candidates.index(PAGE))
    with qtbot.waitSignal(dialog.imported) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args[0].new_inquiries == 1
    assert window.model.rowCount() == before + 1
    assert "1 new inquiries" in dialog.report.toPlainText()


def test_reply_tab_sends_through_the_api(
    window: MainWindow, qtbot: QtBot, connected: FakeSocialApi
) -> None:
    panel = window.feature("social", SocialFeature).reply_panel
    mette = _inquiry_of(window.services, "Mette Sørensen")
    window.show_inquiry(mette)
    assert window.pane.current_composer() is panel  # under the conversation, not in a tab
    assert panel.title() == "Reply on Facebook"
    assert panel.editor.isEnabled()
    qtbot.keyClicks(panel.editor, "Vi sender en ny skål i dag.")
    with qtbot.waitSignal(panel.replied):
        qtbot.keyClick(panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert connected.sent[-1]["message"] == {"text": "Vi sender en ny skål i dag."}
    assert window.detail is not None and window.detail.messages[-1].direction is Direction.OUT
    assert panel.editor.toPlainText() == ""


def test_reply_not_allowed_is_copied_opened_and_recorded(
    window: MainWindow, qtbot: QtBot, connected: FakeSocialApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()))
    )
    connected.outside_window.add("5002")
    panel = window.feature("social", SocialFeature).reply_panel
    ole = _inquiry_of(window.services, "Ole Hansen")
    window.show_inquiry(ole)
    qtbot.keyClicks(panel.editor, "Vi har åbent 10-14.")
    with qtbot.waitSignal(panel.manual_needed):
        qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Vi har åbent 10-14."
    assert opened == ["https://business.facebook.com/latest/inbox/messenger"]
    assert panel.manual.isVisibleTo(panel) and "allowed window" in panel.manual_text.text()
    assert connected.sent == []
    with qtbot.waitSignal(panel.replied):
        qtbot.mouseClick(panel.sent_button, Qt.MouseButton.LeftButton)
    detail = window.services.inquiries.get(ole)
    assert detail.messages[-1].text == "Vi har åbent 10-14."
    assert detail.messages[-1].direction is Direction.OUT
    assert not panel.manual.isVisibleTo(panel)


def test_reply_tab_is_disabled_for_other_channels(window: MainWindow, seeded: list[int]) -> None:
    panel = window.feature("social", SocialFeature).reply_panel
    email = next(i for i in seeded if window.services.inquiries.get(i).channel is Channel.EMAIL)
    window.show_inquiry(email)
    assert not panel.editor.isEnabled() and not panel.send_button.isEnabled()
    assert "came by email" in panel.hint.text()


def test_accounts_dialog_connects_polls_and_shows_an_expired_token(
    window: MainWindow,
    qtbot: QtBot,
    api: FakeSocialApi,
) -> None:
    feature = window.feature("social", SocialFeature)
    assert feature.poll() is False  # no accounts: nothing to poll
    dialog = feature.open_accounts()
    qtbot.keyClicks(dialog.name_edit, "shop-fb")
    qtbot.keyClicks(dialog.ref_edit, PAGE_ID)
    qtbot.keyClicks(dialog.token_edit, TOKEN)
    dialog.place_combo.setCurrentIndex(dialog.place_combo.findData(SecretPlace.SESSION))
    qtbot.keyClicks(dialog.base_url_edit, api.base_url)
    with qtbot.waitSignal(dialog.accounts_changed):  # stored on the database lane
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.add_error.text() == ""
    assert "for this session only" in dialog.status.text()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 4).text() == "not polled yet"
    before = window.model.rowCount()
    with qtbot.waitSignal(dialog.polled):
        qtbot.mouseClick(dialog.poll_button, Qt.MouseButton.LeftButton)
    assert dialog.table.item(0, 4).text() == "OK"
    assert window.model.rowCount() == before + 2  # the window reloaded

    api.mode = "expired"
    assert feature.poll() is True
    # the poll runs on the network lane: another lane's task may finish first, so wait for
    # what the founder sees rather than for "a task finished"
    qtbot.waitUntil(lambda: "token expired" in dialog.table.item(0, 4).text(), timeout=20_000)
    qtbot.waitUntil(lambda: "token expired" in window.statusBar().currentMessage())


def test_switching_inquiries_keeps_a_half_written_social_reply(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from soloservice.domain.types import Channel
    from soloservice.ui.features.social import SocialFeature
    from tests.helpers.factories import make_inquiry

    first = make_inquiry(services, email="a@x.dk", channel=Channel.FACEBOOK)
    second = make_inquiry(services, email="b@x.dk", channel=Channel.INSTAGRAM)
    window.reload()
    feature = window.features["social"]
    assert isinstance(feature, SocialFeature)
    panel = feature.reply_panel
    window.show_inquiry(first.id)
    qtbot.keyClicks(panel.editor, "Hej! Vi kigger på det")
    window.show_inquiry(second.id)
    assert panel.editor.toPlainText() == ""
    window.show_inquiry(first.id)
    assert panel.editor.toPlainText() == "Hej! Vi kigger på det"

"""Tools > Social accounts… from the main window, against the local fake Graph API: what a
founder typing a wrong name or account id sees (and that nothing is stored), renewing an
expired token, removing an account only after saying yes, and a failed poll shown on the
account's row and in the status bar instead of a popup."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Channel
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace
from soloservice.services.social_dto import PollSummary
from soloservice.ui.channels import social_accounts as accounts_module
from soloservice.ui.channels.social_accounts import (
    SocialAccountsDialog,
    place_text,
    poll_text,
)
from soloservice.ui.features.social import SocialFeature
from soloservice.ui.main_window import MainWindow
from tests.helpers.fake_social_api import TOKEN, FakeSocialApi
from tests.services.test_social_accounts import api as api
from tests.ui.conftest import open_window

PAGE_ID = "1044"


@pytest.fixture
def main(qtbot: QtBot, services: Services) -> MainWindow:
    return open_window(qtbot, services)


def accounts_dialog(qtbot: QtBot, window: MainWindow) -> SocialAccountsDialog:
    dialog = window.feature("social", SocialFeature).open_accounts()
    qtbot.waitExposed(dialog)
    return dialog


def fill(
    qtbot: QtBot,
    dialog: SocialAccountsDialog,
    name: str,
    ref: str,
    token: str,
    base_url: str = "",
    platform: Channel = Channel.FACEBOOK,
) -> None:
    dialog.platform_combo.setCurrentIndex(dialog.platform_combo.findData(platform))
    qtbot.keyClicks(dialog.name_edit, name)
    qtbot.keyClicks(dialog.ref_edit, ref)
    qtbot.keyClicks(dialog.token_edit, token)
    dialog.place_combo.setCurrentIndex(dialog.place_combo.findData(SecretPlace.SESSION))
    if base_url:
        qtbot.keyClicks(dialog.base_url_edit, base_url)


def connect(qtbot: QtBot, dialog: SocialAccountsDialog) -> None:
    with qtbot.waitSignal(dialog.accounts_changed, timeout=10_000):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)


def add_failing(qtbot: QtBot, window: MainWindow, dialog: SocialAccountsDialog) -> str:
    """Press Connect, wait for the worker's refusal, return what the dialog says."""
    with qtbot.assertNotEmitted(dialog.accounts_changed):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.add_error.text() != "", timeout=10_000)
    assert dialog.add_button.isEnabled()
    return dialog.add_error.text()


# -- connecting -------------------------------------------------------------------------------


def test_an_empty_dialog_says_how_to_work_without_an_account(
    qtbot: QtBot, main: MainWindow
) -> None:
    dialog = accounts_dialog(qtbot, main)
    assert dialog.table.rowCount() == 0 and dialog.empty.isVisible()
    assert "capture messages by hand (Ctrl+Shift+C)" in dialog.empty.text()
    assert not dialog.poll_button.isEnabled()
    assert not dialog.remove_button.isEnabled() and not dialog.renew_button.isEnabled()


@pytest.mark.parametrize(
    "platform,hint",
    [
        (Channel.FACEBOOK, "the Facebook Page id"),
        (Channel.INSTAGRAM, "PAGE_ID:INSTAGRAM_ACCOUNT_ID"),
        (Channel.X, "your X user id (a number)"),
    ],
)
def test_the_account_id_field_says_what_each_platform_wants(
    qtbot: QtBot, main: MainWindow, platform: Channel, hint: str
) -> None:
    dialog = accounts_dialog(qtbot, main)
    dialog.platform_combo.setCurrentIndex(dialog.platform_combo.findData(platform))
    assert dialog.ref_edit.placeholderText() == hint


@pytest.mark.parametrize(
    "name,ref,platform,words",
    [
        ("shop fb", PAGE_ID, Channel.FACEBOOK, "one word"),
        ("", PAGE_ID, Channel.FACEBOOK, "one word"),
        ("shop-fb", "", Channel.FACEBOOK, "account id"),
        ("shop-ig", "1044", Channel.INSTAGRAM, "PAGE_ID:INSTAGRAM_ACCOUNT_ID"),
    ],
)
def test_a_wrong_name_or_account_id_is_refused_and_nothing_is_stored(
    qtbot: QtBot,
    main: MainWindow,
    services: Services,
    name: str,
    ref: str,
    platform: Channel,
    words: str,
) -> None:
    dialog = accounts_dialog(qtbot, main)
    fill(qtbot, dialog, name, ref, TOKEN, platform=platform)
    message = add_failing(qtbot, main, dialog)
    assert words in message and "\n" not in message
    assert services.social.accounts() == []
    assert dialog.name_edit.text() == name  # what was typed stays, to be corrected


def test_connecting_without_a_token_is_refused(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    dialog = accounts_dialog(qtbot, main)
    fill(qtbot, dialog, "shop-fb", PAGE_ID, "")
    assert "access token" in add_failing(qtbot, main, dialog)
    assert services.social.accounts() == []


def test_a_second_account_of_the_same_name_is_refused(
    qtbot: QtBot, main: MainWindow, services: Services, api: FakeSocialApi
) -> None:
    dialog = accounts_dialog(qtbot, main)
    fill(qtbot, dialog, "shop-fb", PAGE_ID, TOKEN, api.base_url)
    connect(qtbot, dialog)
    assert dialog.name_edit.text() == "" and dialog.token_edit.text() == ""  # cleared
    fill(qtbot, dialog, "shop-fb", "2000", TOKEN, api.base_url)
    assert "exists already" in add_failing(qtbot, main, dialog)
    (only,) = services.social.accounts()
    assert only.account_ref == PAGE_ID


def test_a_bad_api_address_is_refused(qtbot: QtBot, main: MainWindow, services: Services) -> None:
    dialog = accounts_dialog(qtbot, main)
    fill(qtbot, dialog, "shop-fb", PAGE_ID, TOKEN, "not a url")
    assert add_failing(qtbot, main, dialog)
    assert services.social.accounts() == []


# -- renewing, removing -----------------------------------------------------------------------


def test_renewing_asks_for_the_token_first(
    qtbot: QtBot, main: MainWindow, api: FakeSocialApi
) -> None:
    dialog = accounts_dialog(qtbot, main)
    fill(qtbot, dialog, "shop-fb", PAGE_ID, TOKEN, api.base_url)
    connect(qtbot, dialog)
    dialog.table.selectRow(0)
    assert dialog.renew_button.isEnabled()
    qtbot.mouseClick(dialog.renew_button, Qt.MouseButton.LeftButton)
    assert dialog.add_error.text() == "Type the new token in the Token field first."


def test_an_expired_token_is_shown_on_the_row_and_a_new_one_clears_it(
    qtbot: QtBot, main: MainWindow, services: Services, api: FakeSocialApi
) -> None:
    dialog = accounts_dialog(qtbot, main)
    fill(qtbot, dialog, "shop-fb", PAGE_ID, TOKEN, api.base_url)
    connect(qtbot, dialog)
    api.mode = "expired"
    with qtbot.waitSignal(dialog.polled, timeout=20_000) as signal:
        qtbot.mouseClick(dialog.poll_button, Qt.MouseButton.LeftButton)
    (summary,) = signal.args[0]
    assert not summary.ok
    state = dialog.table.item(0, 4)
    assert "token expired" in state.text() and state.toolTip() == state.text()
    assert dialog.status.text().startswith("shop-fb: ")
    assert dialog.poll_button.isEnabled() and not dialog.polling

    api.mode = None
    dialog.table.selectRow(0)
    qtbot.keyClicks(dialog.token_edit, TOKEN)
    qtbot.mouseClick(dialog.renew_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("New token for shop-fb."))
    assert "for this session only" in dialog.status.text()
    assert dialog.token_edit.text() == ""
    (view,) = services.social.accounts()
    assert view.last_error is None
    with qtbot.waitSignal(dialog.polled, timeout=20_000) as signal:
        qtbot.mouseClick(dialog.poll_button, Qt.MouseButton.LeftButton)
    assert all(s.ok for s in signal.args[0])
    assert dialog.table.item(0, 4).text() == "OK"


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_remove_asks_first_and_only_yes_disconnects(
    qtbot: QtBot,
    main: MainWindow,
    services: Services,
    api: FakeSocialApi,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
) -> None:
    dialog = accounts_dialog(qtbot, main)
    fill(qtbot, dialog, "shop-fb", PAGE_ID, TOKEN, api.base_url)
    connect(qtbot, dialog)
    asked: list[str] = []

    def question(
        _parent: object, _title: str, text: str, *_a: object
    ) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(accounts_module.QMessageBox, "question", staticmethod(question))
    dialog.table.selectRow(0)
    if answer is QMessageBox.StandardButton.Yes:
        with qtbot.waitSignal(dialog.accounts_changed, timeout=10_000):
            qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert services.social.accounts() == []
        assert dialog.status.text() == "Removed shop-fb."
        assert dialog.table.rowCount() == 0 and dialog.empty.isVisible()
    else:
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert [v.name for v in services.social.accounts()] == ["shop-fb"]
        assert dialog.table.rowCount() == 1
    (text,) = asked
    assert "Disconnect shop-fb" in text and "stay in the inbox" in text


# -- polling from the window ------------------------------------------------------------------


def test_the_window_says_how_many_messages_a_poll_brought(
    qtbot: QtBot, main: MainWindow, services: Services, api: FakeSocialApi
) -> None:
    services.social.add("shop-fb", "facebook", PAGE_ID, token=TOKEN, base_url=api.base_url,
                        place=SecretPlace.SESSION)  # fmt: skip
    feature = main.feature("social", SocialFeature)
    before = main.model.rowCount()
    assert feature.poll() is True
    assert feature.poll() is False  # one poll at a time
    # on the network lane: wait for its outcome, not for whichever task ends first
    qtbot.waitUntil(lambda: main.model.rowCount() == before + 2, timeout=20_000)
    qtbot.waitUntil(lambda: main.statusBar().currentMessage().startswith("Social: "))
    assert feature.last_poll and all(s.ok for s in feature.last_poll)


# -- words ------------------------------------------------------------------------------------


def test_where_the_token_went_is_said_in_words_the_founder_can_act_on() -> None:
    assert place_text(SecretPlace.KEYRING) == "The token is stored in the system keyring."
    assert "secrets file in your data folder" in place_text(SecretPlace.FILE)
    assert "enter it again after a restart" in place_text(SecretPlace.SESSION)
    assert place_text(None, "META_TOKEN") == (
        "The token is read from the environment variable META_TOKEN."
    )


def test_a_poll_summary_reads_as_one_line() -> None:
    ok = PollSummary(
        account="shop-fb", platform=Channel.FACEBOOK, ok=True, added=5, new_inquiries=2
    )
    assert poll_text(ok) == "shop-fb: 2 new inquiries, 5 new messages"
    failed = PollSummary(
        account="shop-x", platform=Channel.X, ok=False, error="rate limited, retry at 10:15"
    )
    assert poll_text(failed) == "shop-x: rate limited, retry at 10:15"
    assert (
        poll_text(PollSummary(account="shop-x", platform=Channel.X, ok=False)) == "shop-x: failed"
    )

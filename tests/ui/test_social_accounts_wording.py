"""Tools > Social accounts… words a refused account in the window's terms, not the CLI's.

The service's messages name ``social add``'s flags (``--account-ref``, ``--token-env``); a
founder in the dialog has fields, not flags. Each refusal here goes through the real window
and its worker: the dialog shows its own sentence, puts the cursor in the field to correct,
stores nothing, and the CLI keeps its flag names.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Channel
from soloservice.services.registry import Services
from soloservice.services.social import TOKEN_MISSING
from soloservice.services.social_dto import secret_key
from soloservice.ui.channels import social_wording
from soloservice.ui.main_window import MainWindow
from tests.helpers.cli import run
from tests.helpers.fake_social_api import TOKEN, FakeSocialApi
from tests.services.test_social_accounts import api as api
from tests.ui.conftest import open_window
from tests.ui.test_social_accounts_behaviour import accounts_dialog, add_failing, connect, fill

PAGE_ID = "1044"
INSTAGRAM = (
    "For Instagram type the account id as PAGE_ID:INSTAGRAM_ACCOUNT_ID, so your own "
    "messages are told from the customer's."
)
BASE_URL = (
    "The API address must be http:// or https:// and a host; leave it empty unless you use "
    "a test server."
)


@pytest.fixture
def main(qtbot: QtBot, services: Services) -> MainWindow:
    return open_window(qtbot, services)


@pytest.mark.parametrize(
    "name,ref,token,base_url,platform,expected,field",
    [
        ("shop fb", PAGE_ID, TOKEN, "", Channel.FACEBOOK,
         "The name must be one word without ':' (e.g. shop-fb).", "name_edit"),
        ("shop:fb", PAGE_ID, TOKEN, "", Channel.FACEBOOK,
         "The name must be one word without ':' (e.g. shop-fb).", "name_edit"),
        ("shop-fb", "", TOKEN, "", Channel.FACEBOOK,
         "Type the account id: the Facebook Page id.", "ref_edit"),
        ("shop-x", "", TOKEN, "", Channel.X,
         "Type the account id: your X user id (a number).", "ref_edit"),
        ("shop-ig", PAGE_ID, TOKEN, "", Channel.INSTAGRAM, INSTAGRAM, "ref_edit"),
        ("shop-fb", PAGE_ID, "", "", Channel.FACEBOOK,
         "Type the account's access token in the Token field.", "token_edit"),
        ("shop-fb", PAGE_ID, TOKEN, "not a url", Channel.FACEBOOK, BASE_URL, "base_url_edit"),
    ],
)  # fmt: skip
def test_a_refused_account_is_worded_for_the_dialog_not_the_cli(
    qtbot: QtBot,
    main: MainWindow,
    services: Services,
    name: str,
    ref: str,
    token: str,
    base_url: str,
    platform: Channel,
    expected: str,
    field: str,
) -> None:
    dialog = accounts_dialog(qtbot, main)
    fill(qtbot, dialog, name, ref, token, base_url, platform=platform)
    message = add_failing(qtbot, main, dialog)
    assert message == expected
    assert "--" not in message
    assert dialog.focusWidget() is getattr(dialog, field)  # where it is corrected
    assert services.social.accounts() == []


def test_a_taken_name_is_worded_for_the_dialog(
    qtbot: QtBot, main: MainWindow, services: Services, api: FakeSocialApi
) -> None:
    dialog = accounts_dialog(qtbot, main)
    fill(qtbot, dialog, "shop-fb", PAGE_ID, TOKEN, api.base_url)
    connect(qtbot, dialog)
    fill(qtbot, dialog, "shop-fb", "2000", TOKEN, api.base_url)
    message = add_failing(qtbot, main, dialog)
    assert message == "An account named shop-fb exists already: choose another name."
    assert dialog.focusWidget() is dialog.name_edit
    (only,) = services.social.accounts()
    assert only.account_ref == PAGE_ID


def test_the_refusal_is_a_sentence_of_the_dialogs_own_for_the_translators(
    qtbot: QtBot, main: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sentence comes from a translate() literal, not from the service's message."""
    seen: list[tuple[str, str]] = []

    class Recording:
        @staticmethod
        def translate(context: str, text: str) -> str:
            seen.append((context, text))
            return f"«{text}»"

    monkeypatch.setattr(social_wording, "QCoreApplication", Recording)
    dialog = accounts_dialog(qtbot, main)
    fill(qtbot, dialog, "shop-fb", "", TOKEN)
    assert add_failing(qtbot, main, dialog) == "«Type the account id: the Facebook Page id.»"
    assert seen == [("SocialAccountsDialog", "Type the account id: %1.")]


def test_a_token_that_is_gone_says_what_to_do_in_the_window(
    qtbot: QtBot, main: MainWindow, services: Services, api: FakeSocialApi
) -> None:
    """A session-only token is gone after a restart; the secret store's own line names the
    mail CLI's --password-env, which is neither the dialog's words nor the right flag."""
    dialog = accounts_dialog(qtbot, main)
    fill(qtbot, dialog, "shop-fb", PAGE_ID, TOKEN, api.base_url)
    connect(qtbot, dialog)
    services.secrets.delete(secret_key("shop-fb"))  # as after a restart
    with qtbot.waitSignal(dialog.polled, timeout=20_000) as signal:
        qtbot.mouseClick(dialog.poll_button, Qt.MouseButton.LeftButton)
    (summary,) = signal.args[0]
    assert not summary.ok and summary.error == TOKEN_MISSING
    wanted = "no token stored — type it in the Token field and press “Use token for selected”"
    assert dialog.table.item(0, 4).text() == wanted
    assert dialog.status.text() == f"shop-fb: {wanted}"
    assert "--" not in dialog.status.text()
    dialog.table.selectRow(0)
    qtbot.keyClicks(dialog.token_edit, TOKEN)
    qtbot.mouseClick(dialog.renew_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("New token for shop-fb."))
    with qtbot.waitSignal(dialog.polled, timeout=20_000) as signal:
        qtbot.mouseClick(dialog.poll_button, Qt.MouseButton.LeftButton)
    assert all(s.ok for s in signal.args[0])


def test_the_cli_says_a_token_is_gone_without_the_mail_flag(
    services: Services, api: FakeSocialApi, capsys: pytest.CaptureFixture[str]
) -> None:
    services.social.add("shop-fb", "facebook", PAGE_ID, token=TOKEN, base_url=api.base_url)
    services.secrets.delete(secret_key("shop-fb"))
    (summary,) = services.social.poll_all()
    assert summary.error == TOKEN_MISSING
    assert "--password-env" not in (services.social.accounts()[0].last_error or "")
    services.social.add(
        "shop-env", "facebook", PAGE_ID, token_env="SOLO_TEST_NO_SUCH_VAR", base_url=api.base_url
    )
    errors = {s.account: s.error for s in services.social.poll_all()}
    assert errors["shop-env"] == (
        "no token stored, and the environment variable SOLO_TEST_NO_SUCH_VAR is not set"
    )


@pytest.mark.parametrize(
    "argv,flag",
    [
        (["shop-ig", "--platform", "instagram", "--account-ref", PAGE_ID, "--token-env", "T"],
         "--account-ref"),
        (["shop-fb", "--platform", "facebook", "--account-ref", PAGE_ID], "--token-env"),
    ],
)  # fmt: skip
def test_the_cli_keeps_its_flag_names(
    services: Services, capsys: pytest.CaptureFixture[str], argv: list[str], flag: str
) -> None:
    data_dir = str(services.ctx.data_dir)
    code, out, err = run(capsys, "--data-dir", data_dir, "social", "add", *argv)
    assert code == 2 and out == ""
    assert flag in err and err.count("\n") == 1

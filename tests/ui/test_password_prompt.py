"""No keyring: the window asks for the mail password at start, once, in a proper dialog."""

from __future__ import annotations

import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from soloservice.services.registry import Services
from soloservice.ui.mail.password_prompt import PasswordPrompt
from tests.ui.test_mail_helpers import (  # noqa: F401  (fixtures)
    MailSetup,
    mail,
    mail_setup_fixture,
    no_keyring,
    open_mail_window,
)

pytestmark = pytest.mark.mailserver


def _prompt(qtbot: QtBot, feature: object) -> PasswordPrompt:
    sync = feature.sync  # type: ignore[attr-defined]
    sync.first_sync()
    qtbot.waitUntil(lambda: sync.prompt is not None and sync.prompt.isVisible())
    prompt = sync.prompt
    assert isinstance(prompt, PasswordPrompt)
    return prompt


def test_the_password_is_asked_for_at_start_and_the_sync_then_works(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> None:
    services.mail_accounts.add(mail_setup.account_input())  # no password anywhere
    mail_setup.deliver(mail(1))
    window, feature = open_mail_window(qtbot, services)
    prompt = _prompt(qtbot, feature)
    assert prompt.windowTitle() == "Mail password"
    intro = " ".join(label.text() for label in prompt.findChildren(QLabel))
    assert "“shop”" in intro and mail_setup.user.name in intro and mail_setup.dovecot.host in intro
    assert "no keyring" in intro
    assert not prompt.ok_button.isEnabled()
    qtbot.keyClicks(prompt.password_edit, mail_setup.user.password)
    with qtbot.waitSignal(feature.sync.synced, timeout=15_000) as synced:
        qtbot.mouseClick(prompt.ok_button, Qt.MouseButton.LeftButton)
    (summary,) = synced.args[0]
    assert summary.ok and summary.new_inquiries == 1
    assert not services.secrets.file_path.exists()  # kept for this run only
    # once per run: a later sync does not ask again
    feature.sync.first_sync()
    assert feature.sync.prompt is None
    assert "--password-env" not in window.statusBar().currentMessage()


def test_remember_writes_a_0600_file(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> None:
    services.mail_accounts.add(mail_setup.account_input())
    _window, feature = open_mail_window(qtbot, services)
    prompt = _prompt(qtbot, feature)
    qtbot.keyClicks(prompt.password_edit, mail_setup.user.password)
    prompt.remember.setChecked(True)
    assert "0600" in prompt.remember.text()
    with qtbot.waitSignal(feature.sync.synced, timeout=15_000) as synced:
        qtbot.keyClick(prompt.password_edit, Qt.Key.Key_Return)
    assert synced.args[0][0].ok
    path = services.secrets.file_path
    assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert mail_setup.user.password in path.read_text()


def test_skip_leaves_the_account_unsynced_with_a_clear_status(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> None:
    services.mail_accounts.add(mail_setup.account_input())
    mail_setup.deliver(mail(1))
    window, feature = open_mail_window(qtbot, services)
    prompt = _prompt(qtbot, feature)
    with qtbot.waitSignal(feature.sync.synced, timeout=15_000) as synced:
        qtbot.mouseClick(prompt.skip_button, Qt.MouseButton.LeftButton)
    assert synced.args[0][0].password_missing
    assert window.model.rowCount() == 0
    sync = feature.sync
    assert sync.warning_button.isVisible()
    tip = sync.warning_button.toolTip()
    assert "“shop” is not synced" in tip and "--password-env" not in tip
    assert "no password stored" not in tip


def test_the_cli_keeps_a_one_line_hint(services: Services, mail_setup: MailSetup) -> None:
    services.mail_accounts.add(mail_setup.account_input())
    (summary,) = services.mail_sync.sync("shop")
    (error,) = summary.errors
    assert "--password-env VAR" in error and "open the SoloService window" in error
    assert "\n" not in error

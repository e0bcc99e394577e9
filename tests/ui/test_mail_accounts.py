"""The mail accounts dialog against a real Dovecot and aiosmtpd: add, test, remove."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from soloservice.services.registry import Services
from soloservice.ui.mail.accounts_dialog import AccountsDialog
from tests.ui.test_mail_helpers import (  # noqa: F401  (fixtures)
    OWN,
    MailSetup,
    mail_setup_fixture,
    no_keyring,
    open_mail_window,
)

pytestmark = pytest.mark.mailserver


def fill(qtbot: QtBot, dialog: AccountsDialog, setup: MailSetup, password: str) -> None:
    qtbot.keyClicks(dialog.name, "shop")
    qtbot.keyClicks(dialog.email, OWN)
    qtbot.keyClicks(dialog.display_name, "Butikken")
    qtbot.keyClicks(dialog.username, setup.user.name)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClicks(dialog.imap_host, setup.dovecot.host)
    dialog.imap_port.selectAll()
    qtbot.keyClicks(dialog.imap_port, str(setup.dovecot.imap_port))
    dialog.imap_security.setCurrentIndex(dialog.imap_security.findData("none"))
    qtbot.keyClicks(dialog.smtp_host, setup.smtp.host)
    dialog.smtp_port.selectAll()
    qtbot.keyClicks(dialog.smtp_port, str(setup.smtp.port))
    dialog.smtp_security.setCurrentIndex(dialog.smtp_security.findData("none"))
    qtbot.keyClicks(dialog.signature, "Venlig hilsen")
    qtbot.keyClick(dialog.signature, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.signature, "Søs")


def test_add_an_account_through_the_dialog(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> None:
    window, feature = open_mail_window(qtbot, services)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    dialog = feature.accounts_dialog
    assert dialog is not None and dialog.isVisible()
    # no keyring on this machine: the dialog says so and keeps the password for the session
    assert "no system keyring" in dialog.keyring_label.text()
    assert dialog.session_only.isVisible() and dialog.session_only.isChecked()
    fill(qtbot, dialog, mail_setup, mail_setup.user.password)
    assert dialog.allow_plain.isVisible()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Unencrypted connections need the tick" in dialog.result_label.text()
    assert services.mail_accounts.list() == []

    qtbot.mouseClick(dialog.allow_plain, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.changed):  # stored on the database lane
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Saved shop" in dialog.result_label.text()
    assert "until you quit" in dialog.result_label.text()
    assert dialog.names() == ["shop"]
    (account,) = services.mail_accounts.list()
    assert (account.email, account.imap_port, account.smtp_security) == (
        OWN,
        mail_setup.dovecot.imap_port,
        "none",
    )
    assert account.signature == "Venlig hilsen\nSøs"
    assert services.mail_accounts.password(account) == mail_setup.user.password
    assert not services.secrets.file_path.exists()  # nothing written without the opt-in


def test_test_connection_says_login_failed_then_succeeds(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> None:
    _window, feature = open_mail_window(qtbot, services)
    dialog = feature.open_accounts()
    fill(qtbot, dialog, mail_setup, "wrong-password")
    qtbot.mouseClick(dialog.allow_plain, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.tested, timeout=15_000):
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        assert "Testing shop" in dialog.result_label.text()  # the GUI did not wait
    text = dialog.result_label.text()
    assert text.count("Login failed") == 2, text
    assert "IMAP:" in text and "SMTP:" in text and "#b91c1c" in text

    qtbot.keyClicks(dialog.password, mail_setup.user.password)
    qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "logged in to" in dialog.result_label.text(), timeout=15_000)
    qtbot.waitUntil(lambda: not dialog.testing)
    text = dialog.result_label.text()
    assert "✘" not in text and text.count("✔") == 2, text
    assert dialog.password.text() == ""  # saved, so the field is empty again


def test_unreachable_server_is_reported_as_refused(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> None:
    services.mail_accounts.add(mail_setup.account_input(smtp_port=1), password="x")
    _window, feature = open_mail_window(qtbot, services)
    dialog = feature.open_accounts()
    assert dialog.names() == ["shop"] and dialog.current == "shop"
    with qtbot.waitSignal(dialog.tested, timeout=15_000):
        dialog.test_connection()
    assert "Connection refused" in dialog.result_label.text()


def test_remove_asks_first(qtbot: QtBot, services: Services, mail_setup: MailSetup) -> None:
    mail_setup.add_account()
    _window, feature = open_mail_window(qtbot, services)
    dialog = feature.open_accounts()
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    qtbot.waitUntil(box.isVisible)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert [a.name for a in services.mail_accounts.list()] == ["shop"]

    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert services.mail_accounts.list() == []
    assert dialog.names() == []

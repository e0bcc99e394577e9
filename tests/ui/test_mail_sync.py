"""Background sync, quarantine and attachments in the main window, on a real Dovecot."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from soloservice.services.registry import Services
from soloservice.ui.mail.sync_controller import SyncController
from tests.ui.test_mail_helpers import (  # noqa: F401  (fixtures)
    MailSetup,
    mail,
    mail_setup_fixture,
    no_keyring,
    open_mail_window,
)

pytestmark = pytest.mark.mailserver

ATTACHMENT_MAIL = (
    "From: Jørgen <jorgen@example.dk>\r\nTo: hej@butik.dk\r\nSubject: Billede\r\n"
    "Message-ID: <att@example.dk>\r\nDate: Tue, 24 Nov 2026 08:10:00 +0000\r\n"
    'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="m"\r\n\r\n'
    "--m\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    '<p>Se billedet</p><img src="https://tracker.example/p.gif">\r\n'
    "--m\r\nContent-Type: image/png\r\n"
    'Content-Disposition: attachment; filename="skade.png"\r\n'
    "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--m--\r\n"
).encode()


def test_f5_fetches_new_mail_and_shows_it(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> None:
    mail_setup.add_account()
    window, feature = open_mail_window(qtbot, services)
    assert window.model.rowCount() == 0
    mail_setup.deliver(mail(1), mail(2, subject="Hvor er min pakke?"))
    with qtbot.waitSignal(feature.sync.synced, timeout=15_000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_F5)
        assert feature.sync.running and feature.sync.progress.isVisible()
    (summary,) = blocker.args[0]
    assert summary.new_inquiries == 2
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert "Mail: 2 new" in window.statusBar().currentMessage()
    assert not feature.sync.progress.isVisible() and not feature.sync.warning_button.isVisible()
    # a second F5 finds nothing new and says so
    with qtbot.waitSignal(feature.sync.synced, timeout=15_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert "No new mail" in window.statusBar().currentMessage()
    assert window.model.rowCount() == 2


def test_wrong_password_shows_a_warning_not_a_dialog(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> None:
    services.mail_accounts.add(mail_setup.account_input(), password="wrong")
    window, feature = open_mail_window(qtbot, services)
    sync: SyncController = feature.sync
    with qtbot.waitSignal(sync.synced, timeout=15_000):
        assert sync.start_sync()
    assert window.last_error == ""  # no modal error box
    assert sync.warning_button.isVisible()
    assert "password" in sync.warning_button.text()
    qtbot.mouseClick(sync.warning_button, Qt.MouseButton.LeftButton)
    assert sync.details is not None and sync.details.isVisible()
    assert "login" in sync.details.text.toPlainText().lower()
    qtbot.mouseClick(sync.details.accounts_button, Qt.MouseButton.LeftButton)
    assert feature.accounts_dialog is not None and feature.accounts_dialog.isVisible()


def test_sync_can_be_stopped(qtbot: QtBot, services: Services, mail_setup: MailSetup) -> None:
    mail_setup.add_account()
    mail_setup.deliver(*(mail(n) for n in range(1, 6)))
    window, feature = open_mail_window(qtbot, services)
    sync = feature.sync
    with qtbot.waitSignal(sync.synced, timeout=15_000) as blocker:
        sync.start_sync()
        qtbot.mouseClick(sync.cancel_button, Qt.MouseButton.LeftButton)
    (summary,) = blocker.args[0]
    assert summary.cancelled
    assert "the rest comes next time" in window.statusBar().currentMessage()
    with qtbot.waitSignal(sync.synced, timeout=15_000) as blocker:
        sync.start_sync()
    (again,) = blocker.args[0]
    assert summary.fetched + again.fetched == 5


def test_quarantine_lists_broken_mail_and_lets_a_customer_in(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> None:
    mail_setup.add_account()
    broken = b"X-Nothing: here\r\n\r\n\x01\xff not a mail at all\r\n"
    auto = mail(7, subject="Autosvar: Ødelagt", extra="Auto-Submitted: auto-replied\r\n")
    mail_setup.deliver(broken, auto)
    mail_setup.sync()
    window, feature = open_mail_window(qtbot, services)
    assert window.model.rowCount() == 0
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    dialog = feature.quarantine_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 2
    kinds = {dialog.table.item(r, 1).text(): r for r in range(2)}
    dialog.table.selectRow(kinds["Could not be read"])
    assert "does not look like an email" in dialog.table.item(kinds["Could not be read"], 4).text()
    assert "not a mail at all" in dialog.raw.toPlainText()
    assert dialog.raw.isReadOnly()
    with qtbot.waitSignal(dialog.reprocessed, timeout=10_000) as blocker:
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["quarantined"]
    assert "Still not readable" in dialog.result_label.text()
    assert dialog.table.rowCount() == 2

    dialog.table.selectRow(kinds["Auto-reply / bounce"])
    with qtbot.waitSignal(dialog.reprocessed, timeout=10_000) as blocker:
        qtbot.mouseClick(dialog.customer_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["new_inquiry"]
    assert dialog.table.rowCount() == 1
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)


def test_quarantine_saves_the_raw_mail(
    qtbot: QtBot,
    services: Services,
    mail_setup: MailSetup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mail_setup.add_account()
    broken = b"X-Nothing: here\r\n\r\n\x01\xff not a mail at all\r\n"
    mail_setup.deliver(broken)
    mail_setup.sync()
    _window, feature = open_mail_window(qtbot, services)
    dialog = feature.open_quarantine()
    target = tmp_path / "broken.eml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().replace(b"\r\n", b"\n") == broken.replace(b"\r\n", b"\n")


def test_attachment_is_saved_on_request_and_html_is_blocked(
    qtbot: QtBot,
    services: Services,
    mail_setup: MailSetup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mail_setup.add_account()
    mail_setup.deliver(ATTACHMENT_MAIL)
    mail_setup.sync()
    window, feature = open_mail_window(qtbot, services)
    panel = feature.attachments
    assert window.detail is not None and window.detail.subject == "Billede"
    assert panel.list.count() == 1
    assert "skade.png" in panel.list.item(0).text()
    index = window.panels.indexOf(panel)
    assert window.panels.tabText(index) == "Attachments (1)"

    target = tmp_path / "saved.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(panel.saved, timeout=10_000):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == b"\x89PNG\r\n\x1a\n"

    assert not panel.html_row.isHidden()
    dialog = panel.show_html()
    assert dialog is not None and dialog.isVisible()
    assert "Se billedet" in dialog.browser.toPlainText()
    assert "tracker.example" not in dialog.browser.toHtml()
    assert not dialog.remote_loaded


def test_closing_the_window_cancels_a_running_sync(qtbot: QtBot, services: Services) -> None:
    """Quitting must not wait for a slow mailbox: the sync is told to stop first."""
    window, feature = open_mail_window(qtbot, services)
    cancelled: list[bool] = []
    original = feature.sync.cancel

    def spy() -> None:
        cancelled.append(True)
        original()

    window.closing.disconnect(feature.sync.cancel)
    window.closing.connect(spy)
    window.close()
    assert cancelled == [True]

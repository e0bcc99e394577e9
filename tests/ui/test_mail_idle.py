"""IMAP IDLE in the main window, on a real Dovecot: new mail shows without F5 or polling."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from soloservice.services.registry import Services
from soloservice.ui.features.mail import MailFeature
from soloservice.ui.mail.idle_watcher import (
    IdleWatcher,
    State,
    idle_switched_off,
)
from soloservice.ui.main_window import MainWindow
from tests.helpers.mailservers import DovecotServer, MailUser, free_port
from tests.ui.conftest import open_window
from tests.ui.test_mail_helpers import (  # noqa: F401  (fixtures)
    MailSetup,
    mail,
    mail_setup_fixture,
    no_keyring,
    open_mail_window,
)

pytestmark = pytest.mark.mailserver

STOP_MS = 3_000


@pytest.fixture
def idle_window(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> Iterator[tuple[MainWindow, MailFeature]]:
    mail_setup.add_account()
    window, feature = open_mail_window(qtbot, services, idle=True)
    stop = feature.idle.stopper()  # plain Python: still works if a test deleted the window
    yield window, feature
    stop()


def all_ended(threads: list[threading.Thread]) -> bool:
    return not any(t.is_alive() for t in threads)


def test_new_mail_appears_without_f5(
    qtbot: QtBot, idle_window: tuple[MainWindow, MailFeature], mail_setup: MailSetup
) -> None:
    window, feature = idle_window
    assert feature.start_idle() == ["shop"]
    qtbot.waitUntil(lambda: feature.idle.state("shop") == State.IDLE, timeout=10_000)
    assert window.model.rowCount() == 0
    with qtbot.waitSignal(feature.idle.new_mail, timeout=15_000) as reported:
        mail_setup.deliver(mail(1, subject="Pakken kom aldrig"))
    assert reported.args == ["shop"]
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=15_000)
    assert not feature.sync.timer.isActive()  # it was IDLE, not the periodic sync
    # Still watching: a second mail comes in the same way.
    with qtbot.waitSignal(feature.sync.synced, timeout=15_000):
        mail_setup.deliver(mail(2, subject="Forkert farve"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=15_000)

    threads = feature.idle.threads()
    assert len(threads) == 1 and threads[0].is_alive()
    assert feature.idle.stop()
    qtbot.waitUntil(lambda: all_ended(threads), timeout=STOP_MS)
    assert feature.idle.state("shop") == State.STOPPED


def test_idle_starts_after_the_first_sync_and_follows_account_changes(
    qtbot: QtBot, idle_window: tuple[MainWindow, MailFeature]
) -> None:
    _window, feature = idle_window
    assert not feature.idle.started and feature.idle.threads() == []
    with qtbot.waitSignal(feature.sync.synced, timeout=15_000):
        assert feature.sync.start_sync()
    assert feature.idle.started
    first = feature.idle.threads()
    assert [t.is_alive() for t in first] == [True]
    qtbot.waitUntil(lambda: feature.idle.state("shop") == State.IDLE, timeout=10_000)

    # The accounts dialog reports a change: the old connection ends, a new one starts.
    feature.open_accounts().changed.emit()
    second = feature.idle.threads()
    assert len(second) == 1 and second[0] is not first[0]
    qtbot.waitUntil(lambda: all_ended(first), timeout=STOP_MS)
    qtbot.waitUntil(lambda: feature.idle.state("shop") == State.IDLE, timeout=10_000)

    # Quitting the application ends the threads too, without anyone calling stop().
    app = QCoreApplication.instance()
    assert app is not None
    app.aboutToQuit.emit()
    assert all_ended(second)  # joined within the quit handler


def test_mail_reported_during_a_sync_is_synced_after_it(
    qtbot: QtBot, idle_window: tuple[MainWindow, MailFeature], mail_setup: MailSetup
) -> None:
    window, feature = idle_window
    syncs: list[object] = []
    feature.sync.synced.connect(syncs.append)
    assert feature.sync.start_sync()
    mail_setup.deliver(mail(3))
    feature.idle.new_mail.emit("shop")  # as the watcher would while the sync runs
    assert feature.sync.requested == {"shop"}
    qtbot.waitUntil(lambda: len(syncs) == 2, timeout=15_000)
    assert feature.sync.requested == set()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=15_000)


def kick(dovecot: DovecotServer, user: MailUser) -> None:
    """Make the server drop every connection of the user, as a restarting server would."""
    doveadm = shutil.which("doveadm")
    if doveadm is None:
        pytest.skip("doveadm (part of dovecot-core) is needed to drop a connection")
    subprocess.run(
        [doveadm, "-c", str(dovecot.config), "kick", user.name],
        check=True,
        capture_output=True,
        timeout=10,
    )


def test_reconnects_after_a_drop_and_reports_mail_missed_meanwhile(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> None:
    mail_setup.add_account()
    watcher = IdleWatcher(services.mail_accounts, backoff=(1.0,))
    try:
        watcher.start()
        qtbot.waitUntil(lambda: watcher.state("shop") == State.IDLE, timeout=10_000)
        kick(mail_setup.dovecot, mail_setup.user)
        qtbot.waitUntil(lambda: watcher.state("shop") == State.RETRYING, timeout=10_000)
        assert "closed the connection" in watcher.last_error("shop")
        with qtbot.waitSignal(watcher.new_mail, timeout=15_000) as reported:
            mail_setup.deliver(mail(4))  # while no connection is open
        assert reported.args == ["shop"]
        qtbot.waitUntil(lambda: watcher.state("shop") == State.IDLE, timeout=10_000)
    finally:
        assert watcher.stop()


def test_unreachable_server_backs_off_and_stops_quickly(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> None:
    services.mail_accounts.add(
        mail_setup.account_input(imap_port=free_port()), password=mail_setup.user.password
    )
    watcher = IdleWatcher(services.mail_accounts, backoff=(30.0,))
    assert watcher.start() == ["shop"]
    qtbot.waitUntil(lambda: watcher.state("shop") == State.RETRYING, timeout=10_000)
    assert "refused" in watcher.last_error("shop")
    threads = watcher.threads()
    assert watcher.stop()  # it was waiting 30 s before the next try; stop cuts that short
    assert all_ended(threads)


def test_wrong_password_keeps_retrying_not_reporting(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> None:
    services.mail_accounts.add(mail_setup.account_input(), password="wrong")
    watcher = IdleWatcher(services.mail_accounts, backoff=(30.0,))
    watcher.start()
    qtbot.waitUntil(lambda: watcher.state("shop") == State.RETRYING, timeout=10_000)
    assert "password" in watcher.last_error("shop") or "login" in watcher.last_error("shop")
    with qtbot.assertNotEmitted(watcher.new_mail, wait=600):
        pass
    assert watcher.stop()


def test_env_switch_turns_idle_off(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert idle_switched_off({"SOLOSERVICE_NO_IDLE": "1"})
    assert not idle_switched_off({"SOLOSERVICE_NO_IDLE": "0"})
    assert not idle_switched_off({})
    monkeypatch.setenv("SOLOSERVICE_NO_IDLE", "1")
    window = open_window(qtbot, services)
    feature = window.features["mail"]
    assert isinstance(feature, MailFeature)
    assert not feature.idle_enabled
    assert feature.start_idle() == [] and not feature.idle.started

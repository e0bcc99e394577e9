"""The two lanes of ui/tasks.py: work that waits on a server never holds up an edit.

Before, one worker ran everything: a first sync or an SMTP server that did not answer made
Resolve, Undo and notes wait for it.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Status
from soloservice.services.dto import View
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace
from soloservice.ui.main_window import MainWindow
from soloservice.ui.tasks import Lane, TaskRunner
from tests.ui.test_mail_helpers import (  # noqa: F401  (fixtures)
    MailSetup,
    mail,
    mail_setup_fixture,
    no_keyring,
    open_mail_window,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def test_database_lane_runs_while_the_network_lane_is_blocked(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    release = threading.Event()
    started = threading.Event()
    done: list[str] = []

    def hang() -> str:
        started.set()
        release.wait(30)
        return "network"

    runner.run_network_task(hang, done.append)
    assert started.wait(5)
    for i in range(3):
        runner.run_task(lambda i=i: f"db {i}", done.append)
    qtbot.waitUntil(lambda: len(done) == 3, timeout=5000)
    assert done == ["db 0", "db 1", "db 2"]  # in order, and not behind the network task
    release.set()
    qtbot.waitUntil(lambda: len(done) == 4, timeout=5000)
    assert done[-1] == "network"
    assert runner.wait(5000)


def test_network_tasks_run_side_by_side(qtbot: QtBot, runner: TaskRunner) -> None:
    """A sync that waits must not hold up a send either (up to NETWORK_THREADS at once)."""
    both = threading.Barrier(2, timeout=10)
    results: list[int] = []
    runner.run_task(lambda: (both.wait(), 1)[1], results.append, lane=Lane.NETWORK)
    runner.run_network_task(lambda: (both.wait(), 2)[1], results.append)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=15_000)
    assert sorted(results) == [1, 2]


def test_progress_tasks_take_a_lane(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    finished: list[object] = []

    def long(report: object, cancel: threading.Event) -> str:
        release.wait(30)
        return "sent"

    handle = runner.run_network_progress_task(long, finished.append)
    runner.run_task(lambda: "saved", finished.append)
    qtbot.waitUntil(lambda: finished == ["saved"], timeout=5000)
    handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: finished == ["saved", "sent"], timeout=5000)


def test_wait_waits_for_both_lanes(runner: TaskRunner) -> None:
    release = threading.Event()
    runner.run_network_task(lambda: release.wait(30))
    runner.run_task(lambda: None)
    assert not runner.wait(200)  # the network task still runs
    release.set()
    assert runner.wait(5000)


@pytest.fixture
def silent_smtp() -> Iterator[tuple[int, list[socket.socket]]]:
    """A server that takes the connection and never says a word (no SMTP greeting)."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []

    def accept() -> None:
        try:
            conn, _addr = listener.accept()
        except OSError:
            return
        accepted.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1], accepted
    listener.close()
    for conn in accepted:
        conn.close()


def inbox_count(window: MainWindow) -> int:
    return window.sidebar_model.counts.views[View.INBOX]


@pytest.mark.mailserver
def test_resolve_and_undo_while_smtp_never_answers(
    qtbot: QtBot,
    services: Services,
    mail_setup: MailSetup,
    silent_smtp: tuple[int, list[socket.socket]],
) -> None:
    port, accepted = silent_smtp
    services.mail_accounts.add(
        mail_setup.account_input(smtp_host="127.0.0.1", smtp_port=port),
        password=mail_setup.user.password,
        place=SecretPlace.SESSION,
    )
    mail_setup.deliver(mail(1), mail(2, sender="Mette <mette@example.dk>", subject="Faktura"))
    mail_setup.sync()
    window, feature = open_mail_window(qtbot, services)
    composer = feature.composer
    qtbot.waitUntil(lambda: composer.detail is not None)
    composer.body.setPlainText("Vi sender en ny i dag.")
    composer.send()
    qtbot.waitUntil(lambda: bool(accepted), timeout=10_000)  # the send waits for a greeting
    assert composer.busy

    window.table.setFocus()
    target = window.table.selected_id()
    assert target is not None
    before = inbox_count(window)
    qtbot.keyClick(window.table, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: inbox_count(window) == before - 1, timeout=5000)
    assert services.inquiries.get(target).status is Status.RESOLVED
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: inbox_count(window) == before, timeout=5000)
    assert services.inquiries.get(target).status is not Status.RESOLVED
    assert composer.busy  # the send is still waiting on the server all along

    with qtbot.waitSignal(composer.send_finished, timeout=15_000):
        accepted[0].close()  # the server hangs up: the reply stays in the outbox
    assert len(services.outbox.pending()) == 1

"""No database write and no network connect on the GUI thread, through the real window.

A sync holds SQLite's write lock while it stores mail and a server may take its time: a
write or a connect on the GUI thread would freeze the window for as long. The guard
(tests/ui/gui_thread_guard.py) records every such statement and connect made on the main
thread while a founder's session is driven with the keyboard and mouse.
"""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from soloservice.domain.types import InquiryKind, Language, Status
from soloservice.services.dto import View
from soloservice.services.registry import Services
from soloservice.ui.features.forms import FormsFeature
from soloservice.ui.features.kind import KindFeature
from soloservice.ui.features.templates import TemplatesFeature
from soloservice.ui.main_window import MainWindow
from soloservice.ui.tasks import TaskRunner
from tests.ui.conftest import open_window
from tests.ui.gui_thread_guard import GuiThreadGuard, guard_gui_thread
from tests.ui.helpers import seed_inbox
from tests.ui.test_mail_helpers import (  # noqa: F401  (fixtures)
    MailSetup,
    mail,
    mail_setup_fixture,
    no_keyring,
    open_mail_window,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=15_000)


def report_reads(guard: GuiThreadGuard) -> None:
    """Reads may stay on the GUI thread for now (issue 14): say how many and where."""
    print(f"\n{len(guard.reads)} reads on the GUI thread:")
    for site, n in guard.read_sites().items():
        print(f"{n:5} x {site}")


def assert_clean(guard: GuiThreadGuard) -> None:
    problems = [*guard.writes, *guard.connects]
    assert not problems, "on the GUI thread:\n" + guard.summary()


def inbox_count(window: MainWindow) -> int:
    return window.sidebar_model.counts.views[View.INBOX]


def test_triage_session_writes_only_off_the_gui_thread(qtbot: QtBot, services: Services) -> None:
    seed_inbox(services, services.ctx.clock.now, 12)
    with guard_gui_thread(services.ctx.db.engine) as guard:
        window = open_window(qtbot, services)
        settle(qtbot, window)
        window.table.setFocus()
        # select a few inquiries
        for _ in range(3):
            qtbot.keyClick(window.table, Qt.Key.Key_Down)
        settle(qtbot, window)
        target = window.table.selected_id()
        assert target is not None
        # resolve and undo
        before = inbox_count(window)
        qtbot.keyClick(window.table, Qt.Key.Key_E, CTRL)
        qtbot.waitUntil(lambda: inbox_count(window) == before - 1)
        qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: inbox_count(window) == before)
        settle(qtbot, window)
        # a note
        window.conversation.note_edit.setFocus()
        qtbot.keyClicks(window.conversation.note_edit, "Ringet op")
        qtbot.keyClick(window.conversation.note_edit, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: window.conversation.note_edit.toPlainText() == "")
        settle(qtbot, window)
        # snooze
        window.table.setFocus()
        menu: QMenu = window.commands.snooze_menu
        qtbot.keyClick(window.table, Qt.Key.Key_B, CTRL)
        qtbot.waitUntil(menu.isVisible)
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.sidebar_model.counts.views[View.SNOOZED] == 1)
        settle(qtbot, window)
        # change the kind
        kind = window.features["kind"]
        assert isinstance(kind, KindFeature)
        kind.kind_actions[InquiryKind.PRAISE].trigger()
        qtbot.waitUntil(lambda: kind.kind_actions[InquiryKind.PRAISE].isChecked())
        settle(qtbot, window)
        # log a call
        window.log_call()
        dialog = window.call_dialog
        assert dialog is not None
        dialog.phone.setText("20 30 40 50")
        dialog.name.setText("Jens Petersen")
        dialog.notes.setPlainText("Vil høre om leveringstid")
        with qtbot.waitSignal(dialog.saved, timeout=5000):
            dialog.save()
        settle(qtbot, window)
        assert services.inquiries.get(target).status is not Status.RESOLVED
    report_reads(guard)
    assert_clean(guard)


@pytest.mark.mailserver
def test_mail_session_writes_and_connects_only_off_the_gui_thread(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> None:
    mail_setup.add_account()
    mail_setup.deliver(mail(1), mail(2, sender="Mette <mette@example.dk>", subject="Faktura"))
    with guard_gui_thread(services.ctx.db.engine) as guard:
        window, feature = open_mail_window(qtbot, services)
        # a sync against the real Dovecot
        with qtbot.waitSignal(feature.sync.synced, timeout=20_000):
            assert feature.sync.start_sync()
        qtbot.waitUntil(lambda: window.model.rowCount() == 2)
        settle(qtbot, window)
        # a reply through the real aiosmtpd
        composer = feature.composer
        qtbot.waitUntil(lambda: composer.detail is not None)
        composer.body.setPlainText("Hej, vi sender en ny i dag.")
        with qtbot.waitSignal(composer.send_finished, timeout=15_000) as sent:
            composer.send()
        assert sent.args[0].sent == 1
        settle(qtbot, window)
        # a reply queued while the server is down, then cancelled
        mail_setup.smtp.stop()
        composer.body.setPlainText("Vi ringer i morgen.")
        with qtbot.waitSignal(composer.send_finished, timeout=15_000):
            composer.send()
        qtbot.waitUntil(lambda: len(composer.banners) == 1)
        (banner,) = composer.banners
        qtbot.mouseClick(banner.cancel_button, Qt.MouseButton.LeftButton)
        box = composer.confirm_box
        assert box is not None
        qtbot.waitUntil(box.isVisible)
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: composer.banners == [])
        settle(qtbot, window)
        # the mail account dialog: open, change the signature, save
        dialog = feature.open_accounts()
        qtbot.waitUntil(lambda: dialog.current == "shop")
        dialog.signature.setPlainText("Venlig hilsen\nSøs")
        with qtbot.waitSignal(dialog.changed, timeout=5000):
            assert dialog.save()
        dialog.close()
        settle(qtbot, window)
        # a template: customise a built-in and save it
        manager = window.feature("templates", TemplatesFeature).open()
        qtbot.addWidget(manager)
        assert manager.select("ack", Language.DA)
        qtbot.mouseClick(manager.customise_button, Qt.MouseButton.LeftButton)
        manager.body.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(manager.body, " PS: Ring gerne.")
        with qtbot.waitSignal(manager.templates_changed, timeout=5000):
            assert manager.save()
        manager.close()
        settle(qtbot, window)
        # a web form rule
        rules = window.feature("forms", FormsFeature).open_rules()
        qtbot.addWidget(rules)
        rules.new_rule()
        rules.name_edit.setText("Kontaktformular")
        rules.subject_edit.setText("[Hygge Keramik]*")
        with qtbot.waitSignal(rules.rules_changed, timeout=5000):
            assert rules.save() is not None
        rules.close()
        settle(qtbot, window)
    report_reads(guard)
    assert_clean(guard)
    assert [v.name for v in services.forms.rules() if not v.builtin] == ["Kontaktformular"]
    assert not services.templates.find("ack", Language.DA).builtin
    assert services.outbox.pending() == []


def test_the_guard_sees_a_write_and_a_connect_on_the_gui_thread(
    qtbot: QtBot, services: Services
) -> None:
    """The guard itself: what the window must not do is recorded, the worker's work is not."""
    listener = socket.create_server(("127.0.0.1", 0))
    with guard_gui_thread(services.ctx.db.engine) as guard:
        with services.ctx.db.session() as session:
            session.execute(text("CREATE TABLE IF NOT EXISTS guard_probe (x INTEGER)"))
        with socket.create_connection(listener.getsockname(), timeout=5):
            pass

        def off_the_gui_thread() -> None:
            with services.ctx.db.session() as session:
                session.execute(text("DELETE FROM guard_probe"))

        runner = TaskRunner()
        with qtbot.waitSignal(runner.task_done, timeout=5000):
            runner.run_task(off_the_gui_thread)
        runner.wait()
    listener.close()
    assert [h.what for h in guard.writes] == [
        "BEGIN IMMEDIATE",
        "CREATE TABLE IF NOT EXISTS guard_probe (x INTEGER)",
    ]
    assert len(guard.connects) == 1 and "127.0.0.1" in guard.connects[0].what

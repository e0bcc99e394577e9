"""Monday morning in the real window: the mail synced by cron is there, the sidebar counts
what needs a reply, and answering from the composer under the conversation takes the case
off the list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.services.dto import View
from soloservice.ui.features.mail import MailFeature
from soloservice.ui.inbox.sidebar_model import SidebarEntry
from soloservice.ui.main_window import MainWindow
from tests.scenarios.conftest import Founder, local
from tests.scenarios.test_monday_triage import monday_mail

pytestmark = pytest.mark.mailserver


def test_the_founder_answers_a_complaint_from_the_window(founder: Founder, qtbot: QtBot) -> None:
    founder.receive(*monday_mail())
    assert founder.at(local(23, 9, 55)).subprocess("sync").returncode == 0  # cron, 09:55
    founder.at(local(23, 10))
    with founder.services() as services:
        window = MainWindow(services)
        qtbot.addWidget(window, before_close_func=lambda w: w.runner.wait())
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        counts = window.sidebar_model.counts.views
        assert (counts[View.NEEDS_REPLY], counts[View.OVERDUE], counts[View.AUTOMATIC]) == (
            4,
            0,
            2,
        )
        window.sidebar.select_entry(SidebarEntry(view=View.NEEDS_REPLY))
        assert window.model.rowCount() == 4
        subjects = {
            window.model.row_data(r).subject: window.model.id_at(r)  # type: ignore[union-attr]
            for r in range(window.model.rowCount())
        }
        assert "CNET News.com Daily Dispatch" not in subjects
        window.show_inquiry(subjects["Knust vase"])
        qtbot.waitUntil(lambda: window.detail is not None and window.detail.subject == "Knust vase")
        assert "knust" in window.conversation.meta.text()  # why it is a complaint

        composer = window.feature("mail", MailFeature).composer
        assert window.pane.current_composer() is composer
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        assert composer.body.hasFocus()
        qtbot.keyClicks(composer.body, "Kære Mette, vi sender en ny vase i dag. Mvh Lene")
        with qtbot.waitSignal(composer.send_finished, timeout=20_000):
            qtbot.keyClick(composer.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.sidebar_model.counts.views[View.NEEDS_REPLY] == 3)
        assert len(founder.sent()) == 1
        assert "Kære Mette" in founder.sent()[0].get_content()
        window.close()

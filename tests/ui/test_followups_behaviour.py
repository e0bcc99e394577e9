"""Satisfaction checks from the founder's side, beyond test_followups_ui.py: the Follow-up tab
under a case (record an answer asked in person, see the check's state as it moves from
scheduled to asked to unclear to answered, a case that vanished), and the Follow-ups window's
refusals (an answered or skipped check, C on a clear one) and its send summary when the mail
server refuses."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Channel, Status
from soloservice.services.dto import View
from soloservice.services.outbox_dto import OutboxResult
from soloservice.services.registry import Services
from soloservice.services.survey_dto import UNTICKED, SendSummary
from soloservice.ui.feedback.followups_window import send_message
from soloservice.ui.inbox.sidebar_model import SidebarEntry
from soloservice.ui.main_window import MainWindow
from tests.helpers.clock import FixedClock
from tests.helpers.factories import add_account
from tests.helpers.followups_ui import open_followups, selected_due_check, tab_for
from tests.helpers.surveys import asked_followup, complaint_case, due_check, hook, reply_mail
from tests.ui.conftest import open_window


@pytest.fixture
def main(qtbot: QtBot, services: Services) -> MainWindow:
    return open_window(qtbot, services)


# -- the Follow-up tab ------------------------------------------------------------------------


def test_an_open_case_says_the_check_comes_when_it_is_resolved(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    inquiry_id = complaint_case(services)
    panel = tab_for(qtbot, main, inquiry_id)
    assert panel.state.text() == (
        "No satisfaction check yet: one is scheduled when the case is resolved."
    )
    assert panel.ask.isChecked()
    assert not panel.yes.isEnabled() and not panel.no.isEnabled()
    assert not panel.score.isEnabled()
    assert panel.banner.isHidden() and panel.promoter.isHidden()


def test_a_resolved_phone_case_shows_when_and_how_to_ask(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    inquiry_id = complaint_case(services)
    services.inquiries.set_status(inquiry_id, Status.RESOLVED)
    panel = tab_for(qtbot, main, inquiry_id)
    text = panel.state.text()
    assert text.startswith("Check scheduled for ") and "(ask in person)" in text
    assert panel.yes.isEnabled() and panel.no.isEnabled()


def test_satisfied_with_a_nine_from_the_tab_is_stored_and_shown(
    qtbot: QtBot, main: MainWindow, services: Services, clock: FixedClock
) -> None:
    inquiry_id = complaint_case(services)
    check_id = due_check(services, clock, inquiry_id)
    main.choose_entry(SidebarEntry(view=View.RESOLVED))
    assert main.table.select_id(inquiry_id)
    panel = tab_for(qtbot, main, inquiry_id)
    panel.score.setCurrentIndex(panel.score.findData(9))
    with qtbot.waitSignal(panel.changed, timeout=10_000) as signal:
        qtbot.mouseClick(panel.yes, Qt.MouseButton.LeftButton)
    message, changed_id = signal.args
    assert changed_id == inquiry_id and message
    survey = services.surveys.get(check_id)
    assert (survey.status, survey.satisfied, survey.score) == ("answered", True, 9)
    assert panel.score.currentData() is None  # ready for the next one
    qtbot.waitUntil(lambda: panel.state.text().startswith("Answered "))
    assert services.inquiries.get(inquiry_id).status is Status.CLOSED  # the loop is closed
    assert not panel.yes.isEnabled()  # answered once is answered


def test_not_satisfied_from_the_tab_reopens_the_case_with_a_call_back_banner(
    qtbot: QtBot, main: MainWindow, services: Services, clock: FixedClock
) -> None:
    inquiry_id = complaint_case(services)
    due_check(services, clock, inquiry_id)
    panel = tab_for(qtbot, main, inquiry_id)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(panel.no, Qt.MouseButton.LeftButton)
    detail = services.inquiries.get(inquiry_id)
    assert detail.status is Status.OPEN and detail.closed_loop
    assert detail.due_at == clock.now + timedelta(hours=24)
    qtbot.waitUntil(lambda: not panel.banner.isHidden())
    assert panel.banner.text().startswith("Unhappy answer: call back by ")
    assert inquiry_id in main.model.ids  # back in the inbox


def test_a_mailed_check_reads_asked_then_unclear_then_answered(
    qtbot: QtBot, main: MainWindow, services: Services, clock: FixedClock
) -> None:
    add_account(services)
    inquiry_id, check = asked_followup(services, clock)
    check_id, parent = check.id, check.message_id
    panel = tab_for(qtbot, main, inquiry_id)
    assert panel.state.text().startswith("Asked ")
    assert panel.state.text().endswith("— waiting for the answer")

    assert parent is not None
    clock.advance(hours=2)
    assert hook(services, reply_mail(parent, "Tja, det kommer an på.", when=clock.now))
    assert services.surveys.get(check_id).status == "unclear"
    panel = tab_for(qtbot, main, inquiry_id)
    assert "classify it in Follow-ups (Ctrl+Shift+F)" in panel.state.text()
    assert panel.yes.isEnabled()

    # "Satisfied" on an unclear answer classifies it (the customer's own answer time counts)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(panel.yes, Qt.MouseButton.LeftButton)
    survey = services.surveys.get(check_id)
    assert survey.status == "answered" and survey.satisfied is True


def test_the_case_stays_on_screen_after_answering_from_its_tab(
    qtbot: QtBot, main: MainWindow, services: Services, clock: FixedClock
) -> None:
    """Opened from search or the Follow-ups window, a resolved case is not in the Inbox
    view; recording the customer's answer must not take it off the screen."""
    inquiry_id = complaint_case(services)
    due_check(services, clock, inquiry_id)
    panel = tab_for(qtbot, main, inquiry_id)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(panel.yes, Qt.MouseButton.LeftButton)
    main.runner.wait()
    qtbot.waitUntil(lambda: panel.state.text().startswith("Answered "), timeout=2_000)
    assert main.detail is not None and main.detail.id == inquiry_id


def test_a_forgotten_customers_case_can_still_be_ticked_off(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    inquiry_id = complaint_case(services)
    panel = tab_for(qtbot, main, inquiry_id)
    customer_id = services.inquiries.get(inquiry_id).customer.id
    services.gdpr.forget(customer_id)  # from the CLI, beside the open window
    panel.refresh()
    assert panel.detail is not None and panel.detail.customer.name == "Forgotten customer"
    with qtbot.waitSignal(panel.changed, timeout=10_000) as signal:
        qtbot.mouseClick(panel.ask, Qt.MouseButton.LeftButton)
    assert signal.args == [f"#{inquiry_id}: the customer will not be asked", inquiry_id]
    assert services.inquiries.get(inquiry_id).skip_followup
    assert panel.error.text() == ""


def test_the_tab_follows_a_status_change_made_elsewhere(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    inquiry_id = complaint_case(services)
    panel = tab_for(qtbot, main, inquiry_id)
    assert panel.state.text().startswith("No satisfaction check yet")
    services.inquiries.set_status(inquiry_id, Status.RESOLVED)
    panel.refresh()
    assert panel.state.text().startswith("Check scheduled for ")


# -- the Follow-ups window --------------------------------------------------------------------


def test_y_on_an_answered_check_says_it_is_already_answered(
    qtbot: QtBot, main: MainWindow, services: Services, clock: FixedClock
) -> None:
    inquiry_id = complaint_case(services)
    check_id = due_check(services, clock, inquiry_id)
    services.surveys.record_answer(check_id, True, 10)
    followups = open_followups(qtbot, main)
    followups.show_state(None)
    assert followups.select(check_id)
    qtbot.keyClick(followups.table, Qt.Key.Key_Y)
    assert followups.status_line.text() == "This check is already answered."
    assert not followups.answer_bar.isVisible()
    assert services.surveys.get(check_id).score == 10


def test_n_on_a_skipped_check_says_why_it_was_skipped(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    inquiry_id = complaint_case(services)
    services.surveys.set_skip(inquiry_id, True)
    services.inquiries.set_status(inquiry_id, Status.RESOLVED)
    (check,) = services.surveys.for_inquiry(inquiry_id)
    assert check.status == "skipped"
    followups = open_followups(qtbot, main)
    followups.show_state(None)
    assert followups.select(check.id)
    qtbot.keyClick(followups.table, Qt.Key.Key_N)
    assert followups.status_line.text() == f"This check was skipped: {UNTICKED}"
    assert not followups.answer_bar.isVisible()
    assert services.surveys.get(check.id).status == "skipped"


def test_c_on_a_clear_check_explains_that_only_unclear_answers_are_classified(
    qtbot: QtBot, main: MainWindow, services: Services, clock: FixedClock
) -> None:
    _inquiry_id, check_id, followups = selected_due_check(qtbot, main, services, clock)
    qtbot.keyClick(followups.table, Qt.Key.Key_C)
    assert followups.status_line.text() == (
        "Only unclear answers are classified; Y or N records one."
    )
    assert not followups.answer_bar.isVisible()
    assert services.surveys.get(check_id).status != "answered"


def test_the_filter_lists_each_state_with_its_count(
    qtbot: QtBot, main: MainWindow, services: Services, clock: FixedClock
) -> None:
    answered = complaint_case(services)
    due = complaint_case(services, name="Kari Berg", identity="+45 30 30 30 30")
    answered_check = due_check(services, clock, answered)
    services.inquiries.set_status(due, Status.RESOLVED)
    clock.advance(days=4)
    services.surveys.record_answer(answered_check, True, 8)
    followups = open_followups(qtbot, main)
    labels = [followups.filter.itemText(i) for i in range(followups.filter.count())]
    assert labels[0].endswith("(2)")  # all checks
    answered_index = next(i for i, text in enumerate(labels) if text.startswith("Answered"))
    assert labels[answered_index].endswith("(1)")
    followups.filter.setCurrentIndex(answered_index)
    assert followups.model.rowCount() == 1
    shown = followups.model.survey_at(0)
    assert shown is not None and shown.id == answered_check
    assert followups.selected() is not None and followups.selected().id == answered_check  # type: ignore[union-attr]


def test_enter_on_nothing_selected_opens_nothing(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    followups = open_followups(qtbot, main)
    assert followups.model.rowCount() == 0
    with qtbot.assertNotEmitted(followups.open_inquiry):
        followups.open_selected()
        qtbot.keyClick(followups.table, Qt.Key.Key_Y)
    assert not followups.answer_bar.isVisible()


def test_a_refusing_mail_server_leaves_the_checks_waiting_and_says_so(
    qtbot: QtBot, main: MainWindow, services: Services, clock: FixedClock
) -> None:
    add_account(services)  # its SMTP server refuses at once (port 1)
    mailed = complaint_case(services, Channel.EMAIL, "Mette Hansen", "mette@example.dk")
    phoned = complaint_case(services)
    services.inquiries.set_status(mailed, Status.RESOLVED)
    services.inquiries.set_status(phoned, Status.RESOLVED)
    clock.advance(days=3, hours=1)
    followups = open_followups(qtbot, main)
    with qtbot.waitSignal(followups.sent, timeout=30_000) as signal:
        qtbot.mouseClick(followups.send_button, Qt.MouseButton.LeftButton)
    (message,) = signal.args
    assert message.startswith("0 sent, 1 to ask in person; 1 waiting in the outbox")
    assert followups.status_line.text() == message
    assert followups.send_button.isEnabled()
    assert len(services.outbox.pending()) == 1  # still there, to retry


@pytest.mark.parametrize(
    "summary,sent,text",
    [
        (SendSummary(queued=2, in_person=1), OutboxResult(sent=2), "2 sent, 1 to ask in person"),
        (SendSummary(queued=0, in_person=3), None, "0 sent, 3 to ask in person"),
        (
            SendSummary(queued=3, skipped=1, errors=("no mail account",)),
            OutboxResult(sent=1, errors=("connection refused",)),
            "1 sent, 0 to ask in person; 2 waiting in the outbox (connection refused); "
            "1 skipped; no mail account",
        ),
    ],
)
def test_the_send_summary_names_what_did_not_go_as_planned(
    summary: SendSummary, sent: OutboxResult | None, text: str
) -> None:
    assert send_message(summary, sent) == text

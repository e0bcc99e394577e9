"""The Follow-ups window, the Follow-up tab and the answers in the customer card, driven by
keyboard over real services: two keystrokes reopen a case as a closed loop."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Channel, Status
from soloservice.services.dto import View
from soloservice.services.registry import Services
from soloservice.services.survey_dto import UNTICKED
from soloservice.ui.feedback.survey_model import Column, SurveyModel
from soloservice.ui.inbox.sidebar_model import SidebarEntry
from soloservice.ui.main_window import MainWindow
from tests.helpers.clock import FixedClock
from tests.helpers.factories import add_account
from tests.helpers.followups_ui import feature_of, open_followups, selected_due_check
from tests.helpers.mailservers import SmtpServer
from tests.helpers.surveys import asked_followup, complaint_case, due_check, hook, reply_mail


def test_y_3_enter_reopens_a_phone_case_as_closed_loop_and_the_list_shows_it(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FixedClock
) -> None:
    inquiry_id = complaint_case(services)
    check_id = due_check(services, clock, inquiry_id)
    window.reload()
    assert inquiry_id not in window.model.ids  # resolved: not in the inbox
    followups = open_followups(qtbot, window)
    followups.show_state("due")
    assert followups.select(check_id)
    row = followups.model.row_of(check_id)
    assert row is not None
    assert followups.model.index(row, Column.HOW).data() == "Ask in person"
    assert followups.model.index(row, Column.STATE).data() == "Due now"

    qtbot.keyClick(followups.table, Qt.Key.Key_Y)
    bar = followups.answer_bar
    assert bar.isVisible() and bar.yes.isChecked()
    qtbot.keyClicks(bar.score, "3")
    with qtbot.waitSignal(followups.answered, timeout=10_000):
        qtbot.keyClick(bar.score, Qt.Key.Key_Return)

    detail = services.inquiries.get(inquiry_id)
    assert detail.status is Status.OPEN and detail.closed_loop and detail.at_risk_public
    assert detail.due_at == clock.now + timedelta(hours=24)
    survey = services.surveys.get(check_id)
    assert (survey.status, survey.satisfied, survey.score) == ("answered", True, 3)
    assert followups.status_line.text() == (
        f"Reopened #{inquiry_id} as a closed-loop case — call back within 24 h"
        " — at risk of a public complaint"
    )
    assert not bar.isVisible()
    # the main list reloaded: the case is back in the inbox, flagged
    row_in_list = window.model.row_of(inquiry_id)
    assert row_in_list is not None
    item = window.model.row_data(row_in_list)
    assert item is not None and item.closed_loop and item.at_risk_public

    # the Follow-up tab says when to call back
    window.show_inquiry(inquiry_id)
    panel = feature_of(window).panel
    assert not panel.banner.isHidden()
    assert "Unhappy answer: call back by" in panel.banner.text()
    assert "At risk of a public complaint" in panel.banner.text()


def test_esc_cancels_the_answer_and_stores_nothing(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FixedClock
) -> None:
    inquiry_id, check_id, followups = selected_due_check(qtbot, window, services, clock)
    bar = followups.answer_bar
    qtbot.keyClick(followups.table, Qt.Key.Key_N)
    qtbot.keyClicks(bar.score, "2")
    qtbot.keyClicks(bar.comment, "Kom for sent")
    with qtbot.assertNotEmitted(followups.answered, wait=200):
        qtbot.keyClick(bar.comment, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert followups.table.hasFocus()
    survey = services.surveys.get(check_id)
    assert (survey.status, survey.satisfied, survey.score) == ("scheduled", None, None)
    assert not services.inquiries.get(inquiry_id).closed_loop
    # Esc from the score field and from the Save button cancel as well
    for target in (bar.score, bar.save):
        qtbot.keyClick(followups.table, Qt.Key.Key_Y)
        assert bar.isVisible()
        target.setFocus()
        qtbot.keyClick(target, Qt.Key.Key_Escape)
        assert not bar.isVisible()
    assert services.surveys.get(check_id).status == "scheduled"


def test_n_then_enter_saves_without_a_score(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FixedClock
) -> None:
    inquiry_id, check_id, followups = selected_due_check(qtbot, window, services, clock)
    qtbot.keyClick(followups.table, Qt.Key.Key_N)
    qtbot.keyClicks(followups.answer_bar.comment, "Kom for sent")
    with qtbot.waitSignal(followups.answered, timeout=10_000):
        qtbot.keyClick(followups.answer_bar.comment, Qt.Key.Key_Return)
    survey = services.surveys.get(check_id)
    assert (survey.satisfied, survey.score, survey.comment) == (False, None, "Kom for sent")
    assert services.inquiries.get(inquiry_id).closed_loop
    assert "Reopened #" in followups.status_line.text()


def test_a_bad_score_is_refused_inline_and_nothing_is_lost(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FixedClock
) -> None:
    _inquiry_id, check_id, followups = selected_due_check(qtbot, window, services, clock)
    qtbot.keyClick(followups.table, Qt.Key.Key_Y)
    qtbot.keyClicks(followups.answer_bar.score, "12")
    qtbot.keyClick(followups.answer_bar.score, Qt.Key.Key_Return)
    assert not followups.answer_bar.error.isHidden()
    assert followups.answer_bar.score.text() == "12"
    assert services.surveys.get(check_id).status == "scheduled"


def test_classify_an_unclear_mail_answer_with_c_then_n(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FixedClock
) -> None:
    add_account(services)
    inquiry_id, check = asked_followup(services, clock)
    check_id, parent = check.id, check.message_id
    clock.advance(hours=2)
    assert parent is not None
    raw = reply_mail(parent, "Tja, det kommer an på hvem man spørger.", when=clock.now)
    assert hook(services, raw)
    answered_at = services.surveys.get(check_id).answered_at
    assert services.surveys.get(check_id).status == "unclear" and answered_at is not None

    followups = open_followups(qtbot, window)
    followups.show_state("unclear")
    assert followups.model.rowCount() == 1 and followups.select(check_id)
    qtbot.keyClick(followups.table, Qt.Key.Key_C)
    bar = followups.answer_bar
    assert not bar.unclear_box.isHidden()
    assert "Tja, det kommer an på" in bar.customer_text.toPlainText()
    assert bar.reason.text().startswith("Why it was not read automatically:")
    assert bar.satisfied() is None
    qtbot.keyClick(bar.score, Qt.Key.Key_N)  # N in the score field: "not satisfied"
    assert bar.no.isChecked() and bar.score.text() == ""
    clock.advance(hours=1)
    with qtbot.waitSignal(followups.answered, timeout=10_000):
        qtbot.keyClick(bar.score, Qt.Key.Key_Return)
    survey = services.surveys.get(check_id)
    assert survey.status == "answered" and survey.satisfied is False
    detail = services.inquiries.get(inquiry_id)
    # the call-back runs from the customer's answer, not from the founder's click
    assert detail.closed_loop and detail.due_at == answered_at + timedelta(hours=24)
    assert inquiry_id in window.model.ids


def test_send_due_checks_by_mail_and_the_ones_to_ask_in_person(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    clock: FixedClock,
    smtp_server: SmtpServer,
) -> None:
    add_account(services, smtp=smtp_server)
    mailed = complaint_case(services, Channel.EMAIL, "Mette Hansen", "mette@example.dk")
    phoned = complaint_case(services)
    services.inquiries.set_status(mailed, Status.RESOLVED)
    services.inquiries.set_status(phoned, Status.RESOLVED)
    clock.advance(days=3, hours=1)
    followups = open_followups(qtbot, window)
    with qtbot.waitSignal(followups.sent, timeout=20_000):
        qtbot.mouseClick(followups.send_button, Qt.MouseButton.LeftButton)
    assert followups.status_line.text() == "1 sent, 1 to ask in person"
    (mail,) = smtp_server.received
    assert mail.rcpt_tos == ("mette@example.dk",)
    states = {s.inquiry_id: s.status for s in services.surveys.list()}
    assert states[mailed] == "asked" and states[phoned] == "scheduled"
    followups.show_state("asked")
    assert [followups.model.survey_at(r).inquiry_id for r in range(followups.model.rowCount())] == [  # type: ignore[union-attr]
        mailed
    ]


def test_enter_on_a_check_opens_its_case_in_the_main_window(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FixedClock
) -> None:
    inquiry_id, _check_id, followups = selected_due_check(qtbot, window, services, clock)
    with qtbot.waitSignal(window.inquiry_changed):
        qtbot.keyClick(followups.table, Qt.Key.Key_Return)
    assert window.detail is not None and window.detail.id == inquiry_id


def test_unticking_the_follow_up_is_stored_and_the_check_is_skipped(
    qtbot: QtBot, window: MainWindow, services: Services, seeded: list[int]
) -> None:
    panel = feature_of(window).panel
    window.panels.setCurrentWidget(panel)
    assert window.detail is not None
    inquiry_id = window.detail.id
    assert panel.ask.isChecked()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(panel.ask, Qt.MouseButton.LeftButton)
    assert services.inquiries.get(inquiry_id).skip_followup
    services.inquiries.set_status(inquiry_id, Status.RESOLVED)
    (check,) = services.surveys.for_inquiry(inquiry_id)
    assert check.status == "skipped" and check.skip_reason == UNTICKED
    window.choose_entry(SidebarEntry(view=View.RESOLVED))
    assert window.table.select_id(inquiry_id)
    assert not panel.ask.isChecked()
    assert panel.state.text() == f"Not asked: {UNTICKED}"
    # ticking it again re-checks the rules and schedules the check
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(panel.ask, Qt.MouseButton.LeftButton)
    assert services.surveys.for_inquiry(inquiry_id)[0].status == "scheduled"
    assert panel.state.text().startswith("Check scheduled for")


def test_a_promoter_gets_the_review_hint_and_the_card_lists_the_answers(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FixedClock
) -> None:
    inquiry_id = complaint_case(services)
    window.show_inquiry(inquiry_id)
    section = feature_of(window).section
    assert "No answers yet" in section.lines.text()
    check_id = due_check(services, clock, inquiry_id)
    window.open_inquiry(inquiry_id)
    panel = feature_of(window).panel
    window.panels.setCurrentWidget(panel)
    assert panel.yes.isEnabled()
    panel.score.setCurrentIndex(panel.score.findData(10))
    with qtbot.waitSignal(window.data_changed, timeout=10_000):
        qtbot.mouseClick(panel.yes, Qt.MouseButton.LeftButton)
    survey = services.surveys.get(check_id)
    assert (survey.satisfied, survey.score, survey.ask_for_review) == (True, 10, True)
    assert services.inquiries.get(inquiry_id).status is Status.CLOSED
    window.open_inquiry(inquiry_id)
    assert not panel.promoter.isHidden()
    assert panel.banner.isHidden()
    assert "Answered" in panel.state.text() and "10/10" in panel.state.text()
    assert "yes · 10/10" in section.lines.text()
    assert "Phone" in section.lines.text()


def test_survey_model_passes_the_model_tester(
    qtmodeltester: object, services: Services, clock: FixedClock
) -> None:
    first = complaint_case(services)
    due_check(services, clock, first)
    services.inquiries.set_status(
        complaint_case(services, name="Kari", identity="+47 912 34 567"), Status.RESOLVED
    )
    model = SurveyModel(services.ctx.tz, clock.now)
    model.set_surveys(services.surveys.list(), clock.now)
    assert model.rowCount() == 2
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.counts()["due"] == 1 and model.counts()["scheduled"] == 1
    assert model.index(0, Column.STATE).data() == "Due now"  # what needs doing comes first
    model.set_filter("scheduled")
    assert model.rowCount() == 1
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert QApplication.instance() is not None

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.domain.types import CallOutcome, Status
from soloservice.services.calls import CallLog
from soloservice.services.dto import InboxQuery, View
from soloservice.services.registry import Services
from soloservice.ui.call_dialog import CallDialog
from soloservice.ui.tasks import TaskRunner

CTRL = Qt.KeyboardModifier.ControlModifier


def make_dialog(
    qtbot: QtBot, services: Services, runner: TaskRunner, **kwargs: object
) -> CallDialog:
    dialog = CallDialog(services, runner, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_typing_part_of_a_number_finds_the_customer(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    known = services.calls.log_call(
        CallLog(phone="+45 20 30 40 50", name="Jens Petersen", note="first call")
    )
    services.calls.log_call(CallLog(phone="+45 88 77 66 55", name="Other Person", note="x"))
    dialog = make_dialog(qtbot, services, runner)
    qtbot.keyClicks(dialog.phone, "3040")
    qtbot.waitUntil(lambda: dialog.match_list.isVisible())
    assert dialog.match_list.count() == 1
    assert "Jens Petersen" in dialog.match_list.item(0).text()
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.match_list, Qt.Key.Key_Return)
    assert dialog.customer_id == known.customer.id
    assert dialog.name.text() == "Jens Petersen"
    assert dialog.notes.hasFocus()


def test_a_full_known_number_is_matched_without_picking(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    known = services.calls.log_call(
        CallLog(phone="20304050", name="Jens Petersen", note="first call")
    )
    dialog = make_dialog(qtbot, services, runner)
    qtbot.keyClicks(dialog.phone, "20 30 40 50")
    qtbot.waitUntil(lambda: dialog.customer_id == known.customer.id)
    assert "+45 20 30 40 50" in dialog.phone_hint.text()


def test_an_invalid_number_is_refused_inline_and_nothing_is_saved(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, services, runner)
    qtbot.keyClicks(dialog.phone, "12")
    assert "Not a valid" in dialog.phone_hint.text()
    dialog.notes.setFocus()
    qtbot.keyClicks(dialog.notes, "Noget vigtigt")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
    assert dialog.error.isVisible()
    assert "not valid" in dialog.error.text()
    assert dialog.isVisible()
    assert dialog.notes.toPlainText() == "Noget vigtigt"
    assert not runner.busy
    assert services.inbox.count(InboxQuery(view=View.INBOX)) == 0
    assert services.inbox.count(InboxQuery(view=View.RESOLVED)) == 0


def test_a_service_error_keeps_the_dialog_open(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    # A call-back for an inquiry that is gone by the time the call is saved.
    dialog = make_dialog(qtbot, services, runner, inquiry_id=999, phone="20304050", name="Jens")
    dialog.notes.setPlainText("x")
    with qtbot.waitSignal(runner.task_done, timeout=5000):
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert "999" in dialog.error.text()
    assert dialog.save_button.isEnabled()


def test_solved_on_the_call_with_typed_duration_and_complaint(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, services, runner)
    qtbot.keyClicks(dialog.phone, "+47 912 34 567")
    # Mnemonics "click" with a short animation: wait for each to land.
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(dialog, Qt.Key.Key_O, alt)
    qtbot.waitUntil(dialog.outgoing.isChecked)
    qtbot.keyClick(dialog, Qt.Key.Key_C, alt)
    qtbot.waitUntil(dialog.complaint.isChecked)
    qtbot.keyClick(dialog, Qt.Key.Key_S, alt)
    qtbot.waitUntil(dialog.solved.isChecked)
    dialog.minutes.setValue(7)
    dialog.notes.setPlainText("Ordnet på telefonen")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
    detail = blocker.args[0]
    assert detail.status is Status.RESOLVED
    assert detail.kind.value == "complaint"
    assert detail.messages[0].call_duration_s == 7 * 60


def test_call_timer_stops_and_starts_with_ctrl_t(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, services, runner)
    assert dialog.timer_running
    qtbot.keyClick(dialog, Qt.Key.Key_T, CTRL)
    assert not dialog.timer_running
    frozen = dialog.timer_seconds()
    assert dialog.duration() == timedelta(seconds=frozen)
    qtbot.keyClick(dialog, Qt.Key.Key_T, CTRL)
    assert dialog.timer_running


def test_call_back_for_an_open_phone_inquiry(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    owed = services.calls.log_call(
        CallLog(phone="20304050", name="Jens", note="ring tilbage", outcome=CallOutcome.CALLBACK)
    )
    dialog = make_dialog(
        qtbot,
        services,
        runner,
        inquiry_id=owed.id,
        phone="+45 20 30 40 50",
        name="Jens",
        customer_id=owed.customer.id,
    )
    assert dialog.chosen_inquiry() == owed.id and dialog.solved.isChecked()
    assert dialog.cases.isVisible()
    dialog.notes.setPlainText("Ringede tilbage, løst")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
    assert blocker.args[0].id == owed.id
    assert services.inquiries.get(owed.id).status is Status.RESOLVED


def test_choosing_new_inquiry_makes_it_a_fresh_call(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    owed = services.calls.log_call(
        CallLog(phone="20304050", name="Jens", note="ring tilbage", outcome=CallOutcome.CALLBACK)
    )
    dialog = make_dialog(
        qtbot,
        services,
        runner,
        inquiry_id=owed.id,
        phone="+45 20 30 40 50",
        name="Jens",
        customer_id=owed.customer.id,
    )
    new_index = dialog.cases.findData(None)
    dialog.cases.setCurrentIndex(new_index)
    dialog.cases.activated.emit(new_index)  # as the founder picking "New inquiry"
    assert dialog.phone.text() == "" and dialog.customer_id is None
    assert dialog.incoming.isChecked() and dialog.callback.isChecked()
    qtbot.keyClicks(dialog.phone, "88 77 66 55")
    dialog.notes.setPlainText("En anden kunde")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
    assert blocker.args[0].id != owed.id
    assert services.inquiries.get(owed.id).status is Status.OPEN

"""A call joins the caller's open case (issue 11 item 8), the phone hint warns instead of
refusing (item 7), and the card shows the language guess (item 6)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.domain.types import CallOutcome, Channel, Direction, IdentityKind, Status
from soloservice.services.calls import CallLog
from soloservice.services.customers import CustomerRef
from soloservice.services.dto import InboxQuery, View
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from soloservice.ui.customer_edit_dialog import CustomerEditDialog
from soloservice.ui.inbox.customer_card import CustomerCardView
from soloservice.ui.main_window import MainWindow
from soloservice.ui.tasks import TaskRunner
from tests.helpers.clock import FixedClock
from tests.ui.conftest import open_window
from tests.ui.test_call_dialog import make_dialog

CTRL = Qt.KeyboardModifier.ControlModifier


def mail_case(services: Services, subject: str = "Knust vase") -> int:
    detail = services.inquiries.create(
        NewInquiry(
            customer=CustomerRef(
                name="Mette Hansen",
                identity_kind=IdentityKind.EMAIL,
                identity_value="mette@example.dk",
            ),
            channel=Channel.EMAIL,
            subject=subject,
            text="Hej, vasen kom knust frem. Hvad gør vi nu?",
        )
    )
    services.customers.add_identity(detail.customer.id, IdentityKind.PHONE, "20 30 40 50")
    return detail.id


def test_a_call_back_is_offered_the_open_case_and_answers_it(
    qtbot: QtBot, services: Services, runner: TaskRunner, clock: FixedClock
) -> None:
    case = mail_case(services)
    clock.advance(hours=1)
    dialog = make_dialog(qtbot, services, runner)
    qtbot.keyClicks(dialog.phone, "20 30 40 50")
    qtbot.waitUntil(lambda: dialog.cases.isVisible())
    assert dialog.cases.itemText(0) == f"Add to #{case} “Knust vase”"
    assert dialog.cases.itemText(dialog.cases.count() - 1) == "New inquiry"
    assert dialog.chosen_inquiry() is None  # incoming: may be about something new
    qtbot.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.outgoing.isChecked)
    assert dialog.chosen_inquiry() == case  # a call-back: the most recent open case
    dialog.solved.setChecked(True)
    dialog.notes.setPlainText("Ringede tilbage: ny vase sendes i dag")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
    detail = blocker.args[0]
    assert detail.id == case and detail.status is Status.RESOLVED
    assert [(m.direction, m.channel) for m in detail.messages] == [
        (Direction.IN, Channel.EMAIL),
        (Direction.OUT, Channel.PHONE),
    ]
    assert detail.needs_reply_since is None and detail.promise_kept is True
    assert services.inbox.count(InboxQuery(view=View.INBOX)) == 0


def test_the_founder_can_still_start_a_new_inquiry(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    case = mail_case(services)
    dialog = make_dialog(qtbot, services, runner)
    qtbot.keyClicks(dialog.phone, "20304050")
    qtbot.waitUntil(lambda: dialog.cases.isVisible())
    dialog.outgoing.setChecked(True)
    new_index = dialog.cases.findData(None)
    dialog.cases.setCurrentIndex(new_index)
    dialog.cases.activated.emit(new_index)
    dialog.incoming.setChecked(True)
    dialog.outgoing.setChecked(True)  # a later change of direction keeps the pick
    assert dialog.chosen_inquiry() is None
    dialog.notes.setPlainText("Noget helt andet")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
    assert blocker.args[0].id != case


def test_a_possible_number_warns_and_saves(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, services, runner)
    qtbot.keyClicks(dialog.phone, "+45 20 00 00 00")
    assert "check it" in dialog.phone_hint.text()
    dialog.notes.setPlainText("Ny kunde")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
    assert blocker.args[0].customer.identities[0].value == "+4520000000"


def test_the_main_window_opens_the_call_dialog_on_a_closed_loop_case(
    qtbot: QtBot, services: Services, clock: FixedClock
) -> None:
    first = services.calls.log_call(
        CallLog(phone="20304050", name="Jens", note="Knust vase", duration=timedelta(minutes=3))
    )
    (check,) = services.surveys.for_inquiry(first.id)
    clock.advance(days=3)
    services.surveys.record_answer(check.id, satisfied=False, comment="Stadig knust")
    window: MainWindow = open_window(qtbot, services)
    qtbot.waitUntil(lambda: window.table.select_id(first.id))
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.id == first.id)
    assert window.detail is not None and window.detail.closed_loop
    qtbot.keyClick(window.table, Qt.Key.Key_L, CTRL)
    dialog = window.call_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.chosen_inquiry() == first.id and dialog.outgoing.isChecked()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.notes.setPlainText("Ringede tilbage inden for et døgn")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
    assert dialog.error.text() == ""
    assert blocker.args[0].id == first.id
    assert blocker.args[0].status is Status.RESOLVED
    assert services.inbox.count(InboxQuery(view=View.NEEDS_REPLY)) == 0


def test_card_shows_the_guess_and_an_edit_makes_it_the_founders(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    detail = services.calls.log_call(CallLog(phone="+47 412 34 567", name="Ola", note="x"))
    card = services.customers.card(detail.customer.id)
    view = CustomerCardView("Europe/Copenhagen")
    qtbot.addWidget(view)
    view.show_card(card)
    assert view.language.text() == "Language: Norwegian (guessed: +47 number)"

    dialog = CustomerEditDialog(services, runner, card)
    qtbot.addWidget(dialog)
    assert dialog.language_hint.isVisibleTo(dialog)
    dialog.notes.setPlainText("Ringer helst om formiddagen")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        dialog.save()
    assert blocker.args[0].language_source == "guess"  # a note is no language choice
    card = services.customers.card(detail.customer.id)
    dialog = CustomerEditDialog(services, runner, card)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.language.activated.emit(dialog.language.currentIndex())
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        dialog.save()
    saved = blocker.args[0]
    assert (saved.language.value, saved.language_source) == ("en", "founder")
    view.show_card(saved)
    assert view.language.text() == "Language: English"


def test_call_back_owed_is_the_dialogs_default_for_a_fresh_call(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    services.calls.log_call(
        CallLog(phone="20304050", name="Jens", note="a", outcome=CallOutcome.CALLBACK)
    )
    dialog = make_dialog(qtbot, services, runner)
    qtbot.keyClicks(dialog.phone, "20304050")
    qtbot.waitUntil(lambda: dialog.cases.isVisible())
    assert dialog.callback.isChecked() and dialog.chosen_inquiry() is None


def test_the_main_windows_card_shows_a_norwegian_guess(qtbot: QtBot, services: Services) -> None:
    detail = services.inquiries.create(
        NewInquiry(
            customer=CustomerRef(
                name="Ola Nordmann", identity_kind=IdentityKind.EMAIL, identity_value="ola@firma.no"
            ),
            channel=Channel.EMAIL,
            subject="Pakken min",
            text="Hei, jeg har ikke mottatt pakken min ennå. Kan dere sjekke?",
        )
    )
    window = open_window(qtbot, services)
    qtbot.waitUntil(lambda: window.table.select_id(detail.id))
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.id == detail.id)
    qtbot.waitUntil(lambda: "Norwegian" in window.card.language.text())
    assert window.card.language.text() == "Language: Norwegian (guessed: text, .no address)"

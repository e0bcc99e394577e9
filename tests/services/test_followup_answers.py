"""Follow-up answers: given by hand, or read from a mailed reply below quotes and signatures."""

from __future__ import annotations

from datetime import timedelta

import pytest

from soloservice.domain.types import Channel, Direction, Status
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.helpers.factories import add_account, phone_inquiry, resolve
from tests.helpers.surveys import asked_followup, hook, reply_mail

# -- answers by hand ----------------------------------------------------------------------------


def test_a_no_by_phone_reopens_the_case_with_a_24_hour_callback_and_at_risk(
    services: Services, clock: FixedClock
) -> None:
    call_id = phone_inquiry(services)
    check = resolve(services, call_id)
    clock.advance(days=3, hours=2)
    result = services.surveys.record_answer(
        check.id, satisfied=False, score=3, comment="Vasen kom i stykker igen"
    )
    assert result.closed_loop_inquiry_id == call_id
    assert result.outcome is not None and result.outcome.reopen
    assert result.survey.status == "answered" and result.survey.asked_at == clock.now
    assert (result.survey.satisfied, result.survey.score) == (False, 3)
    row = services.inquiries.get(call_id)
    assert row.status is Status.OPEN and row.closed_loop and row.at_risk_public
    assert row.due_at == clock.now + timedelta(hours=24)  # wall clock, over the weekend
    assert row.reopened_count == 1 and row.resolved_at is None
    detail = services.inquiries.get(call_id)
    assert detail.closed_loop and any(
        e.kind == "followup" and "24 hours" in (e.new_value or "") for e in detail.events
    )


def test_a_yes_closes_and_a_promoter_is_suggested_for_a_review(
    services: Services, clock: FixedClock
) -> None:
    call_id = phone_inquiry(services)
    check = resolve(services, call_id)
    result = services.surveys.record_answer(
        check.id, satisfied=True, score=10, channel=Channel.PHONE
    )
    assert result.survey.ask_for_review and result.closed_loop_inquiry_id is None
    row = services.inquiries.get(call_id)
    assert row.status is Status.CLOSED and not row.closed_loop and not row.at_risk_public
    # a 6 with a yes is still a detractor: the unhappy signal wins
    other = phone_inquiry(services, phone="+45 30 12 34 56", name="Bo")
    mixed = resolve(services, other)
    answer = services.surveys.record_answer(mixed.id, satisfied=True, score=6)
    assert answer.closed_loop_inquiry_id == other
    assert services.inquiries.get(other).at_risk_public is False


def test_manual_answers_are_checked(services: Services, clock: FixedClock) -> None:
    check = resolve(services, phone_inquiry(services))
    service = services.surveys
    with pytest.raises(InvalidInput, match="yes/no or a score"):
        service.record_answer(check.id, satisfied=None, score=None)
    with pytest.raises(InvalidInput, match="0-10"):
        service.record_answer(check.id, satisfied=None, score=11)
    with pytest.raises(NotFound):
        service.record_answer(999, satisfied=True)
    service.record_answer(check.id, satisfied=True)
    with pytest.raises(InvalidInput, match="already answered"):
        service.record_answer(check.id, satisfied=False)
    with pytest.raises(InvalidInput, match="only unclear"):
        service.classify_unclear(check.id, satisfied=False)


# -- answers by mail ----------------------------------------------------------------------------


DANISH_YES = (
    "Ja, tak – det var helt fint.\n\nMvh\nMette\n\n"
    "Den 27. nov. 2026 kl. 11.00 skrev Butikken <hej@butik.dk>:\n"
    "> Er du tilfreds med løsningen? Svar gerne bare ja eller nej.\n"
    "> Svar med et tal fra 0 til 10."
)
NORWEGIAN_NO = (
    "Nei, ikke helt. Pakken kom, men den var skadet igjen.\nJeg gir dere 3.\n\n"
    "Sendt fra min iPhone\n\n"
    "> Den 27. nov. 2026 kl. 11:00 skrev Butikken <hej@butik.dk>:\n"
    "> Er du fornøyd med løsningen? Svar med et tall fra 0 til 10."
)
ENGLISH_SCORE = (
    "9 - you sorted it out quickly, thank you.\n\nBest regards\nAnn\n\n"
    "On Fri, 27 Nov 2026 at 11:00, Butikken <hej@butik.dk> wrote:\n"
    "> Are you happy with the solution? Reply with a number from 0 to 10."
)
OUTLOOK_UNCLEAR = (
    "Tja, det kommer an på hvem man spørger.\n\n"
    "Fra: Butikken <hej@butik.dk>\nSendt: 27. november 2026 11:00\nTil: Mette\n"
    "Emne: Er du tilfreds?\n\nEr du tilfreds med løsningen? Svar ja eller nej."
)


@pytest.mark.parametrize(
    ("language", "body", "status", "satisfied", "score", "comment"),
    [
        ("da", DANISH_YES, "closed", True, None, "Ja, tak – det var helt fint."),
        ("nb", NORWEGIAN_NO, "open", False, 3, "Nei, ikke helt."),
        ("en", ENGLISH_SCORE, "closed", None, 9, "9 - you sorted it out quickly, thank you."),
    ],
)
def test_replies_in_three_languages_are_read_below_quotes_and_signatures(
    services: Services,
    clock: FixedClock,
    language: str,
    body: str,
    status: str,
    satisfied: bool | None,
    score: int | None,
    comment: str,
) -> None:
    add_account(services)
    inquiry_id, survey = asked_followup(services, clock, language=language)
    assert survey.message_id is not None
    clock.advance(hours=2)
    raw = reply_mail(
        survey.message_id, body, when=clock.now - timedelta(minutes=5),
        references=f"<c1@example.dk> {survey.message_id}",
    )  # fmt: skip
    assert hook(services, raw) is True
    after = services.surveys.get(survey.id)
    assert after.status == "answered"
    assert (after.satisfied, after.score) == (satisfied, score)
    assert after.comment.startswith(comment) and ">" not in after.comment
    assert after.answered_at == clock.now - timedelta(minutes=5)
    assert after.ask_for_review is (score == 9)
    row = services.inquiries.get(inquiry_id)
    assert row.status == status
    if status == "open":
        assert row.closed_loop and row.due_at == after.answered_at + timedelta(hours=24)
        assert row.at_risk_public is (score is not None and score <= 4)
    # the reply is on the case as the customer's message, not a new inquiry
    detail = services.inquiries.get(inquiry_id)
    inbound = [m.text for m in detail.messages if m.direction is Direction.IN]
    assert len(inbound) == 2 and inbound[0].startswith("Hej, jeg har ventet")
    assert inbound[1].startswith(comment)
    assert [i.id for i in detail.customer.inquiries] == [inquiry_id]


def test_a_score_of_0_to_4_by_mail_marks_the_case_at_risk(
    services: Services, clock: FixedClock
) -> None:
    add_account(services)
    inquiry_id, survey = asked_followup(services, clock, language="nb")
    assert survey.message_id is not None
    raw = reply_mail(survey.message_id, "2 av 10. Dårlig service.\n\nHilsen Kari", when=clock.now)
    assert hook(services, raw)
    row = services.inquiries.get(inquiry_id)
    assert row.closed_loop and row.at_risk_public and row.status == "open"


def test_an_unclear_reply_waits_for_the_founder_and_one_click_classifies_it(
    services: Services, clock: FixedClock
) -> None:
    add_account(services)
    inquiry_id, survey = asked_followup(services, clock)
    assert survey.message_id is not None
    clock.advance(hours=1)
    assert hook(services, reply_mail(survey.message_id, OUTLOOK_UNCLEAR, when=clock.now))
    service = services.surveys
    waiting = service.get(survey.id)
    assert waiting.status == "unclear" and waiting.satisfied is None and waiting.score is None
    assert waiting.comment == "Tja, det kommer an på hvem man spørger."
    assert waiting.skip_reason  # the reader's reason, shown to the founder
    assert services.inquiries.get(inquiry_id).status == "resolved"  # nothing guessed
    assert [s.id for s in service.list(status="unclear")] == [survey.id]
    clock.advance(hours=3)
    result = service.classify_unclear(survey.id, satisfied=False)
    assert result.closed_loop_inquiry_id == inquiry_id
    row = services.inquiries.get(inquiry_id)
    # the call-back runs from when the customer answered, not from the founder's click
    assert row.closed_loop and row.due_at == waiting.answered_at + timedelta(hours=24)  # type: ignore[operator]


def test_mails_that_are_not_survey_answers_go_on_to_normal_threading(
    services: Services, clock: FixedClock
) -> None:
    add_account(services)
    _inquiry_id, survey = asked_followup(services, clock)
    assert survey.message_id is not None
    assert not hook(services, reply_mail("<c1@example.dk>", "Ja", when=clock.now))
    auto = reply_mail(
        survey.message_id, "Jeg er på ferie til 1. december.", when=clock.now, n=91,
        extra="Auto-Submitted: auto-replied\r\n",
    )  # fmt: skip
    assert not hook(services, auto)
    assert services.surveys.get(survey.id).status == "asked"
    assert hook(services, reply_mail(survey.message_id, "Ja!", when=clock.now, n=92))
    # a second mail after the answer is an ordinary message for the case
    assert not hook(
        services, reply_mail(survey.message_id, "Og en ting mere", when=clock.now, n=93)
    )

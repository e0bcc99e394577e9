"""Follow-up checks: scheduling, the rest period, asking by mail, history and the wiring.

Reading the answers (by hand and by mail) is in test_followup_answers.py; the helpers shared
with the pulse, remedy and CLI tests are in tests/helpers/factories.py and surveys.py.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from soloservice.domain.types import Channel, IdentityKind, InquiryKind, Language, Status
from soloservice.services.customers import CustomerRef
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.inquiries import NewInquiry
from soloservice.services.outbox_dto import NoMailAccount
from soloservice.services.registry import Services
from soloservice.services.survey_dto import UNTICKED
from soloservice.services.survey_store import without_score_question
from tests.helpers.clock import FixedClock
from tests.helpers.factories import (
    OWN,
    add_account,
    email_inquiry,
    make_customer,
    make_inquiry,
    phone_inquiry,
    pulse_answer,
    resolve,
)
from tests.helpers.mail_env import MailEnv, mail, mail_env
from tests.helpers.surveys import (
    asked_followup,
    hook,
    queued_mail,
    reply_mail,
    smtp_message,
    survey_sync,
)

__all__ = ["mail_env"]  # the fixture, imported for pytest


# -- scheduling ---------------------------------------------------------------------------------


def test_resolving_schedules_a_check_three_days_later_at_a_business_hour(
    services: Services, clock: FixedClock
) -> None:
    inquiry_id = email_inquiry(services)
    # resolved Tuesday 24 Nov 17:30 Copenhagen (after hours): the check is Friday at 09:00
    clock.set(datetime(2026, 11, 24, 16, 30, tzinfo=UTC))
    survey = resolve(services, inquiry_id)
    assert survey.status == "scheduled" and survey.kind == "followup"
    assert survey.channel is Channel.EMAIL and survey.by_mail
    assert survey.scheduled_for == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # Monday 09:00
    service = services.surveys
    assert service.due() == []
    # resolving again moves the check instead of stacking a second one
    services.inquiries.set_status(inquiry_id, Status.OPEN)
    clock.set(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    again = resolve(services, inquiry_id)
    assert again.id == survey.id
    # Saturday 28th 10:00 local is closed: Monday 09:00 local
    assert again.scheduled_for == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert len(service.list()) == 1
    clock.set(datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
    assert [s.id for s in service.due()] == [survey.id]


def test_rest_period_counts_surveys_on_any_channel_and_of_any_kind(
    services: Services, clock: FixedClock
) -> None:
    service = services.surveys
    # A phone complaint: the founder asked in person and recorded the answer.
    phone_id = phone_inquiry(services, name="Mette Hansen")
    phone_check = resolve(services, phone_id)
    assert phone_check.status == "scheduled" and not phone_check.by_mail
    clock.advance(days=3)
    service.record_answer(phone_check.id, satisfied=True, score=8)
    # The same customer (same person: phone identity added to her email customer later)
    customer_id = services.inquiries.get(phone_id).customer.id
    services.customers.add_identity(customer_id, IdentityKind.EMAIL, "mette@example.dk")
    clock.advance(days=30)
    mail_id = email_inquiry(services)
    assert services.inquiries.get(mail_id).customer.id == customer_id
    skipped = resolve(services, mail_id)
    assert skipped.status == "skipped"
    assert "180-day rest period" in skipped.skip_reason
    assert "asked 2026-11-27" in skipped.skip_reason
    # a pulse question counts too: another customer asked by the pulse last week
    add_account(services)
    other_id = make_customer(services, "Kari", email="kari@example.no", language=Language.NB).id
    clock.advance(days=-7)
    pulse_answer(services, other_id)  # asked, not answered
    clock.advance(days=7)
    kari_case = services.inquiries.create(
        NewInquiry(customer=CustomerRef(customer_id=other_id), channel=Channel.FACEBOOK,
                   subject="Besked", text="Hei")
    )  # fmt: skip
    assert resolve(services, kari_case.id).status == "skipped"
    # after the rest period Mette may be asked again
    clock.set(datetime(2027, 5, 27, 9, 0, tzinfo=UTC))
    late_id = email_inquiry(services, message_id="<c7@example.dk>")
    assert resolve(services, late_id).status == "scheduled"


def test_opt_out_and_the_founders_untick_skip_with_a_reason(
    services: Services, clock: FixedClock
) -> None:
    service = services.surveys
    first = email_inquiry(services)
    assert service.set_skip(first, True) is None  # nothing scheduled yet; the tick is kept
    survey = resolve(services, first)
    assert (survey.status, survey.skip_reason) == ("skipped", UNTICKED)
    ticked = service.set_skip(first, False)
    assert ticked is not None and ticked.status == "scheduled" and ticked.id == survey.id
    assert service.set_skip(first, True).status == "skipped"  # type: ignore[union-attr]

    second = email_inquiry(services, name="Per", email="per@example.dk", message_id=None)
    services.customers.set_opted_out(services.inquiries.get(second).customer.id)
    opted = resolve(services, second)
    assert opted.status == "skipped" and "opted out" in opted.skip_reason
    assert {s.status for s in service.list(status="skipped")} == {"skipped"}
    assert len(service.list(status="skipped")) == 2
    with pytest.raises(InvalidInput, match="unknown status"):
        service.list(status="later")


def test_an_opt_out_after_scheduling_is_respected_when_sending(
    services: Services, clock: FixedClock
) -> None:
    add_account(services)
    inquiry_id = email_inquiry(services)
    resolve(services, inquiry_id)
    services.customers.set_opted_out(services.inquiries.get(inquiry_id).customer.id)
    clock.advance(days=4)
    summary = services.surveys.send_due()
    assert summary.queued == 0
    # the opt-out calls the scheduled check off at once, not only when sending
    (check,) = services.surveys.for_inquiry(inquiry_id)
    assert check.status == "skipped" and "opted out" in check.skip_reason
    assert queued_mail(services) == []


# -- asking by mail -----------------------------------------------------------------------------


def test_send_due_queues_the_check_threaded_into_the_conversation(
    services: Services, clock: FixedClock
) -> None:
    services.ctx.update_settings(
        dataclasses.replace(services.ctx.settings, founder_name="Søs", business_name="Butikken")
    )
    add_account(services)
    mail_id = email_inquiry(services)
    call_id = phone_inquiry(services)
    resolve(services, mail_id)
    resolve(services, call_id)
    service = services.surveys
    assert service.send_due().queued == 0  # nothing due yet
    clock.advance(days=3, hours=1)
    summary = service.send_due()
    assert (summary.queued, summary.in_person, summary.errors) == (1, 1, ())
    (row,) = queued_mail(services)
    assert row.purpose == "survey" and row.status == "pending" and row.inquiry_id == mail_id
    assert row.to_addr == "mette@example.dk"
    assert row.in_reply_to == "<c1@example.dk>" and row.references == ("<c1@example.dk>",)
    assert row.subject == f"Re: Pakken er ikke kommet [#{mail_id}]"
    assert "Er du tilfreds med løsningen?" in row.body and "0 til 10" in row.body
    assert "Butikken" in row.body and "Søs" in row.body
    assert row.message_id.endswith("@butik.dk>")
    mailed = service.for_inquiry(mail_id)[0]
    assert mailed.status == "asked" and mailed.asked_at == clock.now
    assert mailed.message_id == row.message_id and row.survey_id == mailed.id
    # the phone customer stays due for the founder to ask in person
    (still_due,) = service.due()
    assert still_due.inquiry_id == call_id and not still_due.by_mail
    assert service.send_due().queued == 0 and len(queued_mail(services)) == 1


def test_the_score_question_is_left_out_when_the_founder_turned_it_off(
    services: Services, clock: FixedClock
) -> None:
    services.ctx.update_settings(
        dataclasses.replace(services.ctx.settings, followup_include_score=False)
    )
    add_account(services)
    inquiry_id = email_inquiry(services, language="en")
    resolve(services, inquiry_id)
    clock.advance(days=4)
    services.surveys.send_due()
    (row,) = queued_mail(services)
    assert "Are you happy with the solution?" in row.body
    assert "0 to" not in row.body and "recommend" not in row.body
    assert without_score_question("a\n\nfrom 0 to 10\n\nb") == "a\n\nb"


def test_without_a_mail_account_nothing_is_marked_asked(
    services: Services, clock: FixedClock
) -> None:
    inquiry_id = email_inquiry(services)
    resolve(services, inquiry_id)
    clock.advance(days=4)
    service = services.surveys
    with pytest.raises(NoMailAccount, match="no mail account"):
        service.send_due()
    assert service.for_inquiry(inquiry_id)[0].status == "scheduled"
    add_account(services)
    with pytest.raises(NotFound, match="no mail account named 'other'"):
        service.send_due(account_name="other")


# -- history and numbers ------------------------------------------------------------------------


def test_customer_history_and_stats_per_channel(services: Services, clock: FixedClock) -> None:
    add_account(services)
    start = clock.now
    inquiry_id, survey = asked_followup(services, clock)
    assert survey.message_id is not None
    assert hook(services, reply_mail(survey.message_id, "Nej. 4", when=clock.now))
    call_check = resolve(services, phone_inquiry(services, name="Ole"))
    service = services.surveys
    service.record_answer(call_check.id, satisfied=True, score=10)
    unanswered = resolve(services, phone_inquiry(services, phone="+45 30 30 30 30", name="Bo"))
    clock.advance(days=3)
    (due,) = service.due()
    assert due.id == unanswered.id

    customer_id = services.inquiries.get(inquiry_id).customer.id
    (history,) = service.customer_history(customer_id)
    assert (history.satisfied, history.score, history.channel) == (False, 4, Channel.EMAIL)
    assert history.asked_at is not None and history.answered_at is not None

    report = service.stats(start, clock.now + timedelta(days=1))
    assert report.total.asked == 2 and report.total.responded == 2
    assert report.total.satisfaction_rate == 50.0
    assert report.total.nps == 0.0  # one promoter, one detractor
    assert report.per_channel[Channel.EMAIL].detractors == 1
    assert report.per_channel[Channel.PHONE].promoters == 1


# -- end to end on the real mail servers --------------------------------------------------------


@pytest.mark.mailserver
def test_round_trip_survey_out_by_smtp_answer_in_by_imap_closes_the_loop(
    mail_env: MailEnv,
) -> None:
    env = mail_env
    sync = survey_sync(env)
    env.deliver(mail(1))
    sync.sync("shop")
    (inquiry,) = env.inquiries()
    assert inquiry.id is not None
    resolve(env.services, inquiry.id)
    env.clock.advance(days=3, hours=1)
    service = env.services.surveys
    assert service.send_due().queued == 1
    result = env.outbox.send_pending()
    assert (result.sent, result.failed) == (1, 0)
    (survey,) = service.for_inquiry(inquiry.id)
    msg = smtp_message(env)
    assert msg["Message-ID"] == survey.message_id
    assert msg["In-Reply-To"] == "<c1@example.dk>"
    assert msg["Subject"] == f"Re: Ødelagt støvsuger [#{inquiry.id}]"
    body = msg.get_body(("plain",))
    assert body is not None and "Er du tilfreds med løsningen?" in body.get_content()

    env.clock.advance(hours=3)
    answered = env.clock.now - timedelta(minutes=20)
    assert survey.message_id is not None
    env.deliver(
        reply_mail(
            survey.message_id,
            "Nej, desværre. Den nye støvsuger larmer også.\n\n4\n\nVenlig hilsen\nJørgen\n\n"
            f"Den 6. mar. 2026 kl. 11.00 skrev Butikken <{OWN}>:\n> Er du tilfreds?",
            when=answered,
            sender="Jørgen Hansen <jorgen@example.dk>",
            subject=f"Re: Re: Ødelagt støvsuger [#{inquiry.id}]",
            references=f"<c1@example.dk> {survey.message_id}",
        )
    )
    (summary,) = sync.sync("shop")
    assert summary.as_json()["survey_answers"] == 1
    assert summary.as_json()["new_inquiries"] == 0
    after = service.get(survey.id)
    assert (after.status, after.satisfied, after.score) == ("answered", False, 4)
    (row,) = env.inquiries()
    assert row.status == "open" and row.closed_loop and row.at_risk_public
    assert row.due_at == answered + timedelta(hours=24)
    assert row.reopened_count == 1
    texts = [(m.direction, m.text.splitlines()[0]) for m in env.messages(inquiry.id)]
    assert texts[-1] == ("in", "Nej, desværre. Den nye støvsuger larmer også.")
    assert texts[-2][0] == "out"  # the question itself is in the conversation


def test_resolving_through_the_inquiry_service_schedules_the_check(
    services: Services, clock: FixedClock
) -> None:
    """The wiring: any resolve (GUI, CLI, a call solved on the phone) schedules a check."""
    inquiry = make_inquiry(services, email="wired@example.dk")
    change = services.inquiries.set_status(inquiry.id, "resolved")
    (survey,) = services.surveys.for_inquiry(inquiry.id)
    assert survey.status == "scheduled"
    assert survey.scheduled_for is not None and survey.scheduled_for > clock.now
    services.inquiries.undo_status(change)
    clock.set(survey.scheduled_for)
    assert services.surveys.send_due().queued == 0, "an undone resolve must not send a check"
    assert services.surveys.for_inquiry(inquiry.id)[0].skip_reason == "the case is open again"


def test_praise_is_not_followed_up(services: Services) -> None:
    praise = make_inquiry(
        services, email="glad@example.dk", kind=InquiryKind.PRAISE, subject="Tusind tak!"
    )
    services.inquiries.set_status(praise.id, "resolved")
    (survey,) = services.surveys.for_inquiry(praise.id)
    assert survey.status == "skipped"
    assert "praise" in survey.skip_reason

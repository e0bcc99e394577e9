"""Follow-up checks: scheduling, the rest period, asking by mail, reading answers, closed loop."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime

import pytest
from sqlmodel import col, select

from soloservice.channels.email.parse import ParsedMail, parse_message
from soloservice.domain.types import Channel, Direction, IdentityKind, InquiryKind, Status
from soloservice.services.customers import CustomerRef
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.followups import SurveyService
from soloservice.services.inquiries import NewInquiry
from soloservice.services.mail_ingest import MailIngest
from soloservice.services.mail_sync import MailSyncService
from soloservice.services.outbox_dto import NoMailAccount
from soloservice.services.registry import Services
from soloservice.services.survey_dto import UNTICKED, SurveyView
from soloservice.services.survey_store import without_score_question
from soloservice.storage.feedback_tables import SurveyRow
from soloservice.storage.mail_tables import MailAccountRow, OutboxRow
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow, MessageRow
from tests.helpers.clock import FixedClock
from tests.helpers.factories import make_inquiry
from tests.services.test_mail_sync import MailEnv, mail, mail_env

__all__ = ["mail_env"]  # the fixture, imported for pytest

OWN = "hej@butik.dk"


# -- helpers shared with the pulse, remedy and CLI tests ---------------------------------------


def add_account(services: Services, name: str = "shop", email: str = OWN) -> None:
    """A mail account row to queue from; sending itself is tested against real servers."""
    with services.ctx.db.session() as session:
        session.add(
            MailAccountRow(
                name=name,
                email=email,
                display_name="Butikken",
                imap_host="imap.invalid",
                imap_port=993,
                smtp_host="smtp.invalid",
                smtp_port=465,
                username=email,
                created_at=services.ctx.now(),
            )
        )


def email_inquiry(
    services: Services,
    *,
    name: str = "Mette Hansen",
    email: str = "mette@example.dk",
    message_id: str | None = "<c1@example.dk>",
    language: str | None = None,
    channel: Channel = Channel.EMAIL,
    kind: InquiryKind = InquiryKind.COMPLAINT,
    subject: str = "Pakken er ikke kommet",
) -> int:
    detail = services.inquiries.create(
        NewInquiry(
            customer=CustomerRef(name=name, identity_kind=IdentityKind.EMAIL, identity_value=email),
            channel=channel,
            subject=subject,
            text="Hej, jeg har ventet på min pakke i 10 dage.",
            kind=kind,
            external_id=message_id,
        )
    )
    if language is not None:
        set_customer(services, detail.customer.id, language=language)
    return detail.id


def phone_inquiry(services: Services, *, phone: str = "+45 20 12 34 56", name: str = "Ole") -> int:
    detail = services.inquiries.create(
        NewInquiry(
            customer=CustomerRef(name=name, identity_kind=IdentityKind.PHONE, identity_value=phone),
            channel=Channel.PHONE,
            subject="Opkald: vasen kom i stykker",
            text="Vasen kom i stykker.",
            kind=InquiryKind.COMPLAINT,
        )
    )
    return detail.id


def set_customer(services: Services, customer_id: int, **values: object) -> None:
    with services.ctx.db.session() as session:
        row = session.get(CustomerRow, customer_id)
        assert row is not None
        for key, value in values.items():
            setattr(row, key, value)


def resolve(services: Services, inquiry_id: int) -> SurveyView:
    services.inquiries.set_status(inquiry_id, Status.RESOLVED)
    return SurveyService(services.ctx).schedule_for_resolved(inquiry_id)


def outbox_rows(services: Services) -> list[OutboxRow]:
    with services.ctx.db.session() as session:
        return list(session.exec(select(OutboxRow).order_by(col(OutboxRow.id))))


def inquiry_row(services: Services, inquiry_id: int) -> InquiryRow:
    with services.ctx.db.session() as session:
        row = session.get(InquiryRow, inquiry_id)
        assert row is not None
        return row


def reply_mail(
    parent: str,
    body: str,
    *,
    n: int = 90,
    when: datetime,
    sender: str = "Mette Hansen <mette@example.dk>",
    subject: str = "Re: Er du tilfreds?",
    references: str | None = None,
    extra: str = "",
) -> bytes:
    head = (
        f"From: {sender}\r\nTo: Butikken <{OWN}>\r\nSubject: {subject}\r\n"
        f"Message-ID: <answer{n}@example.dk>\r\nDate: {format_datetime(when)}\r\n"
        f"In-Reply-To: {parent}\r\nReferences: {references or parent}\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n"
    )
    return (head + extra + "\r\n" + body.replace("\n", "\r\n") + "\r\n").encode()


def parsed(raw: bytes, now: datetime) -> ParsedMail:
    mail = parse_message(raw, received=now)
    assert isinstance(mail, ParsedMail)
    return mail


def hook(services: Services, raw: bytes) -> bool:
    service = SurveyService(services.ctx)
    with services.ctx.db.session() as session:
        return service.answer_hook(session, parsed(raw, services.ctx.now()))


def asked_followup(
    services: Services, clock: FixedClock, **kwargs: object
) -> tuple[int, SurveyView]:
    """An email complaint resolved, its check made by mail three days later."""
    inquiry_id = email_inquiry(services, **kwargs)  # type: ignore[arg-type]
    resolve(services, inquiry_id)
    clock.advance(days=3, hours=1)
    summary = SurveyService(services.ctx).send_due()
    assert summary.queued == 1, summary
    survey = SurveyService(services.ctx).for_inquiry(inquiry_id)[-1]
    assert survey.status == "asked" and survey.message_id
    return inquiry_id, survey


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
    service = SurveyService(services.ctx)
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
    service = SurveyService(services.ctx)
    # A phone complaint: the founder asked in person and recorded the answer.
    phone_id = phone_inquiry(services, name="Mette Hansen")
    phone_check = resolve(services, phone_id)
    assert phone_check.status == "scheduled" and not phone_check.by_mail
    clock.advance(days=3)
    service.record_answer(phone_check.id, satisfied=True, score=8)
    # The same customer (same person: phone identity added to her email customer later)
    customer_id = inquiry_row(services, phone_id).customer_id
    with services.ctx.db.session() as session:
        session.add(IdentityRow(customer_id=customer_id, kind="email", value="mette@example.dk"))
    clock.advance(days=30)
    mail_id = email_inquiry(services)
    assert inquiry_row(services, mail_id).customer_id == customer_id
    skipped = resolve(services, mail_id)
    assert skipped.status == "skipped"
    assert "180-day rest period" in skipped.skip_reason
    assert "asked 2026-11-27" in skipped.skip_reason
    # a pulse question counts too: another customer asked by the pulse last week
    with services.ctx.db.session() as session:
        other = CustomerRow(name="Kari", language="nb", created_at=clock.now)
        session.add(other)
        session.flush()
        assert other.id is not None
        session.add(
            SurveyRow(
                customer_id=other.id,
                kind="pulse",
                status="asked",
                asked_at=clock.now - timedelta(days=7),
                created_at=clock.now,
            )
        )
        other_id = other.id
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
    service = SurveyService(services.ctx)
    first = email_inquiry(services)
    assert service.set_skip(first, True) is None  # nothing scheduled yet; the tick is kept
    survey = resolve(services, first)
    assert (survey.status, survey.skip_reason) == ("skipped", UNTICKED)
    ticked = service.set_skip(first, False)
    assert ticked is not None and ticked.status == "scheduled" and ticked.id == survey.id
    assert service.set_skip(first, True).status == "skipped"  # type: ignore[union-attr]

    second = email_inquiry(services, name="Per", email="per@example.dk", message_id=None)
    set_customer(services, inquiry_row(services, second).customer_id, opted_out=True)
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
    set_customer(services, inquiry_row(services, inquiry_id).customer_id, opted_out=True)
    clock.advance(days=4)
    summary = SurveyService(services.ctx).send_due()
    assert (summary.queued, summary.skipped) == (0, 1)
    assert "opted out" in summary.skip_reasons[0]
    assert outbox_rows(services) == []


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
    service = SurveyService(services.ctx)
    assert service.send_due().queued == 0  # nothing due yet
    clock.advance(days=3, hours=1)
    summary = service.send_due()
    assert (summary.queued, summary.in_person, summary.errors) == (1, 1, ())
    (row,) = outbox_rows(services)
    assert row.purpose == "survey" and row.status == "pending" and row.inquiry_id == mail_id
    assert row.to_addr == "mette@example.dk"
    assert row.in_reply_to == "<c1@example.dk>" and row.references == "<c1@example.dk>"
    assert row.subject == f"Re: Pakken er ikke kommet [#{mail_id}]"
    assert "Er du tilfreds med løsningen?" in row.body and "0 til 10" in row.body
    assert "Butikken" in row.body and "Søs" in row.body
    assert row.message_id_header.endswith("@butik.dk>")
    mailed = service.for_inquiry(mail_id)[0]
    assert mailed.status == "asked" and mailed.asked_at == clock.now
    assert mailed.message_id == row.message_id_header and row.survey_id == mailed.id
    # the phone customer stays due for the founder to ask in person
    (still_due,) = service.due()
    assert still_due.inquiry_id == call_id and not still_due.by_mail
    assert service.send_due().queued == 0 and len(outbox_rows(services)) == 1


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
    SurveyService(services.ctx).send_due()
    (row,) = outbox_rows(services)
    assert "Are you happy with the solution?" in row.body
    assert "0 to" not in row.body and "recommend" not in row.body
    assert without_score_question("a\n\nfrom 0 to 10\n\nb") == "a\n\nb"


def test_without_a_mail_account_nothing_is_marked_asked(
    services: Services, clock: FixedClock
) -> None:
    inquiry_id = email_inquiry(services)
    resolve(services, inquiry_id)
    clock.advance(days=4)
    service = SurveyService(services.ctx)
    with pytest.raises(NoMailAccount, match="no mail account"):
        service.send_due()
    assert service.for_inquiry(inquiry_id)[0].status == "scheduled"
    add_account(services)
    with pytest.raises(NotFound, match="no mail account named 'other'"):
        service.send_due(account_name="other")


# -- answers by hand ----------------------------------------------------------------------------


def test_a_no_by_phone_reopens_the_case_with_a_24_hour_callback_and_at_risk(
    services: Services, clock: FixedClock
) -> None:
    call_id = phone_inquiry(services)
    check = resolve(services, call_id)
    clock.advance(days=3, hours=2)
    result = SurveyService(services.ctx).record_answer(
        check.id, satisfied=False, score=3, comment="Vasen kom i stykker igen"
    )
    assert result.closed_loop_inquiry_id == call_id
    assert result.outcome is not None and result.outcome.reopen
    assert result.survey.status == "answered" and result.survey.asked_at == clock.now
    assert (result.survey.satisfied, result.survey.score) == (False, 3)
    row = inquiry_row(services, call_id)
    assert row.status == Status.OPEN.value and row.closed_loop and row.at_risk_public
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
    result = SurveyService(services.ctx).record_answer(
        check.id, satisfied=True, score=10, channel=Channel.PHONE
    )
    assert result.survey.ask_for_review and result.closed_loop_inquiry_id is None
    row = inquiry_row(services, call_id)
    assert row.status == Status.CLOSED.value and not row.closed_loop and not row.at_risk_public
    # a 6 with a yes is still a detractor: the unhappy signal wins
    other = phone_inquiry(services, phone="+45 30 12 34 56", name="Bo")
    mixed = resolve(services, other)
    answer = SurveyService(services.ctx).record_answer(mixed.id, satisfied=True, score=6)
    assert answer.closed_loop_inquiry_id == other
    assert inquiry_row(services, other).at_risk_public is False


def test_manual_answers_are_checked(services: Services, clock: FixedClock) -> None:
    check = resolve(services, phone_inquiry(services))
    service = SurveyService(services.ctx)
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
    after = SurveyService(services.ctx).get(survey.id)
    assert after.status == "answered"
    assert (after.satisfied, after.score) == (satisfied, score)
    assert after.comment.startswith(comment) and ">" not in after.comment
    assert after.answered_at == clock.now - timedelta(minutes=5)
    assert after.ask_for_review is (score == 9)
    row = inquiry_row(services, inquiry_id)
    assert row.status == status
    if status == "open":
        assert row.closed_loop and row.due_at == after.answered_at + timedelta(hours=24)
        assert row.at_risk_public is (score is not None and score <= 4)
    # the reply is on the case as the customer's message, not a new inquiry
    with services.ctx.db.session() as session:
        inbound = session.exec(
            select(MessageRow).where(
                MessageRow.inquiry_id == inquiry_id, MessageRow.direction == Direction.IN.value
            )
        ).all()
        assert [m.external_id for m in inbound] == ["<c1@example.dk>", "<answer90@example.dk>"]
        assert len(session.exec(select(InquiryRow)).all()) == 1


def test_a_score_of_0_to_4_by_mail_marks_the_case_at_risk(
    services: Services, clock: FixedClock
) -> None:
    add_account(services)
    inquiry_id, survey = asked_followup(services, clock, language="nb")
    assert survey.message_id is not None
    raw = reply_mail(survey.message_id, "2 av 10. Dårlig service.\n\nHilsen Kari", when=clock.now)
    assert hook(services, raw)
    row = inquiry_row(services, inquiry_id)
    assert row.closed_loop and row.at_risk_public and row.status == "open"


def test_an_unclear_reply_waits_for_the_founder_and_one_click_classifies_it(
    services: Services, clock: FixedClock
) -> None:
    add_account(services)
    inquiry_id, survey = asked_followup(services, clock)
    assert survey.message_id is not None
    clock.advance(hours=1)
    assert hook(services, reply_mail(survey.message_id, OUTLOOK_UNCLEAR, when=clock.now))
    service = SurveyService(services.ctx)
    waiting = service.get(survey.id)
    assert waiting.status == "unclear" and waiting.satisfied is None and waiting.score is None
    assert waiting.comment == "Tja, det kommer an på hvem man spørger."
    assert waiting.skip_reason  # the reader's reason, shown to the founder
    assert inquiry_row(services, inquiry_id).status == "resolved"  # nothing guessed
    assert [s.id for s in service.list(status="unclear")] == [survey.id]
    clock.advance(hours=3)
    result = service.classify_unclear(survey.id, satisfied=False)
    assert result.closed_loop_inquiry_id == inquiry_id
    row = inquiry_row(services, inquiry_id)
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
    assert SurveyService(services.ctx).get(survey.id).status == "asked"
    assert hook(services, reply_mail(survey.message_id, "Ja!", when=clock.now, n=92))
    # a second mail after the answer is an ordinary message for the case
    assert not hook(
        services, reply_mail(survey.message_id, "Og en ting mere", when=clock.now, n=93)
    )


# -- history and numbers ------------------------------------------------------------------------


def test_customer_history_and_stats_per_channel(services: Services, clock: FixedClock) -> None:
    add_account(services)
    start = clock.now
    inquiry_id, survey = asked_followup(services, clock)
    assert survey.message_id is not None
    assert hook(services, reply_mail(survey.message_id, "Nej. 4", when=clock.now))
    call_check = resolve(services, phone_inquiry(services, name="Ole"))
    service = SurveyService(services.ctx)
    service.record_answer(call_check.id, satisfied=True, score=10)
    unanswered = resolve(services, phone_inquiry(services, phone="+45 30 30 30 30", name="Bo"))
    clock.advance(days=3)
    (due,) = service.due()
    assert due.id == unanswered.id

    customer_id = inquiry_row(services, inquiry_id).customer_id
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


def survey_sync(env: MailEnv) -> MailSyncService:
    """The sync as the registry must wire it: the survey hook in every ingest."""
    ctx = env.services.ctx
    return MailSyncService(
        ctx,
        env.accounts,
        lambda: MailIngest(
            ctx, env.accounts.own_addresses(), survey_hook=SurveyService(ctx).answer_hook
        ),
    )


def smtp_message(env: MailEnv, index: int = -1) -> EmailMessage:
    msg = message_from_bytes(env.smtp.received[index].raw, policy=default)
    assert isinstance(msg, EmailMessage)
    return msg


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
    service = SurveyService(env.services.ctx)
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

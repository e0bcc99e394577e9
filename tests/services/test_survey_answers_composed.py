"""Mailed survey answers are read by the composed app: ``Services`` syncing a real Dovecot.

Follow-up checks and the NPS pulse go out through the outbox to a real SMTP server; the
customer's reply comes back through ``services.mail_sync`` (the registry's own ingest, no
hook passed by hand). An answer counts only from an address of the surveyed customer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlmodel import select

from soloservice.domain.types import InquiryKind, Status
from soloservice.services.dto import InboxQuery, InquiryDetail, View
from soloservice.services.registry import Services
from soloservice.storage.mail_tables import MailItemRow
from tests.helpers.clock import FixedClock
from tests.helpers.factories import add_account, every_inquiry
from tests.helpers.mail_env import OWN, START, mail
from tests.helpers.mailservers import DovecotServer, MailUser, SmtpServer, TestCerts
from tests.helpers.surveys import reply_mail

pytestmark = pytest.mark.mailserver


@dataclass
class App:
    services: Services
    dovecot: DovecotServer
    user: MailUser
    clock: FixedClock

    def deliver(self, *raws: bytes) -> None:
        self.dovecot.deliver(self.user, *raws)

    def sync(self) -> dict[str, object]:
        (summary,) = self.services.mail_sync.sync("shop")
        assert summary.ok, summary.errors
        return summary.as_json()

    def inquiries(self) -> list[InquiryDetail]:
        return every_inquiry(self.services)


@pytest.fixture
def app(
    services: Services,
    dovecot: DovecotServer,
    mailbox: MailUser,
    test_certs: TestCerts,
    clock: FixedClock,
) -> Iterator[App]:
    clock.set(START)
    smtp = SmtpServer(test_certs, username=mailbox.name, password=mailbox.password)
    smtp.start()
    add_account(
        services, email=OWN, password=mailbox.password, username=mailbox.name,
        imap_host=dovecot.host, imap_port=dovecot.imap_port, imap_security="none",
        smtp_host=smtp.host, smtp_port=smtp.port, smtp_security="none",
    )  # fmt: skip
    yield App(services, dovecot, mailbox, clock)
    smtp.stop()


def asked_followup(app: App) -> tuple[int, str]:
    """Jørgen's mail synced, the case resolved, the check mailed three days later."""
    app.deliver(mail(1))
    app.sync()
    (inquiry,) = app.inquiries()
    assert inquiry.id is not None
    app.services.inquiries.set_status(inquiry.id, Status.RESOLVED)
    app.clock.advance(days=3, hours=1)
    assert app.services.surveys.send_due().queued == 1
    assert app.services.outbox.send_pending().sent == 1
    (survey,) = app.services.surveys.for_inquiry(inquiry.id)
    assert survey.status == "asked" and survey.message_id
    return inquiry.id, survey.message_id


def test_a_mailed_no_answers_the_check_and_starts_the_closed_loop(app: App) -> None:
    inquiry_id, message_id = asked_followup(app)
    app.clock.advance(hours=2)
    answered = app.clock.now - timedelta(minutes=10)
    app.deliver(
        reply_mail(
            message_id,
            "Nej, det var ikke godt. Den larmer stadig.",
            when=answered,
            sender="Jørgen Hansen <jorgen@example.dk>",
            subject=f"Re: Ødelagt støvsuger [#{inquiry_id}]",
        )
    )
    summary = app.sync()
    assert (summary["survey_answers"], summary["new_inquiries"]) == (1, 0)
    (survey,) = app.services.surveys.for_inquiry(inquiry_id)
    assert (survey.status, survey.satisfied) == ("answered", False)
    (row,) = app.inquiries()
    assert row.status == "open" and row.closed_loop and row.reopened_count == 1
    assert row.due_at == answered + timedelta(hours=24)  # the call-back, not a new promise
    # the mail ledger is storage only (no service lists its rows): read it there
    with app.services.ctx.db.session() as session:
        item = session.exec(select(MailItemRow).where(MailItemRow.outcome == "survey_answer")).one()
        assert item.message_row_id is not None  # the ledger points at the stored answer


def test_the_same_words_from_a_stranger_are_a_normal_message(app: App) -> None:
    inquiry_id, message_id = asked_followup(app)
    app.clock.advance(hours=2)
    app.deliver(
        reply_mail(
            message_id,
            "Nej, det var ikke godt.",
            when=app.clock.now - timedelta(minutes=10),
            sender="Anne Andersen <anne@example.dk>",  # a colleague the mail was forwarded to
            subject=f"Re: Ødelagt støvsuger [#{inquiry_id}]",
        )
    )
    summary = app.sync()
    assert summary["survey_answers"] == 0 and summary["added_to_existing"] == 1
    (survey,) = app.services.surveys.for_inquiry(inquiry_id)
    assert survey.status == "asked"
    (row,) = app.inquiries()
    assert not row.closed_loop


def test_a_happy_answer_closes_the_case_without_reopening(app: App) -> None:
    _inquiry_id, message_id = asked_followup(app)
    app.deliver(
        reply_mail(
            message_id,
            "Ja tak, helt fint nu.",
            when=app.clock.now,
            sender="jorgen@example.dk",
            subject="Re: Ødelagt støvsuger",
        )
    )
    assert app.sync()["survey_answers"] == 1
    (row,) = app.inquiries()
    assert row.status is Status.CLOSED and row.reopened_count == 0
    assert app.services.inbox.list_ids(InboxQuery(view=View.INBOX)) == []


def test_a_mailed_pulse_detractor_counts_in_pulse_nps(app: App) -> None:
    app.deliver(mail(1, sender="Kari Nordmann <kari@example.no>", subject="Spørsmål"))
    app.sync()
    (inquiry,) = app.inquiries()
    assert inquiry.id is not None
    customer_id = inquiry.customer.id
    app.services.inquiries.set_status(inquiry.id, Status.CLOSED)
    summary = app.services.pulse.send([customer_id])
    assert summary.queued == 1, summary.skip_reasons
    assert app.services.outbox.send_pending().sent == 1
    (asked,) = app.services.pulse.list()
    assert asked.message_id is not None
    app.clock.advance(hours=4)
    app.deliver(
        reply_mail(
            asked.message_id,
            "2. Leveringen tok tre uker.",
            when=app.clock.now,
            sender="Kari Nordmann <kari@example.no>",
            subject="Re: Et kort spørsmål",
        )
    )
    result = app.sync()
    assert (result["survey_answers"], result["new_inquiries"]) == (1, 0)
    (answered,) = app.services.pulse.list()
    assert (answered.status, answered.score) == ("answered", 2)
    report = app.services.pulse.report()
    assert report.answers == 1 and report.nps == -100.0
    assert answered.followup_inquiry_id is not None
    loop = app.services.inquiries.get(answered.followup_inquiry_id)
    assert loop.closed_loop and loop.kind is InquiryKind.COMPLAINT

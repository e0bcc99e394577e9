"""Follow-up checks and pulse questions in tests: asking, answering by mail, what was queued."""

from __future__ import annotations

from datetime import datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime
from typing import TYPE_CHECKING

from soloservice.channels.email.parse import ParsedMail, parse_message
from soloservice.domain.types import Channel, IdentityKind, InquiryKind, Status
from soloservice.services.customers import CustomerRef
from soloservice.services.inquiries import NewInquiry
from soloservice.services.mail_ingest import MailIngest
from soloservice.services.mail_sync import MailSyncService
from soloservice.services.outbox_dto import OutboxView
from soloservice.services.registry import Services
from soloservice.services.survey_dto import SurveyView
from tests.helpers.clock import FixedClock
from tests.helpers.factories import OWN, email_inquiry, resolve

if TYPE_CHECKING:
    from tests.helpers.mail_env import MailEnv


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
    """A customer's mailed answer to the message ``parent`` (a check's Message-ID)."""
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
    """Offer the mail to the survey hook as the ingest does: True when it took the answer."""
    # The hook's contract is to run inside the ingest's own transaction: this is that session.
    with services.ctx.db.session() as session:
        return services.surveys.answer_hook(session, parsed(raw, services.ctx.now()))


def asked_followup(
    services: Services, clock: FixedClock, **kwargs: object
) -> tuple[int, SurveyView]:
    """An email complaint resolved, its check made by mail three days later."""
    inquiry_id = email_inquiry(services, **kwargs)  # type: ignore[arg-type]
    resolve(services, inquiry_id)
    clock.advance(days=3, hours=1)
    summary = services.surveys.send_due()
    assert summary.queued == 1, summary
    survey = services.surveys.for_inquiry(inquiry_id)[-1]
    assert survey.status == "asked" and survey.message_id
    return inquiry_id, survey


def complaint_case(
    services: Services,
    channel: Channel = Channel.PHONE,
    name: str = "Ole Hansen",
    identity: str = "+45 20 12 34 56",
) -> int:
    """A broken vase reported by phone (or by mail from ``identity``): the case a
    satisfaction check is made for once it is resolved."""
    kind = IdentityKind.PHONE if channel is Channel.PHONE else IdentityKind.EMAIL
    return services.inquiries.create(
        NewInquiry(
            customer=CustomerRef(name=name, identity_kind=kind, identity_value=identity),
            channel=channel,
            subject="Vasen kom i stykker",
            text="Vasen var knust, da pakken kom.",
            kind=InquiryKind.COMPLAINT,
            external_id="<case@example.dk>" if channel is Channel.EMAIL else None,
        )
    ).id


def due_check(services: Services, clock: FixedClock, inquiry_id: int) -> int:
    """Resolve the case and let the three days pass: the id of its check, now due."""
    services.inquiries.set_status(inquiry_id, Status.RESOLVED)
    clock.advance(days=3, hours=1)
    (check,) = [s for s in services.surveys.due() if s.inquiry_id == inquiry_id]
    return check.id


def queued_mail(services: Services, purpose: str | None = None) -> list[OutboxView]:
    """What waits in the outbox (oldest first), optionally only one purpose ("survey")."""
    return [v for v in services.outbox.pending() if purpose is None or v.purpose == purpose]


def survey_sync(env: MailEnv) -> MailSyncService:
    """The sync as the registry must wire it: the survey hook in every ingest."""
    ctx = env.services.ctx
    surveys = env.services.surveys
    return MailSyncService(
        ctx,
        env.accounts,
        lambda: MailIngest(ctx, env.accounts.own_addresses(), survey_hook=surveys.answer_hook),
    )


def smtp_message(env: MailEnv, index: int = -1) -> EmailMessage:
    msg = message_from_bytes(env.smtp.received[index].raw, policy=default)
    assert isinstance(msg, EmailMessage)
    return msg

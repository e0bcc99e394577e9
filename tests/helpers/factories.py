"""Short ways to make the things tests need, always through the real services.

One set for every test: mail accounts, customers, inquiries (with their messages), calls,
surveys and templates. Each goes through the composed ``Services`` and so through the same
validation as the window and the CLI; nothing here writes a row past a service.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from soloservice.domain.templates import Template
from soloservice.domain.types import (
    CallDirection,
    CallOutcome,
    Channel,
    IdentityKind,
    InquiryKind,
    Language,
    Status,
)
from soloservice.services.calls import CallLog
from soloservice.services.customer_changes import KEEP, CustomerChanges, Keep
from soloservice.services.customers import CustomerRef
from soloservice.services.dto import CustomerCard, InquiryDetail
from soloservice.services.inquiries import NewInquiry
from soloservice.services.mail_accounts import AccountInput, AccountView
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace
from soloservice.services.survey_dto import SurveyView

if TYPE_CHECKING:
    from tests.helpers.mailservers import SmtpServer

#: the shop's own address in every test that needs one
OWN = "hej@butik.dk"

# -- mail accounts ------------------------------------------------------------------------------


def account_input(name: str = "shop", email: str = OWN, **changes: object) -> AccountInput:
    """An account whose servers refuse at once (port 1 on this machine): enough to queue from."""
    values: dict[str, object] = {
        "name": name,
        "email": email,
        "display_name": "Butikken",
        "imap_host": "127.0.0.1",
        "imap_port": 1,
        "smtp_host": "127.0.0.1",
        "smtp_port": 1,
        "smtp_security": "ssl",
        "username": email,
    }
    values.update(changes)
    return AccountInput(**values)  # type: ignore[arg-type]


def add_account(
    services: Services,
    name: str = "shop",
    email: str = OWN,
    *,
    smtp: SmtpServer | None = None,
    password: str | None = None,
    **changes: object,
) -> AccountView:
    """The shop's mail account; with ``smtp`` it really sends there (aiosmtpd), its IMAP side
    never reached. ``changes`` override any AccountInput field (a real Dovecot's, say)."""
    if smtp is not None:
        changes = {
            "imap_security": "none",
            "smtp_host": smtp.host,
            "smtp_port": smtp.port,
            "smtp_security": "none",
            "username": smtp.username,
            **changes,
        }
        password = password or smtp.password
    view, _place = services.mail_accounts.add(
        account_input(name, email, **changes), password=password, place=SecretPlace.SESSION
    )
    return view


# -- customers ----------------------------------------------------------------------------------


def make_customer(
    services: Services,
    name: str = "Mette Hansen",
    *,
    email: str | None = None,
    phone: str | None = None,
    language: Language | None = None,
    annual_value: float | Keep | None = KEEP,
    expected_years: float | Keep | None = KEEP,
    opted_out: bool = False,
) -> CustomerCard:
    """A customer known before they write (as from a customer list)."""
    more: tuple[tuple[IdentityKind, str], ...] = ()
    kind: IdentityKind | None = None
    value = ""
    if email:
        kind, value = IdentityKind.EMAIL, email
        if phone:
            more = ((IdentityKind.PHONE, phone),)
    elif phone:
        kind, value = IdentityKind.PHONE, phone
    card = services.customers.find_or_add(
        CustomerRef(
            name=name,
            identity_kind=kind,
            identity_value=value,
            language=language,
            more_identities=more,
        )
    )
    if annual_value is not KEEP or expected_years is not KEEP:
        card = services.customers.update(
            card.id, CustomerChanges(annual_value=annual_value, expected_years=expected_years)
        )
    if opted_out:
        card = services.customers.set_opted_out(card.id)
    return card


# -- inquiries ----------------------------------------------------------------------------------


def make_inquiry(
    services: Services,
    *,
    name: str = "Mette Hansen",
    email: str | None = "mette@example.dk",
    channel: Channel = Channel.EMAIL,
    subject: str = "Pakken er ikke kommet",
    text: str = "Hej, jeg har ventet på min pakke i 10 dage.",
    kind: InquiryKind = InquiryKind.COMPLAINT,
    received_at: datetime | None = None,
    customer_id: int | None = None,
    message_id: str | None = None,
    replies: tuple[str, ...] = (),
    status: Status | None = None,
) -> InquiryDetail:
    """An inquiry from ``name``; ``replies`` are answered in order, ``status`` set last."""
    ref = CustomerRef(
        customer_id=customer_id,
        name=name if customer_id is None else "",
        identity_kind=IdentityKind.EMAIL if email and customer_id is None else None,
        identity_value=email or "" if customer_id is None else "",
    )
    detail = services.inquiries.create(
        NewInquiry(
            customer=ref,
            channel=channel,
            subject=subject,
            text=text,
            kind=kind,
            received_at=received_at,
            external_id=message_id,
        )
    )
    for reply in replies:
        detail = services.inquiries.record_reply(detail.id, reply)
    if status is not None:
        services.inquiries.set_status(detail.id, status)
        detail = services.inquiries.get(detail.id)
    return detail


def email_inquiry(
    services: Services,
    *,
    name: str = "Mette Hansen",
    email: str = "mette@example.dk",
    message_id: str | None = "<c1@example.dk>",
    language: Language | str | None = None,
    channel: Channel = Channel.EMAIL,
    kind: InquiryKind = InquiryKind.COMPLAINT,
    subject: str = "Pakken er ikke kommet",
) -> int:
    """A mailed complaint with a Message-ID (so a check can be threaded under it)."""
    detail = make_inquiry(
        services,
        name=name,
        email=email,
        channel=channel,
        subject=subject,
        kind=kind,
        message_id=message_id,
    )
    if language is not None:
        services.customers.update(detail.customer.id, CustomerChanges(language=Language(language)))
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


# -- calls --------------------------------------------------------------------------------------


def make_call(
    services: Services,
    note: str = "Ring tilbage",
    *,
    phone: str = "20123456",
    name: str = "Mette",
    outcome: CallOutcome | None = CallOutcome.SOLVED,
    direction: CallDirection = CallDirection.INCOMING,
    inquiry_id: int | None = None,
    duration: timedelta | None = None,
    complaint: bool = False,
) -> InquiryDetail:
    """A logged call from Mette's number (a new case, or joined to ``inquiry_id``)."""
    return services.calls.log_call(
        CallLog(
            phone=phone,
            note=note,
            name=name,
            outcome=outcome,
            direction=direction,
            inquiry_id=inquiry_id,
            duration=duration,
            complaint=complaint,
        )
    )


# -- surveys ------------------------------------------------------------------------------------


def resolve(services: Services, inquiry_id: int) -> SurveyView:
    """Resolve the case; returns its follow-up check (scheduled or skipped, with the reason)."""
    services.inquiries.set_status(inquiry_id, Status.RESOLVED)
    return services.surveys.schedule_for_resolved(inquiry_id)


def pulse_answer(
    services: Services,
    customer_id: int,
    *,
    score: int | None = None,
    satisfied: bool | None = None,
    comment: str = "",
) -> SurveyView:
    """Ask the customer the pulse question now and record their answer (an account is needed).

    Pass a ``FixedClock`` set to the moment wanted: the question is asked and answered then.
    """
    sent = services.pulse.send([customer_id])
    assert sent.queued == 1, sent.skip_reasons
    (survey_id,) = sent.survey_ids
    if score is not None or satisfied is not None or comment:
        services.surveys.record_answer(survey_id, satisfied, score=score, comment=comment)
    return services.surveys.get(survey_id)


# -- templates ----------------------------------------------------------------------------------


def make_template(
    services: Services,
    key: str = "tak",
    *,
    language: Language = Language.DA,
    subject: str = "Tak for din besked",
    body: str = "Hej {customer.first_name}\n\nTak for din besked.",
    name: str = "",
) -> Template:
    """A template saved through the service (so its placeholders are checked)."""
    return services.templates.save(
        Template(key=key, language=language, name=name or key, subject=subject, body=body)
    )


# -- reading back -------------------------------------------------------------------------------


def every_inquiry(services: Services) -> list[InquiryDetail]:
    """Every stored case (any view, automatic mail too), oldest id first, through the services."""
    ids = {
        brief.id
        for customer in services.customers.all()
        for brief in services.customers.card(customer.id).inquiries
    }
    return [services.inquiries.get(i) for i in sorted(ids)]

"""Data for UI tests: a small realistic inbox through the services."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from soloservice.domain.types import CallOutcome, Channel, IdentityKind, InquiryKind
from soloservice.services.calls import CallLog
from soloservice.services.customers import CustomerRef
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services

MESSAGES: list[tuple[str, str | None, Channel, str, str, InquiryKind]] = [
    (
        "Mette Hansen",
        "mette@example.dk",
        Channel.EMAIL,
        "Pakken er ikke kommet",
        "Hej, jeg har ventet på min pakke i 10 dage. Ordrenummer 10233.",
        InquiryKind.COMPLAINT,
    ),
    (
        "Ole Nordmann",
        "ole@example.no",
        Channel.FORM,
        "Spørsmål om levering til Tromsø",
        "Hei! Leverer dere til Nord-Norge, og hva koster frakten?",
        InquiryKind.QUESTION,
    ),
    (
        "Sarah Miller",
        "sarah@example.com",
        Channel.EMAIL,
        "Wrong size in my order",
        "Hi, I ordered a medium but received a large. Can I swap it?",
        InquiryKind.COMPLAINT,
    ),
    (
        "Lars Jensen",
        None,
        Channel.FACEBOOK,
        "Tak for hurtig hjælp!",
        "Bare lige et stort tak for den hurtige hjælp i går.",
        InquiryKind.PRAISE,
    ),
    (
        "Ingrid Berg",
        "ingrid@example.no",
        Channel.FORM,
        "Faktura mangler",
        "Jeg har ikke mottatt faktura for bestilling 4471.",
        InquiryKind.QUESTION,
    ),
    (
        "Anne Sørensen",
        "anne@example.dk",
        Channel.EMAIL,
        "Ødelagt vare ved levering",
        "Kruset var gået i stykker da jeg åbnede pakken. Billede vedhæftet.",
        InquiryKind.COMPLAINT,
    ),
    (
        "Tom Baker",
        None,
        Channel.X,
        "Is the shop open on Saturday?",
        "@shop are you open this Saturday?",
        InquiryKind.QUESTION,
    ),
    (
        "Kari Hansen",
        None,
        Channel.INSTAGRAM,
        "Farger på genseren",
        "Finnes genseren i grønt også?",
        InquiryKind.QUESTION,
    ),
    (
        "Peter Nielsen",
        "peter@example.dk",
        Channel.EMAIL,
        "Refusion ikke modtaget",
        "Jeg returnerede varen for tre uger siden og har stadig ikke fået pengene.",
        InquiryKind.COMPLAINT,
    ),
    (
        "Emma Wilson",
        "emma@example.co.uk",
        Channel.FORM,
        "Wholesale prices",
        "Do you offer wholesale prices for a small shop in York?",
        InquiryKind.QUESTION,
    ),
]


def seed_inbox(services: Services, now: datetime, count: int = 30) -> list[int]:
    """``count`` inquiries on every channel, spread over the last days (so some are overdue)."""
    ids: list[int] = []
    for i in range(count):
        name, email, channel, subject, text, kind = MESSAGES[i % len(MESSAGES)]
        received = now - timedelta(hours=3 * i + 1)
        if i >= len(MESSAGES):
            name = f"{name.split()[0]} {['Holm', 'Dahl', 'Lund'][i % 3]}"
            email = f"{name.split()[0].lower()}{i}@example.dk" if email else None
        handle = name.split()[0].lower() + str(i) if channel.is_social else ""
        ref = CustomerRef(
            name=name,
            identity_kind=(
                IdentityKind.EMAIL if email else IdentityKind(channel.value) if handle else None
            ),
            identity_value=email or handle,
        )
        detail = services.inquiries.create(
            NewInquiry(
                customer=ref,
                channel=channel,
                subject=subject,
                text=text,
                kind=kind,
                received_at=received,
            )
        )
        ids.append(detail.id)
    return ids


def seeded_store(data_dir: Path, count: int) -> Path:
    """A data dir holding ``seed_inbox``'s inquiries, closed: for a test that starts the
    app in a fresh process on it."""
    services = Services.open(data_dir)
    try:
        seed_inbox(services, datetime.now(UTC), count)
    finally:
        services.close()
    return data_dir


def log_calls(services: Services) -> list[int]:
    out = []
    for phone, name, note, outcome in [
        (
            "20 30 40 50",
            "Jens Petersen",
            "Vil gerne høre om leveringstid på sofabordet.",
            CallOutcome.CALLBACK,
        ),
        (
            "+47 912 34 567",
            "Silje Moe",
            "Ringte om feil i fakturaen, ordnet på telefonen.",
            CallOutcome.SOLVED,
        ),
        (
            "+44 20 7946 0018",
            "James Hill",
            "Parcel damaged; promised to call back with options.",
            CallOutcome.CALLBACK,
        ),
    ]:
        detail = services.calls.log_call(
            CallLog(
                phone=phone,
                name=name,
                note=note,
                outcome=outcome,
                duration=timedelta(minutes=4),
                complaint=outcome is CallOutcome.CALLBACK,
            )
        )
        out.append(detail.id)
    return out

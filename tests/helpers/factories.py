"""Short ways to make inquiries in tests, through the real services."""

from __future__ import annotations

from datetime import datetime

from soloservice.domain.types import Channel, IdentityKind, InquiryKind
from soloservice.services.customers import CustomerRef
from soloservice.services.dto import InquiryDetail
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services


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
) -> InquiryDetail:
    ref = CustomerRef(
        name=name,
        identity_kind=IdentityKind.EMAIL if email else None,
        identity_value=email or "",
    )
    return services.inquiries.create(
        NewInquiry(
            customer=ref,
            channel=channel,
            subject=subject,
            text=text,
            kind=kind,
            received_at=received_at,
        )
    )

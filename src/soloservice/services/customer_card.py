"""The customer card: who they are, how to reach them, their value and their inquiries."""

from __future__ import annotations

from sqlmodel import Session, col, select

from soloservice.domain.types import (
    Channel,
    IdentityKind,
    InquiryKind,
    Language,
    Status,
)
from soloservice.domain.value import lifetime_value
from soloservice.services.context import ServiceContext
from soloservice.services.customer_identity import identity_display
from soloservice.services.dto import CustomerCard, IdentityView, InquiryBrief
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow


def inquiry_brief(row: InquiryRow) -> InquiryBrief:
    """One line of a customer's history."""
    return InquiryBrief(
        id=row.id or 0,
        channel=Channel(row.channel),
        subject=row.subject,
        kind=InquiryKind(row.kind),
        status=Status(row.status),
        received_at=row.received_at,
    )


def build_card(
    session: Session, ctx: ServiceContext, row: CustomerRow, with_history: bool = True
) -> CustomerCard:
    assert row.id is not None
    identities = tuple(
        IdentityView(IdentityKind(i.kind), i.value, identity_display(IdentityKind(i.kind), i.value))
        for i in session.exec(
            select(IdentityRow)
            .where(IdentityRow.customer_id == row.id)
            .order_by(col(IdentityRow.id))
        )
    )
    history: tuple[InquiryBrief, ...] = ()
    if with_history:
        history = tuple(
            inquiry_brief(i)
            for i in session.exec(
                select(InquiryRow)
                .where(InquiryRow.customer_id == row.id)
                .order_by(col(InquiryRow.received_at).desc(), col(InquiryRow.id).desc())
                .limit(200)
            )
        )
    return CustomerCard(
        id=row.id,
        name=row.name,
        language=Language(row.language),
        language_source=row.language_source,
        language_reason=row.language_reason,
        notes=row.notes,
        annual_value=row.annual_value,
        expected_years=row.expected_years,
        lifetime_value=lifetime_value(row.annual_value, row.expected_years, ctx.value_defaults),
        identities=identities,
        inquiries=history,
        opted_out=row.opted_out,
        customer_since=row.customer_since,
    )

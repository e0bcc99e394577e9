"""Which rows of the store are about one customer: the shared ground of a GDPR export and
a forget, so what is exported and what is deleted can never drift apart.

A customer is the surviving card plus every card merged into it (hidden rows kept for
un-merge: the same person). Their raw mails are the ledger rows of their messages, of the
mail they sent that became no message (a duplicate, an automatic mail, a quarantined one:
matched on the sender address) and of what we sent them without a case (a pulse question:
matched on the outgoing Message-ID), plus the duplicates pointing at any of those.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, or_, select

from soloservice.domain.types import IdentityKind
from soloservice.services.errors import NotFound
from soloservice.storage.feedback_tables import RemedyRow, SurveyRow
from soloservice.storage.mail_tables import AttachmentRow, MailItemRow, OutboxRow
from soloservice.storage.tables import CustomerRow, EventRow, IdentityRow, InquiryRow, MessageRow


def table_of(model: Any) -> Table:
    table: Table = model.__table__
    return table


CUSTOMER = table_of(CustomerRow)
IDENTITY = table_of(IdentityRow)
INQUIRY = table_of(InquiryRow)
MESSAGE = table_of(MessageRow)
ATTACHMENT = table_of(AttachmentRow)
MAIL_ITEM = table_of(MailItemRow)
OUTBOX = table_of(OutboxRow)
SURVEY = table_of(SurveyRow)
REMEDY = table_of(RemedyRow)
EVENT = table_of(EventRow)


@dataclass(frozen=True)
class CustomerScope:
    """Ids of everything about one customer (sorted tuples)."""

    customer_id: int
    name: str
    customers: tuple[int, ...]
    identities: tuple[int, ...]
    emails: tuple[str, ...]
    inquiries: tuple[int, ...]
    messages: tuple[int, ...]
    attachments: tuple[int, ...]
    surveys: tuple[int, ...]
    remedies: tuple[int, ...]
    outbox: tuple[int, ...]
    mail_items: tuple[int, ...]


def _ids(conn: Connection, column: Any, *where: Any) -> tuple[int, ...]:
    return tuple(sorted(int(v) for v in conn.execute(select(column).where(*where)).scalars()))


def _root(conn: Connection, customer_id: int) -> int:
    current: int | None = customer_id
    seen: set[int] = set()
    while current is not None and current not in seen:
        seen.add(current)
        row = conn.execute(
            select(CUSTOMER.c.id, CUSTOMER.c.merged_into_id).where(CUSTOMER.c.id == current)
        ).first()
        if row is None:
            break
        if row.merged_into_id is None:
            return int(row.id)
        current = int(row.merged_into_id)
    raise NotFound(f"no customer with id {customer_id}")


def _group(conn: Connection, root: int) -> tuple[int, ...]:
    group = {root}
    frontier = {root}
    while frontier:
        found = set(_ids(conn, CUSTOMER.c.id, CUSTOMER.c.merged_into_id.in_(frontier))) - group
        group |= found
        frontier = found
    return tuple(sorted(group))


def _sender_matches(emails: tuple[str, ...]) -> Any:
    lowered = func.lower(MAIL_ITEM.c.from_addr)
    return or_(
        lowered.in_(emails),
        *(func.instr(lowered, f"<{address}>") > 0 for address in emails),
    )


def customer_scope(conn: Connection, customer_id: int) -> CustomerScope:
    root = _root(conn, customer_id)
    customers = _group(conn, root)
    name = conn.execute(select(CUSTOMER.c.name).where(CUSTOMER.c.id == root)).scalar_one()
    identities = _ids(conn, IDENTITY.c.id, IDENTITY.c.customer_id.in_(customers))
    emails = tuple(
        sorted(
            {
                str(v).strip().lower()
                for v in conn.execute(
                    select(IDENTITY.c.value).where(
                        IDENTITY.c.customer_id.in_(customers),
                        IDENTITY.c.kind == IdentityKind.EMAIL.value,
                    )
                ).scalars()
                if str(v).strip()
            }
        )
    )
    inquiries = _ids(conn, INQUIRY.c.id, INQUIRY.c.customer_id.in_(customers))
    messages = _ids(conn, MESSAGE.c.id, MESSAGE.c.inquiry_id.in_(inquiries))
    attachments = _ids(conn, ATTACHMENT.c.id, ATTACHMENT.c.message_id.in_(messages))
    surveys = _ids(conn, SURVEY.c.id, SURVEY.c.customer_id.in_(customers))
    remedies = _ids(conn, REMEDY.c.id, REMEDY.c.inquiry_id.in_(inquiries))
    outbox_where = [OUTBOX.c.inquiry_id.in_(inquiries), OUTBOX.c.survey_id.in_(surveys)]
    if emails:
        outbox_where.append(func.lower(OUTBOX.c.to_addr).in_(emails))
    outbox = _ids(conn, OUTBOX.c.id, or_(*outbox_where))
    sent_ids = {
        str(v)
        for v in conn.execute(
            select(OUTBOX.c.message_id_header).where(OUTBOX.c.id.in_(outbox))
        ).scalars()
        if v
    } | {
        str(v)
        for v in conn.execute(
            select(SURVEY.c.message_id_header).where(SURVEY.c.id.in_(surveys))
        ).scalars()
        if v
    }
    item_where = [
        MAIL_ITEM.c.message_row_id.in_(messages),
        MAIL_ITEM.c.message_id_header.in_(sorted(sent_ids)),
    ]
    if emails:
        item_where.append(_sender_matches(emails))
    items = set(_ids(conn, MAIL_ITEM.c.id, or_(*item_where)))
    frontier = set(items)
    while frontier:  # duplicates of their mails (they keep their own bytes when distinct)
        found = set(_ids(conn, MAIL_ITEM.c.id, MAIL_ITEM.c.duplicate_of.in_(frontier))) - items
        items |= found
        frontier = found
    return CustomerScope(
        customer_id=root,
        name=str(name),
        customers=customers,
        identities=identities,
        emails=emails,
        inquiries=inquiries,
        messages=messages,
        attachments=attachments,
        surveys=surveys,
        remedies=remedies,
        outbox=outbox,
        mail_items=tuple(sorted(items)),
    )

"""Customers and their identities: one person, however many channels they use.

The use cases on a customer; finding one by an identity is ``services/customer_identity.py``,
their card ``services/customer_card.py``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from soloservice.domain.identity import InvalidIdentity, format_phone, looks_like_phone, normalise
from soloservice.domain.types import (
    OPEN_STATUSES,
    IdentityKind,
)
from soloservice.services.context import ServiceContext
from soloservice.services.customer_card import build_card, inquiry_brief
from soloservice.services.customer_changes import (
    KEEP,
    CustomerChanges,
    Keep,
    check_changes,
    remove_identity_in,
    set_opted_out_in,
    update_in,
)
from soloservice.services.customer_identity import (
    CustomerRef,
    attach_identity,
    identity_display,
    resolve_customer,
    surviving_customer,
)
from soloservice.services.dto import CustomerCard, CustomerMatch, InquiryBrief
from soloservice.services.sql_like import LIKE_ESCAPE, contains_pattern
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow

#: ``CustomerRef``, ``resolve_customer``, ``surviving_customer`` and ``build_card`` are the
#: customer vocabulary every intake imports from here; they live in customer_identity.py
#: and customer_card.py.
__all__ = [
    "KEEP",
    "CustomerCard",
    "CustomerChanges",
    "CustomerRef",
    "CustomerService",
    "Keep",
    "build_card",
    "identity_display",
    "resolve_customer",
    "surviving_customer",
]


class CustomerService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def card(self, customer_id: int) -> CustomerCard:
        with self.ctx.db.session() as session:
            return build_card(session, self.ctx, surviving_customer(session, customer_id))

    def find_or_add(self, ref: CustomerRef) -> CustomerCard:
        """A customer known before they write (a customer list, a card filled in by hand).

        The same rules as an inquiry's sender: an identity already on file finds its
        customer rather than making a second one.
        """
        with self.ctx.db.session() as session:
            row = resolve_customer(session, self.ctx, ref)
            session.flush()
            return build_card(session, self.ctx, row)

    def all(self) -> list[CustomerCard]:
        """Every customer, oldest first (merged ones live on in their survivor), no history."""
        with self.ctx.db.read_session() as session:
            rows = session.exec(
                select(CustomerRow)
                .where(col(CustomerRow.merged_into_id).is_(None))
                .order_by(col(CustomerRow.id))
            ).all()
            return [build_card(session, self.ctx, r, with_history=False) for r in rows]

    def update(self, customer_id: int, changes: CustomerChanges) -> CustomerCard:
        """Change what the founder knows about a customer; fields left at KEEP stay."""
        check_changes(changes)
        with self.ctx.db.session() as session:
            row = surviving_customer(session, customer_id)
            update_in(row, changes)
            return build_card(session, self.ctx, row)

    def add_identity(self, customer_id: int, kind: IdentityKind, value: str) -> CustomerCard:
        """Another way to reach the customer (a phone to an email customer, a handle...)."""
        with self.ctx.db.session() as session:
            row = surviving_customer(session, customer_id)
            attach_identity(session, self.ctx, row, kind, value)
            session.flush()
            return build_card(session, self.ctx, row)

    def remove_identity(self, customer_id: int, kind: IdentityKind, value: str) -> CustomerCard:
        with self.ctx.db.session() as session:
            row = surviving_customer(session, customer_id)
            remove_identity_in(session, row, kind, value)
            session.flush()
            return build_card(session, self.ctx, row)

    def set_opted_out(self, customer_id: int, opted_out: bool = True) -> CustomerCard:
        """The customer asked not to be surveyed: no follow-up checks, no NPS pulse."""
        with self.ctx.db.session() as session:
            row = surviving_customer(session, customer_id)
            set_opted_out_in(session, row, opted_out)
            return build_card(session, self.ctx, row)

    def open_inquiries(self, customer_id: int, limit: int = 20) -> list[InquiryBrief]:
        """The customer's open cases, most recent first: what a call may be about (the call
        dialog offers them so a call joins its case instead of starting another)."""
        with self.ctx.db.session() as session:
            row = surviving_customer(session, customer_id)
            rows = session.exec(
                select(InquiryRow)
                .where(
                    InquiryRow.customer_id == row.id,
                    col(InquiryRow.status).in_([s.value for s in OPEN_STATUSES]),
                    InquiryRow.automatic_reason == "",
                )
                .order_by(col(InquiryRow.last_activity_at).desc(), col(InquiryRow.id).desc())
                .limit(limit)
            ).all()
            return [inquiry_brief(i) for i in rows]

    def search(self, text: str, limit: int = 8) -> list[CustomerMatch]:
        """Customers matching typed text: by phone digits when it looks like a number, by
        name or any identity otherwise. Used as the call dialog's auto-match while typing."""
        text = text.strip()
        if not text:
            return []
        ident = IdentityRow.__table__  # type: ignore[attr-defined]
        cust = CustomerRow.__table__  # type: ignore[attr-defined]
        inq = InquiryRow.__table__  # type: ignore[attr-defined]
        ids_stmt: Select[Any]
        if looks_like_phone(text):
            digits = "".join(ch for ch in text if ch.isdigit())
            conditions: list[ColumnElement[bool]] = [
                func.replace(ident.c.value, "+", "").like(f"%{digits}%")
            ]
            try:
                exact = normalise(IdentityKind.PHONE, text, self.ctx.settings.phone_region)
                conditions.append(ident.c.value == exact)
            except InvalidIdentity:
                pass
            ids_stmt = (
                sa_select(ident.c.customer_id)
                .where(ident.c.kind == IdentityKind.PHONE.value, or_(*conditions))
                .distinct()
                .limit(limit)
            )
        else:
            pattern = contains_pattern(text)
            ids_stmt = (
                sa_select(cust.c.id)
                .where(
                    cust.c.merged_into_id.is_(None),
                    or_(
                        cust.c.name.ilike(pattern, escape=LIKE_ESCAPE),
                        cust.c.id.in_(
                            sa_select(ident.c.customer_id).where(
                                ident.c.value.ilike(pattern, escape=LIKE_ESCAPE)
                            )
                        ),
                    ),
                )
                .order_by(func.lower(cust.c.name))
                .limit(limit)
            )
        with self.ctx.db.session() as session:
            conn = session.connection()
            ids = [int(r[0]) for r in conn.execute(ids_stmt)]
            if not ids:
                return []
            open_counts: dict[int, int] = {
                int(r[0]): int(r[1])
                for r in conn.execute(
                    sa_select(inq.c.customer_id, func.count())
                    .where(
                        inq.c.customer_id.in_(ids),
                        inq.c.status.in_([s.value for s in OPEN_STATUSES]),
                    )
                    .group_by(inq.c.customer_id)
                )
            }
            names = {
                int(r[0]): str(r[1])
                for r in conn.execute(sa_select(cust.c.id, cust.c.name).where(cust.c.id.in_(ids)))
            }
            idents: dict[int, list[tuple[str, str]]] = {}
            for r in conn.execute(
                sa_select(ident.c.customer_id, ident.c.kind, ident.c.value).where(
                    ident.c.customer_id.in_(ids)
                )
            ):
                idents.setdefault(int(r[0]), []).append((str(r[1]), str(r[2])))
        return [
            CustomerMatch(
                id=cid,
                name=names[cid],
                phones=tuple(
                    format_phone(v) for k, v in idents.get(cid, []) if k == IdentityKind.PHONE
                ),
                emails=tuple(v for k, v in idents.get(cid, []) if k == IdentityKind.EMAIL),
                open_inquiries=open_counts.get(cid, 0),
            )
            for cid in ids
            if cid in names
        ]

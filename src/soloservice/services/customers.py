"""Customers and their identities: one person, however many channels they use."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from soloservice.domain.identity import InvalidIdentity, format_phone, looks_like_phone, normalise
from soloservice.domain.types import (
    OPEN_STATUSES,
    Channel,
    IdentityKind,
    InquiryKind,
    Language,
    Status,
)
from soloservice.domain.value import lifetime_value
from soloservice.services.context import ServiceContext
from soloservice.services.dto import CustomerCard, CustomerMatch, IdentityView, InquiryBrief
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.likes import LIKE_ESCAPE, contains_pattern
from soloservice.storage.feedback_tables import SurveyRow
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow


@dataclass(frozen=True)
class CustomerRef:
    """Who an inquiry is from: an existing customer, or how to find or create one."""

    customer_id: int | None = None
    name: str = ""
    identity_kind: IdentityKind | None = None
    identity_value: str = ""
    language: Language | None = None


class Keep(Enum):
    """A field of CustomerChanges left as it is."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True)
class CustomerChanges:
    """Fields to change. ``None`` for a figure means "use the business's average" again."""

    name: str | Keep = KEEP
    language: Language | Keep = KEEP
    notes: str | Keep = KEEP
    annual_value: float | Keep | None = KEEP
    expected_years: float | Keep | None = KEEP


def identity_display(kind: IdentityKind, value: str) -> str:
    if kind is IdentityKind.PHONE:
        return format_phone(value)
    if kind in (IdentityKind.FACEBOOK, IdentityKind.INSTAGRAM, IdentityKind.X):
        return f"@{value}" if kind is not IdentityKind.FACEBOOK else value
    return value


def surviving_customer(session: Session, customer_id: int) -> CustomerRow:
    """The customer row for ``customer_id``, following merges to the one that survived, so an
    id the GUI held from before a merge still opens the right card."""
    row = session.get(CustomerRow, customer_id)
    seen: set[int] = set()
    while row is not None and row.merged_into_id is not None and row.id not in seen:
        seen.add(row.id or 0)
        row = session.get(CustomerRow, row.merged_into_id)
    if row is None:
        raise NotFound(f"no customer with id {customer_id}")
    return row


def resolve_customer(session: Session, ctx: ServiceContext, ref: CustomerRef) -> CustomerRow:
    """Find the customer ``ref`` points at, or create one, inside the caller's transaction.

    An exact identity match always wins over a name, so two people with the same name are
    never merged silently.
    """
    if ref.customer_id is not None:
        row = surviving_customer(session, ref.customer_id)
        if ref.identity_kind is not None and ref.identity_value.strip():
            _attach_identity(session, ctx, row, ref.identity_kind, ref.identity_value)
        return row
    value: str | None = None
    if ref.identity_kind is not None and ref.identity_value.strip():
        try:
            value = normalise(ref.identity_kind, ref.identity_value, ctx.settings.phone_region)
        except InvalidIdentity as exc:
            raise InvalidInput(str(exc)) from exc
        existing = session.exec(
            select(IdentityRow).where(
                IdentityRow.kind == ref.identity_kind.value, IdentityRow.value == value
            )
        ).first()
        if existing is not None:
            found = session.get(CustomerRow, existing.customer_id)
            assert found is not None
            if not found.name and ref.name.strip():
                found.name = ref.name.strip()
            return found
    name = ref.name.strip()
    if not name and value is None:
        raise InvalidInput("a customer needs a name, a phone number, an email or a handle")
    row = CustomerRow(
        name=name
        or (identity_display(ref.identity_kind, value) if ref.identity_kind and value else ""),
        language=(ref.language or ctx.settings.founder_language).value,
        created_at=ctx.now(),
    )
    session.add(row)
    session.flush()
    if ref.identity_kind is not None and value is not None:
        assert row.id is not None
        session.add(IdentityRow(customer_id=row.id, kind=ref.identity_kind.value, value=value))
    return row


def _attach_identity(
    session: Session, ctx: ServiceContext, row: CustomerRow, kind: IdentityKind, raw: str
) -> None:
    try:
        value = normalise(kind, raw, ctx.settings.phone_region)
    except InvalidIdentity as exc:
        raise InvalidInput(str(exc)) from exc
    existing = session.exec(
        select(IdentityRow).where(IdentityRow.kind == kind.value, IdentityRow.value == value)
    ).first()
    if existing is None:
        assert row.id is not None
        session.add(IdentityRow(customer_id=row.id, kind=kind.value, value=value))
    elif existing.customer_id != row.id:
        raise InvalidInput(f"{identity_display(kind, value)} already belongs to another customer")


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
            InquiryBrief(
                id=i.id or 0,
                channel=Channel(i.channel),
                subject=i.subject,
                kind=InquiryKind(i.kind),
                status=Status(i.status),
                received_at=i.received_at,
            )
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
        notes=row.notes,
        annual_value=row.annual_value,
        expected_years=row.expected_years,
        lifetime_value=lifetime_value(row.annual_value, row.expected_years, ctx.value_defaults),
        identities=identities,
        inquiries=history,
        opted_out=row.opted_out,
    )


class CustomerService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def card(self, customer_id: int) -> CustomerCard:
        with self.ctx.db.session() as session:
            return build_card(session, self.ctx, surviving_customer(session, customer_id))

    def update(self, customer_id: int, changes: CustomerChanges) -> CustomerCard:
        """Change what the founder knows about a customer; fields left at KEEP stay."""
        for label, figure in (
            ("annual value", changes.annual_value),
            ("expected years", changes.expected_years),
        ):
            if isinstance(figure, float | int) and figure < 0:
                raise InvalidInput(f"the {label} cannot be negative")
        with self.ctx.db.session() as session:
            row = surviving_customer(session, customer_id)
            if not isinstance(changes.name, Keep):
                if not changes.name.strip():
                    raise InvalidInput("a customer's name cannot be empty")
                row.name = changes.name.strip()
            if not isinstance(changes.language, Keep):
                row.language = changes.language.value
            if not isinstance(changes.notes, Keep):
                row.notes = changes.notes.strip()
            if not isinstance(changes.annual_value, Keep):
                row.annual_value = changes.annual_value
            if not isinstance(changes.expected_years, Keep):
                row.expected_years = changes.expected_years
            return build_card(session, self.ctx, row)

    def add_identity(self, customer_id: int, kind: IdentityKind, value: str) -> CustomerCard:
        """Another way to reach the customer (a phone to an email customer, a handle...)."""
        with self.ctx.db.session() as session:
            row = surviving_customer(session, customer_id)
            _attach_identity(session, self.ctx, row, kind, value)
            session.flush()
            return build_card(session, self.ctx, row)

    def remove_identity(self, customer_id: int, kind: IdentityKind, value: str) -> CustomerCard:
        with self.ctx.db.session() as session:
            row = surviving_customer(session, customer_id)
            found = session.exec(
                select(IdentityRow).where(
                    IdentityRow.customer_id == row.id,
                    IdentityRow.kind == kind.value,
                    IdentityRow.value == value,
                )
            ).first()
            if found is None:
                raise NotFound(f"{identity_display(kind, value)} is not one of this customer's")
            session.delete(found)
            session.flush()
            return build_card(session, self.ctx, row)

    def set_opted_out(self, customer_id: int, opted_out: bool = True) -> CustomerCard:
        """The customer asked not to be surveyed: no follow-up checks, no NPS pulse."""
        with self.ctx.db.session() as session:
            row = surviving_customer(session, customer_id)
            row.opted_out = opted_out
            if opted_out:
                # Checks already scheduled are called off now, not at send time.
                for survey in session.exec(
                    select(SurveyRow).where(
                        SurveyRow.customer_id == row.id, SurveyRow.status == "scheduled"
                    )
                ):
                    survey.status = "skipped"
                    survey.skip_reason = "the customer has opted out of surveys"
            return build_card(session, self.ctx, row)

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

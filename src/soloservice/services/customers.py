"""Customers and their identities: one person, however many channels they use."""

from __future__ import annotations

import math
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
from soloservice.services.language_id import guess_for
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
    #: an explicit choice (source "founder"); None lets the first message's text decide
    language: Language | None = None
    #: further ways to reach them (a form's phone next to its email): matched when the main
    #: identity is unknown, attached when free, never moved from another customer
    more_identities: tuple[tuple[IdentityKind, str], ...] = ()


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


def resolve_customer(
    session: Session, ctx: ServiceContext, ref: CustomerRef, *, text: str = ""
) -> CustomerRow:
    """Find the customer ``ref`` points at, or create one, inside the caller's transaction.

    An exact identity match always wins over a name, so two people with the same name are
    never merged silently. ``text`` is the customer's first message in their own words (not
    a founder's call note): a new customer's language is guessed from it and their address
    and phone country, and so is that of a known customer who has never written before
    (imported from a customer list), unless the founder chose their language.
    """
    if ref.customer_id is not None:
        row = surviving_customer(session, ref.customer_id)
        if ref.identity_kind is not None and ref.identity_value.strip():
            _attach_identity(session, ctx, row, ref.identity_kind, ref.identity_value)
        _attach_more(session, ctx, row, ref)
        return row
    wanted: list[tuple[IdentityKind, str]] = []
    if ref.identity_kind is not None and ref.identity_value.strip():
        try:
            value = normalise(ref.identity_kind, ref.identity_value, ctx.settings.phone_region)
        except InvalidIdentity as exc:
            raise InvalidInput(str(exc)) from exc
        wanted.append((ref.identity_kind, value))
    wanted.extend(_normalised_more(ctx, ref))
    for kind, value in wanted:
        existing = session.exec(
            select(IdentityRow).where(IdentityRow.kind == kind.value, IdentityRow.value == value)
        ).first()
        if existing is not None:
            found = surviving_customer(session, existing.customer_id)
            if not found.name and ref.name.strip():
                found.name = ref.name.strip()
            # Found by one identity: the others written next to it are theirs too.
            _attach_free(session, found, wanted)
            if text.strip() and _first_contact(session, found):
                _apply_guess(session, ctx, found, text)
            return found
    name = ref.name.strip()
    if not name and not wanted:
        raise InvalidInput("a customer needs a name, a phone number, an email or a handle")
    first_kind, first_value = wanted[0] if wanted else (None, "")
    row = CustomerRow(
        name=name or (identity_display(first_kind, first_value) if first_kind else ""),
        language=(ref.language or ctx.settings.founder_language).value,
        language_source="founder" if ref.language is not None else "",
        created_at=ctx.now(),
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    seen: set[tuple[IdentityKind, str]] = set()
    for kind, value in wanted:
        if (kind, value) not in seen:
            seen.add((kind, value))
            session.add(IdentityRow(customer_id=row.id, kind=kind.value, value=value))
    session.flush()
    if ref.language is None:
        _apply_guess(session, ctx, row, text)
    return row


def _normalised_more(ctx: ServiceContext, ref: CustomerRef) -> list[tuple[IdentityKind, str]]:
    """The extra identities that can be read; one that cannot is left out (it stays in the
    message text), never a reason to refuse the inquiry."""
    found: list[tuple[IdentityKind, str]] = []
    for kind, raw in ref.more_identities:
        if not raw.strip():
            continue
        try:
            found.append((kind, normalise(kind, raw, ctx.settings.phone_region)))
        except InvalidIdentity:
            continue
    return found


def _attach_more(session: Session, ctx: ServiceContext, row: CustomerRow, ref: CustomerRef) -> None:
    _attach_free(session, row, _normalised_more(ctx, ref))


def _attach_free(session: Session, row: CustomerRow, pairs: list[tuple[IdentityKind, str]]) -> None:
    """Attach identities nobody holds yet; one held by another customer stays theirs (two
    people are never merged silently)."""
    assert row.id is not None
    for kind, value in pairs:
        taken = session.exec(
            select(IdentityRow.id).where(IdentityRow.kind == kind.value, IdentityRow.value == value)
        ).first()
        if taken is None:
            session.add(IdentityRow(customer_id=row.id, kind=kind.value, value=value))
            session.flush()


def _first_contact(session: Session, row: CustomerRow) -> bool:
    if row.language_source == "founder":
        return False
    earlier = session.exec(select(InquiryRow.id).where(InquiryRow.customer_id == row.id)).first()
    return earlier is None


def _apply_guess(session: Session, ctx: ServiceContext, row: CustomerRow, text: str) -> None:
    """Set a guessed language on ``row`` (never over the founder's choice)."""
    if row.language_source == "founder":
        return
    assert row.id is not None
    emails: list[str] = []
    phones: list[str] = []
    for identity in session.exec(select(IdentityRow).where(IdentityRow.customer_id == row.id)):
        if identity.kind == IdentityKind.EMAIL.value:
            emails.append(identity.value)
        elif identity.kind == IdentityKind.PHONE.value:
            phones.append(identity.value)
    guess = guess_for(text, emails=emails, phones=phones, default=ctx.settings.founder_language)
    if not guess.guessed:
        return
    row.language = guess.language.value
    row.language_source = "guess"
    row.language_reason = guess.reason


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
        language_source=row.language_source,
        language_reason=row.language_reason,
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
            if isinstance(figure, float | int) and not math.isfinite(figure):
                # inf/nan would later be written as invalid JSON (export, settings)
                raise InvalidInput(f"the {label} must be a finite number, not {figure}")
            if isinstance(figure, float | int) and figure < 0:
                raise InvalidInput(f"the {label} cannot be negative")
        with self.ctx.db.session() as session:
            row = surviving_customer(session, customer_id)
            if not isinstance(changes.name, Keep):
                if not changes.name.strip():
                    raise InvalidInput("a customer's name cannot be empty")
                row.name = changes.name.strip()
            if not isinstance(changes.language, Keep):
                # An explicit choice: no later guess may change it.
                row.language = changes.language.value
                row.language_source = "founder"
                row.language_reason = ""
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
            return [
                InquiryBrief(
                    id=i.id or 0,
                    channel=Channel(i.channel),
                    subject=i.subject,
                    kind=InquiryKind(i.kind),
                    status=Status(i.status),
                    received_at=i.received_at,
                )
                for i in rows
            ]

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

"""Finding a customer by who they are: one person, however many channels they use.

Every intake (mail, forms, calls, social conversations, the founder's own entries) names its
sender with a ``CustomerRef``; ``resolve_customer`` finds or creates the customer inside the
caller's transaction. An exact identity match always wins over a name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session, select

from soloservice.domain.identity import InvalidIdentity, format_phone, normalise
from soloservice.domain.types import (
    IdentityKind,
    Language,
)
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.language_id import guess_for
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


def identity_display(kind: IdentityKind, value: str) -> str:
    if kind is IdentityKind.PHONE:
        return format_phone(value)
    if kind in (IdentityKind.FACEBOOK, IdentityKind.INSTAGRAM, IdentityKind.X):
        return f"@{value}" if kind is not IdentityKind.FACEBOOK else value
    return value


def surviving_customer(session: Session, customer_id: int) -> CustomerRow:
    """The customer row for ``customer_id``, following merges to the one that survived, so an
    id the GUI held from before a merge still opens the right card."""
    return follow_merges(customer_id, lambda cid: session.get(CustomerRow, cid))


def follow_merges(customer_id: int, get: Callable[[int], CustomerRow | None]) -> CustomerRow:
    """The customer ``customer_id`` was merged into, through any chain of merges (a cycle is
    cut where it closes); ``get`` reads one row by id (the session, or a batch's cache)."""
    row = get(customer_id)
    seen: set[int] = set()
    while row is not None and row.merged_into_id is not None and row.id not in seen:
        seen.add(row.id or 0)
        row = get(row.merged_into_id)
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
            attach_identity(session, ctx, row, ref.identity_kind, ref.identity_value)
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


def attach_identity(
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

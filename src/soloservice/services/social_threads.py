"""Storing social conversations: one conversation is one inquiry, found again on every import.

One conversation is one inquiry, however long it runs; the founder's own messages are
stored as outgoing and count as responses. Each stored message leaves an ``import_key``
(``<platform>-export`` or ``<platform>-api``, keyed by the message's external id) and the
conversation one more (``<platform>-thread``, ``<origin>:<thread id>``) so the next import
or poll finds the inquiry again and adds only what is new. Exports and the Graph API number
Meta messages differently, so a message is also skipped when its inquiry already holds one
with the same content key (direction, second, text).

A customer is found by the platform identity: the @handle when the source has one, and the
platform's user id (stored as ``id:<number>``, which is also who a reply goes to). Facebook
exports carry only names; a name is trusted only when exactly one customer has it and that
customer already has a Facebook identity, otherwise a new customer is made, to be merged
by hand if it is the same person.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from soloservice.channels.social.model import SocialMessage, SocialThread
from soloservice.domain.identity import InvalidIdentity, normalise_handle
from soloservice.domain.types import Channel, Direction, IdentityKind, Status
from soloservice.services.context import ServiceContext
from soloservice.services.customer_identity import CustomerRef, resolve_customer
from soloservice.services.import_keys import is_imported, mark_imported
from soloservice.services.import_summary import ImportSummary
from soloservice.services.inquiries import InquiryService
from soloservice.services.inquiry_rules import (
    NewInquiry,
    detect_kind,
    inquiry_of_messages,
    make_snippet,
)
from soloservice.storage.channel_tables import ImportKeyRow
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow, MessageRow

ID_PREFIX = "id:"


def export_source(platform: Channel) -> str:
    return f"{platform.value}-export"


def api_source(platform: Channel) -> str:
    return f"{platform.value}-api"


def thread_source(platform: Channel) -> str:
    return f"{platform.value}-thread"


def _message_text(message: SocialMessage) -> str:
    extra = " ".join(f"[{kind}]" for kind in message.attachments)
    return "\n".join(part for part in (message.text.strip(), extra) if part)


def _stored_content_key(row: MessageRow) -> str:
    """The content key of a stored message, computed as for a fetched one."""
    return SocialMessage(
        external_id="",
        sender="",
        is_from_owner=row.direction == Direction.OUT.value,
        sent_at=row.sent_at,
        text=row.text,
    ).content_key


@dataclass
class ThreadCounts:
    """What one import or poll added, counted as it is stored."""

    rows: int = 0
    new_inquiries: int = 0
    added: int = 0
    duplicates: int = 0


class ThreadStore:
    """Stores fetched or exported conversations inside the caller's transaction."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.inquiries = InquiryService(ctx)

    def store(
        self,
        session: Session,
        thread: SocialThread,
        *,
        source: str,
        origin: str,
        owner_label: str = "",
        counts: ThreadCounts,
    ) -> None:
        platform = thread.platform
        counts.rows += len(thread.messages)
        thread_key = f"{origin}:{thread.thread_id}"
        inquiry = self._inquiry_of_thread(session, platform, thread_key, thread.messages)
        stored_keys: set[str] = set()
        latest: datetime | None = None
        if inquiry is not None:
            for stored in session.exec(
                select(MessageRow).where(MessageRow.inquiry_id == inquiry.id)
            ):
                stored_keys.add(_stored_content_key(stored))
                latest = stored.sent_at if latest is None else max(latest, stored.sent_at)
        fresh: list[SocialMessage] = []
        for message in thread.messages:
            if (
                message.content_key in stored_keys
                or self._known(session, source, message.external_id)
                or any(m.content_key == message.content_key for m in fresh)
            ):
                counts.duplicates += 1
                continue
            fresh.append(message)
        if not fresh:
            if inquiry is not None:
                self._remember_thread(session, platform, thread_key, inquiry)
            return
        if inquiry is not None:
            # A source that knows more (the API's @handle next to the archive's id) adds it.
            kind = IdentityKind(platform.value)
            for value in identity_values(thread.participant_handle, thread.participant_id):
                attach_if_free(session, inquiry.customer_id, kind, value)
        else:
            inquiry = self._new_inquiry(session, thread, fresh)
            counts.new_inquiries += 1
        for message in sorted(fresh, key=lambda m: m.sent_at):
            newest = latest is None or message.sent_at >= latest
            latest = message.sent_at if newest else latest
            row = self._add(session, inquiry, thread, message, owner_label, reopen=newest)
            session.add(
                ImportKeyRow(
                    source=source,
                    key=message.external_id,
                    message_row_id=row.id,
                    imported_at=self.ctx.now(),
                )
            )
            counts.added += 1
        self._remember_thread(session, platform, thread_key, inquiry)

    # -- finding what is there ---------------------------------------------------------------

    def _known(self, session: Session, source: str, external_id: str) -> bool:
        if is_imported(session, source, external_id):
            return True
        stored = session.exec(
            select(MessageRow.id).where(MessageRow.external_id == external_id)
        ).first()
        return stored is not None

    def _inquiry_of_thread(
        self,
        session: Session,
        platform: Channel,
        thread_key: str,
        messages: Iterable[SocialMessage],
    ) -> InquiryRow | None:
        keyed = session.exec(
            select(MessageRow.inquiry_id)
            .join(ImportKeyRow, col(ImportKeyRow.message_row_id) == col(MessageRow.id))
            .where(ImportKeyRow.source == thread_source(platform), ImportKeyRow.key == thread_key)
        ).first()
        if keyed is None:
            return inquiry_of_messages(session, [m.external_id for m in messages])
        return session.get(InquiryRow, keyed)

    def _remember_thread(
        self, session: Session, platform: Channel, thread_key: str, inquiry: InquiryRow
    ) -> None:
        source = thread_source(platform)
        if not is_imported(session, source, thread_key):
            mark_imported(session, source, thread_key, inquiry_id=inquiry.id, at=self.ctx.now())

    # -- customers ---------------------------------------------------------------------------

    def customer_for(self, session: Session, thread: SocialThread) -> int:
        kind = IdentityKind(thread.platform.value)
        values = identity_values(thread.participant_handle, thread.participant_id)
        for value in values:
            found = session.exec(
                select(IdentityRow).where(
                    IdentityRow.kind == kind.value, IdentityRow.value == value
                )
            ).first()
            if found is not None:
                for other in values:
                    attach_if_free(session, found.customer_id, kind, other)
                return found.customer_id
        name = (thread.participant_name or "").strip()
        if not values and thread.platform is Channel.FACEBOOK and name:
            same_name = session.exec(
                select(CustomerRow.id)
                .join(IdentityRow, col(IdentityRow.customer_id) == col(CustomerRow.id))
                .where(
                    CustomerRow.name == name,
                    col(CustomerRow.merged_into_id).is_(None),
                    IdentityRow.kind == IdentityKind.FACEBOOK.value,
                )
                .distinct()
            ).all()
            named = session.exec(
                select(func.count())
                .select_from(CustomerRow)
                .where(CustomerRow.name == name, col(CustomerRow.merged_into_id).is_(None))
            ).one()
            if len(same_name) == 1 and named == 1 and same_name[0] is not None:
                return same_name[0]
        ref = CustomerRef(
            name=name or (f"@{thread.participant_handle}" if thread.participant_handle else ""),
            identity_kind=kind if values else None,
            identity_value=values[0] if values else "",
        )
        if not ref.name and not values:
            ref = CustomerRef(name=f"{thread.platform.value.title()} {thread.thread_id}")
        row = resolve_customer(session, self.ctx, ref)
        assert row.id is not None
        for other in values[1:]:
            attach_if_free(session, row.id, kind, other)
        return row.id

    # -- storing -----------------------------------------------------------------------------

    def _new_inquiry(
        self, session: Session, thread: SocialThread, fresh: list[SocialMessage]
    ) -> InquiryRow:
        customer_id = self.customer_for(session, thread)
        incoming = [m for m in fresh if not m.is_from_owner]
        first = min(incoming or fresh, key=lambda m: m.sent_at)
        who = thread.participant_name or thread.participant_handle or "?"
        subject = make_snippet(_message_text(first))[:80] if incoming else ""
        return self.inquiries.create_in(
            session,
            NewInquiry(
                customer=CustomerRef(customer_id=customer_id),
                channel=thread.platform,
                subject=subject or f"{thread.platform.value.title()} conversation with {who}",
                received_at=first.sent_at,
            ),
        )

    def _add(
        self,
        session: Session,
        inquiry: InquiryRow,
        thread: SocialThread,
        message: SocialMessage,
        owner_label: str,
        *,
        reopen: bool,
    ) -> MessageRow:
        """Store one message; ``reopen`` when it is the customer's newest word (a reply is
        owed again, and a resolved inquiry opens)."""
        assert inquiry.id is not None
        text = _message_text(message)
        outgoing = message.is_from_owner
        author = (
            self.ctx.settings.founder_name or owner_label or message.sender
            if outgoing
            else thread.participant_name or message.sender
        )
        row = MessageRow(
            inquiry_id=inquiry.id,
            direction=message.direction.value,
            channel=thread.platform.value,
            author=author,
            text=text,
            sent_at=message.sent_at,
            external_id=message.external_id,
        )
        session.add(row)
        session.flush()
        if outgoing:
            if message.sent_at >= inquiry.received_at:
                self.inquiries.record_reply_in(session, inquiry, message.sent_at)
            elif inquiry.status == Status.NEW.value:
                self.inquiries.set_status_in(session, inquiry, Status.OPEN)
        else:
            if not inquiry.automatic_reason:
                detect_kind(inquiry, "", text)  # "it broke after all" makes it a complaint
            if message.sent_at >= inquiry.last_activity_at or not inquiry.snippet:
                inquiry.snippet = make_snippet(text)
            if reopen:
                self._customer_wrote_back(session, inquiry, message.sent_at)
        inquiry.last_activity_at = max(inquiry.last_activity_at, message.sent_at)
        return row

    def _customer_wrote_back(self, session: Session, inquiry: InquiryRow, at: datetime) -> None:
        """As for mail: a reply is owed again from this message; a resolved one reopens."""
        self.inquiries.record_customer_message_in(session, inquiry, at)


def identity_values(handle: str | None, participant_id: str | None) -> list[str]:
    """The identity values a participant is known by: the handle, then ``id:<id>``."""
    values: list[str] = []
    if handle:
        with contextlib.suppress(InvalidIdentity):
            values.append(normalise_handle(handle))
    if participant_id:
        values.append(ID_PREFIX + participant_id.strip().lower())
    return values


def attach_if_free(session: Session, customer_id: int, kind: IdentityKind, value: str) -> None:
    taken = session.exec(
        select(IdentityRow.id).where(IdentityRow.kind == kind.value, IdentityRow.value == value)
    ).first()
    if taken is None:
        session.add(IdentityRow(customer_id=customer_id, kind=kind.value, value=value))


def import_summary(counts: ThreadCounts, errors: list[str] | None = None) -> ImportSummary:
    return ImportSummary(
        rows=counts.rows,
        new_inquiries=counts.new_inquiries,
        added=counts.added,
        duplicates=counts.duplicates,
        errors=errors or [],
    )

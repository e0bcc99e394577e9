"""Facebook, Instagram and X conversations in the inbox: export imports and live connectors.

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
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from soloservice.channels.social.errors import (
    ExportFormatError,
    RateLimited,
    ReplyNotAllowed,
    SocialApiError,
    TokenExpired,
)
from soloservice.channels.social.exports import OwnerUnknown, SocialExport, read_export
from soloservice.channels.social.graph import GraphClient
from soloservice.channels.social.http import build_url
from soloservice.channels.social.model import SocialMessage, SocialSync, SocialThread
from soloservice.channels.social.xapi import XClient
from soloservice.domain.identity import InvalidIdentity, normalise_handle
from soloservice.domain.types import Channel, Direction, IdentityKind, Status
from soloservice.services.context import ServiceContext
from soloservice.services.customers import CustomerRef, resolve_customer
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.forms import ImportFailed, ImportSummary
from soloservice.services.inquiries import (
    InquiryService,
    NewInquiry,
    detect_kind,
    make_snippet,
)
from soloservice.services.secrets import SecretPlace, SecretStore, SecretUnavailable
from soloservice.storage.channel_tables import ImportKeyRow, SocialAccountRow
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow, MessageRow

EXPORT_ORIGIN = "export"
ID_PREFIX = "id:"
TOKEN_EXPIRED = "token expired — renew it"


class OwnerNeeded(ImportFailed):
    """Which participant is the founder cannot be told from the export: pick one."""

    def __init__(self, message: str, candidates: tuple[str, ...]) -> None:
        super().__init__(message)
        self.candidates = candidates


def parse_platform(text: str | Channel) -> Channel:
    try:
        channel = Channel(str(text).strip().lower())
    except ValueError:
        channel = None
    if channel is None or not channel.is_social:
        raise InvalidInput(f"unknown platform {text!r} (use facebook, instagram or x)")
    return channel


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
class _Counts:
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
        counts: _Counts,
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
            row = self._add(
                session, inquiry, thread, message, owner_label, reopen=newest
            )
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
        keyed = session.exec(
            select(ImportKeyRow.id).where(
                ImportKeyRow.source == source, ImportKeyRow.key == external_id
            )
        ).first()
        if keyed is not None:
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
            ids = [m.external_id for m in messages]
            if ids:
                keyed = session.exec(
                    select(MessageRow.inquiry_id)
                    .where(col(MessageRow.external_id).in_(ids))
                    .order_by(col(MessageRow.id).desc())
                ).first()
        return session.get(InquiryRow, keyed) if keyed is not None else None

    def _remember_thread(
        self, session: Session, platform: Channel, thread_key: str, inquiry: InquiryRow
    ) -> None:
        source = thread_source(platform)
        exists = session.exec(
            select(ImportKeyRow.id).where(
                ImportKeyRow.source == source, ImportKeyRow.key == thread_key
            )
        ).first()
        if exists is not None:
            return
        session.flush()
        first = session.exec(
            select(MessageRow.id)
            .where(MessageRow.inquiry_id == inquiry.id)
            .order_by(col(MessageRow.id))
        ).first()
        if first is not None:
            session.add(
                ImportKeyRow(
                    source=source, key=thread_key, message_row_id=first, imported_at=self.ctx.now()
                )
            )

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


def _summary(counts: _Counts, errors: list[str] | None = None) -> ImportSummary:
    return ImportSummary(
        rows=counts.rows,
        new_inquiries=counts.new_inquiries,
        added=counts.added,
        duplicates=counts.duplicates,
        errors=errors or [],
    )


# -- exports -------------------------------------------------------------------------------------


class SocialImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.store = ThreadStore(ctx)

    def read(
        self, platform: Channel | str, path: Path | str, owner: str | None = None
    ) -> SocialExport:
        """Read an export without storing it (the GUI shows what it holds first)."""
        channel = parse_platform(platform)
        try:
            if channel is Channel.X:
                return read_export(channel, Path(path), owner_id=owner)
            return read_export(channel, Path(path), owner_name=owner)
        except OwnerUnknown as exc:
            raise OwnerNeeded(f"{exc} (give it with --owner)", exc.candidates) from exc
        except ExportFormatError as exc:
            raise ImportFailed(str(exc)) from exc

    def import_export(
        self, platform: Channel | str, path: Path | str, owner: str | None = None
    ) -> ImportSummary:
        """Import a "Download your information" export or X archive, in one transaction.

        ``owner`` is the page/account name for Facebook and Instagram, the account id for
        X; without it, it is inferred from the export.
        """
        export = self.read(platform, path, owner)
        counts = _Counts()
        source = export_source(export.platform)
        with self.ctx.db.session() as session:
            for thread in export.threads:
                self.store.store(
                    session,
                    thread,
                    source=source,
                    origin=EXPORT_ORIGIN,
                    owner_label=export.owner,
                    counts=counts,
                )
        errors = []
        if export.skipped_messages:
            errors.append(f"{export.skipped_messages} unsent or empty messages were skipped")
        return _summary(counts, errors)


# -- live connectors -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SocialAccountView:
    id: int
    name: str
    platform: Channel
    account_ref: str
    token_env: str | None
    base_url: str | None
    cursor: str | None
    enabled: bool
    last_sync_at: datetime | None
    last_error: str | None


@dataclass(frozen=True)
class PollSummary:
    """One poll. ``ok`` False leaves everything stored as it was; ``retry_after`` (seconds)
    is set when the platform asked to wait, ``error`` says what to do otherwise."""

    account: str
    platform: Channel
    ok: bool
    threads: int = 0
    new_inquiries: int = 0
    added: int = 0
    duplicates: int = 0
    cursor: str | None = None
    retry_after: float | None = None
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "platform": self.platform.value,
            "ok": self.ok,
            "threads": self.threads,
            "new_inquiries": self.new_inquiries,
            "added": self.added,
            "duplicates": self.duplicates,
            "cursor": self.cursor,
            "retry_after": self.retry_after,
            "error": self.error,
        }


@dataclass(frozen=True)
class ReplyResult:
    """``sent`` True: the platform took the reply and it is recorded. Otherwise the GUI
    copies ``text`` to the clipboard and opens ``open_url``; ``reason`` says why, and
    ``record_manual_reply`` stores the reply once it is sent by hand."""

    sent: bool
    text: str
    open_url: str | None = None
    reason: str | None = None
    detail: InquiryDetail | None = None


def secret_key(account_name: str) -> str:
    return f"social:{account_name}"


def _view(row: SocialAccountRow) -> SocialAccountView:
    assert row.id is not None
    return SocialAccountView(
        id=row.id,
        name=row.name,
        platform=Channel(row.platform),
        account_ref=row.account_ref,
        token_env=row.token_env,
        base_url=row.base_url,
        cursor=row.cursor,
        enabled=row.enabled,
        last_sync_at=row.last_sync_at,
        last_error=row.last_error,
    )


def _refs(platform: Channel, account_ref: str) -> tuple[str, tuple[str, ...]]:
    """``PAGE_ID`` or ``PAGE_ID:INSTAGRAM_ACCOUNT_ID`` -> (page id, other own ids)."""
    first, _, second = account_ref.partition(":")
    return first.strip(), ((second.strip(),) if second.strip() else ())


@dataclass
class _Target:
    account: SocialAccountRow | None = None
    recipient_id: str | None = None
    handle: str | None = None
    thread_id: str | None = None
    notes: list[str] = field(default_factory=list)


class SocialAccountService:
    def __init__(self, ctx: ServiceContext, secrets: SecretStore) -> None:
        self.ctx = ctx
        self.secrets = secrets
        self.store = ThreadStore(ctx)
        self.inquiries = InquiryService(ctx)

    # -- accounts ------------------------------------------------------------------------------

    def add(
        self,
        name: str,
        platform: Channel | str,
        account_ref: str,
        *,
        token: str | None = None,
        token_env: str | None = None,
        base_url: str | None = None,
        place: SecretPlace = SecretPlace.KEYRING,
    ) -> tuple[SocialAccountView, SecretPlace | None]:
        """Connect an account; returns where the token went (None: it comes from the
        environment variable ``token_env``).

        ``account_ref`` is the Facebook page id; for Instagram ``PAGE_ID:INSTAGRAM_ID``
        (messages from the Instagram business account are the founder's); for X the
        account's own user id.
        """
        channel = parse_platform(platform)
        clean = name.strip()
        if not clean or ":" in clean or any(ch.isspace() for ch in clean):
            raise InvalidInput("an account name must be one word without ':' (e.g. shop-fb)")
        page, others = _refs(channel, account_ref)
        if not page:
            raise InvalidInput("give the account id (--account-ref)")
        if channel is Channel.INSTAGRAM and not others:
            raise InvalidInput(
                "for Instagram give --account-ref PAGE_ID:INSTAGRAM_ACCOUNT_ID, so the "
                "founder's own messages are told from the customer's"
            )
        if base_url:
            try:
                build_url(base_url, "/")
            except ValueError as exc:
                raise InvalidInput(str(exc)) from exc
        env = (token_env or "").strip() or None
        if token is None and env is None:
            raise InvalidInput("give a token, or --token-env VAR naming where it is")
        with self.ctx.db.session() as session:
            if session.exec(select(SocialAccountRow).where(SocialAccountRow.name == clean)).first():
                raise InvalidInput(f"a social account named {clean!r} exists already")
            row = SocialAccountRow(
                name=clean,
                platform=channel.value,
                account_ref=account_ref.strip(),
                token_env=env,
                base_url=(base_url or "").strip() or None,
                created_at=self.ctx.now(),
            )
            session.add(row)
            session.flush()
            view = _view(row)
        stored = self.secrets.put(secret_key(clean), token, place) if token else None
        return view, stored

    def accounts(self) -> list[SocialAccountView]:
        with self.ctx.db.session() as session:
            rows = session.exec(select(SocialAccountRow).order_by(col(SocialAccountRow.name)))
            return [_view(row) for row in rows]

    def remove(self, name: str) -> None:
        with self.ctx.db.session() as session:
            session.delete(self._row(session, name))
        self.secrets.delete(secret_key(name))

    def set_token(
        self, name: str, token: str, place: SecretPlace = SecretPlace.KEYRING
    ) -> SecretPlace:
        """A renewed token; clears the "token expired" error."""
        with self.ctx.db.session() as session:
            row = self._row(session, name)
            row.last_error = None
        return self.secrets.put(secret_key(name), token, place)

    def _row(self, session: Session, name: str) -> SocialAccountRow:
        row = session.exec(select(SocialAccountRow).where(SocialAccountRow.name == name)).first()
        if row is None:
            raise NotFound(f"no social account named {name!r}")
        return row

    # -- polling -------------------------------------------------------------------------------

    def _client(self, row: SocialAccountRow) -> GraphClient | XClient:
        token = self.secrets.get(secret_key(row.name), row.token_env)
        channel = Channel(row.platform)
        page, others = _refs(channel, row.account_ref)
        if channel is Channel.X:
            if row.base_url:
                return XClient(token, page, base_url=row.base_url)
            return XClient(token, page)
        if row.base_url:
            return GraphClient(page, token, base_url=row.base_url, owner_ids=others)
        return GraphClient(page, token, owner_ids=others)

    def _fetch(self, row: SocialAccountRow) -> SocialSync:
        client = self._client(row)
        if isinstance(client, XClient):
            return client.dm_threads(since=row.cursor)
        return client.conversations(Channel(row.platform), since=row.cursor)

    def poll(self, name: str) -> PollSummary:
        """Fetch what is new and store it with the new cursor in one transaction.

        Any failure stores nothing and keeps the cursor, so the next poll fetches the same
        messages again: nothing is lost. The failure is kept on the account for the GUI.
        """
        with self.ctx.db.session() as session:
            row = self._row(session, name)
        channel = Channel(row.platform)
        try:
            sync = self._fetch(row)
        except RateLimited as exc:
            message = f"rate limited — retry after {exc.retry_after:.0f} s"
            self._failed(name, message)
            return PollSummary(name, channel, False, retry_after=exc.retry_after, error=message)
        except TokenExpired:
            self._failed(name, TOKEN_EXPIRED)
            return PollSummary(name, channel, False, error=TOKEN_EXPIRED)
        except (SocialApiError, SecretUnavailable, ValueError) as exc:
            self._failed(name, str(exc))
            return PollSummary(name, channel, False, error=str(exc))
        counts = _Counts()
        with self.ctx.db.session() as session:
            row = self._row(session, name)
            for thread in sync.threads:
                self.store.store(
                    session,
                    thread,
                    source=api_source(channel),
                    origin=row.name,
                    owner_label=row.name,
                    counts=counts,
                )
            row.cursor = sync.cursor
            row.last_sync_at = self.ctx.now()
            row.last_error = None
        return PollSummary(
            name,
            channel,
            True,
            threads=len(sync.threads),
            new_inquiries=counts.new_inquiries,
            added=counts.added,
            duplicates=counts.duplicates,
            cursor=sync.cursor,
        )

    def poll_all(self) -> list[PollSummary]:
        return [self.poll(view.name) for view in self.accounts() if view.enabled]

    def _failed(self, name: str, message: str) -> None:
        with self.ctx.db.session() as session:
            self._row(session, name).last_error = message

    # -- replying ------------------------------------------------------------------------------

    def reply(self, inquiry_id: int, text: str) -> ReplyResult:
        """Send through the platform when it allows; otherwise say where to paste it."""
        body = text.strip()
        if not body:
            raise InvalidInput("a reply cannot be empty")
        with self.ctx.db.session() as session:
            inquiry = self.inquiries.row(session, inquiry_id)
            channel = Channel(inquiry.channel)
            if not channel.is_social:
                raise InvalidInput(
                    f"inquiry {inquiry_id} came by {channel.value}; only social replies go here"
                )
            target = self._target(session, inquiry)
        url = open_url(channel, target.handle, target.recipient_id, target.thread_id)
        if target.account is None or target.recipient_id is None:
            reason = "no live connection for this conversation"
            return ReplyResult(False, body, url, reason)
        account = target.account
        try:
            client = self._client(account)
            sent_id = client.send_message(target.recipient_id, body)
        except ReplyNotAllowed as exc:
            return ReplyResult(False, body, url, exc.message)
        except TokenExpired:
            self._failed(account.name, TOKEN_EXPIRED)
            return ReplyResult(False, body, url, TOKEN_EXPIRED)
        except (SocialApiError, SecretUnavailable, ValueError) as exc:
            return ReplyResult(False, body, url, str(exc))
        external_id = (
            f"x:dm:{sent_id}" if channel is Channel.X else f"{channel.value}:graph:{sent_id}"
        )
        with self.ctx.db.session() as session:
            inquiry = self.inquiries.row(session, inquiry_id)
            self.inquiries.add_outgoing_in(session, inquiry, body, external_id=external_id)
            detail = self.inquiries.detail_of(session, inquiry)
        return ReplyResult(True, body, None, None, detail)

    def record_manual_reply(self, inquiry_id: int, text: str) -> InquiryDetail:
        """The founder pasted the reply on the platform; it counts as the response."""
        return self.inquiries.record_reply(inquiry_id, text)

    def _target(self, session: Session, inquiry: InquiryRow) -> _Target:
        channel = Channel(inquiry.channel)
        target = _Target()
        identities = session.exec(
            select(IdentityRow.value)
            .where(
                IdentityRow.customer_id == inquiry.customer_id, IdentityRow.kind == channel.value
            )
            .order_by(col(IdentityRow.id).desc())
        ).all()
        target.recipient_id = next(
            (v[len(ID_PREFIX) :] for v in identities if v.startswith(ID_PREFIX)), None
        )
        target.handle = next((v for v in identities if not v.startswith(ID_PREFIX)), None)
        keys = session.exec(
            select(ImportKeyRow.key)
            .join(MessageRow, col(MessageRow.id) == col(ImportKeyRow.message_row_id))
            .where(
                MessageRow.inquiry_id == inquiry.id,
                ImportKeyRow.source == thread_source(channel),
            )
            .order_by(col(ImportKeyRow.id).desc())
        ).all()
        accounts = {
            row.name: row
            for row in session.exec(
                select(SocialAccountRow).where(
                    SocialAccountRow.platform == channel.value,
                    col(SocialAccountRow.enabled).is_(True),
                )
            )
        }
        for key in keys:
            origin, _, thread_id = key.partition(":")
            target.thread_id = target.thread_id or thread_id
            if origin in accounts and target.account is None:
                target.account = accounts[origin]
                target.thread_id = thread_id
        if target.account is None and len(accounts) == 1:
            target.account = next(iter(accounts.values()))
        if (
            channel is Channel.X
            and target.recipient_id is None
            and target.thread_id
            and target.account
        ):
            own = _refs(channel, target.account.account_ref)[0]
            ids = [p for p in target.thread_id.split("-") if p and p != own]
            target.recipient_id = ids[0] if len(ids) == 1 else None
        return target


def open_url(
    channel: Channel,
    handle: str | None,
    recipient_id: str | None = None,
    thread_id: str | None = None,
) -> str:
    """Where the founder answers by hand: the conversation when it can be linked to."""
    if channel is Channel.X:
        if thread_id and "-" in thread_id:
            return f"https://x.com/messages/{thread_id}"
        if recipient_id:
            return f"https://x.com/messages/compose?recipient_id={recipient_id}"
        return f"https://x.com/{handle}" if handle else "https://x.com/messages"
    if channel is Channel.INSTAGRAM:
        return f"https://ig.me/m/{handle}" if handle else "https://www.instagram.com/direct/inbox/"
    if handle:
        return f"https://m.me/{handle}"
    return "https://business.facebook.com/latest/inbox/messenger"

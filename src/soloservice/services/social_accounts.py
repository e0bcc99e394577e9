"""Live social connectors: connected accounts, polling the Graph and X APIs, replying.

A poll that fails leaves everything stored as it was; a reply the platform will not take
(outside its reply window, no recipient) falls back to the founder answering by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from soloservice.channels.social.errors import (
    RateLimited,
    ReplyNotAllowed,
    SocialApiError,
    TokenExpired,
)
from soloservice.channels.social.graph import GraphClient
from soloservice.channels.social.http import build_url
from soloservice.channels.social.model import SocialSync
from soloservice.channels.social.xapi import XClient
from soloservice.domain.types import Channel
from soloservice.services.context import ServiceContext
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.inquiries import (
    InquiryService,
)
from soloservice.services.secrets import SecretPlace, SecretStore, SecretUnavailable
from soloservice.services.social import (
    TOKEN_EXPIRED,
    AccountInputError,
    AccountProblem,
    parse_platform,
    token_missing,
)
from soloservice.services.social_dto import (
    PollSummary,
    ReplyResult,
    SocialAccountView,
    account_view,
    secret_key,
)
from soloservice.services.social_threads import (
    ID_PREFIX,
    ThreadCounts,
    ThreadStore,
    api_source,
    thread_source,
)
from soloservice.storage.channel_tables import ImportKeyRow, SocialAccountRow
from soloservice.storage.tables import IdentityRow, InquiryRow, MessageRow


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
            raise AccountInputError(
                "an account name must be one word without ':' (e.g. shop-fb)",
                AccountProblem.BAD_NAME,
                clean,
            )
        page, others = _refs(channel, account_ref)
        if not page:
            raise AccountInputError(
                "give the account id (--account-ref)", AccountProblem.NO_ACCOUNT_REF
            )
        if channel is Channel.INSTAGRAM and not others:
            raise AccountInputError(
                "for Instagram give --account-ref PAGE_ID:INSTAGRAM_ACCOUNT_ID, so the "
                "founder's own messages are told from the customer's",
                AccountProblem.INSTAGRAM_REF,
            )
        if base_url:
            try:
                build_url(base_url, "/")
            except ValueError as exc:
                raise AccountInputError(
                    str(exc), AccountProblem.BAD_BASE_URL, base_url.strip()
                ) from exc
        env = (token_env or "").strip() or None
        if token is None and env is None:
            raise AccountInputError(
                "give a token, or --token-env VAR naming where it is", AccountProblem.NO_TOKEN
            )
        with self.ctx.db.session() as session:
            if session.exec(select(SocialAccountRow).where(SocialAccountRow.name == clean)).first():
                raise AccountInputError(
                    f"a social account named {clean!r} exists already",
                    AccountProblem.NAME_TAKEN,
                    clean,
                )
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
            view = account_view(row)
        stored = self.secrets.put(secret_key(clean), token, place) if token else None
        return view, stored

    def accounts(self) -> list[SocialAccountView]:
        with self.ctx.db.session() as session:
            rows = session.exec(select(SocialAccountRow).order_by(col(SocialAccountRow.name)))
            return [account_view(row) for row in rows]

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
        try:
            token = self.secrets.get(secret_key(row.name), row.token_env)
        except SecretUnavailable as exc:
            raise SecretUnavailable(token_missing(row.token_env)) from exc
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
        counts = ThreadCounts()
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

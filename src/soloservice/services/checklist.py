"""The channel checklist: every place customers reach the founder, checked at least weekly.

Channels SoloService cannot sync (a social account without a connector, a review site, a
voicemail box) are "check by hand" items the founder ticks during the weekly review; each tick
is kept with its date. Synced channels (mail accounts, social connectors) show their last
successful sync and the error since, if any. Anything not checked or synced for more than
``STALE_AFTER`` is flagged: an unread channel is where a silent customer gives up.

Disabled accounts are left out: the founder turned them off on purpose.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import func
from sqlmodel import Session, col, select

from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput
from soloservice.services.rows import row_or_not_found
from soloservice.storage.channel_tables import ChannelCheckRow, ChannelTickRow, SocialAccountRow
from soloservice.storage.mail_tables import MailAccountRow

STALE_AFTER = timedelta(days=7)

ChannelKind = Literal["manual", "mail", "social"]


@dataclass(frozen=True)
class CheckItem:
    """A hand-checked channel with its latest tick."""

    id: int
    name: str
    channel: str
    url: str
    archived: bool
    created_at: datetime
    last_ticked_at: datetime | None
    last_note: str


@dataclass(frozen=True)
class Tick:
    id: int
    check_id: int
    at: datetime
    note: str


@dataclass(frozen=True)
class ChannelStatus:
    """One line of the checklist. ``check_id`` is set for manual items (they can be ticked)."""

    name: str
    kind: ChannelKind
    last_checked_or_synced: datetime | None
    errors_since: str | None
    flagged: bool
    check_id: int | None = None
    account_id: int | None = None
    detail: str = ""


def is_stale(last: datetime | None, now: datetime) -> bool:
    return last is None or now - last > STALE_AFTER


def _synced(
    kind: ChannelKind, account: MailAccountRow | SocialAccountRow, detail: str, now: datetime
) -> ChannelStatus:
    """A synced channel's line: stale when its last sync is too long ago, with its error."""
    return ChannelStatus(
        name=account.name,
        kind=kind,
        last_checked_or_synced=account.last_sync_at,
        errors_since=account.last_error or None,
        flagged=is_stale(account.last_sync_at, now),
        account_id=account.id,
        detail=detail,
    )


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput("a channel to check needs a name")
    return cleaned


class ChecklistService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _row(self, session: Session, check_id: int) -> ChannelCheckRow:
        return row_or_not_found(session, ChannelCheckRow, check_id, "channel to check")

    def _name_taken(self, session: Session, name: str, except_id: int | None = None) -> bool:
        query = select(ChannelCheckRow.id).where(func.lower(ChannelCheckRow.name) == name.lower())
        return any(found != except_id for found in session.exec(query))

    def _item(self, session: Session, row: ChannelCheckRow) -> CheckItem:
        assert row.id is not None
        tick = session.exec(
            select(ChannelTickRow)
            .where(ChannelTickRow.check_id == row.id)
            .order_by(col(ChannelTickRow.at).desc(), col(ChannelTickRow.id).desc())
        ).first()
        return CheckItem(
            id=row.id,
            name=row.name,
            channel=row.channel,
            url=row.url,
            archived=row.archived,
            created_at=row.created_at,
            last_ticked_at=tick.at if tick is not None else None,
            last_note=tick.note if tick is not None else "",
        )

    # -- manual channels -------------------------------------------------------------------

    def add(self, name: str, *, url: str = "", channel: str = "") -> CheckItem:
        cleaned = _clean_name(name)
        with self.ctx.db.session() as session:
            if self._name_taken(session, cleaned):
                raise InvalidInput(f"there is already a channel to check named {cleaned!r}")
            row = ChannelCheckRow(
                name=cleaned,
                url=url.strip(),
                channel=channel.strip().lower()[:16],
                created_at=self.ctx.now(),
            )
            session.add(row)
            session.flush()
            return self._item(session, row)

    def rename(self, check_id: int, name: str) -> CheckItem:
        cleaned = _clean_name(name)
        with self.ctx.db.session() as session:
            row = self._row(session, check_id)
            if self._name_taken(session, cleaned, except_id=check_id):
                raise InvalidInput(f"there is already a channel to check named {cleaned!r}")
            row.name = cleaned
            return self._item(session, row)

    def archive(self, check_id: int, archived: bool = True) -> CheckItem:
        """Archived items leave the checklist; their ticks are kept."""
        with self.ctx.db.session() as session:
            row = self._row(session, check_id)
            row.archived = archived
            return self._item(session, row)

    def list(self, *, include_archived: bool = False) -> list[CheckItem]:
        with self.ctx.db.session() as session:
            query = select(ChannelCheckRow).order_by(
                func.lower(ChannelCheckRow.name), col(ChannelCheckRow.id)
            )
            if not include_archived:
                query = query.where(col(ChannelCheckRow.archived).is_(False))
            return [self._item(session, row) for row in session.exec(query)]

    def tick(self, check_id: int, note: str = "") -> Tick:
        """Record that the founder looked at this channel now."""
        with self.ctx.db.session() as session:
            row = self._row(session, check_id)
            if row.archived:
                raise InvalidInput(f"{row.name!r} is archived; restore it before ticking it")
            tick = ChannelTickRow(check_id=check_id, at=self.ctx.now(), note=note.strip())
            session.add(tick)
            session.flush()
            assert tick.id is not None
            return Tick(id=tick.id, check_id=check_id, at=tick.at, note=tick.note)

    def ticks(self, check_id: int) -> builtins.list[Tick]:
        with self.ctx.db.session() as session:
            self._row(session, check_id)
            return [
                Tick(id=t.id or 0, check_id=t.check_id, at=t.at, note=t.note)
                for t in session.exec(
                    select(ChannelTickRow)
                    .where(ChannelTickRow.check_id == check_id)
                    .order_by(col(ChannelTickRow.at), col(ChannelTickRow.id))
                )
            ]

    # -- everything, for the review --------------------------------------------------------

    def status(self, now: datetime | None = None) -> builtins.list[ChannelStatus]:
        """Synced channels first (mail, then social), then the hand-checked ones by name."""
        moment = now or self.ctx.now()
        out: list[ChannelStatus] = []
        with self.ctx.db.session() as session:
            mail = session.exec(
                select(MailAccountRow)
                .where(col(MailAccountRow.enabled).is_(True))
                .order_by(col(MailAccountRow.name))
            )
            out.extend(_synced("mail", a, a.email, moment) for a in mail)
            social = session.exec(
                select(SocialAccountRow)
                .where(col(SocialAccountRow.enabled).is_(True))
                .order_by(col(SocialAccountRow.name))
            )
            out.extend(_synced("social", c, c.platform, moment) for c in social)
        for item in self.list():
            out.append(
                ChannelStatus(
                    name=item.name,
                    kind="manual",
                    last_checked_or_synced=item.last_ticked_at,
                    errors_since=None,
                    flagged=is_stale(item.last_ticked_at, moment),
                    check_id=item.id,
                    detail=item.url or item.channel,
                )
            )
        return out

"""Conversations read from a platform, whether from an export file or a live API.

``external_id`` identifies a message within its source (export or API) so importing the
same data twice adds nothing. The two sources number messages differently, so
:attr:`SocialMessage.content_key` gives the lead a source-independent key (direction,
second, text) to recognise a message already imported from the other one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from soloservice.domain.types import Channel, Direction


@dataclass(frozen=True)
class SocialMessage:
    external_id: str
    sender: str
    is_from_owner: bool
    sent_at: datetime
    text: str
    attachments: tuple[str, ...] = ()

    @property
    def direction(self) -> Direction:
        return Direction.OUT if self.is_from_owner else Direction.IN

    @property
    def content_key(self) -> str:
        second = self.sent_at.astimezone(UTC).replace(microsecond=0).isoformat()
        canonical = f"{self.direction.value}\x1f{second}\x1f{' '.join(self.text.split())}"
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class SocialThread:
    """One conversation between the owner (page/account) and a customer.

    ``participant_handle`` is the normalised @handle when the source has one (Instagram
    usernames, X usernames from the API); Facebook only gives names and page-scoped ids.
    """

    platform: Channel
    thread_id: str
    participant_name: str | None
    participant_handle: str | None
    participant_id: str | None
    messages: tuple[SocialMessage, ...]
    others: tuple[str, ...] = ()

    @property
    def last_message_at(self) -> datetime | None:
        return max((m.sent_at for m in self.messages), default=None)


@dataclass(frozen=True)
class SocialSync:
    """One poll of a live connector; pass ``cursor`` as ``since`` next time.

    The cursor is opaque to callers: Graph's newest ``updated_time``, X's newest event id.
    It stays the same as the ``since`` passed in when nothing new arrived.
    """

    threads: tuple[SocialThread, ...]
    cursor: str | None


@dataclass(frozen=True)
class SocialExport:
    """What one export file held: whose it is, its conversations, and how many messages
    were passed over (unsent ones, or empty ones without an attachment)."""

    platform: Channel
    owner: str
    threads: tuple[SocialThread, ...]
    skipped_messages: int = 0

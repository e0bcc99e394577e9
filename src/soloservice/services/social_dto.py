"""What the live social connectors return: accounts, polls and replies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from soloservice.domain.types import Channel
from soloservice.services.dto import InquiryDetail
from soloservice.storage.channel_tables import SocialAccountRow


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


def account_view(row: SocialAccountRow) -> SocialAccountView:
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

"""Quick capture: anything the connectors cannot fetch, pasted in by hand.

A comment under a post, a review, a DM read on the phone: the founder pastes the text and
the person's handle or profile link. The handle is what links it to the customer, so links
are reduced to the same normalised handle the connectors and exports produce.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from datetime import UTC, datetime

from soloservice.domain.identity import InvalidIdentity, normalise_handle
from soloservice.domain.types import Channel

_HOSTS: dict[str, Channel] = {
    "facebook.com": Channel.FACEBOOK,
    "fb.com": Channel.FACEBOOK,
    "fb.me": Channel.FACEBOOK,
    "m.me": Channel.FACEBOOK,
    "messenger.com": Channel.FACEBOOK,
    "instagram.com": Channel.INSTAGRAM,
    "instagr.am": Channel.INSTAGRAM,
    "x.com": Channel.X,
    "twitter.com": Channel.X,
}
_NOT_PROFILES: dict[Channel, frozenset[str]] = {
    Channel.FACEBOOK: frozenset(
        {"groups", "events", "watch", "marketplace", "photo", "photo.php", "story.php",
         "permalink.php", "sharer", "sharer.php", "share", "hashtag", "login", "help",
         "pages", "reel", "reels", "search", "notifications", "messages", "home.php", "t"}
    ),
    Channel.INSTAGRAM: frozenset(
        {"p", "reel", "reels", "tv", "stories", "explore", "direct", "accounts", "about",
         "developer", "legal"}
    ),
    Channel.X: frozenset(
        {"i", "home", "explore", "notifications", "messages", "search", "intent", "share",
         "settings", "hashtag", "compose", "login", "signup", "tos", "privacy"}
    ),
}  # fmt: skip
_VALID: dict[Channel, re.Pattern[str]] = {
    Channel.FACEBOOK: re.compile(r"^[a-z0-9.\-_]{1,80}$"),
    Channel.INSTAGRAM: re.compile(r"^[a-z0-9._]{1,30}$"),
    Channel.X: re.compile(r"^[a-z0-9_]{1,15}$"),
}
_URLISH = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)*[a-z0-9-]+\.[a-z]{2,}(?:/|$)", re.I)


def _platform_of(host: str) -> Channel | None:
    host = host.lower().split(":")[0]
    for domain, channel in _HOSTS.items():
        if host == domain or host.endswith("." + domain):
            return channel
    return None


def parse_handle(platform: Channel, text: str) -> str:
    """The normalised handle in ``@name``, ``name`` or a profile link; raises InvalidIdentity.

    ``facebook.com/profile.php?id=1000…`` gives the numeric id, the only handle such
    profiles have. Links to posts, groups or search pages are refused: they name no person.
    """
    if not platform.is_social:
        raise InvalidIdentity(f"{platform.value} has no handles")
    raw = text.strip()
    if not raw:
        raise InvalidIdentity("the handle is empty")
    candidate = raw
    if _URLISH.match(raw):
        url = raw if "://" in raw else "https://" + raw
        parts = urllib.parse.urlsplit(url)
        linked = _platform_of(parts.netloc)
        if linked is None:
            raise InvalidIdentity(f"not a Facebook, Instagram or X link: {raw!r}")
        if linked is not platform:
            raise InvalidIdentity(
                f"that is a {linked.value.title()} link, but the channel is "
                f"{platform.value.title()}"
            )
        segments = [s for s in parts.path.split("/") if s]
        if platform is Channel.FACEBOOK and segments[:1] == ["profile.php"]:
            ids = urllib.parse.parse_qs(parts.query).get("id", [])
            if not ids or not ids[0].isdigit():
                raise InvalidIdentity(f"profile link without an id: {raw!r}")
            return ids[0]
        if platform is Channel.FACEBOOK and segments[:1] == ["people"] and len(segments) >= 3:
            return normalise_handle(segments[2])  # facebook.com/people/Name/1000123/
        if segments[:1] == ["@"] or not segments:
            raise InvalidIdentity(f"the link names no profile: {raw!r}")
        candidate = segments[0]
        if candidate.lower() in _NOT_PROFILES[platform]:
            raise InvalidIdentity(f"that link is a page or post, not a profile: {raw!r}")
    handle = normalise_handle(urllib.parse.unquote(candidate))
    if not _VALID[platform].match(handle):
        raise InvalidIdentity(f"not a valid {platform.value.title()} handle: {raw!r}")
    return handle


@dataclass(frozen=True)
class QuickCapture:
    """A message captured by hand; ``source_url`` is kept so the founder can go back to it."""

    platform: Channel
    handle: str | None
    name: str | None
    text: str
    captured_at: datetime
    source_url: str | None = None


def quick_capture(
    platform: Channel,
    text: str,
    *,
    handle: str | None = None,
    name: str | None = None,
    source_url: str | None = None,
    now: datetime | None = None,
) -> QuickCapture:
    """Validate a hand-captured message. ``handle`` may be an @handle or a profile link;
    one of handle or name is required so the message can be attached to somebody."""
    body = text.strip()
    if not body:
        raise ValueError("paste the message text")
    parsed = parse_handle(platform, handle) if handle and handle.strip() else None
    who = name.strip() if name and name.strip() else None
    if parsed is None and who is None:
        raise ValueError("give the person's handle, profile link or name")
    url = source_url.strip() if source_url and source_url.strip() else None
    if url is None and handle and "/" in handle:
        url = handle.strip()
    moment = now or datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("captured_at must be timezone-aware")
    return QuickCapture(platform, parsed, who, body, moment.astimezone(UTC), url)

"""Deciding which earlier message a mail answers (JWZ / RFC 5256 "REFERENCES" style).

This module only proposes candidates in order of trust; the caller resolves them against
the Message-IDs it has stored, taking the first that exists. That keeps threading
tolerant of missing parents (a reply to a mail we never saw still finds the one before
it in References) and of loops (a message can never be its own ancestor here).
"""

from __future__ import annotations

import re
from typing import Protocol

CASE_TAG_RE = re.compile(r"\[#(\d{1,9})\]")
_MSGID_RE = re.compile(r"<([^<>\s]+)>")
# Reply and forward prefixes in English and the Nordic/German mail clients our users
# meet, with optional counters ("Re[2]:", "Re^3:") and full-width colons.
_PREFIX_RE = re.compile(
    r"^\s*(?:(?:re|sv|aw|antw|antwort|vs|vb|fw|fwd|wg|tr|ref|r)(?:\[\d+\]|\^\d+|\(\d+\))?\s*[:：]\s*)",
    re.IGNORECASE,
)
_LIST_TAG_RE = re.compile(r"^\s*\[[^\]#][^\]]{0,40}\]\s*")
_SPACE_RE = re.compile(r"\s+")
MAX_CANDIDATES = 50


class HasThreadHeaders(Protocol):
    @property
    def message_id(self) -> str | None: ...
    @property
    def in_reply_to(self) -> str | None: ...
    @property
    def references(self) -> tuple[str, ...]: ...


def case_tag(inquiry_id: int) -> str:
    """The tag we put in outgoing subjects so replies find their case even without headers."""
    return f"[#{inquiry_id}]"


def find_case_tag(subject: str | None) -> int | None:
    """The case number of the last tag in the subject (replies prepend, so the last is ours)."""
    if not subject:
        return None
    found = CASE_TAG_RE.findall(subject)
    return int(found[-1]) if found else None


def normalise_subject(subject: str | None) -> str:
    """The subject as a person means it: no reply/forward prefixes, case tags or extra space."""
    text = CASE_TAG_RE.sub(" ", subject or "")
    text = _SPACE_RE.sub(" ", text).strip()
    while True:
        unprefixed = _PREFIX_RE.sub("", text, count=1).strip()
        stripped = _LIST_TAG_RE.sub("", unprefixed, count=1).strip() or unprefixed
        if stripped == text:
            return text
        text = stripped


def normalise_message_id(value: str | None) -> str | None:
    """``<local@domain>`` with the inside lower-cased, or None for empty or junk values."""
    if not value:
        return None
    match = _MSGID_RE.search(value)
    if match:
        inner = match.group(1)
    else:
        token = value.strip()
        if not token or any(c.isspace() for c in token) or "@" not in token:
            return None
        inner = token.strip("<>")
    if not inner or len(inner) > 500:
        return None
    return f"<{inner.lower()}>"


def message_ids_in(value: str | None, limit: int = MAX_CANDIDATES) -> tuple[str, ...]:
    """Every Message-ID in a header value, in order, deduplicated, at most the last ``limit``."""
    if not value:
        return ()
    seen: dict[str, None] = {}
    for match in _MSGID_RE.finditer(value):
        normal = normalise_message_id(match.group(0))
        if normal is not None:
            seen.pop(normal, None)  # keep the last position: References lists oldest first
            seen[normal] = None
    ids = tuple(seen)
    return ids[-limit:]


def candidate_parents(mail: HasThreadHeaders) -> list[str]:
    """Message-IDs this mail may answer, most trusted first.

    In-Reply-To names the direct parent; then References newest (last) to oldest, so a
    missing direct parent falls back to its nearest known ancestor. A mail's own id is
    never a candidate, so a self-reference cannot make a loop.
    """
    own = mail.message_id
    ordered: list[str] = []
    if mail.in_reply_to:
        ordered.append(mail.in_reply_to)
    ordered.extend(reversed(mail.references))
    result: list[str] = []
    for candidate in ordered:
        normal = normalise_message_id(candidate)
        if normal is None or normal == own or normal in result:
            continue
        result.append(normal)
        if len(result) >= MAX_CANDIDATES:
            break
    return result

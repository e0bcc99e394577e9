"""Plain vocabulary shared by every layer.

Enums are ``str`` subclasses so that their values are what the database, the JSON
export and the CLI show; renaming a member never changes stored data.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

_Choice = TypeVar("_Choice", bound=StrEnum)


class Channel(StrEnum):
    """Where an inquiry reached the founder."""

    EMAIL = "email"
    FORM = "form"
    PHONE = "phone"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"

    @property
    def is_social(self) -> bool:
        return self in SOCIAL_CHANNELS


SOCIAL_CHANNELS: frozenset[Channel] = frozenset({Channel.FACEBOOK, Channel.INSTAGRAM, Channel.X})


class ChannelGroup(StrEnum):
    """The four groups the sidebar shows; social platforms share one entry."""

    EMAIL = "email"
    FORM = "form"
    PHONE = "phone"
    SOCIAL = "social"

    def channels(self) -> frozenset[Channel]:
        if self is ChannelGroup.SOCIAL:
            return SOCIAL_CHANNELS
        return frozenset({Channel(self.value)})


def group_of(channel: Channel) -> ChannelGroup:
    return ChannelGroup.SOCIAL if channel.is_social else ChannelGroup(channel.value)


class InquiryKind(StrEnum):
    COMPLAINT = "complaint"
    QUESTION = "question"
    PRAISE = "praise"


class Status(StrEnum):
    """Life cycle of an inquiry.

    ``waiting`` means waiting on the customer: the reply-time clock is paused.
    """

    NEW = "new"
    OPEN = "open"
    WAITING = "waiting"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_open(self) -> bool:
        return self in OPEN_STATUSES


OPEN_STATUSES: frozenset[Status] = frozenset({Status.NEW, Status.OPEN, Status.WAITING})


class Direction(StrEnum):
    """Who a message is from: the customer (in), the founder (out) or a private note."""

    IN = "in"
    OUT = "out"
    NOTE = "note"


class IdentityKind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"


class Language(StrEnum):
    """Languages templates and acknowledgements are written in."""

    DA = "da"
    NB = "nb"
    EN = "en"


class CallDirection(StrEnum):
    INCOMING = "in"
    OUTGOING = "out"


class CallOutcome(StrEnum):
    """How a logged call ended: solved on the call, or the founder owes a call-back."""

    SOLVED = "solved"
    CALLBACK = "callback"


def parse_choice(
    kind: type[_Choice], text: str, what: str, error: Callable[[str], Exception] = ValueError
) -> _Choice:
    """``text`` typed by hand (a command-line argument, a CSV cell) as one of ``kind``'s
    values, whatever its case and surrounding spaces; else ``error`` with one line naming
    ``what`` and the choices: "unknown status 'done' (use one of: new, open, ...)"."""
    try:
        return kind(text.strip().lower())
    except ValueError:
        allowed = ", ".join(choice.value for choice in kind)
        raise error(f"unknown {what} {text!r} (use one of: {allowed})") from None

"""Normalising customer identities so the same person matches across channels.

An identity is only useful for matching if two spellings of the same thing compare equal:
``+45 12 34 56 78`` and ``12345678`` are one Danish number; ``@Shop`` and ``shop`` one handle.
"""

from __future__ import annotations

import re

import phonenumbers

from soloservice.domain.types import IdentityKind

_EMAIL_RE = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


class InvalidIdentity(ValueError):
    """The value cannot be an identity of that kind; the message says why, for the user."""


def normalise_phone(raw: str, default_region: str = "DK") -> str:
    """Return the number in E.164, or raise InvalidIdentity."""
    text = raw.strip()
    if not text:
        raise InvalidIdentity("phone number is empty")
    try:
        number = phonenumbers.parse(text, default_region.upper())
    except phonenumbers.NumberParseException as exc:
        raise InvalidIdentity(f"not a phone number: {raw!r}") from exc
    if not phonenumbers.is_possible_number(number) or not phonenumbers.is_valid_number(number):
        raise InvalidIdentity(f"not a valid phone number: {raw!r}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """Human form of a stored E.164 number (international format), or the input unchanged."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_email(raw: str) -> str:
    text = raw.strip().strip("<>").strip().lower()
    if not _EMAIL_RE.match(text):
        raise InvalidIdentity(f"not an email address: {raw!r}")
    return text


def normalise_handle(raw: str) -> str:
    text = raw.strip().lstrip("@").strip().lower()
    if not text or any(ch.isspace() for ch in text):
        raise InvalidIdentity(f"not a valid handle: {raw!r}")
    return text


def normalise(kind: IdentityKind, raw: str, default_region: str = "DK") -> str:
    """Normalise ``raw`` as an identity of ``kind``."""
    if kind is IdentityKind.PHONE:
        return normalise_phone(raw, default_region)
    if kind is IdentityKind.EMAIL:
        return normalise_email(raw)
    return normalise_handle(raw)


def looks_like_phone(text: str) -> bool:
    """True when typed text is more digits than anything else (for the call dialog's search)."""
    digits = sum(ch.isdigit() for ch in text)
    return digits >= 3 and digits >= len(text.replace(" ", "")) * 0.6

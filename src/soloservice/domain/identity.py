"""Normalising customer identities so the same person matches across channels.

An identity is only useful for matching if two spellings of the same thing compare equal:
``+45 12 34 56 78`` and ``12345678`` are one Danish number; ``@Shop`` and ``shop`` one handle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from soloservice.domain.types import IdentityKind

_EMAIL_RE = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


class InvalidIdentity(ValueError):
    """The value cannot be an identity of that kind; the message says why, for the user."""


@dataclass(frozen=True)
class PhoneCheck:
    """A number as it will be stored, and why it deserves a second look (``""`` if not).

    The phone library's idea of a *valid* number lags behind what operators hand out (new
    mobile ranges, ported numbers, test ranges like +45 20 00 00 00), so a number that only
    has the right length for its country is kept, with a warning, rather than refused: a
    refused number loses a customer's call or a whole row of their import.
    """

    e164: str
    warning: str = ""


def check_phone(raw: str, default_region: str = "DK") -> PhoneCheck:
    """The number in E.164 with a warning when it is possible but not known to be valid.

    Raises InvalidIdentity only for what cannot be a number at all: no digits, too short or
    too long for its country, an unknown country code, or a local-only number.
    """
    import phonenumbers  # its metadata takes a while to load: only when a number is read

    text = raw.strip()
    if not text:
        raise InvalidIdentity("phone number is empty")
    try:
        number = phonenumbers.parse(text, (default_region or "DK").upper())
    except phonenumbers.NumberParseException as exc:
        raise InvalidIdentity(f"not a phone number: {raw!r}") from exc
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if phonenumbers.is_valid_number(number):
        return PhoneCheck(e164)
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        # Spreadsheets drop the "+" ("4520304050" from Google Sheets): too long as a local
        # number, but a valid international one. Only too long: a local number missing a
        # digit ("4702123") is a typo, not a Norwegian +47 02123.
        digits = "".join(ch for ch in text if ch.isdigit())
        too_long = reason == phonenumbers.ValidationResult.TOO_LONG
        if too_long and not text.startswith(("+", "00")) and digits:
            try:
                international = phonenumbers.parse("+" + digits, None)
            except phonenumbers.NumberParseException:
                international = None
            if international is not None and phonenumbers.is_valid_number(international):
                return PhoneCheck(
                    phonenumbers.format_number(international, phonenumbers.PhoneNumberFormat.E164)
                )
        raise InvalidIdentity(f"not a valid phone number: {raw!r}")
    if _reformatted(e164) != e164:
        # Zeros where a national prefix would be ("+43 000000"): the stored form would not
        # read back as itself, so two spellings would never match. Not a real number.
        raise InvalidIdentity(f"not a valid phone number: {raw!r}")
    return PhoneCheck(
        e164,
        f"{format_phone(e164)} is not in a number range the phone library knows; "
        "stored anyway, check it",
    )


def normalise_phone(raw: str, default_region: str = "DK") -> str:
    """Return the number in E.164 (possible numbers too, see check_phone), or raise
    InvalidIdentity."""
    return check_phone(raw, default_region).e164


def phone_warning(raw: str, default_region: str = "DK") -> str:
    """What check_phone would warn about ``raw``; "" when it is fine or not a number."""
    try:
        return check_phone(raw, default_region).warning
    except InvalidIdentity:
        return ""


def format_phone(e164: str) -> str:
    """Human form of a stored E.164 number (international format), or the input unchanged."""
    import phonenumbers

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


def _reformatted(e164: str) -> str:
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

"""Text out of mail's bytes: charsets guessed, RFC 2047 words decoded, absurd headers capped.

Part of the mail parser (channels/email/parse.py): no declaration in real mail is trusted,
every decode has a fallback that cannot fail, and header fields long enough to cost seconds
in the stdlib are trimmed before it sees them (the raw source is stored untouched).
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re

MAX_HEADER_FIELD_BYTES = 8 * 1024
MAX_HEADER_SEMICOLONS = 64
MAX_HEADER_FIELDS = 1000

_UNKNOWN_CHARSETS = {
    "", "unknown", "unknown-8bit", "x-unknown", "default", "default_charset",
    "x-user-defined", "charset", "none", "us-ascii",
}  # fmt: skip
_ENCODED_WORD_RE = re.compile(r"=\?([^?\s]+?)\?([bBqQ])\?([^?\s]*)\?=")
_BETWEEN_WORDS_RE = re.compile(r"(\?=)\s+(=\?)")


# --- decoding helpers -------------------------------------------------------------


def _codec_for(charset: str | None) -> str | None:
    """A usable text codec name for a declared charset, or None when it says nothing."""
    if charset is None:
        return None
    name = charset.strip().strip("\"'").lower()
    if name in _UNKNOWN_CHARSETS:
        return None
    if name in ("ks_c_5601-1987", "ks_c_5601"):
        name = "cp949"
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None  # base64, rot13, zlib ... are not charsets
    return info.name


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Declared charset, then UTF-8, then cp1252, then Latin-1 (which cannot fail)."""
    codec = _codec_for(charset)
    for candidate in (codec, "utf-8", "cp1252"):
        if candidate is None:
            continue
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1", errors="replace")


def _decode_word(charset: str, encoding: str, payload: str) -> str | None:
    charset = charset.split("*", 1)[0]  # RFC 2231 language suffix
    try:
        if encoding.lower() == "b":
            data = base64.b64decode(payload + "=" * (-len(payload) % 4), validate=True)
        else:
            data = binascii.a2b_qp(payload.encode("ascii", "replace"), header=True)
    except (binascii.Error, ValueError):
        return None
    return decode_bytes(data, charset)


def decode_header_value(value: object) -> str:
    """Unicode text of a header: raw 8-bit bytes guessed, RFC 2047 words decoded one by one.

    A word that cannot be decoded is kept literally instead of losing the whole header.
    """
    if value is None:
        return ""
    text = str(value)
    if any("\udc80" <= ch <= "\udcff" for ch in text):  # raw 8-bit header bytes
        text = decode_bytes(text.encode("ascii", "surrogateescape"))
    if "=?" in text:
        text = _BETWEEN_WORDS_RE.sub(r"\1\2", text)  # whitespace between words is not text

        def replace(match: re.Match[str]) -> str:
            decoded = _decode_word(match.group(1), match.group(2), match.group(3))
            return match.group(0) if decoded is None else decoded

        text = _ENCODED_WORD_RE.sub(replace, text)
    text = text.replace("\r", "").replace("\n", "")
    return "".join(ch if ch >= " " or ch == "\t" else " " for ch in text).strip()


# --- capping hostile input ----------------------------------------------------------


def _split_head(raw: bytes) -> tuple[bytes, bytes]:
    for sep in (b"\r\n\r\n", b"\n\n"):
        at = raw.find(sep)
        if at != -1:
            alt = raw.find(b"\n\n") if sep == b"\r\n\r\n" else -1
            if alt != -1 and alt < at:
                return raw[: alt + 2], raw[alt + 2 :]
            return raw[: at + len(sep)], raw[at + len(sep) :]
    return raw, b""


def _cap_field(field: bytes) -> bytes:
    newline = b"\r\n" if field.endswith(b"\r\n") else b"\n"
    body = field.rstrip(b"\r\n")
    if body.count(b";") > MAX_HEADER_SEMICOLONS:
        cut = -1
        for _ in range(MAX_HEADER_SEMICOLONS):
            cut = body.find(b";", cut + 1)
        body = body[:cut]
    if len(body) > MAX_HEADER_FIELD_BYTES:
        body = body[:MAX_HEADER_FIELD_BYTES]
    body = body.rstrip(b" \t\r\n;")
    return body + newline


def cap_headers(raw: bytes) -> bytes:
    """Trim absurd top-level header fields before the stdlib parses them.

    Thousands of ``;`` or a megabyte-long field cost seconds in some parsers and carry
    nothing a person reads; the raw source is still stored untouched.
    """
    head, body = _split_head(raw)
    if len(head) <= MAX_HEADER_FIELD_BYTES and head.count(b";") <= MAX_HEADER_SEMICOLONS:
        return raw
    lines = head.splitlines(keepends=True)
    fields: list[bytes] = []
    for line in lines:
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += line
        elif line.strip():
            fields.append(line)
    capped = [_cap_field(field) for field in fields[:MAX_HEADER_FIELDS]]
    newline = b"\r\n" if head.endswith(b"\r\n") else b"\n"
    return b"".join(capped) + newline + body

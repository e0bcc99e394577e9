"""Walking a parsed message's MIME tree within bounded work, and decoding its parts.

Part of the mail parser (channels/email/parse.py). Every ``message/*`` part is a leaf (an
attachment); the number of parts and their nesting are limited before anything is decoded.
"""

from __future__ import annotations

import base64
import binascii
import mimetypes
import re
from collections.abc import Iterator
from email.message import Message

from .decode import decode_bytes, decode_header_value

MAX_PARTS = 2000
#: multipart inside multipart; real mail rarely goes past 5 (forwarded forwards)
MAX_PART_DEPTH = 50


class TooMuchWork(Exception):
    """The message exceeds a work limit; the message is the quarantine reason."""


# --- walking the MIME tree -------------------------------------------------------------


def walk(msg: Message) -> Iterator[tuple[int, Message]]:
    """Pre-order walk that treats every ``message/*`` part as a leaf (it is an attachment).

    Stops (silently) after ``MAX_PARTS`` parts; ``parse_message`` quarantines such a message.
    """
    counter = 0
    stack: list[Message] = [msg]
    while stack:
        part = stack.pop()
        yield counter, part
        counter += 1
        if counter > MAX_PARTS:
            return
        if part.get_content_maintype() == "multipart" and part.is_multipart():
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend(reversed([c for c in children if isinstance(c, Message)]))


def check_work(msg: Message) -> None:
    """Raise ``TooMuchWork`` for a message with too many or too deeply nested parts."""
    count = 0
    stack: list[tuple[Message, int]] = [(msg, 0)]
    while stack:
        part, depth = stack.pop()
        count += 1
        if count > MAX_PARTS:
            raise TooMuchWork(f"The message has more than {MAX_PARTS} MIME parts.")
        if depth > MAX_PART_DEPTH:
            raise TooMuchWork(
                f"The message's parts are nested more than {MAX_PART_DEPTH} levels deep."
            )
        if part.get_content_maintype() == "multipart" and part.is_multipart():
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend((c, depth + 1) for c in children if isinstance(c, Message))


def part_bytes(part: Message) -> bytes:
    if part.get_content_maintype() == "message" or part.get_content_type() == "text/rfc822-headers":
        payload = part.get_payload()
        if isinstance(payload, list):
            chunks = []
            for sub in payload:
                if not isinstance(sub, Message):
                    continue
                try:
                    chunks.append(sub.as_bytes())
                except Exception:  # a broken nested message is still an attachment
                    chunks.append(str(sub).encode("utf-8", "surrogateescape"))
            return b"\n".join(chunks)
        if isinstance(payload, str):
            return payload.encode("ascii", "surrogateescape")
    return _decoded_payload(part)


def filename_of(part: Message) -> str | None:
    try:
        name = part.get_filename() or part.get_param("name")
    except Exception:
        return None
    if isinstance(name, tuple):  # RFC 2231 triple that get_param leaves undecoded
        name = decode_bytes(name[2].encode("latin-1", "replace"), name[0])
    if not isinstance(name, str) or not name.strip():
        return None
    cleaned = decode_header_value(name).replace("\\", "/").split("/")[-1]
    cleaned = "".join(ch for ch in cleaned if ch.isprintable()).strip(" .")
    return cleaned[:200] or None


def default_name(part: Message, index: int) -> str:
    ctype = part.get_content_type()
    ext = ".eml" if ctype == "message/rfc822" else mimetypes.guess_extension(ctype) or ".bin"
    return f"attachment-{index}{ext}"


def is_body_part(part: Message, filename: str | None) -> bool:
    ctype = part.get_content_type()
    if ctype not in ("text/plain", "text/html"):
        return False
    disposition = (part.get_content_disposition() or "").lower()
    return disposition != "attachment" and not (filename and disposition != "inline")


_NOT_BASE64_RE = re.compile(rb"[^A-Za-z0-9+/]")


def _lenient_base64(payload: str) -> bytes:
    """Decode what can be decoded: junk characters dropped, a torn last quantum cut off."""
    data = _NOT_BASE64_RE.sub(b"", payload.encode("ascii", "surrogateescape"))
    if len(data) % 4 == 1:
        data = data[:-1]
    return base64.b64decode(data + b"=" * (-len(data) % 4))


def _decoded_payload(part: Message) -> bytes:
    payload = part.get_payload()
    if isinstance(payload, str):
        cte = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
        if cte == "base64":
            try:
                return _lenient_base64(payload)
            except (binascii.Error, ValueError):
                return payload.encode("ascii", "surrogateescape")
    data = part.get_payload(decode=True)
    if isinstance(data, bytes):
        return data
    return payload.encode("utf-8", "surrogateescape") if isinstance(payload, str) else b""


def text_of(part: Message) -> str:
    data = _decoded_payload(part)
    try:
        charset = part.get_param("charset")
    except Exception:
        charset = None
    text = decode_bytes(data, charset if isinstance(charset, str) else None)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")

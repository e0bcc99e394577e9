"""Turning raw RFC 5322 bytes into something the inbox can store, or a quarantine reason.

Real mail is broken in every way the RFCs forbid, so this parser never trusts a
declaration: ``policy.compat32`` (fast, and it does not raise on odd charsets), headers
decoded here with per-word fallbacks, every body part decoded with a chain of charsets,
and hostile sizes capped *before* the stdlib sees them. Parse work is bounded by limits on
work, never on wall-clock time (which punishes a legitimate 45 MB attachment on a busy
machine): the message size, the number of MIME parts, their nesting depth, and the HTML's
size and nesting (channels/email/html.py falls back to text past those). A message that
still cannot be understood comes back as ``Quarantined`` with a reason, never as an
exception, so a sync never stops on one mail.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from email import message_from_bytes
from email.parser import BytesHeaderParser
from email.policy import compat32

from .decode import (
    MAX_HEADER_FIELD_BYTES,
    MAX_HEADER_FIELDS,
    MAX_HEADER_SEMICOLONS,
    cap_headers,
    decode_bytes,
    decode_header_value,
)
from .headers import addresses, auto_reason, bulk_reason, header, parse_date
from .html import html_to_text, sanitize_html
from .mime import (
    MAX_PART_DEPTH,
    MAX_PARTS,
    TooMuchWork,
    check_work,
    default_name,
    filename_of,
    is_body_part,
    part_bytes,
    text_of,
    walk,
)
from .threads import message_ids_in, normalise_message_id

#: The parser's public names (its pieces live in decode.py, mime.py and headers.py).
__all__ = [
    "MAX_HEADER_FIELDS",
    "MAX_HEADER_FIELD_BYTES",
    "MAX_HEADER_SEMICOLONS",
    "MAX_MESSAGE_BYTES",
    "MAX_PARTS",
    "MAX_PART_DEPTH",
    "AttachmentInfo",
    "ParsedMail",
    "Quarantined",
    "cap_headers",
    "decode_bytes",
    "decode_header_value",
    "extract_attachment",
    "parse_message",
    "remote_html",
]

MAX_MESSAGE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class AttachmentInfo:
    filename: str
    content_type: str
    size: int
    index: int  # position in a pre-order walk of the MIME tree; give it to extract_attachment


@dataclass(frozen=True)
class ParsedMail:
    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str
    from_name: str
    from_addr: str
    reply_to: str | None
    to: tuple[str, ...]
    cc: tuple[str, ...]
    date: datetime
    date_from_header: bool
    text: str
    html: str | None
    blocked_remote: int
    attachments: tuple[AttachmentInfo, ...]
    is_auto: bool
    auto_reason: str | None
    content_hash: str
    raw: bytes
    #: why this is bulk or automatic mail from a machine rather than a person writing
    #: (a newsletter, a list, spam, a no-reply sender); it is still stored, as automatic
    #: mail, unlike ``is_auto`` replies and bounces which never become an inquiry
    bulk_reason: str | None = None
    #: why the HTML body is shown as text rather than sanitised HTML (too large or too
    #: deeply nested to sanitise in bounded work); ``None`` for ordinary mail
    html_fallback: str | None = None


@dataclass(frozen=True)
class Quarantined:
    raw: bytes
    reason: str
    headers: tuple[tuple[str, str], ...] = ()


def _content_hash(
    headers: tuple[str, ...], text: str, html: str | None, atts: tuple[AttachmentInfo, ...]
) -> str:
    """Identity of a message across servers and resyncs: no transport headers, no timestamps
    of our own, whitespace-insensitive body."""
    digest = hashlib.sha256()
    for value in headers:
        digest.update(value.encode("utf-8", "replace") + b"\x00")
    digest.update(" ".join(text.split()).encode("utf-8", "replace") + b"\x00")
    digest.update(" ".join((html or "").split()).encode("utf-8", "replace") + b"\x00")
    for att in atts:
        digest.update(f"{att.filename}|{att.content_type}|{att.size}".encode() + b"\x00")
    return digest.hexdigest()


def _partial_headers(raw: bytes) -> tuple[tuple[str, str], ...]:
    try:
        head = BytesHeaderParser(policy=compat32).parsebytes(cap_headers(raw[:65536]))
        return tuple((k, decode_header_value(v)) for k, v in head.raw_items())[:200]
    except Exception:
        return ()


# --- public API ----------------------------------------------------------------------------


def parse_message(raw: bytes, *, received: datetime | None = None) -> ParsedMail | Quarantined:
    """Parse one message; never raises for bad input.

    ``received`` (aware) is the date used when the Date header is missing or absurd,
    e.g. the IMAP INTERNALDATE; default now. The work is bounded by the size, part-count
    and depth limits above, the same on a fast and on a busy machine.
    """
    received_at = (received or datetime.now(UTC)).astimezone(UTC)
    if not raw or not raw.strip():
        return Quarantined(raw=raw, reason="The message is empty.")
    if len(raw) > MAX_MESSAGE_BYTES:
        return Quarantined(
            raw=raw,
            reason=f"The message is larger than {MAX_MESSAGE_BYTES // (1024 * 1024)} MB.",
            headers=_partial_headers(raw),
        )
    try:
        return _parse(raw, received_at)
    except TooMuchWork as exc:
        return Quarantined(raw=raw, reason=str(exc), headers=_partial_headers(raw))
    except RecursionError:  # the stdlib's parser recurses once per nested multipart
        return Quarantined(
            raw=raw,
            reason="The message's parts are nested too deeply to read.",
            headers=_partial_headers(raw),
        )
    except Exception as exc:  # the promise is: a bad mail never stops a sync
        return Quarantined(
            raw=raw,
            reason=f"The message could not be read ({type(exc).__name__}: {exc}).",
            headers=_partial_headers(raw),
        )


def _parse(raw: bytes, received: datetime) -> ParsedMail | Quarantined:
    msg = message_from_bytes(cap_headers(raw), policy=compat32)
    check_work(msg)
    if not msg.keys():
        return Quarantined(raw=raw, reason="No mail headers were found.")
    from_pairs = addresses(msg, "From") or addresses(msg, "Sender")
    from_name, from_addr = from_pairs[0] if from_pairs else ("", "")
    if not from_addr and msg.get("Message-ID") is None and msg.get("Subject") is None:
        return Quarantined(
            raw=raw,
            reason="This does not look like an email: it has no sender, subject or Message-ID.",
            headers=_partial_headers(raw),
        )
    reply_pairs = addresses(msg, "Reply-To")
    date, from_header = parse_date(header(msg, "Date"), received)

    texts: list[str] = []
    htmls: list[str] = []
    attachments: list[AttachmentInfo] = []
    for index, part in walk(msg):
        if part.get_content_maintype() == "multipart" and part.is_multipart():
            continue
        filename = filename_of(part)
        if is_body_part(part, filename):
            (htmls if part.get_content_type() == "text/html" else texts).append(text_of(part))
            continue
        ctype = part.get_content_type()
        attachments.append(
            AttachmentInfo(
                filename=filename or default_name(part, index),
                content_type=ctype,
                size=len(part_bytes(part)),
                index=index,
            )
        )

    text_plain = "\n".join(t.strip("\n") for t in texts if t.strip())
    html_source = next((h for h in htmls if h.strip()), None)
    safe = sanitize_html(html_source) if html_source is not None else None
    text = text_plain or (html_to_text(html_source) if html_source else "")
    message_id = normalise_message_id(header(msg, "Message-ID"))
    in_reply_header = header(msg, "In-Reply-To")
    reply_ids = message_ids_in(in_reply_header)
    in_reply_to = reply_ids[0] if reply_ids else normalise_message_id(in_reply_header)
    subject = header(msg, "Subject")
    to = tuple(addr for _, addr in addresses(msg, "To"))
    cc = tuple(addr for _, addr in addresses(msg, "Cc"))
    auto = auto_reason(msg, from_addr)
    reply_to = reply_pairs[0][1] if reply_pairs else None
    bulk = None if auto is not None else bulk_reason(msg, from_addr, reply_to)
    atts = tuple(attachments)
    identity = (
        message_id or "",
        from_addr,
        ",".join(sorted(to)),
        subject,
        date.isoformat() if from_header else "",
    )
    return ParsedMail(
        message_id=message_id,
        in_reply_to=in_reply_to,
        references=message_ids_in(header(msg, "References")),
        subject=subject,
        from_name=from_name,
        from_addr=from_addr,
        reply_to=reply_to,
        to=to,
        cc=cc,
        date=date,
        date_from_header=from_header,
        text=text.strip("\n"),
        html=safe.html if safe is not None else None,
        blocked_remote=safe.blocked_remote if safe is not None else 0,
        html_fallback=safe.fallback if safe is not None else None,
        attachments=atts,
        is_auto=auto is not None,
        auto_reason=auto,
        content_hash=_content_hash(identity, text, html_source, atts),
        raw=raw,
        bulk_reason=bulk,
    )


def extract_attachment(raw: bytes, index: int) -> tuple[str, bytes]:
    """The decoded bytes of attachment ``index`` (from ``AttachmentInfo.index``), to save.

    Raises ``KeyError`` when the message has no such part. The filename has no path parts.
    """
    msg = message_from_bytes(cap_headers(raw), policy=compat32)
    for position, part in walk(msg):
        if position == index:
            if part.get_content_maintype() == "multipart" and part.is_multipart():
                raise KeyError(f"part {index} is a container, not an attachment")
            return filename_of(part) or default_name(part, index), part_bytes(part)
    raise KeyError(f"the message has no part {index}")


def remote_html(raw: bytes) -> str | None:
    """The message's HTML with remote content allowed, for when the user asks to load it."""
    msg = message_from_bytes(cap_headers(raw), policy=compat32)
    for _, part in walk(msg):
        if part.get_content_type() == "text/html" and is_body_part(part, filename_of(part)):
            return sanitize_html(text_of(part), allow_remote=True).html
    return None

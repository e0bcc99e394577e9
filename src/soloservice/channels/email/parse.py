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

import base64
import binascii
import codecs
import hashlib
import mimetypes
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime

from .html import html_to_text, sanitize_html
from .threads import message_ids_in, normalise_message_id

MAX_MESSAGE_BYTES = 64 * 1024 * 1024
MAX_HEADER_FIELD_BYTES = 8 * 1024
MAX_HEADER_SEMICOLONS = 64
MAX_HEADER_FIELDS = 1000
MAX_PARTS = 2000
#: multipart inside multipart; real mail rarely goes past 5 (forwarded forwards)
MAX_PART_DEPTH = 50

_UNKNOWN_CHARSETS = {
    "", "unknown", "unknown-8bit", "x-unknown", "default", "default_charset",
    "x-user-defined", "charset", "none", "us-ascii",
}  # fmt: skip
_ENCODED_WORD_RE = re.compile(r"=\?([^?\s]+?)\?([bBqQ])\?([^?\s]*)\?=")
_BETWEEN_WORDS_RE = re.compile(r"(\?=)\s+(=\?)")
_AUTO_SENDERS = ("mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon")


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


class _TooMuchWork(Exception):
    """The message exceeds a work limit; the message is the quarantine reason."""


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


# --- walking the MIME tree -------------------------------------------------------------


def _walk(msg: Message) -> Iterator[tuple[int, Message]]:
    """Pre-order walk that treats every ``message/*`` part as a leaf (it is an attachment).

    Stops (silently) after ``MAX_PARTS`` parts; ``_parse`` quarantines such a message.
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


def _check_work(msg: Message) -> None:
    """Raise ``_TooMuchWork`` for a message with too many or too deeply nested parts."""
    count = 0
    stack: list[tuple[Message, int]] = [(msg, 0)]
    while stack:
        part, depth = stack.pop()
        count += 1
        if count > MAX_PARTS:
            raise _TooMuchWork(f"The message has more than {MAX_PARTS} MIME parts.")
        if depth > MAX_PART_DEPTH:
            raise _TooMuchWork(
                f"The message's parts are nested more than {MAX_PART_DEPTH} levels deep."
            )
        if part.get_content_maintype() == "multipart" and part.is_multipart():
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend((c, depth + 1) for c in children if isinstance(c, Message))


def _part_bytes(part: Message) -> bytes:
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


def _filename(part: Message) -> str | None:
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


def _default_name(part: Message, index: int) -> str:
    ctype = part.get_content_type()
    ext = ".eml" if ctype == "message/rfc822" else mimetypes.guess_extension(ctype) or ".bin"
    return f"attachment-{index}{ext}"


def _is_body_part(part: Message, filename: str | None) -> bool:
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


def _text_of(part: Message) -> str:
    data = _decoded_payload(part)
    try:
        charset = part.get_param("charset")
    except Exception:
        charset = None
    text = decode_bytes(data, charset if isinstance(charset, str) else None)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


# --- header interpretation --------------------------------------------------------------


def _raw_header(msg: Message, name: str) -> str | None:
    """The stored value, with 8-bit bytes as surrogates; ``msg.get`` would turn those into
    a Header object whose str() has already lost them to U+FFFD."""
    wanted = name.lower()
    for key, value in msg.raw_items():
        if key.lower() == wanted:
            return str(value)
    return None


def _header(msg: Message, name: str) -> str:
    try:
        return decode_header_value(_raw_header(msg, name))
    except Exception:
        return ""


def _addresses(msg: Message, name: str) -> list[tuple[str, str]]:
    """Split before decoding words, so an encoded "Hansen, Per" stays one display name."""
    text = _raw_header(msg, name)
    if text is None:
        return []
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        text = decode_bytes(text.encode("ascii", "surrogateescape"))
    try:
        pairs = getaddresses([text.replace("\r", "").replace("\n", "")])
    except Exception:
        return []
    return [
        (decode_header_value(display).strip().strip('"'), addr.strip().lower())
        for display, addr in pairs
        if "@" in addr
    ]


def _parse_date(value: str, received: datetime) -> tuple[datetime, bool]:
    """The Date header in UTC when it is plausible; else the time we received the mail."""
    if value:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            parsed = None
        if parsed is not None:
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=UTC)  # "-0000": zone unknown, RFC says UTC
            parsed = parsed.astimezone(UTC)
            if datetime(1990, 1, 1, tzinfo=UTC) <= parsed <= received + timedelta(days=2):
                return parsed, True
    return received, False


def _auto_reason(msg: Message, from_addr: str) -> str | None:
    auto = _header(msg, "Auto-Submitted").split(";")[0].strip().lower()
    if auto and auto != "no":
        return f"Auto-Submitted: {auto}"
    for name in ("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Failed-Recipients"):
        if msg.get(name) is not None:
            return f"{name} header"
    precedence = _header(msg, "Precedence").strip().lower()
    if precedence == "auto_reply":
        return f"Precedence: {precedence}"
    if msg.get_content_type() == "multipart/report":
        report = (msg.get_param("report-type") or "") if msg.get("Content-Type") else ""
        return f"delivery report ({report})" if isinstance(report, str) and report else "report"
    local = from_addr.split("@", 1)[0]
    if local in _AUTO_SENDERS:
        return f"sent by {local}"
    if _header(msg, "Return-Path").replace(" ", "") == "<>":
        return "empty Return-Path (bounce or auto-reply)"
    return None


#: Local parts of addresses nobody reads replies to.
_NO_REPLY_LOCAL = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|ikke[-_.]?svar|ikkesvar|"
    r"newsletter|nyhedsbrev|nyhetsbrev|news|bounces?|mailer|notifications?|"
    r"no[-_.]?reply[-_.+].*|.*[-_.+]no[-_.]?reply)$"
)
#: Headers only bulk-mail systems set (Mailchimp, campaign tools, Gmail's bulk sender id).
_BULK_HEADERS = (
    "List-Id", "List-Unsubscribe", "X-Mailchimp-Campaign", "X-MC-User", "X-Campaign",
    "X-CampaignID", "X-Campaign-Id", "X-Mailgun-Campaign-Id", "X-SG-EID", "X-Newsletter",
    "Feedback-ID",
)  # fmt: skip


def _is_no_reply(addr: str) -> bool:
    local = addr.split("@", 1)[0].lower()
    return bool(local) and _NO_REPLY_LOCAL.match(local) is not None


def _bulk_reason(msg: Message, from_addr: str, reply_to: str | None) -> str | None:
    """Why this is newsletter, list, spam or no-reply mail, or None for a person writing.

    Read after ``_auto_reason``: replies and bounces are not bulk. A no-reply sender with a
    real Reply-To (a web shop or contact form relaying a customer) is a person writing.
    """
    spam_flag = _header(msg, "X-Spam-Flag").strip().lower()
    if spam_flag.startswith("yes"):
        return "marked as spam by the mail server (X-Spam-Flag)"
    if _header(msg, "X-Spam-Status").strip().lower().startswith("yes"):
        return "marked as spam by the mail server (X-Spam-Status)"
    precedence = _header(msg, "Precedence").strip().lower()
    if precedence in ("bulk", "list", "junk"):
        return f"Precedence: {precedence}"
    for name in _BULK_HEADERS:
        if msg.get(name) is not None:
            return f"{name} header (newsletter or mailing list)"
    if _is_no_reply(from_addr) and (reply_to is None or _is_no_reply(reply_to)):
        return f"sent from a no-reply address ({from_addr})"
    return None


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
    except _TooMuchWork as exc:
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
    _check_work(msg)
    if not msg.keys():
        return Quarantined(raw=raw, reason="No mail headers were found.")
    from_pairs = _addresses(msg, "From") or _addresses(msg, "Sender")
    from_name, from_addr = from_pairs[0] if from_pairs else ("", "")
    if not from_addr and msg.get("Message-ID") is None and msg.get("Subject") is None:
        return Quarantined(
            raw=raw,
            reason="This does not look like an email: it has no sender, subject or Message-ID.",
            headers=_partial_headers(raw),
        )
    reply_pairs = _addresses(msg, "Reply-To")
    date, from_header = _parse_date(_header(msg, "Date"), received)

    texts: list[str] = []
    htmls: list[str] = []
    attachments: list[AttachmentInfo] = []
    for index, part in _walk(msg):
        if part.get_content_maintype() == "multipart" and part.is_multipart():
            continue
        filename = _filename(part)
        if _is_body_part(part, filename):
            (htmls if part.get_content_type() == "text/html" else texts).append(_text_of(part))
            continue
        ctype = part.get_content_type()
        attachments.append(
            AttachmentInfo(
                filename=filename or _default_name(part, index),
                content_type=ctype,
                size=len(_part_bytes(part)),
                index=index,
            )
        )

    text_plain = "\n".join(t.strip("\n") for t in texts if t.strip())
    html_source = next((h for h in htmls if h.strip()), None)
    safe = sanitize_html(html_source) if html_source is not None else None
    text = text_plain or (html_to_text(html_source) if html_source else "")
    message_id = normalise_message_id(_header(msg, "Message-ID"))
    in_reply_header = _header(msg, "In-Reply-To")
    reply_ids = message_ids_in(in_reply_header)
    in_reply_to = reply_ids[0] if reply_ids else normalise_message_id(in_reply_header)
    subject = _header(msg, "Subject")
    to = tuple(addr for _, addr in _addresses(msg, "To"))
    cc = tuple(addr for _, addr in _addresses(msg, "Cc"))
    auto = _auto_reason(msg, from_addr)
    reply_to = reply_pairs[0][1] if reply_pairs else None
    bulk = None if auto is not None else _bulk_reason(msg, from_addr, reply_to)
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
        references=message_ids_in(_header(msg, "References")),
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
    for position, part in _walk(msg):
        if position == index:
            if part.get_content_maintype() == "multipart" and part.is_multipart():
                raise KeyError(f"part {index} is a container, not an attachment")
            return _filename(part) or _default_name(part, index), _part_bytes(part)
    raise KeyError(f"the message has no part {index}")


def remote_html(raw: bytes) -> str | None:
    """The message's HTML with remote content allowed, for when the user asks to load it."""
    msg = message_from_bytes(cap_headers(raw), policy=compat32)
    for _, part in _walk(msg):
        if part.get_content_type() == "text/html" and _is_body_part(part, _filename(part)):
            return sanitize_html(_text_of(part), allow_remote=True).html
    return None

"""Reading a message's headers: addresses, dates, and whether a machine sent it.

Part of the mail parser (channels/email/parse.py). ``auto_reason`` recognises automatic
replies and bounces (never a new inquiry); ``bulk_reason`` newsletters, lists, spam and
no-reply senders (stored as automatic mail).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from .decode import decode_bytes, decode_header_value

_AUTO_SENDERS = ("mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon")


# --- header interpretation --------------------------------------------------------------


def raw_header(msg: Message, name: str) -> str | None:
    """The stored value, with 8-bit bytes as surrogates; ``msg.get`` would turn those into
    a Header object whose str() has already lost them to U+FFFD."""
    wanted = name.lower()
    for key, value in msg.raw_items():
        if key.lower() == wanted:
            return str(value)
    return None


def header(msg: Message, name: str) -> str:
    try:
        return decode_header_value(raw_header(msg, name))
    except Exception:
        return ""


#: ANSI/VT escape sequences (CSI, OSC) and the other C0 controls
_UNPRINTABLE = re.compile(
    r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|[\x00-\x08\x0b-\x1f\x7f]"
)
#: an address in angle brackets, for a header no parser accepts as a whole
_IN_ANGLES = re.compile(r"<\s*([^<>\s@]+@[^<>\s@]+)\s*>")


def addresses(msg: Message, name: str) -> list[tuple[str, str]]:
    """Split before decoding words, so an encoded "Hansen, Per" stays one display name."""
    text = raw_header(msg, name)
    if text is None:
        return []
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        text = decode_bytes(text.encode("ascii", "surrogateescape"))
    # Terminal escapes and control characters are no part of an address, and Python 3.13's
    # strict parser (also 3.12.6+, 3.11.10+) refuses a whole header that holds one; what is
    # left is what a mail client would show.
    flat = _UNPRINTABLE.sub("", text.replace("\r", "").replace("\n", ""))
    pairs = _address_pairs(flat)
    if not pairs:  # stray specials the strict parser refuses: the <address> still counts
        pairs = [("", match.group(1)) for match in _IN_ANGLES.finditer(flat)]
    return [
        (decode_header_value(display).strip().strip('"'), addr.strip().lower())
        for display, addr in pairs
    ]


def _address_pairs(text: str) -> list[tuple[str, str]]:
    try:
        return [(d, a) for d, a in getaddresses([text]) if "@" in a]
    except Exception:
        return []


def parse_date(value: str, received: datetime) -> tuple[datetime, bool]:
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


def auto_reason(msg: Message, from_addr: str) -> str | None:
    auto = header(msg, "Auto-Submitted").split(";")[0].strip().lower()
    if auto and auto != "no":
        return f"Auto-Submitted: {auto}"
    for name in ("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Failed-Recipients"):
        if msg.get(name) is not None:
            return f"{name} header"
    precedence = header(msg, "Precedence").strip().lower()
    if precedence == "auto_reply":
        return f"Precedence: {precedence}"
    if msg.get_content_type() == "multipart/report":
        report = (msg.get_param("report-type") or "") if msg.get("Content-Type") else ""
        return f"delivery report ({report})" if isinstance(report, str) and report else "report"
    local = from_addr.split("@", 1)[0]
    if local in _AUTO_SENDERS:
        return f"sent by {local}"
    if header(msg, "Return-Path").replace(" ", "") == "<>":
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


def bulk_reason(msg: Message, from_addr: str, reply_to: str | None) -> str | None:
    """Why this is newsletter, list, spam or no-reply mail, or None for a person writing.

    Read after ``auto_reason``: replies and bounces are not bulk. A no-reply sender with a
    real Reply-To (a web shop or contact form relaying a customer) is a person writing.
    """
    spam_flag = header(msg, "X-Spam-Flag").strip().lower()
    if spam_flag.startswith("yes"):
        return "marked as spam by the mail server (X-Spam-Flag)"
    if header(msg, "X-Spam-Status").strip().lower().startswith("yes"):
        return "marked as spam by the mail server (X-Spam-Status)"
    precedence = header(msg, "Precedence").strip().lower()
    if precedence in ("bulk", "list", "junk"):
        return f"Precedence: {precedence}"
    for name in _BULK_HEADERS:
        if msg.get(name) is not None:
            return f"{name} header (newsletter or mailing list)"
    if _is_no_reply(from_addr) and (reply_to is None or _is_no_reply(reply_to)):
        return f"sent from a no-reply address ({from_addr})"
    return None

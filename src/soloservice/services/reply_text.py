"""The words of a reply: its subject, the quote of the customer's mail, the signature.

Pure text, in the customer's language; the outbox (``services/outbox.py``) puts them together.
"""

from __future__ import annotations

from datetime import datetime

from soloservice.channels.email.threads import case_tag, normalise_subject
from soloservice.domain.signature import sign_once
from soloservice.domain.types import Language
from soloservice.services.context import ServiceContext

_MONTHS = {
    Language.DA: ("jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.",
                  "okt.", "nov.", "dec."),
    Language.NB: ("jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.", "sep.",
                  "okt.", "nov.", "des."),
    Language.EN: ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                  "Nov", "Dec"),
}  # fmt: skip


def attribution(language: Language, when: datetime, who: str) -> str:
    """The line above a quote, in the customer's language ("Den 24. nov. 2026 kl. 10.00 ...")."""
    month = _MONTHS[language][when.month - 1]
    if language is Language.DA:
        return f"Den {when.day}. {month} {when.year} kl. {when:%H.%M} skrev {who}:"
    if language is Language.NB:
        return f"Den {when.day}. {month} {when.year} kl. {when:%H:%M} skrev {who}:"
    return f"On {when.day} {month} {when.year} at {when:%H:%M}, {who} wrote:"


def quote(text: str) -> str:
    lines = text.strip("\n").splitlines() or [""]
    return "\n".join(">" if not line.strip() else f"> {line}" for line in lines)


def reply_subject(subject: str, inquiry_id: int) -> str:
    """ "Re: <subject> [#id]", whatever prefixes and tags the subject had already."""
    base = normalise_subject(subject)
    return f"Re: {base} {case_tag(inquiry_id)}" if base else f"Re: {case_tag(inquiry_id)}"


def sign_reply(body: str, signature: str, ctx: ServiceContext) -> str:
    """The reply with the account signature below it, once (domain.signature has the rule)."""
    settings = ctx.settings
    return sign_once(
        body, signature, founder_name=settings.founder_name, business_name=settings.business_name
    )

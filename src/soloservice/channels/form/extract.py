"""A notification mail -> the submission in it: who filled in the form, and what they wrote.

The body is read twice when the mail has both parts, as plain text and as HTML turned into
``Label: value`` lines, and the reading that knows more about the person wins (some services
put the fields only in the HTML). The person's address comes from an email field, a
``From: Name <address>`` line, or else the Reply-To, unless that is the service's own or a
no-reply address. A survey without a message field (Typeform, Google Forms) gets its answers
as the message: they are what the founder has to read.
"""

from __future__ import annotations

import re
from email.utils import getaddresses, parseaddr

from soloservice.channels.form.body_fields import parse_fields
from soloservice.channels.form.html_text import html_to_labelled_text
from soloservice.channels.form.labels import StandardField, field_kind
from soloservice.channels.form.rules import FormRule, FormSubmission, SampleMail
from soloservice.domain.identity import InvalidIdentity, normalise_email, normalise_phone

_EMAIL_IN_TEXT = re.compile(r"[^@\s<>()\"',;:]+@[^@\s<>()\"',;:]+\.[^@\s<>()\"',;:]+")
_NO_REPLY = re.compile(r"(^|[._+-])(no-?reply|do-?not-?reply|mailer-daemon|bounce)", re.I)


def _first_email(text: str) -> str | None:
    for candidate in _EMAIL_IN_TEXT.findall(text):
        try:
            return normalise_email(candidate.removeprefix("mailto:"))
        except InvalidIdentity:
            continue
    return None


def _reply_to_contact(reply_to: str | None, from_addr: str) -> tuple[str | None, str | None]:
    """The Reply-To's (name, email), unless it is the service's own or a no-reply address."""
    if not reply_to:
        return None, None
    sender = parseaddr(from_addr)[1].strip().lower()
    for display, address in getaddresses([reply_to]):
        try:
            email = normalise_email(address)
        except InvalidIdentity:
            continue
        if email == sender or _NO_REPLY.search(email.split("@")[0]):
            continue
        return (display.strip() or None), email
    return None, None


def _fields_for(
    rule: FormRule, text: str | None, html_text: str | None
) -> tuple[tuple[str, str], ...]:
    """Parse the plain text and the HTML; keep whichever says more about the person."""
    candidates: list[tuple[tuple[str, str], ...]] = []
    for body in (text, html_to_labelled_text(html_text) if html_text else None):
        if body and body.strip():
            candidates.append(parse_fields(body, rule.field_map, rule.stop_markers))

    def score(fields: tuple[tuple[str, str], ...]) -> tuple[int, int]:
        known = {field_kind(label, rule.field_map) for label, _ in fields} - {None, "ignore"}
        return len(known), len(fields)

    return max(candidates, key=score, default=())


def extract_submission(
    rule: FormRule,
    *,
    from_addr: str,
    reply_to: str | None,
    subject: str,
    text: str | None,
    html_text: str | None = None,
    region: str = "DK",
) -> FormSubmission | None:
    """The submission in a notification mail, or None when the rule does not apply to it.

    ``text`` is the mail's plain-text part and ``html_text`` its HTML part (either may be
    missing; HTML is converted here). ``region`` is the default country for phone numbers
    written without ``+45``/``+47``. Returns None too when the mail holds no fields and no
    usable Reply-To: there is no person to attach it to.
    """
    matched = rule.match(from_addr, subject)
    if matched is None:
        return None
    fields = _fields_for(rule, text, html_text)
    name = email = phone = message = topic = None
    first = last = None
    unknown: list[str] = []
    for label, value in fields:
        kind = field_kind(label, rule.field_map)
        if kind == StandardField.NAME and name is None:
            name = " ".join(value.split())
        elif kind == StandardField.FIRST_NAME and first is None:
            first = value.strip()
        elif kind == StandardField.LAST_NAME and last is None:
            last = value.strip()
        elif kind == StandardField.EMAIL and email is None:
            email = _first_email(value)
        elif kind == StandardField.PHONE and phone is None:
            try:
                phone = normalise_phone(value, region)
            except InvalidIdentity:
                phone = None
        elif kind == StandardField.MESSAGE and message is None:
            message = value
        elif kind == StandardField.SUBJECT and topic is None:
            topic = value.strip()
        elif kind == StandardField.SENDER:
            display, address = parseaddr(value)
            name = name or (display.strip() or None)
            email = email or _first_email(address or value)
        elif kind not in ("ignore", StandardField.SUBMITTED_AT):
            unknown.append(f"{label}: {value}")
    if name is None and (first or last):
        name = " ".join(part for part in (first, last) if part)
    reply_name, reply_email = _reply_to_contact(reply_to, from_addr)
    email = email or reply_email
    name = name or reply_name
    if message is None and unknown:
        # Surveys (Typeform, Google Forms) ask questions instead of "Message": the answers
        # are what the founder needs to read.
        message = "\n".join(unknown)
    if not fields and email is None:
        return None
    form_name = rule.form_name
    if form_name is None and isinstance(matched, re.Match) and "form" in matched.re.groupindex:
        form_name = (matched.group("form") or "").strip() or None
    return FormSubmission(
        form_name=form_name or rule.name,
        rule_name=rule.name,
        name=name or None,
        email=email,
        phone=phone,
        message=message or None,
        subject=topic or None,
        fields=fields,
    )


def extract_from_sample(
    rule: FormRule, sample: SampleMail, region: str = "DK"
) -> FormSubmission | None:
    """:func:`extract_submission` on a whole mail (a fetched one, or a preview sample)."""
    return extract_submission(
        rule,
        from_addr=sample.from_addr,
        reply_to=sample.reply_to,
        subject=sample.subject,
        text=sample.text,
        html_text=sample.html_text,
        region=region,
    )

"""A form submission -> a new form inquiry, from a notification mail or a CSV row alike.

A form notification is mailed by the form service, but the inquiry belongs to the person
who filled in the form: :func:`form_inquiry` builds it the same way whichever road the
entry came by (the mail hook here, the CSV import in ``services/form_csv.py``): matched by
email, else phone, the phone next to an email attached too, the form's other answers listed
below the message, tagged ``form:<form name>``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from email.utils import parseaddr

from soloservice.channels.email.parse import ParsedMail
from soloservice.channels.form.extract import extract_from_sample
from soloservice.channels.form.labels import field_kind
from soloservice.channels.form.rules import FormRule, FormSubmission, SampleMail, _compile
from soloservice.domain.types import Channel, IdentityKind
from soloservice.services.customers import CustomerRef
from soloservice.services.inquiries import NewInquiry

#: Fields that end up on the customer card or as the message itself, not listed below it.
_NOT_LISTED = frozenset({"name", "first_name", "last_name", "email", "message", "subject"})
_NOT_LISTED |= {"ignore", "sender", "submitted_at"}


def form_tag(form_name: str) -> str:
    """The tag an inquiry from ``form_name`` carries (tags are comma-separated: no commas)."""
    return "form:" + " ".join(form_name.replace(",", " ").split())


def form_customer(name: str | None, email: str | None, phone: str | None, form: str) -> CustomerRef:
    """Who filled in the form: matched by email, else phone; named as they wrote it."""
    if email:
        # The phone next to the email is theirs too: a later call finds the same customer.
        more = ((IdentityKind.PHONE, phone),) if phone else ()
        return CustomerRef(name=name or "", identity_kind=IdentityKind.EMAIL,
                           identity_value=email, more_identities=more)  # fmt: skip
    if phone:
        return CustomerRef(name=name or "", identity_kind=IdentityKind.PHONE,
                           identity_value=phone)  # fmt: skip
    return CustomerRef(name=name or f"{form} visitor")


def form_inquiry(
    *,
    form: str,
    name: str | None,
    email: str | None,
    phone: str | None,
    subject: str | None,
    message: str | None,
    listed: Sequence[str] = (),
    received_at: datetime | None = None,
    external_id: str | None = None,
) -> NewInquiry:
    """The inquiry for one entry. ``listed`` are the form's other answers ("Ordre: 1042"),
    shown below the message; an entry without a message of its own is titled by its form."""
    text = "\n\n".join(part for part in (message or "", "\n".join(listed)) if part)
    return NewInquiry(
        customer=form_customer(name, email, phone, form),
        channel=Channel.FORM,
        subject=subject or ("" if message else form),
        text=text,
        received_at=received_at,
        author=name or email or phone or "",
        external_id=external_id,
        tags=(form_tag(form),),
    )


def sample_from_mail(parsed: ParsedMail) -> SampleMail:
    """A fetched mail in the shape the rule preview reads."""
    return SampleMail(
        from_addr=parsed.from_addr,
        subject=parsed.subject,
        text=parsed.text,
        reply_to=parsed.reply_to,
        html_text=parsed.html,
    )


def submission_inquiry(
    rule: FormRule, submission: FormSubmission, parsed: ParsedMail
) -> NewInquiry:
    """The inquiry for a notification mail ``rule`` read ``submission`` from."""
    message = (submission.message or "").strip()
    listed = [
        f"{label}: {value}"
        for label, value in submission.fields
        if field_kind(label, rule.field_map) not in _NOT_LISTED
        and f"{label}: {value}" not in message
    ]
    return form_inquiry(
        form=submission.form_name,
        name=submission.name,
        email=submission.email,
        phone=submission.phone,
        subject=submission.subject,
        message=message,
        listed=listed,
        received_at=parsed.date,
        external_id=parsed.message_id,
    )


def _pattern(pattern: str | None, what: str) -> re.Pattern[str] | None:
    return _compile(pattern, what) if pattern is not None else None


class FormMailHook:
    """Turns a matching notification mail into a form inquiry (``MailIngest``'s FormHook).

    The rules are read once, when the hook is made: a sync of a thousand mails does not
    query the rule table a thousand times. Make a new hook after editing rules.
    """

    def __init__(self, rules: tuple[FormRule, ...], region: str) -> None:
        self.rules = rules
        self.region = region
        #: each rule's patterns compiled once (``FormRule.match`` compiles per call)
        self._patterns = [
            (r, _pattern(r.sender_pattern, "sender"), _pattern(r.subject_pattern, "subject"))
            for r in rules
        ]

    def _candidates(self, sample: SampleMail) -> list[FormRule]:
        """The rules whose sender/subject patterns fit (``FormRule.match`` with the address
        parsed once for all rules): every mail of a sync asks, and few are notifications."""
        address = parseaddr(sample.from_addr)[1].strip().lower()
        address = address or sample.from_addr.strip().lower()
        subject = sample.subject.strip()
        found: list[FormRule] = []
        for rule, sender, topic in self._patterns:
            if sender is None and topic is None:
                continue
            if sender is not None and not sender.search(address):
                continue
            if topic is not None and not topic.search(subject):
                continue
            found.append(rule)
        return found

    def first_match(self, sample: SampleMail) -> tuple[FormRule, FormSubmission] | None:
        """The first rule that reads a submission from ``sample``, with what it read."""
        for rule in self._candidates(sample):
            submission = extract_from_sample(rule, sample, self.region)
            if submission is not None:
                return rule, submission
        return None

    def match(self, parsed: ParsedMail) -> tuple[FormRule, FormSubmission] | None:
        return self.first_match(sample_from_mail(parsed))

    def __call__(self, parsed: ParsedMail) -> NewInquiry | None:
        found = self.match(parsed)
        if found is None:
            return None
        rule, submission = found
        return submission_inquiry(rule, submission, parsed)

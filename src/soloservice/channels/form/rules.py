"""Form notification mails -> the person who filled in the form.

A form service mails the founder "someone filled in your form"; the inquiry belongs to that
someone, not to ``noreply@formspree.io``. A :class:`FormRule` recognises one form's mails by
sender and/or subject, and :func:`extract_submission` reads the fields out of the body.

Patterns (sender and subject) are **globs** by default, matched against the whole value and
case-insensitively (``*@formspree.io``, ``New Entry: *``). A pattern starting with ``re:`` is a
Python **regular expression** searched anywhere in the value, case-insensitively
(``re:^\\[.+\\] ".*"$``); a named group ``form`` in a subject regex gives the form's name.
The sender is matched against the bare address, without the display name. A rule with both
patterns needs both to match; a rule with neither matches nothing (so a half-filled rule in the
editor can never swallow all mail).

The rule is here; reading a body into fields is ``channels/form/body_fields.py``, the whole
submission (who, which form, what they wrote) ``channels/form/extract.py``, and the built-in
rules with their sample mails are data in ``resources/forms/builtin_rules.toml``
(``channels/form/builtin_rules.py``).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from email.utils import parseaddr
from types import MappingProxyType

REGEX_PREFIX = "re:"

#: Standard fields a rule's ``field_map`` may point a label at.
MAPPABLE_FIELDS: frozenset[str] = frozenset(
    {"name", "first_name", "last_name", "email", "phone", "message", "subject", "ignore"}
)


class InvalidRule(ValueError):
    """The rule cannot work as written; the message says why, for the rule editor."""


def _compile(pattern: str, what: str) -> re.Pattern[str]:
    if pattern.startswith(REGEX_PREFIX):
        source = pattern[len(REGEX_PREFIX) :]
        try:
            return re.compile(source, re.IGNORECASE)
        except re.error as exc:
            raise InvalidRule(f"{what} pattern is not a valid regular expression: {exc}") from exc
    if not pattern.strip():
        raise InvalidRule(f"{what} pattern is empty")
    return re.compile(fnmatch.translate(pattern.strip()), re.IGNORECASE)


@dataclass(frozen=True)
class FormRule:
    """How to recognise one form's notification mails and read them.

    ``field_map`` maps a label as it appears in the mail (compared ignoring case, spaces and
    punctuation) to one of :data:`MAPPABLE_FIELDS`, for labels the built-in da/nb/en
    vocabulary does not know ("Hvad drejer det sig om?" -> ``message``). ``stop_markers``
    are line beginnings after which the mail is footer, not form content.
    """

    name: str
    sender_pattern: str | None = None
    subject_pattern: str | None = None
    field_map: Mapping[str, str] = field(default_factory=dict, hash=False)
    form_name: str | None = None
    stop_markers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidRule("the rule needs a name")
        if self.sender_pattern is not None:
            _compile(self.sender_pattern, "sender")
        if self.subject_pattern is not None:
            _compile(self.subject_pattern, "subject")
        for label, target in self.field_map.items():
            if target not in MAPPABLE_FIELDS:
                allowed = ", ".join(sorted(MAPPABLE_FIELDS))
                raise InvalidRule(f"label {label!r} maps to {target!r}; use one of: {allowed}")
        object.__setattr__(self, "field_map", MappingProxyType(dict(self.field_map)))

    def matches(self, from_addr: str, subject: str) -> bool:
        return self.match(from_addr, subject) is not None

    def match(self, from_addr: str, subject: str) -> re.Match[str] | bool | None:
        """None when the rule does not apply; the subject match (or True) when it does.

        The match is handed back because its ``form`` group names the form."""
        if self.sender_pattern is None and self.subject_pattern is None:
            return None
        if self.sender_pattern is not None:
            address = parseaddr(from_addr)[1].strip().lower() or from_addr.strip().lower()
            if not _compile(self.sender_pattern, "sender").search(address):
                return None
        if self.subject_pattern is not None:
            found = _compile(self.subject_pattern, "subject").search(subject.strip())
            return found
        return True


@dataclass(frozen=True)
class FormSubmission:
    """What a form notification says about the person who filled in the form.

    ``email`` and ``phone`` are normalised identities (lower-case address, E.164) ready for
    matching; ``fields`` keeps every label/value pair as found, including a phone number
    that could not be normalised.
    """

    form_name: str
    rule_name: str
    name: str | None
    email: str | None
    phone: str | None
    message: str | None
    subject: str | None
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SampleMail:
    """A realistic notification for the rule editor's live preview and for tests."""

    from_addr: str
    subject: str
    text: str
    reply_to: str | None = None
    html_text: str | None = None


def match_rule(rules: Iterable[FormRule], from_addr: str, subject: str) -> FormRule | None:
    """The first rule that matches; callers put the user's own rules before the built-ins."""
    for rule in rules:
        if rule.matches(from_addr, subject):
            return rule
    return None

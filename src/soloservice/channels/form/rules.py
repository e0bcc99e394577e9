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

The built-in sender/subject patterns and sample mails are modelled on the services' default
notifications as far as they are publicly described; where a service lets the site owner
change them (Contact Form 7, WPForms), the rule follows the defaults. They are plausible,
not captured from live mail: users with customised notifications add their own rule.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from email.utils import getaddresses, parseaddr
from types import MappingProxyType

from soloservice.channels.form.html_text import html_to_labelled_text
from soloservice.channels.form.labels import StandardField, compact_label, standard_field
from soloservice.domain.identity import InvalidIdentity, normalise_email, normalise_phone

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
        return self._match(from_addr, subject) is not None

    def _match(self, from_addr: str, subject: str) -> re.Match[str] | bool | None:
        """None when the rule does not apply; the subject match (or True) when it does."""
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


# -- parsing the body --------------------------------------------------------------------------

_WP_LABEL = re.compile(r"^-{2,}\s*(?P<label>\S.*?)\s*-{2,}$")
_COLON_LABEL = re.compile(r"^(?P<label>[^:\t]{1,80}?)\s*[:：]\s*(?P<value>.*)$")
_TAB_LABEL = re.compile(r"^(?P<label>[^\t]{1,60}?)\t+(?P<value>.*)$")
_EMAIL_IN_TEXT = re.compile(r"[^@\s<>()\"',;:]+@[^@\s<>()\"',;:]+\.[^@\s<>()\"',;:]+")
_NO_REPLY = re.compile(r"(^|[._+-])(no-?reply|do-?not-?reply|mailer-daemon|bounce)", re.I)
_SIGNATURE = {"--", "-- ", "—"}


@dataclass
class _Field:
    label: str
    lines: list[str]
    kind: str | None

    def value(self) -> str:
        lines = list(self.lines)
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join(line.rstrip() for line in lines).strip()


def _kind(label: str, field_map: Mapping[str, str]) -> str | None:
    compact = compact_label(label)
    for key, target in field_map.items():
        if compact_label(key) == compact:
            return target
    found = standard_field(label)
    return found.value if found is not None else None


def _plausible_label(label: str) -> bool:
    text = label.strip()
    if not text or len(text.split()) > 12:
        return False
    if text[-1].isdigit() or "://" in text or "@" in text or text.startswith(("http", "www.")):
        return False
    return any(ch.isalpha() for ch in text)


def _label_line(line: str, field_map: Mapping[str, str]) -> tuple[str, str, bool] | None:
    """``(label, value, known)`` when the line starts a field, else None."""
    stripped = line.strip()
    wp = _WP_LABEL.match(stripped)
    if wp:
        label = wp.group("label")
        return label, "", _kind(label, field_map) is not None
    for pattern in (_COLON_LABEL, _TAB_LABEL):
        found = pattern.match(stripped)
        if (
            found
            and _plausible_label(found.group("label"))
            and not found.group("value").startswith("//")
        ):
            label = found.group("label").strip().rstrip("*").strip()
            return label, found.group("value").strip(), _kind(label, field_map) is not None
    bare = stripped.rstrip(":?*").strip()
    if bare and _kind(bare, field_map) is not None and len(bare) <= 60:
        return bare, "", True
    return None


def parse_fields(
    text: str, field_map: Mapping[str, str] | None = None, stop_markers: Iterable[str] = ()
) -> tuple[tuple[str, str], ...]:
    """Every ``Label: value`` pair in a plain-text notification, in order.

    Understands ``Label: value``, ``Label:`` or a bare known label followed by value lines,
    WPForms' ``--- Label ---`` and tab-separated rows. A message field runs over several
    lines and blank lines until the next *known* label, so a customer writing "Ordre: 1042"
    inside their message does not cut it short; other fields end at a blank line.
    """
    mapping = field_map or {}
    markers = tuple(marker.lower() for marker in stop_markers if marker)
    found: list[_Field] = []
    current: _Field | None = None
    for raw_line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw_line.rstrip()
        if line in _SIGNATURE or (markers and line.strip().lower().startswith(markers)):
            break
        candidate = _label_line(line, mapping)
        in_message = current is not None and current.kind == "message"
        if candidate is not None and (not in_message or candidate[2]):
            label, value, _known = candidate
            current = _Field(label, [value] if value else [], _kind(label, mapping))
            found.append(current)
            continue
        if current is None:
            continue
        if in_message:
            current.lines.append(line)
        elif not line.strip():
            if current.value():
                current = None
        else:
            current.lines.append(line)
    return tuple((item.label, item.value()) for item in found if item.value())


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
        known = {_kind(label, rule.field_map) for label, _ in fields} - {None, "ignore"}
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
    matched = rule._match(from_addr, subject)
    if matched is None:
        return None
    fields = _fields_for(rule, text, html_text)
    name = email = phone = message = topic = None
    first = last = None
    unknown: list[str] = []
    for label, value in fields:
        kind = _kind(label, rule.field_map)
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


# -- built-in rules ----------------------------------------------------------------------------

CONTACT_FORM_7 = FormRule(
    name="WordPress Contact Form 7",
    sender_pattern="wordpress@*",
    subject_pattern=r're:^\[(?P<form>[^\]]+)\] ".*"$',
    stop_markers=("This e-mail was sent from a contact form", "Denne e-mail blev sendt fra"),
)
WPFORMS = FormRule(
    name="WPForms",
    subject_pattern=r"re:^(?:New Entry|Ny indsendelse|Ny innsending)\s*:\s*(?P<form>.+)$",
    stop_markers=("Sent from ", "Sendt fra "),
)
FORMSPREE = FormRule(
    name="Formspree",
    sender_pattern="*@formspree.io",
    subject_pattern=r"re:^New submission from (?P<form>.+)$",
    stop_markers=("Submitted ", "Mark as spam", "You are receiving this"),
)
NETLIFY_FORMS = FormRule(
    name="Netlify Forms",
    sender_pattern="formresponses@netlify.com",
    subject_pattern=r"re:form submission(?: from| on)?\s*(?P<form>.*)$",
    stop_markers=("You can see all your form submissions", "Visit your site's dashboard"),
)
TYPEFORM = FormRule(
    name="Typeform",
    sender_pattern=r"re:@(?:[a-z0-9-]+\.)*typeform\.(?:com|io)$",
    subject_pattern=r"re:^(?:new response|nyt svar|nytt svar)\b\s*(?:for|to|på|til|:)?\s*"
    r"(?P<form>.*)$",
    stop_markers=("See all responses", "View all responses", "You're receiving this"),
)
GOOGLE_FORMS = FormRule(
    name="Google Forms",
    sender_pattern=r"re:^forms-(?:receipts-)?noreply@google\.com$",
    # Always matches; only picks the quoted form title out of the subject when there is one.
    subject_pattern=r"""re:^(?:.*?["“«'](?P<form>[^"”»']+)["”»'])?""",
    stop_markers=("Create your own Google Form", "Opret din egen Google-formular"),
)
JOTFORM = FormRule(
    name="Jotform",
    sender_pattern=r"re:@(?:[a-z0-9-]+\.)*jotform\.com$",
    subject_pattern=r"re:^(?:re:\s*|new submission:\s*)?(?P<form>.+)$",
    stop_markers=("You can edit this submission", "Powered by Jotform"),
)
TALLY = FormRule(
    name="Tally",
    sender_pattern="*@tally.so",
    subject_pattern=r"re:(?:submission|response|besvarelse|svar)\b[^:]*:?\s*(?P<form>.*)$",
    stop_markers=("View all submissions", "Made with Tally", "Manage your notification"),
)

BUILTIN_RULES: tuple[FormRule, ...] = (
    CONTACT_FORM_7,
    WPFORMS,
    FORMSPREE,
    NETLIFY_FORMS,
    TYPEFORM,
    GOOGLE_FORMS,
    JOTFORM,
    TALLY,
)

SAMPLE_MAILS: Mapping[str, SampleMail] = MappingProxyType(
    {
        CONTACT_FORM_7.name: SampleMail(
            from_addr='"Hygge Keramik" <wordpress@hyggekeramik.dk>',
            reply_to="Mette Sørensen <mette.sorensen@gmail.com>",
            subject='[Hygge Keramik] "Revnet skål i min ordre"',
            text=(
                "Fra: Mette Sørensen <mette.sorensen@gmail.com>\n"
                "Emne: Revnet skål i min ordre\n"
                "Telefon: 22 33 44 55\n"
                "\n"
                "Besked:\n"
                "Hej,\n"
                "\n"
                "Jeg modtog ordre 1042 i går, men den store serveringsskål var revnet.\n"
                "Bemærk: pakken var ellers fin.\n"
                "Kan I sende en ny inden jul?\n"
                "\n"
                "Mvh Mette\n"
                "\n"
                "-- \n"
                "Denne e-mail blev sendt fra en kontaktformular på Hygge Keramik "
                "(https://hyggekeramik.dk)\n"
            ),
        ),
        WPFORMS.name: SampleMail(
            from_addr="Fjordkaffe <post@fjordkaffe.no>",
            reply_to="kari.nordmann@online.no",
            subject="New Entry: Kontaktskjema",
            text=(
                "--- Navn ---\n\nKari Nordmann\n\n"
                "--- E-post ---\n\nkari.nordmann@online.no\n\n"
                "--- Telefon ---\n\n912 34 567\n\n"
                "--- Melding ---\n\n"
                "Hei!\n\nKaffekvernen jeg kjøpte i oktober har sluttet å virke.\n"
                "Kan dere hjelpe?\n\n"
                "Sent from Fjordkaffe\n"
            ),
            html_text=(
                "<html><body><table width='100%'><tr><td align='center'>"
                "<table class='body'>"
                "<tr><td><strong>Navn</strong></td></tr><tr><td>Kari Nordmann</td></tr>"
                "<tr><td><strong>E-post</strong></td></tr>"
                "<tr><td><a href='mailto:kari.nordmann@online.no'>kari.nordmann@online.no</a>"
                "</td></tr>"
                "<tr><td><strong>Telefon</strong></td></tr><tr><td>912 34 567</td></tr>"
                "<tr><td><strong>Melding</strong></td></tr>"
                "<tr><td>Hei!<br><br>Kaffekvernen jeg kjøpte i oktober har sluttet å virke."
                "<br>Kan dere hjelpe?</td></tr>"
                "</table></td></tr></table>"
                "<p>Sent from <a href='https://fjordkaffe.no'>Fjordkaffe</a></p>"
                "</body></html>"
            ),
        ),
        FORMSPREE.name: SampleMail(
            from_addr="Formspree <noreply@formspree.io>",
            reply_to="lars.berg@outlook.dk",
            subject="New submission from Kontakt",
            text=(
                "Hey there,\n\n"
                "Someone just submitted your form on https://strikkeriet.dk/kontakt. "
                "Here's what they had to say:\n\n"
                "name:\nLars Berg\n\n"
                "email:\nlars.berg@outlook.dk\n\n"
                "telefon:\n+45 40 11 22 33\n\n"
                "message:\nHej! Garnet fra ordre 2231 har en anden farve end på billedet.\n"
                "Kan jeg bytte det?\n\n"
                "Submitted 09:12 AM - 24 November 2026\n\n"
                "Mark as spam\n"
            ),
        ),
        NETLIFY_FORMS.name: SampleMail(
            from_addr="Netlify Forms <formresponses@netlify.com>",
            reply_to="ingrid.haugen@gmail.com",
            subject="[Netlify] New form submission from kontakt",
            text=(
                "You've got a new form submission on fjellbakeri.netlify.app "
                "from your kontakt form.\n\n"
                "Name: Ingrid Haugen\n"
                "Email: ingrid.haugen@gmail.com\n"
                "Phone: 41 23 45 67\n"
                "Message: Hei, kaka jeg hentet lørdag var tørr og smakte gammelt.\n"
                "Jeg vil gjerne ha pengene tilbake.\n\n"
                "You can see all your form submissions in your site's dashboard.\n"
            ),
        ),
        TYPEFORM.name: SampleMail(
            from_addr="Typeform <notifications@typeform.io>",
            subject="New response for Kundetilfredshed",
            text="",
            html_text=(
                "<html><body><h1>Kundetilfredshed</h1><p>You've got a new response!</p>"
                "<table>"
                "<tr><td><strong>Hvad hedder du?</strong></td></tr><tr><td>Anders Holm</td></tr>"
                "<tr><td><strong>Din e-mail</strong></td></tr>"
                "<tr><td>anders.holm@mail.dk</td></tr>"
                "<tr><td><strong>Hvor sandsynligt er det, at du vil anbefale os?</strong></td>"
                "</tr><tr><td>4</td></tr>"
                "<tr><td><strong>Hvad kan vi gøre bedre?</strong></td></tr>"
                "<tr><td>Leveringen tog tre uger, og ingen svarede på min mail.</td></tr>"
                "</table><p><a href='https://admin.typeform.com'>See all responses</a></p>"
                "</body></html>"
            ),
        ),
        GOOGLE_FORMS.name: SampleMail(
            from_addr="Google Forms <forms-receipts-noreply@google.com>",
            subject='Nyt svar på "Reklamation"',
            text=(
                "Reklamation\n\n"
                "Navn\nSofie Lund\n\n"
                "E-mail\nsofie.lund@hotmail.com\n\n"
                "Telefonnummer\n28 91 04 55\n\n"
                "Beskriv problemet\nLampen blinker, når den er tændt i mere end ti minutter.\n\n"
                "Create your own Google Form\n"
            ),
        ),
        JOTFORM.name: SampleMail(
            from_addr="Jotform <noreply@jotform.com>",
            reply_to="erik.dahl@yahoo.no",
            subject="Re: Reklamasjonsskjema",
            text="",
            html_text=(
                "<html><body><table><tr><td><table cellpadding='8'>"
                "<tr><th>Reklamasjonsskjema</th></tr>"
                "<tr><td>Navn</td><td>Erik Dahl</td></tr>"
                "<tr><td>E-post</td><td><a href='mailto:erik.dahl@yahoo.no'>"
                "erik.dahl@yahoo.no</a></td></tr>"
                "<tr><td>Mobil</td><td>(+47) 934 56 789</td></tr>"
                "<tr><td>Ordrenummer</td><td>NO-5521</td></tr>"
                "<tr><td>Kommentar</td><td>Jakken har en søm som har gått opp etter to "
                "uker.<br>Kan jeg få den reparert eller byttet?</td></tr>"
                "</table></td></tr></table>"
                "<p>You can edit this submission and view all your submissions easily.</p>"
                "</body></html>"
            ),
        ),
        TALLY.name: SampleMail(
            from_addr="Tally <notifications@tally.so>",
            subject="New Tally form submission: Kontakt os",
            text=(
                "Kontakt os\n\n"
                "Navn\nPeter Friis\n\n"
                "E-mail\npeter@friis-vvs.dk\n\n"
                "Tlf.\n31 42 53 64\n\n"
                "Besked\nFakturaen for november er sendt to gange. Hvilken skal jeg betale?\n\n"
                "View all submissions\n"
            ),
        ),
    }
)

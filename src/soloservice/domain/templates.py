"""Reply templates with placeholders, and the built-in set in Danish, Norwegian and English.

Good replies are quick only when the founder does not have to write them from scratch. A
template is plain text with ``{name}`` or ``{name|fallback}`` placeholders; ``{{`` and ``}}``
are literal braces. A misspelt placeholder would reach the customer as an empty gap, so
templates with unknown names are refused when saved (:func:`ensure_valid`), and rendering
reports which placeholders came out empty so the composer can warn before sending.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from soloservice.domain.types import Channel, Language

KNOWN_PLACEHOLDERS: Mapping[str, str] = MappingProxyType(
    {
        "customer.name": "The customer's full name",
        "customer.first_name": "The customer's first name",
        "customer.email": "The customer's email address",
        "customer.phone": "The customer's phone number",
        "case.id": "The case number, as in the subject tag [#42]",
        "case.subject": "The subject of the inquiry",
        "case.channel": "Where the inquiry came in (email, phone, ...)",
        "promise.due": "When the customer will hear from us, in their language",
        "founder.name": "Your name",
        "founder.first_name": "Your first name",
        "business.name": "The business's name",
        "business.email": "The business's email address",
        "business.phone": "The business's phone number",
        "business.website": "The business's website",
    }
)
"""Placeholder names a template may use, with a description for the template editor."""

FILL_IN = "…"
"""Marks the spot in a built-in template where the founder writes the case-specific part."""

_NAME = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*")


class TemplateError(ValueError):
    """A template cannot be saved or rendered; ``problems`` lists every reason."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("; ".join(self.problems))


@dataclass(frozen=True)
class Template:
    """A reusable reply. ``channels`` empty means it suits every channel."""

    key: str
    name: str
    language: Language
    subject: str
    body: str
    channels: frozenset[Channel] = frozenset()
    shortcut: str | None = None
    builtin: bool = False

    def suits(self, channel: Channel) -> bool:
        return not self.channels or channel in self.channels


@dataclass(frozen=True)
class Placeholder:
    name: str
    fallback: str | None  # None: no "|" given; "" is an explicit empty fallback


@dataclass(frozen=True)
class Rendered:
    """Rendered text and the placeholders that had neither a value nor a fallback."""

    text: str
    empty: tuple[str, ...]


@dataclass(frozen=True)
class RenderedTemplate:
    subject: str
    body: str
    empty: tuple[str, ...]


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _scan(text: str) -> tuple[list[str | Placeholder], list[str]]:
    """Split ``text`` into literal strings and placeholders, collecting syntax problems."""
    parts: list[str | Placeholder] = []
    problems: list[str] = []
    literal: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "{" and text.startswith("{{", i):
            literal.append("{")
            i += 2
        elif char == "{":
            close = text.find("}", i + 1)
            reopen = text.find("{", i + 1)
            if close == -1 or (reopen != -1 and reopen < close):
                problems.append(f"unclosed '{{' on line {_line_of(text, i)}")
                literal.append(char)
                i += 1
                continue
            inner = text[i + 1 : close]
            name, bar, fallback = inner.partition("|")
            name = name.strip()
            if not _NAME.fullmatch(name):
                problems.append(f"malformed placeholder {{{inner}}} on line {_line_of(text, i)}")
            if literal:
                parts.append("".join(literal))
                literal = []
            parts.append(Placeholder(name, fallback if bar else None))
            i = close + 1
        elif char == "}" and text.startswith("}}", i):
            literal.append("}")
            i += 2
        elif char == "}":
            problems.append(f"unmatched '}}' on line {_line_of(text, i)}")
            literal.append(char)
            i += 1
        else:
            literal.append(char)
            i += 1
    if literal:
        parts.append("".join(literal))
    return parts, problems


def placeholders(text: str) -> list[str]:
    """Placeholder names used in ``text``, in order of first use."""
    parts, _ = _scan(text)
    names = (part.name for part in parts if isinstance(part, Placeholder))
    return list(dict.fromkeys(names))


def validate_text(text: str, known: Iterable[str] = KNOWN_PLACEHOLDERS) -> list[str]:
    """Syntax problems and unknown placeholder names in one piece of template text."""
    parts, problems = _scan(text)
    allowed = set(known)
    used = (part.name for part in parts if isinstance(part, Placeholder))
    # Malformed names were already reported by the scan; only well-formed ones can be unknown.
    problems.extend(
        f"unknown placeholder {{{name}}}"
        for name in used
        if _NAME.fullmatch(name) and name not in allowed
    )
    return list(dict.fromkeys(problems))


def validate(template: Template) -> list[str]:
    """Everything that must be fixed before ``template`` may be saved; empty when valid."""
    problems: list[str] = []
    if not template.key.strip():
        problems.append("the template needs a key")
    if not template.name.strip():
        problems.append("the template needs a name")
    if template.shortcut is not None and not template.shortcut.strip():
        problems.append("the shortcut must not be blank (leave it out instead)")
    problems.extend(f"subject: {problem}" for problem in validate_text(template.subject))
    problems.extend(f"body: {problem}" for problem in validate_text(template.body))
    return problems


def ensure_valid(template: Template) -> Template:
    """Return ``template`` unchanged, or raise :class:`TemplateError` (used when saving)."""
    problems = validate(template)
    if problems:
        raise TemplateError(problems)
    return template


def render(text: str, values: Mapping[str, str | None]) -> Rendered:
    """Fill in ``text``; a value that is missing, ``None`` or blank uses the fallback.

    Placeholders with neither a value nor a fallback render as nothing and are listed in
    ``Rendered.empty``; an explicit empty fallback (``{customer.first_name|}``) is a deliberate
    choice and is not reported. Trailing spaces left on a line ("Hej " with no first name) are
    trimmed. Raises :class:`TemplateError` on broken brace syntax.
    """
    parts, problems = _scan(text)
    if problems:
        raise TemplateError(problems)
    out: list[str] = []
    empty: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        value = values.get(part.name)
        if value is not None and value.strip():
            out.append(value)
        elif part.fallback is not None:
            out.append(part.fallback)
        elif part.name not in empty:
            empty.append(part.name)
    rendered = "\n".join(line.rstrip(" \t") for line in "".join(out).split("\n"))
    return Rendered(text=rendered, empty=tuple(empty))


def render_template(template: Template, values: Mapping[str, str | None]) -> RenderedTemplate:
    subject = render(template.subject, values)
    body = render(template.body, values)
    empty = tuple(dict.fromkeys(subject.empty + body.empty))
    return RenderedTemplate(subject=subject.text, body=body.text, empty=empty)


def first_name(full_name: str | None) -> str | None:
    """The first word of a name, for ``customer.first_name`` when only a full name is known."""
    if full_name is None or not full_name.strip():
        return None
    return full_name.split()[0]


# -- built-in templates ---------------------------------------------------------------------

_GREETING: Mapping[Language, str] = MappingProxyType(
    {
        Language.DA: "Hej {customer.first_name|}",
        Language.NB: "Hei {customer.first_name|}",
        Language.EN: "Hi {customer.first_name|there},",
    }
)

_SIGN_OFF: Mapping[Language, str] = MappingProxyType(
    {
        Language.DA: "Venlig hilsen\n{founder.name}\n{business.name}",
        Language.NB: "Vennlig hilsen\n{founder.name}\n{business.name}",
        Language.EN: "Kind regards,\n{founder.name}\n{business.name}",
    }
)

_SUBJECT: Mapping[Language, str] = MappingProxyType(
    {
        Language.DA: "Re: {case.subject|Din henvendelse} [#{case.id}]",
        Language.NB: "Re: {case.subject|Henvendelsen din} [#{case.id}]",
        Language.EN: "Re: {case.subject|Your inquiry} [#{case.id}]",
    }
)

# key -> shortcut, then per language (name, middle of the body)
_BUILTIN_TEXTS: tuple[tuple[str, str, Mapping[Language, tuple[str, str]]], ...] = (
    (
        "ack",
        "ack",
        {
            Language.DA: (
                "Kvittering",
                "Tak for din henvendelse. Vi har modtaget den og vender tilbage senest "
                "{promise.due}.\n\n"
                "Har du noget at tilføje i mellemtiden, er du velkommen til at svare på denne "
                "besked.",
            ),
            Language.NB: (
                "Bekreftelse",
                "Takk for henvendelsen din. Vi har mottatt den, og vi svarer deg innen "
                "{promise.due}.\n\n"
                "Har du noe å legge til i mellomtiden, kan du bare svare på denne meldingen.",
            ),
            Language.EN: (
                "Acknowledgement",
                "Thank you for getting in touch. We have received your message, and you will "
                "hear from us by {promise.due}.\n\n"
                "If there is anything you would like to add in the meantime, just reply to "
                "this message.",
            ),
        },
    ),
    (
        "ack_complaint",
        "ackc",
        {
            Language.DA: (
                "Kvittering – klage",
                "Tak, fordi du tog dig tid til at skrive til os. Vi er kede af, at du er blevet "
                "skuffet, og vi tager din henvendelse alvorligt.\n\n"
                "Vi ser nærmere på sagen og vender tilbage senest {promise.due}.",
            ),
            Language.NB: (
                "Bekreftelse – klage",
                "Takk for at du tok deg tid til å skrive til oss. Vi beklager at du har blitt "
                "skuffet, og vi tar henvendelsen din på alvor.\n\n"
                "Vi ser nærmere på saken og svarer deg innen {promise.due}.",
            ),
            Language.EN: (
                "Acknowledgement – complaint",
                "Thank you for taking the time to write to us. We are sorry to hear that you "
                "have been disappointed, and we take it seriously.\n\n"
                "We are looking into it now, and you will hear from us by {promise.due}.",
            ),
        },
    ),
    (
        "need_info",
        "info",
        {
            Language.DA: (
                "Vi mangler oplysninger",
                "Tak for din besked. For at vi kan hjælpe dig bedst muligt, har vi brug for "
                "lidt flere oplysninger.\n\n"
                "Vil du sende os dit ordrenummer og gerne et billede eller en kort beskrivelse "
                "af problemet?\n\n"
                "Du kan bare svare på denne besked – vi går videre med sagen, så snart vi har "
                "hørt fra dig.",
            ),
            Language.NB: (
                "Vi trenger mer informasjon",
                "Takk for meldingen din. For at vi skal kunne hjelpe deg best mulig, trenger vi "
                "litt mer informasjon.\n\n"
                "Kan du sende oss ordrenummeret ditt, og gjerne et bilde eller en kort "
                "beskrivelse av problemet?\n\n"
                "Du kan bare svare på denne meldingen – vi går videre med saken så snart vi har "
                "hørt fra deg.",
            ),
            Language.EN: (
                "We need more information",
                "Thank you for your message. So that we can help you as well as possible, we "
                "need a little more information.\n\n"
                "Could you send us your order number and, if possible, a photo or a short "
                "description of the problem?\n\n"
                "Just reply to this message, and we will pick things up as soon as we hear "
                "from you.",
            ),
        },
    ),
    (
        "apology",
        "sorry",
        {
            Language.DA: (
                "Undskyldning med løsning",
                "Tak for din tålmodighed. Vi har nu set nærmere på sagen, og vi er virkelig "
                "kede af, at det ikke gik, som det skulle. Det vil vi gerne rette op på.\n\n"
                f"Det gør vi:\n\n{FILL_IN}\n\n"
                "Sig endelig til, om løsningen passer dig – og om der er mere, vi kan gøre.",
            ),
            Language.NB: (
                "Beklagelse med løsning",
                "Takk for tålmodigheten din. Vi har nå sett nærmere på saken, og vi beklager "
                "virkelig at det ikke ble som det skulle. Det vil vi gjerne rette opp.\n\n"
                f"Dette gjør vi:\n\n{FILL_IN}\n\n"
                "Si gjerne fra om løsningen passer for deg – og om det er noe mer vi kan gjøre.",
            ),
            Language.EN: (
                "Apology with a solution",
                "Thank you for your patience. We have now looked into your case, and we are "
                "truly sorry that things did not go as they should. We want to put it right."
                f"\n\nThis is what we will do:\n\n{FILL_IN}\n\n"
                "Please let us know whether this works for you – and if there is anything more "
                "we can do.",
            ),
        },
    ),
    (
        "refund_replacement",
        "refund",
        {
            Language.DA: (
                "Refusion eller ny vare",
                "Tak for din tålmodighed, og undskyld igen besværet.\n\n"
                "Vi sender dig gerne en ny vare uden beregning, eller hvis du hellere vil det, "
                "refunderer vi hele beløbet. Svar blot på denne besked med, hvad du "
                "foretrækker, så ordner vi det med det samme.",
            ),
            Language.NB: (
                "Refusjon eller ny vare",
                "Takk for tålmodigheten din, og beklager igjen bryderiet.\n\n"
                "Vi sender deg gjerne en ny vare uten kostnad, eller om du heller vil det, "
                "refunderer vi hele beløpet. Bare svar på denne meldingen med hva du "
                "foretrekker, så ordner vi det med en gang.",
            ),
            Language.EN: (
                "Refund or replacement",
                "Thank you for your patience, and sorry again for the trouble.\n\n"
                "We would be happy to send you a replacement free of charge or, if you prefer, "
                "refund the full amount. Just reply to this message and tell us which you "
                "would like, and we will take care of it straight away.",
            ),
        },
    ),
    (
        "satisfied",
        "nps",
        {
            Language.DA: (
                "Er du tilfreds?",
                "Vi har for nylig hjulpet dig med din henvendelse, og vi vil gerne høre, "
                "hvordan det gik.\n\n"
                "Er du tilfreds med løsningen? Svar gerne bare ja eller nej på denne besked – "
                "og sig endelig til, hvis der er mere, vi kan gøre for dig.\n\n"
                "Og har du et øjeblik mere: Hvor sandsynligt er det, at du vil anbefale "
                "{business.name|os} til en ven eller kollega? Svar med et tal fra 0 til 10, "
                "hvor 0 er slet ikke sandsynligt, og 10 er meget sandsynligt.\n\n"
                "Tak – dit svar hjælper os til at blive bedre.",
            ),
            Language.NB: (
                "Er du fornøyd?",
                "Vi hjalp deg nylig med henvendelsen din, og vi vil gjerne høre hvordan det "
                "gikk.\n\n"
                "Er du fornøyd med løsningen? Svar gjerne bare ja eller nei på denne meldingen "
                "– og si fra hvis det er noe mer vi kan gjøre for deg.\n\n"
                "Og har du et øyeblikk til: Hvor sannsynlig er det at du vil anbefale "
                "{business.name|oss} til en venn eller kollega? Svar med et tall fra 0 til 10, "
                "der 0 er svært lite sannsynlig og 10 er svært sannsynlig.\n\n"
                "Takk – svaret ditt hjelper oss å bli bedre.",
            ),
            Language.EN: (
                "Are you satisfied?",
                "We recently helped you with your inquiry, and we would love to hear how it "
                "went.\n\n"
                "Are you happy with the solution? Just reply yes or no to this message – and "
                "do tell us if there is anything more we can do for you.\n\n"
                "And if you have a moment more: how likely are you to recommend "
                "{business.name|us} to a friend or colleague? Reply with a number from 0 to "
                "10, where 0 is not at all likely and 10 is extremely likely.\n\n"
                "Thank you – your answer helps us get better.",
            ),
        },
    ),
    (
        "callback_note",
        "call",
        {
            Language.DA: (
                "Vi ringer dig op",
                "Tak, fordi du ringede. Vi ringer dig op senest {promise.due} på "
                "{customer.phone|det nummer, du ringede fra}.\n\n"
                "Passer tidspunktet dig dårligt, kan du bare svare på denne besked med et "
                "tidspunkt, der passer bedre.",
            ),
            Language.NB: (
                "Vi ringer deg tilbake",
                "Takk for at du ringte. Vi ringer deg tilbake innen {promise.due} på "
                "{customer.phone|nummeret du ringte fra}.\n\n"
                "Hvis tidspunktet ikke passer, kan du bare svare på denne meldingen med et "
                "tidspunkt som passer bedre.",
            ),
            Language.EN: (
                "Call-back note",
                "Thank you for calling. We will call you back by {promise.due} on "
                "{customer.phone|the number you called from}.\n\n"
                "If that time does not suit you, just reply to this message with a time that "
                "works better.",
            ),
        },
    ),
)


def _builtins() -> tuple[Template, ...]:
    templates: list[Template] = []
    for key, shortcut, texts in _BUILTIN_TEXTS:
        for language, (name, middle) in texts.items():
            body = f"{_GREETING[language]}\n\n{middle}\n\n{_SIGN_OFF[language]}"
            templates.append(
                Template(
                    key=key,
                    name=name,
                    language=language,
                    subject=_SUBJECT[language],
                    body=body,
                    shortcut=shortcut,
                    builtin=True,
                )
            )
    return tuple(templates)


BUILTIN_TEMPLATES: tuple[Template, ...] = _builtins()
BUILTIN_KEYS: tuple[str, ...] = tuple(key for key, _, _ in _BUILTIN_TEXTS)


def template_for(
    key: str, language: Language, templates: Iterable[Template] = BUILTIN_TEMPLATES
) -> Template:
    """The template ``key`` in ``language``; raises ``KeyError`` when there is none.

    Pass the founder's own templates first and the built-ins after them to let edits win.
    """
    for template in templates:
        if template.key == key and template.language == language:
            return template
    raise KeyError(f"no template {key!r} in {language.value}")

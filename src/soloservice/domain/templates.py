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

from soloservice.domain.template_texts import BUILTIN_TEXTS, FILL_IN, GREETING, SIGN_OFF, SUBJECT
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


_NAME = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*")


__all__ = [
    "BUILTIN_KEYS",
    "BUILTIN_TEMPLATES",
    "FILL_IN",
    "KNOWN_PLACEHOLDERS",
    "Placeholder",
    "Rendered",
    "RenderedTemplate",
    "Template",
    "TemplateError",
    "ensure_valid",
    "first_name",
    "placeholders",
    "render",
    "render_template",
    "template_for",
    "validate",
    "validate_text",
]


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


# -- built-in templates (their words are domain/template_texts.py) -------------------------


def _builtins() -> tuple[Template, ...]:
    templates: list[Template] = []
    for key, shortcut, texts in BUILTIN_TEXTS:
        for language, (name, middle) in texts.items():
            body = f"{GREETING[language]}\n\n{middle}\n\n{SIGN_OFF[language]}"
            templates.append(
                Template(
                    key=key,
                    name=name,
                    language=language,
                    subject=SUBJECT[language],
                    body=body,
                    shortcut=shortcut,
                    builtin=True,
                )
            )
    return tuple(templates)


BUILTIN_TEMPLATES: tuple[Template, ...] = _builtins()
BUILTIN_KEYS: tuple[str, ...] = tuple(key for key, _, _ in BUILTIN_TEXTS)


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

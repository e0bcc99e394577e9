"""Template rendering against a model: placeholders, fallbacks, missing values, escaping.

Each template is built from pieces whose rendering is known (literal text, ``{{``/``}}``,
``{name}``, ``{name|fallback}``), so the expected text can be computed independently of
``domain/templates.py`` and compared exactly, along with the placeholders reported empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.templates import (
    BUILTIN_KEYS,
    BUILTIN_TEMPLATES,
    FILL_IN,
    KNOWN_PLACEHOLDERS,
    Template,
    TemplateError,
    ensure_valid,
    first_name,
    placeholders,
    render,
    render_template,
    template_for,
    validate,
    validate_text,
)
from soloservice.domain.types import Channel, Language
from soloservice.domain.wording import format_promise
from tests.properties.conftest import PROPERTIES

KNOWN = sorted(KNOWN_PLACEHOLDERS)


@dataclass(frozen=True)
class Piece:
    kind: str  # "text", "open", "close", "slot"
    text: str = ""
    name: str = ""
    fallback: str | None = None

    def source(self) -> str:
        if self.kind == "text":
            return self.text
        if self.kind == "open":
            return "{{"
        if self.kind == "close":
            return "}}"
        return "{" + self.name + ("" if self.fallback is None else "|" + self.fallback) + "}"


literal = st.text(alphabet=st.characters(blacklist_characters="{}", codec="utf-8"), max_size=15)
fallback = st.none() | st.text(
    alphabet=st.characters(blacklist_characters="{}", codec="utf-8"), max_size=10
)
piece = st.one_of(
    literal.map(lambda text: Piece("text", text=text)),
    st.just(Piece("open")),
    st.just(Piece("close")),
    st.builds(lambda n, f: Piece("slot", name=n, fallback=f), st.sampled_from(KNOWN), fallback),
)
pieces = st.lists(piece, max_size=12)
value = st.none() | st.sampled_from(["", "  ", "\t"]) | st.text(max_size=12)
values = st.dictionaries(st.sampled_from(KNOWN), value, max_size=len(KNOWN))


def model(parts: list[Piece], given_values: dict[str, str | None]) -> tuple[str, tuple[str, ...]]:
    """What the module docstring promises, written the plain way."""
    out: list[str] = []
    empty: list[str] = []
    for part in parts:
        if part.kind == "text":
            out.append(part.text)
        elif part.kind == "open":
            out.append("{")
        elif part.kind == "close":
            out.append("}")
        else:
            got = given_values.get(part.name)
            if got is not None and got.strip():
                out.append(got)
            elif part.fallback is not None:
                out.append(part.fallback)
            elif part.name not in empty:
                empty.append(part.name)
    text = "\n".join(line.rstrip(" \t") for line in "".join(out).split("\n"))
    return text, tuple(empty)


@PROPERTIES
@given(pieces, values)
def test_rendering_matches_the_model(
    parts: list[Piece], given_values: dict[str, str | None]
) -> None:
    source = "".join(part.source() for part in parts)
    rendered = render(source, given_values)
    assert (rendered.text, rendered.empty) == model(parts, given_values)


@PROPERTIES
@given(pieces)
def test_well_formed_templates_of_known_names_are_valid(parts: list[Piece]) -> None:
    source = "".join(part.source() for part in parts)
    assert validate_text(source) == []
    used = [part.name for part in parts if part.kind == "slot"]
    assert placeholders(source) == list(dict.fromkeys(used))


@PROPERTIES
@given(pieces, st.dictionaries(st.sampled_from(KNOWN), st.text(min_size=1).filter(str.strip)))
def test_a_value_is_inserted_as_is_never_expanded_again(
    parts: list[Piece], given_values: dict[str, str]
) -> None:
    """A customer named "{business.name}" or "}}" is written as they typed it."""
    hostile: dict[str, str | None] = {
        name: "{" + other + "}" for name, other in zip(KNOWN, reversed(KNOWN), strict=True)
    }
    hostile.update({name: v + "{{}}" for name, v in given_values.items()})
    source = "".join(part.source() for part in parts)
    rendered = render(source, hostile)
    assert rendered.text == model(parts, hostile)[0]
    assert rendered.empty == ()


@PROPERTIES
@given(literal, st.sampled_from(KNOWN))
def test_doubled_braces_are_literal_braces_not_placeholders(text: str, name: str) -> None:
    source = text + "{{" + name + "}}"
    assert placeholders(source) == []
    rendered = render(source, {name: "VALUE"})
    expected = [Piece("text", text=text), Piece("open"), Piece("text", text=name), Piece("close")]
    assert rendered.text == model(expected, {})[0]
    assert rendered.text.endswith("{" + name + "}")
    assert "VALUE" not in rendered.text


@PROPERTIES
@given(st.sampled_from(KNOWN), st.sampled_from([None, "", " ", "\n"]))
def test_a_missing_or_blank_value_is_reported_once(name: str, blank: str | None) -> None:
    source = "{" + name + "} and {" + name + "} again"
    rendered = render(source, {name: blank})
    assert rendered.empty == (name,)
    assert rendered.text == " and  again"
    with_fallback = render("{" + name + "|x} {" + name + "|}", {name: blank})
    assert with_fallback.text == "x"
    assert with_fallback.empty == ()  # an explicit fallback, even empty, is a choice


@PROPERTIES
@given(st.from_regex(r"[a-z][a-z0-9_]{0,8}(\.[a-z][a-z0-9_]{0,8})?", fullmatch=True))
def test_unknown_names_are_refused_when_saving(name: str) -> None:
    source = f"Hej {{{name}}}"
    problems = validate_text(source)
    if name in KNOWN_PLACEHOLDERS:
        assert problems == []
        return
    assert problems == [f"unknown placeholder {{{name}}}"]
    template = Template(key="mine", name="Mine", language=Language.DA, subject="Hej", body=source)
    with pytest.raises(TemplateError) as error:
        ensure_valid(template)
    assert error.value.problems == (f"body: unknown placeholder {{{name}}}",)
    # rendering is still possible: the composer warns, the unknown name is simply empty
    assert render(source, {}).empty == (name,)


@PROPERTIES
@given(literal, st.sampled_from(["{", "}", "{customer.name", "{{customer.name}", "a}b"]), literal)
def test_broken_braces_are_refused_with_the_line(before: str, broken: str, after: str) -> None:
    source = before + "\n\n" + broken + after
    problems = validate_text(source)
    assert problems
    line = before.count("\n") + 3
    assert any(f"line {line}" in problem for problem in problems), problems
    with pytest.raises(TemplateError):
        render(source, {})


@pytest.mark.parametrize("inner", ["Customer.Name", "customer name", "1case", "case.", ".id", ""])
def test_malformed_names_are_named_in_the_problem(inner: str) -> None:
    problems = validate_text("Hej {" + inner + "}")
    assert problems == [f"malformed placeholder {{{inner}}} on line 1"]


def test_trailing_spaces_left_by_an_empty_placeholder_are_trimmed() -> None:
    rendered = render("Hej {customer.first_name|}\n\nTak", {})
    assert rendered.text == "Hej\n\nTak"
    rendered = render("Hi {customer.first_name|there},", {"customer.first_name": "  "})
    assert rendered.text == "Hi there,"


def test_spaces_around_a_name_inside_the_braces_are_forgiven() -> None:
    assert placeholders("{ customer.name }") == ["customer.name"]
    assert render("{ customer.name }", {"customer.name": "Mette"}).text == "Mette"


@PROPERTIES
@given(
    st.lists(st.text(alphabet="abcæøåABCÆØÅ-'.", min_size=1, max_size=8), min_size=1, max_size=4),
    st.sampled_from([" ", "  ", "\t", "\n"]),
)
def test_first_name_is_the_first_word(words: list[str], gap: str) -> None:
    assert first_name(gap + gap.join(words) + gap) == words[0]


@pytest.mark.parametrize("blank", [None, "", "   ", "\n"])
def test_no_first_name_from_nothing(blank: str | None) -> None:
    assert first_name(blank) is None


# -- the built-in templates ----------------------------------------------------------------


FULL_VALUES = {
    "customer.name": "Mette Hansen",
    "customer.first_name": "Mette",
    "customer.email": "mette@example.dk",
    "customer.phone": "+45 20 30 40 50",
    "case.id": "42",
    "case.subject": "Knust vase",
    "case.channel": "email",
    "promise.due": "tirsdag den 26. maj kl. 16.55",
    "founder.name": "Sofie Holm",
    "founder.first_name": "Sofie",
    "business.name": "Holm Keramik",
    "business.email": "kontakt@holmkeramik.dk",
    "business.phone": "+45 70 10 20 30",
    "business.website": "holmkeramik.dk",
}


def test_every_builtin_exists_in_every_language_and_is_valid() -> None:
    for key in BUILTIN_KEYS:
        for language in Language:
            template = template_for(key, language)
            assert template.builtin
            assert validate(template) == [], (key, language)
            assert set(placeholders(template.subject + template.body)) <= set(KNOWN_PLACEHOLDERS)
    assert len(BUILTIN_TEMPLATES) == len(BUILTIN_KEYS) * len(Language)
    assert len({t.shortcut for t in BUILTIN_TEMPLATES}) == len(BUILTIN_KEYS)


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda t: f"{t.key}-{t.language}")
def test_a_builtin_renders_completely_with_every_value(template: Template) -> None:
    rendered = render_template(template, FULL_VALUES)
    assert rendered.empty == ()
    assert "{" not in rendered.subject + rendered.body
    assert "}" not in rendered.subject + rendered.body
    assert rendered.subject.endswith("[#42]")
    assert "Sofie Holm\nHolm Keramik" in rendered.body  # signed with the founder's names
    if "{promise.due}" in template.body:
        assert FULL_VALUES["promise.due"] in rendered.body


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda t: f"{t.key}-{t.language}")
def test_a_builtin_without_customer_details_reads_naturally(template: Template) -> None:
    """A customer known by phone only: the greeting and sentences still make sense."""
    values = {k: v for k, v in FULL_VALUES.items() if not k.startswith("customer.")}
    rendered = render_template(template, values)
    assert not any(name.startswith("customer.") for name in rendered.empty)
    first_line = rendered.body.splitlines()[0]
    assert first_line in ("Hej", "Hei", "Hi there,")


@pytest.mark.parametrize("key", ["ack", "ack_complaint", "callback_note"])
@pytest.mark.parametrize("language", list(Language))
def test_acknowledgements_state_the_promise_in_the_customers_language(
    key: str, language: Language
) -> None:
    due = datetime(2026, 5, 26, 14, 55, tzinfo=UTC)
    words = format_promise(due, language, "Europe/Copenhagen")
    rendered = render_template(template_for(key, language), FULL_VALUES | {"promise.due": words})
    assert words in rendered.body
    day = {Language.DA: "tirsdag", Language.NB: "tirsdag", Language.EN: "Tuesday"}[language]
    assert day in rendered.body


def test_a_missing_promise_is_reported_not_hidden() -> None:
    values = {k: v for k, v in FULL_VALUES.items() if k != "promise.due"}
    rendered = render_template(template_for("ack", Language.DA), values)
    assert rendered.empty == ("promise.due",)


def test_the_fill_in_marker_is_only_in_templates_that_need_it() -> None:
    needing = {t.key for t in BUILTIN_TEMPLATES if FILL_IN in t.body}
    assert needing == {"apology"}


def test_template_for_prefers_the_founders_own_and_knows_its_limits() -> None:
    own = Template(key="ack", name="Mine", language=Language.EN, subject="Hi", body="Hi")
    assert template_for("ack", Language.EN, (own, *BUILTIN_TEMPLATES)) is own
    assert template_for("ack", Language.DA, (own, *BUILTIN_TEMPLATES)).builtin
    with pytest.raises(KeyError, match="nope"):
        template_for("nope", Language.DA)


@PROPERTIES
@given(st.frozensets(st.sampled_from(list(Channel))), st.sampled_from(list(Channel)))
def test_a_template_suits_its_channels_or_all_when_none_given(
    channels: frozenset[Channel], channel: Channel
) -> None:
    template = Template("k", "n", Language.DA, "s", "b", channels=channels)
    assert template.suits(channel) == (not channels or channel in channels)


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"key": " "}, "the template needs a key"),
        ({"name": ""}, "the template needs a name"),
        ({"shortcut": "  "}, "the shortcut must not be blank (leave it out instead)"),
        ({"subject": "Re {case.nope}"}, "subject: unknown placeholder {case.nope}"),
        ({"body": "x }"}, "body: unmatched '}' on line 1"),
    ],
)
def test_validation_names_each_problem(changes: dict[str, str], problem: str) -> None:
    base = {"key": "k", "name": "n", "subject": "s", "body": "b", "shortcut": None}
    template = Template(language=Language.DA, **(base | changes))  # type: ignore[arg-type]
    assert problem in validate(template)

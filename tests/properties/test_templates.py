"""Template rendering with any placeholders and values: no exception but TemplateError."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.templates import (
    KNOWN_PLACEHOLDERS,
    TemplateError,
    placeholders,
    render,
    validate_text,
)
from tests.properties.conftest import PROPERTIES

known = st.sampled_from(sorted(KNOWN_PLACEHOLDERS))
unknown = st.from_regex(r"[a-z][a-z0-9_]{0,8}(\.[a-z][a-z0-9_]{0,8})?", fullmatch=True)
name = known | unknown
piece = st.one_of(
    st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=20),
    st.builds(lambda n: "{" + n + "}", name),
    st.builds(lambda n, f: "{" + n + "|" + f + "}", name, st.text(alphabet="abc ", max_size=8)),
    st.just("{{"), st.just("}}"),
)  # fmt: skip
template = st.lists(piece, max_size=12).map("".join)
values = st.dictionaries(name, st.none() | st.text(max_size=20), max_size=6)


@PROPERTIES
@given(st.text(max_size=200), values)
def test_any_text_renders_or_raises_template_error(
    text: str, given_values: dict[str, str | None]
) -> None:
    try:
        rendered = render(text, given_values)
    except TemplateError:
        assert validate_text(text)  # a syntax error is also what validation reports
        return
    assert isinstance(rendered.text, str)


@PROPERTIES
@given(template, values)
def test_well_formed_templates(text: str, given_values: dict[str, str | None]) -> None:
    rendered = render(text, given_values)
    used = placeholders(text)
    for missing in rendered.empty:
        assert missing in used
        value = given_values.get(missing)
        assert value is None or not value.strip()
    problems = validate_text(text)
    for placeholder in used:
        if placeholder not in KNOWN_PLACEHOLDERS:
            assert f"unknown placeholder {{{placeholder}}}" in problems

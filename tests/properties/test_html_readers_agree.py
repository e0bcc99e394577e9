"""The two HTML-to-text readers (mail: channels/email/html_text.py, through html5ever; form
notifications: channels/form/html_text.py, through channels/html_reading.py) read markup
alike where it matters to both: a character reference reads as its character, a
self-closing <br/> breaks a line like <br>, and a self-closing tag that encloses nothing
(<img/>, a stray <p/>) neither opens nor closes a block. Properties over generated words,
for both readers."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.channels.email.html import html_to_text
from soloservice.channels.form.html_text import html_to_labelled_text
from tests.properties.conftest import PROPERTIES

READERS = pytest.mark.parametrize("read", [html_to_text, html_to_labelled_text])
WORD = st.text(st.characters(whitelist_categories=("L", "Nd")), min_size=1, max_size=10)


def words(text: str) -> list[str]:
    return text.split()


@READERS
@PROPERTIES
@given(st.lists(WORD, min_size=1, max_size=6))
def test_character_references_read_as_their_characters(read: object, parts: list[str]) -> None:
    assert callable(read)
    plain = " ".join(parts)
    encoded = "".join(f"&#{ord(ch)};" if ch != " " else " " for ch in plain)
    assert words(read(f"<p>{encoded}</p>")) == words(read(f"<p>{html.escape(plain)}</p>"))
    assert words(read(f"<p>{encoded}</p>")) == parts


@READERS
@PROPERTIES
@given(WORD, WORD)
def test_a_self_closing_break_breaks_the_line_like_a_break(
    read: object, first: str, second: str
) -> None:
    assert callable(read)
    closed = read(f"<div>{first}<br/>{second}</div>")
    opened = read(f"<div>{first}<br>{second}</div>")
    assert closed == opened
    lines = [line.strip() for line in closed.splitlines() if line.strip()]
    assert lines == [first, second]


@READERS
@PROPERTIES
@given(WORD, WORD)
def test_a_self_closing_empty_tag_changes_nothing(read: object, first: str, second: str) -> None:
    assert callable(read)
    plain = read(f"<p>{first} {second}</p>")
    assert read(f'<p>{first} <img src="x.png"/>{second}</p>').split() == plain.split()
    assert read(f"<p>{first} <p/>{second}</p>").split() == plain.split()


@READERS
@pytest.mark.parametrize(
    ("markup", "expected"),
    [("&amp;lt;", "&lt;"), ("&lt;b&gt;", "<b>"), ("Ærbø &amp; Søn", "Ærbø & Søn")],
)
def test_escaped_markup_stays_text(read: object, markup: str, expected: str) -> None:
    assert callable(read)
    assert read(f"<p>{markup}</p>").strip() == expected

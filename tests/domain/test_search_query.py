"""Parsing what is typed into a search box: safe FTS5 for any input, and the small grammar."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soloservice.domain.search_query import (
    MARK_END,
    MARK_START,
    channels_named,
    looks_like_phone,
    parse,
    split_marked,
    strip_marks,
)
from soloservice.domain.types import SOCIAL_CHANNELS, Channel


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    """An FTS5 table like migration 0006's, to prove every expression parses."""
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE inquiry_fts USING fts5(subject, who, body,"
        " tokenize = 'unicode61 remove_diacritics 0')"
    )
    conn.execute(
        "INSERT INTO inquiry_fts(rowid, subject, who, body) VALUES"
        " (1, 'Vase knust', 'Mette Ærbø mette@aerboe.dk', 'Hej, min vase kom i stykker')"
    )
    yield conn
    conn.close()


def matches(conn: sqlite3.Connection, expression: str | None) -> list[int]:
    assert expression is not None
    return [
        r[0]
        for r in conn.execute(
            "SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH ?", (expression,)
        )
    ]


HOSTILE = [
    '"',
    '""',
    "*",
    "-",
    "-vase",
    "AND",
    "OR OR",
    "NOT vase",
    "NEAR(vase knust)",
    "vase:",
    ":",
    "^vase",
    "(",
    ")",
    "{who}: x",
    "subject:vase",
    'from:"',
    "from:",
    "channel:",
    "a AND (b OR",
    '"unclosed phrase',
    "\x00",
    "vase\x00knust",
    "'; DROP TABLE inquiry; --",
    "#",
    "#abc",
    "#99999999999999999999999",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_is_valid_fts5(fts: sqlite3.Connection, text: str) -> None:
    query = parse(text)
    for expression in (query.match, query.fallback):
        if expression is not None:
            matches(fts, expression)  # raises on an FTS5 syntax error


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gives_valid_fts5(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE inquiry_fts USING fts5(subject, who, body)")
    query = parse(text)
    for expression in (query.match, query.fallback):
        if expression is not None:
            conn.execute(
                "SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH ?", (expression,)
            ).fetchall()
    conn.close()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                '"',
                "*",
                "-",
                "AND",
                "OR",
                "NOT",
                ":",
                "from:",
                "channel:",
                "(",
                ")",
                "vase",
                "ærbø",
                "#1",
                " ",
                "^",
                "NEAR",
            ]
        ),
        max_size=12,
    )
)
def test_operator_soup_gives_valid_fts5(parts: list[str]) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE inquiry_fts USING fts5(subject, who, body)")
    query = parse("".join(parts))
    if query.match is not None:
        conn.execute(
            "SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH ?", (query.match,)
        ).fetchall()
    conn.close()


def test_the_last_word_is_a_prefix_while_typing(fts: sqlite3.Connection) -> None:
    assert matches(fts, parse("stykk").match) == [1]
    assert matches(fts, parse("stykk ").match) == []  # a space: the word is finished
    assert matches(fts, parse("stykk vase").match) == []  # only the last word is a prefix
    assert matches(fts, parse("stykk", prefix_last=False).match) == []
    assert matches(fts, parse("stykk*", prefix_last=False).match) == [1]


def test_danish_letters_fold_case_alike(fts: sqlite3.Connection) -> None:
    assert matches(fts, parse("ærbø ").match) == [1]
    assert matches(fts, parse("ÆRBØ ").match) == [1]
    assert matches(fts, parse("aerbo ").match) == []  # æ and ø are letters, not accents


def test_phrases(fts: sqlite3.Connection) -> None:
    assert matches(fts, parse('"min vase"').match) == [1]
    assert matches(fts, parse('"vase min"').match) == []
    assert parse('"min vase"').match == '"min vase"'  # closed: no prefix
    assert parse('"min va').match == '"min va"*'  # still typing the phrase


def test_from_searches_only_the_customer(fts: sqlite3.Connection) -> None:
    assert matches(fts, parse("from:mette").match) == [1]
    assert matches(fts, parse('from:"Mette Ærbø"').match) == [1]
    assert matches(fts, parse("fra:aerboe.dk").match) == [1]
    assert matches(fts, parse("from:vase").match) == []  # a word of the message, not a name
    assert matches(fts, parse("from:mette knust").match) == [1]


def test_channel_filters() -> None:
    assert parse("channel:email vase").channels == {"email"}
    assert parse("channel:social").channels == {c.value for c in SOCIAL_CHANNELS}
    assert parse("kanal:telefon").channels == {"phone"}
    assert parse("channel:em").channels == {"email"}  # while typing
    assert parse("channel:email channel:phone").channels == {"email", "phone"}
    assert parse("channel:nonsense").channels == frozenset()  # nothing matches
    assert parse("channel:phone").match is None
    assert not parse("channel:phone").is_empty
    assert parse("vase").channels is None
    assert channels_named("x") == {Channel.X}


def test_case_numbers_and_phone_numbers() -> None:
    hashed = parse("#123")
    assert (hashed.inquiry_id, hashed.id_only, hashed.match) == (123, True, None)
    bare = parse("123")
    assert (bare.inquiry_id, bare.id_only, bare.match) == (123, False, '"123"*')
    assert parse("12 34 56 78").phone_digits == "12345678"
    assert parse("+45 12 34").phone_digits == "451234"
    assert parse("vase 12").phone_digits is None
    assert looks_like_phone("12") is None


def test_operators_are_words() -> None:
    assert parse("vase AND knust").match == '"vase" AND "AND" AND "knust"*'
    assert parse('say "hi"').match == '"say" AND "hi"'
    assert parse("***").is_empty
    assert parse("   ").is_empty


def test_marked_snippets_split_and_strip() -> None:
    snippet = f"…min {MARK_START}vase{MARK_END} kom i {MARK_START}stykker{MARK_END}"
    assert split_marked(snippet) == [
        ("…min ", False),
        ("vase", True),
        (" kom i ", False),
        ("stykker", True),
    ]
    assert strip_marks(snippet) == "…min vase kom i stykker"

"""The search box's parser, the signature rule and the settings rules as properties.

``domain/search_query.py`` promises that nothing typed can be an FTS5 syntax error or reach
FTS5 as an operator: each parsed query is run against a real SQLite FTS5 table built like
the store's. ``domain/signature.py`` promises a reply is signed once. ``business_hours.py``
and ``settings_rules.py`` report problems instead of crashing on hand-edited settings.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.business_hours import (
    HoursProblem,
    closes_before_opens,
    hours_problems,
    settings_hours_problems,
)
from soloservice.domain.search_query import (
    MARK_END,
    MARK_START,
    channels_named,
    parse,
    split_marked,
    strip_marks,
)
from soloservice.domain.settings import Settings
from soloservice.domain.settings_rules import closed_day_problems, settings_problems
from soloservice.domain.signature import DELIMITER, append_signature, is_signed, sign_once
from soloservice.domain.types import Channel
from tests.properties.conftest import PROPERTIES
from tests.properties.strategies import quarter_hours

OPERATORS = (
    '"',
    "*",
    "-",
    ":",
    "^",
    "(",
    ")",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "+",
    "{",
    "}",
    "#",
    "from:",
    "fra:",
    "channel:",
    "kanal:",
    "\x00",
    "'",
    "\\",
)
typed = st.lists(
    st.one_of(
        st.sampled_from(OPERATORS),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
        st.sampled_from(("vase", "Mette", "ærbø", "20 30 40 50", "#12", "email", "x")),
    ),
    max_size=10,
).map(lambda parts: "".join(parts) if len(parts) % 2 else " ".join(parts))


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE inquiry_fts USING fts5("
        "subject, who, body, tokenize = 'unicode61 remove_diacritics 0')"
    )
    db.execute(
        "INSERT INTO inquiry_fts VALUES ('Knust vase', 'Mette Ærbø mette@example.dk', 'Hej')"
    )
    yield db
    db.close()


@PROPERTIES
@given(text=typed, prefix_last=st.booleans())
def test_nothing_typed_is_an_fts5_error(
    fts: sqlite3.Connection, text: str, prefix_last: bool
) -> None:
    query = parse(text, prefix_last=prefix_last)
    for expression in (query.match, query.fallback):
        if expression is not None:
            assert "\x00" not in expression
            fts.execute("SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH ?", (expression,))


@PROPERTIES
@given(typed)
def test_every_searched_word_is_quoted(text: str) -> None:
    query = parse(text)
    if query.match is None:
        assert query.terms == ()
        return
    assert query.match.count('"') % 2 == 0
    for term in query.terms:
        assert any(ch.isalnum() for ch in term)
        assert term.replace('"', '""') in query.match.lower()


@PROPERTIES
@given(st.lists(st.sampled_from(("vase", "knust", "Mette", "levering")), min_size=1, max_size=4))
def test_words_typed_are_all_required_and_the_last_is_a_prefix(words: list[str]) -> None:
    query = parse(" ".join(words))
    assert query.match == " AND ".join(f'"{w}"' for w in words) + "*"
    finished = parse(" ".join(words) + " ")
    assert finished.match == " AND ".join(f'"{w}"' for w in words)
    assert query.terms == tuple(w.lower() for w in words)


@PROPERTIES
@given(st.integers(1, 10**17), st.sampled_from(("", " ", "  ")))
def test_a_case_number_finds_that_inquiry(number: int, space: str) -> None:
    tagged = parse(f"#{number}{space}")
    assert tagged.inquiry_id == number and tagged.id_only and tagged.match is None
    bare = parse(f"{number}")
    assert bare.inquiry_id == number and not bare.id_only


@PROPERTIES
@given(
    st.sampled_from(
        [
            "email",
            "form",
            "phone",
            "facebook",
            "instagram",
            "x",
            "social",
            "telefon",
            "skjema",
            "twitter",
        ]
    )
)
def test_channel_filters_keep_the_named_channels(name: str) -> None:
    query = parse(f"channel:{name} vase")
    assert query.channels == frozenset(c.value for c in channels_named(name))
    assert query.channels
    assert query.match == '"vase"*'
    for length in range(1, len(name) + 1):  # while it is being typed
        assert channels_named(name) <= channels_named(name[:length])


def test_social_means_the_three_platforms_and_filters_combine() -> None:
    assert parse("kanal:social").channels == frozenset({"facebook", "instagram", "x"})
    assert parse("channel:email channel:phone").channels == frozenset({"email", "phone"})
    assert parse("channel:nonsense").channels == frozenset()  # keeps nothing, says so
    assert channels_named("") == frozenset()
    assert channels_named("em") == frozenset({Channel.EMAIL})


@PROPERTIES
@given(st.text(alphabet="0123456789 +-()/.", min_size=1, max_size=20))
def test_a_phone_number_being_typed_matches_by_its_digits(text: str) -> None:
    digits = "".join(ch for ch in text if ch.isdigit())
    query = parse(text)
    assert query.phone_digits == (digits if len(digits) >= 3 else None)
    assert parse(f"from:mette {text}").phone_digits is None  # a name search is not a number


@PROPERTIES
@given(st.lists(st.tuples(st.text(alphabet="abc ", max_size=5), st.booleans()), max_size=6))
def test_marked_snippets_split_back_into_their_runs(runs: list[tuple[str, bool]]) -> None:
    snippet = "".join(f"{MARK_START}{t}{MARK_END}" if hot else t for t, hot in runs)
    pieces = split_marked(snippet)
    assert "".join(t for t, _ in pieces) == strip_marks(snippet) == "".join(t for t, _ in runs)
    for text, _hot in pieces:
        assert text and MARK_START not in text and MARK_END not in text
    expected_hot = "".join(t for t, hot in runs if hot)
    assert "".join(t for t, hot in pieces if hot) == expected_hot


# -- signing once --------------------------------------------------------------------------

FOUNDER, BUSINESS = "Sofie Holm", "Holm Keramik"
SIGNATURES = (
    "Sofie Holm\nHolm Keramik\n+45 70 10 20 30",
    "-- \nSofie Holm\nholmkeramik.dk",
    "Venlig hilsen\nSofie Holm\nHolm Keramik",
    "Holm Keramik · holmkeramik.dk",
)
bodies = st.lists(
    st.sampled_from(
        (
            "Hej Mette",
            "Tak for din besked.",
            "Vi sender en ny vase i dag.",
            "Ring til Sofie i morgen",
            "",
            "Venlig hilsen",
        )
    ),
    min_size=1,
    max_size=5,
).map("\n".join)
sign_offs = st.sampled_from(
    (
        "Venlig hilsen\nSofie Holm\nHolm Keramik",
        "Mvh\nSofie",
        "Kind regards,\nSofie Holm",
        "— Sofie",
        "Holm Keramik",
    )
)


@PROPERTIES
@given(bodies, st.sampled_from(SIGNATURES))
def test_an_unsigned_reply_gets_the_signature_below_a_delimiter(body: str, signature: str) -> None:
    signed = sign_once(body, signature, founder_name=FOUNDER, business_name=BUSINESS)
    if is_signed(body.rstrip(), names={FOUNDER, "Sofie", BUSINESS}, signature=signature):
        return
    assert signed == append_signature(body, signature)
    assert signed.startswith(body.rstrip())
    assert signed.count(f"\n{DELIMITER}\n") + signed.startswith(DELIMITER) == 1


@PROPERTIES
@given(bodies, sign_offs, st.sampled_from(SIGNATURES))
def test_a_reply_that_signs_off_is_not_signed_again(
    body: str, sign_off: str, signature: str
) -> None:
    text = f"{body}\n\n{sign_off}"
    signed = sign_once(text, signature, founder_name=FOUNDER, business_name=BUSINESS)
    assert signed.startswith(text.rstrip())
    assert DELIMITER not in signed[len(text.rstrip()) :]
    assert signed.count("Sofie Holm") <= max(1, text.count("Sofie Holm"))


@PROPERTIES
@given(bodies, st.sampled_from(SIGNATURES))
def test_signing_is_idempotent(body: str, signature: str) -> None:
    once = sign_once(body, signature, founder_name=FOUNDER, business_name=BUSINESS)
    assert sign_once(once, signature, founder_name=FOUNDER, business_name=BUSINESS) == once


@PROPERTIES
@given(bodies)
def test_no_signature_signs_nothing(body: str) -> None:
    assert sign_once(body, "  \n", founder_name=FOUNDER) == body.rstrip()


# -- opening hours and settings ------------------------------------------------------------


@PROPERTIES
@given(
    st.dictionaries(st.integers(0, 6), st.tuples(quarter_hours, quarter_hours), max_size=7),
    st.sampled_from(("Europe/Copenhagen", "Europe/Oslo", "UTC", "Mars/Olympus", "", "CET")),
)
def test_each_bad_day_is_reported_once(hours: dict[int, tuple[time, time]], zone: str) -> None:
    issues = hours_problems(zone, hours)
    bad_days = sorted(d for d, (o, c) in hours.items() if c != time(0) and c <= o)
    assert [i.weekday for i in issues if i.problem is HoursProblem.CLOSES_BEFORE_OPENS] == bad_days
    assert any(i.problem is HoursProblem.NEVER_OPEN for i in issues) is (not hours)
    zone_ok = zone in ("Europe/Copenhagen", "Europe/Oslo", "UTC")
    assert any(i.problem is HoursProblem.UNKNOWN_ZONE for i in issues) is (not zone_ok)
    for issue in issues:
        assert issue.english()


@PROPERTIES
@given(quarter_hours, quarter_hours)
def test_midnight_closing_means_the_end_of_the_day(opens: time, closes: time) -> None:
    assert closes_before_opens(opens, time(0)) is False
    if closes != time(0):
        assert closes_before_opens(opens, closes) is (closes <= opens)


@PROPERTIES
@given(
    st.dictionaries(
        st.integers(0, 6),
        st.tuples(
            st.sampled_from(("09:00", "25:00", "9", "ab:cd", "17:30", "00:00", "")),
            st.sampled_from(("17:00", "24:61", "08:00", "00:00", "x")),
        ),
        max_size=7,
    )
)
def test_hand_edited_hours_are_reported_never_a_crash(hours: dict[int, tuple[str, str]]) -> None:
    issues = settings_hours_problems("Europe/Copenhagen", hours)
    for day, (opens, closes) in hours.items():
        try:
            (oh, om), (ch, cm) = opens.split(":"), closes.split(":")
            o, c = time(int(oh), int(om)), time(int(ch), int(cm))
        except (ValueError, TypeError):
            assert any(i.weekday == day for i in issues), (day, opens, closes)
            continue
        assert any(i.weekday == day for i in issues) is closes_before_opens(o, c)


@PROPERTIES
@given(
    st.lists(
        st.sampled_from(("2026-12-24", "2026-02-30", "24-12-2026", "", "2027-01-01")), max_size=5
    )
)
def test_closed_days_must_be_dates(days: list[str]) -> None:
    problems = closed_day_problems(days)
    assert len(problems) == sum(1 for d in days if d not in ("2026-12-24", "2027-01-01"))


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"holiday_country": "XX"}, ["there is no public-holiday calendar for 'XX'"]),
        ({"holiday_country": None}, []),
        (
            {"default_expected_years": 0.0},
            ["a customer's value must be 0 or more, over more than 0 years"],
        ),
        (
            {"default_annual_value": float("nan")},
            ["a customer's value must be 0 or more, over more than 0 years"],
        ),
        ({"business_hours": {}}, ["the business must be open on at least one day"]),
        ({"timezone": "Europe/Atlantis"}, ["unknown time zone"]),
    ],
)
def test_settings_problems_in_english(changes: dict[str, object], expected: list[str]) -> None:
    assert settings_problems(replace(Settings(), **changes)) == expected  # type: ignore[arg-type]

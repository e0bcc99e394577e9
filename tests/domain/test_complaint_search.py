"""The complaint detector's fast search finds exactly what its pattern finds: the case fold
agrees with the regex engine's IGNORECASE for every character, and the finder's matches are
``finditer``'s on real-looking and hostile text. A remembered verdict (the parse worker's)
is the verdict."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from soloservice.domain import complaints
from soloservice.domain.complaint_search import PhraseFinder, fold, leading_literal
from soloservice.domain.complaints import PHRASES, detect_complaint

EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000))
PHRASE_LIST = [p for phrases in PHRASES.values() for p in phrases]


def spans(matches: object) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(0)) for m in matches]  # type: ignore[attr-defined]


def test_the_fold_matches_ignorecase_for_every_character_of_every_phrase() -> None:
    folded = fold(EVERY_CHARACTER)
    assert len(folded) == len(EVERY_CHARACTER)  # one character for one: positions hold
    letters = {c for phrase in PHRASE_LIST for c in leading_literal(phrase)}
    letters |= {c for _first, second in complaints._FINDER.pairs for c in second}
    for letter in sorted(letters):
        by_regex = set(re.compile(re.escape(letter), re.IGNORECASE).findall(EVERY_CHARACTER))
        by_fold = {EVERY_CHARACTER[i] for i, f in enumerate(folded) if f == letter}
        assert by_fold == by_regex, letter
    spaces = set(re.findall(r"\s", EVERY_CHARACTER))
    assert spaces == {c for c in folded if c.isspace()}


def test_every_phrase_has_a_first_word_to_look_for() -> None:
    assert complaints._FINDER.usable
    assert leading_literal("reklamation(?:en|er)?") == "reklamation"
    assert leading_literal("colou?r") == "colo"
    assert not PhraseFinder(["(?:a|b)c"], re.compile("x")).usable
    assert not PhraseFinder(["abc|xyz"], re.compile("x")).usable


def noisy(rng: random.Random) -> str:
    """Phrases with odd case, odd spaces, glued to words, negated, among filler."""
    pieces = []
    for _ in range(rng.randrange(1, 12)):
        phrase = re.sub(r"\(\?:[^)]*\)\??", "", rng.choice(PHRASE_LIST))
        phrase = "".join(
            rng.choice([c, c.upper(), {"i": "\u0130", "s": "\u017f"}.get(c, c)]) for c in phrase
        )
        phrase = phrase.replace(" ", rng.choice([" ", "  ", "\n", "\t", "\u00a0", " \u2003 "]))
        pieces.append(phrase)
        pieces.append(rng.choice(["", "x", "é", "_", "ikke ", "not ", ". ", "\u0131", "3", "'"]))
        pieces.append(rng.choice([" ", "", "ing ", " og ", "\u0131 ", "ﬅ"]))
    return "".join(pieces)


def test_the_finder_finds_what_finditer_finds() -> None:
    rng = random.Random(14)
    for _ in range(3000):
        text = noisy(rng)
        assert spans(complaints._FINDER.finditer(text)) == spans(
            complaints._PATTERN.finditer(text)
        ), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ikstyrebo nødlaİıſKÅå\n'-")), max_size=80))
def test_the_finder_agrees_on_any_text(text: str) -> None:
    assert spans(complaints._FINDER.finditer(text)) == spans(complaints._PATTERN.finditer(text))


def test_a_remembered_verdict_is_returned_and_forgotten() -> None:
    subject, text = "Knust kop", "Hej, min kop kom i stykker"
    computed = detect_complaint(subject, text)
    assert computed.words == ("knust", "i stykker")
    marker = complaints.ComplaintVerdict(True, ("from the worker",))
    complaints.remember([(subject, text, marker)])
    try:
        assert detect_complaint(subject, text) is marker
        assert detect_complaint(subject, text + "!") == computed  # only for that text
        complaints.remember([])  # the next batch's verdicts replace the last one's
        assert detect_complaint(subject, text) == computed
    finally:
        complaints.forget_all()

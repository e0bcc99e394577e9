"""The complaint detector and the language guess as properties.

``domain/complaints.py``: every listed phrase, in any case and spacing, in the subject or the
customer's own lines, marks a complaint and is named in the reason; a negation right before
it, a quoted line or the quoted original cancels it. ``domain/language.py``: the text decides
when it is clear, country hints (.dk/.no addresses, +45/+47 numbers) settle close cases, and
the founder's language stands when nothing says otherwise.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.complaints import NEGATIONS, PHRASES, detect_complaint, own_text
from soloservice.domain.language import (
    FULL_TEXT_LETTERS,
    LanguageGuess,
    address_hint,
    describe,
    guess_language,
    letter_count,
    merge_scores,
    phone_hint,
)
from soloservice.domain.types import Language
from tests.properties.conftest import PROPERTIES

ALL_PHRASES = sorted({phrase for phrases in PHRASES.values() for phrase in phrases})
NEUTRAL_BEFORE = (
    "Hej, vasen kom og den var",
    "Hei! Pakken er",
    "Hello, the order was",
    "Jeg skriver fordi lampen er",
    "Subject:",
    "",
)
NEUTRAL_AFTER = ("", ".", " i går.", " yesterday!", "\nMvh Mette", ", tak.")


@st.composite
def complaint_phrase(draw: st.DrawFn) -> str:
    """A concrete spelling of one listed phrase ("reklamationen", "gået i stykker")."""
    pattern = draw(st.sampled_from(ALL_PHRASES))
    text = draw(st.from_regex(re.compile(pattern.replace(" ", " +")), fullmatch=True))
    return draw(st.sampled_from((str.lower, str.upper, str.title, str.capitalize)))(text)


def _shown(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@PROPERTIES
@given(complaint_phrase(), st.sampled_from(NEUTRAL_BEFORE), st.sampled_from(NEUTRAL_AFTER))
def test_every_listed_phrase_marks_a_complaint_and_is_named(
    phrase: str, before: str, after: str
) -> None:
    text = f"{before} {phrase}{after}".strip()
    verdict = detect_complaint("", text)
    assert verdict.is_complaint, text
    assert any(_shown(phrase) in word or word in _shown(phrase) for word in verdict.words)
    assert verdict.reason == "words: " + ", ".join(verdict.words)
    # in the subject just the same
    assert detect_complaint(text, "").is_complaint


@PROPERTIES
@given(complaint_phrase(), st.sampled_from(NEGATIONS), st.sampled_from((" ", "  ", "\t")))
def test_a_negation_right_before_cancels_the_phrase(phrase: str, negation: str, gap: str) -> None:
    text = f"Det er {negation}{gap}{phrase}"
    assert not detect_complaint("", text).is_complaint, text


@PROPERTIES
@given(complaint_phrase(), st.sampled_from(("> ", ">", "  > ", ">> ")))
def test_a_quoted_line_is_not_the_customers_complaint(phrase: str, marker: str) -> None:
    text = f"Tak for svaret!\n{marker}Vi beklager at den kom {phrase}\n{marker}Mvh Butikken"
    assert not detect_complaint("Re: Din ordre", text).is_complaint
    assert phrase not in own_text(text)


@PROPERTIES
@given(
    complaint_phrase(),
    st.sampled_from(
        (
            "On Mon, 23 Nov 2026 at 10:00, Butikken <a@b.dk> wrote:",
            "Den 23. nov. 2026 kl. 10.00 skrev Butikken <a@b.dk>:",
            "-----Original Message-----",
            "---------- Forwarded message ---------",
            "Butikken skrev:",
        )
    ),
)
def test_the_quoted_original_below_an_attribution_is_skipped(phrase: str, header: str) -> None:
    text = f"Mange tak, alt er fint nu.\n\n{header}\nVi er kede af at varen var {phrase}."
    assert detect_complaint("", text).words == ()


@PROPERTIES
@given(st.text(max_size=400), st.text(max_size=100))
def test_the_detector_is_total_and_names_only_words_it_saw(text: str, subject: str) -> None:
    verdict = detect_complaint(subject, text)
    assert verdict.is_complaint is bool(verdict.words)
    assert len(set(verdict.words)) == len(verdict.words)
    seen = _shown(subject + "\n" + text)
    for word in verdict.words:
        assert word in seen
    assert detect_complaint(subject, text) == verdict  # deterministic


@pytest.mark.parametrize(
    "text",
    [
        "Tusind tak for den hurtige levering, vasen er smuk!",
        "Tak for sidst. Kan I sende en faktura til firmaet?",
        "Hei, har dere denne lampen på lager i hvitt?",
        "Hi, do you ship to Sweden? Thanks!",
        "Jeg er ikke skuffet, tværtimod!",
        "Not disappointed at all, great work.",
        "Klagemuren i Jerusalem var flot",  # a longer word is not the phrase
        "The unbroken seal was a nice touch",
    ],
)
def test_ordinary_mail_is_not_a_complaint(text: str) -> None:
    assert detect_complaint("", text).words == ()


@pytest.mark.parametrize(
    "text",
    [
        "Did it work? No. Broken again.",
        "Is it fixed? No.\nDamaged again.",
        "Er der en løsning? Ingen!\nReklamation.",
    ],
)
def test_a_negation_that_ends_the_sentence_before_does_not_cancel(text: str) -> None:
    assert detect_complaint("", text).is_complaint


def test_words_are_reported_in_the_order_they_first_appear() -> None:
    verdict = detect_complaint("Reklamation", "Vasen kom knust. Jeg vil have refusion. Knust!")
    assert verdict.words == ("reklamation", "knust", "refusion")


def test_a_huge_text_is_cut_not_slow() -> None:
    text = "hej " * 10_000 + "knust"
    assert not detect_complaint("", text).is_complaint  # beyond MAX_CHARS
    assert detect_complaint("", "knust " + "hej " * 10_000).is_complaint


# -- language guess ----------------------------------------------------------------------------

languages = st.sampled_from(list(Language))
codes = st.sampled_from(("da", "no", "nn", "nb", "en", "sv", "de"))
#: zero or a normal float: scaling a subnormal (5e-324 * 0.125 == 0.0) is not exact
score_maps = st.dictionaries(codes, st.just(0.0) | st.floats(1e-300, 1), max_size=6)
OURS = {
    "da": Language.DA,
    "no": Language.NB,
    "nn": Language.NB,
    "nb": Language.NB,
    "en": Language.EN,
}
ADDRESS = {Language.DA: "mette@firma.dk", Language.NB: "ola@firma.no", Language.EN: "sam@co.uk"}
PHONE = {Language.DA: "+4520304050", Language.NB: "+4741234567", Language.EN: "+447700900123"}


@PROPERTIES
@given(languages, st.sampled_from(("mette@gmail.com", "x@firma.eu", "bad", "")), st.booleans())
def test_without_evidence_the_founders_language_stands(
    default: Language, email: str, empty_scores: bool
) -> None:
    guess = guess_language(
        {} if empty_scores else None,
        letters=200,
        emails=[email],
        phones=["+4915112345678"],
        default=default,
    )
    assert guess == LanguageGuess(default, "")
    assert not guess.guessed


@PROPERTIES
@given(score_maps, st.integers(0, 300), st.sampled_from((0.125, 0.5, 2.0, 16.0)), languages)
def test_only_the_proportions_of_the_scores_matter(
    scores: dict[str, float], letters: int, factor: float, default: Language
) -> None:
    scaled = {code: value * factor for code, value in scores.items()}  # exact: a power of two
    first = guess_language(scores, letters=letters, default=default)
    second = guess_language(scaled, letters=letters, default=default)
    assert first.language == second.language


@PROPERTIES
@given(st.sampled_from(("da", "no", "nn", "en")), st.floats(0.9, 1.0), languages, languages)
def test_a_clear_long_text_decides_against_one_contrary_hint(
    code: str, certainty: float, hinted: Language, default: Language
) -> None:
    others = [c for c in ("da", "no", "en") if OURS[c] is not OURS[code]]
    scores = {code: certainty} | {c: (1 - certainty) / len(others) for c in others}
    guess = guess_language(
        scores, letters=FULL_TEXT_LETTERS, emails=[ADDRESS[hinted]], default=default
    )
    assert guess.language is OURS[code]
    assert guess.reason.split(", ")[0] == "text"


@pytest.mark.parametrize(("danish", "expected"), [(0.7, Language.NB), (0.9, Language.DA)])
def test_two_norwegian_hints_overturn_a_close_text_but_not_a_clear_one(
    danish: float, expected: Language
) -> None:
    guess = guess_language(
        {"da": danish, "no": 1 - danish},
        letters=80,
        emails=["ola@firma.no"],
        phones=["+4741234567"],
    )
    assert guess.language is expected
    if expected is Language.NB:
        assert guess.reason == ".no address, +47 phone"


@PROPERTIES
@given(st.sampled_from(("sv", "de")), st.floats(0.8, 1.0), languages, languages)
def test_a_foreign_text_is_answered_in_english(
    code: str, certainty: float, hinted: Language, default: Language
) -> None:
    guess = guess_language(
        {code: certainty, "da": 1 - certainty},
        letters=100,
        emails=[ADDRESS[hinted]],
        default=default,
    )
    assert guess == LanguageGuess(Language.EN, "text in another language")


@PROPERTIES
@given(
    score_maps,
    st.integers(0, 300),
    st.lists(languages, max_size=3),
    st.lists(languages, max_size=3),
    languages,
)
def test_the_reason_lists_only_evidence_for_the_chosen_language(
    scores: dict[str, float],
    letters: int,
    address_languages: list[Language],
    phone_languages: list[Language],
    default: Language,
) -> None:
    guess = guess_language(
        scores,
        letters=letters,
        emails=[ADDRESS[lang] for lang in address_languages],
        phones=[PHONE[lang] for lang in phone_languages],
        default=default,
    )
    if not guess.reason:
        assert guess.language is default
        return
    if guess.reason == "text in another language":
        assert guess.language is Language.EN
        return
    for part in guess.reason.split(", "):
        if part == "text":
            continue
        hint = address_hint("x@y" + part.split(" ")[0]) if "address" in part else None
        if hint is None:
            hint = phone_hint(part.split(" ")[0] + "123")
        assert hint is not None and hint[0] is guess.language, (part, guess)
    assert describe(guess.language, guess.reason).endswith(f"(guessed: {guess.reason})")


@PROPERTIES
@given(st.integers(0, FULL_TEXT_LETTERS - 1), st.floats(0.5, 1.0))
def test_a_short_text_counts_less_than_a_long_one(letters: int, certainty: float) -> None:
    short = guess_language(
        {"en": certainty, "da": 1 - certainty},
        letters=letters,
        emails=["ola@firma.no"],
        default=Language.DA,
    )
    if letters * certainty / FULL_TEXT_LETTERS < 0.25:
        assert short.language is Language.NB  # the address outweighs a few English letters
    full = guess_language(
        {"en": certainty, "da": 1 - certainty},
        letters=FULL_TEXT_LETTERS,
        emails=["ola@firma.no"],
        default=Language.DA,
    )
    if certainty > 0.5:
        assert full.language is Language.EN  # a full text outweighs one country hint


@PROPERTIES
@given(score_maps)
def test_norwegian_codes_fold_into_bokmal(scores: dict[str, float]) -> None:
    merged = merge_scores(scores | {"xx": -1.0})
    assert "no" not in merged and "nn" not in merged
    expected_nb = sum(v for c, v in scores.items() if c in ("no", "nn", "nb"))
    assert merged.get("nb", 0.0) == pytest.approx(expected_nb)
    assert merged["xx"] == 0.0  # a negative score is no evidence, not evidence against


@pytest.mark.parametrize(
    ("email", "hint"),
    [
        ("a@b.dk", Language.DA),
        ("a@b.DK.", Language.DA),
        ("a@b.no", Language.NB),
        ("a@b.co.uk", Language.EN),
        ("a@b.fo", Language.DA),
        ("a@gmail.com", None),
        ("a@b.se", None),
        ("a@dk", None),
        ("", None),
    ],
)
def test_address_hints(email: str, hint: Language | None) -> None:
    found = address_hint(email)
    assert (found[0] if found else None) is hint


@pytest.mark.parametrize(
    ("phone", "hint"),
    [
        ("+4520304050", Language.DA),
        ("+4741234567", Language.NB),
        ("+298123456", Language.DA),
        ("+447700900123", Language.EN),
        ("+12025550123", Language.EN),
        ("+46701234567", None),
        ("+4915112345678", None),
        ("", None),
    ],
)
def test_phone_hints(phone: str, hint: Language | None) -> None:
    found = phone_hint(phone)
    assert (found[0] if found else None) is hint


@PROPERTIES
@given(st.text(max_size=200))
def test_letter_count_counts_letters(text: str) -> None:
    assert letter_count(text) == len([ch for ch in text if ch.isalpha()])

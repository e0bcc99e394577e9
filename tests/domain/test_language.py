"""The language rule on its own: text scores, address and phone country, the default."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.language import (
    address_hint,
    describe,
    guess_language,
    merge_scores,
    phone_hint,
)
from soloservice.domain.types import Language

CLEAR_NORWEGIAN = {"no": 0.7, "nn": 0.1, "da": 0.15, "en": 0.05}
TORN = {"da": 0.55, "no": 0.45}


def test_a_clear_text_decides_and_agreeing_hints_are_named() -> None:
    guess = guess_language(CLEAR_NORWEGIAN, letters=60, emails=["ola@firma.no"], phones=[])
    assert guess.language is Language.NB
    assert guess.reason == "text, .no address"
    assert describe(guess.language, guess.reason) == "Norwegian (guessed: text, .no address)"


def test_country_breaks_a_close_call_between_danish_and_norwegian() -> None:
    assert guess_language(TORN, letters=60).language is Language.DA
    guess = guess_language(TORN, letters=60, emails=["kari@firma.no"], phones=["+4791234567"])
    assert guess.language is Language.NB
    assert guess.reason == ".no address, +47 phone"


def test_a_clear_text_outweighs_a_foreign_address() -> None:
    danish = {"da": 0.95, "no": 0.05}
    guess = guess_language(danish, letters=80, emails=["mette@firma.no"])
    assert guess.language is Language.DA and guess.reason == "text"


def test_short_texts_count_less_than_the_phone_country() -> None:
    # "Ring mig" reads as English to a classifier; eight letters are not enough against +45.
    short = {"en": 0.55, "da": 0.2, "sv": 0.25}
    assert guess_language(short, letters=7, phones=["+4520123456"]).language is Language.DA


def test_nothing_known_is_the_founders_default_and_no_guess() -> None:
    for default in Language:
        guess = guess_language(None, emails=["someone@gmail.com"], default=default)
        assert guess.language is default and not guess.guessed


def test_phone_only_for_calls() -> None:
    guess = guess_language(None, phones=["+4741234567"], default=Language.DA)
    assert (guess.language, guess.reason) == (Language.NB, "+47 phone")


def test_swedish_or_german_text_is_answered_in_english() -> None:
    guess = guess_language({"sv": 0.95, "da": 0.03, "no": 0.02}, letters=60)
    assert guess.language is Language.EN


def test_hints_and_merging() -> None:
    assert address_hint("a@b.dk") == (Language.DA, ".dk address")
    assert address_hint("a@firma.com") is None  # gmail.com says nothing
    assert address_hint("not-an-address") is None
    assert phone_hint("+4512345678") == (Language.DA, "+45 phone")
    assert phone_hint("+4612345678") is None
    assert merge_scores({"no": 0.25, "nn": 0.25, "da": 0.5}) == {"nb": 0.5, "da": 0.5}


@given(
    scores=st.one_of(
        st.none(),
        st.dictionaries(
            st.sampled_from(["da", "no", "nn", "nb", "en", "sv", "de", "xx"]),
            st.floats(min_value=0, max_value=1, allow_nan=False),
        ),
    ),
    letters=st.integers(min_value=0, max_value=10_000),
    emails=st.lists(st.text(max_size=30), max_size=3),
    phones=st.lists(st.sampled_from(["+4520123456", "+4741234567", "+441234", "+1", ""])),
    default=st.sampled_from(list(Language)),
)
def test_the_rule_always_answers_one_of_our_languages(
    scores: dict[str, float] | None,
    letters: int,
    emails: list[str],
    phones: list[str],
    default: Language,
) -> None:
    guess = guess_language(scores, letters=letters, emails=emails, phones=phones, default=default)
    assert guess.language in Language
    assert guess.guessed or guess.language is default

"""Reading survey answers: what must NOT be read as clear goes to the founder ("low").

Both a yes and a no, a yes with a "but", two scores, a range, half a score, a star rating, a
score above 10, a negated negative, a polite "nej tak", an unsure answer: each is handed to
the founder rather than guessed (``domain/answers.py``). The tests at the end pin
misreadings these properties once found ("9 eller 10", "No. 8/10", "so-so", a unit word on the
next line, the customer's last line right above an attribution).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.answers import read_answer
from soloservice.domain.quoting import strip_quoted
from soloservice.domain.types import Language
from tests.properties.conftest import PROPERTIES
from tests.properties.test_domain_answers import (
    NO_REPLIES,
    QUOTES,
    SCORE_FORMS,
    YES_REPLIES,
    languages,
    reading,
)

# -- what must not be read as clear ---------------------------------------------------------


@PROPERTIES
@given(languages, languages, st.data())
def test_a_yes_and_a_no_together_go_to_the_founder(
    yes_lang: Language, no_lang: Language, data: st.DataObject
) -> None:
    yes = data.draw(st.sampled_from(YES_REPLIES[yes_lang]))
    no = data.draw(st.sampled_from(NO_REPLIES[no_lang]))
    first, second = data.draw(st.permutations((yes, no)))
    answer = read_answer(f"{first}. {second}.")
    assert reading(answer) == (None, None, "low")
    assert "both yes" in answer.reason or "cannot place" in answer.reason, answer.reason


@PROPERTIES
@given(
    languages,
    st.data(),
    st.sampled_from(("men", "but", "though", "dog")),
    st.sampled_from(("leveringen var langsom", "the parcel was late", "det tok tid")),
)
def test_a_yes_with_a_but_goes_to_the_founder(
    language: Language, data: st.DataObject, but: str, rest: str
) -> None:
    yes = data.draw(st.sampled_from(YES_REPLIES[language]))
    answer = read_answer(f"{yes}, {but} {rest}", language)
    assert reading(answer) == (None, None, "low")
    assert '"but"' in answer.reason or "cannot place" in answer.reason, answer.reason


@PROPERTIES
@given(st.integers(0, 10), st.integers(0, 10), languages, st.data())
def test_two_different_scores_go_to_the_founder(
    a: int, b: int, language: Language, data: st.DataObject
) -> None:
    first = data.draw(st.sampled_from(SCORE_FORMS[language][:3])).format(n=a)
    second = data.draw(st.sampled_from(SCORE_FORMS[language][:3])).format(n=b)
    answer = read_answer(f"{first}. {second}.", language)
    if a == b:
        assert reading(answer) == (None, a, "high")
    else:
        assert reading(answer) == (None, None, "low")
        assert f"two different scores ({min(a, b)}, {max(a, b)})" in answer.reason


@PROPERTIES
@given(st.integers(0, 9), st.integers(1, 10), st.sampled_from(("-", "–", " - ", " til ")))
def test_a_range_is_not_one_score(low: int, high: int, dash: str) -> None:
    if low >= high:
        low, high = high - 1, high
    answer = read_answer(f"Ja. {low}{dash}{high}", Language.DA)
    assert reading(answer) == (None, None, "low")
    assert "a range" in answer.reason


@PROPERTIES
@given(st.integers(0, 9), st.sampled_from((",", ".")), st.integers(1, 9))
def test_half_a_score_is_not_a_score(whole: int, mark: str, tenth: int) -> None:
    answer = read_answer(f"{whole}{mark}{tenth}", Language.DA)
    assert reading(answer) == (None, None, "low")


@PROPERTIES
@given(st.integers(11, 999), st.sampled_from(("{n}/10", "{n} point", "{n} ud af 10")))
def test_a_score_above_ten_is_refused(n: int, form: str) -> None:
    answer = read_answer(form.format(n=n), Language.DA)
    assert reading(answer) == (None, None, "low")
    assert "outside 0-10" in answer.reason


@PROPERTIES
@given(st.integers(1, 10), st.sampled_from(("stjerner", "stars", "stjerne", "star")))
def test_a_star_rating_is_not_a_score(n: int, stars: str) -> None:
    answer = read_answer(f"{n} {stars}")
    assert reading(answer) == (None, None, "low")
    assert "star rating" in answer.reason


@pytest.mark.parametrize(
    "text",
    [
        "ikke utilfreds",
        "ikke skuffet",
        "not unhappy",
        "not disappointed",
        "not bad",
        "ikke dårligt",
        "ikke misfornøyd",
    ],
)
def test_a_negated_negative_goes_to_the_founder(text: str) -> None:
    assert reading(read_answer(text)) == (None, None, "low")


@pytest.mark.parametrize(
    "text", ["Nej tak", "Nei takk", "No thanks", "No thank you", "Ikke mere", "Nothing more"]
)
def test_a_polite_decline_is_not_a_no(text: str) -> None:
    """ "Anything more we can do?" - "Nej tak": no unhappy customer to call."""
    answer = read_answer(text)
    assert answer.satisfied is not False
    assert reading(answer) == (None, None, "low")


@pytest.mark.parametrize(
    "text", ["Måske", "Kanskje", "Maybe", "Not sure", "Ved ikke", "Både og", "So so", "Delvis"]
)
def test_an_unsure_answer_goes_to_the_founder(text: str) -> None:
    answer = read_answer(text)
    assert reading(answer) == (None, None, "low")
    assert "unsure" in answer.reason


@pytest.mark.parametrize("text", ["det er jo fint", "Jo", "Jo, tak"])
def test_jo_at_the_start_is_yes_and_fint_is_yes(text: str) -> None:
    assert read_answer(text, Language.DA).satisfied is True


@pytest.mark.parametrize(
    ("text", "hint", "score"),
    [
        ("to", Language.DA, 2),
        ("to", None, None),
        ("fire", Language.NB, 4),
        ("fire", Language.EN, None),
        ("ni", None, 9),
        ("ti", Language.DA, 10),
        ("nul", None, 0),
    ],
)
def test_number_words_that_are_english_words_need_a_scandinavian_hint(
    text: str, hint: Language | None, score: int | None
) -> None:
    assert read_answer(text, hint).score == score


@PROPERTIES
@given(st.sampled_from(QUOTES), st.sampled_from(("", "\n", "  \n\n")))
def test_a_reply_that_is_only_quoted_text_says_nothing(quote: str, before: str) -> None:
    answer = read_answer(before + quote)
    assert reading(answer) == (None, None, "low")


@pytest.mark.parametrize("text", ["9 eller 10", "8 or 9", "9 og 10", "Ja. 7 eller 8"])
def test_two_scores_joined_by_or_and_are_not_one_score(text: str) -> None:
    answer = read_answer(text, Language.DA)
    assert answer.score is None and answer.confidence == "low", answer.reason


@pytest.mark.parametrize(
    "text", ["No. 8/10", "No.\n8 out of 10", "NO. 9/10", "No\n24 hours later."]
)
def test_a_no_before_a_score_is_still_a_no(text: str) -> None:
    answer = read_answer(text, Language.EN)
    assert (answer.satisfied, answer.confidence) == (False, "high"), answer.reason


@pytest.mark.parametrize(
    ("text", "score"), [("No. 8", 8), ("No. 0", 0), ("NO. 9/10", 9), ("No.\n8 out of 10", 8)]
)
def test_a_no_then_a_score_reads_both(text: str, score: int) -> None:
    answer = read_answer(text, Language.EN)
    assert (answer.satisfied, answer.score, answer.confidence) == (False, score, "high")


@pytest.mark.parametrize(
    "text", ["Order no. 7 arrived.", "Ordre no 7 kom.", "No. 12345 arrived.", "No #7 arrived."]
)
def test_a_real_order_number_is_neither_a_no_nor_a_score(text: str) -> None:
    answer = read_answer(text)
    assert (answer.satisfied, answer.score) == (None, None), answer.reason


@pytest.mark.parametrize("text", ["Yes, so-so", "Ja, so-so", "So-so, 7"])
def test_so_so_with_a_hyphen_is_unsure(text: str) -> None:
    answer = read_answer(text)
    assert answer.confidence == "low" and "unsure" in answer.reason, answer.reason


@pytest.mark.parametrize(
    "text",
    [
        "9/10\nPakken kom hurtigt.",
        "Ja, 10/10\nMere af det!",
        "Ja. 9/10\nTing tager tid.",
        "9/10\nCall me on +44 20 7946 0958.",
        "Det kostede 200 kr.\n9",
    ],
)
def test_a_score_keeps_its_value_whatever_the_next_line_starts_with(text: str) -> None:
    answer = read_answer(text, Language.DA)
    assert answer.score is not None, answer.reason


@pytest.mark.parametrize(
    "text",
    [
        "9\nDen man. 23. nov. 2026 kl. 10.00 skrev Hansen Design <kontakt@hansendesign.dk>:\n"
        "> Er du tilfreds?",
        "Den var perfekt\nOn Mon, 23 Nov 2026 at 10:00, Hansen wrote:\n> Happy?",
        "Fremragende service\nDen 23. nov. 2026 skrev Hansen <a@b.dk>:\n> Tilfreds?",
    ],
)
def test_the_last_line_above_an_attribution_is_the_customers(text: str) -> None:
    assert strip_quoted(text) == text.split("\n")[0]

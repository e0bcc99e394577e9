"""Reading survey replies: real-looking mails in Danish, Norwegian and English.

Each reply carries what mail clients add below it (quotes, attributions, Outlook headers,
"Sendt fra min iPhone", signatures), because those are where a reader goes wrong: the quoted
survey itself says "tilfreds" and "0-10".

The cases are data in answer_cases.py, the mail clients' additions in answer_mails.py.
"""

from __future__ import annotations

from collections import Counter

import pytest

from soloservice.domain.answers import Answer, read_answer
from soloservice.domain.types import Language
from tests.domain.answer_cases import CASES
from tests.domain.answer_mails import DA_QUOTE_GMAIL, EN_QUOTE, SIG_DA


@pytest.mark.parametrize(("reply", "hint", "satisfied", "score", "confidence"), CASES)
def test_reads_real_looking_replies(
    reply: str, hint: Language | None, satisfied: bool | None, score: int | None, confidence: str
) -> None:
    answer = read_answer(reply, hint)
    assert (answer.satisfied, answer.score, answer.confidence) == (
        satisfied,
        score,
        confidence,
    ), answer.reason


#: Cases each language needs of each kind of reading, so a language cannot lose its "no"s
#: or its scores without this test saying so.
MIN_CASES_PER_KIND = 3


def _kinds(satisfied: bool | None, score: int | None, confidence: str) -> set[str]:
    if confidence == "low":
        return {"unclear"}
    kinds = {"score"} if score is not None else set()
    if satisfied is not None:
        kinds.add("yes" if satisfied else "no")
    return kinds


def test_there_are_enough_cases_in_every_language() -> None:
    counts: Counter[tuple[Language, str]] = Counter()
    for param in CASES:
        _, hint, satisfied, score, confidence = param.values
        if isinstance(hint, Language):
            counts.update((hint, kind) for kind in _kinds(satisfied, score, confidence))
    missing = {
        f"{language.value}/{kind}: {counts[(language, kind)]}"
        for language in (Language.DA, Language.NB, Language.EN)
        for kind in ("yes", "no", "score", "unclear")
        if counts[(language, kind)] < MIN_CASES_PER_KIND
    }
    assert not missing, f"fewer than {MIN_CASES_PER_KIND} cases: {sorted(missing)}"


def test_case_ids_name_the_language_they_are_written_in() -> None:
    """The id prefix is how a reader finds a language's cases; it must match the hint."""
    for param in CASES:
        hint = param.values[1]
        prefix = hint.value if isinstance(hint, Language) else "no-hint"
        assert str(param.id).startswith(prefix + "-"), param.id


def test_low_confidence_never_carries_a_guess() -> None:
    for param in CASES:
        reply, hint = param.values[0], param.values[1]
        assert isinstance(reply, str)
        answer = read_answer(reply, hint if isinstance(hint, Language) else None)
        if answer.confidence == "low":
            assert (answer.satisfied, answer.score) == (None, None)
            assert answer.reason


def test_comment_keeps_the_customers_words_and_drops_the_quote() -> None:
    reply = "Ikke helt. Låget passer stadig ikke.\n\nMvh Mette\n" + DA_QUOTE_GMAIL + SIG_DA
    answer = read_answer(reply, Language.DA)
    assert answer.comment == "Ikke helt. Låget passer stadig ikke."
    assert "tilfreds" not in answer.comment


def test_reason_names_what_was_read() -> None:
    answer = read_answer("Nej, 3/10" + EN_QUOTE)
    assert answer == Answer(False, 3, "Nej, 3/10", "high", answer.reason)
    assert '"nej"' in answer.reason and "3/10" in answer.reason


def test_two_different_scores_are_reported() -> None:
    answer = read_answer("8/10, måske 9/10")
    assert answer.confidence == "low"
    assert "8, 9" in answer.reason


def test_same_score_twice_is_not_a_conflict() -> None:
    answer = read_answer("10! Ja, 10/10.")
    assert (answer.satisfied, answer.score, answer.confidence) == (True, 10, "high")


def test_language_hint_decides_whether_to_is_a_number() -> None:
    assert read_answer("To.", Language.DA).score == 2
    assert read_answer("To.", Language.EN).confidence == "low"


def test_score_zero_is_a_score() -> None:
    answer = read_answer("0. Aldrig igen.", Language.DA)
    assert answer.score == 0

"""The complaint detector: da/nb/en word lists, negations, quoted text, and it never fails."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soloservice.domain.complaints import PHRASES, detect_complaint, own_text


@pytest.mark.parametrize(
    ("subject", "text", "words"),
    [
        ("Min vase kom knust", "", ("knust",)),
        ("Reklamation", "Stolen er defekt, jeg vil have pengene tilbage.", None),
        ("Ordre 1234", "Jeg er meget skuffet. Varen er gået i stykker.", None),
        ("", "Pakken er ikke modtaget, og jeg ønsker refusion", None),
        ("Klage på ødelagt vare", "", ("klage", "ødelagt")),
        ("Utilfreds", "", ("utilfreds",)),
    ],
)
def test_danish_complaints(subject: str, text: str, words: tuple[str, ...] | None) -> None:
    verdict = detect_complaint(subject, text)
    assert verdict.is_complaint, (subject, text)
    if words is not None:
        assert verdict.words == words
    assert verdict.reason.startswith("words: ")


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("Reklamasjon", "Hei, bordet kom ødelagt."),
        ("", "Jeg har ikke mottatt pakken og vil ha pengene tilbake."),
        ("Klage", ""),
        ("", "Veldig misfornøyd med leveringen, jeg vil ha refusjon."),
        ("Spørsmål", "Penger tilbake takk, varen er i stykker"),
    ],
)
def test_norwegian_complaints(subject: str, text: str) -> None:
    assert detect_complaint(subject, text).is_complaint


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("Broken lamp", ""),
        ("", "My order never arrived and I want a refund."),
        ("Complaint", "The box was damaged."),
        ("", "The kettle is faulty. Very disappointed."),
        ("Order 55", "It stopped working after two days"),
    ],
)
def test_english_complaints(subject: str, text: str) -> None:
    assert detect_complaint(subject, text).is_complaint


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("Spørgsmål om levering", "Hvornår kommer min ordre?"),
        ("Tak!", "Jeg er slet ikke skuffet, den er perfekt."),
        ("Re: ordre", "Ikke dårlig! Tusind tak."),
        ("Åbningstider", "Har I åbent lørdag?"),
        ("Thanks", "Not disappointed at all, great service."),
        ("", "Jeg beklager at jeg skriver igen."),  # "beklager" is not "klager"
        ("Hello", "No complaints here, it works great."),
        ("Levering", "Kan jeg få den leveret i morgen?"),
    ],
)
def test_questions_and_praise_are_not_complaints(subject: str, text: str) -> None:
    assert not detect_complaint(subject, text).is_complaint, detect_complaint(subject, text)


def test_words_are_matched_on_word_boundaries_and_case_insensitively() -> None:
    assert detect_complaint("KNUST", "").words == ("knust",)
    assert not detect_complaint("knustebeholder", "").is_complaint
    assert not detect_complaint("", "brokenhearted poetry").is_complaint
    assert detect_complaint("", "REFUND!!").words == ("refund",)


def test_quoted_text_is_not_the_customer_speaking() -> None:
    reply = (
        "Tusind tak, alt er i orden nu.\n\n"
        "Den 3. mar. 2026 kl. 11.00 skrev Butikken <hej@butik.dk>:\n"
        "> Vi beklager at vasen kom knust, her er din refusion."
    )
    assert own_text(reply) == "Tusind tak, alt er i orden nu.\n"
    assert not detect_complaint("Re: Din ordre", reply).is_complaint
    assert not detect_complaint("", "> it arrived broken\nThanks, all good").is_complaint


def test_the_reason_lists_each_word_once_in_order() -> None:
    verdict = detect_complaint("Knust vase", "Den er knust. Jeg vil have refusion. Knust!")
    assert verdict.reason == "words: knust, refusion"


def test_every_language_has_a_word_list() -> None:
    assert set(PHRASES) == {"da", "nb", "en"}
    assert all(len(words) >= 10 for words in PHRASES.values())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.text(max_size=2000))
def test_the_detector_never_raises_and_is_deterministic(subject: str, text: str) -> None:
    first = detect_complaint(subject, text)
    assert first == detect_complaint(subject, text)
    assert first.is_complaint == bool(first.words)
    assert all(word == word.lower() for word in first.words)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([p for ps in PHRASES.values() for p in ps if "(" not in p and "'" not in p]))
def test_every_plain_phrase_is_found_between_other_words(phrase: str) -> None:
    assert detect_complaint("", f"Hej. Det er {phrase} igen.").is_complaint

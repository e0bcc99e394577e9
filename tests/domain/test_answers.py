"""Reading survey replies: real-looking mails in Danish, Norwegian and English.

Each reply carries what mail clients add below it (quotes, attributions, Outlook headers,
"Sendt fra min iPhone", signatures), because those are where a reader goes wrong: the quoted
survey itself says "tilfreds" and "0-10".
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from soloservice.domain.answers import Answer, read_answer
from soloservice.domain.quoting import strip_quoted
from soloservice.domain.types import Language

DA_QUOTE_GMAIL = """
Den man. 23. nov. 2026 kl. 10.00 skrev Hansen Design <kontakt@hansendesign.dk>:
> Hej Mette
>
> Er du tilfreds med løsningen? Svar gerne ja eller nej, og giv os en karakter fra 0 til 10.
>
> Venlig hilsen
> Jens
"""

DA_QUOTE_APPLE = """
> Den 23. nov. 2026 kl. 10.00 skrev Hansen Design <kontakt@hansendesign.dk>:
>
> Er du tilfreds med løsningen? Hvor sandsynligt er det, at du vil anbefale os (0-10)?
"""

NB_QUOTE = """
man. 23. nov. 2026 kl. 10:00 skrev Berg Sykler <post@bergsykler.no>:

> Hei Ola! Er du fornøyd med løsningen? Hvor sannsynlig er det at du vil anbefale oss, 0-10?
"""

NB_QUOTE_DEN = """
Den 23.11.2026 kl. 10:00 skrev Berg Sykler
<post@bergsykler.no>:
> Er du fornøyd? Svar ja eller nei, og gjerne med et tall fra 0 til 10.
"""

EN_QUOTE = """
On Mon, 23 Nov 2026 at 10:00, Hansen Design <kontakt@hansendesign.dk> wrote:
> Hi Sarah, are you satisfied with the solution? Reply yes or no, and 0-10 if you like.
"""

EN_QUOTE_WRAPPED = """
On Mon, Nov 23, 2026 at 10:00 AM Hansen Design <kontakt@hansendesign.dk>
wrote:

> Are you satisfied with how we handled order 10234? On a scale of 0 to 10 ...
"""

OUTLOOK_DA = """
________________________________
Fra: Hansen Design <kontakt@hansendesign.dk>
Sendt: 23. november 2026 10:00
Til: Mette Holm <mette@example.dk>
Emne: Er du tilfreds?

Hej Mette, er du tilfreds med løsningen? Svar ja eller nej (og gerne 0-10).
"""

OUTLOOK_EN = """
-----Original Message-----
From: Hansen Design <kontakt@hansendesign.dk>
Sent: Monday, November 23, 2026 10:00 AM
To: Sarah Jones <sarah@example.com>
Subject: Are you satisfied?

Are you satisfied with the solution? 0 means not at all, 10 means absolutely.
"""

OUTLOOK_NB_NO_RULE = """
Fra: Berg Sykler <post@bergsykler.no>
Sendt: mandag 23. november 2026 10:00
Til: Ola Nordmann <ola@example.no>
Emne: Er du fornøyd?

Er du fornøyd med løsningen? Svar ja eller nei.
"""

SIG_DA = """
--
Mette Holm
Holm Rengøring ApS
Tlf. 20 10 30 40 · CVR 12345678
"""

IPHONE_DA = "\nSendt fra min iPhone\n"
IPHONE_NB = "\nSendt fra min iPhone\n"
IPHONE_EN = "\nSent from my iPhone\n"


def case(
    reply: str,
    satisfied: bool | None,
    score: int | None,
    confidence: str,
    hint: Language | None = None,
    *,
    id: str,
) -> Any:
    return pytest.param(reply, hint, satisfied, score, confidence, id=id)


CASES = [
    # -- Danish, clear -----------------------------------------------------------------
    case("Ja, tak!" + DA_QUOTE_GMAIL, True, None, "high", Language.DA, id="da-ja-tak"),
    case("Ja 🙂 9" + IPHONE_DA + DA_QUOTE_APPLE, True, 9, "high", Language.DA, id="da-ja-9"),
    case("Nej." + DA_QUOTE_GMAIL, False, None, "high", Language.DA, id="da-nej"),
    case("Ikke helt." + DA_QUOTE_GMAIL, False, None, "high", Language.DA, id="da-ikke-helt"),
    case(
        "Ikke rigtig, pakken er stadig ikke kommet.\n\nMvh Mette" + DA_QUOTE_GMAIL,
        False,
        None,
        "high",
        Language.DA,
        id="da-ikke-rigtig",
    ),
    case(
        "Hej Jens\n\nJeg er meget tilfreds, I giver 10 ud af 10 fra mig.\n\nVenlig hilsen\n"
        "Mette Holm\nTlf. 20 10 30 40" + DA_QUOTE_GMAIL,
        True,
        10,
        "high",
        Language.DA,
        id="da-meget-tilfreds-10-ud-af-10-with-phone-in-sign-off",
    ),
    case(
        "8/10 – det tog lidt tid, men det blev løst pænt." + SIG_DA + DA_QUOTE_GMAIL,
        None,
        None,
        "low",
        Language.DA,
        id="da-8-of-10-with-yes-but-is-low",
    ),
    case(
        "8/10 – det tog 2 dage, og så kom der en ny.\n" + SIG_DA + DA_QUOTE_GMAIL,
        None,
        8,
        "high",
        Language.DA,
        id="da-8-of-10-with-days-in-comment",
    ),
    case(
        "Jeg er ikke tilfreds. Ordre nr. 10234 er stadig ikke leveret, og jeg har ventet "
        "24 timer på svar.\n" + IPHONE_DA + DA_QUOTE_APPLE,
        False,
        None,
        "high",
        Language.DA,
        id="da-ikke-tilfreds-order-number-and-24-timer",
    ),
    case("Ti!" + DA_QUOTE_GMAIL, None, 10, "high", Language.DA, id="da-ti-word"),
    case("3" + OUTLOOK_DA, None, 3, "high", Language.DA, id="da-bare-3-outlook"),
    case(
        "Det er jeg ikke. Varen virker stadig ikke." + OUTLOOK_DA,
        False,
        None,
        "high",
        Language.DA,
        id="da-det-er-jeg-ikke",
    ),
    case("Det er jeg 😊" + DA_QUOTE_GMAIL, True, None, "high", Language.DA, id="da-det-er-jeg"),
    case(
        "Nej tak, alt er i orden nu. Tusind tak for hjælpen!" + DA_QUOTE_GMAIL,
        True,
        None,
        "high",
        Language.DA,
        id="da-nej-tak-is-polite-not-a-no",
    ),
    case(
        "Jo, det er fint. Jeg giver jer 9." + DA_QUOTE_GMAIL,
        True,
        9,
        "high",
        Language.DA,
        id="da-jo-giver-jer-9",
    ),
    case(
        "Det var jo ikke det jeg bestilte." + DA_QUOTE_GMAIL,
        None,
        None,
        "low",
        Language.DA,
        id="da-jo-particle-and-a-not-without-object-go-to-founder",
    ),
    case(
        "Meget utilfreds. 2 ud af 10.\n\nMed venlig hilsen\nKaren" + DA_QUOTE_GMAIL,
        False,
        2,
        "high",
        Language.DA,
        id="da-utilfreds-2",
    ),
    # -- Danish, must go to the founder -----------------------------------------------
    case(
        "Ja og nej. Varen er fin, men leveringen var elendig." + DA_QUOTE_GMAIL,
        None,
        None,
        "low",
        Language.DA,
        id="da-ja-og-nej",
    ),
    case("Ikke dårligt." + DA_QUOTE_GMAIL, None, None, "low", Language.DA, id="da-negated-neg"),
    case(
        "Ja, men jeg har stadig ikke fået pengene retur." + DA_QUOTE_GMAIL,
        None,
        None,
        "low",
        Language.DA,
        id="da-ja-men",
    ),
    case("7-8 vil jeg sige" + DA_QUOTE_GMAIL, None, None, "low", Language.DA, id="da-range"),
    case("8,5" + DA_QUOTE_GMAIL, None, None, "low", Language.DA, id="da-half-score"),
    case("Måske." + DA_QUOTE_GMAIL, None, None, "low", Language.DA, id="da-maybe"),
    case(DA_QUOTE_GMAIL, None, None, "low", Language.DA, id="da-only-quote"),
    case(
        "Tak for mailen." + IPHONE_DA + DA_QUOTE_GMAIL,
        None,
        None,
        "low",
        Language.DA,
        id="da-thanks-only",
    ),
    case(
        "Jeg gav jer 9 sidst, nu 6." + DA_QUOTE_GMAIL,
        None,
        None,
        "low",
        Language.DA,
        id="da-two-scores",
    ),
    case("5 stjerner!" + DA_QUOTE_GMAIL, None, None, "low", Language.DA, id="da-stars-not-0-10"),
    case(
        "Varen kom d. 8/10 og var i stykker." + DA_QUOTE_GMAIL,
        None,
        None,
        "low",
        Language.DA,
        id="da-date-is-not-8-of-10",
    ),
    # -- Norwegian -------------------------------------------------------------------
    case("Ja, veldig fornøyd!" + IPHONE_NB + NB_QUOTE, True, None, "high", Language.NB, id="nb-ja"),
    case("Nei" + NB_QUOTE, False, None, "high", Language.NB, id="nb-nei"),
    case(
        "Nei, dessverre ikke. Sykkelen har fortsatt en rar lyd.\n\nHilsen Ola" + NB_QUOTE,
        False,
        None,
        "high",
        Language.NB,
        id="nb-nei-dessverre-ikke",
    ),
    case(
        "Nei, ikke fornøyd. 3 av 10." + NB_QUOTE_DEN,
        False,
        3,
        "high",
        Language.NB,
        id="nb-nei-ikke-fornoyd-3-av-10",
    ),
    case(
        "Ikke fornøyd. Sykkelen har samme feil som før.\n\nMvh\nOla" + NB_QUOTE_DEN,
        False,
        None,
        "high",
        Language.NB,
        id="nb-ikke-fornoyd-den-skrev-wrapped",
    ),
    case(
        "9 av 10! Rask og hyggelig service." + NB_QUOTE,
        None,
        9,
        "high",
        Language.NB,
        id="nb-9-av-10",
    ),
    case(
        "Fornøyd, åtte av ti.\n\nVennlig hilsen\nKari Nordmann" + NB_QUOTE,
        True,
        8,
        "high",
        Language.NB,
        id="nb-atte-av-ti",
    ),
    case(
        "Jeg har ringt 3 ganger, og ingen svarer. 1\n" + OUTLOOK_NB_NO_RULE,
        None,
        1,
        "high",
        Language.NB,
        id="nb-3-ganger-and-score-1",
    ),
    case(
        "Ring meg på 912 34 567, så tar vi det derfra." + NB_QUOTE,
        None,
        None,
        "low",
        Language.NB,
        id="nb-phone-number-only",
    ),
    case("Ikke verst." + NB_QUOTE, None, None, "low", Language.NB, id="nb-ikke-verst-unclear"),
    case(
        "Både og. Ting tok tid." + IPHONE_NB + NB_QUOTE,
        None,
        None,
        "low",
        Language.NB,
        id="nb-bade-og",
    ),
    case(
        "Jepp, alt i orden. 10" + NB_QUOTE,
        True,
        10,
        "high",
        Language.NB,
        id="nb-jepp-alt-i-orden-10",
    ),
    # -- English -------------------------------------------------------------------------
    case("Yes, thank you!" + IPHONE_EN + EN_QUOTE, True, None, "high", Language.EN, id="en-yes"),
    case("Not really." + EN_QUOTE, False, None, "high", Language.EN, id="en-not-really"),
    case(
        "Absolutely, 10/10. Sarah\n" + EN_QUOTE_WRAPPED,
        True,
        10,
        "high",
        Language.EN,
        id="en-absolutely-10-wrapped-attribution",
    ),
    case(
        "Absolutely not. Still waiting for my refund of 250 kr." + OUTLOOK_EN,
        False,
        None,
        "high",
        Language.EN,
        id="en-absolutely-not-price",
    ),
    case(
        "No problem at all, all sorted. I'd say 9.\n\nBest regards,\nSarah Jones" + EN_QUOTE,
        True,
        9,
        "high",
        Language.EN,
        id="en-no-problem-is-positive",
    ),
    case(
        "I'm not happy. It broke again after 3 days. 4 out of 10." + OUTLOOK_EN,
        False,
        4,
        "high",
        Language.EN,
        id="en-not-happy-3-days-4-of-10",
    ),
    case(
        "It doesn't work." + IPHONE_EN + EN_QUOTE,
        False,
        None,
        "high",
        Language.EN,
        id="en-doesnt-work",
    ),
    case("Not bad." + EN_QUOTE, None, None, "low", Language.EN, id="en-not-bad-unclear"),
    case("Not sure yet." + EN_QUOTE, None, None, "low", Language.EN, id="en-not-sure"),
    case(
        "Yes but the box was damaged." + EN_QUOTE, None, None, "low", Language.EN, id="en-yes-but"
    ),
    case("11/10!!" + EN_QUOTE, None, None, "low", Language.EN, id="en-11-of-10"),
    case(
        "Order no. 7 arrived, see you at 10:30." + EN_QUOTE,
        None,
        None,
        "low",
        Language.EN,
        id="en-order-no-and-time-only",
    ),
    case(
        "Seven.\n-- \nSarah Jones\nJones & Co\n+44 20 7946 0958" + EN_QUOTE,
        None,
        7,
        "high",
        Language.EN,
        id="en-seven-word-signature",
    ),
    case(
        "Ja\n\nOla Nordmann\nStorgata 5\n0155 Oslo" + NB_QUOTE,
        None,
        None,
        "low",
        Language.NB,
        id="nb-address-signature-without-sign-off-goes-to-founder",
    ),
    case(
        "God service, det glemmer jeg aldrig." + DA_QUOTE_GMAIL,
        None,
        None,
        "low",
        Language.DA,
        id="da-aldrig-at-clause-end-is-not-a-no",
    ),
    case(
        "Refusionen på 250 kr kom aldrig." + DA_QUOTE_GMAIL,
        None,
        None,
        "low",
        Language.DA,
        id="da-price-not-a-score-and-aldrig-unplaced",
    ),
    case(
        "Ja, 100 %" + DA_QUOTE_GMAIL, True, None, "high", Language.DA, id="da-percent-not-a-score"
    ),
    case("Aldrig." + DA_QUOTE_GMAIL, False, None, "high", Language.DA, id="da-aldrig-alone"),
    case("👍" + IPHONE_EN, True, None, "high", Language.EN, id="en-thumbs-up"),
    case("Yesss! 10 from me" + EN_QUOTE, True, 10, "high", None, id="no-hint-yesss-10-from-me"),
]


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


def test_strip_quoted_handles_inline_quotes_and_keeps_text_between() -> None:
    text = "> Er du tilfreds?\nJa\n> Giv en karakter 0-10\n9\r\n"
    assert strip_quoted(text) == "Ja\n\n9".replace("\n\n", "\n")


def test_strip_quoted_cuts_forwarded_separator_and_outlook_header() -> None:
    assert strip_quoted("Nej" + OUTLOOK_EN) == "Nej"
    assert strip_quoted("Nei" + OUTLOOK_NB_NO_RULE) == "Nei"
    assert strip_quoted("Ja\n---------- Forwarded message ---------\nFrom: x") == "Ja"


def test_strip_quoted_keeps_a_line_that_only_looks_like_a_sign_off() -> None:
    assert strip_quoted("Best service ever, 10") == "Best service ever, 10"
    assert strip_quoted("Hilsen fra en glad kunde: 10") == "Hilsen fra en glad kunde: 10"


def test_same_score_twice_is_not_a_conflict() -> None:
    answer = read_answer("10! Ja, 10/10.")
    assert (answer.satisfied, answer.score, answer.confidence) == (True, 10, "high")


def test_language_hint_decides_whether_to_is_a_number() -> None:
    assert read_answer("To.", Language.DA).score == 2
    assert read_answer("To.", Language.EN).confidence == "low"


def test_score_zero_is_a_score() -> None:
    answer = read_answer("0. Aldrig igen.", Language.DA)
    assert answer.score == 0

"""Reading survey answers as properties: clear replies in da/nb/en are read whatever the mail
client adds below them; noise numbers never become scores; anything ambiguous is handed to
the founder ("low") rather than guessed.

A wrong reading costs either an unhappy customer's 24-hour call or an odd call to a happy
one (``domain/answers.py``), so these properties pin the reading, not just its type.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.answers import Answer, read_answer
from soloservice.domain.quoting import strip_quoted
from soloservice.domain.types import Language
from tests.properties.conftest import PROPERTIES

#: replies that clearly say yes, by the language they are written in
YES_REPLIES = {
    Language.DA: (
        "Ja",
        "Ja tak",
        "Jep",
        "Ja, jeg er meget tilfreds",
        "Jeg er meget tilfreds",
        "Super tilfreds",
        "Alt i orden",
        "Ingen problemer",
        "Helt sikkert",
        "Jaaa",
        "Selvfølgelig",
        "Det er jeg",
        "Ja, helt sikkert",
        "Jo, det er jeg",
    ),
    Language.NB: (
        "Ja",
        "Ja takk",
        "Jada",
        "Jepp",
        "Ja, jeg er fornøyd",
        "Veldig fornøyd",
        "Absolutt",
        "Ingen problem",
        "Helt klart",
        "Det er jeg",
    ),
    Language.EN: (
        "Yes",
        "Yes, thank you",
        "Yes please",
        "Absolutely",
        "I am very happy",
        "Yesss",
        "Of course",
        "All good",
        "No problems at all",
        "Sure",
        "Yep",
    ),
}
#: replies that clearly say no
NO_REPLIES = {
    Language.DA: (
        "Nej",
        "Nej, jeg er utilfreds",
        "Jeg er ikke tilfreds",
        "Ikke tilfreds",
        "Jeg er skuffet",
        "Nej, det virker stadig ikke",
        "Desværre ikke",
        "Neeej",
        "Selvfølgelig ikke",
        "Det er jeg ikke",
        "Ikke helt tilfreds",
        "Slet ikke",
    ),
    Language.NB: (
        "Nei",
        "Jeg er ikke fornøyd",
        "Misfornøyd",
        "Nei, dessverre",
        "Ikke fornøyd",
        "Neiii",
        "Absolutt ikke",
    ),
    Language.EN: (
        "No",
        "Not satisfied",
        "I'm not happy at all",
        "Very disappointed",
        "No, it does not work",
        "Not really",
        "Absolutely not",
        "Nope",
        "Of course not",
    ),
}
#: ways of writing a 0-10 score, by language
SCORE_FORMS = {
    Language.DA: ("{n}/10", "{n} ud af 10", "{n} point", "Jeg giver jer {n}", "{n}", "{n} fra mig"),
    Language.NB: ("{n}/10", "{n} av 10", "{n} poeng", "Jeg gir dere {n}", "{n}"),
    Language.EN: ("{n}/10", "{n} out of 10", "{n} points", "I'd give you {n}", "{n}"),
}
#: what mail clients put below a reply: it quotes the survey's own "tilfreds" and "0-10"
QUOTES = (
    "Den man. 23. nov. 2026 kl. 10.00 skrev Hansen Design <kontakt@hansendesign.dk>:\n"
    "> Er du tilfreds med løsningen? Svar ja eller nej, og giv os 0 til 10.\n> Venlig hilsen",
    "man. 23. nov. 2026 kl. 10:00 skrev Berg Sykler <post@bergsykler.no>:\n\n"
    "> Er du fornøyd? Hvor sannsynlig er det at du vil anbefale oss, 0-10?",
    "On Mon, 23 Nov 2026 at 10:00, Hansen Design <kontakt@hansendesign.dk> wrote:\n"
    "> Are you satisfied? Reply yes or no, and 0-10 if you like.",
    "-----Original Message-----\nFrom: Hansen Design <kontakt@hansendesign.dk>\n"
    "Sent: Monday, November 23, 2026 10:00 AM\nTo: Sarah <s@example.com>\n"
    "Subject: Are you satisfied?\n\nAre you satisfied? 0 means not at all, 10 means yes.",
    "________________________________\nFra: Hansen Design <kontakt@hansendesign.dk>\n"
    "Sendt: 23. november 2026 10:00\nTil: Mette <mette@example.dk>\nEmne: Er du tilfreds?\n\n"
    "Er du tilfreds? Svar ja eller nej (og gerne 0-10).",
    "Sendt fra min iPhone",
    "Sent from my iPhone\n\n> On 23 Nov 2026, at 10:00, Hansen wrote:\n> Happy? 0-10",
    "Mvh\nMette Hansen\nTlf. 20 30 40 50",
    "Med vennlig hilsen\nOla Nordmann",
    "Best regards,\nSarah Jones\n+44 20 7946 0958",
    "-- \nMette Hansen\nHansen ApS, CVR 12345678",
    "> Er du tilfreds?\n> Nej eller ja? 0-10",
)
#: sentences with numbers that are never a score (dates, times, prices, order numbers, ...)
NOISE = {
    Language.DA: (
        "Den kom den 8/10.",
        "Ordre nr. 7.",
        "Det kostede 9 kr.",
        "Ring på 20 30 40 50.",
        "Jeg ventede 3 dage.",
        "Rabatten var 10 %.",
        "Jeg bestilte 2 stk.",
        "Kl. 9 kom han.",
        "Ordre 12345.",
        "Det tog 2 uger.",
        "Klokken 9 ringede I.",
    ),
    Language.NB: (
        "Den kom 8.10.",
        "Ordre nr. 7.",
        "Det kostet 9 kr.",
        "Jeg ventet 3 dager.",
        "Kl. 9 kom han.",
        "Ring 22 33 44 55.",
    ),
    Language.EN: (
        "Order no. 5.",
        "It arrived on 3/4.",
        "24 hours later.",
        "It cost $9.",
        "I ordered 2 pcs.",
        "My number is +44 20 7946 0958.",
        "That was at 9:30.",
    ),
}

languages = st.sampled_from(list(Language))


def reading(answer: Answer) -> tuple[bool | None, int | None, str]:
    return answer.satisfied, answer.score, answer.confidence


@st.composite
def clear_reply(draw: st.DrawFn) -> tuple[str, Language, bool | None, int | None]:
    """A reply saying yes or no, a score, or both, in one language; and what it says."""
    language = draw(languages)
    says = draw(st.sampled_from(("yes", "no", "score", "yes+score", "no+score")))
    parts: list[str] = []
    satisfied: bool | None = None
    score: int | None = None
    if says.startswith("yes"):
        parts.append(draw(st.sampled_from(YES_REPLIES[language])))
        satisfied = True
    elif says.startswith("no"):
        parts.append(draw(st.sampled_from(NO_REPLIES[language])))
        satisfied = False
    if says.endswith("score"):
        score = draw(st.integers(0, 10))
        parts.append(draw(st.sampled_from(SCORE_FORMS[language])).format(n=score))
    separator = draw(st.sampled_from((". ", "! ", ".\n", "\n\n")))
    text = separator.join(parts) + draw(st.sampled_from(("", ".", "!", " :)", "\n")))
    return text, language, satisfied, score


def _hint(language: Language, use: bool) -> Language | None:
    return language if use else None


@PROPERTIES
@given(clear_reply(), st.booleans())
def test_a_clear_reply_is_read_with_confidence(
    reply: tuple[str, Language, bool | None, int | None], hinted: bool
) -> None:
    text, language, satisfied, score = reply
    answer = read_answer(text, _hint(language, hinted))
    assert reading(answer) == (satisfied, score, "high"), (text, answer.reason)
    assert answer.is_clear
    assert answer.comment == text.strip()


@PROPERTIES
@given(clear_reply(), st.sampled_from(QUOTES), st.sampled_from(("\n\n", "\r\n\r\n", "\n \n")))
def test_what_the_mail_client_adds_below_changes_nothing(
    reply: tuple[str, Language, bool | None, int | None], quote: str, gap: str
) -> None:
    text, language, satisfied, score = reply
    answer = read_answer(text + gap + quote, language)
    assert reading(answer) == (satisfied, score, "high"), (text + gap + quote, answer.reason)
    assert answer.comment == text.strip()
    assert "Hansen Design" not in answer.comment


@PROPERTIES
@given(clear_reply(), st.sampled_from(("upper", "lower")))
def test_case_does_not_matter(
    reply: tuple[str, Language, bool | None, int | None], case: str
) -> None:
    text, language, satisfied, score = reply
    shouted = text.upper() if case == "upper" else text.lower()
    assert reading(read_answer(shouted, language)) == (satisfied, score, "high"), shouted


@PROPERTIES
@given(clear_reply())
def test_non_breaking_spaces_and_crlf_read_like_plain_ones(
    reply: tuple[str, Language, bool | None, int | None],
) -> None:
    text, language, satisfied, score = reply
    odd = text.replace(" ", "\u00a0").replace("\n", "\r\n")
    assert reading(read_answer(odd, language)) == (satisfied, score, "high"), repr(odd)


@PROPERTIES
@given(clear_reply(), st.data())
def test_dates_prices_and_order_numbers_are_never_scores(
    reply: tuple[str, Language, bool | None, int | None], data: st.DataObject
) -> None:
    text, language, satisfied, score = reply
    noise = data.draw(st.sampled_from(NOISE[language]))
    where = data.draw(st.sampled_from(("after", "before")))
    noisy = f"{text.rstrip()}\n{noise}" if where == "after" else f"{noise}\n{text}"
    if where == "before" and score is not None and text.strip(" .!:)\n").isdigit():
        return  # a bare number opens the reply only when it is first
    answer = read_answer(noisy, language)
    assert (answer.satisfied, answer.score) == (satisfied, score), (noisy, answer.reason)
    assert answer.confidence == "high", (noisy, answer.reason)


# -- quote stripping on its own ---------------------------------------------------------------


own_line = st.text(
    alphabet=st.characters(whitelist_categories=("L", "N", "Zs"), whitelist_characters=".,!?æøå"),
    min_size=1,
    max_size=40,
).filter(lambda line: line.strip() and not line.strip()[0].isdigit())


@PROPERTIES
@given(st.lists(own_line, min_size=1, max_size=4), st.sampled_from(QUOTES))
def test_strip_quoted_keeps_the_customers_words_and_drops_the_quote(
    lines: list[str], quote: str
) -> None:
    own = "\n".join(lines)
    assert strip_quoted(own + "\n\n" + quote) == strip_quoted(own)


@PROPERTIES
@given(st.text(max_size=300))
def test_strip_quoted_is_idempotent_and_leaves_no_quote_lines(text: str) -> None:
    once = strip_quoted(text)
    assert strip_quoted(once) == once
    assert not any(line.lstrip().startswith(">") for line in once.split("\n"))
    assert once == once.strip()


@PROPERTIES
@given(st.lists(own_line, min_size=1, max_size=3), st.lists(own_line, min_size=1, max_size=3))
def test_interleaved_quote_lines_are_dropped_wherever_they_are(
    mine: list[str], theirs: list[str]
) -> None:
    mixed = []
    for index, line in enumerate(mine):
        mixed.append(line)
        if index < len(theirs):
            mixed.append("> " + theirs[index])
    assert strip_quoted("\n".join(mixed)) == strip_quoted("\n".join(mine))

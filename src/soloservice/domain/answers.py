"""Reading a customer's reply to "are you satisfied?" and the 0-10 question.

A wrong reading is worse than none: a misread "no" means an unhappy customer never gets the
24-hour call, a misread "yes" means a happy one gets an odd call. So the reader only answers
with confidence ``"high"`` when the reply says one thing clearly, and hands everything else
to the founder (``"low"``, with the reason) instead of guessing. In particular:

* both a yes and a no, two different scores, a range ("7-8"), half a score ("8,5"), a star
  rating, a score outside 0-10 or an empty reply after stripping quotes -> low;
* a negation that cannot be placed: "not bad" / "ikke utilfreds" (a negated negative), or a
  yes in the same sentence as a "not" that belongs to nothing we know ("ja, men det virker
  ikke") -> low;
* a yes with a "but" ("ja, men ...") -> low: the "but" is usually the real message;
* "nej tak" / "no thanks" is a polite decline of "anything more we can do?", not a "no";
* "jo" is only a yes at the start of a sentence; elsewhere it is the Scandinavian particle
  ("det er jo fint").

Numbers: a 0-10 is a score when it is written as one ("8/10", "8 ud af 10", "9 av 10",
"7 out of 10", "8 point"), when its clause holds nothing but the number and filler words
("Ja. 9", "Jeg giver jer 9", "10 fra mig"), or when it opens the reply ("9 - I was helped
fast"). Dates, times, prices, percentages, phone numbers, order numbers and amounts with a unit
("24 timer", "3 dage", "2 stk") are never scores. Any other small number, when no clear score
was found, makes the reading low-confidence ("a number I can't place").

The comment is the reply itself with quoted text and signatures removed: the founder reads
the customer's own words, never our summary of them.

The words are data (``domain/answer_words.py``); yes/no is read in
``domain/answer_polarity.py``, scores in ``domain/answer_scores.py`` and quoted text is
stripped by ``domain/quoting.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from soloservice.domain.answer_polarity import read_polarity
from soloservice.domain.answer_scores import read_scores
from soloservice.domain.quoting import strip_quoted
from soloservice.domain.types import Language

__all__ = ["Answer", "Confidence", "read_answer", "strip_quoted"]

Confidence = Literal["high", "low"]


@dataclass(frozen=True)
class Answer:
    satisfied: bool | None
    score: int | None
    comment: str
    confidence: Confidence
    reason: str

    @property
    def is_clear(self) -> bool:
        return self.confidence == "high"


# -- the whole reading -------------------------------------------------------------------


def read_answer(text: str, language_hint: Language | None = None) -> Answer:
    """Read satisfied yes/no and a 0-10 score from a reply; see the module docstring."""
    comment = strip_quoted(text)
    if not comment:
        return Answer(None, None, "", "low", "nothing left after removing quoted text")

    polarity, contrast = read_polarity(comment)
    scores = read_scores(comment, language_hint)

    problems = list(polarity.problems) + list(scores.problems)
    satisfied: bool | None = None
    if polarity.positive and polarity.negative:
        problems.append(f'both yes ("{polarity.positive[0]}") and no ("{polarity.negative[0]}")')
    elif polarity.positive:
        satisfied = True
        if contrast:
            problems.append(f'a yes ("{polarity.positive[0]}") with a "but"')
    elif polarity.negative:
        satisfied = False

    score: int | None = None
    values = sorted({value for value, _ in scores.clear})
    if len(values) > 1:
        shown = ", ".join(str(v) for v in values)
        problems.append(f"two different scores ({shown})")
    elif values:
        score = values[0]
    elif scores.unplaced:
        problems.append(f'a number I cannot place ("{scores.unplaced[0]}")')

    if problems:
        return Answer(None, None, comment, "low", "; ".join(problems))
    if satisfied is None and score is None:
        return Answer(None, None, comment, "low", "no yes/no and no score found")

    found: list[str] = []
    if satisfied is True:
        found.append(f'yes ("{polarity.positive[0]}")')
    elif satisfied is False:
        found.append(f'no ("{polarity.negative[0]}")')
    if score is not None:
        source = next(src for value, src in scores.clear if value == score)
        found.append(f'score {score} ("{source.strip()}")')
    return Answer(satisfied, score, comment, "high", "read " + " and ".join(found))

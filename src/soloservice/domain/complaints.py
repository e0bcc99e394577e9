"""Noticing a likely complaint in what a customer wrote (Danish, Norwegian bokmål, English).

Only phone calls used to be complaints, because only the call dialog asked. A founder reads
"Min vase kom knust" as a complaint at once; the inbox should too, so the orange dot, the
complaint templates, the iceberg and value at risk see every channel. The detector is a
plain word list (``PHRASES``), matched on word boundaries and case-insensitively on the
subject and the customer's own text (quoted lines and the quoted original below "... wrote:"
are skipped, so a reply quoting our "sorry it arrived broken" is not its own complaint).

It is deliberately simple and explainable: the verdict says which words it saw
("words: knust, refusion"), the founder's correction always wins, and nothing is learnt
silently. A negation right before a word ("ikke skuffet", "not disappointed") cancels it;
that is the only subtlety, because it is cheap and common in praise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from soloservice.domain.complaint_search import PhraseFinder

#: Phrases (regular expressions over lower-cased text, no anchors) that mark a complaint.
#: Grouped by language only for the reader; every text is checked against all of them,
#: because a Norwegian customer may write to a Danish shop in any mix.
PHRASES: dict[str, tuple[str, ...]] = {
    "da": (
        r"reklamation(?:en|er)?",
        r"reklamer(?:e|er|et|ing)",
        r"klage(?:n|r|t)?",
        r"knust(?:e)?",
        r"ødelagt(?:e)?",
        r"defekt(?:e)?",
        r"i stykker",
        r"gået i stykker",
        r"skuffet",
        r"skuffende",
        r"skuffelse",
        r"refusion(?:en)?",
        r"refunder(?:e|ing)",
        r"pengene tilbage",
        r"ikke modtaget",
        r"aldrig modtaget",
        r"aldrig kommet",
        r"erstatning",
        r"utilfreds",
        r"misfornøjet",
        r"dårlig(?:e|t)?",
        r"virker ikke",
        r"fungerer ikke",
        r"forkert vare",
        r"uacceptabel(?:t)?",
        r"mangelfuld(?:e|t)?",
    ),
    "nb": (
        r"reklamasjon(?:en|er)?",
        r"reklamere(?:r|t)?",
        r"klage(?:n|r|t)?",
        r"knust(?:e)?",
        r"ødelagt(?:e)?",
        r"defekt(?:e)?",
        r"i stykker",
        r"skuffet",
        r"skuffende",
        r"skuffelse",
        r"refusjon(?:en)?",
        r"pengene tilbake",
        r"penger(?:ne)? tilbake",
        r"ikke mottatt",
        r"aldri mottatt",
        r"aldri kommet",
        r"erstatning",
        r"misfornøyd",
        r"utilfreds",
        r"dårlig(?:e|t)?",
        r"virker ikke",
        r"fungerer ikke",
        r"feil vare",
        r"uakseptabel(?:t)?",
    ),
    "en": (
        r"complaint(?:s)?",
        r"complain(?:ing|ed)?",
        r"broken",
        r"refund(?:ed|s)?",
        r"money back",
        r"damaged",
        r"faulty",
        r"defective",
        r"disappointed",
        r"disappointing",
        r"never arrived",
        r"not arrived",
        r"hasn't arrived",
        r"has not arrived",
        r"not received",
        r"never received",
        r"doesn't work",
        r"does not work",
        r"not working",
        r"stopped working",
        r"wrong item",
        r"unacceptable",
        r"terrible",
        r"awful",
        r"dissatisfied",
        r"unhappy",
    ),
}

#: Words that, right before a phrase, turn it around ("ikke skuffet", "not disappointed").
NEGATIONS: tuple[str, ...] = (
    "ikke", "ikkje", "ej", "aldrig", "aldri", "ingen", "intet", "inga",
    "not", "never", "no", "nothing", "hardly", "isn't", "wasn't", "weren't",
)  # fmt: skip

#: Lines that start the quoted original in a reply; everything below is not the customer's.
_QUOTE_HEADER = re.compile(
    r"^\s*(?:on .{0,200}wrote:|den .{0,200}skrev.{0,40}:|.{0,200} skrev:|"
    r"-{2,}\s*(?:original message|oprindelig meddelelse|opprinnelig melding|"
    r"videresendt|forwarded message)\s*-{2,})\s*$",
    re.IGNORECASE,
)
#: Longest text looked at: a pasted log or a whole book must not cost seconds.
MAX_CHARS = 20_000


def _compile() -> re.Pattern[str]:
    seen: dict[str, None] = {}
    for phrases in PHRASES.values():
        for phrase in phrases:
            seen.setdefault(phrase.replace(" ", r"\s+"), None)
    # Longest first, so "gået i stykker" wins over "i stykker" at the same place.
    alternatives = sorted(seen, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


_PATTERN = _compile()
#: ``_PATTERN.finditer``, looking only where a phrase's first word is (complaint_search.py)
_FINDER = PhraseFinder((p for phrases in PHRASES.values() for p in phrases), _PATTERN)
#: The word right before a complaint word, in the same sentence: "No. Broken again." is a
#: complaint, the "no" answered the question before it.
_WORD_BEFORE = re.compile(r"([\w']+)[^\w.!?\n]*$")


@dataclass(frozen=True)
class ComplaintVerdict:
    """What the detector saw: ``words`` in the order they first appear."""

    is_complaint: bool
    words: tuple[str, ...] = ()

    @property
    def reason(self) -> str:
        return "words: " + ", ".join(self.words) if self.words else ""


def own_text(text: str) -> str:
    """The customer's own lines: quoted lines (">") and the quoted original are dropped."""
    kept: list[str] = []
    for line in text[:MAX_CHARS].splitlines():
        if _QUOTE_HEADER.match(line):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept)


def _negated(text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    return before is not None and before.group(1).lower() in NEGATIONS


#: Verdicts worked out elsewhere for texts about to be stored, by (subject, text): a bulk
#: import's parse worker (services/mail_parse_pool.py) runs the detector beside the store,
#: and ``detect_complaint`` answers from here instead of matching again. The detector is
#: deterministic, so a verdict is the same wherever it was worked out.
_known: dict[tuple[str, str], ComplaintVerdict] = {}


def remember(verdicts: Iterable[tuple[str, str, ComplaintVerdict]]) -> None:
    """Keep these (subject, text, verdict) for ``detect_complaint``, instead of the ones
    kept before (one batch at a time: what the store has finished with is let go)."""
    _known.clear()
    _known.update(((subject, text), verdict) for subject, text, verdict in verdicts)


def forget_all() -> None:
    _known.clear()


def detect_complaint(subject: str, text: str) -> ComplaintVerdict:
    """Whether ``subject`` and ``text`` read like a complaint, and the words that say so.

    Deterministic and total: any string (empty, huge, binary garbage) gives a verdict.
    """
    if _known:
        known = _known.get((subject, text))
        if known is not None:
            return known
    found: list[str] = []
    for part in (subject[:1000], own_text(text)):
        for match in _FINDER.finditer(part):
            if _negated(part, match.start()):
                continue
            word = " ".join(match.group(0).lower().split())
            if word not in found:
                found.append(word)
    return ComplaintVerdict(bool(found), tuple(found))

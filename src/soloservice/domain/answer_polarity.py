"""Reading yes or no from a reply: phrases, negations, "but" and stretched words ("jaaa").

See ``domain/answers.py`` for what counts as clear; the words are in ``domain/answer_words.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from soloservice.domain.answer_words import (
    CLAUSE_END_NEGATORS,
    CONTRAST,
    MODIFIERS,
    NEG_WORDS,
    NEGATORS,
    NO,
    PHRASES_BY_KIND,
    POS_WORDS,
    UNSURE,
    YES,
)

_PHRASES: dict[str, str] = {
    phrase: kind for kind, phrases in PHRASES_BY_KIND.items() for phrase in phrases
}


def _phrase_token(phrase: str) -> str:
    """One token for a phrase: spaces and hyphens ("so-so") would split it into its words."""
    return phrase.replace(" ", "_").replace("-", "_")


#: A matched phrase becomes one token, its words joined by "_", so reasons can quote it.
_PHRASE_TOKENS: dict[str, str] = {_phrase_token(p): kind for p, kind in _PHRASES.items()}

_PHRASE_RE = re.compile(
    r"(?<![\w])("
    + "|".join(re.escape(p) for p in sorted(_PHRASES, key=len, reverse=True))
    + r")(?![\w])"
)

_REPEATS = (
    (re.compile(r"ja+"), "ja"),
    (re.compile(r"jaa+h*"), "ja"),
    (re.compile(r"ye+s+"), "yes"),
    (re.compile(r"nej+"), "nej"),
    (re.compile(r"nei+"), "nei"),
    (re.compile(r"no+"), "no"),
    (re.compile(r"ne+j"), "nej"),
)
TOKEN = re.compile(r"[\w']+|👍|👎")


def canonical(token: str) -> str:
    """Stretched words ("jaaa", "yesss") and phrase tokens reduced to what they signal."""
    kind = _PHRASE_TOKENS.get(token)
    if kind is not None:
        return kind
    for pattern, word in _REPEATS:
        if pattern.fullmatch(token):
            return word
    return token


@dataclass
class Polarity:
    positive: list[str]
    negative: list[str]
    problems: list[str]


#: "order no. 7", "ordre no 12": "no" after a word that numbers something
_ORDER_NO_AFTER_WORD = re.compile(
    r"\b((?:order|ordre|invoice|faktura|reference|ref|item|vare|case|sag)[^\S\n]*)"
    r"no\.?[^\S\n]*(?=#?\d)"
)
#: "no. 12345", "no #12": a "no" before a long number or a "#" is an order number too
_ORDER_NO = re.compile(r"\bno\.?[^\S\n]*(?=#\d|\d{4,})")


def _prepare(text: str) -> str:
    lowered = text.lower().replace("’", "'")
    lowered = re.sub(r"\b(can|won|ca|wo)n't\b", r"\1 not", lowered)
    lowered = lowered.replace("n't", " not").replace("i'm", "i am")
    lowered = lowered.replace("cannot", "can not")
    # "order no. 7", "no. 12345" and "no #12" are order numbers, not a "no"; "No. 8/10" and
    # "No\n24 hours later" are a no before a score or a sentence.
    lowered = _ORDER_NO_AFTER_WORD.sub(r"\1nr ", lowered)
    lowered = _ORDER_NO.sub("nr ", lowered)
    return _PHRASE_RE.sub(lambda m: " " + _phrase_token(m.group(1)) + " ", lowered)


def _shown(words: str) -> str:
    return words.replace("_", " ")


def _read_clause(words: list[str], sentence_start: bool, out: Polarity) -> list[str]:
    """Collect signals of one clause; returns the negators that attached to nothing."""
    stray: list[str] = []
    consumed: set[int] = set()
    for index, raw in enumerate(words):
        word = canonical(raw)
        if word in NEGATORS:
            # Look ahead for what is negated, across modifiers only.
            target = None
            ahead = index + 1
            while ahead < len(words) and ahead - index <= 4:
                nxt = canonical(words[ahead])
                if nxt in POS_WORDS or nxt in YES or nxt in NEG_WORDS or nxt in NO:
                    target = ahead
                    break
                if nxt not in MODIFIERS:
                    break
                ahead += 1
            if target is not None:
                negated = canonical(words[target])
                consumed.add(target)
                if negated in POS_WORDS or negated in YES:
                    out.negative.append(_shown(f"{raw} {words[target]}"))
                else:
                    shown = _shown(f"{raw} ... {words[target]}")
                    out.problems.append(f'a negated negative ("{shown}")')
            elif all(canonical(w) in MODIFIERS for w in words[index + 1 :]) and (
                word in CLAUSE_END_NEGATORS or all(canonical(w) in MODIFIERS for w in words[:index])
            ):
                out.negative.append(_shown(" ".join(words[index:])))
                consumed.update(range(index + 1, len(words)))
            else:
                stray.append(raw)
            continue
        if index in consumed:
            continue
        if word == UNSURE:
            out.problems.append("an unsure or partial answer")
        elif word in NO or word in NEG_WORDS:
            out.negative.append(_shown(raw))
        elif word in YES or word in POS_WORDS:
            out.positive.append(_shown(raw))
        elif word == "jo" and index == 0 and sentence_start:
            out.positive.append(raw)
    return stray


def read_polarity(text: str) -> tuple[Polarity, bool]:
    prepared = _prepare(text)
    out = Polarity([], [], [])
    contrast = False
    for sentence in re.split(r"[.!?;\n]+", prepared):
        before = (len(out.positive), len(out.negative))
        stray: list[str] = []
        for number, clause in enumerate(re.split(r"[,:()\"–—]|\s-\s|\s-|-\s", sentence)):
            words = TOKEN.findall(clause)
            if not words:
                continue
            stray += _read_clause(words, number == 0, out)
            if any(w in CONTRAST for w in words):
                contrast = True
        gained_positive = len(out.positive) > before[0]
        if stray and gained_positive:
            out.problems.append(f'a "{stray[0]}" I cannot place next to a yes')
    return out, contrast

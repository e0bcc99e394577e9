"""Reading a 0-10 score from a reply, and telling it from dates, prices and order numbers.

See ``domain/answers.py`` for what counts as a score; the words are in
``domain/answer_words.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from soloservice.domain.answer_polarity import TOKEN, canonical
from soloservice.domain.answer_words import (
    ARTICLES,
    FILLERS,
    MODIFIERS,
    NEG_WORDS,
    NEGATORS,
    NO,
    NUMBER_WORDS,
    POS_WORDS,
    SCANDINAVIAN_ONLY,
    UNITS,
    YES,
)
from soloservice.domain.types import Language

_FLAGS = re.IGNORECASE

# The words around a number are looked at on its own line only ("[^\S\n]" is a space but not
# a line break): "9/10\nPakken kom" is a score and a sentence, "200 kr.\n9" a price and a score.
_UNIT_AFTER = re.compile(rf"[^\S\n]*(?:{UNITS})\b", _FLAGS)
_SYMBOL_AFTER = re.compile(r"[^\S\n]*(?:%|€|\$|£|,-|\.-|kr\.)")
_ORDINAL_AFTER = re.compile(r"\.[^\S\n]*[a-zæøå]")
#: "No. 8" is a no and a score; "order no. 7" an order number (``answer_polarity._prepare``)
_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:order|ordre|invoice|faktura|reference|ref|item|vare|case|sag)[^\S\n]*no\.?|"
    r"\b(?:nr|nummer|number|ordre|order|ordrenr|ordrenummer|faktura|fakturanr|invoice|"
    r"sag|sagsnr|case|ref|kl|klokken|klokka|side|page|uge|uke|week|trin|step|version|"
    r"model|str|størrelse|size|fra|from|since|siden|til|until|per|pr|kr|dkk|"
    r"nok|eur|jan|januar|january|feb|februar|february|mar|marts|mars|march|apr|april|maj|mai|"
    r"may|jun|juni|june|jul|juli|july|aug|august|sep|sept|september|okt|oktober|oct|october|"
    r"nov|november|dec|dek|december|desember|tlf|telefon|phone|mobil|mobile|ring|call|"
    r"pakke|package|item|vare|varenr|rum|room|lokale|bus|linje|line|rute|route|over|under|"
    r"inden|within|efter|etter|after|før|before)\.?|[#$€£§])[^\S\n]*\Z",
    _FLAGS,
)
_PHONE = re.compile(r"(?<![\w+])\+?\d(?:[ \-]?\d){7,}(?!\w)")
_SCORE_FORM = re.compile(
    r"(?<![\w.,/])(\d{1,3}|[a-zæøå]+)\s*(?:/|ud af|ud af|af|av|out of|of)\s*(?:10|ti|ten)"
    r"(?![\w]|[./-]\d)",
    _FLAGS,
)
_POINTS = re.compile(r"(?<![\w.,/])(\d{1,3})\s*(?:point|points|poeng|pts|p)\b", _FLAGS)
_STARS = re.compile(r"(?<![\w.,/])(\d{1,2}|[a-zæøå]+)\s*(?:stjerner|stjerne|stars?)\b", _FLAGS)
_RANGE = re.compile(r"(?<![\w.,/:-])(\d{1,2})\s*(?:-|–|til|to)\s*(\d{1,2})(?![\w.,/:]\d|\w)")
#: "9 eller 10", "8 or 9": a choice between two scores is no more one score than "9-10" is.
_CHOICE = re.compile(
    r"(?<![\w.,/:-])(\d{1,2})[^\S\n]*(?:eller|el\.|or|og|and|&)[^\S\n]*(\d{1,2})"
    r"(?![\w.,/:]\d|\w)",
    _FLAGS,
)
_DECIMAL = re.compile(r"(?<![\w.,/])(\d{1,2})[.,](\d)(?![\d\w]|[.,/:]\d)")
_DATE_TIME = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|\d{1,2}:\d{2}|\d+[.,]\d+"
)
_INTEGER = re.compile(r"(?<![\w.,/:-])(\d{1,3})(?![\w]|[.,/:]\d)")


def _number_words(hint: Language | None) -> dict[str, int]:
    if hint is None:
        merged: dict[str, int] = {}
        for words in NUMBER_WORDS.values():
            merged.update(words)
        return {w: v for w, v in merged.items() if w not in SCANDINAVIAN_ONLY}
    words = dict(NUMBER_WORDS[Language.EN])
    words.update(NUMBER_WORDS[hint])
    return words


@dataclass
class Scores:
    clear: list[tuple[int, str]]
    unplaced: list[str]
    problems: list[str]


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def read_scores(text: str, hint: Language | None) -> Scores:
    words = _number_words(hint)
    out = Scores([], [], [])
    work = _PHONE.sub(lambda m: " " * len(m.group(0)), text)

    for match in list(_SCORE_FORM.finditer(work)):
        token = match.group(1).lower()
        before = work[: match.start()]
        if token.isdigit():
            value = int(token)
            if re.match(r"\d+\s*/", match.group(0)) and re.search(
                r"\b(?:den|d|the|on|fra|from|since|siden|til|until)\.?[^\S\n]*\Z", before, _FLAGS
            ):
                continue  # "den 8/10" is the 8th of October
        elif token in words:
            value = words[token]
        else:
            continue
        if _UNIT_AFTER.match(work, match.end()):
            continue  # "2 af 10 pakker" counts parcels
        if value > 10:
            out.problems.append(f'a score outside 0-10 ("{match.group(0)}")')
        else:
            out.clear.append((value, match.group(0)))
        work = _mask(work, match.start(), match.end())

    for match in list(_STARS.finditer(work)):
        token = match.group(1).lower()
        if token.isdigit() or token in words:
            out.problems.append(f'a star rating, not a 0-10 score ("{match.group(0)}")')
            work = _mask(work, match.start(), match.end())

    for match in list(_POINTS.finditer(work)):
        value = int(match.group(1))
        if value > 10:
            out.problems.append(f'a score outside 0-10 ("{match.group(0)}")')
        else:
            out.clear.append((value, match.group(0)))
        work = _mask(work, match.start(), match.end())

    for match in list(_RANGE.finditer(work)):
        low, high = int(match.group(1)), int(match.group(2))
        if low <= 10 and high <= 10 and low < high:
            if not _excluded(work, *match.span()):
                out.problems.append(f'a range, not one score ("{match.group(0)}")')
            work = _mask(work, match.start(), match.end())

    for match in list(_CHOICE.finditer(work)):
        first, second = int(match.group(1)), int(match.group(2))
        if first <= 10 and second <= 10 and not _excluded(work, *match.span()):
            out.problems.append(f'two scores to choose from ("{match.group(0)}")')
            work = _mask(work, match.start(), match.end())

    for match in list(_DECIMAL.finditer(work)):
        if int(match.group(1)) <= 10 and not _excluded(work, *match.span()):
            out.problems.append(f'half a score or a date ("{match.group(0)}")')
        work = _mask(work, match.start(), match.end())

    work = _DATE_TIME.sub(lambda m: " " * len(m.group(0)), work)

    first_token = _first_token_span(work)
    for match in _INTEGER.finditer(work):
        value = int(match.group(1))
        if value > 10 or _excluded(work, *match.span()):
            continue
        opens_reply = match.span() == first_token and not re.match(r"\s*\d", work[match.end() :])
        if opens_reply or _standalone(work, match.start(), match.end()):
            out.clear.append((value, match.group(0)))
        else:
            out.unplaced.append(match.group(0))

    for match in re.finditer(r"[a-zæøå]+", work, _FLAGS):
        token = match.group(0).lower()
        if token in words and token not in ARTICLES and _standalone(work, *match.span()):
            out.clear.append((words[token], match.group(0)))
    return out


def _excluded(text: str, start: int, end: int) -> bool:
    after = text[end:]
    before = text[:start]
    return bool(
        _UNIT_AFTER.match(after)
        or _SYMBOL_AFTER.match(after)
        or _ORDINAL_AFTER.match(after)
        or _CONTEXT_BEFORE.search(before)
    )


_CLAUSE_BREAK = re.compile(r"[.,;:!?()\n\"–—]|\s-\s|^-|-$|\s-|-\s")


def _clause_around(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text[:start])), default=0)
    right_match = _CLAUSE_BREAK.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:start] + " " + text[end:right]


def _standalone(text: str, start: int, end: int) -> bool:
    """The clause holds this number and nothing but filler or yes/no words."""
    rest = TOKEN.findall(_prepare_plain(_clause_around(text, start, end)))
    return all(
        w in FILLERS
        or w in YES
        or w in NO
        or w in POS_WORDS
        or w in NEG_WORDS
        or w in MODIFIERS
        or w in NEGATORS
        for w in (canonical(t) for t in rest)
    )


def _prepare_plain(text: str) -> str:
    return text.lower().replace("’", "'")


def _first_token_span(text: str) -> tuple[int, int] | None:
    """Span of the first word or number after any leading yes/no words."""
    for match in re.finditer(r"\d+|[^\W\d]+", text):
        word = canonical(match.group(0).lower())
        if word in YES or word in NO or word == "jo":
            continue
        return match.span()
    return None

"""Finding the complaint pattern's matches without running it at every character.

``complaints._PATTERN`` is one case-insensitive alternation of some seventy phrases behind a
``(?<!\\w)``: Python's regex engine tries it at every position of the text, which made the
detector a sixth of a large import's parse work. Every match starts with its phrase's first
word, so ``PhraseFinder`` looks for those words with ``str.find`` in a case-folded copy
of the text and runs the very same pattern only where one starts (``pattern.match`` at that
position, in order, as ``finditer`` would): the same matches, found in a fraction of the time.

The copy must fold exactly as the pattern's ``IGNORECASE`` does, position for position:
``str.lower`` does, apart from three letters (the dotted capital I lowers to two characters;
the dotless i and the long s match i and s under ``IGNORECASE``). tests/domain checks the
fold against the regex engine for every character and the finder against ``finditer``.
A phrase of an unforeseen shape turns the finder off (``usable``); the pattern then scans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

#: regex syntax that ends a phrase's leading literal
_SYNTAX = set("()[]{}\\.|*+?^$ ")
#: after these, the last literal character was optional
_OPTIONAL = set("?*{")
#: a leading literal this short is too common to look for: the next word is looked for
_SHORT = 3


def fold(text: str) -> str:
    """``text`` case-folded as ``re.IGNORECASE`` compares it, one character for one."""
    if text.isascii():
        return text.lower()
    if "\u0130" in text:  # İ: lower() makes it "i" and a combining dot
        text = text.replace("\u0130", "i")
    return text.lower().replace("\u0131", "i").replace("\u017f", "s")


def leading_literal(phrase: str) -> str:
    """The letters every match of ``phrase`` (a regex, spaces for whitespace) starts with."""
    end = 0
    while end < len(phrase) and phrase[end] not in _SYNTAX:
        end += 1
    if end < len(phrase) and phrase[end] in _OPTIONAL:
        end -= 1
    return phrase[:end]


def _top_level_bar(phrase: str) -> bool:
    depth = 0
    escaped = False
    for char in phrase:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


class PhraseFinder:
    def __init__(self, phrases: Iterable[str], pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.words: set[str] = set()
        #: (a short first word, the word after the whitespace that follows it)
        self.pairs: set[tuple[str, str]] = set()
        self.usable = True
        for phrase in phrases:
            if _top_level_bar(phrase):
                self.usable = False  # "a|b": the second half has a first word of its own
            first = leading_literal(phrase)
            if len(first) >= _SHORT:
                self.words.add(first)
                continue
            rest = phrase[len(first) :]
            second = leading_literal(rest[1:]) if rest.startswith(" ") else ""
            if not first or len(second) < _SHORT:
                self.usable = False  # no word to look for: let the pattern scan
            self.pairs.add((first, second))

    def _starts(self, folded: str) -> set[int]:
        """Every position a match can start at (and some where none does)."""
        starts: set[int] = set()
        for word in self.words:
            at = folded.find(word)
            while at >= 0:
                starts.add(at)
                at = folded.find(word, at + 1)
        for first, second in self.pairs:
            at = folded.find(second)
            while at >= 0:
                begin = at
                while begin > 0 and folded[begin - 1].isspace():
                    begin -= 1
                if begin < at and begin >= len(first):
                    starts.add(begin - len(first))
                at = folded.find(second, at + 1)
        return starts

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """What ``self.pattern.finditer(text)`` yields."""
        if not self.usable:
            yield from self.pattern.finditer(text)
            return
        resume = 0
        for start in sorted(self._starts(fold(text))):
            if start < resume:
                continue
            found = self.pattern.match(text, start)
            if found is not None:
                yield found
                resume = found.end()

"""The text classifier behind the language guess: py3langid, loaded on first use.

py3langid (a maintained fork of langid.py) ships its model inside the wheel, so nothing is
downloaded at run time. It told Danish, bokmål and English apart in all of 36 short customer
mails we tried (langdetect: 33). Importing it costs about 0.06 s and reading its model 0.05 s
from the cache (0.7 s the first time, services/language_model.py), so it is imported here on
the first guess, never at start-up: ``soloservice inbox``
or a cron sync without new customers does not pay for it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from soloservice.domain.language import CANDIDATES, LanguageGuess, guess_language, letter_count
from soloservice.domain.types import Language

#: The first part of a mail carries its language; quoted history and footers only add noise.
MAX_TEXT = 1500

#: a bulk import's cache of ``text_scores`` by the words scored: the parse worker scores
#: each batch's mails (services/mail_parse_pool.py) and the importer reads the scores from
#: here, so the classifier runs beside the store, not in it; cleared when it grows large
_scores: dict[str, dict[str, float]] = {}
_MAX_CACHED = 20_000

_lock = threading.Lock()
_identifier: Any = None


def _classifier() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            from soloservice.services.language_model import load_identifier

            _identifier = load_identifier(CANDIDATES)
        return _identifier


def _own_words(text: str) -> str:
    """The customer's own lines: quoted replies ("> ...") and a signature after "-- " go.

    Stops reading once ``MAX_TEXT`` characters are kept: the lines after could only add
    to what is cut off (a long mail's thousands of lines were all looked at)."""
    kept: list[str] = []
    size = 0  # of "\n".join(kept), plus one
    for line in text.splitlines():
        if line.rstrip() == "--":
            break
        if not line.lstrip().startswith(">"):
            kept.append(line)
            size += len(line) + 1
            if size > MAX_TEXT:
                break
    return "\n".join(kept)[:MAX_TEXT]


def text_scores(text: str) -> dict[str, float]:
    """Probabilities by ISO 639-1 code over the candidates; empty for a text without
    letters (the classifier would only return its prior)."""
    words = _own_words(text)
    known = _scores.get(words)
    if known is not None:
        return dict(known)
    if letter_count(words) == 0:
        return {}
    return {str(code): float(score) for code, score in _classifier().rank(words)}


def mail_words(subject: str, text: str) -> str:
    """What a new email customer's language is guessed from (``MailPlacing._create``)."""
    return f"{subject}\n{text}"


def scores_for(text: str) -> tuple[str, dict[str, float]]:
    """``(key, text_scores(text))`` for ``remember``: run where the classifier may cost
    (the parse worker), remembered where the guess is made. The key is what
    ``guess_for(text)`` will look up: its own words of its own words."""
    words = _own_words(text)
    return _own_words(words), text_scores(words)


def remember(words: str, scores: dict[str, float]) -> None:
    """Keep scores ``scores_for`` computed (elsewhere) for ``text_scores`` to return."""
    if len(_scores) >= _MAX_CACHED:
        _scores.clear()
    _scores[words] = scores


def forget_all() -> None:
    """Drop the remembered scores (the end of an import)."""
    _scores.clear()


def guess_for(
    text: str,
    *,
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    default: Language = Language.DA,
) -> LanguageGuess:
    """The guess for a new customer from their first message and identities."""
    words = _own_words(text)
    scores = text_scores(words) if words.strip() else None
    return guess_language(
        scores, letters=letter_count(words), emails=emails, phones=phones, default=default
    )

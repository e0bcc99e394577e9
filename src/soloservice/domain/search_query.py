"""What the founder typed into a search box, turned into a safe SQLite FTS5 expression.

Pure: no SQL is run here (services/search.py runs it). The grammar is small on purpose, so
nothing typed can be an FTS5 syntax error or reach FTS5 as an operator:

- words match by their tokens; the word being typed (the last one, when no space follows
  it) matches as a prefix, so results appear while typing; ``print*`` is a prefix anywhere;
- ``"quoted words"`` match as a phrase (an unclosed quote runs to the end);
- ``from:mette`` / ``from:"Mette Ærbø"`` (also ``fra:``) match only the customer's name and
  identities (emails, phones, handles);
- ``channel:email`` (also ``kanal:``; form, phone, facebook, instagram, x, social and a few
  Danish/Norwegian words) keep one channel; several ``channel:`` filters keep any of them;
- ``#123`` is inquiry 123; a query of digits alone also matches that inquiry number, and a
  query that looks like a phone number also matches customers' numbers by substring.

Every word reaches FTS5 as a double-quoted string (its quotes doubled), so ``AND``, ``OR``,
``NOT``, ``NEAR``, ``*``, ``-``, ``:``, ``^`` and parentheses are plain text. Words with no
letter or digit are dropped: the tokenizer would find no token in them.
"""

from __future__ import annotations

from dataclasses import dataclass

from soloservice.domain.types import SOCIAL_CHANNELS, Channel

#: snippet markers (services/search.py asks FTS5 for them); control characters, so they
#: cannot be confused with what customers write, and never shown as such
MARK_START = "\x02"
MARK_END = "\x03"

#: the FTS5 column holding the customer's name and identities (``from:`` searches it)
WHO_COLUMN = "who"

_FROM_KEYS = ("from", "fra")
_CHANNEL_KEYS = ("channel", "kanal")

#: what may follow ``channel:``; a prefix of any name picks it while it is being typed
CHANNEL_NAMES: dict[str, frozenset[Channel]] = {
    "email": frozenset({Channel.EMAIL}),
    "e-mail": frozenset({Channel.EMAIL}),
    "mail": frozenset({Channel.EMAIL}),
    "form": frozenset({Channel.FORM}),
    "formular": frozenset({Channel.FORM}),
    "skjema": frozenset({Channel.FORM}),
    "phone": frozenset({Channel.PHONE}),
    "telefon": frozenset({Channel.PHONE}),
    "tlf": frozenset({Channel.PHONE}),
    "call": frozenset({Channel.PHONE}),
    "opkald": frozenset({Channel.PHONE}),
    "facebook": frozenset({Channel.FACEBOOK}),
    "fb": frozenset({Channel.FACEBOOK}),
    "messenger": frozenset({Channel.FACEBOOK}),
    "instagram": frozenset({Channel.INSTAGRAM}),
    "ig": frozenset({Channel.INSTAGRAM}),
    "x": frozenset({Channel.X}),
    "twitter": frozenset({Channel.X}),
    "social": SOCIAL_CHANNELS,
    "sociale": SOCIAL_CHANNELS,
    "sosiale": SOCIAL_CHANNELS,
}

_PHONE_CHARS = frozenset("0123456789+-()/. ")


@dataclass(frozen=True)
class SearchQuery:
    """A parsed search. ``match`` is None when no text condition applies (only filters)."""

    text: str
    #: the FTS5 expression: quoted strings joined by AND, prefix ``*`` and column filters
    match: str | None
    #: everything typed (filters removed) as one plain phrase: what to run if ``match``
    #: is refused by FTS5 after all
    fallback: str | None
    #: channel values to keep; None keeps every channel, an empty set keeps nothing
    channels: frozenset[str] | None
    #: ``#123`` (or a query of digits alone): that inquiry number
    inquiry_id: int | None
    #: the digits of a query that looks like a phone number, matched inside stored numbers
    phone_digits: str | None
    #: the words searched for, lower-cased, without filters (e.g. for highlighting)
    terms: tuple[str, ...]
    #: ``#123``: only that inquiry, no text search
    id_only: bool = False

    @property
    def is_empty(self) -> bool:
        """Nothing to search for: the caller shows the unfiltered view."""
        return (
            self.match is None
            and self.channels is None
            and self.inquiry_id is None
            and self.phone_digits is None
        )


@dataclass(frozen=True)
class _Piece:
    value: str
    key: str  # "" (plain), "from" or "channel"
    quoted: bool  # written inside double quotes
    closed: bool  # the quote was closed, or a space followed: not being typed any more
    star: bool = False  # written with a trailing ``*``: a prefix wherever it stands


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _has_token(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _read_quoted(text: str, start: int) -> tuple[str, int, bool]:
    """The phrase after the quote at ``start``: (phrase, index after it, was it closed)."""
    end = text.find('"', start + 1)
    if end < 0:
        return text[start + 1 :], len(text), False
    return text[start + 1 : end], end + 1, True


def _split(text: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch == '"':
            phrase, i, closed = _read_quoted(text, i)
            pieces.append(_Piece(phrase, "", True, closed or (i < n)))
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] != '"':
            i += 1
        word = text[start:i]
        key, sep, value = word.partition(":")
        lowered = key.lower()
        if sep and (lowered in _FROM_KEYS or lowered in _CHANNEL_KEYS):
            kind = "from" if lowered in _FROM_KEYS else "channel"
            if not value and i < n and text[i] == '"':
                phrase, i, closed = _read_quoted(text, i)
                pieces.append(_Piece(phrase, kind, True, closed or (i < n)))
            else:
                pieces.append(_starred(value, kind, i < n))
            continue
        pieces.append(_starred(word, "", i < n))
    return pieces


def _starred(word: str, key: str, closed: bool) -> _Piece:
    bare = word.rstrip("*")
    return _Piece(bare, key, False, closed, star=bare != word)


def channels_named(name: str) -> frozenset[Channel]:
    """The channels ``channel:name`` means; a prefix of a name counts (typing "em")."""
    wanted = name.strip().lower()
    if not wanted:
        return frozenset()
    exact = CHANNEL_NAMES.get(wanted)
    if exact is not None:
        return exact
    found: set[Channel] = set()
    for key, channels in CHANNEL_NAMES.items():
        if key.startswith(wanted):
            found |= channels
    return frozenset(found)


def _phrase(piece: _Piece, prefix: bool) -> str:
    return _quote(piece.value) + ("*" if prefix else "")


def looks_like_phone(text: str) -> str | None:
    """The digits of ``text`` when it is a phone number being typed (3+ digits, nothing but
    digits, spaces and + - ( ) / .), else None."""
    stripped = text.strip()
    digits = "".join(ch for ch in stripped if ch.isdigit() and ch.isascii())
    if len(digits) < 3 or any(ch not in _PHONE_CHARS for ch in stripped):
        return None
    return digits


def parse(text: str, *, prefix_last: bool = True) -> SearchQuery:
    """Parse what was typed. ``prefix_last``: the last word matches as a prefix unless a
    space follows it (the GUI and CLI both want that: results while typing)."""
    # FTS5 reads the expression as a C string: a NUL would cut it off mid-quote.
    pieces = _split(text.replace("\x00", " "))
    channels: set[str] | None = None
    inquiry_id: int | None = None
    id_only = False
    parts: list[str] = []
    plain: list[str] = []
    terms: list[str] = []
    last_text = max(
        (k for k, p in enumerate(pieces) if p.key != "channel" and _has_token(p.value)),
        default=-1,
    )
    for k, piece in enumerate(pieces):
        if piece.key == "channel":
            named = {c.value for c in channels_named(piece.value)}
            if piece.value.strip():
                channels = named if channels is None else channels | named
            continue
        if not piece.quoted and piece.key == "" and piece.value.startswith("#"):
            number = piece.value[1:]
            if number.isdigit() and number.isascii() and len(number) < 19:
                inquiry_id = int(number)
                id_only = True
                continue
        if not _has_token(piece.value):
            continue
        prefix = piece.star or (prefix_last and k == last_text and not piece.closed)
        phrase = _phrase(piece, prefix)
        parts.append(f"{WHO_COLUMN} : {phrase}" if piece.key == "from" else phrase)
        plain.append(piece.value)
        terms.append(piece.value.lower())
    searched = " ".join(plain)
    if inquiry_id is None and searched.isdigit() and searched.isascii() and len(searched) < 19:
        inquiry_id = int(searched)
    phone = None
    if not any(p.key == "from" for p in pieces):
        phone = looks_like_phone(searched)
    if id_only and parts:
        id_only = False  # "#12 vase": the number is one more condition, not the whole search
    return SearchQuery(
        text=text,
        match=" AND ".join(parts) if parts else None,
        fallback=_quote(searched) if plain else None,
        channels=None if channels is None else frozenset(channels),
        inquiry_id=inquiry_id,
        phone_digits=phone,
        terms=tuple(terms),
        id_only=id_only,
    )


def split_marked(snippet: str) -> list[tuple[str, bool]]:
    """A snippet with MARK_START/MARK_END as (text, highlighted) runs, markers removed."""
    runs: list[tuple[str, bool]] = []
    highlighted = False
    current: list[str] = []
    for ch in snippet:
        if ch in (MARK_START, MARK_END):
            if current:
                runs.append(("".join(current), highlighted))
                current = []
            highlighted = ch == MARK_START
            continue
        current.append(ch)
    if current:
        runs.append(("".join(current), highlighted))
    return runs


def strip_marks(snippet: str) -> str:
    return snippet.replace(MARK_START, "").replace(MARK_END, "")

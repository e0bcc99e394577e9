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
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from soloservice.domain.types import Language

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


# -- stripping quoted text and signatures ----------------------------------------------------

_FLAGS = re.IGNORECASE

_SEPARATOR = re.compile(
    r"-{2,}\s*(?:original message|oprindelig meddelelse|oprindelig besked|original meddelelse|"
    r"opprinnelig melding|opprinnelig e-post|forwarded message|videresendt meddelelse|"
    r"videresendt melding|videresendt besked)\s*-{2,}|-{4,}[^-]{2,40}-{4,}|_{10,}",
    _FLAGS,
)
_ATTRIBUTION_START = re.compile(
    r"(?:(?:on|den|am|le)\b|d\.|\d|(?:man|tir|tirs|ons|tor|tors|fre|lør|søn|mon|tue|wed|thu|"
    r"fri|sat|sun)[a-zæøå]*\.?\s)",
    _FLAGS,
)
_ATTRIBUTION = re.compile(r".{0,300}\b(?:wrote|skrev)\b.{0,200}:", _FLAGS | re.DOTALL)
_HEADER_FROM = re.compile(r"\*?(?:from|fra|frå|från|von)\s*:\*?\s*\S", _FLAGS)
_HEADER_NEXT = re.compile(r"\*?(?:sent|sendt|date|dato|to|til|subject|emne|cc)\s*:", _FLAGS)
_MOBILE = re.compile(
    r"(?:sent from|sent with|sendt fra|sendt frå|sendt med|skickat från|get outlook for|"
    r"få outlook til|få outlook for|hent outlook for|hentet fra|download outlook)\b",
    _FLAGS,
)
_SIGN_OFF = re.compile(
    r"(?i:med venlig hilsen|med venlig hilsen|venlig hilsen|venlig hilsen|de bedste hilsner|"
    r"bedste hilsner|bedste hilsen|mange hilsner|med vennlig hilsen|vennlig hilsen|"
    r"vennlige hilsener|beste hilsen|mvh|vh|hilsen|hilsner|kind regards|best regards|"
    r"warm regards|regards|best wishes|all the best|cheers)"
    r"[,.!]?(?:\s+[A-ZÆØÅ][\w.'-]*){0,3}\s*"
)


def _is_attribution(lines: list[str], index: int) -> bool:
    first = lines[index].strip().lstrip("*")
    if not first or "!" in first or "?" in first or not _ATTRIBUTION_START.match(first):
        return False
    for width in (1, 2, 3):
        block = [line.strip() for line in lines[index : index + width]]
        if len(block) < width or not all(block):
            return False  # a wrapped attribution never contains a blank line
        window = " ".join(block)
        if len(window) > 500:
            return False
        if _ATTRIBUTION.fullmatch(window):
            return True
    return False


def _is_outlook_header(lines: list[str], index: int) -> bool:
    if not _HEADER_FROM.match(lines[index].strip()):
        return False
    following = lines[index + 1 : index + 6]
    return any(_HEADER_NEXT.match(line.strip()) for line in following)


def _starts_quote(lines: list[str], index: int) -> bool:
    line = lines[index]
    stripped = line.strip()
    if line.rstrip(" ") in ("--", "-- ") or line == "-- ":
        return True
    return bool(
        _SEPARATOR.fullmatch(stripped)
        or _MOBILE.match(stripped)
        or _SIGN_OFF.fullmatch(stripped)
        or _is_outlook_header(lines, index)
        or _is_attribution(lines, index)
    )


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u00a0", " ").replace("\u200b", "")


def strip_quoted(text: str) -> str:
    """The customer's own new words: everything above the first quote, header or signature.

    ``>`` lines are dropped wherever they are; the first attribution ("On ... wrote:",
    "Den ... skrev ...:"), forwarded/original-message separator, Outlook header block
    ("Fra:/Sendt:/Til:"), "Sendt fra min iPhone", sign-off ("Mvh", "Best regards") or "-- "
    signature line ends the answer.
    """
    lines = _normalise(text).split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        if _starts_quote(lines, index):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


# -- yes / no ------------------------------------------------------------------------------

_POS = "xxpos"
_NEG = "xxneg"
_UNSURE = "xxunsure"
_NIL = "xxnil"

_PHRASES: dict[str, str] = {}


def _add(kind: str, *phrases: str) -> None:
    for phrase in phrases:
        _PHRASES[phrase] = kind


_add(
    _POS,
    "no problem",
    "no problems",
    "no worries",
    "no issues",
    "no complaints",
    "no more problems",
    "ingen problemer",
    "ingen problem",
    "intet problem",
    "ikke noget problem",
    "ikke noe problem",
    "ingen klager",
    "kan ikke klage",
    "can not complain",
    "nothing to complain about",
    "ikke noget at klage over",
    "ingenting å klage på",
    "ingenting at klage over",
    "alt i orden",
    "i orden",
    "all good",
    "of course",
    "helt sikkert",
    "helt klart",
    "tip top",
    "det er jeg",
    "det var jeg",
    "det er vi",
    "det var vi",
    "that i am",
    "i am indeed",
    "👍",
)
_add(
    _NEG,
    "absolutely not",
    "definitely not",
    "certainly not",
    "of course not",
    "selvfølgelig ikke",
    "selvfølgelig ikkje",
    "absolut ikke",
    "absolutt ikke",
    "bestemt ikke",
    "langt fra",
    "far from it",
    "det er jeg ikke",
    "det var jeg ikke",
    "det er vi ikke",
    "det var vi ikke",
    "det er jeg ikkje",
    "👎",
)
_add(
    _UNSURE,
    "not sure",
    "ikke sikker",
    "ikke helt sikker",
    "usikker",
    "unsure",
    "ved ikke",
    "vet ikke",
    "veit ikkje",
    "do not know",
    "måske",
    "kanskje",
    "maybe",
    "perhaps",
    "delvis",
    "delvist",
    "partly",
    "partially",
    "sort of",
    "kind of",
    "både og",
    "begge dele",
    "hverken",
    "verken",
    "neither",
    "so-so",
    "so so",
    "sådan da",
    "nogenlunde",
    "noenlunde",
    "halvt",
    "halvvejs",
    "mixed feelings",
    "blandede følelser",
    "ikke utilfreds",
    "no idea",
    "ingen anelse",
    "aner ikke",
    "ingen idé",
)
_add(
    _NIL,
    "nej tak",
    "nei takk",
    "nei tak",
    "no thanks",
    "no thank you",
    "ikke mere",
    "ikke noget mere",
    "intet mere",
    "ikke noe mer",
    "ingenting mer",
    "ikke andet",
    "ikke noe annet",
    "nothing more",
    "nothing else",
    "no more",
)

#: A matched phrase becomes one token, its words joined by "_", so reasons can quote it.
_PHRASE_TOKENS: dict[str, str] = {p.replace(" ", "_"): kind for p, kind in _PHRASES.items()}

_PHRASE_RE = re.compile(
    r"(?<![\w])("
    + "|".join(re.escape(p) for p in sorted(_PHRASES, key=len, reverse=True))
    + r")(?![\w])"
)

_YES = frozenset(
    {
        "ja",
        "yes",
        "yep",
        "yeah",
        "yup",
        "jep",
        "jepp",
        "jeps",
        "jepper",
        "jada",
        "javist",
        "absolutely",
        "definitely",
        "certainly",
        "sure",
        "absolut",
        "absolutt",
        "selvfølgelig",
        "selvsagt",
        "sjølvsagt",
        "indeed",
    }
)
_NO = frozenset({"nej", "nei", "no", "nope", "nah", "næ", "næh", "niks", "nix", "nada"})
_POS_WORDS = frozenset(
    {
        _POS,
        "tilfreds",
        "tilfredse",
        "tilfredsstillende",
        "fornøyd",
        "fornøyde",
        "fornøjet",
        "fornøjede",
        "fornøgd",
        "glad",
        "glade",
        "happy",
        "satisfied",
        "pleased",
        "content",
        "perfekt",
        "perfect",
        "super",
        "fint",
        "fine",
        "great",
        "excellent",
        "fremragende",
        "fantastisk",
        "fantastic",
        "topp",
        "løst",
        "solved",
        "resolved",
        "fixed",
        "ok",
        "okay",
        "okey",
        "oki",
        "awesome",
        "wonderful",
        "dejligt",
        "flot",
        "strålende",
        "kanon",
        "prima",
        "lovely",
        "brilliant",
        "tiptop",
    }
)
_NEG_WORDS = frozenset(
    {
        _NEG,
        "utilfreds",
        "utilfredse",
        "misfornøyd",
        "misfornøyde",
        "misfornøjet",
        "misfornøjede",
        "misfornøgd",
        "skuffet",
        "skuffede",
        "skuffende",
        "disappointed",
        "disappointing",
        "unhappy",
        "dissatisfied",
        "unsatisfied",
        "dårlig",
        "dårligt",
        "bad",
        "terrible",
        "awful",
        "horrible",
        "elendig",
        "elendigt",
        "frustreret",
        "frustrert",
        "frustrated",
        "vred",
        "sur",
        "angry",
        "upset",
        "irriteret",
        "irritert",
        "annoyed",
        "uacceptabelt",
        "uakseptabelt",
        "unacceptable",
    }
)
_NEGATORS = frozenset({"ikke", "ikkje", "not", "never", "aldrig", "aldri"})
#: "Det virker ikke" is a no; "det glemmer jeg aldrig" (I'll never forget it) is not.
_CLAUSE_END_NEGATORS = frozenset({"ikke", "ikkje", "not"})
#: Words that may stand between a negator and what it negates, or after it ("not really").
_MODIFIERS = frozenset(
    {
        "helt",
        "rigtig",
        "rigtigt",
        "særlig",
        "særligt",
        "specielt",
        "spesielt",
        "synderlig",
        "synderligt",
        "videre",
        "veldig",
        "meget",
        "mye",
        "så",
        "really",
        "quite",
        "entirely",
        "completely",
        "fully",
        "totally",
        "very",
        "that",
        "so",
        "too",
        "at",
        "all",
        "i",
        "det",
        "hele",
        "tatt",
        "taget",
        "overhovedet",
        "slet",
        "endnu",
        "ennå",
        "enda",
        "yet",
        "still",
        "stadig",
        "fortsatt",
        "længere",
        "lenger",
        "anymore",
        "er",
        "var",
        "jeg",
        "vi",
        "am",
        "is",
        "was",
        "are",
        "it",
        "egentlig",
        "egentligt",
        "actually",
        "desværre",
        "dessverre",
        "unfortunately",
        "virker",
        "fungerer",
        "funker",
        "work",
        "works",
        "working",
        "does",
        "do",
        "did",
    }
)
_CONTRAST = frozenset(
    {"men", "but", "though", "although", "however", "dog", "bortset", "bortsett", "except"}
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
_TOKEN = re.compile(r"[\w']+|👍|👎")


def _canonical(token: str) -> str:
    """Stretched words ("jaaa", "yesss") and phrase tokens reduced to what they signal."""
    kind = _PHRASE_TOKENS.get(token)
    if kind is not None:
        return kind
    for pattern, word in _REPEATS:
        if pattern.fullmatch(token):
            return word
    return token


@dataclass
class _Polarity:
    positive: list[str]
    negative: list[str]
    problems: list[str]


def _prepare(text: str) -> str:
    lowered = text.lower().replace("’", "'")
    lowered = re.sub(r"\b(can|won|ca|wo)n't\b", r"\1 not", lowered)
    lowered = lowered.replace("n't", " not").replace("i'm", "i am")
    lowered = lowered.replace("cannot", "can not")
    # "no. 12345" and "no 12345" are order numbers, not a "no".
    lowered = re.sub(r"\bno\.?\s*(?=#?\d)", "nr ", lowered)
    return _PHRASE_RE.sub(lambda m: " " + m.group(1).replace(" ", "_") + " ", lowered)


def _shown(words: str) -> str:
    return words.replace("_", " ")


def _read_clause(words: list[str], sentence_start: bool, out: _Polarity) -> list[str]:
    """Collect signals of one clause; returns the negators that attached to nothing."""
    stray: list[str] = []
    consumed: set[int] = set()
    for index, raw in enumerate(words):
        word = _canonical(raw)
        if word in _NEGATORS:
            # Look ahead for what is negated, across modifiers only.
            target = None
            ahead = index + 1
            while ahead < len(words) and ahead - index <= 4:
                nxt = _canonical(words[ahead])
                if nxt in _POS_WORDS or nxt in _YES or nxt in _NEG_WORDS or nxt in _NO:
                    target = ahead
                    break
                if nxt not in _MODIFIERS:
                    break
                ahead += 1
            if target is not None:
                negated = _canonical(words[target])
                consumed.add(target)
                if negated in _POS_WORDS or negated in _YES:
                    out.negative.append(_shown(f"{raw} {words[target]}"))
                else:
                    shown = _shown(f"{raw} ... {words[target]}")
                    out.problems.append(f'a negated negative ("{shown}")')
            elif all(_canonical(w) in _MODIFIERS for w in words[index + 1 :]) and (
                word in _CLAUSE_END_NEGATORS
                or all(_canonical(w) in _MODIFIERS for w in words[:index])
            ):
                out.negative.append(_shown(" ".join(words[index:])))
                consumed.update(range(index + 1, len(words)))
            else:
                stray.append(raw)
            continue
        if index in consumed:
            continue
        if word == _UNSURE:
            out.problems.append("an unsure or partial answer")
        elif word in _NO or word in _NEG_WORDS:
            out.negative.append(_shown(raw))
        elif word in _YES or word in _POS_WORDS:
            out.positive.append(_shown(raw))
        elif word == "jo" and index == 0 and sentence_start:
            out.positive.append(raw)
    return stray


def _read_polarity(text: str) -> tuple[_Polarity, bool]:
    prepared = _prepare(text)
    out = _Polarity([], [], [])
    contrast = False
    for sentence in re.split(r"[.!?;\n]+", prepared):
        before = (len(out.positive), len(out.negative))
        stray: list[str] = []
        for number, clause in enumerate(re.split(r"[,:()\"–—]|\s-\s|\s-|-\s", sentence)):
            words = _TOKEN.findall(clause)
            if not words:
                continue
            stray += _read_clause(words, number == 0, out)
            if any(w in _CONTRAST for w in words):
                contrast = True
        gained_positive = len(out.positive) > before[0]
        if stray and gained_positive:
            out.problems.append(f'a "{stray[0]}" I cannot place next to a yes')
    return out, contrast


# -- scores ------------------------------------------------------------------------------

_NUMBER_WORDS: dict[Language, dict[str, int]] = {
    Language.EN: {
        "zero": 0,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
    },
    Language.DA: {
        "nul": 0,
        "en": 1,
        "et": 1,
        "to": 2,
        "tre": 3,
        "fire": 4,
        "fem": 5,
        "seks": 6,
        "syv": 7,
        "otte": 8,
        "ni": 9,
        "ti": 10,
    },
    Language.NB: {
        "null": 0,
        "en": 1,
        "ett": 1,
        "to": 2,
        "tre": 3,
        "fire": 4,
        "fem": 5,
        "seks": 6,
        "sju": 7,
        "syv": 7,
        "åtte": 8,
        "ni": 9,
        "ti": 10,
    },
}
#: Number words too common as ordinary words to be read as a score on their own.
_ARTICLES = frozenset({"en", "et", "ett", "one"})
#: Danish/Norwegian number words that are English words too ("to", "fire"): only read as a
#: score when the customer is known to write Danish or Norwegian.
_SCANDINAVIAN_ONLY = frozenset({"to", "fire"})

_UNITS = (
    r"timer|time|timen|hours?|hrs?|h|t|dage|dagen|dag|days?|dager|døgn|døgnet|uger|uge|ugen|"
    r"weeks?|uker|uke|måneder|måned|md|mdr|months?|år|years?|min|minutter|minutes?|mins?|sek|"
    r"sekunder|seconds?|kr|kroner|krone|dkk|nok|sek|eur|euro|euros|usd|dollars?|pund|gbp|"
    r"procent|prosent|percent|pct|stk|styk|stykker|pcs|pieces?|x|gange|ganger|gang|times|"
    r"pakker|pakke|pakken|packages?|parcels?|varer|vare|items?|ting|things?|personer|people|"
    r"mails?|e-mails?|emails?|opkald|calls?|breve|letters?|sko|shoes?|kg|g|km|m|cm|mm|l|"
    r"liter|ml|størrelse|size|euros?|am|pm|jan|januar|january|feb|februar|february|mar|marts|"
    r"mars|march|apr|april|maj|mai|may|jun|juni|june|jul|juli|july|aug|august|sep|sept|"
    r"september|okt|oktober|oct|october|nov|november|dec|dek|december|desember|af|av|of|"
    r"nye|new|andre|other|mere|flere|more|gb|tb|mb|v|volt|watt|w|kwh"
)
_UNIT_AFTER = re.compile(rf"\s*(?:{_UNITS})\b", _FLAGS)
_SYMBOL_AFTER = re.compile(r"\s*(?:%|€|\$|£|,-|\.-|kr\.)")
_ORDINAL_AFTER = re.compile(r"\.\s*[a-zæøå]")
_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:nr|no|nummer|number|ordre|order|ordrenr|ordrenummer|faktura|fakturanr|invoice|"
    r"sag|sagsnr|case|ref|kl|klokken|klokka|side|page|uge|uke|week|trin|step|version|"
    r"model|str|størrelse|size|fra|from|since|siden|til|until|per|pr|kr|dkk|"
    r"nok|eur|jan|januar|january|feb|februar|february|mar|marts|mars|march|apr|april|maj|mai|"
    r"may|jun|juni|june|jul|juli|july|aug|august|sep|sept|september|okt|oktober|oct|october|"
    r"nov|november|dec|dek|december|desember|tlf|telefon|phone|mobil|mobile|ring|call|"
    r"pakke|package|item|vare|varenr|rum|room|lokale|bus|linje|line|rute|route|over|under|"
    r"inden|within|efter|etter|after|før|before)\.?|[#$€£§])\s*$",
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
_DECIMAL = re.compile(r"(?<![\w.,/])(\d{1,2})[.,](\d)(?![\d\w]|[.,/:]\d)")
_DATE_TIME = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|\d{1,2}:\d{2}|\d+[.,]\d+"
)
_INTEGER = re.compile(r"(?<![\w.,/:-])(\d{1,3})(?![\w]|[.,/:]\d)")
_FILLERS = frozenset(
    {
        "ja",
        "jo",
        "yes",
        "nej",
        "nei",
        "no",
        "fra",
        "frå",
        "mig",
        "meg",
        "from",
        "me",
        "point",
        "points",
        "poeng",
        "klart",
        "klar",
        "clearly",
        "clear",
        "a",
        "solid",
        "stærk",
        "sterk",
        "strong",
        "rent",
        "tak",
        "takk",
        "thanks",
        "thank",
        "you",
        "og",
        "and",
        "da",
        "nok",
        "vel",
        "well",
        "would",
        "say",
        "give",
        "giver",
        "gir",
        "gi",
        "jeg",
        "i'd",
        "i",
        "vil",
        "ville",
        "sige",
        "si",
        "sier",
        "siger",
        "score",
        "karakter",
        "karakteren",
        "rating",
        "rate",
        "jer",
        "dig",
        "deg",
        "dere",
        "it",
        "det",
        "den",
        "en",
        "et",
        "ett",
        "an",
        "min",
        "my",
        "er",
        "is",
        "blir",
        "bliver",
        "hele",
        "fulde",
        "fulle",
        "full",
        "fuld",
        "pil",
        "op",
        "opp",
        "up",
        "synes",
        "syns",
        "think",
        "fortjener",
        "fortjent",
        "deserve",
        "deserves",
        "får",
        "get",
        "gets",
    }
)


def _number_words(hint: Language | None) -> dict[str, int]:
    if hint is None:
        merged: dict[str, int] = {}
        for words in _NUMBER_WORDS.values():
            merged.update(words)
        return {w: v for w, v in merged.items() if w not in _SCANDINAVIAN_ONLY}
    words = dict(_NUMBER_WORDS[Language.EN])
    words.update(_NUMBER_WORDS[hint])
    return words


@dataclass
class _Scores:
    clear: list[tuple[int, str]]
    unplaced: list[str]
    problems: list[str]


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _read_scores(text: str, hint: Language | None) -> _Scores:
    words = _number_words(hint)
    out = _Scores([], [], [])
    work = _PHONE.sub(lambda m: " " * len(m.group(0)), text)

    for match in list(_SCORE_FORM.finditer(work)):
        token = match.group(1).lower()
        before = work[: match.start()]
        if token.isdigit():
            value = int(token)
            if re.match(r"\d+\s*/", match.group(0)) and re.search(
                r"\b(?:den|d|the|on|fra|from|since|siden|til|until)\.?\s*$", before, _FLAGS
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
        if token in words and token not in _ARTICLES and _standalone(work, *match.span()):
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
    rest = _TOKEN.findall(_prepare_plain(_clause_around(text, start, end)))
    return all(
        w in _FILLERS
        or w in _YES
        or w in _NO
        or w in _POS_WORDS
        or w in _NEG_WORDS
        or w in _MODIFIERS
        or w in _NEGATORS
        for w in (_canonical(t) for t in rest)
    )


def _prepare_plain(text: str) -> str:
    return text.lower().replace("’", "'")


def _first_token_span(text: str) -> tuple[int, int] | None:
    """Span of the first word or number after any leading yes/no words."""
    for match in re.finditer(r"\d+|[^\W\d]+", text):
        word = _canonical(match.group(0).lower())
        if word in _YES or word in _NO or word == "jo":
            continue
        return match.span()
    return None


# -- the whole reading -------------------------------------------------------------------


def read_answer(text: str, language_hint: Language | None = None) -> Answer:
    """Read satisfied yes/no and a 0-10 score from a reply; see the module docstring."""
    comment = strip_quoted(text)
    if not comment:
        return Answer(None, None, "", "low", "nothing left after removing quoted text")

    polarity, contrast = _read_polarity(comment)
    scores = _read_scores(comment, language_hint)

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

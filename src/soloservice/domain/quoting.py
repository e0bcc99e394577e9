"""Stripping quoted text, forwarded headers and signatures from a reply.

Shared by the answer reader (``domain/answers.py``), which must read only the customer's own
new words: a quoted "are you satisfied?" or a signature's "Best regards" is not an answer.
"""

from __future__ import annotations

import re
import unicodedata

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


#: How a wrapped attribution's first line can end when its next line starts a date or time.
_CONTINUES = re.compile(r"(?:,|<|\b(?:at|kl\.?|klokken|klokka|den|on|am|le|om|d\.))\s*$", _FLAGS)


def _attribution_width(lines: list[str], index: int, widest: int = 3) -> int:
    """How many lines the attribution starting at ``index`` spans (1-3), or 0 for none."""
    first = lines[index].strip().lstrip("*") if index < len(lines) else ""
    if not first or "!" in first or "?" in first or not _ATTRIBUTION_START.match(first):
        return 0
    for width in range(1, widest + 1):
        block = [line.strip() for line in lines[index : index + width]]
        if len(block) < width or not all(block):
            return 0  # a wrapped attribution never contains a blank line
        window = " ".join(block)
        if len(window) > 500:
            return 0
        if _ATTRIBUTION.fullmatch(window):
            return width
    return 0


def _is_attribution(lines: list[str], index: int) -> bool:
    width = _attribution_width(lines, index)
    if width > 1 and _attribution_width(lines, index + 1, width - 1):
        # The next line is an attribution on its own: this one is the customer's last line
        # ("9", "Den var perfekt", "Fremragende service") unless it visibly runs on into it.
        return bool(_CONTINUES.search(lines[index].strip()))
    return width > 0


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

"""A pseudo-locale: every string about 40 % longer and with accented letters.

German, Finnish and many translations run 30-40 % longer than English; a layout that only
fits English clips them. ``SOLOSERVICE_LANG=pseudo`` (Vorta's ``TRANS_SCALE`` idea) shows the
whole window that way, so clipped labels and headers show up before a translator finds them.
Placeholders (``%1``, ``%n``), mnemonics (``&``) and markup are kept intact.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QTranslator

#: how much longer every string gets
SCALE = 1.4

_ACCENTED = str.maketrans(
    "aeiouyAEIOUYcnsz",
    "áéíóúýÁÉÍÓÚÝçñšž",
)
#: what must survive as written: placeholders, markup, entities, mnemonics and escapes
_KEEP = re.compile(r"(%L?\d+|%n|<[^>]*>|&[a-zA-Z#0-9]+;|&&|\\.)")


def pseudo(text: str, scale: float = SCALE) -> str:
    """``text`` with accented vowels and padding, ~``scale`` times as long."""
    if not text.strip():
        return text
    parts = _KEEP.split(text)
    out = "".join(p if _KEEP.fullmatch(p) else p.translate(_ACCENTED) for p in parts)
    visible = len(_KEEP.sub("", text))
    padding = max(1, round(visible * (scale - 1)))
    return f"{out}{'~' * padding}"


class PseudoTranslator(QTranslator):
    """Answers every lookup, whatever the context, with the pseudo-translated source."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        return pseudo(source_text)

    def isEmpty(self) -> bool:
        return False

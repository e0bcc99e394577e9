"""Form notification HTML as "Label: value" text, so one parser reads every service.

Not ``channels/email/html.html_to_text`` (readable mail text for previews and quoting, links
as "text (url)"): this one keeps the label/value pairing a form rule matches on.

Form services put submissions in tables (``<tr><th>Navn</th><td>Jens</td></tr>``) or in a
bold label followed by the value (``<p><strong>E-mail</strong></p><p>jens@...</p>``), and wrap
both in layout tables. Two-cell rows become ``Label: value``; a cell, heading cell or
paragraph that is entirely bold becomes ``Label:`` so the following lines are its value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from soloservice.channels.html_reading import HtmlTextParser

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "hr", "table",
     "blockquote", "pre", "section", "article", "header", "footer", "dl", "dt", "dd"}
)  # fmt: skip
_SKIP_TAGS = frozenset({"style", "script", "head", "title", "noscript"})
_BOLD_TAGS = frozenset({"b", "strong"})
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")
_MAX_LABEL = 80


@dataclass
class _Cell:
    pieces: list[str] = field(default_factory=list)
    bold_chars: int = 0
    chars: int = 0
    heading: bool = False

    def text(self) -> str:
        lines = [_SPACE.sub(" ", line).strip() for line in "".join(self.pieces).split("\n")]
        return "\n".join(line for line in lines if line)

    def all_bold(self) -> bool:
        return self.chars > 0 and self.bold_chars >= self.chars


@dataclass
class _Row:
    cells: list[_Cell] = field(default_factory=list)
    open_cell: _Cell | None = None
    layout: bool = False


def _as_label(text: str) -> str:
    if len(text) <= _MAX_LABEL and "\n" not in text and not text.endswith(":"):
        return text + ":"
    return text


class _Converter(HtmlTextParser):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.block = _Cell()
        self.rows: list[_Row] = []
        self.skip = 0
        self.bold = 0

    # -- output ---------------------------------------------------------------------------
    def _emit(self, text: str) -> None:
        if text:
            self.lines.append(text)

    def _flush_block(self) -> None:
        text = self.block.text()
        if text:
            self._emit(_as_label(text) if self.block.all_bold() else text)
        self.block = _Cell()

    def _target(self) -> _Cell | None:
        if self.rows:
            return self.rows[-1].open_cell
        return self.block

    def _close_cell(self) -> None:
        if self.rows and self.rows[-1].open_cell is not None:
            row = self.rows[-1]
            assert row.open_cell is not None
            row.cells.append(row.open_cell)
            row.open_cell = None

    def _close_row(self) -> None:
        if not self.rows:
            return
        self._close_cell()
        row = self.rows.pop()
        texts = [(cell, cell.text()) for cell in row.cells]
        texts = [(cell, text) for cell, text in texts if text]
        if row.layout or not texts:
            for _, text in texts:
                self._emit(text)
        elif len(texts) == 1:
            cell, text = texts[0]
            self._emit(_as_label(text) if cell.heading or cell.all_bold() else text)
        elif len(texts) == 2:
            label, value = texts[0][1], texts[1][1]
            label = label.rstrip(":").strip()
            if "\n" in label or len(label) > _MAX_LABEL:
                self._emit(label)
                self._emit(value)
            elif "\n" in value:
                self._emit(f"{label}:\n{value}")
            else:
                self._emit(f"{label}: {value}")
        else:
            self._emit("\t".join(text.replace("\n", " ") for _, text in texts))

    # -- parser callbacks -----------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
            return
        if tag in _BOLD_TAGS:
            self.bold += 1
        elif tag == "table":
            if self.rows and self.rows[-1].open_cell is not None:
                # A table inside a cell: the outer table is layout, not label/value pairs.
                outer = self.rows[-1]
                outer.layout = True
                assert outer.open_cell is not None
                self._emit(outer.open_cell.text())
                outer.open_cell = _Cell()
            elif not self.rows:
                self._flush_block()
        elif tag == "tr":
            if self.rows and self.rows[-1].open_cell is None and not self.rows[-1].cells:
                self.rows.pop()  # a <tr> with no cells yet (unclosed): replace it
            self.rows.append(_Row())
        elif tag in ("td", "th"):
            if not self.rows:
                self.rows.append(_Row())
            self._close_cell()
            self.rows[-1].open_cell = _Cell(heading=tag == "th")
        elif tag in _BLOCK_TAGS:
            target = self._target()
            if self.rows:
                if target is not None:
                    target.pieces.append("\n")
            else:
                self._flush_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if tag in _BOLD_TAGS:
            self.bold = max(0, self.bold - 1)
        elif tag in ("td", "th"):
            self._close_cell()
        elif tag == "tr":
            self._close_row()
        elif tag == "table":
            while self.rows and self.rows[-1].open_cell is None:
                self._close_row()
                if not self.rows or self.rows[-1].open_cell is not None:
                    break
        elif tag in _BLOCK_TAGS:
            if self.rows:
                target = self._target()
                if target is not None:
                    target.pieces.append("\n")
            else:
                self._flush_block()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        target = self._target()
        if target is None:
            return
        target.pieces.append(data)
        visible = len(_SPACE.sub("", data))
        target.chars += visible
        if self.bold:
            target.bold_chars += visible

    def finish(self) -> str:
        self.close()
        while self.rows:
            self._close_row()
        self._flush_block()
        return "\n".join(self.lines)


def html_to_labelled_text(html: str) -> str:
    """Readable text of a notification mail's HTML, with table rows as ``Label: value``."""
    converter = _Converter()
    converter.feed(html)
    return converter.finish()

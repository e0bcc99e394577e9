"""Placeholders coloured in the template body: known ones blue, unknown ones red."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from soloservice.domain.templates import KNOWN_PLACEHOLDERS

_PLACEHOLDER = re.compile(r"\{([^{}|]*)(\|[^{}]*)?\}")


def _format(color: str, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


class PlaceholderHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.known = _format("#1565c0")
        self.unknown = _format("#c62828", bold=True)
        self.unknown.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.unknown.setUnderlineColor(QColor("#c62828"))

    def highlightBlock(self, text: str) -> None:
        for match in _PLACEHOLDER.finditer(text):
            start = match.start()
            if start > 0 and text[start - 1] == "{":
                continue  # "{{" is a literal brace
            name = match.group(1).strip()
            style = self.known if name in KNOWN_PLACEHOLDERS else self.unknown
            self.setFormat(start, match.end() - start, style)

"""Showing text a customer (or a remote server) wrote, as text and never as markup.

A ``QLabel`` in its default ``AutoText`` format, and every tooltip, render anything that
*looks* like HTML as HTML: a mail subject ``<b>Your bank</b><img src=...>`` would draw
bold text and images inside our own window, a spoof of the app's own chrome. Every place
that shows customer text goes through these two helpers (or escapes with ``html.escape``
where the label must stay rich text for our own links).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel


def plain_label(label: QLabel) -> QLabel:
    """Make ``label`` show its text literally, whatever is later set on it."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (tooltips have no plain-text switch)."""
    if not text:
        return ""
    return GuiQt.convertFromPlainText(text, GuiQt.WhiteSpaceMode.WhiteSpaceNormal)

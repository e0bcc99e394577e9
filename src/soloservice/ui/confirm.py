"""A yes-or-no question whose buttons say what they do, with the safe answer as default.

Sending a reply with placeholders left in, cancelling a queued reply and merging two
customers all ask this way: window-modal (``open()``, never a nested ``exec()`` loop, so
the worker's results keep arriving), deleted when closed, "No" under Enter.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask(
    parent: QWidget,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    yes: str,
    no: str,
    on_yes: Callable[[], object],
    closed: Callable[[], object],
) -> QMessageBox:
    """Open the question; ``on_yes()`` runs when the founder says yes, ``closed()`` when
    the box has gone either way (drop any reference to it then). Returns the open box."""
    box = QMessageBox(
        icon, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent
    )
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.button(QMessageBox.StandardButton.No).setText(no)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.accepted.connect(on_yes)
    box.finished.connect(closed)
    box.open()
    return box

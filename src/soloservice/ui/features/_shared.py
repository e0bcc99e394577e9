"""What features do alike: their window actions, dialogs, card links and the shown inquiry.

Each feature used to spell these out itself, slightly differently (one tooltip named its
keys and the next did not, one dialog stayed referenced after it was deleted): one version
here keeps them the same. Not a feature (the underscore keeps ``install_features`` away).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QWidget

from soloservice.ui.actions import window_action

if TYPE_CHECKING:
    from soloservice.services.dto import CustomerCard
    from soloservice.ui.features.host import FeatureHost

D = TypeVar("D", bound=QDialog)
W = TypeVar("W", bound=QWidget)

LINK_STYLE = "color:#1d4ed8; text-align:left; padding:0;"


def feature_action(
    window: FeatureHost,
    text: str,
    shortcut: str,
    tip: str,
    slot: Callable[[], object],
    name: str = "",
) -> QAction:
    """A window action (``ui.actions.window_action``) that runs ``slot``, added to the
    window so its shortcut works before any menu shows it; the caller puts it in a menu."""
    action = window_action(window.widget, text, shortcut, tip, name)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def open_dialog(dialog: D, closed: Callable[[], None]) -> D:
    """Show ``dialog`` window-modal, deleted when it closes; ``closed()`` then lets the
    feature drop its reference (a deleted dialog must not be touched again)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(closed)
    dialog.open()
    return dialog


def bring_up(window: W) -> W:
    """A tool window the feature keeps (accounts, review, templates): shown again and
    brought to the front, over the main window."""
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def reload_and_reopen(window: FeatureHost) -> None:
    """After a change: reload the list and counts and show the open inquiry afresh."""
    window.reload()
    if window.detail is not None:
        window.open_inquiry(window.detail.id)


def link_button(text: str, slot: Callable[[], object]) -> QPushButton:
    """A flat, link-looking button, as the customer card's "Edit…" and "Forget…" are."""
    button = QPushButton(text)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet(LINK_STYLE)
    button.clicked.connect(slot)
    return button


class CardLinks(QWidget):
    """A card section of link buttons on one line; hidden while no customer is shown."""

    def __init__(self, links: Sequence[tuple[str, Callable[[], object]]]) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons = [link_button(text, slot) for text, slot in links]
        for button in self.buttons:
            layout.addWidget(button)
        layout.addStretch(1)

    def set_customer(self, card: CustomerCard | None) -> None:
        self.setVisible(card is not None)

"""The right-hand side of the window, built around reading and answering.

The conversation takes the height; the reply composer sits right under it (never in a tab,
never scrolled out of sight), and everything else about the case — the customer card,
remedies, the follow-up, attachments — lives in a side panel that opens beside the
conversation instead of pushing it away (Help Scout's and Front's layout). On a laptop
screen the side panel starts closed; the conversation header names the customer and opens
it with one click (F9).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.dto import InquiryDetail

#: panels added with an order below this are composers (Reply, Reply on Facebook...)
COMPOSER_ORDER_LIMIT = 20
#: below this window width the side panel starts closed
WIDE_WINDOW = 1600
#: the composer's first share of the reading column
COMPOSER_SHARE = 0.36
#: the most of the reading column a growing reply takes from the conversation
MAX_COMPOSER_SHARE = 0.6


class InquiryPanel(Protocol):
    """A panel that follows the selected inquiry (reply composer, remedies, follow-up...)."""

    def set_inquiry(self, detail: InquiryDetail | None) -> None: ...


def _applies(widget: QWidget, detail: InquiryDetail | None) -> bool:
    applies: Callable[[InquiryDetail | None], bool] | None = getattr(widget, "applies_to", None)
    return bool(applies(detail)) if callable(applies) else True


class SideTabs(QTabWidget):
    """The side panel's tabs; each page sits in a scroll area of its own so a tall card
    scrolls inside the panel, while callers speak of the page itself."""

    def __init__(self) -> None:
        super().__init__()
        self._wrappers: dict[QWidget, QScrollArea] = {}
        self.setDocumentMode(True)
        self.setObjectName("sidePanel")

    def add_panel(self, widget: QWidget, title: str, position: int = -1) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(widget)
        self._wrappers[widget] = scroll
        self.insertTab(position, scroll, title)

    def indexOf(self, widget: QWidget) -> int:
        return super().indexOf(self._wrappers.get(widget, widget))

    def setCurrentWidget(self, widget: QWidget) -> None:
        super().setCurrentWidget(self._wrappers.get(widget, widget))

    def widget(self, index: int) -> QWidget | None:
        shown = super().widget(index)
        inner = shown.widget() if isinstance(shown, QScrollArea) else None
        return inner or shown

    def currentWidget(self) -> QWidget:
        return self.widget(self.currentIndex()) or super().currentWidget()

    def scroll_area(self, widget: QWidget) -> QScrollArea | None:
        return self._wrappers.get(widget)


class InquiryPane(QSplitter):
    """Conversation and composer on the left, the side panel on the right.

    ``side_toggled(bool)`` follows the side panel being shown or hidden.
    """

    side_toggled = Signal(bool)

    def __init__(self, conversation: QWidget, card: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setObjectName("rightSplitter")
        self.setChildrenCollapsible(False)
        self.conversation = conversation
        self.card = card
        self.reading = QSplitter(Qt.Orientation.Vertical)
        self.reading.setObjectName("readingSplitter")
        self.reading.setChildrenCollapsible(False)
        # A box with one composer shown at a time (not a QStackedWidget: that would be as
        # wide as its widest page, even a hidden one).
        self.composers = QWidget()
        self.composers.setObjectName("composerArea")
        self._composer_box = QVBoxLayout(self.composers)
        self._composer_box.setContentsMargins(0, 0, 0, 0)
        self._current_composer: QWidget | None = None
        self.composers.setVisible(False)
        self.reading.addWidget(conversation)
        self.reading.addWidget(self.composers)
        self.reading.setStretchFactor(0, 3)
        self.reading.setStretchFactor(1, 2)
        self.side = SideTabs()
        self.side.add_panel(card, self.tr("Customer"))
        self.side.setMinimumWidth(260)
        self.addWidget(self.reading)
        self.addWidget(self.side)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)
        self._composer_orders: list[int] = []
        self._composer_widgets: list[QWidget] = []
        self._side_orders: list[int] = [0]
        self._visible_side: list[int] = []
        self._panels: list[InquiryPanel] = []
        self._detail: InquiryDetail | None = None

    # -- adding -----------------------------------------------------------------------------------

    def add_panel(self, widget: QWidget, title: str, order: int) -> None:
        """A composer below ``COMPOSER_ORDER_LIMIT``, a side tab from it on; a widget with
        ``set_inquiry(detail)`` follows the inquiry shown (InquiryPanel)."""
        self._place(widget, title, order)
        if hasattr(widget, "set_inquiry"):
            self._panels.append(widget)
            widget.set_inquiry(self._detail)

    def _place(self, widget: QWidget, title: str, order: int) -> None:
        if order < COMPOSER_ORDER_LIMIT:
            position = sum(1 for o in self._composer_orders if o <= order)
            self._composer_orders.insert(position, order)
            self._composer_widgets.insert(position, widget)
            self._composer_box.insertWidget(position, widget)
            widget.setVisible(widget is self._current_composer)
            grow = getattr(widget, "grow_requested", None)
            if grow is not None:
                grow.connect(self.grow_composer)
            return
        position = sum(1 for o in self._side_orders if o <= order)
        self._side_orders.insert(position, order)
        self.side.add_panel(widget, title, position)

    def is_composer(self, widget: QWidget) -> bool:
        return widget in self._composer_widgets

    # -- following the selection ----------------------------------------------------------------

    def show_inquiry(self, detail: InquiryDetail | None) -> None:
        """Hand the inquiry shown to every panel, then show those that apply to it."""
        self._detail = detail
        for panel in self._panels:
            panel.set_inquiry(detail)
        self.update_for(detail)

    def update_for(self, detail: InquiryDetail | None) -> None:
        """Show the composer that applies (the first) and the side tabs that apply."""
        composer = next((w for w in self._composer_widgets if _applies(w, detail)), None)
        self._show_composer(composer)
        self._keep_composer_whole()
        visible: list[int] = []
        for index in range(self.side.count()):
            page = self.side.widget(index)
            shown = page is not None and _applies(page, detail)
            self.side.setTabVisible(index, shown)
            if shown:
                visible.append(index)
        if visible and self.side.currentIndex() not in visible:
            self.side.setCurrentIndex(visible[0])
        self._visible_side = visible

    def size_reading_column(self) -> None:
        """Conversation about two thirds, the composer the rest but never less than it
        needs to show its fields and its Send button whole."""
        total = max(self.reading.height(), 400)
        composer = max(int(total * COMPOSER_SHARE), self.composers.minimumSizeHint().height())
        self.reading.setSizes([total - composer, composer])

    def grow_composer(self, wanted: int) -> None:
        """Give the composer the height its text wants, up to 60 % of the column."""
        sizes = self.reading.sizes()
        if len(sizes) != 2:
            return
        total = sum(sizes)
        target = min(wanted, int(total * MAX_COMPOSER_SHARE))
        if target > sizes[1]:
            self.reading.setSizes([total - target, target])

    def _show_composer(self, composer: QWidget | None) -> None:
        self._current_composer = composer
        for widget in self._composer_widgets:
            widget.setVisible(widget is composer)
        self.composers.setVisible(composer is not None)

    def _keep_composer_whole(self) -> None:
        """A composer shown again after a case without one (a splitter gives a hidden child
        no height), or one that needs more than the last, gets its room back."""
        if self.composers.isHidden():
            return
        sizes = self.reading.sizes()
        need = self.composers.minimumSizeHint().height()
        if len(sizes) == 2 and sizes[1] < need:
            total = sum(sizes)
            share = max(need, int(total * COMPOSER_SHARE)) if sizes[1] == 0 else need
            self.reading.setSizes([total - share, share])

    def current_composer(self) -> QWidget | None:
        return self._current_composer if self.composers.isVisible() else None

    # -- showing on demand ----------------------------------------------------------------------

    def show_panel(self, widget: QWidget) -> None:
        """Bring a panel into view: the composer under the conversation, or the side tab
        (opening the side panel), so a shortcut that focuses a field always shows it."""
        if self.is_composer(widget):
            self._show_composer(widget)
            return
        self.set_side_visible(True)
        self.side.setCurrentWidget(widget)

    def set_title(self, widget: QWidget, title: str) -> None:
        index = self.side.indexOf(widget)
        if index >= 0:
            self.side.setTabText(index, title)

    def side_visible(self) -> bool:
        return not self.side.isHidden()

    def set_side_visible(self, shown: bool) -> None:
        if shown == self.side_visible():
            return
        self.side.setVisible(shown)
        if shown:
            total = max(self.width(), 1)
            side = max(self.side.minimumWidth(), min(380, total // 3))
            self.setSizes([total - side, side])
        self.side_toggled.emit(shown)

    def toggle_side(self) -> None:
        self.set_side_visible(not self.side_visible())

    def show_customer(self) -> None:
        self.set_side_visible(True)
        self.side.setCurrentWidget(self.card)

"""The middle column's list, or in its place a page a feature gives for an empty store.

A new founder's first look is the Getting started checklist where the inquiry list will be
(ui/features/getting_started.py). The feature used to lift the table out of the window's
layout and put a stack of its own there, so a change to how the window builds the middle
column could break it. The window now owns the stack; a feature hands it the page
(``window.set_empty_inbox``) and says when it shows (``window.show_empty_inbox``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from soloservice.ui.inbox.table import InboxTable


class InboxArea(QStackedWidget):
    def __init__(self, table: InboxTable) -> None:
        super().__init__()
        self.setObjectName("inboxStack")
        self.table = table
        self.addWidget(table)
        #: what shows instead of the list while the store is empty (None: the list stays)
        self.empty_page: QWidget | None = None

    def set_empty_page(self, widget: QWidget) -> None:
        """Use ``widget`` for the empty store, in place of the page given before."""
        old = self.empty_page
        if old is widget:
            return
        showing = old is not None and self.currentWidget() is old
        self.empty_page = widget
        self.addWidget(widget)
        if old is not None:
            self.removeWidget(old)
        if showing:
            self.setCurrentWidget(widget)

    def show_empty(self, empty: bool) -> None:
        """The empty page (when there is one) or the list; the list takes the keyboard
        when it comes back, so the first inquiry can be read with the arrow keys."""
        page = self.empty_page if empty and self.empty_page is not None else self.table
        back = page is self.table and self.currentWidget() is not self.table
        self.setCurrentWidget(page)
        if back:
            self.table.setFocus()

    @property
    def showing_empty(self) -> bool:
        return self.currentWidget() is not self.table

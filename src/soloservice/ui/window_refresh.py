"""How the main window follows a change: redraw the rows it touched, run the view's query
and the counts again only when they may have changed, keep the open inquiry on screen.

Mixed into ``MainWindow`` (main_window.py); its one string keeps the "MainWindow" context.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from soloservice.plurals import PluralContext
from soloservice.services.changes import Changes

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QStatusBar

    from soloservice.services.dto import InquiryDetail
    from soloservice.ui.inbox.model import InboxModel
    from soloservice.ui.inbox.sidebar_view import SidebarView
    from soloservice.ui.inbox.table import InboxTable

#: the main window's context, for its counted message (soloservice/plurals.py)
MainWindow = PluralContext("MainWindow")


class WindowRefresh:
    """``reload``, ``after_change`` and ``apply_changes`` of the main window."""

    model: InboxModel
    table: InboxTable
    sidebar: SidebarView
    detail: InquiryDetail | None

    if TYPE_CHECKING:  # provided by MainWindow, the class this is mixed into

        @property
        def data_changed(self) -> SignalInstance: ...

        def statusBar(self) -> QStatusBar: ...

        def open_inquiry(self, inquiry_id: object) -> None: ...

        def update_counts(self, recount: bool = True) -> None: ...

        def raise_(self) -> None: ...

        def activateWindow(self) -> None: ...

    def show_inquiry_ids(self, ids: list[int], label: str) -> None:
        """Show exactly these inquiries in the list (the ones behind a number in the review)."""
        self.sidebar.clearSelection()
        self.model.set_query(dataclasses.replace(self.model.query, only_ids=tuple(ids)))
        if self.model.rowCount() > 0:
            self.table.select_row(0)
        found = MainWindow.tr(
            "%1: %n inquiry(s) — pick a view on the left to go back", "", len(ids)
        )
        self.statusBar().showMessage(
            found.replace("%1", label),
            30_000,
        )
        self.raise_()
        self.activateWindow()

    def reload(self) -> None:
        """Refresh everything (Refresh, a sync, a change nobody described)."""
        self.apply_changes(Changes.everything())

    def after_change(
        self, message: str, inquiry_id: object, changes: Changes | None = None
    ) -> None:
        """After a change: redraw what ``changes`` says it touched (by default: the inquiry
        may have moved between views), keep the open inquiry on screen."""
        if changes is None:
            ids = (inquiry_id,) if isinstance(inquiry_id, int) else ()
            changes = Changes.status(*ids) if ids else Changes.everything()
        self.apply_changes(changes)
        if message:
            self.statusBar().showMessage(message, 15_000)

    def apply_changes(self, changes: Changes) -> None:
        """Rows whose data changed are refetched (``dataChanged``); the view's id query and
        the counts run again only when membership or counts may have changed. The inquiry
        selected in the list that leaves the view gives way to its neighbour; one opened
        from elsewhere (search, a card, the Follow-ups window) stays shown."""
        shown = self.detail.id if self.detail is not None else None
        row = self.table.currentIndex().row()
        follows_list = shown is not None and shown == self.table.selected_id()
        ids = changes.inquiry_ids
        if changes.membership or (ids and self.model.query.search.strip()):
            self.model.reconcile(ids)  # a note can make a search match, too
        if changes.customers:
            self.model.update_all_rows()
        elif ids:
            self.model.update_rows(ids)
        if changes.counts:
            self.update_counts()
        count = self.model.rowCount()
        if shown is None:
            if self.table.selected_id() is None and count > 0:
                self.table.select_row(0)
        elif follows_list and self.model.row_of(shown) is None:
            if count > 0:  # it left the view (resolved, snoozed): go on with the next one
                self.table.select_row(min(max(row, 0), count - 1))
        elif shown in ids or changes.customers or self.detail is None or self.detail.id != shown:
            self.open_inquiry(shown)  # re-read, even when it is not (or no longer) in the view
        self.data_changed.emit()

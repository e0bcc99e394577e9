"""The main window: wiring between the sidebar, the list, the conversation and the services.

The inbox's widgets and models live in ui/inbox/, the Inquiry menu in inquiry_commands.py,
the saved layout in window_state.py; this one connects them and offers the features'
extension points (ui/features/host.py), so that every piece can be tested on its own.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.settings import Settings
from soloservice.services.dto import InquiryDetail, View, ViewCounts
from soloservice.services.errors import ServiceError, describe_storage_error
from soloservice.services.registry import Services
from soloservice.ui.actions import Actions, build_actions, install_menus
from soloservice.ui.first_paint import after_first_paint
from soloservice.ui.icons import icon
from soloservice.ui.inbox.area import InboxArea
from soloservice.ui.inbox.conversation import ConversationView
from soloservice.ui.inbox.customer_card import CustomerCardView
from soloservice.ui.inbox.model import InboxModel
from soloservice.ui.inbox.pane import InquiryPane
from soloservice.ui.inbox.search import InboxSearch
from soloservice.ui.inbox.sidebar_model import SidebarEntry, SidebarModel
from soloservice.ui.inbox.sidebar_view import SidebarView
from soloservice.ui.inbox.table import InboxTable
from soloservice.ui.inquiry_commands import InquiryCommands
from soloservice.ui.inquiry_operations import InquiryOps
from soloservice.ui.status_bar import install_status_bar
from soloservice.ui.tasks import TaskRunner
from soloservice.ui.window_fit import fit_to_screen, install_screen_guard
from soloservice.ui.window_refresh import WindowRefresh
from soloservice.ui.window_state import (
    close_tool_windows,
    lay_out_panes,
    restore_ui_state,
    save_ui_state,
)

if TYPE_CHECKING:  # the dialogs are imported when first opened (inquiry_commands.py)
    from soloservice.ui.call_dialog import CallDialog
    from soloservice.ui.new_inquiry_dialog import NewInquiryDialog

UI_SETTINGS_FILE = "ui.ini"
F = TypeVar("F")


class MainWindow(WindowRefresh, QMainWindow):
    #: the inquiry shown on the right changed (an InquiryDetail, or None)
    inquiry_changed = Signal(object)
    #: the list and counts were reloaded after a change: features refresh what they show
    data_changed = Signal()
    #: the window is closing: features stop long work (a sync) before queued changes are
    #: waited for, so closing never hangs on the network
    closing = Signal()
    #: Ctrl+Q closed every window: the process should end (app.py ends the event loop)
    quit_requested = Signal()

    def __init__(
        self,
        services: Services,
        runner: TaskRunner | None = None,
        settings_file: Path | None = None,
        install_features: bool = True,
        defer_features: bool = False,
    ) -> None:
        super().__init__()
        self.services = services
        self.runner = runner or TaskRunner(self)
        self.ops = InquiryOps(services, self.runner, self)
        self.detail: InquiryDetail | None = None
        self.last_error = ""
        self.ui_settings = (
            QSettings(str(settings_file), QSettings.Format.IniFormat) if settings_file else None
        )
        self.setWindowTitle(self.tr("SoloService"))
        self.setWindowIcon(icon("app"))

        settings = services.ctx.settings
        # The app counts the views on the database lane: the first page does not wait.
        self.sidebar_model = SidebarModel(services, self.runner if defer_features else None)
        self.sidebar_model.setParent(self)
        self.sidebar_model.counted.connect(lambda: self.update_counts(recount=False))
        self.sidebar = SidebarView(self.sidebar_model)
        self.model = InboxModel(services)
        self.model.setParent(self)  # dies with the window, not at interpreter exit
        self.table = InboxTable(self.model)
        #: the list, or a feature's page in its place while the store is empty
        self.inbox_area = InboxArea(self.table)
        self.inbox_search = InboxSearch(services, self.runner, self.model, self.table, self)
        self.search = self.inbox_search.field
        self.searches = self.inbox_search.runner
        self.conversation = ConversationView(settings.timezone, settings.currency)
        self.card = CustomerCardView(settings.timezone, settings.currency)

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(6, 6, 6, 0)
        middle_layout.setSpacing(6)
        middle_layout.addWidget(self.search)
        middle_layout.addWidget(self.inbox_area, 1)
        self.pane = InquiryPane(self.conversation, self.card)
        #: the side panel's tabs (customer, remedies, follow-up, attachments)
        self.panels = self.pane.side
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.commands = build_actions(self, self.ops.undo_stack)
        self.menus, self.toolbar = install_menus(self, self.commands)
        self.counts_label = QLabel()
        self.counts_label.setContentsMargins(8, 0, 8, 0)
        self.undo_button = QToolButton()
        self.undo_button.setDefaultAction(self.commands.undo)
        self.undo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.undo_button.setAutoRaise(True)
        self.undo_button.setVisible(False)
        self.ops.undo_stack.canUndoChanged.connect(self.undo_button.setVisible)
        install_status_bar(self, self.undo_button, self.counts_label)

        self._connect(self.commands)
        self.inquiry_commands = InquiryCommands(self)
        fit_to_screen(self)
        app = QApplication.instance()
        if app is not None:
            install_screen_guard(app)  # dialogs and tool windows too
        #: the panes get their first sizes when the window is first shown at its real size,
        #: unless sizes the founder chose were restored from ui.ini
        self._panes_laid_out = False
        from soloservice.ui.features import FeatureInstaller

        #: the features' menus, panels and shortcuts: after the first page is on the screen
        #: when ``defer_features`` (the app), else now; ``ensure_features`` finishes at once
        self.feature_installer = FeatureInstaller(self, None if install_features else [])
        self.feature_installer.installed.connect(self._features_installed)
        if defer_features:
            after_first_paint(self, self.feature_installer.install_later)
        else:
            self.feature_installer.ensure()
        if restore_ui_state(self):
            self._panes_laid_out = True
        self.update_counts(recount=False)  # the sidebar model counted as it was built
        self.inquiry_commands.update_actions()
        if self.model.rowCount() > 0:
            self.table.select_row(0)
        self.table.setFocus()

    # -- wiring ---------------------------------------------------------------------------------

    def _connect(self, a: Actions) -> None:
        self.sidebar.entry_chosen.connect(self.choose_entry)
        self.table.inquiry_selected.connect(self.open_inquiry)
        self.card.inquiry_opened.connect(self.show_inquiry)
        self.ops.changed.connect(self.after_change)
        self.ops.failed.connect(self.show_error)
        self.ops.undoable.connect(self._offer_undo)
        self.runner.unhandled_error.connect(
            lambda e: self.show_error(
                str(e) if isinstance(e, ServiceError) else describe_storage_error(e) or str(e)
            )
        )
        a.search.triggered.connect(self.inbox_search.focus)
        a.refresh.triggered.connect(self.reload)
        a.side_panel.toggled.connect(self.pane.set_side_visible)
        self.pane.side_toggled.connect(a.side_panel.setChecked)
        self.conversation.customer_requested.connect(self.pane.show_customer)
        a.quit.triggered.connect(self.quit_app)

    # -- showing --------------------------------------------------------------------------------

    def choose_entry(self, entry: SidebarEntry) -> None:
        query = dataclasses.replace(
            self.model.query, view=entry.view or View.INBOX, group=entry.group, only_ids=None
        )
        self.model.set_query(query)
        if self.model.rowCount() > 0 and self.table.selected_id() is None:
            self.table.select_row(0)

    def open_inquiry(self, inquiry_id: object) -> None:
        if not isinstance(inquiry_id, int):
            self._show_detail(None)
            return
        try:
            detail = self.services.inquiries.get(inquiry_id)
        except ServiceError:
            detail = None
        self._show_detail(detail)

    def show_inquiry(self, inquiry_id: int) -> None:
        """Open an inquiry, selecting it in the list when the current view contains it."""
        if not self.table.select_id(inquiry_id):
            self.open_inquiry(inquiry_id)

    def _show_detail(self, detail: InquiryDetail | None) -> None:
        self.detail = detail
        self.conversation.show_detail(detail)
        self.card.show_card(detail.customer if detail else None, detail.id if detail else None)
        self.pane.show_inquiry(detail)
        self.inquiry_commands.update_actions()
        self.inquiry_changed.emit(detail)

    # -- extension points for ui/features (ui/features/host.py names them) -------------------

    @property
    def widget(self) -> QWidget:
        """The window as a plain widget: the parent for a feature's actions and dialogs."""
        return self

    @property
    def features(self) -> dict[str, object]:
        """Every feature's controller by module name (installs what is still waiting)."""
        return self.feature_installer.ensure()

    def ensure_features(self) -> None:
        """Install the features still waiting for the first paint, now (tests, and code
        that needs a feature's action before the window was painted)."""
        self.feature_installer.ensure()

    def _features_installed(self) -> None:
        # Each feature read ``self.detail`` as it was installed (as it must: the selection
        # may come before it); the panels it added are shown or hidden for that inquiry.
        self.pane.update_for(self.detail)
        self.inquiry_commands.update_actions()

    def feature(self, name: str, cls: type[F]) -> F:
        """The controller ``ui/features/<name>.py`` installed, typed as ``cls``."""
        found = self.features.get(name)
        if not isinstance(found, cls):
            raise LookupError(f"no feature {name!r} of type {cls.__name__}")
        return found

    def menu(self, key: str) -> QMenu:
        """A top-level menu by key: file, edit, inquiry, view, tools, help."""
        return self.menus[key]

    def add_inquiry_tab(self, widget: QWidget, title: str, order: int = 50) -> None:
        """Add a panel for the selected inquiry, placed by ``order``.

        Below 20 it is a composer (Reply, Reply on Facebook...): it sits under the
        conversation, the first that applies is shown. From 20 on it is a tab of the side
        panel (remedies, follow-up, attachments). ``widget.set_inquiry(detail)`` follows the
        selection (see InquiryPanel); a widget with ``applies_to(detail) -> bool`` is shown
        only for inquiries it applies to."""
        self.pane.add_panel(widget, title, order)
        self.pane.update_for(self.detail)

    def set_inquiry_tab_title(self, widget: QWidget, title: str) -> None:
        self.pane.set_title(widget, title)

    def show_inquiry_tab(self, widget: QWidget) -> None:
        """Bring a panel into view (a shortcut that then focuses a field in it is seen)."""
        self.pane.show_panel(widget)

    def apply_settings(self, settings: Settings) -> None:
        """Show new settings everywhere: times in the new zone, money in the new currency,
        and every feature with a ``settings_applied(settings)`` (the reminder's time...)."""
        for controller in self.features.values():
            hook = getattr(controller, "settings_applied", None)
            if callable(hook):
                hook(settings)
        self.conversation.tz = ZoneInfo(settings.timezone)
        self.conversation.currency = settings.currency
        self.card.tz = ZoneInfo(settings.timezone)
        self.card.currency = settings.currency
        self.reload()
        if self.detail is not None:
            self.open_inquiry(self.detail.id)

    def add_card_section(self, widget: QWidget) -> None:
        """Add a section to the customer card; ``widget.set_customer(card)`` follows it."""
        self.card.add_section(widget)

    def set_empty_inbox(self, widget: QWidget) -> None:
        """The page shown instead of the list while ``show_empty_inbox(True)`` (area.py)."""
        self.inbox_area.set_empty_page(widget)

    def show_empty_inbox(self, empty: bool) -> None:
        self.inbox_area.show_empty(empty)

    def view_counts(self) -> ViewCounts:
        return self.sidebar_model.counts

    def update_counts(self, recount: bool = True) -> None:
        if recount:
            self.sidebar_model.refresh()
        elif not self.sidebar_model.known:  # still counting: no numbers rather than zeros
            self.counts_label.setText("")
            return
        counts = self.sidebar_model.counts.views
        self.counts_label.setText(
            self.tr("%1 open · %2 overdue · %3 due today")
            .replace("%1", str(counts.get(View.INBOX, 0)))
            .replace("%2", str(counts.get(View.OVERDUE, 0)))
            .replace("%3", str(counts.get(View.DUE_TODAY, 0)))
        )

    def _offer_undo(self, message: str) -> None:
        self.statusBar().showMessage(
            self.tr("%1 — Undo with Ctrl+Z").replace("%1", message), 15_000
        )

    def show_error(self, message: str) -> None:
        # Service messages are written to be read after "error:" on a command line ("no
        # inquiry with id 7"); a dialog starts a sentence.
        message = message[:1].upper() + message[1:]
        self.last_error = message
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("That did not work"),
            message,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- the Inquiry menu (inquiry_commands.py) ---------------------------------------------------

    def log_call(self) -> None:
        self.inquiry_commands.log_call()

    def new_inquiry(self) -> None:
        self.inquiry_commands.new_inquiry()

    def show_created(self, detail: InquiryDetail, message: str) -> None:
        self.inquiry_commands.show_created(detail, message)

    def add_note(self, inquiry_id: int, text: str) -> None:
        self.inquiry_commands.add_note(inquiry_id, text)

    @property
    def call_dialog(self) -> CallDialog | None:
        """The Log call dialog last opened (tests and Getting started drive it)."""
        return self.inquiry_commands.call_dialog

    @property
    def new_dialog(self) -> NewInquiryDialog | None:
        return self.inquiry_commands.new_dialog

    # -- window state ---------------------------------------------------------------------------

    def save_ui_state(self) -> None:
        save_ui_state(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._panes_laid_out:
            self._panes_laid_out = True
            layout = self.layout()
            if layout is not None:
                layout.activate()  # the splitters get their real widths before being sized
            lay_out_panes(self, self.width())

    def quit_app(self) -> bool:
        """Ctrl+Q: close this window and every tool window, then ask the process to end.

        The review, follow-ups, pulse and template windows are top-level windows of their
        own; closing only this one left them open and the process alive. False when a
        window refused to close (it asked about unsaved work and the founder said no).
        """
        if not self.close():
            return False
        self.quit_requested.emit()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not close_tool_windows(self):
            event.ignore()
            return
        self.closing.emit()
        # Let queued changes reach the database before the window (and the store) go away.
        self.runner.wait()
        self.save_ui_state()
        super().closeEvent(event)

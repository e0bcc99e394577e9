"""The main window: wiring between the sidebar, the list, the conversation and the services.

Widgets and models live in their own modules; this one only connects them, so that every
piece can be tested on its own.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QCursor, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.settings import Settings
from soloservice.domain.types import Channel, IdentityKind, Status
from soloservice.services.dto import CustomerCard, InquiryDetail, View
from soloservice.services.errors import ServiceError, describe_storage_error
from soloservice.services.registry import Services
from soloservice.ui import formatting as fmt
from soloservice.ui.actions import Actions, build_actions, install_menus
from soloservice.ui.call_dialog import CallDialog
from soloservice.ui.conversation_view import ConversationView
from soloservice.ui.customer_card import CustomerCardView
from soloservice.ui.icons import icon
from soloservice.ui.inbox_model import InboxModel
from soloservice.ui.inbox_table import InboxTable
from soloservice.ui.inquiry_pane import WIDE_WINDOW, InquiryPane
from soloservice.ui.new_inquiry_dialog import NewInquiryDialog
from soloservice.ui.operations import InquiryOps
from soloservice.ui.search_box import SearchResult, SearchRunner
from soloservice.ui.sidebar_model import SidebarEntry, SidebarModel
from soloservice.ui.sidebar_view import SidebarView
from soloservice.ui.snooze_dialog import SnoozeDialog
from soloservice.ui.tasks import TaskRunner
from soloservice.ui.window_fit import (
    fit_to_screen,
    install_screen_guard,
    restore_fitting_geometry,
)

SEARCH_DELAY_MS = 150
UI_SETTINGS_FILE = "ui.ini"
#: the inquiry list's first width on a laptop screen: room for the subject (see InboxTable)
MIN_LIST_WIDTH = 500


class InquiryPanel(Protocol):
    """A widget shown under the conversation (reply composer, remedies, follow-up...)."""

    def set_inquiry(self, detail: InquiryDetail | None) -> None: ...


class CardSection(Protocol):
    """A widget added to the customer card (survey answers, merge suggestions...)."""

    def set_customer(self, card: CustomerCard | None) -> None: ...


F = TypeVar("F")


class MainWindow(QMainWindow):
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
    ) -> None:
        super().__init__()
        self.services = services
        self.runner = runner or TaskRunner(self)
        self.ops = InquiryOps(services, self.runner, self)
        self.detail: InquiryDetail | None = None
        self.call_dialog: CallDialog | None = None
        self.new_dialog: NewInquiryDialog | None = None
        self.last_error = ""
        self.ui_settings = (
            QSettings(str(settings_file), QSettings.Format.IniFormat) if settings_file else None
        )
        self.setWindowTitle(self.tr("SoloService"))
        self.setWindowIcon(icon("app"))

        settings = services.ctx.settings
        self.sidebar_model = SidebarModel(services)
        self.sidebar = SidebarView(self.sidebar_model)
        self.model = InboxModel(services)
        self.table = InboxTable(self.model)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search every message, name, number or email…  (Ctrl+F)")
        )
        self.search.setToolTip(
            self.tr(
                "Every word of every message, the subject and the customer's name, email, "
                "phone and handles. Results appear as you type.\n"
                '"two words" finds a phrase · from:name only the customer · '
                "channel:email, form, phone, facebook, instagram, x or social · #123 case 123"
            )
        )
        self.search.setAccessibleName(self.tr("Search"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.searches = SearchRunner(
            services, self.runner, lambda: self.model.query, self._search_done, self
        )
        self.conversation = ConversationView(settings.timezone, settings.currency)
        self.card = CustomerCardView(settings.timezone, settings.currency)

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(6, 6, 6, 0)
        middle_layout.setSpacing(6)
        middle_layout.addWidget(self.search)
        middle_layout.addWidget(self.table, 1)
        self.pane = InquiryPane(self.conversation, self.card)
        self.right = self.pane
        #: the side panel's tabs (customer, remedies, follow-up, attachments)
        self.panels = self.pane.side
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.commands = build_actions(self, self.ops.undo_stack)
        self.menus, self.toolbar = install_menus(self, self.commands)
        self._inquiry_panels: list[InquiryPanel] = []
        self._card_sections: list[CardSection] = []
        self.counts_label = QLabel()
        self.counts_label.setContentsMargins(8, 0, 8, 0)
        self.undo_button = QToolButton()
        self.undo_button.setDefaultAction(self.commands.undo)
        self.undo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.undo_button.setAutoRaise(True)
        self.undo_button.setVisible(False)
        self.ops.undo_stack.canUndoChanged.connect(self.undo_button.setVisible)
        self.statusBar().addPermanentWidget(self.undo_button)
        self.statusBar().addPermanentWidget(self.counts_label)

        self._connect(self.commands)
        fit_to_screen(self)
        app = QApplication.instance()
        if app is not None:
            install_screen_guard(app)  # dialogs and tool windows too
        #: the panes get their first sizes when the window is first shown at its real size,
        #: unless sizes the founder chose were restored from ui.ini
        self._panes_laid_out = False
        self.features: dict[str, object] = {}
        if install_features:
            from soloservice.ui.features import install_features as install

            self.features = install(self)
            self._update_tab_visibility()
        self._restore_ui_state()
        self.update_counts()
        self.update_actions()
        if self.model.rowCount() > 0:
            self.table.select_row(0)
        self.table.setFocus()

    # -- wiring ---------------------------------------------------------------------------------

    def _connect(self, a: Actions) -> None:
        self.sidebar.entry_chosen.connect(self.choose_entry)
        self.table.inquiry_selected.connect(self.open_inquiry)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_timer.timeout.connect(self.apply_search)
        self.search.returnPressed.connect(self.apply_search)
        self.card.inquiry_opened.connect(self.show_inquiry)
        self.conversation.note_requested.connect(self.add_note)
        self.ops.changed.connect(self.after_change)
        self.ops.failed.connect(self.show_error)
        self.ops.undoable.connect(self._offer_undo)
        self.runner.unhandled_error.connect(
            lambda e: self.show_error(
                str(e) if isinstance(e, ServiceError) else describe_storage_error(e) or str(e)
            )
        )
        a.log_call.triggered.connect(self.log_call)
        a.new_inquiry.triggered.connect(self.new_inquiry)
        a.search.triggered.connect(self.focus_search)
        a.mark_waiting.triggered.connect(lambda: self.set_status(Status.WAITING))
        a.resolve.triggered.connect(lambda: self.set_status(Status.RESOLVED))
        a.reopen.triggered.connect(lambda: self.set_status(Status.OPEN))
        a.add_note.triggered.connect(self.conversation.focus_note)
        a.snooze.triggered.connect(self._popup_snooze)
        a.snooze_menu.aboutToShow.connect(self._fill_snooze_menu)
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

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def apply_search(self) -> None:
        """Run the search off the GUI thread (services/search.py: FTS5 over every message);
        the list changes when the answer comes back, see _search_done."""
        self.search_timer.stop()
        text = self.search.text()
        pending = self.searches.pending
        if text == (self.model.query.search if pending is None else pending):
            return
        self.searches.request(dataclasses.replace(self.model.query, search=text))

    def _search_done(self, result: SearchResult) -> None:
        self.model.show_ids(result.query, result.ids, result.snippets)
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
        for panel in self._inquiry_panels:
            panel.set_inquiry(detail)
        self._update_tab_visibility()
        for section in self._card_sections:
            section.set_customer(detail.customer if detail else None)
        self.update_actions()
        self.inquiry_changed.emit(detail)

    # -- extension points for ui/features (ui/features/host.py names them) -------------------

    @property
    def widget(self) -> QWidget:
        """The window as a plain widget: the parent for a feature's actions and dialogs."""
        return self

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
        if hasattr(widget, "set_inquiry"):
            self._inquiry_panels.append(widget)
            widget.set_inquiry(self.detail)
        self._update_tab_visibility()

    def _update_tab_visibility(self) -> None:
        self.pane.update_for(self.detail)

    def set_inquiry_tab_title(self, widget: QWidget, title: str) -> None:
        self.pane.set_title(widget, title)

    def show_inquiry_tab(self, widget: QWidget) -> None:
        """Bring a panel into view (a shortcut that then focuses a field in it is seen)."""
        self.pane.show_panel(widget)

    def apply_settings(self, settings: Settings) -> None:
        """Show new settings everywhere: times in the new zone, money in the new currency."""
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
        if hasattr(widget, "set_customer"):
            self._card_sections.append(widget)
            widget.set_customer(self.detail.customer if self.detail else None)

    def show_inquiry_ids(self, ids: list[int], label: str) -> None:
        """Show exactly these inquiries in the list (the ones behind a number in the review)."""
        self.sidebar.clearSelection()
        self.model.set_query(dataclasses.replace(self.model.query, only_ids=tuple(ids)))
        if self.model.rowCount() > 0:
            self.table.select_row(0)
        self.statusBar().showMessage(
            self.tr("%1: %2 inquiries — pick a view on the left to go back")
            .replace("%1", label)
            .replace("%2", str(len(ids))),
            30_000,
        )
        self.raise_()
        self.activateWindow()

    def update_actions(self) -> None:
        d = self.detail
        status = d.status if d else None
        active = status in (Status.NEW, Status.OPEN)
        self.commands.mark_waiting.setEnabled(active)
        self.commands.resolve.setEnabled(d is not None and status is not None and status.is_open)
        self.commands.reopen.setEnabled(status in (Status.WAITING, Status.RESOLVED, Status.CLOSED))
        self.commands.add_note.setEnabled(d is not None)
        self.commands.snooze.setEnabled(d is not None and status is not None and status.is_open)

    def update_counts(self) -> None:
        self.sidebar_model.refresh()
        counts = self.sidebar_model.counts.views
        self.counts_label.setText(
            self.tr("%1 open · %2 overdue · %3 due today")
            .replace("%1", str(counts.get(View.INBOX, 0)))
            .replace("%2", str(counts.get(View.OVERDUE, 0)))
            .replace("%3", str(counts.get(View.DUE_TODAY, 0)))
        )

    def reload(self) -> None:
        self.model.refresh()
        self.update_counts()
        if self.table.selected_id() is None and self.model.rowCount() > 0:
            self.table.select_row(0)
        elif self.detail is not None and self.table.selected_id() is None:
            self.open_inquiry(self.detail.id)
        self.data_changed.emit()

    def after_change(self, message: str, inquiry_id: object) -> None:
        self.reload()
        if isinstance(inquiry_id, int) and self.detail is not None and self.detail.id == inquiry_id:
            self.open_inquiry(inquiry_id)
        if message:
            self.statusBar().showMessage(message, 15_000)

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

    # -- actions --------------------------------------------------------------------------------

    def set_status(self, status: Status) -> None:
        if self.detail is not None:
            self.ops.set_status(self.detail.id, status)

    def add_note(self, inquiry_id: int, text: str) -> None:
        self.ops.add_note(inquiry_id, text, self.conversation.note_saved)

    def _popup_snooze(self) -> None:
        if self.detail is None:
            return
        rect = self.table.visualRect(self.table.currentIndex())
        pos = self.table.viewport().mapToGlobal(rect.center()) if rect.isValid() else QCursor.pos()
        self.commands.snooze_menu.popup(pos)

    def _fill_snooze_menu(self) -> None:
        menu = self.commands.snooze_menu
        menu.clear()
        tz = self.services.ctx.tz
        labels = {
            "in_3_hours": self.tr("In 3 hours"),
            "tomorrow": self.tr("Tomorrow morning"),
            "next_week": self.tr("Next week"),
        }
        for key, until in self.services.inquiries.snooze_presets().items():
            label = labels.get(key, key)
            action = menu.addAction(f"{label}\t{fmt.long_time(until, tz)}")
            action.triggered.connect(lambda _checked=False, u=until: self.snooze(u))
        menu.addSeparator()
        menu.addAction(self.tr("Pick a date and time…")).triggered.connect(self._snooze_custom)
        if self.detail is not None and self.detail.snoozed_until is not None:
            menu.addAction(self.tr("Wake up now")).triggered.connect(lambda: self.snooze(None))

    def snooze(self, until: datetime | None) -> None:
        if self.detail is not None:
            self.ops.snooze(self.detail.id, until)

    def _snooze_custom(self) -> None:
        dialog = SnoozeDialog(self.services.ctx.tz, self.services.ctx.now(), self)
        dialog.accepted.connect(lambda: self.snooze(dialog.until()))
        dialog.open()

    def log_call(self) -> None:
        d = self.detail
        owes_call = d is not None and (d.channel is Channel.PHONE or d.closed_loop)
        if d is not None and owes_call and d.status in (Status.NEW, Status.OPEN):
            # An open phone inquiry (or a closed-loop case owing its 24-hour call-back) is
            # selected: this is most likely the call-back it owes.
            phones = [i.display for i in d.customer.identities if i.kind is IdentityKind.PHONE]
            dialog = CallDialog(
                self.services,
                self.runner,
                self,
                inquiry_id=d.id,
                phone=phones[0] if phones else "",
                name=d.customer.name,
                customer_id=d.customer.id,
            )
        else:
            dialog = CallDialog(self.services, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._call_saved)
        self.call_dialog = dialog
        dialog.open()

    def _call_saved(self, detail: InquiryDetail) -> None:
        self.call_dialog = None
        self._created(detail, self.tr("Logged call #%1").replace("%1", str(detail.id)))

    def new_inquiry(self) -> None:
        dialog = NewInquiryDialog(self.services, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(
            lambda d: self._created(d, self.tr("Created #%1").replace("%1", str(d.id)))
        )
        self.new_dialog = dialog
        dialog.open()

    def _created(self, detail: InquiryDetail, message: str) -> None:
        self.reload()
        if not self.table.select_id(detail.id):
            self.open_inquiry(detail.id)
            message += " — " + self.tr("not in this view (%1)").replace(
                "%1", fmt.status_name(detail.status)
            )
        self.statusBar().showMessage(message, 15_000)
        self.table.setFocus()

    # -- window state ---------------------------------------------------------------------------

    def _restore_ui_state(self) -> None:
        s = self.ui_settings
        if s is None:
            return
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        restore_fitting_geometry(self, s.value("window/geometry"))
        for key, splitter in self._splitters():
            value = s.value(f"splitter/{key}")
            if value is not None and splitter.restoreState(value):
                self._panes_laid_out = True
        side = s.value("window/side_panel")
        if side is not None:
            self.pane.set_side_visible(str(side).lower() in ("true", "1"))
        header = s.value("table/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)

    def _splitters(self) -> tuple[tuple[str, QSplitter], ...]:
        # "layout2": the three-pane layout of 0.2; states saved by the old layout don't fit it
        return (
            ("layout2-main", self.splitter),
            ("layout2-right", self.pane),
            ("layout2-reading", self.pane.reading),
        )

    def _lay_out_panes(self, width: int) -> None:
        """First sizes for the window's width: the list gets room for its subjects, the
        conversation the rest; the side panel opens by itself only on a wide window."""
        sidebar = max(self.sidebar.minimumWidth(), min(240, width // 8))
        rest = max(width - sidebar, 900)
        # The list needs ~500 px to keep subjects readable next to name and due time; the
        # reading column at least what the composer's row needs.
        reading_min = self.pane.reading.minimumSizeHint().width() + 20
        wanted = max(int(rest * 0.42), MIN_LIST_WIDTH, self.table.readable_width())
        listing = min(wanted, rest - reading_min)
        wide = width >= WIDE_WINDOW
        self.pane.set_side_visible(wide)  # first: a shown side panel's minimum counts
        self.splitter.setSizes([sidebar, listing, rest - listing])
        if wide:
            side = min(460, int((rest - listing) * 0.45))
            self.pane.setSizes([rest - listing - side, side])
        self.pane.size_reading_column()

    def save_ui_state(self) -> None:
        s = self.ui_settings
        if s is None:
            return
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        for key, splitter in self._splitters():
            s.setValue(f"splitter/{key}", splitter.saveState())
        s.setValue("window/side_panel", self.pane.side_visible())
        s.setValue("table/header", self.table.horizontalHeader().saveState())
        s.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._panes_laid_out:
            self._panes_laid_out = True
            layout = self.layout()
            if layout is not None:
                layout.activate()  # the splitters get their real widths before being sized
            self._lay_out_panes(self.width())

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

    def _close_tool_windows(self) -> bool:
        """Close every other visible top-level window; False if one stays open."""
        others = [w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()]
        for widget in others:
            widget.close()
        return not any(w.isVisible() for w in others if not isinstance(w, QMenu))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._close_tool_windows():
            event.ignore()
            return
        self.closing.emit()
        # Let queued changes reach the database before the window (and the store) go away.
        self.runner.wait()
        self.save_ui_state()
        super().closeEvent(event)

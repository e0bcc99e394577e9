"""What the window's Inquiry menu does to the selected inquiry, and the dialogs it opens.

Status changes, notes and snoozes go through ``InquiryOps`` (inquiry_operations.py: the
service call off the GUI thread, with undo); Log call and New inquiry open their dialogs
and show the inquiry they made. Which of these apply follows the selected inquiry's
status (``update_actions``). The strings keep the "MainWindow" translation context they
had when this lived in the window.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QCursor

from soloservice.domain.types import Channel, IdentityKind, Status
from soloservice.services.dto import InquiryDetail
from soloservice.ui import formatting as fmt

if TYPE_CHECKING:
    from soloservice.ui.call_dialog import CallDialog
    from soloservice.ui.main_window import MainWindow
    from soloservice.ui.new_inquiry_dialog import NewInquiryDialog


class InquiryCommands(QObject):
    """The Inquiry menu's commands for the window's selected inquiry."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.call_dialog: CallDialog | None = None
        self.new_dialog: NewInquiryDialog | None = None
        a = window.commands
        a.log_call.triggered.connect(self.log_call)
        a.new_inquiry.triggered.connect(self.new_inquiry)
        a.mark_waiting.triggered.connect(lambda: self.set_status(Status.WAITING))
        a.resolve.triggered.connect(lambda: self.set_status(Status.RESOLVED))
        a.reopen.triggered.connect(lambda: self.set_status(Status.OPEN))
        a.add_note.triggered.connect(window.conversation.focus_note)
        a.snooze.triggered.connect(self._popup_snooze)
        a.snooze_menu.aboutToShow.connect(self._fill_snooze_menu)
        window.conversation.note_requested.connect(self.add_note)

    def update_actions(self) -> None:
        d = self.window.detail
        a = self.window.commands
        status = d.status if d else None
        active = status in (Status.NEW, Status.OPEN)
        a.mark_waiting.setEnabled(active)
        a.resolve.setEnabled(d is not None and status is not None and status.is_open)
        a.reopen.setEnabled(status in (Status.WAITING, Status.RESOLVED, Status.CLOSED))
        a.add_note.setEnabled(d is not None)
        a.snooze.setEnabled(d is not None and status is not None and status.is_open)

    def set_status(self, status: Status) -> None:
        if self.window.detail is not None:
            self.window.ops.set_status(self.window.detail.id, status)

    def add_note(self, inquiry_id: int, text: str) -> None:
        self.window.ops.add_note(inquiry_id, text, self.window.conversation.note_saved)

    # -- snoozing -------------------------------------------------------------------------------

    def _popup_snooze(self) -> None:
        if self.window.detail is None:
            return
        table = self.window.table
        rect = table.visualRect(table.currentIndex())
        pos = table.viewport().mapToGlobal(rect.center()) if rect.isValid() else QCursor.pos()
        self.window.commands.snooze_menu.popup(pos)

    def _fill_snooze_menu(self) -> None:
        menu = self.window.commands.snooze_menu
        menu.clear()
        services = self.window.services
        tz = services.ctx.tz
        labels = {
            "in_3_hours": QCoreApplication.translate("MainWindow", "In 3 hours"),
            "tomorrow": QCoreApplication.translate("MainWindow", "Tomorrow morning"),
            "next_week": QCoreApplication.translate("MainWindow", "Next week"),
        }
        for key, until in services.inquiries.snooze_presets().items():
            label = labels.get(key, key)
            action = menu.addAction(f"{label}\t{fmt.long_time(until, tz)}")
            action.triggered.connect(lambda _checked=False, u=until: self.snooze(u))
        menu.addSeparator()
        menu.addAction(
            QCoreApplication.translate("MainWindow", "Pick a date and time…")
        ).triggered.connect(self._snooze_custom)
        detail = self.window.detail
        if detail is not None and detail.snoozed_until is not None:
            menu.addAction(
                QCoreApplication.translate("MainWindow", "Wake up now")
            ).triggered.connect(lambda: self.snooze(None))

    def snooze(self, until: datetime | None) -> None:
        if self.window.detail is not None:
            self.window.ops.snooze(self.window.detail.id, until)

    def _snooze_custom(self) -> None:
        from soloservice.ui.snooze_dialog import SnoozeDialog

        services = self.window.services
        dialog = SnoozeDialog(services.ctx.tz, services.ctx.now(), self.window)
        dialog.accepted.connect(lambda: self.snooze(dialog.until()))
        dialog.open()

    # -- new inquiries --------------------------------------------------------------------------

    def log_call(self) -> None:
        from soloservice.ui.call_dialog import CallDialog

        w = self.window
        d = w.detail
        owes_call = d is not None and (d.channel is Channel.PHONE or d.closed_loop)
        if d is not None and owes_call and d.status in (Status.NEW, Status.OPEN):
            # An open phone inquiry (or a closed-loop case owing its 24-hour call-back) is
            # selected: this is most likely the call-back it owes.
            phones = [i.display for i in d.customer.identities if i.kind is IdentityKind.PHONE]
            dialog = CallDialog(
                w.services,
                w.runner,
                w,
                inquiry_id=d.id,
                phone=phones[0] if phones else "",
                name=d.customer.name,
                customer_id=d.customer.id,
            )
        else:
            dialog = CallDialog(w.services, w.runner, w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._call_saved)
        self.call_dialog = dialog
        dialog.open()

    def _call_saved(self, detail: InquiryDetail) -> None:
        self.call_dialog = None
        self.show_created(
            detail,
            QCoreApplication.translate("MainWindow", "Logged call #%1").replace(
                "%1", str(detail.id)
            ),
        )

    def new_inquiry(self) -> None:
        from soloservice.ui.new_inquiry_dialog import NewInquiryDialog

        w = self.window
        dialog = NewInquiryDialog(w.services, w.runner, w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(
            lambda d: self.show_created(
                d, QCoreApplication.translate("MainWindow", "Created #%1").replace("%1", str(d.id))
            )
        )
        self.new_dialog = dialog
        dialog.open()

    def show_created(self, detail: InquiryDetail, message: str) -> None:
        """Reload, select the new inquiry and say so (and when the view hides it)."""
        w = self.window
        w.reload()
        if not w.table.select_id(detail.id):
            w.open_inquiry(detail.id)
            message += " — " + QCoreApplication.translate(
                "MainWindow", "not in this view (%1)"
            ).replace("%1", fmt.status_name(detail.status))
        w.statusBar().showMessage(message, 15_000)
        w.table.setFocus()

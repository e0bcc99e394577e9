""" "Log a call": typed while still on the phone, keyboard only, in a few seconds.

Phone → (auto-match) → notes → Ctrl+Enter. Everything else has a sensible default and an
Alt-shortcut. The number is normalised as it is typed so a mistyped digit shows before
saving; errors stay inline and the dialog keeps everything typed. When the caller has open
cases, the call can join one ("Add to #12 …") instead of starting another inquiry; an
outgoing call joined to a case is its call-back and answers it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from soloservice.domain.types import CallDirection, CallOutcome
from soloservice.services.calls import CallLog
from soloservice.services.dto import CustomerMatch
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.ui.call_cases import CaseChoice
from soloservice.ui.call_matching import MATCH_ROLE, CustomerMatching
from soloservice.ui.call_timer import CallTimer
from soloservice.ui.plain_text import plain_label
from soloservice.ui.style import HINT_STYLE
from soloservice.ui.tasks import TaskRunner
from soloservice.ui.worker_dialog import WorkerDialog

__all__ = ["MATCH_ROLE", "SEARCH_DELAY_MS", "CallDialog"]

SEARCH_DELAY_MS = 120


class CallDialog(CustomerMatching, WorkerDialog):
    """Emits ``saved(InquiryDetail)`` once the call is stored, then closes."""

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        inquiry_id: int | None = None,
        phone: str = "",
        name: str = "",
        customer_id: int | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.services = services
        self.customer_id: int | None = None
        self._picked: CustomerMatch | None = None
        self.matches: list[CustomerMatch] = []
        self._quiet = False
        self.setWindowTitle(self.tr("Log a call"))
        self.setModal(True)

        # -- who --------------------------------------------------------------------------------
        self.phone = QLineEdit(phone)
        self.phone.setPlaceholderText(self.tr("e.g. 20 30 40 50 or +47 912 34 567"))
        self.phone.setAccessibleName(self.tr("Phone number"))
        self.phone_hint = plain_label(QLabel())
        self.phone_hint.setStyleSheet(HINT_STYLE)
        self.phone_hint.setWordWrap(True)
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(self.tr("Name (searches existing customers)"))
        self.name.setAccessibleName(self.tr("Customer name"))
        self.match_list = QListWidget()
        self.match_list.setAccessibleName(self.tr("Matching customers"))
        self.match_list.hide()
        self.match_list.itemActivated.connect(self._pick_item)
        self.match_list.itemClicked.connect(self._pick_item)
        self.customer_hint = plain_label(QLabel())  # a customer's name
        self.customer_hint.setStyleSheet(HINT_STYLE)
        self.customer_hint.setWordWrap(True)
        self.cases = CaseChoice()
        self.cases_label = QLabel(self.tr("C&ase:"))
        self.cases_label.setBuddy(self.cases)
        self.cases.chosen.connect(self._case_chosen)

        # -- the call ---------------------------------------------------------------------------
        self.incoming = QRadioButton(self.tr("&Incoming"))
        self.outgoing = QRadioButton(self.tr("&Outgoing"))
        self.direction_group = QButtonGroup(self)
        self.direction_group.addButton(self.incoming)
        self.direction_group.addButton(self.outgoing)
        (self.outgoing if inquiry_id is not None else self.incoming).setChecked(True)
        self.outgoing.toggled.connect(self._direction_changed)

        self.timer = CallTimer()
        self.timer_label = self.timer.label
        self.timer_button = self.timer.button
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 720)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setSpecialValueText(self.tr("use timer"))
        self.minutes.setAccessibleName(self.tr("Duration in minutes"))
        self.minutes.setToolTip(self.tr("Type the duration if you did not time the call"))

        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What was it about? What did you promise?"))
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setMinimumHeight(self.fontMetrics().height() * 5)

        self.complaint = QCheckBox(self.tr("&Complaint"))
        self.solved = QRadioButton(self.tr("&Solved on the call"))
        self.callback = QRadioButton(self.tr("Call-&back owed"))
        self.outcome_group = QButtonGroup(self)
        self.outcome_group.addButton(self.solved)
        self.outcome_group.addButton(self.callback)
        # A forgotten choice must leave an open item rather than silently close one.
        (self.solved if inquiry_id is not None else self.callback).setChecked(True)

        #: the inquiry selected when the dialog was opened (most likely the call-back it owes)
        self.inquiry_id = inquiry_id
        self._prefill = (phone, name, customer_id)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setToolTip(self.tr("Save the call (Ctrl+Enter)"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.connect_save(self.save_button)
        cancel.clicked.connect(self.reject)

        # -- layout -----------------------------------------------------------------------------
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        phone_label = QLabel(self.tr("&Phone:"))
        phone_label.setBuddy(self.phone)
        form.addRow(phone_label, self.phone)
        form.addRow("", self.phone_hint)
        name_label = QLabel(self.tr("&Name:"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        form.addRow("", self.match_list)
        form.addRow("", self.customer_hint)
        form.addRow(self.cases_label, self.cases)
        direction_row = QHBoxLayout()
        direction_row.addWidget(self.incoming)
        direction_row.addWidget(self.outgoing)
        direction_row.addStretch(1)
        form.addRow(self.tr("Direction:"), direction_row)
        timer_row = QHBoxLayout()
        timer_row.addWidget(self.timer)
        timer_row.addSpacing(16)
        minutes_label = QLabel(self.tr("or &minutes:"))
        minutes_label.setBuddy(self.minutes)
        timer_row.addWidget(minutes_label)
        timer_row.addWidget(self.minutes)
        timer_row.addStretch(1)
        form.addRow(self.tr("Call time:"), timer_row)
        notes_label = QLabel(self.tr("Not&es:"))
        notes_label.setBuddy(self.notes)
        form.addRow(notes_label, self.notes)
        form.addRow("", self.complaint)
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(self.solved)
        outcome_row.addWidget(self.callback)
        outcome_row.addStretch(1)
        form.addRow(self.tr("Outcome:"), outcome_row)

        self.lay_out(form, self.buttons).setContentsMargins(16, 16, 16, 12)
        self.setMinimumWidth(520)

        # -- behaviour --------------------------------------------------------------------------
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.search_now)
        self.phone.textEdited.connect(self._phone_edited)
        self.name.textEdited.connect(self._name_edited)
        self.phone.installEventFilter(self)
        self.name.installEventFilter(self)
        self.match_list.installEventFilter(self)

        QShortcut(QKeySequence("Ctrl+T"), self).activated.connect(self.toggle_timer)

        if customer_id is not None:
            self.customer_id = customer_id
            self.customer_hint.setText(self.tr("Existing customer: %1").replace("%1", name))
        self.customer_changed()
        self._update_phone_hint()
        self.phone.setFocus()

    # -- which case -----------------------------------------------------------------------------

    def customer_changed(self) -> None:
        """Offer the customer's open cases (and the inquiry the dialog was opened on)."""
        briefs = []
        if self.customer_id is not None:
            try:
                briefs = self.services.customers.open_inquiries(self.customer_id)
            except ServiceError:
                briefs = []
        prefilled = self.inquiry_id if self.customer_id == self._prefill[2] else None
        self.cases.offer(briefs, prefilled)
        self.cases_label.setVisible(self.cases.has_cases())
        self.cases.setVisible(self.cases.has_cases())
        self.cases.default_for(self.outgoing.isChecked(), prefilled)

    def chosen_inquiry(self) -> int | None:
        return self.cases.chosen_id()

    def _direction_changed(self, _outgoing: bool) -> None:
        # A call-back defaults to the most recent case; an incoming call to a new inquiry.
        self.cases.default_for(self.outgoing.isChecked(), self.inquiry_id)

    def _case_chosen(self, inquiry_id: int | None) -> None:
        """ "New inquiry" on the case the dialog was opened on: a different call after all,
        so forget that case's caller (as long as it was not edited)."""
        phone, name, customer_id = self._prefill
        if self.inquiry_id is None or customer_id is None:
            return
        if inquiry_id is None and self.phone.text() == phone and self.name.text() == name:
            self.phone.clear()
            self.name.clear()
            self._unpick()
            self.customer_hint.clear()
            self.incoming.setChecked(True)
            self.callback.setChecked(True)
            self._update_phone_hint()
        elif inquiry_id is not None:
            self.solved.setChecked(True)

    # -- timer ----------------------------------------------------------------------------------

    @property
    def timer_running(self) -> bool:
        return self.timer.running

    def timer_seconds(self) -> int:
        return self.timer.seconds()

    def toggle_timer(self) -> None:
        self.timer.toggle()

    def duration(self) -> timedelta:
        if self.minutes.value() > 0:
            return timedelta(minutes=self.minutes.value())
        return timedelta(seconds=self.timer_seconds())

    # -- saving ---------------------------------------------------------------------------------

    def build_log(self) -> CallLog | None:
        """The call as typed, or None after showing what is wrong."""
        phone = self.normalised_phone()
        if phone is None:
            self.show_error(self.tr("The phone number is not valid; fix it or leave it empty."))
            self.phone.setFocus()
            return None
        inquiry_id = self.chosen_inquiry()
        who = phone or self.customer_id is not None or self.name.text().strip()
        if not who and inquiry_id is None:
            self.show_error(self.tr("Type a phone number or a name."))
            self.phone.setFocus()
            return None
        note = self.notes.toPlainText().strip()
        if not note:
            self.show_error(self.tr("Write a few words about the call."))
            self.notes.setFocus()
            return None
        return CallLog(
            phone=phone,
            note=note,
            name=self.name.text().strip(),
            customer_id=self.customer_id,
            direction=CallDirection.OUTGOING
            if self.outgoing.isChecked()
            else CallDirection.INCOMING,
            duration=self.duration(),
            complaint=self.complaint.isChecked(),
            outcome=CallOutcome.SOLVED if self.solved.isChecked() else CallOutcome.CALLBACK,
            inquiry_id=inquiry_id,
        )

    def save_work(self) -> Callable[[], object] | None:
        log, calls = self.build_log(), self.services.calls
        return None if log is None else lambda: calls.log_call(log)

    def before_close(self, result: object) -> None:
        self.timer.stop_ticking()

    def failure_text(self, error: BaseException) -> str:
        return self.tr("Could not save the call: %1").replace("%1", str(error))

    def has_input(self) -> bool:
        return bool(self.notes.toPlainText().strip() or self.phone.text().strip())

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closed by the program (the main window quitting), not by the user: no question.
        self._quiet = not event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._quiet = False

    def reject(self) -> None:
        if self.saving and not self._quiet:
            return
        if self.has_input() and not self._quiet:
            answer = QMessageBox.question(
                self,
                self.tr("Discard this call?"),
                self.tr("The call has not been saved. Discard what you typed?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.timer.stop_ticking()
        super().reject()

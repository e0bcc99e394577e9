""" "Log a call": typed while still on the phone, keyboard only, in a few seconds.

Phone → (auto-match) → notes → Ctrl+Enter. Everything else has a sensible default and an
Alt-shortcut. The number is normalised as it is typed so a mistyped digit shows before
saving; errors stay inline and the dialog keeps everything typed.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.identity import (
    InvalidIdentity,
    format_phone,
    looks_like_phone,
    normalise_phone,
)
from soloservice.domain.types import CallDirection, CallOutcome
from soloservice.services.calls import CallLog
from soloservice.services.dto import CustomerMatch
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.ui.style import ERROR_STYLE, HINT_STYLE, OK_STYLE
from soloservice.ui.tasks import TaskRunner
from soloservice.ui.worker_dialog import WorkerDialog

MATCH_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 120


class CallDialog(WorkerDialog):
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
        self.phone_hint = QLabel()
        self.phone_hint.setStyleSheet(HINT_STYLE)
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(self.tr("Name (searches existing customers)"))
        self.name.setAccessibleName(self.tr("Customer name"))
        self.match_list = QListWidget()
        self.match_list.setAccessibleName(self.tr("Matching customers"))
        self.match_list.hide()
        self.match_list.itemActivated.connect(self._pick_item)
        self.match_list.itemClicked.connect(self._pick_item)
        self.customer_hint = QLabel()
        self.customer_hint.setStyleSheet(HINT_STYLE)
        self.customer_hint.setWordWrap(True)

        # -- the call ---------------------------------------------------------------------------
        self.incoming = QRadioButton(self.tr("&Incoming"))
        self.outgoing = QRadioButton(self.tr("&Outgoing"))
        self.direction_group = QButtonGroup(self)
        self.direction_group.addButton(self.incoming)
        self.direction_group.addButton(self.outgoing)
        (self.outgoing if inquiry_id is not None else self.incoming).setChecked(True)

        self.timer_label = QLabel("0:00")
        font = self.timer_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.timer_label.setFont(font)
        self.timer_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("00:00:00") + 8)
        self.timer_button = QPushButton(self.tr("Stop"))
        self.timer_button.setToolTip(self.tr("Start or stop the call timer (Ctrl+T)"))
        self.timer_button.setAutoDefault(False)
        self.timer_button.clicked.connect(self.toggle_timer)
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

        self.inquiry_id = inquiry_id
        self.for_inquiry = QCheckBox(
            self.tr("This is the call-back for inquiry #%1").replace("%1", str(inquiry_id))
        )
        self.for_inquiry.setChecked(inquiry_id is not None)
        self.for_inquiry.setVisible(inquiry_id is not None)
        self._prefill = (phone, name, customer_id)
        self.for_inquiry.toggled.connect(self._for_inquiry_toggled)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setToolTip(self.tr("Save the call (Ctrl+Enter)"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)

        # -- layout -----------------------------------------------------------------------------
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        if inquiry_id is not None:
            form.addRow("", self.for_inquiry)
        phone_label = QLabel(self.tr("&Phone:"))
        phone_label.setBuddy(self.phone)
        form.addRow(phone_label, self.phone)
        form.addRow("", self.phone_hint)
        name_label = QLabel(self.tr("&Name:"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        form.addRow("", self.match_list)
        form.addRow("", self.customer_hint)
        direction_row = QHBoxLayout()
        direction_row.addWidget(self.incoming)
        direction_row.addWidget(self.outgoing)
        direction_row.addStretch(1)
        form.addRow(self.tr("Direction:"), direction_row)
        timer_row = QHBoxLayout()
        timer_row.addWidget(self.timer_label)
        timer_row.addWidget(self.timer_button)
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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
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

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        QShortcut(QKeySequence("Ctrl+T"), self).activated.connect(self.toggle_timer)

        self.elapsed = QElapsedTimer()
        self.elapsed.start()
        self._accumulated_ms = 0
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._update_timer)
        self.tick.start()

        if customer_id is not None:
            self.customer_id = customer_id
            self.customer_hint.setText(self.tr("Existing customer: %1").replace("%1", name))
        self._update_phone_hint()
        self.phone.setFocus()

    def _for_inquiry_toggled(self, checked: bool) -> None:
        """Unticked: a different call after all, so forget the selected inquiry's caller."""
        phone, name, customer_id = self._prefill
        if checked:
            self.phone.setText(phone)
            self.name.setText(name)
            self.customer_id = customer_id
            self.outgoing.setChecked(True)
            self.solved.setChecked(True)
        elif self.phone.text() == phone and self.name.text() == name:
            self.phone.clear()
            self.name.clear()
            self._unpick()
            self.customer_hint.clear()
            self.incoming.setChecked(True)
            self.callback.setChecked(True)
        self._update_phone_hint()

    # -- timer ----------------------------------------------------------------------------------

    @property
    def timer_running(self) -> bool:
        return self.elapsed.isValid()

    def timer_seconds(self) -> int:
        running = self.elapsed.elapsed() if self.elapsed.isValid() else 0
        return int((self._accumulated_ms + running) / 1000)

    def toggle_timer(self) -> None:
        if self.elapsed.isValid():
            self._accumulated_ms += self.elapsed.elapsed()
            self.elapsed.invalidate()
            self.timer_button.setText(self.tr("Start"))
        else:
            self.elapsed.start()
            self.timer_button.setText(self.tr("Stop"))
        self._update_timer()

    def _update_timer(self) -> None:
        seconds = self.timer_seconds()
        hours, rest = divmod(seconds, 3600)
        minutes, secs = divmod(rest, 60)
        text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
        self.timer_label.setText(text)

    def duration(self) -> timedelta:
        if self.minutes.value() > 0:
            return timedelta(minutes=self.minutes.value())
        return timedelta(seconds=self.timer_seconds())

    # -- phone and customer matching ------------------------------------------------------------

    def normalised_phone(self) -> str | None:
        """E.164, "" when nothing is typed; None when what is typed is not a number."""
        text = self.phone.text().strip()
        if not text:
            return ""
        try:
            return normalise_phone(text, self.services.ctx.settings.phone_region)
        except InvalidIdentity:
            return None

    def _update_phone_hint(self) -> None:
        value = self.normalised_phone()
        if value == "":
            self.phone_hint.setStyleSheet(HINT_STYLE)
            self.phone_hint.setText(
                self.tr("Type the number; the country defaults to %1").replace(
                    "%1", self.services.ctx.settings.phone_region
                )
            )
        elif value is None:
            self.phone_hint.setStyleSheet(ERROR_STYLE)
            self.phone_hint.setText(self.tr("Not a valid phone number yet"))
        else:
            self.phone_hint.setStyleSheet(OK_STYLE)
            self.phone_hint.setText("✓ " + format_phone(value))

    def _phone_edited(self, _text: str) -> None:
        self._unpick()
        self._update_phone_hint()
        self.search_timer.start()

    def _name_edited(self, _text: str) -> None:
        if self._picked is not None and self.name.text() != self._picked.name:
            self._unpick()
        self.search_timer.start()

    def search_now(self) -> None:
        self.search_timer.stop()
        phone_text = self.phone.text().strip()
        if phone_text and looks_like_phone(phone_text):
            text = phone_text
        elif self.name.hasFocus() or not phone_text:
            text = self.name.text().strip()
        else:
            text = phone_text
        try:
            self.matches = self.services.customers.search(text) if len(text) >= 2 else []
        except ServiceError:
            self.matches = []
        self.match_list.clear()
        for match in self.matches:
            details = ", ".join((*match.phones, *match.emails))
            label = match.name + (f"  —  {details}" if details else "")
            if match.open_inquiries:
                label += "  " + self.tr("(%1 open)").replace("%1", str(match.open_inquiries))
            item = QListWidgetItem(label)
            item.setData(MATCH_ROLE, match.id)
            self.match_list.addItem(item)
        rows = max(1, min(len(self.matches), 5))
        self.match_list.setFixedHeight(self.match_list.sizeHintForRow(0) * rows + 6)
        self.match_list.setVisible(bool(self.matches) and self._picked is None)
        if self.matches:
            self.match_list.setCurrentRow(0)
        self._auto_pick()

    def _auto_pick(self) -> None:
        """A complete number that belongs to exactly one customer is that customer."""
        value = self.normalised_phone()
        if not value or self._picked is not None:
            return
        shown = format_phone(value)
        exact = [m for m in self.matches if shown in m.phones]
        if len(exact) == 1:
            self.pick(exact[0])

    def pick(self, match: CustomerMatch) -> None:
        self._picked = match
        self.customer_id = match.id
        self.name.setText(match.name)
        if not self.phone.text().strip() and match.phones:
            self.phone.setText(match.phones[0])
            self._update_phone_hint()
        self.match_list.hide()
        hint = self.tr("Existing customer: %1").replace("%1", match.name)
        if match.open_inquiries:
            hint += " · " + self.tr("%1 open inquiries").replace("%1", str(match.open_inquiries))
        self.customer_hint.setStyleSheet(OK_STYLE)
        self.customer_hint.setText(hint)

    def _pick_item(self, item: QListWidgetItem) -> None:
        match_id = item.data(MATCH_ROLE)
        for match in self.matches:
            if match.id == match_id:
                self.pick(match)
                self.notes.setFocus()
                return

    def _unpick(self) -> None:
        if self._picked is None and self.customer_id is None:
            return
        self._picked = None
        self.customer_id = None
        self.customer_hint.setStyleSheet(HINT_STYLE)
        self.customer_hint.setText(self.tr("New customer"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain
        if watched in (self.phone, self.name):
            if self.search_timer.isActive() and (enter or key == Qt.Key.Key_Down):
                self.search_now()
            has_matches = self.match_list.isVisible() and self.match_list.count() > 0
            if key == Qt.Key.Key_Down and has_matches:
                self.match_list.setFocus()
                if self.match_list.currentRow() < 0:
                    self.match_list.setCurrentRow(0)
                return True
            if enter:
                if has_matches:
                    item = self.match_list.currentItem() or self.match_list.item(0)
                    self._pick_item(item)
                else:
                    (self.name if watched is self.phone else self.notes).setFocus()
                return True
        elif watched is self.match_list:
            if enter:
                item = self.match_list.currentItem()
                if item is not None:
                    self._pick_item(item)
                return True
            if key == Qt.Key.Key_Up and self.match_list.currentRow() <= 0:
                self.phone.setFocus()
                return True
            if key == Qt.Key.Key_Escape:
                self.match_list.hide()
                self.phone.setFocus()
                return True
        return super().eventFilter(watched, event)

    # -- saving ---------------------------------------------------------------------------------

    def build_log(self) -> CallLog | None:
        """The call as typed, or None after showing what is wrong."""
        phone = self.normalised_phone()
        if phone is None:
            self.show_error(self.tr("The phone number is not valid; fix it or leave it empty."))
            self.phone.setFocus()
            return None
        if not phone and self.customer_id is None and not self.name.text().strip():
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
            inquiry_id=self.inquiry_id if self.for_inquiry.isChecked() else None,
        )

    def save(self) -> None:
        if self.saving:
            return
        log = self.build_log()
        if log is None:
            return
        self.run_save(lambda: self.services.calls.log_call(log))

    def before_close(self, result: object) -> None:
        self.tick.stop()

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
        self.tick.stop()
        super().reject()

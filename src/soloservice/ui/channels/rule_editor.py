"""Tools > Web form rules: the founder's own rules for form notification mails, with a
live preview of what a rule reads from a sample mail while it is being typed.

Built-in rules are listed so the founder sees what is recognised already; they cannot be
changed, only copied into an own rule (own rules are tried first).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.errors import ServiceError
from soloservice.services.form_rules import (
    MAPPABLE_FIELDS,
    SAMPLE_MAILS,
    FormRule,
    SampleMail,
    read_sample,
)
from soloservice.services.form_rules import FormSubmission as Submission
from soloservice.services.forms import FormRuleView, make_rule
from soloservice.services.registry import Services
from soloservice.ui.channels.common import styled_label
from soloservice.ui.style import ERROR_STYLE, HINT_STYLE, OK_STYLE

PREVIEW_DELAY_MS = 200
PASTED = "__pasted__"
VIEW_ROLE = Qt.ItemDataRole.UserRole + 1
_BAD_FIELD = "QLineEdit { border: 1px solid #dc2626; }"


def _field_names() -> list[tuple[str, str]]:
    order = ["name", "first_name", "last_name", "email", "phone", "message", "subject", "ignore"]
    known = [f for f in order if f in MAPPABLE_FIELDS]
    return [(f, f.replace("_", " ")) for f in known + sorted(MAPPABLE_FIELDS - set(known))]


class FormRulesDialog(QDialog):
    """Emits ``preview_updated(submission or None)`` after every preview (tests wait on it)
    and ``rules_changed()`` after a save or removal."""

    preview_updated = Signal(object)
    rules_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.views: list[FormRuleView] = []
        self.current: FormRuleView | None = None  # the rule being shown (None: a new one)
        self.submission: Submission | None = None
        self.setWindowTitle(self.tr("Web form rules"))
        self.resize(1240, 700)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.update_preview)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_editor())
        splitter.addWidget(self._build_preview())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([230, 480, 530])
        splitter.setChildrenCollapsible(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.load_rules()
        if self.rule_list.count():
            self.rule_list.setCurrentRow(0)

    # -- building ------------------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("&Rules (yours are tried first)"))
        self.rule_list = QListWidget()
        self.rule_list.setAccessibleName(self.tr("Form rules"))
        title.setBuddy(self.rule_list)
        self.rule_list.currentItemChanged.connect(self._rule_chosen)
        self.new_button = QPushButton(self.tr("&New rule"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(self.tr("Start an empty rule (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_rule)
        self.copy_button = QPushButton(self.tr("Cop&y to edit"))
        self.copy_button.setToolTip(self.tr("A built-in rule cannot be changed: edit a copy"))
        self.copy_button.clicked.connect(self.copy_rule)
        self.remove_button = QPushButton(self.tr("Re&move…"))
        self.remove_button.clicked.connect(self.remove_rule)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.copy_button)
        layout.addWidget(title)
        layout.addWidget(self.rule_list, 1)
        layout.addLayout(row)
        layout.addWidget(self.remove_button)
        return box

    def _build_editor(self) -> QWidget:
        box = QGroupBox(self.tr("Rule"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.builtin_note = styled_label()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Booking form"))
        self.sender_edit = QLineEdit()
        self.sender_edit.setPlaceholderText(self.tr("e.g. *@formspree.io or booking@shop.dk"))
        self.subject_edit = QLineEdit()
        self.subject_edit.setPlaceholderText(self.tr("e.g. New Entry: *   or   re:^Ny henvendelse"))
        self.form_name_edit = QLineEdit()
        self.form_name_edit.setPlaceholderText(self.tr("optional: shown as the form's name"))
        self.enabled_box = QCheckBox(self.tr("&Use this rule when mail arrives"))
        self.enabled_box.setChecked(True)
        self.pattern_help = styled_label(
            self.tr(
                "Patterns are globs (* and ?) matched against the whole address or subject, "
                "ignoring case; start with re: for a regular expression. A rule needs a sender "
                "or a subject pattern; with both, both must match."
            )
        )
        self.pattern_error = styled_label(style=ERROR_STYLE)
        self.pattern_error.setObjectName("patternError")
        form.addRow(self.builtin_note)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Sender:"), self.sender_edit)
        form.addRow(self.tr("Su&bject:"), self.subject_edit)
        form.addRow(self.pattern_help)
        form.addRow(self.pattern_error)
        form.addRow(self.tr("&Form name:"), self.form_name_edit)

        self.field_table = QTableWidget(0, 2)
        self.field_table.setHorizontalHeaderLabels([self.tr("Label in the mail"), self.tr("Is")])
        self.field_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.field_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.field_table.horizontalHeader().resizeSection(1, 150)
        self.field_table.verticalHeader().setVisible(False)
        self.field_table.setMinimumHeight(110)
        # The stretching label column keeps at least its own title, in every language.
        header = self.field_table.horizontalHeader()
        label_title = header.fontMetrics().horizontalAdvance(self.tr("Label in the mail"))
        self.field_table.setMinimumWidth(label_title + 40 + 150 + 2 * self.field_table.frameWidth())
        self.field_table.setAccessibleName(self.tr("Field labels"))
        self.field_table.setToolTip(
            self.tr("Only for labels not understood already (Navn, E-mail, Telefon, Besked, …)")
        )
        self.field_table.itemChanged.connect(lambda _item: self.schedule_preview())
        self.add_field_button = QPushButton(self.tr("&Add label"))
        self.add_field_button.clicked.connect(lambda: self.add_field_row("", "message", True))
        self.remove_field_button = QPushButton(self.tr("Remove label"))
        self.remove_field_button.clicked.connect(self.remove_field_row)
        field_buttons = QHBoxLayout()
        field_buttons.addWidget(self.add_field_button)
        field_buttons.addWidget(self.remove_field_button)
        field_buttons.addStretch(1)
        fields_label = QLabel(self.tr("Field &labels:"))
        fields_label.setBuddy(self.field_table)

        self.markers_edit = QPlainTextEdit()
        self.markers_edit.setPlaceholderText(
            self.tr("One per line: a line starting with this ends the form (footer)")
        )
        self.markers_edit.setTabChangesFocus(True)
        self.markers_edit.setMaximumHeight(70)
        markers_label = QLabel(self.tr("S&top at:"))
        markers_label.setBuddy(self.markers_edit)

        self.save_error = styled_label(style=ERROR_STYLE)
        self.save_button = QPushButton(self.tr("&Save rule"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)

        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(fields_label)
        layout.addWidget(self.field_table, 1)
        layout.addLayout(field_buttons)
        layout.addWidget(markers_label)
        layout.addWidget(self.markers_edit)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.save_error)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row)

        for edit in (self.name_edit, self.sender_edit, self.subject_edit, self.form_name_edit):
            edit.textChanged.connect(lambda _t: self.schedule_preview())
        self.markers_edit.textChanged.connect(self.schedule_preview)
        return box

    def _build_preview(self) -> QWidget:
        box = QGroupBox(self.tr("Live preview"))
        self.sample_combo = QComboBox()
        for name in SAMPLE_MAILS:
            self.sample_combo.addItem(self.tr("Sample: %1").replace("%1", name), name)
        self.sample_combo.addItem(self.tr("A mail of my own (paste or load)"), PASTED)
        self.sample_combo.currentIndexChanged.connect(self._sample_chosen)
        sample_label = QLabel(self.tr("&Try on:"))
        sample_label.setBuddy(self.sample_combo)
        self.load_button = QPushButton(self.tr("&Load .eml…"))
        self.load_button.clicked.connect(self.load_eml)
        top = QHBoxLayout()
        top.addWidget(sample_label)
        top.addWidget(self.sample_combo, 1)
        top.addWidget(self.load_button)

        self.mail_view = QPlainTextEdit()
        self.mail_view.setAccessibleName(self.tr("Sample mail"))
        self.mail_view.setTabChangesFocus(True)
        self.mail_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.mail_view.setFont(mono)
        self.mail_view.textChanged.connect(self._mail_edited)

        self.result_label = QLabel()
        self.result_label.setObjectName("previewResult")
        self.result_label.setWordWrap(True)
        self.result_table = QTableWidget(0, 2)
        self.result_table.setHorizontalHeaderLabels([self.tr("Read as"), self.tr("Value")])
        self.result_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.result_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.result_table.verticalHeader().setVisible(False)
        self.result_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.result_table.setWordWrap(True)
        self.result_table.setAccessibleName(self.tr("What the rule reads"))

        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.mail_view, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(self.result_table, 1)
        self._sample_chosen()
        return box

    # -- the rule list -------------------------------------------------------------------------

    def load_rules(self, select: str | None = None) -> None:
        self.views = self.services.forms.rules()
        self.rule_list.blockSignals(True)
        self.rule_list.clear()
        chosen = -1
        for index, view in enumerate(self.views):
            if view.builtin:
                text = self.tr("%1 (built-in)").replace("%1", view.name)
            elif not view.enabled:
                text = self.tr("%1 (off)").replace("%1", view.name)
            else:
                text = view.name
            item = QListWidgetItem(text)
            item.setData(VIEW_ROLE, index)
            if view.builtin:
                item.setForeground(Qt.GlobalColor.darkGray)
                item.setToolTip(self.tr("Built in: copy it to make your own version"))
            self.rule_list.addItem(item)
            if select is not None and view.name.casefold() == select.casefold():
                chosen = index
        self.rule_list.blockSignals(False)
        if chosen >= 0:
            self.rule_list.setCurrentRow(chosen)

    def _rule_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        index = item.data(VIEW_ROLE)
        if isinstance(index, int) and 0 <= index < len(self.views):
            self.show_rule(self.views[index])

    def show_rule(self, view: FormRuleView | None, rule: FormRule | None = None) -> None:
        """Fill the editor; ``rule`` without ``view`` is an unsaved (new or copied) rule."""
        self.current = view
        shown = view.rule if view is not None else rule
        self._fill(shown)
        builtin = view is not None and view.builtin
        self.enabled_box.setChecked(view.enabled if view is not None else True)
        for widget in (
            self.name_edit,
            self.sender_edit,
            self.subject_edit,
            self.form_name_edit,
            self.markers_edit,
        ):
            widget.setReadOnly(builtin)
        self.field_table.setEnabled(not builtin)
        self.add_field_button.setEnabled(not builtin)
        self.remove_field_button.setEnabled(not builtin)
        self.enabled_box.setEnabled(not builtin)
        self.save_button.setEnabled(not builtin)
        self.copy_button.setEnabled(view is not None)
        self.remove_button.setEnabled(view is not None and not builtin)
        self.builtin_note.setVisible(builtin or view is None)
        if builtin:
            self.builtin_note.setText(
                self.tr("A built-in rule: read only. “Copy to edit” makes your own version.")
            )
        elif view is None:
            self.builtin_note.setText(self.tr("A new rule: not saved yet."))
        self.save_error.clear()
        if builtin and view is not None and view.name in SAMPLE_MAILS:
            self.sample_combo.setCurrentIndex(self.sample_combo.findData(view.name))
        self.update_preview()

    def _fill(self, rule: FormRule | None) -> None:
        self.name_edit.setText(rule.name if rule else "")
        self.sender_edit.setText((rule.sender_pattern or "") if rule else "")
        self.subject_edit.setText((rule.subject_pattern or "") if rule else "")
        self.form_name_edit.setText((rule.form_name or "") if rule else "")
        self.markers_edit.setPlainText("\n".join(rule.stop_markers) if rule else "")
        self.field_table.setRowCount(0)
        for label, target in rule.field_map.items() if rule else ():
            self.add_field_row(label, target)

    def new_rule(self) -> None:
        self.rule_list.clearSelection()
        self.show_rule(None)
        self.name_edit.setFocus()

    def copy_rule(self) -> None:
        if self.current is None:
            return
        source = self.current.rule
        taken = {v.name.casefold() for v in self.views}
        name = self.tr("%1 (mine)").replace("%1", source.name)
        number = 2
        while name.casefold() in taken:
            name = self.tr("%1 (mine %2)").replace("%1", source.name).replace("%2", str(number))
            number += 1
        copy = FormRule(
            name=name,
            sender_pattern=source.sender_pattern,
            subject_pattern=source.subject_pattern,
            field_map=dict(source.field_map),
            form_name=source.form_name,
            stop_markers=source.stop_markers,
        )
        self.rule_list.clearSelection()
        self.show_rule(None, copy)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def remove_rule(self) -> None:
        view = self.current
        if view is None or view.builtin:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove rule"),
            self.tr("Remove the rule “%1”? Mail already imported stays as it is.").replace(
                "%1", view.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.services.forms.remove_rule(view.name)
        except ServiceError as exc:
            self.save_error.setText(str(exc))
            return
        self.load_rules()
        self.rules_changed.emit()
        if self.rule_list.count():
            self.rule_list.setCurrentRow(0)

    # -- field labels --------------------------------------------------------------------------

    def add_field_row(self, label: str, target: str, focus: bool = False) -> None:
        row = self.field_table.rowCount()
        self.field_table.insertRow(row)
        self.field_table.setItem(row, 0, QTableWidgetItem(label))
        combo = QComboBox()
        for value, text in _field_names():
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(target)))
        combo.currentIndexChanged.connect(lambda _i: self.schedule_preview())
        self.field_table.setCellWidget(row, 1, combo)
        if focus:
            self.field_table.setCurrentCell(row, 0)
            self.field_table.setFocus()
            item = self.field_table.item(row, 0)
            if item is not None:
                self.field_table.editItem(item)
        self.schedule_preview()

    def remove_field_row(self) -> None:
        row = self.field_table.currentRow()
        if row >= 0:
            self.field_table.removeRow(row)
            self.schedule_preview()

    def field_map(self) -> dict[str, str]:
        result: dict[str, str] = {}
        for row in range(self.field_table.rowCount()):
            item = self.field_table.item(row, 0)
            combo = self.field_table.cellWidget(row, 1)
            label = item.text().strip() if item is not None else ""
            if label and isinstance(combo, QComboBox):
                result[label] = str(combo.currentData())
        return result

    # -- the rule as typed ---------------------------------------------------------------------

    def rule_from_fields(self, name: str | None = None) -> FormRule:
        """Raises InvalidInput with the reason (shown inline)."""
        return make_rule(
            name if name is not None else self.name_edit.text(),
            sender_pattern=self.sender_edit.text(),
            subject_pattern=self.subject_edit.text(),
            field_map=self.field_map(),
            form_name=self.form_name_edit.text(),
            stop_markers=[m.strip() for m in self.markers_edit.toPlainText().splitlines()],
        )

    def _pattern_errors(self) -> list[str]:
        """Check each pattern alone, so the field at fault can be marked."""
        errors = []
        for edit, sender in ((self.sender_edit, True), (self.subject_edit, False)):
            message = ""
            text = edit.text()
            if text.strip():
                try:
                    if sender:
                        make_rule("check", sender_pattern=text)
                    else:
                        make_rule("check", subject_pattern=text)
                except ServiceError as exc:
                    message = str(exc)
            edit.setStyleSheet(_BAD_FIELD if message else "")
            if message:
                errors.append(message[:1].upper() + message[1:])
        return errors

    # -- the sample ----------------------------------------------------------------------------

    def _sample_chosen(self, _index: int = 0) -> None:
        key = self.sample_combo.currentData()
        self.mail_view.blockSignals(True)
        if key == PASTED:
            self.mail_view.setReadOnly(False)
            self.mail_view.setPlaceholderText(
                self.tr("Paste a whole notification mail here, headers included (From:, Subject:)")
            )
            self.mail_view.setPlainText(getattr(self, "_pasted", ""))
        else:
            sample = SAMPLE_MAILS[str(key)]
            self.mail_view.setReadOnly(True)
            head = [f"From: {sample.from_addr}"]
            if sample.reply_to:
                head.append(f"Reply-To: {sample.reply_to}")
            head.append(f"Subject: {sample.subject}")
            body = sample.text or self.tr("(HTML only)")
            self.mail_view.setPlainText("\n".join(head) + "\n\n" + body)
        self.mail_view.blockSignals(False)
        self.schedule_preview()

    def _mail_edited(self) -> None:
        if self.sample_combo.currentData() == PASTED:
            self._pasted = self.mail_view.toPlainText()
            self.schedule_preview()

    def load_eml(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Load a saved mail"), "", self.tr("Mail (*.eml *.txt);;All files (*)")
        )
        if path:
            self.load_mail_file(Path(path))

    def load_mail_file(self, path: Path) -> None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self.result_label.setText(str(exc))
            return
        self._pasted = raw.decode("utf-8", errors="replace")
        self.sample_combo.setCurrentIndex(self.sample_combo.findData(PASTED))
        self._sample_chosen()

    def sample(self) -> SampleMail | str:
        """The chosen sample, or why the pasted mail cannot be read."""
        key = self.sample_combo.currentData()
        if key != PASTED:
            return SAMPLE_MAILS[str(key)]
        text = self.mail_view.toPlainText()
        if not text.strip():
            return self.tr("Paste a mail or load an .eml file to try the rule on it.")
        sample = read_sample(text.encode("utf-8"), self.services.ctx.now())
        if isinstance(sample, str):
            return self.tr("The mail cannot be read: %1").replace("%1", sample)
        return sample

    # -- the preview ---------------------------------------------------------------------------

    def schedule_preview(self) -> None:
        self.timer.start()

    def update_preview(self) -> None:
        self.timer.stop()
        self.submission = None
        self.result_table.setRowCount(0)
        errors = self._pattern_errors()
        self.pattern_error.setText("\n".join(errors))
        self.pattern_error.setVisible(bool(errors))
        sample = self.sample()
        if errors:
            self._result(self.tr("Fix the pattern to see the preview."), HINT_STYLE)
        elif isinstance(sample, str):
            self._result(sample, HINT_STYLE)
        elif not (self.sender_edit.text().strip() or self.subject_edit.text().strip()):
            self._result(self.tr("Type a sender or a subject pattern."), HINT_STYLE)
        else:
            try:
                rule = self.rule_from_fields(self.name_edit.text().strip() or "preview")
            except ServiceError as exc:
                self._result(str(exc), ERROR_STYLE)
            else:
                self._show_result(rule, sample)
        self.preview_updated.emit(self.submission)

    def _show_result(self, rule: FormRule, sample: SampleMail) -> None:
        if not rule.matches(sample.from_addr, sample.subject):
            parts = []
            if rule.sender_pattern and not make_rule(
                "s", sender_pattern=rule.sender_pattern
            ).matches(sample.from_addr, sample.subject):
                parts.append(self.tr("the sender does not match"))
            if rule.subject_pattern and not make_rule(
                "s", subject_pattern=rule.subject_pattern
            ).matches(sample.from_addr, sample.subject):
                parts.append(self.tr("the subject does not match"))
            why = " · ".join(parts)
            self._result(self.tr("✗ No match: %1").replace("%1", why), ERROR_STYLE)
            return
        submission = self.services.forms.preview(rule, sample)
        if submission is None:
            self._result(
                self.tr("✗ The mail matches, but no person could be read from it"), ERROR_STYLE
            )
            return
        self.submission = submission
        self._result(
            self.tr("✓ Matches — becomes a form inquiry from %1").replace(
                "%1", submission.name or submission.email or submission.phone or "?"
            ),
            OK_STYLE,
        )
        rows = [
            (self.tr("Form"), submission.form_name),
            (self.tr("Name"), submission.name or "—"),
            (self.tr("Email"), submission.email or "—"),
            (self.tr("Phone"), submission.phone or "—"),
            (self.tr("Subject"), submission.subject or "—"),
            (self.tr("Message"), submission.message or "—"),
        ]
        rows += [(f"· {label}", value) for label, value in submission.fields]
        self.result_table.setRowCount(len(rows))
        for index, (label, value) in enumerate(rows):
            self.result_table.setItem(index, 0, QTableWidgetItem(label))
            self.result_table.setItem(index, 1, QTableWidgetItem(value))
        self.result_table.resizeRowsToContents()

    def _result(self, text: str, style: str) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(style + "font-weight:bold;")

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> FormRuleView | None:
        if self.current is not None and self.current.builtin:
            return None
        try:
            rule = self.rule_from_fields()
            if self.current is None:
                view = self.services.forms.add_rule(rule, enabled=self.enabled_box.isChecked())
            else:
                view = self.services.forms.update_rule(
                    self.current.name, rule, enabled=self.enabled_box.isChecked()
                )
        except ServiceError as exc:
            self.save_error.setText(str(exc))
            return None
        self.save_error.clear()
        self.load_rules(select=view.name)
        self.rules_changed.emit()
        return view

"""The form rules dialog's editor: one rule's name, patterns, field labels and stop lines.

The dialog (rule_editor.py) owns the list, the preview and saving; this box holds the rule
as typed, marks a pattern that does not compile at its own field, and turns the fields into
a ``FormRule`` through the service's ``make_rule`` (which says what is wrong). Its strings keep
the "FormRulesDialog" translation context they had in the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.errors import ServiceError
from soloservice.services.form_rules import FormRule
from soloservice.services.forms import make_rule
from soloservice.ui.channels.common import styled_label
from soloservice.ui.channels.rule_fields import FieldLabelTable
from soloservice.ui.style import ERROR_STYLE

_BAD_FIELD = "QLineEdit { border: 1px solid #dc2626; }"


class RuleForm(QGroupBox):
    """Emits ``changed()`` on every edit that can change what the rule reads."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("FormRulesDialog", "Rule"), parent)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.builtin_note = styled_label()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(
            QCoreApplication.translate("FormRulesDialog", "e.g. Booking form")
        )
        self.sender_edit = QLineEdit()
        self.sender_edit.setPlaceholderText(
            QCoreApplication.translate("FormRulesDialog", "e.g. *@formspree.io or booking@shop.dk")
        )
        self.subject_edit = QLineEdit()
        self.subject_edit.setPlaceholderText(
            QCoreApplication.translate(
                "FormRulesDialog", "e.g. New Entry: *   or   re:^Ny henvendelse"
            )
        )
        self.form_name_edit = QLineEdit()
        self.form_name_edit.setPlaceholderText(
            QCoreApplication.translate("FormRulesDialog", "optional: shown as the form's name")
        )
        self.enabled_box = QCheckBox(
            QCoreApplication.translate("FormRulesDialog", "&Use this rule when mail arrives")
        )
        self.enabled_box.setChecked(True)
        self.pattern_help = styled_label(
            QCoreApplication.translate(
                "FormRulesDialog",
                "Patterns are globs (* and ?) matched against the whole address or subject, "
                "ignoring case; start with re: for a regular expression. A rule needs a sender "
                "or a subject pattern; with both, both must match.",
            )
        )
        self.pattern_error = styled_label(style=ERROR_STYLE)
        self.pattern_error.setObjectName("patternError")
        form.addRow(self.builtin_note)
        form.addRow(QCoreApplication.translate("FormRulesDialog", "&Name:"), self.name_edit)
        form.addRow(QCoreApplication.translate("FormRulesDialog", "&Sender:"), self.sender_edit)
        form.addRow(QCoreApplication.translate("FormRulesDialog", "Su&bject:"), self.subject_edit)
        form.addRow(self.pattern_help)
        form.addRow(self.pattern_error)
        form.addRow(
            QCoreApplication.translate("FormRulesDialog", "&Form name:"), self.form_name_edit
        )

        self.fields = FieldLabelTable()
        self.fields.changed.connect(self.changed.emit)
        fields_label = QLabel(QCoreApplication.translate("FormRulesDialog", "Field &labels:"))
        fields_label.setBuddy(self.fields.table)

        self.markers_edit = QPlainTextEdit()
        self.markers_edit.setPlaceholderText(
            QCoreApplication.translate(
                "FormRulesDialog", "One per line: a line starting with this ends the form (footer)"
            )
        )
        self.markers_edit.setTabChangesFocus(True)
        self.markers_edit.setMaximumHeight(70)
        markers_label = QLabel(QCoreApplication.translate("FormRulesDialog", "S&top at:"))
        markers_label.setBuddy(self.markers_edit)

        self.save_error = styled_label(style=ERROR_STYLE)
        self.save_button = QPushButton(QCoreApplication.translate("FormRulesDialog", "&Save rule"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(QCoreApplication.translate("FormRulesDialog", "Save (Ctrl+S)"))
        self.save_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(fields_label)
        layout.addWidget(self.fields, 1)
        layout.addWidget(markers_label)
        layout.addWidget(self.markers_edit)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.save_error)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row)

        for edit in (self.name_edit, self.sender_edit, self.subject_edit, self.form_name_edit):
            edit.textChanged.connect(lambda _t: self.changed.emit())
        self.markers_edit.textChanged.connect(self.changed.emit)

    def fill(self, rule: FormRule | None) -> None:
        self.name_edit.setText(rule.name if rule else "")
        self.sender_edit.setText((rule.sender_pattern or "") if rule else "")
        self.subject_edit.setText((rule.subject_pattern or "") if rule else "")
        self.form_name_edit.setText((rule.form_name or "") if rule else "")
        self.markers_edit.setPlainText("\n".join(rule.stop_markers) if rule else "")
        self.fields.set_field_map(dict(rule.field_map) if rule else {})

    def show_kind(self, builtin: bool, new: bool, enabled: bool) -> None:
        """A built-in rule is read only and says so; a new one says it is not saved yet."""
        self.enabled_box.setChecked(enabled)
        for widget in (
            self.name_edit,
            self.sender_edit,
            self.subject_edit,
            self.form_name_edit,
            self.markers_edit,
        ):
            widget.setReadOnly(builtin)
        self.fields.setEnabled(not builtin)
        self.enabled_box.setEnabled(not builtin)
        self.save_button.setEnabled(not builtin)
        self.builtin_note.setVisible(builtin or new)
        if builtin:
            self.builtin_note.setText(
                QCoreApplication.translate(
                    "FormRulesDialog",
                    "A built-in rule: read only. “Copy to edit” makes your own version.",
                )
            )
        elif new:
            self.builtin_note.setText(
                QCoreApplication.translate("FormRulesDialog", "A new rule: not saved yet.")
            )
        self.save_error.clear()

    def has_pattern(self) -> bool:
        return bool(self.sender_edit.text().strip() or self.subject_edit.text().strip())

    def rule_from_fields(self, name: str | None = None) -> FormRule:
        """Raises InvalidInput with the reason (shown inline)."""
        return make_rule(
            name if name is not None else self.name_edit.text(),
            sender_pattern=self.sender_edit.text(),
            subject_pattern=self.subject_edit.text(),
            field_map=self.fields.field_map(),
            form_name=self.form_name_edit.text(),
            stop_markers=[m.strip() for m in self.markers_edit.toPlainText().splitlines()],
        )

    def check_patterns(self) -> list[str]:
        """Check each pattern alone, so the field at fault can be marked; the reasons are
        shown under the patterns and returned."""
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
        self.pattern_error.setText("\n".join(errors))
        self.pattern_error.setVisible(bool(errors))
        return errors

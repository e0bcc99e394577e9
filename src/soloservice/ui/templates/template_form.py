"""The reply templates dialog's form: one template's name, key, language, text, channels and
shortcut, read-only for a built-in.

The dialog (manager.py) decides what is shown and whether it may be edited; this form holds
the fields, turns them into a ``Template`` and puts a placeholder where the founder is
typing. Its strings keep the "TemplateManager" translation context they had in the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from soloservice.domain.templates import Template
from soloservice.domain.types import Channel, Language
from soloservice.ui import formatting as fmt
from soloservice.ui.settings.widgets import error_label
from soloservice.ui.templates.highlight import PlaceholderHighlighter
from soloservice.ui.templates.template_list import language_name


class TemplateForm(QWidget):
    """Emits ``edited()`` when the founder changes a field (not while ``fill`` fills them)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editable = False
        self._loading = False
        self.origin = QLabel()
        self.origin.setObjectName("templateOrigin")
        self.origin.setWordWrap(True)
        self.name = QLineEdit()
        self.key = QLineEdit()
        self.language = QComboBox()
        for language in Language:
            self.language.addItem(language_name(language), language.value)
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(180)
        self.highlighter = PlaceholderHighlighter(self.body.document())
        self.channels: dict[Channel, QCheckBox] = {
            channel: QCheckBox(fmt.channel_name(channel)) for channel in Channel
        }
        channel_row = QHBoxLayout()
        for box in self.channels.values():
            channel_row.addWidget(box)
        channel_row.addStretch(1)
        self.shortcut = QLineEdit()
        self.shortcut.setPlaceholderText(
            QCoreApplication.translate(
                "TemplateManager", "e.g. ack — typed in the composer to insert it"
            )
        )
        self.problems = error_label()
        self.problems.setObjectName("templateProblems")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.origin)
        form.addRow(QCoreApplication.translate("TemplateManager", "N&ame:"), self.name)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        language_label = QLabel(QCoreApplication.translate("TemplateManager", "&Language:"))
        language_label.setBuddy(self.language)
        key_row.addWidget(language_label)
        key_row.addWidget(self.language)
        key_label = QLabel(QCoreApplication.translate("TemplateManager", "&Key:"))
        key_label.setBuddy(self.key)
        form.addRow(key_label, key_row)
        form.addRow(QCoreApplication.translate("TemplateManager", "&Subject:"), self.subject)
        form.addRow(QCoreApplication.translate("TemplateManager", "&Body:"), self.body)
        form.addRow(QCoreApplication.translate("TemplateManager", "Suits:"), channel_row)
        form.addRow(QCoreApplication.translate("TemplateManager", "S&hortcut:"), self.shortcut)
        form.addRow(self.problems)
        for label_buddy in (self.key, self.language):
            label_buddy.setMinimumWidth(90)

        for edit in (self.name, self.key, self.subject, self.shortcut):
            edit.textChanged.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self.language.currentIndexChanged.connect(self._edited)
        for box in self.channels.values():
            box.toggled.connect(self._edited)

    def _edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    def fill(self, template: Template | None) -> None:
        self._loading = True
        try:
            self.name.setText(template.name if template else "")
            self.key.setText(template.key if template else "")
            language = template.language if template else Language.DA
            self.language.setCurrentIndex(self.language.findData(language.value))
            self.subject.setText(template.subject if template else "")
            self.body.setPlainText(template.body if template else "")
            for channel, box in self.channels.items():
                box.setChecked(template is not None and channel in template.channels)
            self.shortcut.setText((template.shortcut or "") if template else "")
        finally:
            self._loading = False

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for edit in (self.name, self.key, self.subject, self.shortcut):
            edit.setReadOnly(not editable)
        self.body.setReadOnly(not editable)
        self.language.setEnabled(editable)
        for box in self.channels.values():
            box.setEnabled(editable)

    def template(self) -> Template:
        shortcut = self.shortcut.text().strip()
        return Template(
            key=self.key.text().strip(),
            name=self.name.text().strip(),
            language=Language(self.language.currentData()),
            subject=self.subject.text(),
            body=self.body.toPlainText(),
            channels=frozenset(c for c, box in self.channels.items() if box.isChecked()),
            shortcut=shortcut or None,
        )

    def insert_placeholder(self, name: str) -> None:
        """Into the subject when the founder is typing there, else at the body's cursor."""
        if not self.editable:
            return
        text = "{" + name + "}"
        if self.subject.hasFocus():
            self.subject.insert(text)
            return
        cursor = self.body.textCursor()
        cursor.insertText(text)
        self.body.setTextCursor(cursor)
        self.body.setFocus()

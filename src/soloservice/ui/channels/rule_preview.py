"""The form rules dialog's live preview: a sample mail and what the rule being typed reads
from it.

The sample is one of the built-in notification mails, or the founder's own (pasted, or
loaded from a saved .eml). The dialog (rule_editor.py) decides when to preview and with which
rule; this widget shows the outcome. Its strings keep the "FormRulesDialog" translation
context they had when they lived in the dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.form_rules import SAMPLE_MAILS, FormRule, SampleMail, read_sample
from soloservice.services.form_rules import FormSubmission as Submission
from soloservice.services.forms import make_rule
from soloservice.services.registry import Services
from soloservice.ui.style import ERROR_STYLE, OK_STYLE

#: the sample combo's entry for a mail of the founder's own
PASTED = "__pasted__"


class RulePreview(QGroupBox):
    """Emits ``sample_changed()`` when another sample is chosen or the pasted one edited."""

    sample_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("FormRulesDialog", "Live preview"), parent)
        self.services = services
        self._pasted = ""
        self.sample_combo = QComboBox()
        for name in SAMPLE_MAILS:
            self.sample_combo.addItem(
                QCoreApplication.translate("FormRulesDialog", "Sample: %1").replace("%1", name),
                name,
            )
        self.sample_combo.addItem(
            QCoreApplication.translate("FormRulesDialog", "A mail of my own (paste or load)"),
            PASTED,
        )
        self.sample_combo.currentIndexChanged.connect(self._sample_chosen)
        sample_label = QLabel(QCoreApplication.translate("FormRulesDialog", "&Try on:"))
        sample_label.setBuddy(self.sample_combo)
        self.load_button = QPushButton(QCoreApplication.translate("FormRulesDialog", "&Load .eml…"))
        self.load_button.clicked.connect(self.load_eml)
        top = QHBoxLayout()
        top.addWidget(sample_label)
        top.addWidget(self.sample_combo, 1)
        top.addWidget(self.load_button)

        self.mail_view = QPlainTextEdit()
        self.mail_view.setAccessibleName(
            QCoreApplication.translate("FormRulesDialog", "Sample mail")
        )
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
        self.result_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("FormRulesDialog", "Read as"),
                QCoreApplication.translate("FormRulesDialog", "Value"),
            ]
        )
        self.result_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.result_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.result_table.verticalHeader().setVisible(False)
        self.result_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.result_table.setWordWrap(True)
        self.result_table.setAccessibleName(
            QCoreApplication.translate("FormRulesDialog", "What the rule reads")
        )

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.mail_view, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(self.result_table, 1)
        self._sample_chosen()

    # -- the sample ----------------------------------------------------------------------------

    def _sample_chosen(self, _index: int = 0) -> None:
        key = self.sample_combo.currentData()
        self.mail_view.blockSignals(True)
        if key == PASTED:
            self.mail_view.setReadOnly(False)
            self.mail_view.setPlaceholderText(
                QCoreApplication.translate(
                    "FormRulesDialog",
                    "Paste a whole notification mail here, headers included (From:, Subject:)",
                )
            )
            self.mail_view.setPlainText(self._pasted)
        else:
            sample = SAMPLE_MAILS[str(key)]
            self.mail_view.setReadOnly(True)
            head = [f"From: {sample.from_addr}"]
            if sample.reply_to:
                head.append(f"Reply-To: {sample.reply_to}")
            head.append(f"Subject: {sample.subject}")
            body = sample.text or QCoreApplication.translate("FormRulesDialog", "(HTML only)")
            self.mail_view.setPlainText("\n".join(head) + "\n\n" + body)
        self.mail_view.blockSignals(False)
        self.sample_changed.emit()

    def choose_sample(self, name: str) -> None:
        """Show a built-in sample (the one a built-in rule was written for)."""
        self.sample_combo.setCurrentIndex(self.sample_combo.findData(name))

    def _mail_edited(self) -> None:
        if self.sample_combo.currentData() == PASTED:
            self._pasted = self.mail_view.toPlainText()
            self.sample_changed.emit()

    def load_eml(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("FormRulesDialog", "Load a saved mail"),
            "",
            QCoreApplication.translate("FormRulesDialog", "Mail (*.eml *.txt);;All files (*)"),
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
            return QCoreApplication.translate(
                "FormRulesDialog", "Paste a mail or load an .eml file to try the rule on it."
            )
        sample = read_sample(text.encode("utf-8"), self.services.ctx.now())
        if isinstance(sample, str):
            return QCoreApplication.translate(
                "FormRulesDialog", "The mail cannot be read: %1"
            ).replace("%1", sample)
        return sample

    # -- the outcome ---------------------------------------------------------------------------

    def show_message(self, text: str, style: str) -> None:
        """A line in place of a reading (no rule yet, a bad pattern, no match...)."""
        self.result_label.setText(text)
        self.result_label.setStyleSheet(style + "font-weight:bold;")

    def clear(self) -> None:
        self.result_table.setRowCount(0)

    def show_result(self, rule: FormRule, sample: SampleMail) -> Submission | None:
        """Show what ``rule`` reads from ``sample``; the submission, or None without one."""
        if not rule.matches(sample.from_addr, sample.subject):
            parts = []
            if rule.sender_pattern and not make_rule(
                "s", sender_pattern=rule.sender_pattern
            ).matches(sample.from_addr, sample.subject):
                parts.append(
                    QCoreApplication.translate("FormRulesDialog", "the sender does not match")
                )
            if rule.subject_pattern and not make_rule(
                "s", subject_pattern=rule.subject_pattern
            ).matches(sample.from_addr, sample.subject):
                parts.append(
                    QCoreApplication.translate("FormRulesDialog", "the subject does not match")
                )
            why = " · ".join(parts)
            self.show_message(
                QCoreApplication.translate("FormRulesDialog", "✗ No match: %1").replace("%1", why),
                ERROR_STYLE,
            )
            return None
        submission = self.services.forms.preview(rule, sample)
        if submission is None:
            self.show_message(
                QCoreApplication.translate(
                    "FormRulesDialog", "✗ The mail matches, but no person could be read from it"
                ),
                ERROR_STYLE,
            )
            return None
        self.show_message(
            QCoreApplication.translate(
                "FormRulesDialog", "✓ Matches — becomes a form inquiry from %1"
            ).replace("%1", submission.name or submission.email or submission.phone or "?"),
            OK_STYLE,
        )
        rows = [
            (QCoreApplication.translate("FormRulesDialog", "Form"), submission.form_name),
            (QCoreApplication.translate("FormRulesDialog", "Name"), submission.name or "—"),
            (QCoreApplication.translate("FormRulesDialog", "Email"), submission.email or "—"),
            (QCoreApplication.translate("FormRulesDialog", "Phone"), submission.phone or "—"),
            (QCoreApplication.translate("FormRulesDialog", "Subject"), submission.subject or "—"),
            (QCoreApplication.translate("FormRulesDialog", "Message"), submission.message or "—"),
        ]
        rows += [(f"· {label}", value) for label, value in submission.fields]
        self.result_table.setRowCount(len(rows))
        for index, (label, value) in enumerate(rows):
            self.result_table.setItem(index, 0, QTableWidgetItem(label))
            self.result_table.setItem(index, 1, QTableWidgetItem(value))
        self.result_table.resizeRowsToContents()
        return submission

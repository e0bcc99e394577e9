"""File > Import > Form submissions (CSV): file, a look at the rows, column mapping, import.

The mapping starts from the one used last time for the same form (remembered by the
service under the form's name) or from a guess on the headers. A file that cannot be read
stops the wizard on its first page, with the reason, before anything is stored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from soloservice.services.errors import ServiceError
from soloservice.services.form_csv import ColumnMapping, CsvImportPreview
from soloservice.services.import_summary import ImportSummary
from soloservice.services.registry import Services
from soloservice.ui.channels.common import styled_label
from soloservice.ui.channels.csv_import_page import ImportPage
from soloservice.ui.style import ERROR_STYLE, OK_STYLE
from soloservice.ui.tasks import ProgressTask, TaskRunner

#: "Mark entries older than [30] days as already answered": the days offered first
DEFAULT_RESOLVE_DAYS = 30

#: The mapping's fields in the order the page shows them.
MAPPED_FIELDS = ("name", "last_name", "email", "phone", "message", "subject", "submitted_at")


class FilePage(QWizardPage):
    def __init__(self, wizard: CsvImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Choose the export"))
        self.setSubTitle(
            self.tr(
                "A CSV file exported from your form service (WPForms, Jotform, Google Forms, "
                "Typeform, Tally…) or saved from Excel."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Path to the .csv file"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self.browse)
        self.form_edit = QLineEdit()
        self.form_edit.setPlaceholderText(self.tr("e.g. Kontaktformular"))
        self.form_edit.textEdited.connect(lambda _t: setattr(self, "_form_typed", True))
        self._form_typed = False
        self.path_edit.textChanged.connect(self._path_changed)
        self.error = styled_label(style=ERROR_STYLE)
        self.error.setObjectName("fileError")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout(self)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, row)
        form.addRow(self.tr("F&orm name:"), self.form_edit)
        form.addRow(
            styled_label(
                self.tr(
                    "The column mapping is remembered under the form's name for the next export."
                )
            )
        )
        # An export of years of entries would otherwise flood Overdue with old cases.
        self.resolve_old = QCheckBox(self.tr("&Mark entries older than"))
        self.resolve_days = QSpinBox()
        self.resolve_days.setRange(0, 3650)
        self.resolve_days.setValue(DEFAULT_RESOLVE_DAYS)
        self.resolve_days.setSuffix(self.tr(" days"))
        self.resolve_days.setAccessibleName(self.tr("Days"))
        self.resolve_days.setEnabled(False)
        self.resolve_old.toggled.connect(self.resolve_days.setEnabled)
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(self.resolve_old)
        resolve_row.addWidget(self.resolve_days)
        resolve_row.addWidget(QLabel(self.tr("as already answered")))
        resolve_row.addStretch(1)
        form.addRow(resolve_row)
        form.addRow(
            styled_label(
                self.tr(
                    "They are imported resolved, with no reply promise and no follow-up, so "
                    "old entries do not show up as overdue."
                )
            )
        )
        form.addRow(self.error)
        self.registerField("path*", self.path_edit)

    def resolve_older_than(self) -> int | None:
        return self.resolve_days.value() if self.resolve_old.isChecked() else None

    def browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Form submissions"), "", self.tr("CSV files (*.csv *.txt);;All (*)")
        )
        if path:
            self.path_edit.setText(path)

    def _path_changed(self, text: str) -> None:
        self.error.clear()
        if not self._form_typed:
            self.form_edit.setText(Path(text.strip()).stem if text.strip() else "")

    def validatePage(self) -> bool:
        path = Path(self.path_edit.text().strip())
        try:
            preview = self.owner.services.forms.csv_preview(
                path, self.form_edit.text().strip() or None
            )
        except ServiceError as exc:
            self.error.setText(self.tr("This file cannot be imported: %1").replace("%1", str(exc)))
            return False
        self.error.clear()
        self.owner.preview = preview
        self.owner.path = path
        self.owner.form_name = self.form_edit.text().strip() or path.stem
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: CsvImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("The first rows"))
        self.info = styled_label()
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("First rows of the file"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        preview = self.owner.preview
        if preview is None:
            return
        separators = {",": self.tr("comma"), ";": self.tr("semicolon"), "\t": self.tr("tab")}
        self.setSubTitle(
            self.tr("Columns separated by %1, text read as %2. Does this look right?")
            .replace("%1", separators.get(preview.delimiter, repr(preview.delimiter)))
            .replace("%2", preview.encoding)
        )
        self.info.setText(
            self.tr("%1 columns; the first %2 rows are shown.")
            .replace("%1", str(len(preview.headers)))
            .replace("%2", str(len(preview.rows)))
        )
        self.table.clear()
        self.table.setColumnCount(len(preview.headers))
        self.table.setRowCount(len(preview.rows))
        self.table.setHorizontalHeaderLabels(list(preview.headers))
        for r, row in enumerate(preview.rows):
            for c, value in enumerate(row[: len(preview.headers)]):
                item = QTableWidgetItem(" ".join(value.split())[:120])
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.table.columnCount()):
            if header.sectionSize(column) > 260:
                header.resizeSection(column, 260)


class MappingPage(QWizardPage):
    def __init__(self, wizard: CsvImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Which column holds what"))
        labels = {
            "name": self.tr("&Name:"),
            "last_name": self.tr("&Last name (if split):"),
            "email": self.tr("&Email:"),
            "phone": self.tr("&Phone:"),
            "message": self.tr("&Message:"),
            "subject": self.tr("&Subject:"),
            "submitted_at": self.tr("Sent &at:"),
        }
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for key in MAPPED_FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"map_{key}")
            combo.currentIndexChanged.connect(self._changed)
            self.combos[key] = combo
            form.addRow(labels[key], combo)
        self.extra = QListWidget()
        self.extra.setAccessibleName(self.tr("Other columns to keep"))
        self.extra.setMaximumHeight(180)
        extra_label = QLabel(self.tr("&Keep these other columns with the message:"))
        extra_label.setBuddy(self.extra)
        self.remembered = styled_label(style=OK_STYLE)
        self.error = styled_label(style=ERROR_STYLE)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(self.remembered)
        left.addLayout(form)
        left.addWidget(self.error)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(extra_label)
        right.addWidget(self.extra)
        right.addWidget(
            styled_label(self.tr("They are listed below the message as “Column: value”."))
        )
        right.addStretch(1)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def initializePage(self) -> None:
        preview = self.owner.preview
        if preview is None:
            return
        start = preview.mapping
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for header in preview.headers:
                combo.addItem(header, header)
            chosen = getattr(start, key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            combo.blockSignals(False)
        self.extra.clear()
        for header in preview.headers:
            item = QListWidgetItem(header)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if header in start.extra else Qt.CheckState.Unchecked
            )
            self.extra.addItem(item)
        self.remembered.setText(
            self.tr("As you mapped “%1” last time.").replace("%1", self.owner.form_name)
            if preview.remembered
            else ""
        )
        self.remembered.setVisible(preview.remembered)
        self.setSubTitle(
            self.tr("Guessed from the column names; change what is wrong.")
            if not preview.remembered
            else self.tr("Remembered from the last import of this form.")
        )
        self._changed()

    def mapping(self) -> ColumnMapping:
        chosen = {key: combo.currentData() for key, combo in self.combos.items()}
        used = {value for value in chosen.values() if value}
        extra = []
        for index in range(self.extra.count()):
            item = self.extra.item(index)
            if item.checkState() == Qt.CheckState.Checked and item.text() not in used:
                extra.append(item.text())
        return ColumnMapping(
            name=chosen["name"],
            email=chosen["email"],
            phone=chosen["phone"],
            message=chosen["message"],
            submitted_at=chosen["submitted_at"],
            subject=chosen["subject"],
            last_name=chosen["last_name"],
            extra=tuple(extra),
        )

    def _changed(self, _index: int = 0) -> None:
        used = {combo.currentData() for combo in self.combos.values()}
        for index in range(self.extra.count()):
            item = self.extra.item(index)
            item.setHidden(item.text() in used)
        self.completeChanged.emit()
        self.error.setText(
            ""
            if self.isComplete()
            else self.tr("Choose at least the name, email or phone column: who wrote it.")
        )

    def isComplete(self) -> bool:
        return any(self.combos[key].currentData() for key in ("name", "email", "phone"))


class CsvImportWizard(QWizard):
    """Emits ``imported(ImportSummary)`` once the import is stored, ``failed(message)``
    when it was refused (nothing stored)."""

    imported = Signal(object)
    failed = Signal(str)

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.preview: CsvImportPreview | None = None
        self.path = Path()
        self.form_name = ""
        self.summary: ImportSummary | None = None
        self.task: ProgressTask | None = None
        self.setWindowTitle(self.tr("Import form submissions (CSV)"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.mapping_page = MappingPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.preview_page, self.mapping_page, self.import_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.mapping_page.setCommitPage(True)
        self.resize(820, 560)

    def start_import(self) -> None:
        path, form, mapping = self.path, self.form_name, self.mapping_page.mapping()
        older = self.file_page.resolve_older_than()
        forms = self.services.forms

        def job(report: Callable[[int, int], None], cancel: threading.Event) -> ImportSummary:
            return forms.import_csv(
                path,
                mapping=mapping,
                form_name=form,
                progress=report,
                cancel=cancel,
                resolve_older_than_days=older,
            )

        self.task = self.runner.run_progress_task(job, self._done, self._failed)
        self.task.progressed.connect(self.import_page.show_progress)

    def cancel_import(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closed half-way: stop between two batches; what was stored stays.
        self.cancel_import()
        super().closeEvent(event)

    def reject(self) -> None:
        self.cancel_import()
        super().reject()

    def _done(self, summary: ImportSummary) -> None:
        self.task = None
        self.summary = summary
        self.import_page.show_summary(summary)
        self.imported.emit(summary)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        message = str(error) if isinstance(error, ServiceError) else repr(error)
        self.import_page.show_error(message)
        self.failed.emit(message)

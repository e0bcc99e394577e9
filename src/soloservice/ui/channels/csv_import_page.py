"""The CSV wizard's last page: the import itself, with a progress bar and a Stop button.

A 6,000-row export takes about a minute. The service stores it in batches (services/form_csv.py)
and reports after each one; this page shows "Importing stor.csv: 1,250 of 6,000 rows…" and a
Stop that ends the import between two batches, keeping what was stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from soloservice.services.import_summary import ImportSummary
from soloservice.ui.channels.common import summary_lines
from soloservice.ui.style import ERROR_STYLE, HINT_STYLE, OK_STYLE

if TYPE_CHECKING:
    from soloservice.ui.channels.csv_wizard import CsvImportWizard


def number(value: int) -> str:
    """6,046 / 6.046: the founder's way of writing big numbers (grouped even in the C
    locale, which leaves the separator out by default)."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
    return locale.toString(value)


class ImportPage(QWizardPage):
    def __init__(self, wizard: CsvImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Import"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("importStatus")
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setRange(0, 0)
        self.stop_button = QPushButton(self.tr("S&top import"))
        self.stop_button.setToolTip(
            self.tr("Stop after the rows being stored now; what was imported is kept")
        )
        self.stop_button.clicked.connect(self.stop)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Import summary"))
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.report, 1)
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        self.report.clear()
        self.status.setStyleSheet(HINT_STYLE)
        self.status.setText(self.tr("Importing %1…").replace("%1", self.owner.path.name))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.stop_button.setVisible(True)
        self.stop_button.setEnabled(True)
        self.completeChanged.emit()
        self.owner.start_import()

    def show_progress(self, done: int, total: int) -> None:
        if self.done:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))
        self.status.setText(
            self.tr("Importing %1: %2 of %3 rows…")
            .replace("%1", self.owner.path.name)
            .replace("%2", number(done))
            .replace("%3", number(total))
        )

    def stop(self) -> None:
        if self.done:
            return
        self.owner.cancel_import()
        self.stop_button.setEnabled(False)
        self.status.setText(self.tr("Stopping after the rows being stored now…"))

    def _finish(self) -> None:
        self.done = True
        self.progress.setVisible(False)
        self.stop_button.setVisible(False)
        self.completeChanged.emit()

    def show_summary(self, summary: ImportSummary) -> None:
        self._finish()
        self.status.setStyleSheet(OK_STYLE + "font-weight:bold;")
        if summary.cancelled:
            self.status.setStyleSheet(ERROR_STYLE + "font-weight:bold;")
            text = (
                self.tr(
                    "Stopped: %1 of %2 rows were imported. Import the same file again to add "
                    "the rest; rows already imported are skipped."
                )
                .replace("%1", number(summary.new_inquiries + summary.duplicates))
                .replace("%2", number(summary.total))
            )
        elif summary.new_inquiries == 0 and summary.duplicates:
            text = self.tr("Nothing new: every row was imported before.")
        else:
            text = self.tr("Imported: %1 new inquiries.").replace(
                "%1", number(summary.new_inquiries)
            )
        if summary.resolved:
            text += " " + self.tr("%1 older entries were marked as already answered.").replace(
                "%1", number(summary.resolved)
            )
        self.status.setText(text)
        self.report.setPlainText("\n".join(summary_lines(summary)))

    def show_error(self, message: str) -> None:
        self._finish()
        self.status.setStyleSheet(ERROR_STYLE + "font-weight:bold;")
        self.status.setText(self.tr("Nothing was imported: %1").replace("%1", message))

    def isComplete(self) -> bool:
        return self.done

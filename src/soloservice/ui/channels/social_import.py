"""File > Import > Facebook / Instagram / X export: a "Download your information" folder or
zip, or the X archive, imported on the worker.

When the export does not say which participant is the business, the dialog lists the
candidates and imports again with the one picked; nothing is stored before that.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.types import Channel
from soloservice.services.errors import ServiceError
from soloservice.services.import_summary import ImportSummary
from soloservice.services.registry import Services
from soloservice.services.social import OwnerNeeded
from soloservice.ui.channels.common import styled_label, summary_lines
from soloservice.ui.channels.platforms import platform_name
from soloservice.ui.style import ERROR_STYLE, HINT_STYLE, OK_STYLE
from soloservice.ui.tasks import TaskRunner


class SocialImportDialog(QDialog):
    """Emits ``imported(ImportSummary)`` after a successful import."""

    imported = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        platform: Channel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.platform = platform
        self.busy = False
        self.summary: ImportSummary | None = None
        name = platform_name(platform)
        self.setWindowTitle(self.tr("Import %1 export").replace("%1", name))
        how = {
            Channel.FACEBOOK: self.tr(
                "Facebook: Settings › Your information › Download your information, format "
                "JSON, messages of your Page. Pick the unpacked folder or the .zip."
            ),
            Channel.INSTAGRAM: self.tr(
                "Instagram: Settings › Accounts Center › Download your information, format "
                "JSON, messages. Pick the unpacked folder or the .zip."
            ),
            Channel.X: self.tr(
                "X: Settings › Your account › Download an archive of your data. Pick the "
                "unpacked folder or the .zip; direct messages are imported."
            ),
        }
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Folder or .zip of the export"))
        self.path_edit.textChanged.connect(self._path_changed)
        path_label = QLabel(self.tr("&Export:"))
        path_label.setBuddy(self.path_edit)
        self.folder_button = QPushButton(self.tr("&Folder…"))
        self.folder_button.clicked.connect(self.pick_folder)
        self.zip_button = QPushButton(self.tr("&Zip file…"))
        self.zip_button.clicked.connect(self.pick_zip)
        row = QHBoxLayout()
        row.addWidget(path_label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.folder_button)
        row.addWidget(self.zip_button)

        self.owner_label = QLabel(
            self.tr("Which of these is &you (the business)? Your messages count as replies.")
        )
        self.owner_label.setWordWrap(True)
        self.owner_list = QListWidget()
        self.owner_list.setMaximumHeight(120)
        self.owner_list.setAccessibleName(self.tr("Participants"))
        self.owner_label.setBuddy(self.owner_list)
        self.owner_list.itemActivated.connect(lambda _item: self.start())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Import summary"))
        self.report.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(styled_label(how.get(platform, ""), HINT_STYLE))
        layout.addLayout(row)
        layout.addWidget(self.owner_label)
        layout.addWidget(self.owner_list)
        layout.addWidget(self.status)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)
        self._show_owner_question(())
        self._path_changed("")
        self.resize(640, 300)

    def pick_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Unpacked export folder"))
        if path:
            self.path_edit.setText(path)

    def pick_zip(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Export archive"), "", self.tr("Zip archives (*.zip);;All files (*)")
        )
        if path:
            self.path_edit.setText(path)

    def _path_changed(self, text: str) -> None:
        self._show_owner_question(())
        self.import_button.setEnabled(bool(text.strip()) and not self.busy)

    def _show_owner_question(self, candidates: tuple[str, ...]) -> None:
        self.owner_list.clear()
        self.owner_list.addItems(list(candidates))
        self.owner_label.setVisible(bool(candidates))
        self.owner_list.setVisible(bool(candidates))
        if candidates:
            self.owner_list.setCurrentRow(0)
            self.owner_list.setFocus()

    def owner(self) -> str | None:
        if self.owner_list.count() == 0:
            return None
        item = self.owner_list.currentItem()
        return item.text() if item is not None else None

    def start(self) -> None:
        text = self.path_edit.text().strip()
        if not text or self.busy:
            return
        path, owner, platform = Path(text), self.owner(), self.platform
        importer = self.services.social_import
        self.busy = True
        self.import_button.setEnabled(False)
        self.report.setVisible(False)
        self._status(self.tr("Importing… (large exports take a while)"), HINT_STYLE)
        self.runner.run_task(
            lambda: importer.import_export(platform, path, owner), self._done, self._failed
        )

    def _done(self, summary: ImportSummary) -> None:
        self.busy = False
        self.summary = summary
        self.import_button.setEnabled(True)
        self._show_owner_question(())
        self._status(
            self.tr("Done: %1 new inquiries.").replace("%1", str(summary.new_inquiries))
            if summary.added
            else self.tr("Nothing new: everything in this export was imported before."),
            OK_STYLE,
        )
        self.report.setPlainText("\n".join(summary_lines(summary)))
        self.report.setVisible(True)
        self.close_button.setDefault(True)
        self.imported.emit(summary)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.import_button.setEnabled(True)
        if isinstance(error, OwnerNeeded):
            self._show_owner_question(error.candidates)
            self._status(
                self.tr("The export does not say which participant is you: pick one, then Import."),
                HINT_STYLE,
            )
            return
        message = str(error) if isinstance(error, ServiceError) else repr(error)
        self._status(self.tr("Nothing was imported: %1").replace("%1", message), ERROR_STYLE)

    def _status(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style + "font-weight:bold;")

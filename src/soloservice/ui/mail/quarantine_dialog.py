"""Tools > Quarantined mail: mail that did not become a customer message, and why.

Nothing fetched is ever dropped: a mail the parser could not understand, or one marked as an
auto-reply, waits here. The founder can read its raw source, try it again (after an update),
say "it is a customer's mail" for a wrongly flagged auto-reply, or save it as an .eml file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.errors import ServiceError
from soloservice.services.mail_sync import MailItemView
from soloservice.services.registry import Services
from soloservice.ui import formatting as fmt
from soloservice.ui.mail.common import MUTED_COLOR, result_html
from soloservice.ui.plain_text import plain_label, plain_tooltip
from soloservice.ui.tasks import TaskRunner

RAW_PREVIEW_CHARS = 200_000


def outcome_name(outcome: str) -> str:
    return {
        "quarantined": QCoreApplication.translate("QuarantineDialog", "Could not be read"),
        "auto": QCoreApplication.translate("QuarantineDialog", "Auto-reply / bounce"),
    }.get(outcome, outcome)


class QuarantineDialog(QDialog):
    """``changed`` after a mail was let in (the window reloads its list)."""

    changed = Signal()
    #: a reprocess finished (the new outcome as text) — tests wait on it
    reprocessed = Signal(str)

    #: Marked for pyside6-lupdate here, translated where the table is built.
    HEADERS = (
        QT_TRANSLATE_NOOP("QuarantineDialog", "Fetched"),
        QT_TRANSLATE_NOOP("QuarantineDialog", "Kind"),
        QT_TRANSLATE_NOOP("QuarantineDialog", "From"),
        QT_TRANSLATE_NOOP("QuarantineDialog", "Subject"),
        QT_TRANSLATE_NOOP("QuarantineDialog", "Reason"),
    )

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.items: list[MailItemView] = []
        self.working = False
        self.setWindowTitle(QCoreApplication.translate("QuarantineDialog", "Quarantined mail"))

        intro = QLabel(
            QCoreApplication.translate(
                "QuarantineDialog",
                "Mail that did not become a customer message. Nothing here is lost: read the "
                "source, try it again, or let it in as a customer's mail.",
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("QuarantineDialog", str(h)) for h in self.HEADERS]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(
            QCoreApplication.translate("QuarantineDialog", "Quarantined mail")
        )
        self.table.itemSelectionChanged.connect(self._selected)

        self.raw = QPlainTextEdit()
        self.raw.setReadOnly(True)
        self.raw.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.raw.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.raw.setAccessibleName(QCoreApplication.translate("QuarantineDialog", "Raw source"))
        self.raw.setPlaceholderText(
            QCoreApplication.translate(
                "QuarantineDialog", "The raw source of the selected mail shows here."
            )
        )

        self.reason = plain_label(QLabel())  # names the sender: never markup
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        source = QWidget()
        source_layout = QVBoxLayout(source)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_layout.addWidget(self.reason)
        source_layout.addWidget(self.raw, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(source)
        splitter.setSizes([240, 300])

        self.retry_button = QPushButton(
            QCoreApplication.translate("QuarantineDialog", "&Try again")
        )
        self.retry_button.setToolTip(
            QCoreApplication.translate(
                "QuarantineDialog", "Read the mail again with the current parser"
            )
        )
        self.customer_button = QPushButton(
            QCoreApplication.translate("QuarantineDialog", "It is a &customer's mail")
        )
        self.customer_button.setToolTip(
            QCoreApplication.translate(
                "QuarantineDialog",
                "Not an auto-reply: make it an inquiry (or add it to its conversation)",
            )
        )
        self.save_button = QPushButton(
            QCoreApplication.translate("QuarantineDialog", "Save .&eml…")
        )
        for button in (self.retry_button, self.customer_button, self.save_button):
            button.setAutoDefault(False)
        self.retry_button.clicked.connect(lambda: self.reprocess(False))
        self.customer_button.clicked.connect(lambda: self.reprocess(True))
        self.save_button.clicked.connect(self.save_eml)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty = QLabel(
            QCoreApplication.translate(
                "QuarantineDialog", "No quarantined mail — everything fetched was understood."
            )
        )
        self.empty.setStyleSheet(f"color:{MUTED_COLOR}")

        row = QHBoxLayout()
        row.addWidget(self.retry_button)
        row.addWidget(self.customer_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.result_label)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(900, 640)
        self.refresh()

    def refresh(self) -> None:
        selected = self.current()
        try:
            self.items = self.services.mail_sync.quarantined()
        except ServiceError as exc:
            self.items = []
            self.result_label.setText(result_html(False, str(exc)))
        tz = self.services.ctx.tz
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            values = (
                fmt.long_time(item.fetched_at, tz),
                outcome_name(item.outcome),
                item.from_addr,
                item.subject or QCoreApplication.translate("QuarantineDialog", "(no subject)"),
                item.reason,
            )
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(plain_tooltip(value))
                self.table.setItem(row, column, cell)
        self.empty.setVisible(not self.items)
        keep = next(
            (i for i, item in enumerate(self.items) if selected and item.id == selected.id), 0
        )
        if self.items:
            self.table.selectRow(keep)
        else:
            self.raw.clear()
        self._update_buttons()

    def current(self) -> MailItemView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def _update_buttons(self) -> None:
        item = self.current()
        for button in (self.retry_button, self.customer_button, self.save_button):
            button.setEnabled(item is not None and not self.working)

    def _selected(self) -> None:
        item = self.current()
        self._update_buttons()
        if item is None:
            self.raw.clear()
            self.reason.clear()
            return
        self.reason.setText(
            QCoreApplication.translate("QuarantineDialog", "Why: %1").replace("%1", item.reason)
        )
        try:
            raw = self.services.mail_sync.raw_of(item.id)
        except ServiceError as exc:
            self.raw.setPlainText(str(exc))
            return
        text = raw[:RAW_PREVIEW_CHARS].decode("utf-8", "replace")
        if len(raw) > RAW_PREVIEW_CHARS:
            text += "\n\n" + QCoreApplication.translate(
                "QuarantineDialog", "[… %1 more bytes; save the .eml to see everything]"
            ).replace("%1", str(len(raw) - RAW_PREVIEW_CHARS))
        self.raw.setPlainText(text)

    def reprocess(self, as_customer_mail: bool) -> None:
        item = self.current()
        if item is None or self.working:
            return
        self.working = True
        self._update_buttons()
        self.result_label.setText(
            QCoreApplication.translate("QuarantineDialog", "Reading the mail again…")
        )
        sync = self.services.mail_sync

        def done(outcome: object) -> None:
            self.working = False
            value = str(getattr(outcome, "value", outcome))
            let_in = value not in ("quarantined", "auto")
            text = (
                QCoreApplication.translate("QuarantineDialog", "Let in: %1").replace("%1", value)
                if let_in
                else QCoreApplication.translate(
                    "QuarantineDialog", "Still not readable (%1) — it stays here."
                ).replace("%1", value)
            )
            self.result_label.setText(result_html(let_in, text))
            self.refresh()
            if let_in:
                self.changed.emit()
            self.reprocessed.emit(value)

        def failed(error: BaseException) -> None:
            self.working = False
            self._update_buttons()
            self.result_label.setText(result_html(False, str(error)))
            self.reprocessed.emit("")

        self.runner.run_task(
            lambda: sync.reprocess(item.id, as_customer_mail=as_customer_mail), done, failed
        )

    def save_eml(self) -> None:
        item = self.current()
        if item is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("QuarantineDialog", "Save mail"),
            str(Path.home() / f"mail-{item.id}.eml"),
            QCoreApplication.translate("QuarantineDialog", "Mail files (*.eml)"),
        )
        if not name:
            return
        try:
            Path(name).write_bytes(self.services.mail_sync.raw_of(item.id))
        except (ServiceError, OSError) as exc:
            self.result_label.setText(result_html(False, str(exc)))
            return
        self.result_label.setText(
            result_html(
                True,
                QCoreApplication.translate("QuarantineDialog", "Saved to %1").replace("%1", name),
            )
        )

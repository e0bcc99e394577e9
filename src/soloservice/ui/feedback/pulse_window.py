"""The NPS pulse window: this month's customers to ask, sending with one action, the
12-month pulse NPS, and importing the customer base from a shop or accounting export.

Pulse NPS is shown here on its own, labelled as the customer base's, because it measures
something else than the satisfaction after complaints in the weekly review.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from soloservice.plurals import PluralContext
from soloservice.services.customer_import import ImportSummary
from soloservice.services.outbox_dto import OutboxResult
from soloservice.services.pulse import PulseProposal, PulseReport
from soloservice.services.registry import Services
from soloservice.services.survey_dto import SendSummary
from soloservice.ui.feedback.common import error_text
from soloservice.ui.feedback.proposal_model import ProposalColumn, ProposalModel
from soloservice.ui.feedback.pulse_chart import PulseChart
from soloservice.ui.headers import keep_titles_readable
from soloservice.ui.style import ERROR_STYLE
from soloservice.ui.tasks import ProgressTask, TaskRunner

feedback = PluralContext("feedback")


def send_text(summary: SendSummary, sent: OutboxResult | None) -> str:
    text = feedback.tr("Asked %n customer(s)", "", summary.queued)
    if sent is not None and sent.sent < summary.queued:
        text += "; " + QCoreApplication.translate("feedback", "%1 waiting in the outbox").replace(
            "%1", str(summary.queued - sent.sent)
        )
        if sent.errors:
            text += f" ({sent.errors[0]})"
    if summary.skip_reasons:
        text += "; " + QCoreApplication.translate("feedback", "not asked: %1").replace(
            "%1", "; ".join(summary.skip_reasons)
        )
    return text


def import_text(name: str, summary: ImportSummary) -> str:
    text = (
        QCoreApplication.translate("feedback", "Imported %1: %2 new, %3 updated, %4 unchanged")
        .replace("%1", name)
        .replace("%2", str(summary.created))
        .replace("%3", str(summary.updated))
        .replace("%4", str(summary.skipped))
    )
    if summary.errors:
        text += "\n" + feedback.tr(
            "%n row(s) could not be used: %1", "", len(summary.errors)
        ).replace("%1", "; ".join(summary.errors[:3]))
    if summary.warnings:
        text += "\n" + feedback.tr(
            "%n row(s) imported with something to check: %1", "", len(summary.warnings)
        ).replace("%1", "; ".join(summary.warnings[:3]))
    return text


class PulseWindow(QWidget):
    #: proposal and report were (re)read
    loaded = Signal()
    #: something was stored (questions queued, customers imported); the message is for the window
    changed = Signal(str)
    #: a send or import finished (the message shown)
    finished = Signal(str)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.services = services
        self.runner = runner
        self.report: PulseReport | None = None
        self.confirm_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(QCoreApplication.translate("feedback", "NPS pulse — SoloService"))
        self.resize(1180, 620)
        settings = services.ctx.settings

        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.explain = QLabel(
            QCoreApplication.translate(
                "feedback",
                "Customers not asked within the last %1 days, not opted out and without an "
                "open complaint. Untick anyone you would rather not ask now.",
            ).replace("%1", str(settings.rest_period_days))
        )
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("color:#6b7280;")

        self.model = ProposalModel(services.ctx.tz, settings.currency)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(
            QCoreApplication.translate("feedback", "Customers to ask this month")
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ProposalColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ProposalColumn.EMAIL, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(ProposalColumn.LAST_ASKED, 100)
        self.table.setColumnWidth(ProposalColumn.VALUE, 110)
        keep_titles_readable(self.table)

        self.send_button = QPushButton()
        self.send_button.setDefault(True)
        self.import_button = QPushButton(
            QCoreApplication.translate("feedback", "&Import customers from CSV…")
        )
        self.import_button.setToolTip(
            QCoreApplication.translate(
                "feedback",
                "Name, email, phone, annual revenue, customer since — "
                "from a shop or accounting export",
            )
        )
        self.refresh_button = QPushButton(QCoreApplication.translate("feedback", "&Refresh"))
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.status_line = QLabel()
        self.status_line.setObjectName("pulseStatus")
        self.status_line.setWordWrap(True)
        self.status_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.chart = QChart()
        self.pulse_chart = PulseChart(self.chart)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumWidth(460)
        self.nps_line = QLabel()
        self.nps_line.setObjectName("pulseNps")
        self.nps_line.setWordWrap(True)
        self.apart = QLabel(
            QCoreApplication.translate(
                "feedback",
                "NPS pulse (customer base): asked of customers at random, not after a case. "
                "Satisfaction after complaints is reported apart, in the weekly review.",
            )
        )
        self.apart.setWordWrap(True)
        self.apart.setStyleSheet("color:#6b7280;")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.explain)
        left_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        self.send_task: ProgressTask | None = None
        self.stop_button = QPushButton(QCoreApplication.translate("feedback", "S&top sending"))
        self.stop_button.setToolTip(
            QCoreApplication.translate("feedback", "The questions not sent yet wait in the outbox")
        )
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self.stop_sending)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.send_button)
        left_layout.addLayout(buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.chart_view, 1)
        right_layout.addWidget(self.nps_line)
        right_layout.addWidget(self.apart)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_line)

        self.model.checked_changed.connect(self._update_send)
        self.send_button.clicked.connect(self.ask_to_send)
        self.import_button.clicked.connect(self.choose_csv)
        self.refresh_button.clicked.connect(self.reload)
        close = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        close.activated.connect(self.close)
        self._update_send(0)
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        pulse = self.services.pulse

        def job() -> tuple[list[PulseProposal], PulseReport]:
            return pulse.propose(), pulse.report()

        self.runner.run_task(job, self._loaded, self._load_failed)

    def _loaded(self, result: tuple[list[PulseProposal], PulseReport]) -> None:
        proposals, report = result
        self.model.set_proposals(proposals)
        self.report = report
        if not proposals:
            self.heading.setText(
                QCoreApplication.translate("feedback", "Nobody left to ask this month")
            )
        else:
            self.heading.setText(
                feedback.tr("This month's pulse: %n customer(s) proposed", "", len(proposals))
            )
        self.pulse_chart.set_figures(report.months)
        nps = report.nps
        self.nps_line.setText(
            QCoreApplication.translate(
                "feedback", "12-month pulse NPS: %1 from %2 answers (%3 asked)"
            )
            .replace("%1", f"{nps:+.0f}" if nps is not None else "—")
            .replace("%2", str(report.answers))
            .replace("%3", str(report.asked))
        )
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        self._status(error_text(error), error=True)
        self.loaded.emit()

    def _update_send(self, count: int) -> None:
        self.send_button.setText(feedback.tr("&Send to %n customer(s)", "", count))
        self.send_button.setEnabled(count > 0)

    def _status(self, text: str, error: bool = False) -> None:
        self.status_line.setStyleSheet(ERROR_STYLE if error else "")
        self.status_line.setText(text)

    # -- sending ------------------------------------------------------------------------------

    def ask_to_send(self) -> None:
        """Confirm first: mail to customers cannot be taken back."""
        ids = self.model.checked_ids()
        if not ids:
            return
        question = feedback.tr(
            "Mail the 0–10 question to %n customer(s) now? This cannot be taken back.", "", len(ids)
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("feedback", "Send the NPS question"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.send(ids))
        box.finished.connect(lambda _r: setattr(self, "confirm_box", None))
        self.confirm_box = box
        box.open()

    def send(self, customer_ids: list[int]) -> None:
        pulse, outbox = self.services.pulse, self.services.outbox

        def job(
            report: Callable[[int, int], None], cancel: threading.Event
        ) -> tuple[SendSummary, OutboxResult | None]:
            summary = pulse.send(customer_ids)
            if not summary.queued:
                return summary, None
            # One mail at a time, so the window can say "Sending 3 of 10…" and Stop can
            # leave the rest in the outbox (it goes out with the next mail sync).
            surveys = set(summary.survey_ids)
            items = [v.id for v in outbox.pending() if v.survey_id in surveys]
            sent = failed = 0
            errors: list[str] = []
            report(0, len(items))
            for number, item in enumerate(items, start=1):
                if cancel.is_set():
                    break
                one = outbox.send_pending(only_id=item)
                sent, failed = sent + one.sent, failed + one.failed
                errors.extend(one.errors)
                report(number, len(items))
            waiting = len(items) - sent
            return summary, OutboxResult(sent, failed, waiting, tuple(errors))

        self.send_button.setEnabled(False)
        self._status(QCoreApplication.translate("feedback", "Sending…"))
        self.send_task = self.runner.run_network_progress_task(job, self._sent, self._failed)
        self.send_task.progressed.connect(self._send_progress)
        self.stop_button.setVisible(True)
        self.stop_button.setEnabled(True)

    def _send_progress(self, done: int, total: int) -> None:
        self._status(
            QCoreApplication.translate("feedback", "Sending %1 of %2…")
            .replace("%1", str(min(done + 1, total)))
            .replace("%2", str(total))
        )

    def stop_sending(self) -> None:
        if self.send_task is not None:
            self.send_task.cancel()
            self.stop_button.setEnabled(False)

    def _sent(self, result: tuple[SendSummary, OutboxResult | None]) -> None:
        self.send_task = None
        self.stop_button.setVisible(False)
        text = send_text(*result)
        self._status(text)
        self.reload()
        self.changed.emit(text)
        self.finished.emit(text)

    def _failed(self, error: BaseException) -> None:
        self.send_task = None
        self.stop_button.setVisible(False)
        text = error_text(error)
        self._status(text, error=True)
        self._update_send(self.model.checked_count())
        self.finished.emit(text)

    # -- importing ----------------------------------------------------------------------------

    def choose_csv(self) -> None:
        dialog = QFileDialog(
            self,
            QCoreApplication.translate("feedback", "Import customers from CSV"),
            str(Path.home()),
            QCoreApplication.translate("feedback", "CSV files (*.csv *.txt);;All files (*)"),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.import_csv)
        self.file_dialog = dialog
        dialog.open()

    def import_csv(self, path: str) -> None:
        importer = self.services.customer_import
        name = Path(path).name
        self._status(QCoreApplication.translate("feedback", "Importing %1…").replace("%1", name))
        self.import_button.setEnabled(False)

        def done(summary: ImportSummary) -> None:
            self.import_button.setEnabled(True)
            text = import_text(name, summary)
            self._status(text)
            self.reload()
            self.changed.emit(text)
            self.finished.emit(text)

        def failed(error: BaseException) -> None:
            self.import_button.setEnabled(True)
            text = (
                QCoreApplication.translate(
                    "feedback", "Could not import %1: %2 — nothing was stored."
                )
                .replace("%1", name)
                .replace("%2", error_text(error))
            )
            self._status(text, error=True)
            self.finished.emit(text)

        self.runner.run_task(lambda: importer.import_customers_csv(path), done, failed)

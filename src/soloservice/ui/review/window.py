"""The weekly review window.

One week at a time (default: the last full week): the figures per channel, where every number
opens the inquiries behind it; the iceberg, value at risk, remedies and the pulse in words;
the channel checklist to tick; and 12-week trend charts. The week is read on the worker pool
(``ui/tasks.py``) so paging through weeks never freezes the window.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.value import format_money
from soloservice.reports.charts import RENDER_HINTS, trend_charts
from soloservice.reports.labels import default_value_note, iceberg_text, month_name, tr
from soloservice.reports.pdf import write_review_pdf
from soloservice.services.checklist import ChannelStatus
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.services.review_dto import WeekPoint, WeekReview
from soloservice.ui.review.checklist_view import ChecklistTable
from soloservice.ui.review.figures_model import FiguresModel
from soloservice.ui.tasks import TaskRunner

TREND_WEEKS = 12


class FiguresView(QTableView):
    """Double-click or Enter on a number emits the inquiry ids behind it."""

    ids_activated = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.doubleClicked.connect(self._activate)

    def _activate(self, index: QModelIndex) -> None:
        model = self.model()
        if not index.isValid() or not isinstance(model, FiguresModel):
            return
        ids = model.ids_at(index)
        if ids:
            self.ids_activated.emit(ids)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


def _monday(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 1)


def _ids_link(text: str, ids: tuple[int, ...]) -> str:
    if not ids:
        return text
    return f'<a href="ids:{",".join(map(str, ids))}">{text}</a>'


class ReviewWindow(QWidget):
    #: the inquiry ids behind a clicked number; the main window shows them
    open_inquiries = Signal(list)
    #: a week (figures, trends and checklist) is on screen
    loaded = Signal()
    #: a hand-checked channel was ticked and the checklist reloaded
    checklist_changed = Signal()
    #: a background task failed (also shown in a message box)
    failed = Signal(str)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
        *,
        show_errors: bool = True,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.services = services
        self.ctx = services.ctx
        self.review_service = services.review
        self.checklist_service = services.checklist
        self.runner = runner or TaskRunner(self)
        self._show_errors = show_errors
        self._request = 0
        self.review: WeekReview | None = None
        self.trends: list[WeekPoint] = []
        self.statuses: list[ChannelStatus] = []
        self.year, self.week = self.review_service.last_full_week()

        self.setWindowTitle(tr("Weekly review"))
        self.resize(1320, 860)
        self._build()
        self.load_week(self.year, self.week)

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.prev_button = QPushButton(tr("◀ Previous week"))
        self.prev_button.setToolTip(tr("Previous week (Alt+Left)"))
        self.next_button = QPushButton(tr("Next week ▶"))
        self.next_button.setToolTip(tr("Next week (Alt+Right)"))
        self.last_full_button = QPushButton(tr("Last full week"))
        self.week_label = QLabel()
        font = self.week_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.week_label.setFont(font)
        self.week_label.setMinimumWidth(380)
        self.week_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.export_pdf_button = QPushButton(tr("Export PDF…"))
        self.export_csv_button = QPushButton(tr("Export CSV…"))
        for widget in (self.prev_button, self.week_label, self.next_button):
            bar.addWidget(widget)
        bar.addWidget(self.last_full_button)
        bar.addStretch(1)
        bar.addWidget(self.export_csv_button)
        bar.addWidget(self.export_pdf_button)
        outer.addLayout(bar)
        # After an export: where the file went, with links to open it or its folder.
        self.export_status = QLabel()
        self.export_status.setObjectName("exportStatus")
        self.export_status.setWordWrap(True)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.export_status.linkActivated.connect(self._open_link)
        self.export_status.setVisible(False)
        outer.addWidget(self.export_status)

        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)

        # The week: figures and summary on the left, checklist on the right.
        week_page = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = FiguresModel(self)
        self.table = FiguresView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        left_layout.addWidget(self.table)
        self.iceberg_label = QLabel()
        big = self.iceberg_label.font()
        big.setPointSizeF(big.pointSizeF() * 1.2)
        big.setBold(True)
        self.iceberg_label.setFont(big)
        self.iceberg_label.setWordWrap(True)
        self.value_label = QLabel()
        self.value_label.setWordWrap(True)
        self.remedy_label = QLabel()
        self.remedy_label.setWordWrap(True)
        self.pulse_label = QLabel()
        self.pulse_label.setWordWrap(True)
        summary = QFrame()
        summary.setFrameShape(QFrame.Shape.StyledPanel)
        summary_layout = QGridLayout(summary)
        summary_layout.addWidget(self.iceberg_label, 0, 0, 1, 2)
        summary_layout.addWidget(self.value_label, 1, 0, 1, 2)
        summary_layout.addWidget(self.remedy_label, 2, 0)
        summary_layout.addWidget(self.pulse_label, 2, 1)
        summary_layout.setColumnStretch(0, 1)
        summary_layout.setColumnStretch(1, 1)
        for label in (self.iceberg_label, self.value_label, self.remedy_label, self.pulse_label):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.linkActivated.connect(self._link)
        left_layout.addWidget(summary)
        left_layout.addStretch(1)
        week_page.addWidget(left)

        checklist_box = QGroupBox(tr("Channels to check"))
        box_layout = QVBoxLayout(checklist_box)
        hint = QLabel(
            tr("Tick each channel you can only check by hand once you have looked at it.")
        )
        hint.setWordWrap(True)
        box_layout.addWidget(hint)
        self.checklist = ChecklistTable(self.ctx.tz, self.ctx.now)
        box_layout.addWidget(self.checklist, 1)
        self.add_check_button = QPushButton(tr("Add a channel to check…"))
        box_layout.addWidget(self.add_check_button)
        week_page.addWidget(checklist_box)
        week_page.setStretchFactor(0, 3)
        week_page.setStretchFactor(1, 1)
        week_page.setSizes([880, 440])
        self.tabs.addTab(week_page, tr("This week"))

        charts_page = QWidget()
        grid = QGridLayout(charts_page)
        self.chart_views: list[QChartView] = []
        for i, chart in enumerate(trend_charts([])):
            view = QChartView(chart)
            view.setRenderHints(RENDER_HINTS)
            view.setMinimumSize(320, 220)
            grid.addWidget(view, i // 2, i % 2)
            self.chart_views.append(view)
        self.tabs.addTab(charts_page, tr("Trends, %1 weeks").replace("%1", str(TREND_WEEKS)))

        self.prev_button.clicked.connect(self.previous_week)
        self.next_button.clicked.connect(self.next_week)
        self.last_full_button.clicked.connect(self.show_last_full_week)
        self.export_pdf_button.clicked.connect(self._ask_pdf)
        self.export_csv_button.clicked.connect(self._ask_csv)
        self.table.ids_activated.connect(self.open_inquiries)
        self.checklist.tick_requested.connect(self.tick)
        self.add_check_button.clicked.connect(self._ask_new_check)
        QShortcut(QKeySequence("Alt+Left"), self, self.previous_week)
        QShortcut(QKeySequence("Alt+Right"), self, self.next_week)

    @property
    def charts(self) -> list[QChart]:
        return [view.chart() for view in self.chart_views]

    # -- weeks -------------------------------------------------------------------------------

    def _current_week(self) -> tuple[int, int]:
        iso = self.ctx.now().astimezone(self.ctx.tz).isocalendar()
        return iso.year, iso.week

    def _shift(self, weeks: int) -> tuple[int, int]:
        iso = (_monday(self.year, self.week) + timedelta(weeks=weeks)).isocalendar()
        return iso.year, iso.week

    def previous_week(self) -> None:
        self.load_week(*self._shift(-1))

    def next_week(self) -> None:
        target = self._shift(1)
        if _monday(*target) <= _monday(*self._current_week()):
            self.load_week(*target)

    def show_last_full_week(self) -> None:
        self.load_week(*self.review_service.last_full_week())

    def _week_text(self) -> str:
        monday = _monday(self.year, self.week)
        sunday = monday + timedelta(days=6)
        # Month names from the window's locale ("23.–29. nov. 2026"), never C's English ones.
        locale = QLocale()
        first = QDate(monday.year, monday.month, monday.day)
        last = QDate(sunday.year, sunday.month, sunday.day)
        if monday.month == sunday.month:
            span = f"{monday.day}–{locale.toString(last, 'd MMM yyyy')}"
        else:
            span = f"{locale.toString(first, 'd MMM')} – {locale.toString(last, 'd MMM yyyy')}"
        text = tr("Week %1, %2 · %3").replace("%1", str(self.week))
        text = text.replace("%2", str(self.year)).replace("%3", span)
        if (self.year, self.week) == self._current_week():
            text += " " + tr("(so far)")
        return text

    def load_week(self, year: int, week: int) -> None:
        self.year, self.week = year, week
        self.week_label.setText(self._week_text())
        self.next_button.setEnabled(_monday(year, week) < _monday(*self._current_week()))
        self._request += 1
        request = self._request
        review_service, checklist = self.review_service, self.checklist_service

        def work() -> tuple[WeekReview, list[WeekPoint], list[ChannelStatus]]:
            return (
                review_service.week(year, week),
                review_service.trends(TREND_WEEKS, until=(year, week)),
                checklist.status(),
            )

        def done(result: Any) -> None:
            if request == self._request:
                self._show(*result)

        self.runner.run_task(work, done, self._error)

    def _error(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, ServiceError) else f"{type(exc).__name__}: {exc}"
        self.failed.emit(message)
        if self._show_errors:
            QMessageBox.warning(self, tr("Weekly review"), message)

    # -- showing -----------------------------------------------------------------------------

    def _show(
        self, review: WeekReview, trends: list[WeekPoint], statuses: list[ChannelStatus]
    ) -> None:
        self.review, self.trends, self.statuses = review, trends, statuses
        self.model.set_review(review)
        self._fit_table()
        total = review.total
        self.iceberg_label.setText(
            _ids_link(iceberg_text(total.silent_unhappy), total.complaints.ids)
        )
        value = format_money(total.value_at_risk.value, review.currency)
        note = default_value_note(
            total.value_at_risk.value, total.value_at_risk_default.value,
            review.value_defaults, review.currency,
        )  # fmt: skip
        if note:
            guessed = format_money(total.value_at_risk_default.value, review.currency)
            note = note.replace(guessed, _ids_link(guessed, total.value_at_risk_default.ids), 1)
        self.value_label.setText(
            tr("Value at risk: %1 — the lifetime value of customers with an open complaint "
               "or an unhappy answer.").replace("%1", _ids_link(f"<b>{value}</b>",
                                                                 total.value_at_risk.ids))
            + (f" {note}" if note else "")
        )  # fmt: skip
        self.remedy_label.setText(self._remedy_text(review))
        self.pulse_label.setText(self._pulse_text(review))
        self.checklist.set_statuses(statuses)
        trend_charts(trends, self.charts)
        self.loaded.emit()

    def _fit_table(self) -> None:
        """As tall as its rows: the summary sits right under the numbers, not at the bottom."""
        table = self.table
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        if self.model.columnCount():
            total = self.model.columnCount() - 1
            header.setSectionResizeMode(total, QHeaderView.ResizeMode.ResizeToContents)
        rows = sum(table.rowHeight(r) for r in range(self.model.rowCount()))
        frame = 2 * table.frameWidth()
        table.setFixedHeight(rows + table.horizontalHeader().height() + frame + 2)

    def _remedy_text(self, review: WeekReview) -> str:
        remedies = review.remedies
        if not remedies.count:
            return tr("<b>Remedies:</b> none recorded this week.")
        parts = [
            f"{item.label} ×{item.count}: {format_money(item.cost, review.currency)}"
            for item in remedies.per_kind
        ]
        text = tr("<b>Remedies:</b> %1 — %2 in total.").replace(
            "%1", _ids_link(", ".join(parts), remedies.total.ids)
        )
        text = text.replace("%2", format_money(remedies.total.value, review.currency))
        satisfied = remedies.satisfied_percent.value
        if satisfied is not None:
            text += " " + tr("%1 % satisfied afterwards (%2 answers).").replace(
                "%1", f"{satisfied:.0f}"
            ).replace("%2", str(remedies.followup_answers))
        if remedies.wrote_again.value:
            text += " " + tr("%1 wrote again since.").replace(
                "%1", _ids_link(str(remedies.wrote_again.value), remedies.wrote_again.ids)
            )
        return text

    def _pulse_text(self, review: WeekReview) -> str:
        parts = []
        for month in review.pulse:
            if month.nps is None:
                parts.append(tr("%1: no answers yet").replace("%1", month_name(month.month)))
            else:
                parts.append(
                    tr("%1: NPS %2 from %3 answers")
                    .replace("%1", month_name(month.month))
                    .replace("%2", f"{month.nps:+.0f}")
                    .replace("%3", str(month.answers))
                )
        return tr("<b>NPS pulse</b> (customers asked at random): %1").replace(
            "%1", "; ".join(parts)
        )

    def _link(self, href: str) -> None:
        if href.startswith("ids:"):
            ids = [int(part) for part in href[4:].split(",") if part]
            if ids:
                self.open_inquiries.emit(ids)

    # -- checklist ---------------------------------------------------------------------------

    def tick(self, check_id: int, note: str = "") -> None:
        service = self.checklist_service

        def work() -> list[ChannelStatus]:
            service.tick(check_id, note)
            return service.status()

        def done(statuses: Any) -> None:
            self.statuses = list(statuses)
            self.checklist.set_statuses(self.statuses)
            self.checklist_changed.emit()

        self.runner.run_task(work, done, self._error)

    def add_check(self, name: str, url: str = "") -> None:
        service = self.checklist_service

        def work() -> list[ChannelStatus]:
            service.add(name, url=url)
            return service.status()

        def done(statuses: Any) -> None:
            self.statuses = list(statuses)
            self.checklist.set_statuses(self.statuses)
            self.checklist_changed.emit()

        self.runner.run_task(work, done, self._error)

    def _ask_new_check(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            tr("Add a channel to check"),
            tr("Name (e.g. Trustpilot reviews, voicemail, Facebook page posts):"),
        )
        if ok and name.strip():
            self.add_check(name.strip())

    # -- export ------------------------------------------------------------------------------

    def export_pdf(self, path: Path) -> Path:
        """Write the week on screen as a PDF (charts included); runs on the GUI thread
        because charts are graphics items."""
        if self.review is None:
            raise ServiceError(tr("the review is still loading"))
        return write_review_pdf(
            self.review,
            self.trends,
            Path(path),
            self.statuses,
            self.ctx.settings.business_name,
        )

    def export_csv(self, path: Path) -> Path:
        if self.review is None:
            raise ServiceError(tr("the review is still loading"))
        return self.review_service.to_csv(self.review, Path(path))

    def _ask_file(self, title: str, suffix: str, pattern: str) -> Path | None:
        default = f"review-{self.review.label if self.review else 'week'}.{suffix}"
        name, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / default), pattern)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(f".{suffix}")

    def _export(self, write: Callable[[Path], Path], path: Path | None) -> None:
        if path is None:
            return
        try:
            written = write(path)
        except (OSError, ServiceError) as exc:
            self._error(exc)
            return
        self.show_exported(Path(written))

    def show_exported(self, path: Path) -> None:
        """Say where the file went: a saved file nobody can find is a lost report."""
        file_url = QUrl.fromLocalFile(str(path)).toString()
        folder_url = QUrl.fromLocalFile(str(path.parent)).toString()
        open_file = tr("Open PDF") if path.suffix.lower() == ".pdf" else tr("Open file")
        self.export_status.setText(
            tr("Saved to %1 — %2 · %3")
            .replace("%1", html.escape(str(path)))
            .replace("%2", f'<a href="{file_url}">{html.escape(open_file)}</a>')
            .replace("%3", f'<a href="{folder_url}">{html.escape(tr("Open folder"))}</a>')
        )
        self.export_status.setToolTip(str(path))
        self.export_status.setVisible(True)

    def _open_link(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))

    def _ask_pdf(self) -> None:
        self._export(self.export_pdf, self._ask_file(tr("Export PDF"), "pdf", tr("PDF (*.pdf)")))

    def _ask_csv(self) -> None:
        self._export(self.export_csv, self._ask_file(tr("Export CSV"), "csv", tr("CSV (*.csv)")))


def open_review(services: Services, runner: TaskRunner | None = None) -> ReviewWindow:
    """What the main window's menu entry calls."""
    window = ReviewWindow(services, runner)
    window.show()
    return window


__all__ = ["FiguresView", "ReviewWindow", "open_review"]

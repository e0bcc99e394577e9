"""The weekly review window.

One week at a time (default: the last full week): the figures per channel, where every number
opens the inquiries behind it; the iceberg, value at risk, remedies and the pulse in words;
the channel checklist to tick; and 12-week trend charts. The week is read on the worker pool
(``ui/tasks.py``) so paging through weeks never freezes the window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from soloservice.reports.charts import RENDER_HINTS, trend_charts
from soloservice.services.checklist import ChannelStatus
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.services.review_dto import WeekPoint, WeekReview
from soloservice.ui.review.checklist_view import ChecklistTable
from soloservice.ui.review.exports import ReviewExports
from soloservice.ui.review.figures_model import FiguresModel
from soloservice.ui.review.figures_view import FiguresView
from soloservice.ui.review.summary import WeekSummary
from soloservice.ui.tasks import TaskRunner

TREND_WEEKS = 12


def _monday(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 1)


class ReviewWindow(ReviewExports, QWidget):
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

        self.setWindowTitle(QCoreApplication.translate("Review", "Weekly review"))
        self.resize(1320, 860)
        self._build()
        self.load_week(self.year, self.week)

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.prev_button = QPushButton(QCoreApplication.translate("Review", "◀ Previous week"))
        self.prev_button.setToolTip(
            QCoreApplication.translate("Review", "Previous week (Alt+Left)")
        )
        self.next_button = QPushButton(QCoreApplication.translate("Review", "Next week ▶"))
        self.next_button.setToolTip(QCoreApplication.translate("Review", "Next week (Alt+Right)"))
        self.last_full_button = QPushButton(QCoreApplication.translate("Review", "Last full week"))
        self.week_label = QLabel()
        font = self.week_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.week_label.setFont(font)
        self.week_label.setMinimumWidth(380)
        self.week_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.export_pdf_button = QPushButton(QCoreApplication.translate("Review", "Export PDF…"))
        self.export_csv_button = QPushButton(QCoreApplication.translate("Review", "Export CSV…"))
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
        summary = WeekSummary()
        summary.ids_activated.connect(self.open_inquiries)
        self.summary = summary
        self.iceberg_label = summary.iceberg_label
        self.value_label = summary.value_label
        left_layout.addWidget(summary)
        left_layout.addStretch(1)
        week_page.addWidget(left)

        checklist_box = QGroupBox(QCoreApplication.translate("Review", "Channels to check"))
        box_layout = QVBoxLayout(checklist_box)
        hint = QLabel(
            QCoreApplication.translate(
                "Review", "Tick each channel you can only check by hand once you have looked at it."
            )
        )
        hint.setWordWrap(True)
        box_layout.addWidget(hint)
        self.checklist = ChecklistTable(self.ctx.tz, self.ctx.now)
        box_layout.addWidget(self.checklist, 1)
        self.add_check_button = QPushButton(
            QCoreApplication.translate("Review", "Add a channel to check…")
        )
        box_layout.addWidget(self.add_check_button)
        week_page.addWidget(checklist_box)
        week_page.setStretchFactor(0, 3)
        week_page.setStretchFactor(1, 1)
        week_page.setSizes([880, 440])
        self.tabs.addTab(week_page, QCoreApplication.translate("Review", "This week"))

        charts_page = QWidget()
        grid = QGridLayout(charts_page)
        self.chart_views: list[QChartView] = []
        for i, chart in enumerate(trend_charts([])):
            view = QChartView(chart)
            view.setRenderHints(RENDER_HINTS)
            view.setMinimumSize(320, 220)
            grid.addWidget(view, i // 2, i % 2)
            self.chart_views.append(view)
        self.tabs.addTab(
            charts_page,
            QCoreApplication.translate("Review", "Trends, %1 weeks").replace(
                "%1", str(TREND_WEEKS)
            ),
        )

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
        text = QCoreApplication.translate("Review", "Week %1, %2 · %3").replace(
            "%1", str(self.week)
        )
        text = text.replace("%2", str(self.year)).replace("%3", span)
        if (self.year, self.week) == self._current_week():
            text += " " + QCoreApplication.translate("Review", "(so far)")
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
            QMessageBox.warning(
                self, QCoreApplication.translate("Review", "Weekly review"), message
            )

    # -- showing -----------------------------------------------------------------------------

    def _show(
        self, review: WeekReview, trends: list[WeekPoint], statuses: list[ChannelStatus]
    ) -> None:
        self.review, self.trends, self.statuses = review, trends, statuses
        self.model.set_review(review)
        self._fit_table()
        self.summary.show_review(review)
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

    # -- checklist ---------------------------------------------------------------------------

    def tick(self, check_id: int, note: str = "") -> None:
        service = self.checklist_service
        self._change_checklist(lambda: service.tick(check_id, note))

    def add_check(self, name: str, url: str = "") -> None:
        service = self.checklist_service
        self._change_checklist(lambda: service.add(name, url=url))

    def _change_checklist(self, change: Callable[[], object]) -> None:
        """Make the change on the worker, then show the checklist as it is now."""
        service = self.checklist_service

        def work() -> list[ChannelStatus]:
            change()
            return service.status()

        def done(statuses: Any) -> None:
            self.statuses = list(statuses)
            self.checklist.set_statuses(self.statuses)
            self.checklist_changed.emit()

        self.runner.run_task(work, done, self._error)

    def _ask_new_check(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("Review", "Add a channel to check"),
            QCoreApplication.translate(
                "Review", "Name (e.g. Trustpilot reviews, voicemail, Facebook page posts):"
            ),
        )
        if ok and name.strip():
            self.add_check(name.strip())


def open_review(services: Services, runner: TaskRunner | None = None) -> ReviewWindow:
    """What the main window's menu entry calls."""
    window = ReviewWindow(services, runner)
    window.show()
    return window


__all__ = ["ReviewWindow", "open_review"]

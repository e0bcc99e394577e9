"""The review as a PDF (A4): the figures on page one, the four trend charts on page two.

Charts are drawn straight into the PDF painter through a ``QGraphicsScene``, so they stay
vector graphics and print sharp. Needs a ``QApplication`` (charts are graphics widgets); one
is created if the caller (the CLI) has none. Written to a temporary file and renamed, so a
failed export never leaves half a PDF behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMarginsF, QRectF, Qt, QTime
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QApplication, QGraphicsScene

from soloservice.domain.value import format_money
from soloservice.plurals import ensure_english_plurals
from soloservice.reports.charts import RENDER_HINTS, trend_charts
from soloservice.reports.labels import (
    column_label,
    default_value_note,
    format_metric,
    iceberg_text,
    metric_label,
    month_name,
)
from soloservice.services.checklist import ChannelStatus
from soloservice.services.review_dto import COLUMN_KEYS, TOTAL, WeekPoint, WeekReview
from soloservice.services.review_export import METRICS
from soloservice.storage.files import atomic_path

RESOLUTION = 150
#: chart size in scene units (screen pixels at 96 dpi): the fonts read like on screen
CHART_SCENE_WIDTH = 700.0


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class _Page:
    """A cursor down the page; starts a new page when the next block does not fit."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        self.width = float(writer.width())
        self.height = float(writer.height())
        self.y = 0.0

    def ensure(self, height: float) -> None:
        if self.y + height > self.height and self.y > 0:
            self.writer.newPage()
            self.y = 0.0

    def text(self, text: str, font: QFont, color: str = "#000000", gap: float = 0.3) -> None:
        metrics = QFontMetricsF(font, self.writer)
        rect = metrics.boundingRect(
            QRectF(0, 0, self.width, 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        self.ensure(rect.height())
        self.painter.setFont(font)
        self.painter.setPen(QColor(color))
        self.painter.drawText(
            QRectF(0, self.y, self.width, rect.height()), int(Qt.TextFlag.TextWordWrap), text
        )
        self.y += rect.height() + metrics.height() * gap


def _figures_table(page: _Page, review: WeekReview) -> None:
    painter = page.painter
    font, bold = _font(7.5), _font(7.5, bold=True)
    metrics = QFontMetricsF(font, page.writer)
    row_height = metrics.height() * 1.7
    first = page.width * 0.22
    cell = (page.width - first) / len(COLUMN_KEYS)
    page.ensure(row_height * (len(METRICS) + 1))
    top = page.y
    painter.setFont(bold)
    painter.setPen(QColor("#000000"))
    align_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    align_left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    pad = metrics.averageCharWidth()
    for i, key in enumerate(COLUMN_KEYS):
        rect = QRectF(first + i * cell, top, cell - pad, row_height)
        painter.drawText(rect, align_right, column_label(key))
    y = top + row_height
    for r, metric in enumerate(METRICS):
        if r % 2 == 0:
            painter.fillRect(QRectF(0, y, page.width, row_height), QColor("#f1f3f6"))
        painter.setFont(font)
        painter.setPen(QColor("#000000"))
        painter.drawText(
            QRectF(pad, y, first - pad, row_height), align_left, metric_label(metric.key)
        )
        for i, key in enumerate(COLUMN_KEYS):
            column = review.column(key)
            value = metric.get(column).value
            text = format_metric(value, metric.unit, review.currency)
            cell_font = QFont(bold if key == TOTAL else font)
            while (
                QFontMetricsF(cell_font, page.writer).horizontalAdvance(text) > cell - 2 * pad
                and cell_font.pointSizeF() > 5
            ):
                cell_font.setPointSizeF(cell_font.pointSizeF() - 0.25)
            painter.setFont(cell_font)
            rect = QRectF(first + i * cell, y, cell - pad, row_height)
            painter.drawText(
                rect,
                align_right,
                text,
            )
        y += row_height
    painter.setPen(QPen(QColor("#9aa3ad"), 1.0))
    painter.drawLine(0, int(top + row_height), int(page.width), int(top + row_height))
    painter.drawLine(int(first + 6 * cell), int(top), int(first + 6 * cell), int(y))
    page.y = y + row_height * 0.8


def _summary(page: _Page, review: WeekReview, checklist: Sequence[ChannelStatus]) -> None:
    total = review.total
    body, heading = _font(9.5), _font(10.5, bold=True)
    page.text(iceberg_text(total.silent_unhappy), _font(11, bold=True))
    note = default_value_note(
        total.value_at_risk.value, total.value_at_risk_default.value, review.value_defaults,
        review.currency,
    )  # fmt: skip
    page.text(
        QCoreApplication.translate(
            "Review", "Value at risk: %1 (customers with open complaints or detractor answers)"
        ).replace("%1", format_money(total.value_at_risk.value, review.currency))
        + (f" {note}" if note else ""),
        body,
    )
    remedies = review.remedies
    page.text(QCoreApplication.translate("Review", "Remedies this week"), heading, gap=0.1)
    if remedies.count:
        lines = [
            f"{item.label} ×{item.count}: {format_money(item.cost, review.currency)}"
            for item in remedies.per_kind
        ]
        lines.append(
            QCoreApplication.translate("Review", "Total %1 for %2 remedies")
            .replace("%1", format_money(remedies.total.value, review.currency))
            .replace("%2", str(remedies.count))
        )
        satisfied = remedies.satisfied_percent.value
        if satisfied is not None:
            lines.append(
                QCoreApplication.translate("Review", "Satisfied afterwards: %1 % of %2 answers")
                .replace("%1", f"{satisfied:.0f}")
                .replace("%2", str(remedies.followup_answers))
            )
        lines.append(
            QCoreApplication.translate("Review", "Customers who wrote again since: %1").replace(
                "%1", str(remedies.wrote_again.value)
            )
        )
        page.text("\n".join(lines), body)
    else:
        page.text(QCoreApplication.translate("Review", "No remedies recorded this week."), body)
    page.text(
        QCoreApplication.translate("Review", "NPS pulse (asked customers, not complaints)"),
        heading,
        gap=0.1,
    )
    page.text(
        "\n".join(
            QCoreApplication.translate("Review", "%1: NPS %2 from %3 answers")
            .replace("%1", month_name(month.month))
            .replace("%2", "–" if month.nps is None else f"{month.nps:+.0f}")
            .replace("%3", str(month.answers))
            for month in review.pulse
        )
        or QCoreApplication.translate("Review", "No pulse answers."),
        body,
    )
    if checklist:
        zone = ZoneInfo(review.timezone)
        page.text(QCoreApplication.translate("Review", "Channels"), heading, gap=0.1)
        lines = []
        for status in checklist:
            seen = (
                status.last_checked_or_synced.astimezone(zone).strftime("%Y-%m-%d %H:%M")
                if status.last_checked_or_synced
                else QCoreApplication.translate("Review", "never")
            )
            flag = (
                QCoreApplication.translate("Review", " — not checked for over a week")
                if status.flagged
                else ""
            )
            error = f" — {status.errors_since}" if status.errors_since else ""
            lines.append(f"{status.name} ({status.kind}): {seen}{flag}{error}")
        page.text("\n".join(lines), body)


def _charts(page: _Page, trends: Sequence[WeekPoint]) -> None:
    page.writer.newPage()
    page.y = 0.0
    page.text(
        QCoreApplication.translate("Review", "Trends, last %1 weeks").replace(
            "%1", str(len(trends))
        ),
        _font(13, bold=True),
    )
    charts = trend_charts(trends)
    gap = page.height * 0.012
    height = (page.height - page.y - gap * (len(charts) - 1)) / len(charts)
    scene = QGraphicsScene()
    scale = page.width / CHART_SCENE_WIDTH
    for chart in charts:
        scene.addItem(chart)
        source = QRectF(0, 0, CHART_SCENE_WIDTH, height / scale)
        chart.setGeometry(source)
        scene.setSceneRect(source)
        target = QRectF(0, page.y, page.width, height)
        page.painter.setRenderHints(RENDER_HINTS)
        scene.render(page.painter, target, source)
        scene.removeItem(chart)
        page.y += height + gap


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _long_time(local: datetime) -> str:
    """ "Tue 24 Nov 2026 10:00", as the window's headers show times."""
    moment = QDateTime(_qdate(local.date()), QTime(local.hour, local.minute))
    return QLocale().toString(moment, "ddd d MMM yyyy HH:mm")


def write_review_pdf(
    review: WeekReview,
    trends: Sequence[WeekPoint],
    path: Path,
    checklist: Sequence[ChannelStatus] = (),
    business_name: str = "",
    protect: Path | None = None,
) -> Path:
    app = QApplication.instance()
    if app is None:  # the CLI: no GUI, so no translator installed by the app either
        app = QApplication([])
        ensure_english_plurals()
    path = Path(path)
    # A private temp file beside the target, renamed over it when complete; a target that
    # is not a regular file (/dev/full) is refused (storage/files.py).
    # ``protect``: the data dir, whose own files (the store, settings.json) are refused.
    with atomic_path(path, suffix=".pdf", protect=protect) as staged:
        temporary = str(staged)
        writer = QPdfWriter(temporary)
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(14, 14, 14, 14),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setTitle(
            QCoreApplication.translate("Review", "Weekly review %1").replace("%1", review.label)
        )
        writer.setCreator("SoloService")
        painter = QPainter(writer)
        try:
            page = _Page(writer, painter)
            zone = ZoneInfo(review.timezone)
            first = review.start.astimezone(zone).date()
            last = first + timedelta(days=6)
            title = QCoreApplication.translate("Review", "Weekly review %1").replace(
                "%1", review.label
            )
            if business_name:
                title = f"{business_name} — {title}"
            page.text(title, _font(16, bold=True), gap=0.1)
            page.text(
                QCoreApplication.translate("Review", "%1 to %2 · figures as of %3")
                .replace("%1", QLocale().toString(_qdate(first), "d MMM yyyy"))
                .replace("%2", QLocale().toString(_qdate(last), "d MMM yyyy"))
                .replace("%3", _long_time(review.now.astimezone(zone))),
                _font(9),
                "#555555",
                gap=0.8,
            )
            _figures_table(page, review)
            _summary(page, review, checklist)
            if trends:
                _charts(page, trends)
        finally:
            painter.end()
    return path

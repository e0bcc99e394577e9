"""The 12-week trend charts (QtCharts), shared by the window and the PDF.

A week without data is a gap, not a zero: each unbroken run of weeks is its own line segment
(with the same pen), so a quiet week never looks like an instant answer or a 0 % score.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from soloservice.domain.types import Channel
from soloservice.reports.labels import column_label
from soloservice.services.review_dto import WeekPoint

CHANNEL_COLORS = {
    Channel.EMAIL: "#3b6fb6",
    Channel.FORM: "#6a9f3a",
    Channel.PHONE: "#c77c1e",
    Channel.FACEBOOK: "#4a5fc1",
    Channel.INSTAGRAM: "#c2417a",
    Channel.X: "#444444",
}
BLUE, ORANGE, GREEN, PURPLE = "#3b6fb6", "#d9822b", "#3f8f4f", "#7a4eab"


def _categories(points: Sequence[WeekPoint]) -> list[str]:
    return [f"W{p.week:02d}" for p in points]


def _base(title: str, chart: QChart | None) -> QChart:
    """A fresh chart, or an existing one emptied (a chart view keeps its chart for life)."""
    if chart is None:
        chart = QChart()
    else:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
    chart.setTitle(title)
    font = QFont()
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setBackgroundRoundness(0)
    return chart


def _x_axis(chart: QChart, points: Sequence[WeekPoint]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(_categories(points))
    font = axis.labelsFont()
    font.setPointSizeF(max(6.0, font.pointSizeF() - 1))
    axis.setLabelsFont(font)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    return axis


def _y_axis(chart: QChart, low: float, high: float, fmt: str, title: str = "") -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(low, high)
    axis.setLabelFormat(fmt)
    axis.setTickCount(5)
    if title:
        axis.setTitleText(title)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
    return axis


def _lines(
    chart: QChart,
    points: Sequence[WeekPoint],
    value: Callable[[WeekPoint], float | None],
    name: str,
    color: str,
    axes: tuple[QBarCategoryAxis, QValueAxis],
    dashed: bool = False,
) -> None:
    """One legend entry; a new segment after every week without a value."""
    pen = QPen(QColor(color))
    pen.setWidthF(2.0)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    segments: list[list[tuple[int, float]]] = [[]]
    for i, point in enumerate(points):
        v = value(point)
        if v is None:
            if segments[-1]:
                segments.append([])
            continue
        segments[-1].append((i, v))
    first = True
    for segment in (s for s in segments if s):
        series = QLineSeries()
        series.setName(name)
        series.setPen(pen)
        series.setPointsVisible(True)
        for x, y in segment:
            series.append(float(x), y)
        chart.addSeries(series)
        series.attachAxis(axes[0])
        series.attachAxis(axes[1])
        if not first:
            for marker in chart.legend().markers(series):
                marker.setVisible(False)
        first = False
    if first:  # no value at all: keep the legend entry so the chart says what it would show
        series = QLineSeries()
        series.setName(name)
        series.setPen(pen)
        chart.addSeries(series)
        series.attachAxis(axes[0])
        series.attachAxis(axes[1])


def _ceiling(values: Sequence[float | None], minimum: float) -> float:
    """A top for a 5-tick axis (4 intervals) whose labels are round numbers."""
    top = max([v for v in values if v is not None] + [minimum])
    scale = 1.0
    while True:
        for step in (1.0, 2.0, 2.5, 5.0):
            if 4 * step * scale >= top:
                return 4 * step * scale
        scale *= 10


def first_response_chart(points: Sequence[WeekPoint], chart: QChart | None = None) -> QChart:
    chart = _base(QCoreApplication.translate("Review", "First response (business hours)"), chart)
    x = _x_axis(chart, points)
    top = _ceiling([p.first_response_p90_hours for p in points], 8.0)
    y = _y_axis(chart, 0, top, "%.0f h")
    _lines(
        chart,
        points,
        lambda p: p.first_response_median_hours,
        QCoreApplication.translate("Review", "Median"),
        BLUE,
        (x, y),
    )
    _lines(
        chart,
        points,
        lambda p: p.first_response_p90_hours,
        QCoreApplication.translate("Review", "90th percentile"),
        ORANGE,
        (x, y),
        True,
    )
    return chart


def promises_chart(points: Sequence[WeekPoint], chart: QChart | None = None) -> QChart:
    chart = _base(QCoreApplication.translate("Review", "Promises kept"), chart)
    x = _x_axis(chart, points)
    y = _y_axis(chart, 0, 100, "%.0f %%")
    _lines(
        chart,
        points,
        lambda p: p.promises_kept_percent,
        QCoreApplication.translate("Review", "Kept"),
        GREEN,
        (x, y),
    )
    return chart


def satisfaction_chart(points: Sequence[WeekPoint], chart: QChart | None = None) -> QChart:
    chart = _base(QCoreApplication.translate("Review", "Satisfaction and NPS (follow-ups)"), chart)
    x = _x_axis(chart, points)
    y = _y_axis(chart, -100, 100, "%.0f")
    _lines(
        chart,
        points,
        lambda p: p.satisfied_percent,
        QCoreApplication.translate("Review", "Satisfied %"),
        GREEN,
        (x, y),
    )
    _lines(
        chart,
        points,
        lambda p: p.nps,
        QCoreApplication.translate("Review", "NPS"),
        PURPLE,
        (x, y),
        True,
    )
    return chart


def volume_chart(points: Sequence[WeekPoint], chart: QChart | None = None) -> QChart:
    chart = _base(QCoreApplication.translate("Review", "Inquiries per channel"), chart)
    series = QStackedBarSeries()
    for channel in Channel:
        bar = QBarSet(column_label(channel.value))
        bar.setColor(QColor(CHANNEL_COLORS[channel]))
        bar.setBorderColor(QColor(CHANNEL_COLORS[channel]))
        bar.append([float(p.received_per_channel.get(channel.value, 0)) for p in points])
        series.append(bar)
    series.setBarWidth(0.7)
    chart.addSeries(series)
    x = _x_axis(chart, points)
    top = _ceiling([float(p.received) for p in points], 5.0)
    y = _y_axis(chart, 0, top, "%.0f")
    series.attachAxis(x)
    series.attachAxis(y)
    return chart


BUILDERS: tuple[Callable[[Sequence[WeekPoint], QChart | None], QChart], ...] = (
    first_response_chart,
    promises_chart,
    satisfaction_chart,
    volume_chart,
)


def trend_charts(
    points: Sequence[WeekPoint], charts: Sequence[QChart] | None = None
) -> list[QChart]:
    """First response, promises kept, satisfaction/NPS and volume, in that order; refills
    ``charts`` when given."""
    if charts is None:
        return [build(points, None) for build in BUILDERS]
    return [build(points, chart) for build, chart in zip(BUILDERS, charts, strict=True)]


RENDER_HINTS = QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing

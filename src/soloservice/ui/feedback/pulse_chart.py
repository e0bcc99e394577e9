"""The 12-month pulse NPS chart: one bar per month, its NPS above the bar and the number of
answers under it.

A month without answers has no NPS; its bar is empty (not a zero) and it says "–", so a quiet
month never reads as a neutral score. The figures are drawn into the chart's scene and moved
whenever the plot area changes, because a category axis cannot show two lines per month.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QValueAxis
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from soloservice.domain.pulse import MonthFigure

BAR_COLOR = QColor("#3b6fb6")
TEXT_COLOR = QColor("#374151")
MUTED_COLOR = QColor("#6b7280")


def month_name(figure: MonthFigure) -> str:
    # The years are in the title: "Jan 26" does not fit under a narrow bar.
    month = int(figure.month.split("-")[1])
    return QLocale().monthName(month, QLocale.FormatType.ShortFormat)


def answers_text(figure: MonthFigure) -> str:
    return (
        "–"
        if figure.answers == 0
        else QCoreApplication.translate("feedback", "n=%1").replace("%1", str(figure.answers))
    )


def nps_text(figure: MonthFigure) -> str:
    if figure.nps is None or figure.answers == 0:
        return ""
    return "0" if round(figure.nps) == 0 else f"{figure.nps:+.0f}"


class PulseChart:
    """Owns ``chart`` and the figures drawn on it; ``set_figures`` redraws everything."""

    def __init__(self, chart: QChart) -> None:
        self.chart = chart
        self.figures: tuple[MonthFigure, ...] = ()
        self.series: QBarSeries | None = None
        self.count_items: list[QGraphicsSimpleTextItem] = []
        self.value_items: list[QGraphicsSimpleTextItem | None] = []
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.legend().hide()
        font = QFont()
        font.setBold(True)
        chart.setTitleFont(font)
        # Axes live as long as the chart: removed axes leave their titles behind in the scene.
        self.x_axis = QBarCategoryAxis()
        self.x_axis.setTitleText(QCoreApplication.translate("feedback", "n = answers that month"))
        small = self.x_axis.titleFont()
        small.setBold(False)
        small.setPointSizeF(max(6.0, small.pointSizeF() - 1))
        self.x_axis.setTitleFont(small)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.y_axis = QValueAxis()
        self.y_axis.setRange(-100, 100)
        self.y_axis.setTickCount(5)
        self.y_axis.setLabelFormat("%d")
        self.y_axis.setTitleText(QCoreApplication.translate("feedback", "NPS"))
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        chart.plotAreaChanged.connect(self._place)
        self.set_figures(())

    def set_figures(self, figures: Sequence[MonthFigure]) -> None:
        chart = self.chart
        self.figures = tuple(figures)
        chart.removeAllSeries()
        for item in [*self.count_items, *(i for i in self.value_items if i is not None)]:
            scene = item.scene()
            if scene is not None:
                scene.removeItem(item)  # a removed item is no longer the chart's child
        self.count_items, self.value_items = [], []
        title = QCoreApplication.translate("feedback", "NPS pulse (customer base), last 12 months")
        if self.figures:
            title += f" · {self.figures[0].month} – {self.figures[-1].month}"
        chart.setTitle(title)

        bars = QBarSet(QCoreApplication.translate("feedback", "Pulse NPS"))
        bars.setColor(BAR_COLOR)
        bars.setBorderColor(BAR_COLOR.darker(120))
        for figure in self.figures:
            bars.append(figure.nps if figure.nps is not None and figure.answers else 0.0)
        self.series = QBarSeries()
        self.series.append(bars)
        chart.addSeries(self.series)
        self.x_axis.clear()
        self.x_axis.append([month_name(f) for f in self.figures])
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)
        self.y_axis.setRange(-100, 100)

        label_font = QFont()
        label_font.setPointSizeF(max(6.0, label_font.pointSizeF() - 1))
        for figure in self.figures:
            count = QGraphicsSimpleTextItem(answers_text(figure), chart)
            count.setFont(label_font)
            count.setBrush(QBrush(MUTED_COLOR))
            count.setZValue(10)
            self.count_items.append(count)
            text = nps_text(figure)
            value: QGraphicsSimpleTextItem | None = None
            if text:
                value = QGraphicsSimpleTextItem(text, chart)
                bold = QFont(label_font)
                bold.setBold(True)
                value.setFont(bold)
                value.setBrush(QBrush(TEXT_COLOR))
                value.setZValue(10)
            self.value_items.append(value)
        self._place(chart.plotArea())

    def _place(self, area: QRectF) -> None:
        if self.series is None or not self.figures or area.isEmpty():
            return
        for i, figure in enumerate(self.figures):
            top = self.chart.mapToPosition(QPointF(i, 0.0), self.series)
            count = self.count_items[i]
            box = count.boundingRect()
            count.setPos(top.x() - box.width() / 2, area.bottom() - box.height() - 2)
            value = self.value_items[i]
            if value is None or figure.nps is None:
                continue
            end = self.chart.mapToPosition(QPointF(i, figure.nps), self.series)
            vbox = value.boundingRect()
            y = end.y() - vbox.height() - 1 if figure.nps >= 0 else end.y() + 1
            value.setPos(end.x() - vbox.width() / 2, y)

    def answer_labels(self) -> list[str]:
        return [item.text() for item in self.count_items]

    def value_labels(self) -> list[str]:
        return [item.text() if item is not None else "" for item in self.value_items]

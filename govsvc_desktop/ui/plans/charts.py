"""Pictures of a plan: an indicator's before, target and quarterly values (QtCharts), and the
actions on a time line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from govsvc_desktop.domain.plans.model import ActionStatus, Indicator, PlanAction
from govsvc_desktop.ui import display

BEFORE_COLOUR = QColor("#8d6e63")
TARGET_COLOUR = QColor("#c62828")
QUARTER_COLOURS = ("#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#4e342e", "#37474f")


def indicator_series(ind: Indicator) -> list[tuple[str, float]]:
    """(label, value) of one indicator: before, target, then each quarter achieved."""
    bars: list[tuple[str, float]] = []
    if ind.before is not None:
        bars.append((display.label("پیش از بهبود"), ind.before))
    if ind.target is not None:
        bars.append((display.label("هدف"), ind.target))
    bars += [(display.quarter(q.quarter), q.value) for q in ind.achieved if q.value is not None]
    return bars


def indicator_unit(ind: Indicator) -> str:
    """The unit the value axis is in: the time unit for service time, else the indicator's."""
    if ind.time_unit_applies:
        return display.choice(ind.before_time_unit)
    return ind.unit or (display.label("ریال") if "ریال" in ind.kind.label_fa else "")


class IndicatorChart(QChartView):
    """An indicator's value before improvement and in each quarter as bars of their own colour,
    the target as a red line across them, a value axis with numbers and the unit, a legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.setAccessibleName(self.tr("Indicator chart"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a picture: its values are in the table beside it
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_indicator(None)

    def show_indicator(self, ind: Indicator | None) -> None:
        chart = QChart()
        chart.setLocale(QLocale())
        chart.setLocalizeNumbers(True)
        chart.setTitleFont(QFont("Vazirmatn", 10))
        chart.legend().setFont(QFont("Vazirmatn", 8))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        if ind is None or not indicator_series(ind):
            chart.legend().hide()
            chart.setTitle(self.tr("Choose an indicator with values to see its chart"))
            self.setChart(chart)
            self.bars = []
            self.setAccessibleDescription("")
            return
        self.bars = indicator_series(ind)
        columns: list[tuple[str, float, QColor]] = []
        if ind.before is not None:
            columns.append((self.bars[0][0], ind.before, BEFORE_COLOUR))
        achieved = [q for q in ind.achieved if q.value is not None]
        for i, q in enumerate(achieved):
            columns.append((display.quarter(q.quarter), float(q.value or 0),
                            QColor(QUARTER_COLOURS[i % len(QUARTER_COLOURS)])))
        # QtCharts does not mirror: a right-to-left window reads the columns from the right.
        shown = list(reversed(columns)) if self.isRightToLeft() else columns
        chart.setTitle(display.label(ind.label))
        series = QStackedBarSeries()  # one set per column: each its own colour and legend entry
        for name, value, colour in columns:
            bar = QBarSet(f"{name}: {display.number(value)}")
            bar.setColor(colour)
            for other, _v, _c in shown:
                bar.append(value if other == name else 0)
            series.append(bar)
        series.setLabelsVisible(False)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([name for name, _v, _c in shown] or [""])
        axis_x.setLabelsFont(QFont("Vazirmatn", 8))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        top = max([v for _n, v in self.bars] + [0.0])
        axis_y = QValueAxis()
        axis_y.setRange(0, top * 1.1 or 1)
        axis_y.setTickCount(6)
        axis_y.applyNiceNumbers()
        axis_y.setLabelFormat("%.0f" if axis_y.max() >= 10 else "%.1f")
        axis_y.setLabelsFont(QFont("Vazirmatn", 8))
        unit = indicator_unit(ind)
        if unit:
            axis_y.setTitleText(unit)
            axis_y.setTitleFont(QFont("Vazirmatn", 8))
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        if ind.target is not None:
            target = QLineSeries()
            target.setName(f"{display.label('هدف')}: {display.number(ind.target)}")
            pen = QPen(TARGET_COLOUR, 2.5, Qt.PenStyle.DashLine)
            target.setPen(pen)
            target.append(-0.5, ind.target)
            target.append(max(len(shown), 1) - 0.5, ind.target)
            chart.addSeries(target)
            target.attachAxis(axis_x)
            target.attachAxis(axis_y)
        self.setChart(chart)
        self.setAccessibleDescription("; ".join(f"{n}: {display.number(v)}" for n, v in self.bars))


_COLORS = {
    ActionStatus.DONE: QColor("#5a9e6f"),
    ActionStatus.IN_PROGRESS: QColor("#3d7ab8"),
    ActionStatus.NOT_STARTED: QColor("#9aa5b1"),
    ActionStatus.BLOCKED: QColor("#c9a227"),
    ActionStatus.CANCELLED: QColor("#cccccc"),
}


class ActionTimeline(QWidget):
    """Each action as a bar between its start and end; time runs right to left in a
    right-to-left window. Overdue actions are outlined in red, today is a dashed line."""

    ROW = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions: list[PlanAction] = []
        self.today = dt.date.today()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_actions(self, actions: list[PlanAction], today: dt.date) -> None:
        self.actions = [a for a in actions if a.start and a.end]
        self.today = today
        self.setMinimumHeight(self.ROW * max(1, len(self.actions)) + 30)
        self.update()

    def span(self) -> tuple[dt.date, dt.date] | None:
        if not self.actions:
            return None
        starts = [dt.date.fromisoformat(a.start or "") for a in self.actions]
        ends = [dt.date.fromisoformat(a.end or "") for a in self.actions]
        return min(starts), max(max(ends), min(starts) + dt.timedelta(days=1))

    def bar_rect(self, index: int) -> QRectF:
        """Where action ``index`` is drawn (tests check direction and order with it)."""
        span = self.span()
        assert span is not None
        first, last = span
        days = (last - first).days or 1
        width = self.width() - 20
        a = self.actions[index]
        x0 = 10 + width * (dt.date.fromisoformat(a.start or "") - first).days / days
        x1 = 10 + width * (dt.date.fromisoformat(a.end or "") - first).days / days
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            x0, x1 = self.width() - x1, self.width() - x0
        return QRectF(x0, 20 + index * self.ROW, max(x1 - x0, 3), self.ROW - 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        span = self.span()
        if span is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No dated actions yet"))
            return
        first, last = span
        painter.setFont(QFont("Vazirmatn", 8))
        start_side, end_side = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            start_side, end_side = end_side, start_side
        band = QRectF(0, 0, self.width(), 16)
        painter.drawText(band, Qt.AlignmentFlag.AlignAbsolute | start_side, display.date(first))
        painter.drawText(band, Qt.AlignmentFlag.AlignAbsolute | end_side, display.date(last))
        for i, action in enumerate(self.actions):
            rect = self.bar_rect(i)
            painter.setBrush(_COLORS[action.status])
            painter.setPen(QColor("#c0392b") if action.is_overdue(self.today) else Qt.PenStyle.NoPen)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(QColor("#ffffff") if action.status is not ActionStatus.CANCELLED else QColor("#333"))
            painter.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             f"{action.title} ({display.percent(action.percent_done / 100)})")
        if first <= self.today <= last:
            days = (last - first).days or 1
            x = 10 + (self.width() - 20) * (self.today - first).days / days
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                x = self.width() - x
            painter.setPen(Qt.PenStyle.DashLine)
            painter.drawLine(int(x), 16, int(x), self.height())

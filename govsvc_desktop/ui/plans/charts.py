"""Pictures of a plan: an indicator's before, target and quarterly values (QtCharts), and the
actions on a time line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain.calendar import format_jalali
from ...domain.persian import format_number
from ...domain.plan import ActionStatus, Indicator, PlanAction
from ...domain.quarters import quarter_label_fa


def indicator_series(ind: Indicator) -> list[tuple[str, float]]:
    """(label, value) bars of one indicator: before, target, then each quarter achieved."""
    bars: list[tuple[str, float]] = []
    if ind.before is not None:
        bars.append(("پیش از بهبود", ind.before))
    if ind.target is not None:
        bars.append(("هدف", ind.target))
    bars += [(quarter_label_fa(q.quarter), q.value) for q in ind.achieved if q.value is not None]
    return bars


class IndicatorChart(QChartView):
    """Before, target and achieved values of one indicator as bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.show_indicator(None)

    def show_indicator(self, ind: Indicator | None) -> None:
        chart = QChart()
        chart.legend().hide()
        chart.setTitleFont(QFont("Vazirmatn", 10))
        if ind is None or not indicator_series(ind):
            chart.setTitle(self.tr("Choose an indicator with values to see its chart"))
            self.setChart(chart)
            self.bars = []
            return
        self.bars = indicator_series(ind)
        # QtCharts does not mirror: a right-to-left window reads the bars from the right,
        # and values are written under each bar in Persian digits.
        shown = list(reversed(self.bars)) if self.isRightToLeft() else self.bars
        chart.setTitle(ind.label)
        values = QBarSet(ind.label)
        values.setColor(QColor("#3d7ab8"))
        for _label, value in shown:
            values.append(value)
        series = QBarSeries()
        series.append(values)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([f"{label}\n{format_number(value)}" for label, value in shown])
        axis_x.setLabelsFont(QFont("Vazirmatn", 8))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setRange(0, max(v for _, v in self.bars) * 1.15 or 1)
        axis_y.setLabelsVisible(False)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignRight)
        series.attachAxis(axis_y)
        self.setChart(chart)


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
        painter.drawText(band, Qt.AlignmentFlag.AlignAbsolute | start_side, format_jalali(first))
        painter.drawText(band, Qt.AlignmentFlag.AlignAbsolute | end_side, format_jalali(last))
        for i, action in enumerate(self.actions):
            rect = self.bar_rect(i)
            painter.setBrush(_COLORS[action.status])
            painter.setPen(QColor("#c0392b") if action.is_overdue(self.today) else Qt.PenStyle.NoPen)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(QColor("#ffffff") if action.status is not ActionStatus.CANCELLED else QColor("#333"))
            painter.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             f"{action.title} ({format_number(action.percent_done)}٪)")
        if first <= self.today <= last:
            days = (last - first).days or 1
            x = 10 + (self.width() - 20) * (self.today - first).days / days
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                x = self.width() - x
            painter.setPen(Qt.PenStyle.DashLine)
            painter.drawLine(int(x), 16, int(x), self.height())

"""Input widgets for Persian data: Jalali dates year first, rials with grouping, numbers in any
digits. Each shows the language's digits while typing and accepts Persian, Arabic or Latin ones;
each can say what is wrong with its text and what it expects."""

from __future__ import annotations

import datetime as dt
import re

import jdatetime
from PySide6.QtCore import QCalendar, QCoreApplication, QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPixmap, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

from govsvc_desktop.domain.calendar import JALALI_MONTHS, parse_jalali
from govsvc_desktop.domain.persian import parse_int, parse_number, to_ascii_digits
from govsvc_desktop.ui import display

_SHAPE = re.compile(r"^\s*(\d{1,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$")



def problem_style(widget: QWidget) -> str:
    """A red frame around a field with a problem that still shows where the focus is."""
    kind = type(widget).__mro__[[c.__module__.startswith("PySide6") for c in type(widget).__mro__].index(True)]
    name = kind.__name__
    return (f"{name} {{ border: 2px solid #c62828; background: #fff3f3; }} "
            f"{name}:focus {{ border: 3px solid #0b3d91; background: #ffffff; }}")


class _CheckedEdit(QLineEdit):
    """A line edit that knows whether its text parses, and marks itself when it does not."""

    valueChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self._reformat)

    def _parse(self, text: str) -> object:
        raise NotImplementedError  # pragma: no cover - every subclass parses

    def _format(self, value: object) -> str:
        raise NotImplementedError  # pragma: no cover

    def problem(self) -> str:
        """What is wrong with the text and the form expected; empty when it parses."""
        return "" if self.is_valid() else self._expected()

    def _expected(self) -> str:
        return QCoreApplication.translate("Inputs", "a number, for example {example}").format(example=display.number(1250))

    def is_valid(self) -> bool:
        text = self.text().strip()
        if not text:
            return True
        try:
            self._parse(text)
        except ValueError:
            return False
        return True

    def _edited(self, text: str) -> None:
        shown = display.digits(text)
        if shown != text:  # digits of the other script become the language's, as typed
            cursor = self.cursorPosition()
            self.setText(shown)
            self.setCursorPosition(cursor)
        self.setStyleSheet("" if self.is_valid() else problem_style(self))
        self.setToolTip(self.problem())
        self.valueChanged.emit()

    def _reformat(self) -> None:
        if self.text().strip() and self.is_valid():
            self.setText(self._format(self._parse(self.text().strip())))


def explain_date(text: str) -> str:
    """Why ``text`` is not a Jalali date, in words, with the expected form; empty if it is."""
    example = display.date(dt.date(2024, 6, 22))
    expected = QCoreApplication.translate("Inputs", "write the date as year/month/day, for example {example}").format(example=example)
    match = _SHAPE.match(to_ascii_digits(text))
    if not match:
        return expected
    year, month, day = (int(g) for g in match.groups())
    if not 1200 <= year <= 1600:
        return QCoreApplication.translate("Inputs", "the year {year} is not a Jalali year; {expected}").format(
            year=display.digits(str(year)), expected=expected)
    if not 1 <= month <= 12:
        return QCoreApplication.translate("Inputs", "there is no month {month}: months run from 1 to 12; {expected}").format(
            month=display.digits(str(month)), expected=expected)
    days = jdatetime.j_days_in_month[month - 1]
    if month == 12 and jdatetime.date(year, 1, 1).isleap():
        days = 30
    if not 1 <= day <= days:
        return QCoreApplication.translate("Inputs", "{month} {year} has {days} days, not {day}").format(
            month=display.label(JALALI_MONTHS[month - 1]) if display.persian() else f"Month {month}",
            year=display.digits(str(year)), days=display.digits(str(days)), day=display.digits(str(day)))
    return ""


def _calendar_icon() -> QIcon:
    """A small drawn calendar: themes are not there on every desktop the program runs on."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#37474f"))
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(2, 3, 12, 3, QColor("#c62828"))
    for x in (4, 7, 10):
        for y in (8, 11):
            painter.fillRect(x, y, 2, 2, QColor("#37474f"))
    painter.end()
    return QIcon(pixmap)


class JalaliCalendarPopup(QFrame):
    """A month of the Jalali calendar under a date field; Enter or a click picks the day."""

    picked = Signal(dt.date)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.calendar = QCalendarWidget()
        self.calendar.setCalendar(QCalendar(QCalendar.System.Jalali))
        locale = QLocale()
        self.calendar.setLocale(locale)
        self.calendar.setFirstDayOfWeek(locale.firstDayOfWeek())
        working = set(locale.weekdays())
        for day in Qt.DayOfWeek:  # the weekend of the locale (Friday in Iran) in red, not Qt's default
            form = QTextCharFormat()
            if day not in working:
                form.setForeground(QColor("#c62828"))
            self.calendar.setWeekdayTextFormat(day, form)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setAccessibleName(QCoreApplication.translate("Inputs", "Calendar"))
        self.calendar.activated.connect(self._picked)
        self.calendar.clicked.connect(self._picked)
        layout.addWidget(self.calendar)

    def _picked(self, day: QDate) -> None:
        self.picked.emit(dt.date(day.year(), day.month(), day.day()))
        self.close()


class JalaliDateEdit(_CheckedEdit):
    """A Jalali date typed or shown year first (۱۴۰۳/۰۴/۰۲), or picked from a Jalali calendar
    (the button, Alt+Down or F4); the value is a Gregorian date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(10)
        self.popup: JalaliCalendarPopup | None = None
        self.calendar_action = QAction(_calendar_icon(), QCoreApplication.translate("Inputs", "Choose from the calendar"), self)
        self.calendar_action.setToolTip(QCoreApplication.translate("Inputs", "Choose from the calendar (Alt+Down)"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.setAccessibleDescription(QCoreApplication.translate("Inputs", "Jalali date, year/month/day; Alt+Down opens a calendar"))

    def setEnabled(self, enabled: bool) -> None:
        super().setEnabled(enabled)
        self.calendar_action.setVisible(enabled)

    def setReadOnly(self, read_only: bool) -> None:
        super().setReadOnly(read_only)
        self.calendar_action.setVisible(not read_only)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        opens = (event.key() == Qt.Key.Key_F4 or (event.key() == Qt.Key.Key_Down
                 and event.modifiers() & Qt.KeyboardModifier.AltModifier))
        if opens and not self.isReadOnly():
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> JalaliCalendarPopup:
        popup = JalaliCalendarPopup(self)
        day = self.date() or dt.date.today()
        popup.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        popup.picked.connect(self.set_date)
        popup.adjustSize()
        corner = QPoint(self.width() - popup.width(), self.height()) if self.isRightToLeft() \
            else QPoint(0, self.height())
        popup.move(self.mapToGlobal(corner))
        popup.show()
        popup.calendar.setFocus()
        self.popup = popup
        return popup

    def _expected(self) -> str:
        return explain_date(self.text())

    def _parse(self, text: str) -> dt.date:
        return parse_jalali(text)

    def _format(self, value: object) -> str:
        assert isinstance(value, dt.date)
        return display.date(value)

    def date(self) -> dt.date | None:
        text = self.text().strip()
        return parse_jalali(text) if text and self.is_valid() else None

    def set_date(self, value: dt.date | None) -> None:
        self.setText(display.date(value))
        self.setStyleSheet("")
        self.setToolTip("")
        self.valueChanged.emit()

    def iso(self) -> str | None:
        day = self.date()
        return day.isoformat() if day else None

    def set_iso(self, value: str | None) -> None:
        self.setText(display.date(value) if value else "")
        self.setStyleSheet("")
        self.setToolTip("")


class RialEdit(_CheckedEdit):
    """A sum in rials, grouped with the language's separators (۱۲٬۵۰۰٬۰۰۰)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a minus sign stays on the left
        self.setAccessibleDescription(QCoreApplication.translate("Inputs", "Sum in rials"))

    def _expected(self) -> str:
        return QCoreApplication.translate("Inputs", "a whole number of rials, for example {example}").format(example=display.number(12500000))

    def _parse(self, text: str) -> int:
        return parse_int(text)

    def _format(self, value: object) -> str:
        assert isinstance(value, int)
        return display.number(value, isolate=False)

    def value(self) -> int | None:
        text = self.text().strip()
        return parse_int(text) if text and self.is_valid() else None

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else display.number(value, isolate=False))
        self.setStyleSheet("")


class NumberEdit(_CheckedEdit):
    """A count or a measure (decimals allowed when ``decimals``)."""

    def __init__(self, decimals: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a minus sign stays on the left
        self.decimals = decimals

    def _expected(self) -> str:
        if self.decimals:
            return QCoreApplication.translate("Inputs", "a number, for example {example}").format(example=display.number(2.5))
        return QCoreApplication.translate("Inputs", "a whole number, for example {example}").format(example=display.number(12))

    def _parse(self, text: str) -> float | int:
        return parse_number(text) if self.decimals else parse_int(text)

    def _format(self, value: object) -> str:
        assert isinstance(value, (int, float))
        return display.number(value, isolate=False)

    def value(self) -> float | int | None:
        text = self.text().strip()
        return self._parse(text) if text and self.is_valid() else None

    def set_value(self, value: float | int | None) -> None:
        self.setText("" if value is None else display.number(value, isolate=False))
        self.setStyleSheet("")

"""Input widgets for Persian data: Jalali dates year first, rials with grouping, numbers in any
digits. Each shows Persian digits and accepts Persian, Arabic or Latin ones."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.calendar import format_jalali, parse_jalali
from ...domain.persian import format_int, format_number, parse_int, parse_number

_INVALID = "border: 1px solid #c62828;"


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

    def is_valid(self) -> bool:
        text = self.text().strip()
        if not text:
            return True
        try:
            self._parse(text)
        except ValueError:
            return False
        return True

    def _edited(self) -> None:
        self.setStyleSheet("" if self.is_valid() else _INVALID)
        self.valueChanged.emit()

    def _reformat(self) -> None:
        if self.text().strip() and self.is_valid():
            self.setText(self._format(self._parse(self.text().strip())))


class JalaliDateEdit(_CheckedEdit):
    """A Jalali date typed or shown year first (۱۴۰۳/۰۴/۰۲); the value is a Gregorian date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("۱۴۰۳/۰۱/۰۱")
        self.setMaxLength(10)

    def _parse(self, text: str) -> dt.date:
        return parse_jalali(text)

    def _format(self, value: object) -> str:
        assert isinstance(value, dt.date)
        return format_jalali(value)

    def iso(self) -> str | None:
        text = self.text().strip()
        return parse_jalali(text).isoformat() if text and self.is_valid() else None

    def set_iso(self, value: str | None) -> None:
        self.setText(format_jalali(value) if value else "")
        self.setStyleSheet("")


class RialEdit(_CheckedEdit):
    """A sum in rials, grouped with Persian separators (۱۲٬۵۰۰٬۰۰۰)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("ریال")

    def _parse(self, text: str) -> int:
        return parse_int(text)

    def _format(self, value: object) -> str:
        assert isinstance(value, int)
        return format_int(value)

    def value(self) -> int | None:
        text = self.text().strip()
        return parse_int(text) if text and self.is_valid() else None

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else format_int(value))
        self.setStyleSheet("")


class NumberEdit(_CheckedEdit):
    """A count or a measure (decimals allowed when ``decimals``)."""

    def __init__(self, decimals: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decimals = decimals

    def _parse(self, text: str) -> float | int:
        return parse_number(text) if self.decimals else parse_int(text)

    def _format(self, value: object) -> str:
        assert isinstance(value, (int, float))
        return format_number(value)

    def value(self) -> float | int | None:
        text = self.text().strip()
        return self._parse(text) if text and self.is_valid() else None

    def set_value(self, value: float | int | None) -> None:
        self.setText("" if value is None else format_number(value))
        self.setStyleSheet("")

"""Widgets bound to record fields, chosen from the field's type, so one piece of code edits
every field and every repeated part of a passport (and of any other record dataclass).

Values go in and out in the JSON form of ``domain.codec`` (codes for choices, ISO dates,
lists of dicts), so the editor reads a record with ``to_dict`` and writes it with
``from_dict`` and never knows a field by name.
"""

from __future__ import annotations

import dataclasses
import re
import types
from typing import Any, Union, get_args, get_origin, get_type_hints

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.domain.choices import Choice
from govsvc_desktop.domain.passport.labels import FIELD_HELP, PART_FIELDS, PASSPORT_FIELDS
from govsvc_desktop.domain.passport.model import DATE_FIELDS as PASSPORT_DATE_FIELDS
from govsvc_desktop.domain.passport.model import (
    LONG_TEXT_FIELDS,
    PART_DATE_FIELDS,
    READ_ONLY_FIELDS,
)
from govsvc_desktop.ui import display
from govsvc_desktop.ui.keyboard import cell_name
from govsvc_desktop.ui.widgets.inputs import JalaliDateEdit, NumberEdit, RialEdit, problem_style
from govsvc_desktop.ui.widgets.tables import fit_columns, remember_widths

LONG_TEXT = frozenset(LONG_TEXT_FIELDS)
DATE_FIELDS = frozenset(PASSPORT_DATE_FIELDS + PART_DATE_FIELDS)
MOMENT_FIELDS = frozenset({"created_at", "updated_at"})
READ_ONLY = frozenset(READ_ONLY_FIELDS)
_INDEX = re.compile(r"^\[(\d+)\]\.?(.*)$")


class Binding(QObject):
    """One field: its widget, its value in JSON form, problem marks and focus."""

    changed = Signal()

    def __init__(self, name: str, widget: QWidget) -> None:
        super().__init__(widget)
        self.name = name
        self.widget = widget
        self.help = ""

    def describe(self, text: str) -> None:
        """What the field means, read after its name where the label alone does not say it."""
        how = self.widget.accessibleDescription()  # how to type it, for dates and sums
        self.help = f"{text} {how}".strip()
        self.widget.setAccessibleDescription(self.help)

    def name_for(self, text: str) -> None:
        """The accessible name screen readers say for this field."""
        self.widget.setAccessibleName(text)

    def reason(self, subpath: str = "") -> str:
        """What is wrong with the text at ``subpath`` and the form expected ('' when nothing)."""
        return ""

    def get(self) -> Any:
        raise NotImplementedError  # pragma: no cover - every binding reads its widget

    def set(self, value: Any) -> None:
        raise NotImplementedError  # pragma: no cover

    def invalid(self) -> list[str]:
        """Sub-paths (relative to this field) holding text that does not parse."""
        return []

    def mark(self, messages: dict[str, list[str]]) -> None:
        """Shows problems: ``messages`` maps sub-path ('' for the field itself) to messages."""
        own = messages.get("", [])
        self.widget.setStyleSheet(problem_style(self.widget) if own else "")
        self.widget.setToolTip("\n".join(own))
        self.widget.setAccessibleDescription("\n".join(own) or self.help)

    def focus(self, subpath: str = "") -> QWidget:
        self.widget.setFocus()
        return self.widget


class TextBinding(Binding):
    def __init__(self, name: str, long: bool) -> None:
        widget: QLineEdit | QPlainTextEdit = QPlainTextEdit() if long else QLineEdit()
        super().__init__(name, widget)
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
            widget.setMinimumHeight(60)
            widget.textChanged.connect(self.changed)
        else:
            widget.textEdited.connect(self.changed)

    def get(self) -> str:
        w = self.widget
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()  # type: ignore[attr-defined]

    def set(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(value or "")
        else:
            w.setText(value or "")  # type: ignore[attr-defined]


class MomentBinding(Binding):
    """A moment the program records (created, last changed): shown local and Jalali, never
    edited, given back as stored."""

    def __init__(self, name: str) -> None:
        widget = QLineEdit()
        widget.setReadOnly(True)
        super().__init__(name, widget)
        self.value: Any = None

    def get(self) -> Any:
        return self.value

    def set(self, value: Any) -> None:
        self.value = value
        self.widget.setText(display.moment(value))  # type: ignore[attr-defined]


class ParsedBinding(Binding):
    """Dates, rials and numbers: text that must parse."""

    def __init__(self, name: str, widget: JalaliDateEdit | RialEdit | NumberEdit, optional: bool,
                 as_float: bool = False) -> None:
        super().__init__(name, widget)
        self.optional = optional
        self.as_float = as_float
        widget.valueChanged.connect(self.changed)

    def get(self) -> Any:
        w = self.widget
        if isinstance(w, JalaliDateEdit):
            return w.iso()
        value = w.value()  # type: ignore[attr-defined]
        if value is None:
            return None if self.optional else 0
        return float(value) if self.as_float else int(value)

    def set(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, JalaliDateEdit):
            w.set_iso(value)
        else:
            w.set_value(value)  # type: ignore[attr-defined]

    def invalid(self) -> list[str]:
        return [] if self.widget.is_valid() else [""]  # type: ignore[attr-defined]

    def reason(self, subpath: str = "") -> str:
        return str(self.widget.problem())  # type: ignore[attr-defined]


class BoolBinding(Binding):
    def __init__(self, name: str, label: str) -> None:
        super().__init__(name, QCheckBox(label))
        self.widget.toggled.connect(self.changed)  # type: ignore[attr-defined]

    def get(self) -> bool:
        return bool(self.widget.isChecked())  # type: ignore[attr-defined]

    def set(self, value: Any) -> None:
        self.widget.setChecked(bool(value))  # type: ignore[attr-defined]


class ChoiceBinding(Binding):
    def __init__(self, name: str, kind: type[Choice], optional: bool) -> None:
        combo = QComboBox()
        super().__init__(name, combo)
        if optional:
            combo.addItem(display.EMPTY, None)
        for member in kind:
            combo.addItem(display.choice(member), member.value)
        combo.currentIndexChanged.connect(self.changed)

    def get(self) -> Any:
        return self.widget.currentData()  # type: ignore[attr-defined]

    def set(self, value: Any) -> None:
        combo: QComboBox = self.widget  # type: ignore[assignment]
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))


class ChoiceSetBinding(Binding):
    """A checkbox group, as the paper form draws it."""

    def __init__(self, name: str, kind: type[Choice]) -> None:
        box = QWidget()
        super().__init__(name, box)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for member in kind:
            check = QCheckBox(display.choice(member))
            check.toggled.connect(self.changed)
            layout.addWidget(check)
            self.boxes[member.value] = check
        layout.addStretch()

    def get(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set(self, value: Any) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in (value or []))


class GroupBinding(Binding):
    """A small nested dataclass of flags (the electronic stages), as checkboxes in a row."""

    def __init__(self, name: str, kind: type) -> None:
        box = QWidget()
        super().__init__(name, box)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.parts = {f.name: make_binding(f.name, hint, PART_FIELDS)
                      for f, hint in _fields_with_hints(kind)}
        for part in self.parts.values():
            part.changed.connect(self.changed)
            layout.addWidget(part.widget)
        layout.addStretch()

    def get(self) -> dict[str, Any]:
        return {name: b.get() for name, b in self.parts.items()}

    def set(self, value: Any) -> None:
        for name, b in self.parts.items():
            b.set((value or {}).get(name))


class PartTableBinding(Binding):
    """A repeated part (laws, fees, steps…): one row per item, one cell widget per field."""

    def __init__(self, name: str, kind: type) -> None:
        box = QWidget()
        super().__init__(name, box)
        self.kind = kind
        self.columns = [(f.name, hint) for f, hint in _fields_with_hints(kind)]
        self.rows: list[dict[str, Binding]] = []
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([display.part_field(n) for n, _ in self.columns])
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(display.field(name))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        remember_widths(self.table, f"part-{name}")
        self.table.setMinimumHeight(140)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add row"), self.add_row), (self.tr("Remove row"), self.remove_row),
                           (self.tr("Move up"), lambda: self.move(-1)),
                           (self.tr("Move down"), lambda: self.move(1))):
            button = QPushButton(text)
            button.setAccessibleName(f"{text} — {display.field(name)}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)

    def add_row(self, values: dict[str, Any] | None = None) -> None:
        defaults = dataclasses.asdict(self.kind())
        if values is None and "order" in defaults:
            defaults["order"] = len(self.rows) + 1
        row = len(self.rows)
        self.table.insertRow(row)
        cells: dict[str, Binding] = {}
        for col, (name, hint) in enumerate(self.columns):
            binding = make_binding(name, hint, PART_FIELDS, in_table=True)
            value = (values or defaults).get(name, defaults.get(name))
            binding.set(value.value if isinstance(value, Choice) else value)
            binding.changed.connect(self.changed)
            self.table.setCellWidget(row, col, binding.widget)
            cells[name] = binding
        self.rows.append(cells)
        self._name_cells(row)
        self.fit()
        if values is None:
            self.changed.emit()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0 and self.rows:
            row = len(self.rows) - 1
        if row >= 0:
            self.table.removeRow(row)
            del self.rows[row]
            for later in range(row, len(self.rows)):
                self._name_cells(later)
            self.changed.emit()

    def _name_cells(self, row: int) -> None:
        """Each cell says its column and row: «شماره شبا، ردیف ۲»; a combo box gets the name
        through a hidden buddy label, the only way its name reaches a screen reader."""
        for name, _hint in self.columns:
            binding = self.rows[row][name]
            text = cell_name(display.part_field(name), row)
            binding.name_for(text)
            if isinstance(binding.widget, QComboBox):
                buddy = binding.widget.property("buddy_label")
                if not isinstance(buddy, QLabel):
                    buddy = QLabel(binding.widget.parentWidget())
                    buddy.hide()
                    buddy.setBuddy(binding.widget)
                    binding.widget.setProperty("buddy_label", buddy)
                buddy.setText(text)

    def fit(self) -> None:
        """Columns as wide as what they hold, the last one taking the rest."""
        fit_columns(self.table)

    def move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self.rows):
            return
        values = self.get()
        values[row], values[target] = values[target], values[row]
        self.set(values)
        self.table.setCurrentCell(target, 0)
        self.changed.emit()

    def get(self) -> list[dict[str, Any]]:
        return [{name: b.get() for name, b in cells.items()} for cells in self.rows]

    def set(self, value: Any) -> None:
        self.table.setRowCount(0)
        self.rows = []
        for item in value or []:
            self.add_row(item)
        self.fit()

    def invalid(self) -> list[str]:
        return [f"[{i}].{name}" for i, cells in enumerate(self.rows)
                for name, b in cells.items() if b.invalid()]

    def reason(self, subpath: str = "") -> str:
        where = self._split(subpath)
        if where and where[0] < len(self.rows) and where[1] in self.rows[where[0]]:
            return self.rows[where[0]][where[1]].reason()
        return ""

    def _split(self, subpath: str) -> tuple[int, str] | None:
        m = _INDEX.match(subpath)
        return (int(m.group(1)), m.group(2)) if m else None

    def mark(self, messages: dict[str, list[str]]) -> None:
        own = messages.get("", [])
        self.table.setStyleSheet("QTableWidget { border: 2px solid #c62828; }" if own else "")
        self.table.setToolTip("\n".join(own))
        self.table.setAccessibleDescription("\n".join(own))
        for cells in self.rows:
            for b in cells.values():
                b.mark({})
        for sub, texts in messages.items():
            where = self._split(sub)
            if where and where[0] < len(self.rows) and where[1] in self.rows[where[0]]:
                self.rows[where[0]][where[1]].mark({"": texts})

    def focus(self, subpath: str = "") -> QWidget:
        where = self._split(subpath)
        if where and where[0] < len(self.rows):
            name = where[1] if where[1] in self.rows[where[0]] else self.columns[0][0]
            col = [n for n, _ in self.columns].index(name)
            self.table.setCurrentCell(where[0], col)
            return self.rows[where[0]][name].focus()
        return super().focus()


def _optional(hint: Any) -> tuple[bool, Any]:
    if get_origin(hint) in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        return True, args[0]
    return False, hint


def _fields_with_hints(kind: type) -> list[tuple[dataclasses.Field[Any], Any]]:
    hints = get_type_hints(kind)
    return [(f, hints[f.name]) for f in dataclasses.fields(kind)]


def make_binding(name: str, hint: Any, labels: dict[str, str] = PASSPORT_FIELDS,
                 in_table: bool = False) -> Binding:
    """The binding a field of this name and type gets (single-line text inside tables)."""
    optional, inner = _optional(hint)
    label = display.label(labels.get(name, name))
    if get_origin(inner) is list:
        (item,) = get_args(inner)
        if isinstance(item, type) and issubclass(item, Choice):
            return ChoiceSetBinding(name, item)
        return PartTableBinding(name, item)
    if isinstance(inner, type) and dataclasses.is_dataclass(inner):
        return GroupBinding(name, inner)
    if isinstance(inner, type) and issubclass(inner, Choice):
        return ChoiceBinding(name, inner, optional)
    if inner is bool:
        return BoolBinding(name, label)
    if inner is int:
        widget: JalaliDateEdit | RialEdit | NumberEdit = RialEdit() if name.endswith("_rials") else NumberEdit()
        return ParsedBinding(name, widget, optional)
    if inner is float:
        return ParsedBinding(name, NumberEdit(decimals=True), optional, as_float=True)
    if name in DATE_FIELDS:
        return ParsedBinding(name, JalaliDateEdit(), optional)
    if name in MOMENT_FIELDS:
        return MomentBinding(name)
    return TextBinding(name, name in LONG_TEXT and not in_table)


def bindings_for(kind: type, labels: dict[str, str] = PASSPORT_FIELDS) -> dict[str, Binding]:
    result = {f.name: make_binding(f.name, hint, labels) for f, hint in _fields_with_hints(kind)}
    for name, binding in result.items():
        binding.name_for(display.label(labels.get(name, name)))
        if display.persian() and name in FIELD_HELP:  # the help is written in Persian only
            binding.describe(FIELD_HELP[name])
    return result

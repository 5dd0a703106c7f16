"""One dialog for the agency's simple records (licence, proposal, step, report, lesson): the
fields come from a list of specs, values go back to the record, and the service's problems
show under the form, each with the label the person sees."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.domain.errors import GovsvcError, ValidationError
from govsvc_desktop.ui import display
from govsvc_desktop.ui.widgets.inputs import JalaliDateEdit


@dataclass(frozen=True)
class FieldSpec:
    """A record attribute and how it is edited: text, multiline, date, choice or lines (a list
    edited one item per line through ``to_lines``/``from_lines``)."""

    name: str
    label: str
    kind: str = "text"
    choices: type[Any] | None = None
    optional: bool = False
    to_lines: Callable[[Any], list[str]] | None = None
    from_lines: Callable[[list[str]], Any] | None = None


def add_footer(dialog: QDialog, layout: QVBoxLayout, save: Callable[[], object]) -> QLabel:
    """The label where problems show in red, and Save / Cancel."""
    problems = QLabel()
    problems.setWordWrap(True)
    problems.setStyleSheet("color: #8a1c1c")
    layout.addWidget(problems)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return problems


class RecordDialog(QDialog):
    def __init__(self, title: str, specs: list[FieldSpec], record: Any,
                 save: Callable[[Any], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.specs = specs
        self.record = copy.deepcopy(record)
        self.save_record = save
        self.saved: Any = None
        self.widgets: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        for spec in specs:
            widget = self._widget(spec, getattr(self.record, spec.name))
            self.widgets[spec.name] = widget
            form.addRow(spec.label, widget)
        layout.addLayout(form)
        self.problems = add_footer(self, layout, self.save)
        self.resize(560, self.sizeHint().height())

    def _widget(self, spec: FieldSpec, value: Any) -> QWidget:
        if spec.kind == "multiline" or spec.kind == "lines":
            lines = spec.to_lines(value) if spec.to_lines else [value or ""]
            edit = QPlainTextEdit("\n".join(lines))
            edit.setMaximumHeight(90)
            return edit
        if spec.kind == "date":
            date = JalaliDateEdit()
            date.set_iso(value)
            return date
        if spec.kind == "check":
            box = QCheckBox()
            box.setChecked(bool(value))
            return box
        if spec.kind == "choice":
            assert spec.choices is not None
            combo = QComboBox()
            if spec.optional:
                combo.addItem("—", None)
            for member in spec.choices:
                combo.addItem(display.label(member.label_fa), member.value)
            combo.setCurrentIndex(max(0, combo.findData(value.value if value is not None else None)))
            return combo
        return QLineEdit("" if value is None else str(value))

    def widget(self, name: str) -> QWidget:
        return self.widgets[name]

    def _value(self, spec: FieldSpec) -> Any:
        w = self.widgets[spec.name]
        if isinstance(w, QPlainTextEdit):
            text = w.toPlainText()
            if spec.kind == "lines":
                lines = [line.strip() for line in text.splitlines() if line.strip()]
                return spec.from_lines(lines) if spec.from_lines else lines
            return text.strip()
        if isinstance(w, JalaliDateEdit):
            return w.iso()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            data = w.currentData()
            return None if data is None else spec.choices(data)  # type: ignore[misc]
        assert isinstance(w, QLineEdit)
        return w.text().strip()

    def save(self) -> Any:
        for spec in self.specs:
            setattr(self.record, spec.name, self._value(spec))
        try:
            self.saved = self.save_record(self.record)
        except ValidationError as exc:
            labels = {s.name: s.label.rstrip(":") for s in self.specs}
            self.problems.setText("\n".join(
                f"{labels.get(p.field_path.split('[')[0], p.field_path)}: {p.message_fa}"
                for p in exc.problems))
            return None
        except GovsvcError as exc:
            self.problems.setText(exc.message_fa)
            return None
        self.accept()
        return self.saved

"""Picking a value from an official reference list while typing: the suggestions are what the
reference service's Persian-normalised search gives (ي/ی, ZWNJ or space, digits folded), so
«كرمانشاه» finds «کرمانشاه». A value the list lacks may still be typed; the rules flag it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

Search = Callable[[str], list[str]]


class ReferencePicker(QCompleter):
    """A completer on ``edit`` whose suggestions come from ``search(text)``."""

    def __init__(self, edit: QLineEdit, search: Search, limit: int = 50) -> None:
        self.model_ = QStringListModel()
        super().__init__(self.model_, edit)
        self.search = search
        self.limit = limit
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(12)
        edit.setCompleter(self)
        edit.textEdited.connect(self.refresh)
        self.edit = edit

    def refresh(self, text: str | None = None) -> list[str]:
        """Recomputes the suggestions for the text typed; returns them (for the tests)."""
        found = self.search(self.edit.text() if text is None else text)[: self.limit]
        self.model_.setStringList(found)
        if found and self.edit.hasFocus():
            self.complete()
        return found

"""The passport editor: the form's sections as pages, problems shown at the field and in a
list that jumps to it, life-cycle actions, history, autosave and conflict handling.

All rules come from the services and the domain; this module only moves values between the
widgets and a ``ServicePassport``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenuBar,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStatusBar,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.bootstrap import App
from govsvc_desktop.config import autosave_dir
from govsvc_desktop.domain.codec import from_dict, to_dict
from govsvc_desktop.domain.errors import ConflictError, GovsvcError, Problem, ValidationError
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.domain.passport.validation import validate
from govsvc_desktop.domain.reference import PICKED_FIELDS
from govsvc_desktop.services.drafts import DraftStore
from govsvc_desktop.services.printing import passport_form, pdf_file_name
from govsvc_desktop.ui import display
from govsvc_desktop.ui.editor_attachments import AttachmentsPage
from govsvc_desktop.ui.editor_history import HistoryPage
from govsvc_desktop.ui.editor_lifecycle import LifecyclePanel
from govsvc_desktop.ui.editor_sections import SECTIONS, section_title
from govsvc_desktop.ui.fields import READ_ONLY, Binding, PartTableBinding, bindings_for
from govsvc_desktop.ui.keyboard import announce, leave_tables_with_tab, menu_of, name_tabs, shortcut
from govsvc_desktop.ui.merge_dialog import MergeDialog
from govsvc_desktop.ui.pdf_preview import PdfPreview
from govsvc_desktop.ui.widgets.reference_picker import ReferencePicker


class PassportEditor(QWidget):
    """A window editing one passport; ``saved`` is emitted after every successful write."""

    saved = Signal(str)

    def __init__(self, app: App, passport: ServicePassport, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.app = app
        self.service = app.passports
        self.drafts = DraftStore(autosave_dir())
        self.persian_digits = app.settings.persian_digits
        self.base = copy.deepcopy(passport)
        self.dirty = False
        self.bindings: dict[str, Binding] = bindings_for(ServicePassport)
        self.page_of: dict[str, int] = {}
        self.resize(1100, 760)
        self._build()
        self._attach_pickers()
        self._load(passport)
        self._validate_timer = QTimer(self, singleShot=True, interval=300)
        self._validate_timer.timeout.connect(self.refresh_problems)
        self._autosave = QTimer(self, interval=max(1, app.settings.autosave_seconds) * 1000)
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start()
        for binding in self.bindings.values():
            binding.changed.connect(self._changed)
        self.refresh_problems()
        if passport.revision == 0:
            self.first_field().setFocus()

    def first_field(self) -> QWidget:
        """The first field a person fills in: where a new editor puts the cursor."""
        return self.bindings[SECTIONS[0][1][0]].widget

    # building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QToolBar()
        self.save_action = bar.addAction(self.tr("&Save"), self.save)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.check_action = bar.addAction(self.tr("&Check rules"), self.check_rules)
        self.discard_action = bar.addAction(self.tr("&Discard changes"), self.discard_changes)
        self.print_action = bar.addAction(self.tr("&Print form…"), self.preview_form)
        layout.addWidget(bar)
        self.toolbar = bar
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.header)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.tabs = QTabWidget()
        for index, (key, names) in enumerate(SECTIONS):
            page = QWidget()
            form = QFormLayout(page)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for name in names:
                binding = self.bindings[name]
                binding.widget.setObjectName(f"field_{name}")
                if name in READ_ONLY:
                    binding.widget.setEnabled(False)
                form.addRow(display.field(name), binding.widget)
                self.page_of[name] = index
            if key == "lifecycle":
                self.lifecycle = LifecyclePanel(self.app)
                self.lifecycle.acted.connect(self._after_action)
                self.lifecycle.before_action = self._ensure_saved
                form.addRow(self.lifecycle)
            scroll = QScrollArea()
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, section_title(key))
        self.history = HistoryPage(self.app)
        self.tabs.addTab(self.history, self.tr("History"))
        self.attachments = AttachmentsPage(self.app)
        self.tabs.addTab(self.attachments, self.tr("Attachments"))
        splitter.addWidget(self.tabs)
        problems_box = QWidget()
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        self.problems_label = QLabel()
        problems_layout.addWidget(self.problems_label)
        self.problems = QListWidget()
        self.problems.itemActivated.connect(self._jump)
        self.problems.itemClicked.connect(self._jump)
        problems_layout.addWidget(self.problems)
        splitter.addWidget(problems_box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter)
        buttons = QHBoxLayout()
        self.status = QStatusBar()
        self.status.setSizeGripEnabled(False)
        buttons.addWidget(self.status, 1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._keyboard(layout)

    def _keyboard(self, layout: QVBoxLayout) -> None:
        """Every command in a menu with its keys; Escape and Ctrl+W close; screen-reader names."""
        shortcut(self.save_action, QKeySequence.StandardKey.Save)
        shortcut(self.check_action, "F7")
        shortcut(self.discard_action, "Ctrl+Shift+Z")
        shortcut(self.print_action, QKeySequence.StandardKey.Print)
        bar = QMenuBar()
        menu = menu_of(bar.addMenu(self.tr("&Passport")), self.toolbar.actions())
        menu.addSeparator()
        close = menu.addAction(self.tr("C&lose"), self.close)
        shortcut(close, QKeySequence.StandardKey.Close, "Ctrl+W")
        layout.setMenuBar(bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems.setAccessibleDescription(self.tr("Enter on a problem goes to its field"))
        name_tabs(self.tabs, self.tr("Sections of the passport"))
        leave_tables_with_tab(self)

    def _attach_pickers(self) -> None:
        """Province, county, agencies and architecture pick from the official lists."""
        self.pickers: dict[str, ReferencePicker] = {}
        for name in PICKED_FIELDS:
            edit = self.bindings[name].widget
            if isinstance(edit, QLineEdit):
                self.pickers[name] = ReferencePicker(edit, self._searcher(name))

    def _searcher(self, name: str) -> Callable[[str], list[str]]:
        def search(text: str) -> list[str]:
            return self.app.reference.search(
                name, text, province=self.bindings["province"].get(),
                domain=self.bindings["architecture_domain"].get())
        return search

    def _load(self, p: ServicePassport) -> None:
        data = to_dict(p)
        for name, binding in self.bindings.items():
            binding.blockSignals(True)
            binding.set(data.get(name))
            binding.blockSignals(False)
        self.base = copy.deepcopy(p)
        self.dirty = False
        self.lifecycle.show_for(p)
        self.history.show_for(p.uuid)
        self.attachments.show_for(p.uuid)
        self._update_title()

    def _update_title(self) -> None:
        p = self.base
        mark = " *" if self.dirty else ""
        self.setWindowTitle(f"{p.title or self.tr('New passport')}{mark}")
        self.header.setText(self.tr("{title} — {id} — {status}").format(
            title=p.title or self.tr("New passport"), id=display.digits(p.service_id) if p.service_id else self.tr("no ID"),
            status=display.choice(p.status)))

    # values
    def current(self) -> ServicePassport:
        """The passport as the widgets show it now (raises ValidationError for bad types)."""
        data = to_dict(self.base)
        for name, binding in self.bindings.items():
            if name not in READ_ONLY:
                data[name] = binding.get()
        return from_dict(ServicePassport, data)

    def _parse_problems(self) -> list[Problem]:
        result = []
        not_valid = self.tr("“{field}”: {reason}")
        for name, binding in self.bindings.items():
            for sub in binding.invalid():
                path = name + (sub if sub.startswith("[") else (f".{sub}" if sub else ""))
                reason = binding.reason(sub) or self.tr("not a valid value")
                result.append(Problem(path, not_valid.format(field=display.path(path), reason=reason)))
        return result

    def problems_now(self) -> list[Problem]:
        """What the service would say on saving: the same rules, on identifiers typed in any
        digits, with the checks across records (unique service ID, licences)."""
        problems = self._parse_problems()
        try:
            problems += self.service.problems(self.current())
        except ValidationError as exc:
            problems += exc.problems
        except GovsvcError:  # the database cannot be asked now (a lost server): the record's own rules
            problems += validate(self.current())
        return problems

    # problems
    def refresh_problems(self) -> None:
        problems = self.problems_now()
        self.problems.clear()
        by_field: dict[str, dict[str, list[str]]] = {}
        for pr in problems:
            message = display.problem(pr)
            item = QListWidgetItem(("⛔ " if pr.blocking else "ℹ " if pr.warning else "⚠ ") + message)
            item.setData(Qt.ItemDataRole.UserRole, pr.field_path)
            self.problems.addItem(item)
            head = pr.field_path.split(".")[0].split("[")[0]
            sub = pr.field_path[len(head):].lstrip(".")
            by_field.setdefault(head, {}).setdefault(sub, []).append(message)
        for name, binding in self.bindings.items():
            binding.mark(by_field.get(name, {}))
        blocking = sum(1 for p in problems if p.blocking)
        warnings = sum(1 for p in problems if p.warning)
        problems = [p for p in problems if not p.warning]
        summary = self.tr("{blocking} problems prevent saving, {other} prevent approval, {warnings} warnings").format(
            blocking=display.number(blocking), other=display.number(len(problems) - blocking),
            warnings=display.number(warnings))
        if summary != self.problems_label.text():
            announce(self.problems, summary)
        self.problems_label.setText(summary)
        self.problems.setAccessibleDescription(summary)
        self.problem_count = len(problems)

    def check_rules(self) -> None:
        """Checks now and says so, also when nothing is wrong."""
        self.refresh_problems()
        if self.problem_count:
            self.say(self.problems_label.text())
        else:
            self.say(self.tr("Rules checked: no problems found."))

    def _jump(self, item: QListWidgetItem) -> None:
        self.focus_field(str(item.data(Qt.ItemDataRole.UserRole)))

    def focus_field(self, path: str) -> QWidget | None:
        """Shows the page holding ``path`` (``fees[0].sheba``) and puts the cursor there."""
        head = path.split(".")[0].split("[")[0]
        binding = self.bindings.get(head)
        if binding is None:
            return None
        self.tabs.setCurrentIndex(self.page_of.get(head, 0))
        sub = path[len(head):].lstrip(".")
        widget = binding.focus(sub) if isinstance(binding, PartTableBinding) else binding.focus()
        scroll = self.tabs.currentWidget()
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(binding.widget)
        return widget

    # editing
    def _changed(self) -> None:
        self.dirty = True
        self._update_title()
        self._validate_timer.start()

    def autosave(self) -> None:
        if not self.dirty:
            return
        try:
            self.drafts.save(self.current())
        except ValidationError:
            pass  # a value that does not parse yet; the next tick tries again

    def preview_form(self) -> PdfPreview | None:
        """The form as it stands now, unsaved edits included (a draft prints as «پیش‌نویس»)."""
        try:
            rendered = passport_form(self.current(), self.persian_digits,
                                     [a.name for a in self.attachments.items])
        except GovsvcError as exc:
            QMessageBox.warning(self, self.tr("Print form"), exc.message_fa)
            return None
        current = self.current()
        preview = PdfPreview(rendered.data, self.tr("Form: %1").replace("%1", current.title),
                             pdf_file_name(current), self)
        if rendered.missing:
            QMessageBox.information(self, self.tr("Print form"), self.tr(
                "The font lacks some characters; they are printed as a replacement mark: %1").replace(
                "%1", " ".join(sorted(rendered.missing))))
        preview.open()
        return preview

    def save(self) -> bool:
        problems = self._parse_problems()
        if problems:
            self._show_problems(problems)
            return False
        try:
            result = self.service.save(self.current())
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return False
        except ConflictError as exc:
            return self._conflict(exc)
        except GovsvcError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message_fa)
            return False
        self.drafts.discard(result.passport.uuid)
        self._load(result.passport)
        self.refresh_problems()
        self.say(self.tr("Saved at {time}.").format(
            time=display.digits(QTime.currentTime().toString("HH:mm"))))
        self.saved.emit(result.passport.uuid)
        return True

    def say(self, text: str) -> None:
        """Feedback in the status line, also read out by a screen reader."""
        self.status.showMessage(text, 10_000)
        announce(self.status, text)

    def _show_problems(self, problems: list[Problem]) -> None:
        self.refresh_problems()
        QMessageBox.warning(self, self.tr("Not saved"), "\n".join(display.problem(p) for p in problems[:15]))
        if problems:
            self.focus_field(problems[0].field_path)

    def _conflict(self, exc: ConflictError) -> bool:
        theirs: ServicePassport = exc.current  # type: ignore[attr-defined]
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changed by someone else"), exc.message_fa,
                          parent=self)
        compare = box.addButton(self.tr("Compare and merge"), QMessageBox.ButtonRole.AcceptRole)
        reload_ = box.addButton(self.tr("Load their version"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is reload_:
            self._load(theirs)
            return False
        if box.clickedButton() is compare:
            return self.merge(exc)
        return False

    def discard_changes(self) -> None:
        self.drafts.discard(self.base.uuid)
        self._load(self.base)
        self.refresh_problems()
        self.say(self.tr("Changes discarded."))

    def _ensure_saved(self) -> bool:
        return not self.dirty or self.save()

    def _after_action(self, p: Any) -> None:
        self._load(p)
        self.refresh_problems()
        self.saved.emit(p.uuid)

    def restore_draft(self, draft: ServicePassport) -> None:
        """Shows autosaved edits as unsaved changes. They keep the revision they were made
        on, so saving passes the same revision check as any edit; when someone saved the
        record since, the compare-and-merge dialog opens at once."""
        data = to_dict(draft)
        for name, binding in self.bindings.items():
            if name not in READ_ONLY:
                binding.set(data.get(name))
        self._changed()
        conflict = self.service.check_draft(draft) if draft.revision else None
        if conflict is None:
            return
        self.base = copy.deepcopy(self.base)
        self.base.revision = draft.revision
        self.merge(conflict)

    def merge(self, exc: ConflictError) -> bool:
        """The compare-and-merge dialog between the edits here and the stored record; the
        merged record is saved over the stored revision."""
        theirs: ServicePassport = exc.current  # type: ignore[attr-defined]
        self.merge_dialog = MergeDialog(to_dict(self.current()), to_dict(theirs), self)
        if not self.merge_dialog.exec():
            return False
        merged = from_dict(ServicePassport, self.merge_dialog.merged())
        merged.revision = theirs.revision
        self.base = copy.deepcopy(theirs)
        data = to_dict(merged)
        for name, binding in self.bindings.items():
            binding.set(data.get(name))
        return self.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty:
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"),
                self.tr("This passport has unsaved changes. Save them before closing?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Discard:
                self.drafts.discard(self.base.uuid)
        self._autosave.stop()
        event.accept()

"""Tools > Web form rules: the founder's own rules for form notification mails, with a
live preview of what a rule reads from a sample mail while it is being typed (the rule's
fields in rule_form.py, the preview in rule_preview.py, the field label table in
rule_fields.py).

Built-in rules are listed so the founder sees what is recognised already; they cannot be
changed, only copied into an own rule (own rules are tried first).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.errors import ServiceError
from soloservice.services.form_rules import SAMPLE_MAILS, FormRule
from soloservice.services.form_rules import FormSubmission as Submission
from soloservice.services.forms import FormRuleView
from soloservice.services.registry import Services
from soloservice.ui.channels.rule_form import RuleForm
from soloservice.ui.channels.rule_preview import RulePreview
from soloservice.ui.style import ERROR_STYLE, HINT_STYLE
from soloservice.ui.tasks import TaskRunner, default_runner

PREVIEW_DELAY_MS = 200
VIEW_ROLE = Qt.ItemDataRole.UserRole + 1


class FormRulesDialog(QDialog):
    """Emits ``preview_updated(submission or None)`` after every preview (tests wait on it)
    and ``rules_changed()`` after a save or removal."""

    preview_updated = Signal(object)
    rules_changed = Signal()

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        #: saves and removals run on the window's database lane, never on the GUI thread
        self.runner = runner if runner is not None else default_runner()
        self.views: list[FormRuleView] = []
        self.current: FormRuleView | None = None  # the rule being shown (None: a new one)
        self.submission: Submission | None = None
        self.setWindowTitle(self.tr("Web form rules"))
        self.resize(1240, 700)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.update_preview)
        self.preview = RulePreview(services)
        self.preview.sample_changed.connect(self.schedule_preview)
        # what tests and show_rule reach: the sample chosen and what the rule reads
        self.sample_combo = self.preview.sample_combo
        self.result_label = self.preview.result_label
        self.result_table = self.preview.result_table

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_editor())
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([230, 480, 530])
        splitter.setChildrenCollapsible(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.load_rules()
        if self.rule_list.count():
            self.rule_list.setCurrentRow(0)

    # -- building ------------------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("&Rules (yours are tried first)"))
        self.rule_list = QListWidget()
        self.rule_list.setAccessibleName(self.tr("Form rules"))
        title.setBuddy(self.rule_list)
        self.rule_list.currentItemChanged.connect(self._rule_chosen)
        self.new_button = QPushButton(self.tr("&New rule"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(self.tr("Start an empty rule (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_rule)
        self.copy_button = QPushButton(self.tr("Cop&y to edit"))
        self.copy_button.setToolTip(self.tr("A built-in rule cannot be changed: edit a copy"))
        self.copy_button.clicked.connect(self.copy_rule)
        self.remove_button = QPushButton(self.tr("Re&move…"))
        self.remove_button.clicked.connect(self.remove_rule)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.copy_button)
        layout.addWidget(title)
        layout.addWidget(self.rule_list, 1)
        layout.addLayout(row)
        layout.addWidget(self.remove_button)
        return box

    def _build_editor(self) -> QWidget:
        self.form = RuleForm()
        self.form.changed.connect(self.schedule_preview)
        self.form.save_button.clicked.connect(self.save)
        # what tests reach
        self.name_edit = self.form.name_edit
        self.sender_edit = self.form.sender_edit
        self.subject_edit = self.form.subject_edit
        self.form_name_edit = self.form.form_name_edit
        self.markers_edit = self.form.markers_edit
        self.fields = self.form.fields
        self.enabled_box = self.form.enabled_box
        self.builtin_note = self.form.builtin_note
        self.pattern_error = self.form.pattern_error
        self.save_error = self.form.save_error
        self.save_button = self.form.save_button
        return self.form

    # -- the rule list -------------------------------------------------------------------------

    def load_rules(self, select: str | None = None) -> None:
        self.views = self.services.forms.rules()
        self.rule_list.blockSignals(True)
        self.rule_list.clear()
        chosen = -1
        for index, view in enumerate(self.views):
            if view.builtin:
                text = self.tr("%1 (built-in)").replace("%1", view.name)
            elif not view.enabled:
                text = self.tr("%1 (off)").replace("%1", view.name)
            else:
                text = view.name
            item = QListWidgetItem(text)
            item.setData(VIEW_ROLE, index)
            if view.builtin:
                item.setForeground(Qt.GlobalColor.darkGray)
                item.setToolTip(self.tr("Built in: copy it to make your own version"))
            self.rule_list.addItem(item)
            if select is not None and view.name.casefold() == select.casefold():
                chosen = index
        self.rule_list.blockSignals(False)
        if chosen >= 0:
            self.rule_list.setCurrentRow(chosen)

    def _rule_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        index = item.data(VIEW_ROLE)
        if isinstance(index, int) and 0 <= index < len(self.views):
            self.show_rule(self.views[index])

    def show_rule(self, view: FormRuleView | None, rule: FormRule | None = None) -> None:
        """Fill the editor; ``rule`` without ``view`` is an unsaved (new or copied) rule."""
        self.current = view
        shown = view.rule if view is not None else rule
        self.form.fill(shown)
        builtin = view is not None and view.builtin
        self.form.show_kind(
            builtin, new=view is None, enabled=view.enabled if view is not None else True
        )
        self.copy_button.setEnabled(view is not None)
        self.remove_button.setEnabled(view is not None and not builtin)
        if builtin and view is not None and view.name in SAMPLE_MAILS:
            self.preview.choose_sample(view.name)
        self.update_preview()

    def new_rule(self) -> None:
        self.rule_list.clearSelection()
        self.show_rule(None)
        self.name_edit.setFocus()

    def copy_rule(self) -> None:
        if self.current is None:
            return
        source = self.current.rule
        taken = {v.name.casefold() for v in self.views}
        name = self.tr("%1 (mine)").replace("%1", source.name)
        number = 2
        while name.casefold() in taken:
            name = self.tr("%1 (mine %2)").replace("%1", source.name).replace("%2", str(number))
            number += 1
        copy = FormRule(
            name=name,
            sender_pattern=source.sender_pattern,
            subject_pattern=source.subject_pattern,
            field_map=dict(source.field_map),
            form_name=source.form_name,
            stop_markers=source.stop_markers,
        )
        self.rule_list.clearSelection()
        self.show_rule(None, copy)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def remove_rule(self) -> None:
        view = self.current
        if view is None or view.builtin:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove rule"),
            self.tr("Remove the rule “%1”? Mail already imported stays as it is.").replace(
                "%1", view.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        forms, name = self.services.forms, view.name

        def removed(_result: object) -> None:
            self.load_rules()
            self.rules_changed.emit()
            if self.rule_list.count():
                self.rule_list.setCurrentRow(0)

        self.runner.run_task(lambda: forms.remove_rule(name), removed, self._save_failed)

    def rule_from_fields(self, name: str | None = None) -> FormRule:
        """Raises InvalidInput with the reason (shown inline)."""
        return self.form.rule_from_fields(name)

    # -- the preview ---------------------------------------------------------------------------

    def schedule_preview(self) -> None:
        self.timer.start()

    def update_preview(self) -> None:
        self.timer.stop()
        self.submission = None
        self.preview.clear()
        errors = self.form.check_patterns()
        sample = self.preview.sample()
        if errors:
            self.preview.show_message(self.tr("Fix the pattern to see the preview."), HINT_STYLE)
        elif isinstance(sample, str):
            self.preview.show_message(sample, HINT_STYLE)
        elif not self.form.has_pattern():
            self.preview.show_message(self.tr("Type a sender or a subject pattern."), HINT_STYLE)
        else:
            try:
                rule = self.rule_from_fields(self.name_edit.text().strip() or "preview")
            except ServiceError as exc:
                self.preview.show_message(str(exc), ERROR_STYLE)
            else:
                self.submission = self.preview.show_result(rule, sample)
        self.preview_updated.emit(self.submission)

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> FormRule | None:
        """Check the rule as typed (None, with the reason shown, when it is not valid) and
        store it on the database lane; ``rules_changed`` follows once it is stored."""
        if self.current is not None and self.current.builtin:
            return None
        try:
            rule = self.rule_from_fields()
        except ServiceError as exc:
            self.save_error.setText(str(exc))
            return None
        forms, enabled = self.services.forms, self.enabled_box.isChecked()
        old_name = self.current.name if self.current is not None else None

        def store() -> FormRuleView:
            if old_name is None:
                return forms.add_rule(rule, enabled=enabled)
            return forms.update_rule(old_name, rule, enabled=enabled)

        def stored(view: FormRuleView) -> None:
            self.save_error.clear()
            self.load_rules(select=view.name)
            self.rules_changed.emit()

        self.runner.run_task(store, stored, self._save_failed)
        return rule

    def _save_failed(self, exc: BaseException) -> None:
        self.save_error.setText(str(exc) if isinstance(exc, ServiceError) else repr(exc))

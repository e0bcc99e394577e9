"""Tools > Reply templates: browse the built-ins, customise them, write your own.

Built-ins are never edited in place: "Customise" starts an own copy under the same key and
language, which then wins over the built-in everywhere (composer, acknowledgements, CLI);
deleting that copy restores the built-in. A template with an unknown placeholder cannot be
saved, because the customer would otherwise receive an empty gap. The list is
template_list.py, the form template_form.py, the placeholders placeholders.py, the preview
template_preview.py.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.templates import Template, validate
from soloservice.domain.types import Language
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.services.templates import TemplateInfo
from soloservice.ui.settings.widgets import show_error
from soloservice.ui.tasks import TaskRunner, default_runner
from soloservice.ui.templates.placeholders import PlaceholderBox
from soloservice.ui.templates.template_form import TemplateForm
from soloservice.ui.templates.template_list import ROLE, TemplateList, language_name
from soloservice.ui.templates.template_preview import TemplatePreview


class TemplateManager(QDialog):
    #: a template was saved or deleted (the composer may refresh its list)
    templates_changed = Signal()

    def __init__(
        self,
        services: Services,
        current_inquiry: Callable[[], int | None] = lambda: None,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reply templates"))
        self.services = services
        #: saves and deletes run on the window's database lane, never on the GUI thread
        self.runner = runner if runner is not None else default_runner()
        self.current_inquiry = current_inquiry
        self.infos: list[TemplateInfo] = []
        self.current: TemplateInfo | None = None
        #: (key, language) of the own template the form edits; None for a new one
        self.editing: tuple[str, Language] | None = None
        self.editable = False
        self.dirty = False
        self.question: QMessageBox | None = None

        # -- the list ----------------------------------------------------------------------
        self.list = TemplateList()
        # what the tests reach
        self.tree = self.list.tree
        self.search = self.list.search
        self.new_button = self.list.new_button

        # -- the editor --------------------------------------------------------------------
        self.form = TemplateForm()
        # what the tests reach
        form = self.form
        self.origin, self.name, self.key = form.origin, form.name, form.key
        self.language, self.subject, self.body = form.language, form.subject, form.body
        self.channels, self.shortcut, self.problems = form.channels, form.shortcut, form.problems

        self.placeholder_box = PlaceholderBox()
        self.placeholders = self.placeholder_box.list
        self.preview = TemplatePreview(services)
        self.preview_title = self.preview.heading

        side = QVBoxLayout()
        side.addWidget(self.placeholder_box, 1)
        side.addWidget(self.preview, 1)
        editor = QWidget()
        editor_layout = QHBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.form, 3)
        editor_layout.addLayout(side, 2)

        self.customise_button = QPushButton(self.tr("&Customise"))
        self.save_button = QPushButton(self.tr("Sa&ve"))
        self.save_button.setDefault(True)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.customise_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(editor)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)

        self.list.filter_changed.connect(self.refresh)
        self.tree.currentItemChanged.connect(self._selected)
        self.new_button.clicked.connect(self.new_template)
        self.customise_button.clicked.connect(self.customise)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.close_button.clicked.connect(self.close)
        self.placeholder_box.chosen.connect(self.insert_placeholder)
        self.form.edited.connect(self._edited)

        self.resize(1180, 720)
        self.refresh()

    # -- the list ----------------------------------------------------------------------------

    def refresh(self, select: tuple[str, Language] | None = None) -> None:
        if not isinstance(select, tuple):  # keep the one shown
            shown = self.current.template if self.current else None
            select = (shown.key, shown.language) if shown else None
        self.infos = self.services.templates.all()
        chosen = self.list.fill(self.infos, select)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
            self._selected(chosen, None)
        else:
            self._show(None)

    def info_for(self, key: str, language: Language) -> TemplateInfo | None:
        for info in self.infos:
            if info.template.key == key and info.template.language is language:
                return info
        return None

    def select(self, key: str, language: Language) -> bool:
        return self.list.select(key, language)

    def _selected(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        data = item.data(0, ROLE) if item is not None else None
        if not data:
            return
        key, language = data
        info = self.info_for(key, Language(language))
        self._unless_unsaved(lambda: self._show(info))

    def _unless_unsaved(self, then: Callable[[], None]) -> None:
        """Run ``then`` now, or once the founder agreed to throw away unsaved changes."""
        if not self.dirty:
            then()
            return
        self.ask(
            self.tr("Unsaved changes"),
            self.tr("Throw away the changes to this template?"),
            self.tr("&Discard changes"),
            then,
        )

    def ask(self, title: str, text: str, yes: str, on_yes: Callable[[], None]) -> QMessageBox:
        """A window-modal question that does not block (tests click its buttons)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: object) -> None:
            self.question = None
            if button is accept:
                on_yes()

        box.buttonClicked.connect(answered)
        self.question = box
        box.open()
        return box

    # -- the form ----------------------------------------------------------------------------

    def _show(self, info: TemplateInfo | None) -> None:
        self.current = info
        template = info.template if info else None
        own = template is not None and not template.builtin
        self._fill(template)
        self.editing = (template.key, template.language) if own and template else None
        self._set_editable(own)
        if template is None:
            self.origin.setText("")
        elif template.builtin:
            self.origin.setText(
                self.tr("Built-in template — read-only. Customise it to make it your own.")
            )
        elif info is not None and info.overrides_builtin:
            self.origin.setText(self.tr("Your version of a built-in template."))
        else:
            self.origin.setText(self.tr("Your own template."))
        self.customise_button.setEnabled(template is not None and template.builtin)
        self.delete_button.setEnabled(own)
        overrides = info is not None and info.overrides_builtin
        self.delete_button.setText(
            self.tr("&Restore the built-in") if overrides else self.tr("&Delete")
        )
        self.dirty = False
        self._update_state()

    def _fill(self, template: Template | None) -> None:
        self.form.fill(template)

    def _set_editable(self, editable: bool) -> None:
        self.editable = editable
        self.form.set_editable(editable)
        self.placeholders.setEnabled(editable)

    def form_template(self) -> Template:
        return self.form.template()

    def _edited(self) -> None:
        if self.editable:
            self.dirty = True
        self._update_state()

    def update_state(self) -> None:
        """The main window's inquiry changed (another one, or the same one edited): read it
        again for the preview. Edits in the form only re-render (``_update_state``)."""
        self.preview.forget()
        self._update_state()

    def hideEvent(self, event: QHideEvent) -> None:
        self.preview.forget()  # the inquiry may change before the dialog is shown again
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.preview.knows_inquiry():  # shown again: read it afresh, once
            self._update_state()

    def _update_state(self) -> None:
        template = self.form_template()
        problems = validate(template) if self.editable else []
        show_error(self.problems, "\n".join(problems))
        self.save_button.setEnabled(self.editable and self.dirty and not problems)
        self.update_preview(template)

    def update_preview(self, template: Template) -> None:
        self.preview.show_template(template, self.current_inquiry())

    def insert_placeholder(self, name: str) -> None:
        self.form.insert_placeholder(name)

    # -- commands ----------------------------------------------------------------------------

    def new_template(self) -> None:
        self._unless_unsaved(self._start_new)

    def _start_new(self) -> None:
        self.current = None
        self.tree.clearSelection()
        self._fill(None)
        self.editing = None
        self._set_editable(True)
        self.origin.setText(self.tr("New template."))
        self.customise_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.dirty = True
        self._update_state()
        self.name.setFocus()

    def customise(self) -> None:
        """Start an own copy of the built-in with the same key: saving it overrides it."""
        if self.current is None or not self.current.template.builtin:
            return
        self.editing = None
        self._set_editable(True)
        self.origin.setText(
            self.tr('Your copy of the built-in "%1": save to use it instead.').replace(
                "%1", self.current.template.name
            )
        )
        self.customise_button.setEnabled(False)
        self.dirty = True
        self._update_state()
        self.body.setFocus()

    def save(self) -> bool:
        if not self.save_button.isEnabled():
            return False
        template = self.form_template()
        templates, replacing = self.services.templates, self.editing
        self.save_button.setEnabled(False)  # until it is stored (or refused)

        def done(_result: object) -> None:
            self.dirty = False
            self.refresh((template.key, template.language))
            self.templates_changed.emit()

        def failed(exc: BaseException) -> None:
            show_error(self.problems, str(exc) if isinstance(exc, ServiceError) else repr(exc))
            self._update_state()

        self.runner.run_task(lambda: templates.save(template, replacing=replacing), done, failed)
        return True

    def delete(self) -> None:
        info = self.current
        if info is None or info.template.builtin:
            return
        t = info.template
        if info.overrides_builtin:
            title = self.tr("Restore the built-in")
            text = self.tr('Throw away your version of "%1" (%2) and use the built-in text again?')
        else:
            title = self.tr("Delete template")
            text = self.tr('Delete the template "%1" (%2)? This cannot be undone.')
        text = text.replace("%1", t.name).replace("%2", language_name(t.language))
        yes = self.tr("&Restore") if info.overrides_builtin else self.tr("&Delete")

        def removed(_result: object) -> None:
            self.dirty = False
            self.refresh((t.key, t.language))
            self.templates_changed.emit()

        def failed(exc: BaseException) -> None:
            show_error(self.problems, str(exc) if isinstance(exc, ServiceError) else repr(exc))

        def remove() -> None:
            templates = self.services.templates
            self.runner.run_task(lambda: templates.delete(t.key, t.language), removed, failed)

        self.ask(title, text, yes, remove)

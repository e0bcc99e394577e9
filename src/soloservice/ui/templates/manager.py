"""Tools > Reply templates: browse the built-ins, customise them, write your own.

Built-ins are never edited in place: "Customise" starts an own copy under the same key and
language, which then wins over the built-in everywhere (composer, acknowledgements, CLI);
deleting that copy restores the built-in. A template with an unknown placeholder cannot be
saved, because the customer would otherwise receive an empty gap.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.templates import (
    KNOWN_PLACEHOLDERS,
    Template,
    TemplateError,
    validate,
)
from soloservice.domain.types import Channel, Language
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.services.templates import TemplateInfo
from soloservice.ui import formatting as fmt
from soloservice.ui.settings.widgets import error_label, show_error
from soloservice.ui.templates.highlight import PlaceholderHighlighter

ROLE = Qt.ItemDataRole.UserRole


def language_name(language: Language) -> str:
    names = {Language.DA: "Dansk", Language.NB: "Norsk", Language.EN: "English"}
    return names[language]


class TemplateManager(QDialog):
    #: a template was saved or deleted (the composer may refresh its list)
    templates_changed = Signal()

    def __init__(
        self,
        services: Services,
        current_inquiry: Callable[[], int | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reply templates"))
        self.services = services
        self.current_inquiry = current_inquiry
        self.infos: list[TemplateInfo] = []
        self.current: TemplateInfo | None = None
        #: (key, language) of the own template the form edits; None for a new one
        self.editing: tuple[str, Language] | None = None
        self.editable = False
        self.dirty = False
        self._loading = False
        self.question: QMessageBox | None = None

        # -- the list ----------------------------------------------------------------------
        self.language_filter = QComboBox()
        self.language_filter.addItem(self.tr("All languages"), None)
        for language in Language:
            self.language_filter.addItem(language_name(language), language.value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter templates…"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Templates"))
        self.new_button = QPushButton(self.tr("&New"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.language_filter)
        filters.addWidget(self.search, 1)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.new_button)

        # -- the editor --------------------------------------------------------------------
        self.origin = QLabel()
        self.origin.setObjectName("templateOrigin")
        self.origin.setWordWrap(True)
        self.name = QLineEdit()
        self.key = QLineEdit()
        self.language = QComboBox()
        for language in Language:
            self.language.addItem(language_name(language), language.value)
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(180)
        self.highlighter = PlaceholderHighlighter(self.body.document())
        self.channels: dict[Channel, QCheckBox] = {
            channel: QCheckBox(fmt.channel_name(channel)) for channel in Channel
        }
        channel_row = QHBoxLayout()
        for box in self.channels.values():
            channel_row.addWidget(box)
        channel_row.addStretch(1)
        self.shortcut = QLineEdit()
        self.shortcut.setPlaceholderText(self.tr("e.g. ack — typed in the composer to insert it"))
        self.problems = error_label()
        self.problems.setObjectName("templateProblems")
        form = QFormLayout()
        form.addRow(self.origin)
        form.addRow(self.tr("N&ame:"), self.name)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language)
        key_row.addWidget(language_label)
        key_row.addWidget(self.language)
        key_label = QLabel(self.tr("&Key:"))
        key_label.setBuddy(self.key)
        form.addRow(key_label, key_row)
        form.addRow(self.tr("&Subject:"), self.subject)
        form.addRow(self.tr("&Body:"), self.body)
        form.addRow(self.tr("Suits:"), channel_row)
        form.addRow(self.tr("S&hortcut:"), self.shortcut)
        form.addRow(self.problems)
        for label_buddy in (self.key, self.language):
            label_buddy.setMinimumWidth(90)

        self.placeholders = QListWidget()
        self.placeholders.setAccessibleName(self.tr("Placeholders"))
        for name, description in KNOWN_PLACEHOLDERS.items():
            item = QListWidgetItem("{" + name + "}")
            item.setData(ROLE, name)
            item.setToolTip(description)
            self.placeholders.addItem(item)
        placeholder_box = QGroupBox(self.tr("Placeholders (double-click or Enter inserts)"))
        placeholder_layout = QVBoxLayout(placeholder_box)
        placeholder_layout.addWidget(self.placeholders)
        hint = QLabel(self.tr("Fallback: {customer.first_name|there}"))
        hint.setEnabled(False)
        placeholder_layout.addWidget(hint)

        self.preview_title = QLabel()
        self.preview_title.setWordWrap(True)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setObjectName("templatePreview")
        preview_box = QGroupBox(self.tr("Preview"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview_title)
        preview_layout.addWidget(self.preview)

        side = QVBoxLayout()
        side.addWidget(placeholder_box, 1)
        side.addWidget(preview_box, 1)
        editor = QWidget()
        editor_layout = QHBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(form, 3)
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
        splitter.addWidget(left)
        splitter.addWidget(editor)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)

        self.language_filter.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.tree.currentItemChanged.connect(self._selected)
        self.new_button.clicked.connect(self.new_template)
        self.customise_button.clicked.connect(self.customise)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.close_button.clicked.connect(self.close)
        self.placeholders.itemActivated.connect(self.insert_placeholder)
        self.placeholders.itemDoubleClicked.connect(self.insert_placeholder)
        for edit in (self.name, self.key, self.subject, self.shortcut):
            edit.textChanged.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self.language.currentIndexChanged.connect(self._edited)
        for box in self.channels.values():
            box.toggled.connect(self._edited)

        self.resize(1180, 720)
        self.refresh()

    # -- the list ----------------------------------------------------------------------------

    def refresh(self, select: tuple[str, Language] | None = None) -> None:
        if not isinstance(select, tuple):
            select = (
                (self.current.template.key, self.current.template.language)
                if (self.current)
                else None
            )
        self.infos = self.services.templates.all()
        wanted = self.language_filter.currentData()
        needle = self.search.text().strip().lower()
        self.tree.blockSignals(True)
        self.tree.clear()
        chosen: QTreeWidgetItem | None = None
        for language in Language:
            if wanted is not None and language.value != wanted:
                continue
            group = QTreeWidgetItem([language_name(language)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            bold = QFont()
            bold.setBold(True)
            group.setFont(0, bold)
            for info in self.infos:
                t = info.template
                if t.language is not language:
                    continue
                if needle and needle not in f"{t.name} {t.key} {t.shortcut or ''}".lower():
                    continue
                item = QTreeWidgetItem([self._label(info)])
                item.setData(0, ROLE, (t.key, t.language.value))
                if t.builtin:
                    italic = QFont()
                    italic.setItalic(True)
                    item.setFont(0, italic)
                group.addChild(item)
                if select == (t.key, t.language):
                    chosen = item
            if group.childCount():
                self.tree.addTopLevelItem(group)
                group.setExpanded(True)
        self.tree.blockSignals(False)
        if chosen is None and self.tree.topLevelItemCount():
            top = self.tree.topLevelItem(0)
            chosen = top.child(0) if top is not None else None
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
            self._selected(chosen, None)
        else:
            self._show(None)

    def _label(self, info: TemplateInfo) -> str:
        t = info.template
        if t.builtin:
            suffix = self.tr("built-in")
        elif info.overrides_builtin:
            suffix = self.tr("customised")
        else:
            suffix = self.tr("own")
        return f"{t.name}  ({suffix})"

    def info_for(self, key: str, language: Language) -> TemplateInfo | None:
        for info in self.infos:
            if info.template.key == key and info.template.language is language:
                return info
        return None

    def select(self, key: str, language: Language) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            assert group is not None
            for j in range(group.childCount()):
                item = group.child(j)
                if item is not None and item.data(0, ROLE) == (key, language.value):
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def _selected(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        data = item.data(0, ROLE) if item is not None else None
        if not data:
            return
        key, language = data
        info = self.info_for(key, Language(language))
        if self.dirty:
            self.ask(
                self.tr("Unsaved changes"),
                self.tr("Throw away the changes to this template?"),
                self.tr("&Discard changes"),
                lambda: self._show(info),
            )
            return
        self._show(info)

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
        self.update_state()

    def _fill(self, template: Template | None) -> None:
        self._loading = True
        try:
            self.name.setText(template.name if template else "")
            self.key.setText(template.key if template else "")
            language = template.language if template else Language.DA
            self.language.setCurrentIndex(self.language.findData(language.value))
            self.subject.setText(template.subject if template else "")
            self.body.setPlainText(template.body if template else "")
            for channel, box in self.channels.items():
                box.setChecked(template is not None and channel in template.channels)
            self.shortcut.setText((template.shortcut or "") if template else "")
        finally:
            self._loading = False

    def _set_editable(self, editable: bool) -> None:
        self.editable = editable
        for edit in (self.name, self.key, self.subject, self.shortcut):
            edit.setReadOnly(not editable)
        self.body.setReadOnly(not editable)
        self.language.setEnabled(editable)
        for box in self.channels.values():
            box.setEnabled(editable)
        self.placeholders.setEnabled(editable)

    def form_template(self) -> Template:
        shortcut = self.shortcut.text().strip()
        return Template(
            key=self.key.text().strip(),
            name=self.name.text().strip(),
            language=Language(self.language.currentData()),
            subject=self.subject.text(),
            body=self.body.toPlainText(),
            channels=frozenset(c for c, box in self.channels.items() if box.isChecked()),
            shortcut=shortcut or None,
        )

    def _edited(self) -> None:
        if self._loading:
            return
        if self.editable:
            self.dirty = True
        self.update_state()

    def update_state(self) -> None:
        template = self.form_template()
        problems = validate(template) if self.editable else []
        show_error(self.problems, "\n".join(problems))
        self.save_button.setEnabled(self.editable and self.dirty and not problems)
        self.update_preview(template)

    def update_preview(self, template: Template) -> None:
        inquiry_id = self.current_inquiry()
        if inquiry_id is None:
            self.preview_title.setText(self.tr("Select an inquiry to see the template filled in."))
            self.preview.setPlainText(template.body)
            return
        try:
            rendered = self.services.templates.render_template_for(template, inquiry_id)
        except (TemplateError, ServiceError) as exc:
            self.preview_title.setText(self.tr("Cannot preview: %1").replace("%1", str(exc)))
            self.preview.setPlainText("")
            return
        title = self.tr("For inquiry #%1 — subject: %2").replace("%1", str(inquiry_id))
        title = title.replace("%2", rendered.subject)
        if rendered.empty:
            title += "\n" + self.tr("Empty here: %1").replace(
                "%1", ", ".join("{" + n + "}" for n in rendered.empty)
            )
        self.preview_title.setText(title)
        self.preview.setPlainText(rendered.body)

    def insert_placeholder(self, item: QListWidgetItem) -> None:
        if not self.editable:
            return
        text = "{" + str(item.data(ROLE)) + "}"
        if self.subject.hasFocus():
            self.subject.insert(text)
            return
        cursor = self.body.textCursor()
        cursor.insertText(text)
        self.body.setTextCursor(cursor)
        self.body.setFocus()

    # -- commands ----------------------------------------------------------------------------

    def new_template(self) -> None:
        if self.dirty:
            self.ask(
                self.tr("Unsaved changes"),
                self.tr("Throw away the changes to this template?"),
                self.tr("&Discard changes"),
                self._start_new,
            )
            return
        self._start_new()

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
        self.update_state()
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
        self.update_state()
        self.body.setFocus()

    def save(self) -> bool:
        if not self.save_button.isEnabled():
            return False
        template = self.form_template()
        try:
            self.services.templates.save(template, replacing=self.editing)
        except ServiceError as exc:
            show_error(self.problems, str(exc))
            return False
        self.dirty = False
        self.refresh((template.key, template.language))
        self.templates_changed.emit()
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

        def remove() -> None:
            self.services.templates.delete(t.key, t.language)
            self.dirty = False
            self.refresh((t.key, t.language))
            self.templates_changed.emit()

        self.ask(title, text, yes, remove)

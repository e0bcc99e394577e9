"""Editing a customer: name, language, notes, their own value figures, ways to reach them and
whether they may be surveyed.

The value figures matter: a customer's own annual value and years override the business's
averages, and the lifetime value they give sits next to every complaint and remedy.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from soloservice.domain.types import IdentityKind, Language
from soloservice.domain.value import lifetime_value
from soloservice.services.customer_edit import CustomerEdit
from soloservice.services.customers import KEEP, CustomerChanges
from soloservice.services.dto import CustomerCard
from soloservice.services.registry import Services
from soloservice.ui import formatting as fmt
from soloservice.ui.style import HINT_STYLE
from soloservice.ui.tasks import TaskRunner
from soloservice.ui.worker_dialog import WorkerDialog

LANGUAGES = {Language.DA: "Dansk", Language.NB: "Norsk (bokmål)", Language.EN: "English"}


class _Figure(QWidget):
    """A number the customer may have of their own, or "the business's average"."""

    def __init__(self, own: float | None, average: float, suffix: str, decimals: int) -> None:
        super().__init__()
        self.own = QCheckBox()
        self.spin = QDoubleSpinBox()
        self.spin.setRange(0, 1e9)
        self.spin.setDecimals(decimals)
        self.spin.setSuffix(suffix)
        self.spin.setGroupSeparatorShown(True)
        self.spin.setValue(average if own is None else own)
        self.own.setChecked(own is not None)
        self.spin.setEnabled(own is not None)
        self.own.toggled.connect(self.spin.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.own)
        layout.addWidget(self.spin, 1)

    def value(self) -> float | None:
        return self.spin.value() if self.own.isChecked() else None


class CustomerEditDialog(WorkerDialog):
    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        card: CustomerCard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.services = services
        self.card = card
        settings = services.ctx.settings
        self.currency = settings.currency
        self.setWindowTitle(self.tr("Customer: %1").replace("%1", card.name))

        self.name = QLineEdit(card.name)
        self.language = QComboBox()
        for language, label in LANGUAGES.items():
            self.language.addItem(label, language.value)
        self.language.setCurrentIndex(list(LANGUAGES).index(card.language))
        # Picking a language (even the guessed one) is the founder's choice.
        self.language_chosen = False
        self.language.activated.connect(self._language_picked)
        self.language_hint = QLabel()
        self.language_hint.setStyleSheet(HINT_STYLE)
        self.language_hint.setWordWrap(True)
        if card.language_source == "guess" and card.language_reason:
            self.language_hint.setText(
                self.tr(
                    "Guessed from their first message (%1). Choose one to make it yours."
                ).replace("%1", card.language_reason)
            )
        self.language_hint.setVisible(bool(self.language_hint.text()))
        self.notes = QPlainTextEdit(card.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 4)
        self.annual = _Figure(
            card.annual_value, settings.default_annual_value, f" {self.currency}", 0
        )
        self.annual.own.setText(self.tr("Own figure"))
        self.years = _Figure(
            card.expected_years, settings.default_expected_years, self.tr(" years"), 1
        )
        self.years.own.setText(self.tr("Own figure"))
        self.worth = QLabel()
        self.worth.setStyleSheet(HINT_STYLE)
        for figure in (self.annual, self.years):
            figure.own.toggled.connect(self._update_worth)
            figure.spin.valueChanged.connect(self._update_worth)

        self.identities = QListWidget()
        self.identities.setAccessibleName(self.tr("Ways to reach the customer"))
        self.identities.setMaximumHeight(self.fontMetrics().height() * 6)
        for identity in card.identities:
            self._add_item(identity.kind, identity.value, identity.display)
        self.new_kind = QComboBox()
        for kind in IdentityKind:
            self.new_kind.addItem(fmt.identity_kind_name(kind), kind.value)
        self.new_value = QLineEdit()
        self.new_value.setPlaceholderText(self.tr("Email, phone number or handle"))
        self.new_value.returnPressed.connect(self._add_identity)
        add = QPushButton(self.tr("&Add"))
        add.clicked.connect(self._add_identity)
        self.remove = QPushButton(self.tr("Re&move"))
        self.remove.clicked.connect(self._remove_identity)
        adder = QHBoxLayout()
        adder.addWidget(self.new_kind)
        adder.addWidget(self.new_value, 1)
        adder.addWidget(add)
        adder.addWidget(self.remove)
        self.opted_out = QCheckBox(self.tr("Never ask this customer for surveys (opted out)"))
        self.opted_out.setChecked(card.opted_out)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", self.language_hint)
        form.addRow(self.tr("N&otes:"), self.notes)
        form.addRow(self.tr("Annual &value:"), self.annual)
        form.addRow(self.tr("Expected &years:"), self.years)
        form.addRow("", self.worth)
        form.addRow(self.tr("Reach them at:"), self.identities)
        form.addRow("", adder)
        form.addRow("", self.opted_out)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.connect_save(self.save_button)
        self.buttons.rejected.connect(self.reject)

        self.lay_out(form, self.buttons)
        self.setMinimumWidth(560)
        self._update_worth()
        self.name.setFocus()

    def _language_picked(self, _index: int) -> None:
        self.language_chosen = True

    # -- identities --------------------------------------------------------------------------

    def _add_item(self, kind: IdentityKind, value: str, display: str) -> None:
        item = QListWidgetItem(f"{fmt.identity_kind_name(kind)}: {display}")
        item.setData(Qt.ItemDataRole.UserRole, (kind.value, value))
        self.identities.addItem(item)

    def _add_identity(self) -> None:
        value = self.new_value.text().strip()
        if not value:
            return
        kind = IdentityKind(str(self.new_kind.currentData()))
        self._add_item(kind, value, value)
        self.new_value.clear()

    def _remove_identity(self) -> None:
        row = self.identities.currentRow()
        if row >= 0:
            self.identities.takeItem(row)

    def identity_pairs(self) -> set[tuple[IdentityKind, str]]:
        pairs = set()
        for i in range(self.identities.count()):
            kind, value = self.identities.item(i).data(Qt.ItemDataRole.UserRole)
            pairs.add((IdentityKind(kind), str(value)))
        return pairs

    # -- saving ----------------------------------------------------------------------------

    def _update_worth(self) -> None:
        worth = lifetime_value(
            self.annual.value(), self.years.value(), self.services.ctx.value_defaults
        )
        self.worth.setText(
            self.tr("Worth %1 over the years").replace("%1", fmt.money(worth, self.currency))
        )

    def build(self) -> CustomerEdit:
        before = {(i.kind, i.value) for i in self.card.identities}
        now = self.identity_pairs()
        chosen = Language(str(self.language.currentData()))
        return CustomerEdit(
            customer_id=self.card.id,
            changes=CustomerChanges(
                name=self.name.text(),
                # Only a changed language is the founder's choice: saving a note must not
                # turn a guess into a decision nobody made.
                language=chosen
                if self.language_chosen or chosen is not self.card.language
                else KEEP,
                notes=self.notes.toPlainText(),
                annual_value=self.annual.value(),
                expected_years=self.years.value(),
            ),
            added=tuple(sorted(now - before)),
            removed=tuple(sorted(before - now)),
            opted_out=self.opted_out.isChecked()
            if self.opted_out.isChecked() != self.card.opted_out
            else None,
        )

    def save_work(self) -> Callable[[], object]:
        edit, customer_edit = self.build(), self.services.customer_edit
        return lambda: customer_edit.apply(edit)

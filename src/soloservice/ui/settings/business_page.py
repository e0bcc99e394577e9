"""Who the business is, and what one customer is worth to it."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from soloservice.domain.settings import Settings
from soloservice.domain.types import Language
from soloservice.domain.value import format_money


class BusinessPage(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.founder_name = QLineEdit()
        self.business_name = QLineEdit()
        self.business_email = QLineEdit()
        self.business_phone = QLineEdit()
        self.business_website = QLineEdit()
        self.language = QComboBox()
        for language, label in (
            (Language.DA, self.tr("Danish")),
            (Language.NB, self.tr("Norwegian (bokmål)")),
            (Language.EN, self.tr("English")),
        ):
            self.language.addItem(label, language.value)
        self.currency = QLineEdit()
        self.currency.setMaxLength(8)
        self.currency.setMaximumWidth(90)
        self.annual = QDoubleSpinBox()
        self.annual.setRange(0, 100_000_000)
        self.annual.setDecimals(0)
        self.annual.setSingleStep(1000)
        self.annual.setGroupSeparatorShown(True)
        self.years = QDoubleSpinBox()
        self.years.setRange(0, 100)
        self.years.setDecimals(1)
        self.years.setSingleStep(0.5)
        self.years.setSuffix(self.tr(" years"))
        self.lifetime = QLabel()
        self.lifetime.setObjectName("lifetimeValue")
        self.lifetime.setWordWrap(True)

        form = QFormLayout(self)
        form.addRow(self.tr("Your &name:"), self.founder_name)
        form.addRow(self.tr("&Business name:"), self.business_name)
        form.addRow(self.tr("&Email:"), self.business_email)
        form.addRow(self.tr("&Phone:"), self.business_phone)
        form.addRow(self.tr("&Website:"), self.business_website)
        form.addRow(self.tr("Your &language:"), self.language)
        form.addRow(self.tr("C&urrency:"), self.currency)
        form.addRow(self.tr("&Average revenue per customer per year:"), self.annual)
        form.addRow(self.tr("E&xpected years as a customer:"), self.years)
        form.addRow(self.tr("Lifetime value:"), self.lifetime)
        hint = QLabel(
            self.tr(
                "A customer's own figures on the customer card override these averages. Next "
                "to a customer's lifetime value, a small remedy is nothing."
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        form.addRow(hint)

        for edit in (
            self.founder_name,
            self.business_name,
            self.business_email,
            self.business_phone,
            self.business_website,
            self.currency,
        ):
            edit.textChanged.connect(self.changed)
        self.language.currentIndexChanged.connect(self.changed)
        self.annual.valueChanged.connect(self.changed)
        self.years.valueChanged.connect(self.changed)
        self.changed.connect(self.update_lifetime)

    def load(self, settings: Settings) -> None:
        self.founder_name.setText(settings.founder_name)
        self.business_name.setText(settings.business_name)
        self.business_email.setText(settings.business_email)
        self.business_phone.setText(settings.business_phone)
        self.business_website.setText(settings.business_website)
        self.language.setCurrentIndex(
            max(0, self.language.findData(settings.founder_language.value))
        )
        self.currency.setText(settings.currency)
        self.annual.setValue(settings.default_annual_value)
        self.years.setValue(settings.default_expected_years)
        self.update_lifetime()

    def update_lifetime(self) -> None:
        currency = self.currency.text().strip()
        years = self.years.value()
        years_text = f"{years:g}"
        self.lifetime.setText(
            self.tr("%1 × %2 years = %3")
            .replace("%1", format_money(self.annual.value(), currency))
            .replace("%2", years_text)
            .replace("%3", format_money(self.annual.value() * years, currency))
        )

    def problems(self) -> list[str]:
        email = self.business_email.text().strip()
        if email and ("@" not in email or " " in email):
            return [self.tr("The business email does not look like an address.")]
        return []

    def apply(self, settings: Settings) -> Settings:
        return dataclasses.replace(
            settings,
            founder_name=self.founder_name.text().strip(),
            business_name=self.business_name.text().strip(),
            business_email=self.business_email.text().strip(),
            business_phone=self.business_phone.text().strip(),
            business_website=self.business_website.text().strip(),
            founder_language=Language(self.language.currentData()),
            currency=self.currency.text().strip(),
            default_annual_value=self.annual.value(),
            default_expected_years=self.years.value(),
        )

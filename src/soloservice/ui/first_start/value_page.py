"""The assistant's page on what a customer is worth: currency, yearly value and years."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QWizardPage

from soloservice.domain.settings import Settings
from soloservice.domain.value import format_money

CURRENCIES = ("kr", "DKK", "NOK", "SEK", "EUR", "€", "GBP", "USD")


class ValuePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("What a customer is worth"))
        self.setSubTitle(
            self.tr(
                "A typical customer's yearly spend and how long they stay. Next to that, "
                "a small remedy for a complaint is nothing."
            )
        )
        self.currency = QComboBox()
        self.currency.setObjectName("currency")
        self.currency.setEditable(True)
        self.currency.addItems(list(CURRENCIES))
        self.annual = QDoubleSpinBox()
        self.annual.setObjectName("annualValue")
        self.annual.setRange(0, 100_000_000)
        self.annual.setDecimals(0)
        self.annual.setSingleStep(1000)
        self.annual.setGroupSeparatorShown(True)
        self.years = QDoubleSpinBox()
        self.years.setObjectName("years")
        self.years.setRange(0.5, 100)
        self.years.setDecimals(1)
        self.years.setSingleStep(0.5)
        self.years.setSuffix(self.tr(" years"))
        self.lifetime = QLabel()
        self.lifetime.setObjectName("lifetimeValue")
        form = QFormLayout(self)
        form.addRow(self.tr("C&urrency:"), self.currency)
        form.addRow(self.tr("&Average revenue per customer per year:"), self.annual)
        form.addRow(self.tr("E&xpected years as a customer:"), self.years)
        form.addRow(self.tr("Lifetime value:"), self.lifetime)
        self.currency.currentTextChanged.connect(self._update)
        self.annual.valueChanged.connect(self._update)
        self.years.valueChanged.connect(self._update)

    def load(self, settings: Settings) -> None:
        self.currency.setCurrentText(settings.currency)
        self.annual.setValue(settings.default_annual_value)
        self.years.setValue(settings.default_expected_years)
        self._update()

    def _update(self, *_args: object) -> None:
        currency = self.currency.currentText().strip()
        self.lifetime.setText(
            self.tr("%1 × %2 years = %3")
            .replace("%1", format_money(self.annual.value(), currency))
            .replace("%2", f"{self.years.value():g}")
            .replace("%3", format_money(self.annual.value() * self.years.value(), currency))
        )

    def apply(self, settings: Settings) -> Settings:
        return dataclasses.replace(
            settings,
            currency=self.currency.currentText().strip() or settings.currency,
            default_annual_value=self.annual.value(),
            default_expected_years=self.years.value(),
        )

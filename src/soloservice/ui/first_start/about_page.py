"""The assistant's first page: who you are and which language you work in."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWizardPage

from soloservice.domain.settings import Settings
from soloservice.domain.types import Language


class AboutPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to SoloService"))
        self.setSubTitle(
            self.tr(
                "A few questions to set things up — about two minutes. Replies and "
                "acknowledgements are signed with these names."
            )
        )
        self.business_name = QLineEdit()
        self.business_name.setObjectName("businessName")
        self.business_name.setPlaceholderText(self.tr("e.g. Hygge Keramik"))
        self.founder_name = QLineEdit()
        self.founder_name.setObjectName("founderName")
        self.founder_name.setPlaceholderText(self.tr("e.g. Søs Jensen"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        for language, label in (
            (Language.DA, self.tr("Danish")),
            (Language.NB, self.tr("Norwegian (bokmål)")),
            (Language.EN, self.tr("English")),
        ):
            self.language.addItem(label, language.value)
        hint = QLabel(
            self.tr(
                "Your language is also the one new customers are written to in, until "
                "SoloService sees which language they write."
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        form = QFormLayout(self)
        form.addRow(self.tr("&Business name:"), self.business_name)
        form.addRow(self.tr("Your &name:"), self.founder_name)
        form.addRow(self.tr("Your &language:"), self.language)
        form.addRow(hint)
        self.registerField("businessName*", self.business_name)

    def load(self, settings: Settings) -> None:
        self.business_name.setText(settings.business_name)
        self.founder_name.setText(settings.founder_name)
        index = self.language.findData(settings.founder_language.value)
        self.language.setCurrentIndex(max(0, index))

    def apply(self, settings: Settings) -> Settings:
        return dataclasses.replace(
            settings,
            business_name=self.business_name.text().strip(),
            founder_name=self.founder_name.text().strip(),
            founder_language=Language(self.language.currentData()),
        )

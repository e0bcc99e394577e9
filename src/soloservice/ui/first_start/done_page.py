"""The assistant's last page: an optional form export to import, and "all can be changed"."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWizardPage


class DonePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Finish saves your answers."))
        self.import_csv = QCheckBox(
            self.tr("&Import entries from my website's contact form (a CSV export) next")
        )
        self.import_csv.setObjectName("importCsv")
        later = QLabel(
            self.tr(
                "Everything here can be changed later: Tools > Settings… (Ctrl+,) for your "
                "names, hours and values, Tools > Mail accounts… for mail, and "
                "File > Import for form exports."
            )
        )
        later.setObjectName("changeLater")
        later.setWordWrap(True)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.import_csv)
        self.box.addSpacing(12)
        self.box.addWidget(later)
        self.box.addStretch(1)

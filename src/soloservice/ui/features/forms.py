"""Web forms in the main window: Tools > Web form rules… (with live preview) and
File > Import > Form submissions (CSV)…"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from soloservice.services.forms import ImportSummary
from soloservice.ui.channels.common import import_menu, short_summary
from soloservice.ui.channels.csv_wizard import CsvImportWizard
from soloservice.ui.channels.rule_editor import FormRulesDialog
from soloservice.ui.icons import icon

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormsFeature", text)


class FormsFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.rules_dialog: FormRulesDialog | None = None
        self.wizard: CsvImportWizard | None = None
        self.rules_action = QAction(icon("form"), _tr("Web &form rules…"), window.widget)
        self.rules_action.setStatusTip(
            _tr("Which notification mails become form inquiries, with a live preview")
        )
        self.rules_action.triggered.connect(self.open_rules)
        window.menu("tools").addAction(self.rules_action)
        self.csv_action = QAction(icon("form"), _tr("Form submissions (&CSV)…"), window.widget)
        self.csv_action.setStatusTip(_tr("Import a CSV export of a web form"))
        self.csv_action.triggered.connect(self.open_csv_wizard)
        import_menu(window).addAction(self.csv_action)

    def open_rules(self) -> FormRulesDialog:
        if self.rules_dialog is None:
            dialog = FormRulesDialog(self.window.services, self.window.widget)
            dialog.rules_changed.connect(
                lambda: self.window.statusBar().showMessage(
                    _tr("Form rules saved; they apply to mail synced from now on"), 10_000
                )
            )
            self.rules_dialog = dialog
        self.rules_dialog.show()
        self.rules_dialog.raise_()
        self.rules_dialog.activateWindow()
        return self.rules_dialog

    def open_csv_wizard(self) -> CsvImportWizard:
        wizard = CsvImportWizard(self.window.services, self.window.runner, self.window.widget)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(self._imported)
        wizard.destroyed.connect(lambda: setattr(self, "wizard", None))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _imported(self, summary: ImportSummary) -> None:
        self.window.reload()
        self.window.statusBar().showMessage(
            _tr("Form CSV imported: %1").replace("%1", short_summary(summary)), 15_000
        )


def install(window: FeatureHost) -> FormsFeature:
    return FormsFeature(window)

"""Web forms in the main window: Tools > Web form rules… (with live preview) and
File > Import > Form submissions (CSV)…"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from soloservice.services.import_summary import ImportSummary
from soloservice.ui.channels.common import import_menu, short_summary
from soloservice.ui.icons import icon

if TYPE_CHECKING:
    from soloservice.ui.channels.csv_wizard import CsvImportWizard
    from soloservice.ui.channels.rule_editor import FormRulesDialog
    from soloservice.ui.features.host import FeatureHost


class FormsFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.rules_dialog: FormRulesDialog | None = None
        self.wizard: CsvImportWizard | None = None
        self.rules_action = QAction(
            icon("form"),
            QCoreApplication.translate("FormsFeature", "Web &form rules…"),
            window.widget,
        )
        self.rules_action.setStatusTip(
            QCoreApplication.translate(
                "FormsFeature",
                "Which notification mails become form inquiries, with a live preview",
            )
        )
        self.rules_action.triggered.connect(self.open_rules)
        window.menu("tools").addAction(self.rules_action)
        self.csv_action = QAction(
            icon("form"),
            QCoreApplication.translate("FormsFeature", "Form submissions (&CSV)…"),
            window.widget,
        )
        self.csv_action.setStatusTip(
            QCoreApplication.translate("FormsFeature", "Import a CSV export of a web form")
        )
        self.csv_action.triggered.connect(self.open_csv_wizard)
        import_menu(window).addAction(self.csv_action)

    def open_rules(self) -> FormRulesDialog:
        if self.rules_dialog is None:
            from soloservice.ui.channels.rule_editor import FormRulesDialog

            dialog = FormRulesDialog(self.window.services, self.window.widget, self.window.runner)
            dialog.rules_changed.connect(
                lambda: self.window.statusBar().showMessage(
                    QCoreApplication.translate(
                        "FormsFeature", "Form rules saved; they apply to mail synced from now on"
                    ),
                    10_000,
                )
            )
            self.rules_dialog = dialog
        self.rules_dialog.show()
        self.rules_dialog.raise_()
        self.rules_dialog.activateWindow()
        return self.rules_dialog

    def open_csv_wizard(self) -> CsvImportWizard:
        from soloservice.ui.channels.csv_wizard import CsvImportWizard

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
            QCoreApplication.translate("FormsFeature", "Form CSV imported: %1").replace(
                "%1", short_summary(summary)
            ),
            15_000,
        )


def install(window: FeatureHost) -> FormsFeature:
    return FormsFeature(window)

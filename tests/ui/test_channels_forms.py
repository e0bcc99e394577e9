"""Form rules editor with live preview, and the CSV import wizard, in the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from soloservice.channels.form.builtin_rules import SAMPLE_MAILS
from soloservice.services.registry import Services
from soloservice.ui.channels.csv_wizard import CsvImportWizard
from soloservice.ui.features.forms import FormsFeature
from soloservice.ui.main_window import MainWindow
from tests.services.test_forms import dump, write_csv

CF7 = "WordPress Contact Form 7"


def test_rule_preview_follows_the_subject_pattern_as_typed(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = window.feature("forms", FormsFeature).open_rules()
    qtbot.addWidget(dialog)
    assert CF7 in SAMPLE_MAILS
    dialog.sample_combo.setCurrentIndex(dialog.sample_combo.findData(CF7))
    dialog.new_rule()
    assert dialog.submission is None
    qtbot.keyClicks(dialog.name_edit, "Kontaktformular")
    with qtbot.waitSignal(dialog.preview_updated, check_params_cb=lambda s: s is not None):
        qtbot.keyClicks(dialog.subject_edit, "[Hygge Keramik]*")
    assert dialog.result_label.text().startswith("✓")
    assert dialog.submission is not None and dialog.submission.email == "mette.sorensen@gmail.com"
    values = [dialog.result_table.item(r, 1).text() for r in range(dialog.result_table.rowCount())]
    assert "Mette Sørensen" in values and "+4522334455" in values

    dialog.subject_edit.selectAll()
    with qtbot.waitSignal(dialog.preview_updated, check_params_cb=lambda s: s is None):
        qtbot.keyClicks(dialog.subject_edit, "Ny ordre *")
    assert "subject does not match" in dialog.result_label.text()
    assert dialog.result_table.rowCount() == 0

    dialog.subject_edit.selectAll()
    with qtbot.waitSignal(dialog.preview_updated):
        qtbot.keyClicks(dialog.subject_edit, "re:([Hygge")
    assert "not a valid regular expression" in dialog.pattern_error.text()
    assert dialog.save() is None and "regular expression" in dialog.save_error.text()

    dialog.subject_edit.selectAll()
    with qtbot.waitSignal(dialog.preview_updated, check_params_cb=lambda s: s is not None):
        qtbot.keyClicks(dialog.subject_edit, "re:^\\[Hygge")
    with qtbot.waitSignal(dialog.rules_changed):  # stored on the database lane
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    own = [v for v in window.services.forms.rules() if not v.builtin]
    assert [v.name for v in own] == ["Kontaktformular"]
    assert own[0].rule.subject_pattern == "re:^\\[Hygge"
    assert dialog.rule_list.currentItem().text() == "Kontaktformular"


def test_builtin_rules_are_read_only_and_copied_to_edit(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.feature("forms", FormsFeature).open_rules()
    qtbot.addWidget(dialog)
    dialog.rule_list.setCurrentRow(0)
    assert "(built-in)" in dialog.rule_list.currentItem().text()
    assert dialog.name_edit.isReadOnly() and not dialog.save_button.isEnabled()
    assert dialog.submission is not None  # its own sample matches
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert not dialog.name_edit.isReadOnly()
    assert dialog.name_edit.text() == f"{CF7} (mine)"
    with qtbot.waitSignal(dialog.rules_changed):
        assert dialog.save() is not None
    assert window.services.forms.rules()[0].name == f"{CF7} (mine)"


def _next(wizard: CsvImportWizard, qtbot: QtBot) -> None:
    button = wizard.button(
        QWizard.WizardButton.CommitButton
        if wizard.currentPage().isCommitPage()
        else QWizard.WizardButton.NextButton
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _open(window: MainWindow, qtbot: QtBot, path: Path) -> CsvImportWizard:
    wizard: CsvImportWizard = window.feature("forms", FormsFeature).open_csv_wizard()
    qtbot.waitExposed(wizard)
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    return wizard


def test_csv_wizard_imports_and_a_reimport_adds_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "kontakt.csv")
    before = window.model.rowCount()
    wizard = _open(window, qtbot, path)
    assert wizard.file_page.form_edit.text() == "kontakt"
    _next(wizard, qtbot)
    assert wizard.currentPage() is wizard.preview_page
    assert wizard.preview_page.table.rowCount() == 4
    assert wizard.preview_page.table.horizontalHeaderItem(1).text() == "Navn"
    _next(wizard, qtbot)
    combos = wizard.mapping_page.combos
    assert combos["name"].currentText() == "Navn"
    assert combos["email"].currentText() == "E-mail"
    assert combos["phone"].currentText() == "Telefon"
    assert combos["message"].currentText() == "Besked"
    assert not wizard.mapping_page.remembered.isVisibleTo(wizard)
    with qtbot.waitSignal(wizard.imported) as imported:
        _next(wizard, qtbot)
    summary = imported.args[0]
    assert (summary.new_inquiries, summary.duplicates) == (3, 0)
    assert "line 6" in wizard.import_page.report.toPlainText()
    assert window.model.rowCount() == before + 3
    wizard.close()

    again = _open(window, qtbot, path)
    _next(again, qtbot)
    _next(again, qtbot)
    assert again.mapping_page.remembered.isVisibleTo(again)
    with qtbot.waitSignal(again.imported) as second:
        _next(again, qtbot)
    assert second.args[0].new_inquiries == 0 and second.args[0].duplicates == 3
    assert again.import_page.status.text().startswith("Nothing new")
    assert window.model.rowCount() == before + 3
    again.close()


def test_broken_csv_stops_on_the_first_page_storing_nothing(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"PK\x03\x04 not a csv at all")
    before = dump(services)
    wizard = _open(window, qtbot, path)
    _next(wizard, qtbot)
    assert wizard.currentPage() is wizard.file_page
    assert "Excel workbook" in wizard.file_page.error.text()
    assert dump(services) == before
    wizard.close()

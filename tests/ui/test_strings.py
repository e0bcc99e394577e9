"""Strings as the founder sees them: no literal "&" where a mnemonic has no buddy, no
English month names in a Danish window, no header clipped in a longer language."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QHeaderView, QLabel, QWidget
from pytestqt.qtbot import QtBot

from soloservice.app import LANGUAGE_ENV, _install_translators
from soloservice.services.registry import Services
from soloservice.ui.features.review import ReviewFeature
from soloservice.ui.main_window import MainWindow
from tests.ui.screen_probe import OPENERS

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "soloservice"
UI = PACKAGE / "ui"
#: C-locale names of months and weekdays: strftime/format specs that print them
_NAMES = re.compile(r"%[aAbBc]")


def test_no_ui_code_formats_dates_with_c_locale_names() -> None:
    """strftime("%b") prints "Nov" in a Danish window; QLocale writes "nov."."""
    found: list[str] = []
    for path in sorted([*UI.rglob("*.py"), *(PACKAGE / "reports").rglob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            texts: list[str] = []
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "strftime":
                texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
            elif isinstance(node, ast.FormattedValue) and node.format_spec is not None:
                texts = [
                    v.value
                    for v in ast.walk(node.format_spec)
                    if isinstance(v, ast.Constant) and isinstance(v.value, str)
                ]
            if any(_NAMES.search(str(t)) for t in texts):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []


@pytest.fixture(params=["en", "da", "nb", "pseudo"])
def language(
    request: pytest.FixtureRequest, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    before = QLocale()
    monkeypatch.setenv(LANGUAGE_ENV, str(request.param))
    installed: list[QTranslator] = _install_translators(qapp)  # type: ignore[arg-type]
    yield str(request.param)
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def _literal_ampersands(root: QWidget) -> list[str]:
    """Labels showing "&" as typed: a mnemonic with no buddy to give it to."""
    bad = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if label.textFormat().name == "RichText" or "<" in text:
            continue
        if re.search(r"(?<!&)&(?!&)\w", text) and label.buddy() is None:
            bad.append(text)
    return bad


def _clipped_headers(root: QWidget) -> list[str]:
    bad = []
    for header in root.findChildren(QHeaderView):
        if not header.isVisibleTo(root) or header.orientation().name != "Horizontal":
            continue
        model = header.model()
        if model is None:
            continue
        metrics = header.fontMetrics()
        for section in range(header.count()):
            if header.isSectionHidden(section) or header.sectionSize(section) == 0:
                continue
            title = str(model.headerData(section, header.orientation()) or "")
            if not title:
                continue
            arrow = (
                18
                if header.isSortIndicatorShown() and header.sortIndicatorSection() == section
                else 0
            )
            if header.sectionSize(section) < metrics.horizontalAdvance(title) + arrow + 6:
                bad.append(title)
    return bad


def test_labels_headers_and_months_in_every_language(
    qtbot: QtBot, data_dir: Path, language: str
) -> None:
    from soloservice.cli import main as cli_main

    assert cli_main(["--data-dir", str(data_dir), "demo", "--count", "40"]) == 0
    services = Services.open(data_dir)
    window = MainWindow(services)
    qtbot.addWidget(window, before_close_func=lambda w: (w.runner.wait(), services.close()))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    problems = [f"main window: label {t!r}" for t in _literal_ampersands(window)]
    problems += [f"main window: header {t!r}" for t in _clipped_headers(window)]
    for name, opener in OPENERS.items():
        opened = opener(window)
        qtbot.waitExposed(opened)
        problems += [f"{name}: label {t!r}" for t in _literal_ampersands(opened)]
        problems += [f"{name}: header {t!r}" for t in _clipped_headers(opened)]
        opened.close()
    dialog = window.new_inquiry() or window.new_dialog
    if dialog is not None:
        problems += [f"new inquiry: label {t!r}" for t in _literal_ampersands(dialog)]
        dialog.close()
    review = window.feature("review", ReviewFeature).open()
    week = review.week_label.text()
    review.close()
    if language in ("da", "nb"):
        assert not re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", week), week
    assert problems == []

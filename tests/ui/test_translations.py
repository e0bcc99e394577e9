"""The Danish and Norwegian GUI: complete, compiled, and really picked up by the widgets."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soloservice.app import LANGUAGE_ENV, _install_translators, ui_language
from soloservice.assets import TRANSLATIONS, resource_dir
from soloservice.services.registry import Services
from soloservice.ui.tasks import TaskRunner
from tests.ui.conftest import open_window

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%(?:\d|n)")
sys.path.insert(0, str(ROOT / "packaging"))
from build_resources import compile_translations  # noqa: E402


def _load_i18n() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "soloservice_i18n", ROOT / "packaging" / "i18n.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


i18n = _load_i18n()
LANGS = ["da", "nb"]  # translated in full; soloservice_en.ts holds only plural forms
FIX = (
    "Run `python packaging/i18n.py update`, translate the new strings in "
    'resources/translations/*.ts (drop type="unfinished"), then `python packaging/i18n.py '
    "compile`."
)


@dataclass(frozen=True)
class Entry:
    forms: tuple[str, ...]  # one translation, or the numerus forms of a %n message
    finished: bool
    numerus: bool


def read_ts(path: Path) -> dict[tuple[str, str], Entry]:
    """(context, source) -> translation, as pyside6-lupdate wrote the file."""
    entries: dict[tuple[str, str], Entry] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            assert node is not None
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(f.text or "" for f in node.iter("numerusform"))
                if numerus
                else (node.text or "",)
            )
            finished = node.get("type") is None and all(f.strip() for f in forms)
            entries[(name, message.findtext("source") or "")] = Entry(forms, finished, numerus)
    return entries


def _mnemonics(text: str) -> int:
    """ "&x" marks a shortcut letter; "&&" and a lone "& " are a literal ampersand."""
    return len(re.findall(r"&(?=[^&\s])", text.replace("&&", "")))


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated_with_the_same_placeholders_and_mnemonics(lang: str) -> None:
    entries = read_ts(i18n.TS_DIR / f"soloservice_{lang}.ts")
    assert entries
    bad = []
    for (context, source), entry in sorted(entries.items()):
        if not entry.finished:
            bad.append(f"untranslated: [{context}] {source!r}")
            continue
        for text in entry.forms:
            wanted = _placeholders(source)
            if entry.numerus and "%n" not in text:  # "the inquiry" for one may drop the number
                wanted = [p for p in wanted if p != "%n"]
            if _placeholders(text) != wanted:
                bad.append(f"placeholders differ: [{context}] {source!r} -> {text!r}")
            elif _mnemonics(source) != _mnemonics(text) or _mnemonics(text) > 1:
                bad.append(f"mnemonic '&' count differs: [{context}] {source!r} -> {text!r}")
    assert not bad, "\n".join(bad)


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[tuple[str, str], Entry]]:
    """What pyside6-lupdate extracts from the code now, merged into copies of the .ts files."""
    out = tmp_path_factory.mktemp("lupdate")
    copies = {}
    for lang in ("da", "nb", "en"):
        copies[lang] = out / f"soloservice_{lang}.ts"
        shutil.copyfile(i18n.TS_DIR / f"soloservice_{lang}.ts", copies[lang])
    i18n.run_lupdate([copies["da"], copies["nb"]])
    i18n.run_lupdate([copies["en"]], plural_only=True)
    return {lang: read_ts(path) for lang, path in copies.items()}


@pytest.mark.parametrize("lang", ["da", "nb", "en"])
def test_lupdate_finds_every_string_translated_and_nothing_stale(
    lang: str, fresh_ts: dict[str, dict[tuple[str, str], Entry]]
) -> None:
    committed = read_ts(i18n.TS_DIR / f"soloservice_{lang}.ts")
    fresh = fresh_ts[lang]
    faults = [
        f"{lang}: not in the .ts: [{c}] {s!r}" for c, s in sorted(set(fresh) - set(committed))
    ]
    faults += [
        f"{lang}: gone from the code: [{c}] {s!r}" for c, s in sorted(set(committed) - set(fresh))
    ]
    faults += [
        f"{lang}: untranslated: [{c}] {s!r}"
        for (c, s), e in sorted(fresh.items())
        if not e.finished
    ]
    assert not faults, "\n".join(faults) + "\n\n" + FIX


def test_lupdate_sees_every_kind_of_call(
    fresh_ts: dict[str, dict[tuple[str, str], Entry]],
) -> None:
    found = fresh_ts["da"]
    expected = [
        ("SidebarModel", "Inbox"),  # self.tr in a model
        ("actions", "&Inquiry"),  # QCoreApplication.translate in a module
        ("feedback", "NPS pulse"),
        ("MailSync", "No new mail"),
        ("mail", "%1 KB"),
        ("SocialAccounts", "failed"),  # inside a function
        ("QuarantineDialog", "Kind"),  # QT_TRANSLATE_NOOP in a tuple, translated in a loop
        ("CustomerMatching", "New customer"),  # a mixin: explicit context
        ("app", "SoloService cannot start"),
    ]
    for key in expected:
        assert key in found, key
    plural = found[("MailSync", "%n problem(s), see the warning")]
    assert plural.numerus and len(plural.forms) == 2
    assert fresh_ts["en"][("Review", "%n complaint(s)")].numerus


def _calls(tree: ast.AST) -> Iterator[ast.Call]:
    return (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def test_counted_messages_use_a_form_lupdate_reads_as_plural() -> None:
    """``translate(ctx, text, "", n)`` loses its plural forms in pyside6-lupdate (see
    soloservice/plurals.py); ``Name = PluralContext("Name")`` must bind its own name."""
    faults = []
    for path in i18n.sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT)
        for call in _calls(tree):
            func = call.func
            if isinstance(func, ast.Attribute) and func.attr == "translate" and len(call.args) > 3:
                faults.append(f"{where}:{call.lineno}: use PluralContext(...).tr for %n")
        for stmt in ast.walk(tree):
            if (
                isinstance(stmt, ast.Assign)
                and isinstance(stmt.value, ast.Call)
                and isinstance(stmt.value.func, ast.Name)
                and stmt.value.func.id == "PluralContext"
            ):
                target = stmt.targets[0]
                arg = stmt.value.args[0]
                name = target.id if isinstance(target, ast.Name) else None
                if not (isinstance(arg, ast.Constant) and arg.value == name):
                    faults.append(f"{where}:{stmt.lineno}: bind PluralContext(X) to the name X")
    assert not faults, "\n".join(faults)


@pytest.mark.parametrize("lang", ["da", "nb", "en"])
def test_compiled_translations_are_current(lang: str, tmp_path: Path) -> None:
    """Every .ts has a .qm where the app loads it (the package, or build/ of a checkout)."""
    compile_translations(tmp_path)
    qm = resource_dir(TRANSLATIONS) / f"soloservice_{lang}.qm"
    assert qm.is_file(), f"{qm} is missing: run `python packaging/i18n.py compile`"
    assert qm.read_bytes() == (tmp_path / qm.name).read_bytes(), (
        f"{qm} is stale: run `python packaging/i18n.py compile`"
    )


@pytest.fixture
def app_language(
    request: pytest.FixtureRequest, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The language as the app itself installs it (soloservice.app), undone afterwards."""
    lang = str(request.param)
    before = QLocale()
    monkeypatch.setenv(LANGUAGE_ENV, lang)
    installed = _install_translators(qapp)
    yield lang
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


PLURALS = {
    "en": ("1 complaint", "3 complaints", "&Send to 1 customer", "&Send to 3 customers"),
    "da": ("1 klage", "3 klager", "&Send til 1 kunde", "&Send til 3 kunder"),
    "nb": ("1 klage", "3 klager", "&Send til 1 kunde", "&Send til 3 kunder"),
}


@pytest.mark.parametrize("app_language", ["en", "da", "nb"], indirect=True)
def test_counts_take_the_singular_for_one_and_the_plural_for_three(
    app_language: str, qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    from soloservice.reports.labels import iceberg_sentence
    from soloservice.ui.feedback.pulse_window import PulseWindow

    one, three, send_one, send_three = PLURALS[app_language]
    assert iceberg_sentence(1, 10, 26).startswith(one + " — ")
    assert iceberg_sentence(3, 30, 78).startswith(three + " — ")
    pulse = PulseWindow(services, runner)
    qtbot.addWidget(pulse)
    pulse._update_send(1)
    assert pulse.send_button.text() == send_one
    pulse._update_send(3)
    assert pulse.send_button.text() == send_three


@pytest.mark.parametrize(
    ("env", "system", "expected"),
    [
        ("", "da_DK", "da"),
        ("", "nb_NO", "nb"),
        ("", "nn_NO", "nb"),
        ("", "en_GB", "en"),
        ("nb", "da_DK", "nb"),
        ("no", "en_US", "nb"),
        ("en", "da_DK", "en"),
        ("da", "en_US", "da"),
    ],
)
def test_ui_language(monkeypatch: pytest.MonkeyPatch, env: str, system: str, expected: str) -> None:
    monkeypatch.setenv("SOLOSERVICE_LANG", env)
    assert ui_language(QLocale(system)) == expected


@pytest.fixture
def translator(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    lang = request.param
    t = QTranslator()
    assert t.load(f"soloservice_{lang}", str(resource_dir(TRANSLATIONS)))
    qapp.installTranslator(t)
    yield lang
    qapp.removeTranslator(t)


def _texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    out: list[str] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        out.append(str(model.data(index, Qt.ItemDataRole.DisplayRole)))
        out.extend(_texts(model, index))
    return out


EXPECTED = {
    "da": {"inbox": "Indbakke", "menu": "H&envendelse", "tools": "Værk&tøjer", "kb": "%1 KB"},
    "nb": {"inbox": "Innboks", "menu": "H&envendelse", "tools": "Verk&tøy", "kb": "%1 KB"},
}


@pytest.mark.parametrize("translator", LANGS, indirect=True)
def test_main_window_speaks_the_language(
    translator: str, qtbot: QtBot, services: Services, seeded: list[int], tmp_path: Path
) -> None:
    want = EXPECTED[translator]
    window = open_window(qtbot, services)
    assert any(t.startswith(want["inbox"]) for t in _texts(window.sidebar_model))
    assert window.menu("inquiry").title() == want["menu"]
    assert window.menu("tools").title() == want["tools"]
    # self.tr in a subclass: PySide must find the class's own context.
    english = {"Inbox", "&Inquiry", "Overdue", "Waiting on customer"}
    shown = set(_texts(window.sidebar_model)) | {
        a.text() for a in window.menuBar().actions() if a.text()
    }
    assert not (english & shown)
    if translator == "da":
        window.resize(1280, 800)
        # A look at the translated window for whoever debugs a failure; kept in pytest's
        # own temp dir (pytest prunes it), never in the system temp dir.
        shot = tmp_path / "shot-da-main.png"
        assert window.grab().save(str(shot)) and shot.stat().st_size > 0
    window.close()


@pytest.mark.parametrize("translator", ["da"], indirect=True)
def test_module_level_contexts_resolve_at_runtime(translator: str) -> None:
    from soloservice.ui.feedback import labels
    from soloservice.ui.mail.common import human_size

    assert labels.state_name(labels.DUE) == QCoreApplication.translate("feedback", "Due now")
    assert QCoreApplication.translate("feedback", "NPS pulse") == "NPS-puls"
    assert QCoreApplication.translate("MailSync", "No new mail") == "Ingen ny mail"
    assert QCoreApplication.translate("SidebarModel", "Overdue") == "Overskredet"
    assert human_size(2048) == QCoreApplication.translate("mail", "%1 KB").replace("%1", "2")


@pytest.mark.parametrize("translator", ["da"], indirect=True)
def test_self_tr_of_a_subclass_uses_the_defining_class(
    translator: str, qtbot: QtBot, runner: TaskRunner
) -> None:
    """PySide looks the context up along the MRO, so inherited self.tr calls still translate."""
    from soloservice.ui.worker_dialog import WorkerDialog

    class Sub(WorkerDialog):
        pass

    dialog = Sub(runner)
    qtbot.addWidget(dialog)
    assert dialog.tr("Could not save: %1") == "Kunne ikke gemme: %1"

"""The layer rule, checked: domain <- storage <- channels <- services <- ui; app.py composes.

Read from the source with ``ast`` so a forbidden import fails here even if no test happens
to execute the module.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "soloservice"

QT = ("PySide6", "shiboken6")
ORM = ("sqlalchemy", "sqlmodel", "alembic")


def _ours(*layers: str) -> tuple[str, ...]:
    return tuple(f"soloservice.{layer}" for layer in layers)


FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": QT + ORM + _ours("storage", "channels", "services", "reports", "ui", "app", "cli"),
    "storage": QT + _ours("channels", "services", "reports", "ui", "app", "cli"),
    "channels": QT + ORM + _ours("storage", "services", "reports", "ui", "app", "cli"),
    "services": QT + _ours("reports", "ui", "app", "cli"),
    # Qt drawing below the window (the review PDF): the GUI and the CLI both call it.
    "reports": ORM + _ours("storage.tables", "channels", "ui", "app", "cli"),
    # ui shows and asks: every rule and write goes through a service.
    "ui": ORM + _ours("storage", "channels", "cli"),
    # the CLI reaches the GUI only through its entry point (app.run_gui, see ALLOWED)
    "cli": _ours("ui", "app"),
}

#: Imports the layer rule allows for now, each with why and until when. An entry that no
#: longer matches fails ``test_the_allowances_are_still_needed``, so none outlives its reason.
ALLOWED: dict[str, str] = {
    # `soloservice gui` (and the bare `soloservice`) start the window: the one way in.
    "soloservice/cli/inbox_cmds.py imports soloservice.app": "the GUI entry point",
}


def imported_modules(path: Path, top_level_only: bool = False) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: list[tuple[int, str]] = []
    for node in nodes:
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _violations(
    path: Path,
    forbidden: tuple[str, ...],
    top_level_only: bool = False,
    allowed: Mapping[str, str] | None = None,
) -> list[str]:
    found = []
    for line, name in imported_modules(path, top_level_only):
        if not any(name == f or name.startswith(f + ".") for f in forbidden):
            continue
        what = f"{path.relative_to(PACKAGE.parent).as_posix()} imports {name}"
        if allowed is None or what not in allowed:
            found.append(f"{what} (line {line})")
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_inward(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"layer {layer} has no modules"
    problems = [v for f in files for v in _violations(f, FORBIDDEN[layer], allowed=ALLOWED)]
    assert problems == [], "\n".join(problems)


def test_the_allowances_are_still_needed() -> None:
    used = {
        v.split(" (line")[0]
        for layer, forbidden in FORBIDDEN.items()
        for f in sorted((PACKAGE / layer).rglob("*.py"))
        for v in _violations(f, forbidden)
    }
    assert sorted(set(ALLOWED) - used) == []


def _table_classes() -> set[str]:
    names: set[str] = set()
    for path in (PACKAGE / "storage").glob("*tables.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names.update(n.name for n in tree.body if isinstance(n, ast.ClassDef))
    return names


def _names_in(annotation: ast.expr) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(annotation):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.update(re.findall(r"\w+", node.value))
    return found


def _is_service(cls: ast.ClassDef) -> bool:
    """A class built over the ServiceContext: what ui and cli reach through ``Services``."""
    for item in cls.body:
        if isinstance(item, ast.FunctionDef) and item.name == "__init__":
            return any(
                a.annotation is not None and "ServiceContext" in _names_in(a.annotation)
                for a in item.args.args
            )
    return False


def row_leaks(path: Path, tables: set[str], root: Path = PACKAGE.parent) -> list[str]:
    """Public use cases of service classes whose signature names an ORM table class.

    A method that takes the caller's ``Session`` is an in-transaction building block for
    other services (``*_in``, ``row``); ui and cli hold no session, so they never reach it.
    Every other public method is a use case: it hands out frozen DTOs, never rows.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    leaks = []
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef) or cls.name.startswith("_") or not _is_service(cls):
            continue
        for fn in cls.body:
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if fn.name.startswith("_"):
                continue
            args = [*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs]
            annotations = [a.annotation for a in args if a.annotation is not None]
            names = set().union(*(_names_in(a) for a in annotations)) if annotations else set()
            if "Session" in names:
                continue
            if fn.returns is not None:
                names |= _names_in(fn.returns)
            if names & tables:
                rel = path.relative_to(root).as_posix()
                leaks.append(f"{rel}:{fn.lineno} {cls.name}.{fn.name} {sorted(names & tables)}")
    return leaks


def test_services_hand_out_no_orm_rows() -> None:
    tables = _table_classes()
    assert {"InquiryRow", "CustomerRow"} <= tables
    problems = [
        leak
        for path in sorted((PACKAGE / "services").rglob("*.py"))
        for leak in row_leaks(path, tables)
    ]
    assert problems == [], "\n".join(problems)


def test_service_hooks_take_plain_data() -> None:
    """``ctx.on_resolved`` / ``on_reopened`` get (session, inquiry id), not an ORM row."""
    context = PACKAGE / "services" / "context.py"
    assert not [
        n for _, n in imported_modules(context) if n.startswith("soloservice.storage.tables")
    ]


def test_the_row_checker_catches_a_leak(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "class S:\n"
        "    def __init__(self, ctx: ServiceContext) -> None: ...\n"
        "    def get(self, i: int) -> InquiryRow: ...\n"
        "    def row_in(self, session: Session, i: int) -> InquiryRow: ...\n"
        "    def _private(self) -> InquiryRow: ...\n"
    )
    assert row_leaks(bad, {"InquiryRow"}, tmp_path) == ["bad.py:3 S.get ['InquiryRow']"]


#: files still deriving the data folder themselves, each with why
DATA_DIR_ALLOWED = {
    "soloservice/services/context.py": "defines ServiceContext.data_dir",
    "soloservice/services/mail_sync.py": "being reworked by another change: use ctx.data_dir",
}


def test_the_data_folder_comes_from_the_context() -> None:
    """``ctx.data_dir``, not ``ctx.db.path.parent`` re-derived here and there."""
    found = {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in sorted(PACKAGE.rglob("*.py"))
        if "db.path.parent" in path.read_text(encoding="utf-8")
    }
    assert found <= set(DATA_DIR_ALLOWED), sorted(found - set(DATA_DIR_ALLOWED))


def test_the_data_dir_is_where_services_opened_the_store(tmp_path: Path) -> None:
    from soloservice.services.registry import Services

    services = Services.open(tmp_path)
    try:
        assert services.ctx.data_dir == tmp_path
        assert services.settings.path.parent == tmp_path
    finally:
        services.close()


FEATURES = PACKAGE / "ui" / "features"


def window_leaks(path: Path, root: Path = PACKAGE.parent) -> list[str]:
    """Where a feature module reaches past ``FeatureHost`` (ui/features/host.py) to the
    whole main window: an import of ``soloservice.ui.main_window`` (a type-only one too,
    relative ones resolved) or an ``install`` whose window is not typed ``FeatureHost``."""
    rel = path.relative_to(root).as_posix()
    package = rel.removesuffix(".py").replace("/", ".").rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    leaks: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        names = [alias.name for alias in node.names]
        if isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            names = [module, *(f"{module}.{name}" for name in names)]
        if "soloservice.ui.main_window" in names:
            leaks.append((node.lineno, "imports soloservice.ui.main_window"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "install":
            args = node.args.args
            annotation = args[0].annotation if args else None
            typed = ast.unparse(annotation).strip("'\"") if annotation is not None else None
            if typed != "FeatureHost":
                leaks.append((node.lineno, f"install(window: {typed})"))
    return [f"{rel}:{line} {what}" for line, what in sorted(leaks)]


def test_features_reach_the_window_only_through_the_feature_host() -> None:
    """A feature given the whole window can lift the table out of its layout or read
    another feature's widgets; a change to how the window is built then breaks it far away.
    Every extension point a feature needs is named in ``FeatureHost`` instead."""
    modules = sorted(FEATURES.glob("*.py"))
    assert len(modules) > 10 and FEATURES / "getting_started.py" in modules
    problems = [leak for path in modules for leak in window_leaks(path)]
    assert problems == [], "\n".join(problems)


def test_the_window_checker_catches_a_feature_that_takes_the_window(tmp_path: Path) -> None:
    features = tmp_path / "soloservice" / "ui" / "features"
    features.mkdir(parents=True)
    bad = features / "bad.py"
    bad.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from ..main_window import MainWindow\n"
        "from soloservice.ui import main_window\n"
        "def install(window: 'MainWindow') -> object: ...\n"
    )
    good = features / "good.py"
    good.write_text(
        "from soloservice.ui.features.host import FeatureHost\n"
        "from soloservice.ui.inbox.table import InboxTable\n"
        "def install(window: FeatureHost) -> object: ...\n"
    )
    assert window_leaks(bad, tmp_path) == [
        "soloservice/ui/features/bad.py:3 imports soloservice.ui.main_window",
        "soloservice/ui/features/bad.py:4 imports soloservice.ui.main_window",
        "soloservice/ui/features/bad.py:5 install(window: MainWindow)",
    ]
    assert window_leaks(good, tmp_path) == []

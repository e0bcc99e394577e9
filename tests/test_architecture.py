"""The layer rule, checked: domain <- storage <- channels <- services <- ui; app.py composes.

Read from the source with ``ast`` so a forbidden import fails here even if no test happens
to execute the module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "soloservice"

QT = ("PySide6", "shiboken6")
ORM = ("sqlalchemy", "sqlmodel", "alembic")


def _ours(*layers: str) -> tuple[str, ...]:
    return tuple(f"soloservice.{layer}" for layer in layers)


FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": QT + ORM + _ours("storage", "channels", "services", "ui", "app", "cli"),
    "storage": QT + _ours("channels", "services", "ui", "app", "cli"),
    "channels": QT + ORM + _ours("storage", "services", "ui", "app", "cli"),
    "services": QT + _ours("ui", "app", "cli"),
    "ui": ORM + _ours("storage.tables", "cli"),
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


def _violations(path: Path, forbidden: tuple[str, ...], top_level_only: bool = False) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}"
        for line, name in imported_modules(path, top_level_only)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_inward(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"layer {layer} has no modules"
    problems = [v for f in files for v in _violations(f, FORBIDDEN[layer])]
    assert problems == [], "\n".join(problems)


def test_cli_does_not_import_qt_at_start_up() -> None:
    """Scripts and cron jobs must not pay for (or need) Qt; the GUI is imported lazily."""
    modules = sorted((PACKAGE / "cli").rglob("*.py"))
    assert modules, "src/soloservice/cli/ is missing"
    problems = [
        v for m in modules for v in _violations(m, QT + _ours("ui", "app"), top_level_only=True)
    ]
    assert problems == [], "\n".join(problems)


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtCore import QObject\n")
    assert imported_modules(bad) == [(2, "PySide6.QtCore")]

"""Keeps the GUI's Danish and Norwegian translations in step with the code.

    python packaging/i18n.py extract   # add new strings to the .ts files (keeps translations)
    python packaging/i18n.py compile   # .ts -> .qm with pyside6-lrelease
    python packaging/i18n.py check     # exit 1 listing strings that are missing or untranslated

pyside6-lupdate only knows ``self.tr`` and ``QCoreApplication.translate``; our modules mostly go
through small wrappers (``_tr(text)`` with a fixed context, ``tr(context, text)`` helpers, module
aliases such as ``lb.tr``), so the strings are collected here with ``ast`` instead.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PACKAGE = SRC / "soloservice"
SCAN = (PACKAGE / "ui", PACKAGE / "reports", PACKAGE / "app.py")
TRANSLATIONS = PACKAGE / "resources" / "translations"
LANGUAGES = {"da": "da_DK", "nb": "nb_NO"}


@dataclass(frozen=True, order=True)
class Message:
    context: str
    source: str


@dataclass
class Extraction:
    messages: dict[Message, list[str]] = field(default_factory=dict)  # -> "file:line" places
    problems: list[str] = field(default_factory=list)  # calls whose text cannot be extracted

    def add(self, context: str, source: str, where: str) -> None:
        self.messages.setdefault(Message(context, source), []).append(where)


# A wrapper is ("fixed", context) for ``f(text)`` or ("context", "") for ``f(context, text)``.
Wrapper = tuple[str, str]


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _is_translate_call(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and (
        isinstance(node.func, ast.Attribute) and node.func.attr == "translate"
    )


def _wrapper_of(func: ast.FunctionDef, known: dict[str, Wrapper]) -> Wrapper | None:
    """``def _tr(t): return X.translate("Ctx", t)`` and friends; None for anything else."""
    body = [s for s in func.body if not (isinstance(s, ast.Expr) and _literal(s.value) is not None)]
    params = [a.arg for a in func.args.args]
    if len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
        return None
    call = body[0].value
    if not isinstance(call, ast.Call) or len(call.args) != 2:
        return None
    first, second = call.args
    if not isinstance(second, ast.Name) or second.id not in params:
        return None
    via_translate = _is_translate_call(call)
    via_helper = (
        isinstance(call.func, ast.Name) and known.get(call.func.id, ("", ""))[0] == "context"
    )
    if not (via_translate or via_helper):
        return None
    ctx = _literal(first)
    if ctx is not None and len(params) == 1:
        return ("fixed", ctx)
    if isinstance(first, ast.Name) and first.id in params and len(params) == 2:
        return ("context", "")
    return None


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _python_files() -> list[Path]:
    found: list[Path] = []
    for place in SCAN:
        found.extend(sorted(place.rglob("*.py")) if place.is_dir() else [place])
    return found


def _top_level_wrappers(tree: ast.Module, imported: dict[str, Wrapper]) -> dict[str, Wrapper]:
    wrappers: dict[str, Wrapper] = {}
    # Two rounds: a fixed-context wrapper may call a context helper defined in the same module.
    for _ in range(2):
        for stmt in tree.body:
            if isinstance(stmt, ast.FunctionDef):
                found = _wrapper_of(stmt, {**imported, **wrappers})
                if found:
                    wrappers[stmt.name] = found
    return wrappers


def _imports(
    tree: ast.Module, by_module: dict[str, dict[str, Wrapper]]
) -> tuple[dict[str, Wrapper], dict[str, dict[str, Wrapper]]]:
    """Wrapper functions imported by name, and modules imported under a name (``lb.tr``)."""
    names: dict[str, Wrapper] = {}
    aliases: dict[str, dict[str, Wrapper]] = {}
    for stmt in ast.walk(tree):
        if isinstance(stmt, ast.ImportFrom) and stmt.module:
            for alias in stmt.names:
                sub = f"{stmt.module}.{alias.name}"
                if sub in by_module:  # from package import module [as x]
                    aliases[alias.asname or alias.name] = by_module[sub]
                elif alias.name in by_module.get(stmt.module, {}):
                    names[alias.asname or alias.name] = by_module[stmt.module][alias.name]
        elif isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname and alias.name in by_module:
                    aliases[alias.asname] = by_module[alias.name]
    return names, aliases


class _Collector(ast.NodeVisitor):
    def __init__(
        self,
        where: str,
        wrappers: dict[str, Wrapper],
        modules: dict[str, dict[str, Wrapper]],
        out: Extraction,
        passed: dict[str, dict[int, Wrapper]],
    ) -> None:
        self.where = where
        self.scopes: list[dict[str, Wrapper]] = [dict(wrappers)]
        self.module_aliases: dict[str, dict[str, Wrapper]] = modules
        self.classes: list[str] = []
        self.constants: list[dict[str, list[str]]] = []  # module, then class: NAME = ("a", ..)
        self.loop_values: dict[str, list[str]] = {}  # `_tr(h) for h in HEADERS`
        # function name -> argument position -> wrapper handed in (`message(items, _tr)`)
        self.passed = passed
        self.out = out

    def _lookup(self, name: str) -> Wrapper | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return None

    def visit_Module(self, node: ast.Module) -> None:
        self.constants.append(_string_tuples(node.body))
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.constants.append(_string_tuples(node.body))
        self.generic_visit(node)
        self.constants.pop()
        self.classes.pop()

    def _strings(self, node: ast.expr) -> list[str] | None:
        """The literal strings a loop iterates over, when they are written down as such."""
        if isinstance(node, (ast.Tuple, ast.List)):
            values = [_literal(e) for e in node.elts]
            return None if None in values else [v for v in values if v is not None]
        name = None
        if isinstance(node, ast.Name):
            name = node.id
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and (node.value.id in ("self", "cls") or node.value.id in self.classes)
        ):
            name = node.attr
        for scope in reversed(self.constants):
            if name in scope:
                return scope[name]
        return None

    def _visit_loop(self, node: ast.AST, generators: list[tuple[ast.expr, ast.expr]]) -> None:
        bound: list[str] = []
        for target, iterable in generators:
            values = self._strings(iterable)
            if isinstance(target, ast.Name) and values is not None:
                self.loop_values[target.id] = values
                bound.append(target.id)
        self.generic_visit(node)
        for name in bound:
            self.loop_values.pop(name, None)

    def visit_For(self, node: ast.For) -> None:
        self._visit_loop(node, [(node.target, node.iter)])

    def _visit_comprehension(self, node: ast.ListComp | ast.GeneratorExp | ast.SetComp) -> None:
        self._visit_loop(node, [(g.target, g.iter) for g in node.generators])

    visit_ListComp = visit_GeneratorExp = visit_SetComp = _visit_comprehension

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        local: dict[str, Wrapper] = {}
        params = [a.arg for a in node.args.args]
        offset = 1 if params[:1] in (["self"], ["cls"]) else 0
        for position, wrapper in self.passed.get(node.name, {}).items():
            if position + offset < len(params):
                local[params[position + offset]] = wrapper
        for stmt in node.body:
            if isinstance(stmt, ast.FunctionDef):
                found = _wrapper_of(stmt, {**self.scopes[-1], **local})
                if found:
                    local[stmt.name] = found
        self.scopes.append(local)
        self.generic_visit(node)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def _texts(self, node: ast.expr, line: int) -> list[str]:
        if isinstance(node, ast.Name) and node.id in self.loop_values:
            return self.loop_values[node.id]
        text = self._text(node, line)
        return [] if text is None else [text]

    def _text(self, node: ast.expr, line: int) -> str | None:
        text = _literal(node)
        if text is None:
            kind = "an f-string" if isinstance(node, ast.JoinedStr) else "a non-literal"
            self.out.problems.append(f"{self.where}:{line}: {kind} passed to a translation call")
        return text

    def _note_passed_wrappers(self, node: ast.Call) -> None:
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if isinstance(node.func, ast.Attribute):
            name = node.func.attr
        if name is None:
            return
        for position, arg in enumerate(node.args):
            wrapper = None
            if isinstance(arg, ast.Name):
                wrapper = self._lookup(arg.id)
            elif (
                isinstance(arg, ast.Attribute)
                and arg.attr == "tr"
                and isinstance(arg.value, ast.Name)
                and arg.value.id == "self"
                and self.classes
            ):
                wrapper = ("fixed", self.classes[-1])
            if wrapper is not None and wrapper[0] == "fixed":
                self.passed.setdefault(name, {})[position] = wrapper

    def visit_Call(self, node: ast.Call) -> None:
        self._note_passed_wrappers(node)
        self.generic_visit(node)
        func = node.func
        place = f"{self.where}:{node.lineno}"
        wrapper: Wrapper | None = None
        if isinstance(func, ast.Attribute) and func.attr == "tr" and node.args:
            if isinstance(func.value, ast.Name) and func.value.id == "self":
                if not self.classes:
                    self.out.problems.append(f"{place}: self.tr outside a class")
                    return
                for text in self._texts(node.args[0], node.lineno):
                    self.out.add(self.classes[-1], text, place)
                return
            if isinstance(func.value, ast.Name) and func.value.id in self.module_aliases:
                wrapper = self.module_aliases[func.value.id].get("tr")
        elif isinstance(func, ast.Attribute) and func.attr == "translate" and len(node.args) >= 2:
            fixed_ctx = _literal(node.args[0])
            source = self._text(node.args[1], node.lineno)
            if fixed_ctx is None:
                self.out.problems.append(f"{place}: translate() with a non-literal context")
            elif source is not None:
                self.out.add(fixed_ctx, source, place)
            return
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            wrapper = self.module_aliases.get(func.value.id, {}).get(func.attr)
        elif isinstance(func, ast.Name):
            wrapper = self._lookup(func.id)
        if wrapper is None:
            return
        kind, ctx = wrapper
        if kind == "fixed" and len(node.args) == 1:
            for text in self._texts(node.args[0], node.lineno):
                self.out.add(ctx, text, place)
        elif kind == "context" and len(node.args) == 2:
            literal_ctx = _literal(node.args[0])
            if literal_ctx is None:
                # The body of a fixed-context wrapper passes its parameter through.
                if not isinstance(node.args[1], ast.Name):
                    self.out.problems.append(f"{place}: tr() with a non-literal context")
                return
            source = self._text(node.args[1], node.lineno)
            if source is not None:
                self.out.add(literal_ctx, source, place)


def _string_tuples(body: list[ast.stmt]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for stmt in body:
        if (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, (ast.Tuple, ast.List))
        ):
            values = [_literal(e) for e in stmt.value.elts]
            if values and None not in values:
                found[stmt.targets[0].id] = [v for v in values if v is not None]
    return found


def extract() -> Extraction:
    """Every (context, source) the GUI can pass to Qt's translator."""
    files = _python_files()
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in files}
    modules = {path: _module_name(path) for path in trees}
    by_module: dict[str, dict[str, Wrapper]] = {name: {} for name in modules.values()}
    for _ in range(2):  # a module's wrapper may build on a helper imported from another
        for path, tree in trees.items():
            imported, _aliases = _imports(tree, by_module)
            by_module[modules[path]] = _top_level_wrappers(tree, imported)
    passed: dict[str, dict[int, Wrapper]] = {}
    out = Extraction()
    for _ in range(2):  # the first round learns which functions are handed a wrapper
        out = Extraction()
        for path, tree in trees.items():
            imported, aliases = _imports(tree, by_module)
            own = {**imported, **by_module[modules[path]]}
            where = str(path.relative_to(ROOT))
            _Collector(where, own, aliases, out, passed).visit(tree)
    out.problems = _drop_wrapper_bodies(trees, out.problems)
    return out


def _drop_wrapper_bodies(trees: dict[Path, ast.Module], problems: list[str]) -> list[str]:
    """The wrappers themselves pass their parameter to translate(); that is not a problem."""
    inside: set[str] = set()
    for path, tree in trees.items():
        where = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and _wrapper_of(node, {"tr": ("context", "")}):
                inside.update(f"{where}:{n.lineno}" for n in ast.walk(node) if hasattr(n, "lineno"))
    return [p for p in problems if p.rsplit(":", 1)[0] not in inside]


# --- .ts files ---------------------------------------------------------------------------


@dataclass
class Entry:
    translation: str
    finished: bool


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"soloservice_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TRANSLATIONS / f"soloservice_{lang}.qm"


def read_ts(path: Path) -> dict[Message, Entry]:
    if not path.exists():
        return {}
    entries: dict[Message, Entry] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            kind = node.get("type", "") if node is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            text = (node.text or "") if node is not None else ""
            entries[Message(name, message.findtext("source") or "")] = Entry(
                text, kind != "unfinished" and bool(text)
            )
    return entries


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def render_ts(lang: str, entries: dict[Message, Entry]) -> str:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{LANGUAGES[lang]}" sourcelanguage="en">',
    ]
    contexts = sorted({m.context for m in entries})
    for context in contexts:
        lines += ["<context>", f"    <name>{_escape(context)}</name>"]
        for message in sorted(m for m in entries if m.context == context):
            entry = entries[message]
            kind = "" if entry.finished else ' type="unfinished"'
            lines += [
                "    <message>",
                f"        <source>{_escape(message.source)}</source>",
                f"        <translation{kind}>{_escape(entry.translation)}</translation>",
                "    </message>",
            ]
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def merge(found: Iterable[Message], old: dict[Message, Entry]) -> dict[Message, Entry]:
    """Keep translations by context+source; drop vanished strings.

    A new string whose source text is already translated in another context starts with that
    translation as a suggestion, still marked unfinished so someone looks at it.
    """
    by_source = {m.source: e.translation for m, e in old.items() if e.finished}
    merged: dict[Message, Entry] = {}
    for message in found:
        if message in old:
            merged[message] = old[message]
        else:
            merged[message] = Entry(by_source.get(message.source, ""), False)
    return merged


def lrelease() -> Path:
    return Path(sys.executable).parent / "pyside6-lrelease"


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(qm)], check=True)


def check(extraction: Extraction, langs: Iterable[str] = LANGUAGES) -> list[str]:
    """Everything a developer must fix, one line each; empty when translations are complete."""
    faults = [f"untranslatable: {p}" for p in extraction.problems]
    for lang in langs:
        entries = read_ts(ts_path(lang))
        for message in sorted(extraction.messages):
            where = extraction.messages[message][0]
            entry = entries.get(message)
            if entry is None:
                faults.append(f"{lang}: missing [{message.context}] {message.source!r} ({where})")
            elif not entry.finished:
                faults.append(
                    f"{lang}: untranslated [{message.context}] {message.source!r} ({where})"
                )
    return faults


def _iter_langs(value: str | None) -> Iterator[str]:
    yield from [value] if value else LANGUAGES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["extract", "compile", "check"])
    parser.add_argument("--lang", choices=sorted(LANGUAGES))
    args = parser.parse_args(argv)
    if args.command == "compile":
        for lang in _iter_langs(args.lang):
            compile_ts(ts_path(lang), qm_path(lang))
            print(f"wrote {qm_path(lang).relative_to(ROOT)}")
        return 0
    extraction = extract()
    if args.command == "extract":
        TRANSLATIONS.mkdir(parents=True, exist_ok=True)
        for lang in _iter_langs(args.lang):
            old = read_ts(ts_path(lang))
            merged = merge(extraction.messages, old)
            ts_path(lang).write_text(render_ts(lang, merged), encoding="utf-8")
            open_count = sum(not e.finished for e in merged.values())
            gone = len(set(old) - set(merged))
            print(
                f"{ts_path(lang).relative_to(ROOT)}: {len(merged)} strings, "
                f"{open_count} to translate, {gone} dropped"
            )
        for problem in extraction.problems:
            print(f"untranslatable: {problem}", file=sys.stderr)
        return 0
    faults = check(extraction, _iter_langs(args.lang))
    for fault in faults:
        print(fault)
    if faults:
        print(
            f"\n{len(faults)} problem(s). Run `python packaging/i18n.py extract`, translate the "
            "new strings in src/soloservice/resources/translations/*.ts (remove "
            'type="unfinished"), then `python packaging/i18n.py compile`.'
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

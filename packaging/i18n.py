"""Keeps the GUI's translations in step with the code, with Qt's own tools.

    python packaging/i18n.py update    # pyside6-lupdate: code -> resources/translations/*.ts
    python packaging/i18n.py compile   # pyside6-lrelease: .ts -> build/translations/*.qm

``update`` keeps every existing translation, marks new strings ``type="unfinished"`` and drops
strings the code no longer has (``-no-obsolete``). ``soloservice_en.ts`` holds only the plural
forms (``-pluralonly``): English needs them for "1 problem" / "2 problems".
tests/ui/test_translations.py fails while a string is untranslated in da or nb.
Wheels and the bundle compile the ``.qm`` themselves (packaging/build_resources.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_resources import LANGUAGES, ROOT, SOURCE, TRANSLATIONS, compile_translations

PACKAGE = ROOT / "src" / "soloservice"
SCAN = (PACKAGE / "ui", PACKAGE / "reports", PACKAGE / "app.py")
TS_DIR = SOURCE / TRANSLATIONS
DEV_QM_DIR = ROOT / "build" / TRANSLATIONS  # what an editable install loads (soloservice/assets.py)


def sources() -> list[Path]:
    """Every Python file whose strings are translated, in a stable order."""
    found: list[Path] = []
    for place in SCAN:
        found.extend(sorted(place.rglob("*.py")) if place.is_dir() else [place])
    return found


def lupdate() -> list[str]:
    tool = Path(sys.executable).parent / (
        "pyside6-lupdate.exe" if os.name == "nt" else "pyside6-lupdate"
    )
    found = str(tool) if tool.exists() else shutil.which("pyside6-lupdate")
    if not found:
        raise SystemExit("i18n: pyside6-lupdate not found (it comes with PySide6)")
    return [found]


def run_lupdate(ts_files: list[Path], plural_only: bool = False) -> None:
    paths = [os.path.relpath(p, ROOT) for p in sources()]
    command = [*lupdate(), "-silent", "-no-obsolete", "-locations", "none", *paths]
    if plural_only:
        command += ["-pluralonly", "-source-language", "en", "-target-language", "en"]
    command += ["-ts", *(os.path.relpath(ts, ROOT) for ts in ts_files)]
    subprocess.run(command, check=True, cwd=ROOT)


def update() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    run_lupdate([TS_DIR / f"soloservice_{lang}.ts" for lang in LANGUAGES if lang != "en"])
    run_lupdate([TS_DIR / "soloservice_en.ts"], plural_only=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("command", choices=["update", "compile"])
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
        for lang in LANGUAGES:
            print(f"updated {(TS_DIR / f'soloservice_{lang}.ts').relative_to(ROOT)}")
    else:
        for qm in compile_translations(DEV_QM_DIR):
            print(f"wrote {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Builds the package data from the top-level ``resources/`` (the one source of truth).

    python packaging/build_resources.py DEST   # DEST/icons, DEST/demo, DEST/translations/*.qm

setup.py runs this for every wheel (``pip install .``, ``pipx install .``) into
``soloservice/resources/`` of the build, and packaging/soloservice.spec for the PyInstaller
bundle. Icons and demo data are copied byte for byte; the ``.ts`` translation sources are
compiled to ``.qm`` with Qt's ``lrelease`` (the one PySide6 ships). The desktop entry,
metainfo and screenshots are not package data: the bundle's ``share/`` gets them from
``resources/desktop`` (see the spec).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources"
COPIED = ("icons", "demo", "forms")  # package data copied as they are
TRANSLATIONS = "translations"  # resources/translations/*.ts -> DEST/translations/*.qm
LANGUAGES = ("da", "nb", "en")  # en: only the plural forms ("1 problem", "2 problems")


def lrelease() -> list[str]:
    """Qt's lrelease: PySide6's own when it is importable, else one on PATH."""
    try:
        import PySide6
    except ImportError:
        pass
    else:
        exe = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
        if exe.is_file():
            return [str(exe)]
    for name in ("pyside6-lrelease", "lrelease", "lrelease-qt6"):
        found = shutil.which(name)
        if found:
            return [found]
    raise SystemExit("build_resources: no lrelease found (install PySide6 or Qt's linguist tools)")


def ts_files() -> list[Path]:
    return [SOURCE / TRANSLATIONS / f"soloservice_{lang}.ts" for lang in LANGUAGES]


def compile_translations(dest: Path) -> list[Path]:
    """``.ts`` -> ``dest/*.qm``; only files whose ``.qm`` is missing or older are compiled."""
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    tool = None
    for ts in ts_files():
        qm = dest / ts.with_suffix(".qm").name
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        tool = tool or lrelease()
        subprocess.run([*tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def build(dest: Path) -> None:
    """The whole package data set in ``dest`` (``soloservice/resources`` of a build)."""
    for kind in (*COPIED, TRANSLATIONS):
        if (dest / kind).exists():
            shutil.rmtree(dest / kind)  # what left resources/ (or a stale build) must go too
    for kind in COPIED:
        shutil.copytree(SOURCE / kind, dest / kind)
    compile_translations(dest / TRANSLATIONS)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    build(Path(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

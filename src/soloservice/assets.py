"""Where the app's data files are: inside the installed package, or in the source checkout.

The single source is the checkout's top-level ``resources/`` (icons, demo data, translation
sources). A wheel, ``pipx install .`` and the PyInstaller bundle carry a copy built from it in
``soloservice/resources/`` (packaging/build_resources.py: icons and demo data copied, ``.ts``
compiled to ``.qm``). An editable install (the dev venv) has no build step that could follow
later edits, so it reads ``resources/`` itself, and the compiled translations from the
git-ignored ``build/translations/`` that ``python packaging/i18n.py compile`` (run by
``packaging/dev.sh``) keeps current.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

TRANSLATIONS = "translations"


def _package_dir() -> Path:
    found = files("soloservice")
    # A regular install and the PyInstaller bundle both give a real directory.
    return found if isinstance(found, Path) else Path(__file__).resolve().parent


def checkout_root() -> Path | None:
    """The source checkout this package runs from (editable install), else None."""
    root = _package_dir().parent.parent
    if (root / "pyproject.toml").is_file() and (root / "resources").is_dir():
        return root
    return None


def resource_dir(kind: str) -> Path:
    """The folder of one kind of data ("icons", "demo", "translations"); it may not exist."""
    packaged = _package_dir() / "resources" / kind
    if packaged.is_dir():
        return packaged
    root = checkout_root()
    if root is None:
        return packaged
    if kind == TRANSLATIONS:
        return root / "build" / TRANSLATIONS  # compiled .qm; the .ts sources are not read
    return root / "resources" / kind

"""Guards against a broken Qt binding before it shows up as a random abort at exit.

PySide6 6.12.0 drops a reference to ``True`` on every signal emit; after a few hundred emits
the interpreter aborts ("bool_dealloc: deallocating True or False"). pyproject.toml excludes
that release; these tests fail clearly if such a release is ever installed again.

The version check is the guard that works everywhere. Counting references to ``True`` only
detects the leak before Python 3.12: from 3.12 on ``True`` is immortal, its reference count
is pinned, so that check is skipped there (where the leak can no longer crash either).
"""

from __future__ import annotations

import gc
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import PySide6
import pytest
from packaging.requirements import Requirement
from packaging.version import Version
from PySide6 import QtCore
from PySide6.QtCore import QObject, Signal

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
#: releases known to corrupt the interpreter (see the module docstring)
BROKEN = ("6.12.0",)


def _pyside_requirements() -> dict[str, Requirement]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    found = {}
    for line in project["dependencies"]:
        requirement = Requirement(line)
        if requirement.name.lower().startswith("pyside6"):
            found[requirement.name] = requirement
    return found


def test_pyproject_refuses_the_broken_pyside_releases() -> None:
    requirements = _pyside_requirements()
    assert requirements, "pyproject.toml no longer names PySide6"
    for name, requirement in requirements.items():
        for broken in BROKEN:
            assert not requirement.specifier.contains(broken), f"{name} allows {broken}"


def test_the_installed_pyside_is_not_a_broken_release() -> None:
    # The binding actually imported (it may come from elsewhere than the metadata says).
    loaded = {Version(PySide6.__version__), Version(QtCore.__version__)}
    assert not loaded & {Version(b) for b in BROKEN}, f"broken PySide6 {loaded} is loaded"
    for name, requirement in _pyside_requirements().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # e.g. the all-in-one "PySide6" wheel instead of Essentials/Addons
        assert requirement.specifier.contains(installed, prereleases=True), (
            f"{name} {installed} is installed but pyproject.toml asks for {requirement}"
        )


class _Emitter(QObject):
    ping = Signal()
    value = Signal(int)


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="True and False are immortal from Python 3.12: their reference count never moves",
)
def test_signal_emit_keeps_reference_counts() -> None:
    emitter = _Emitter()
    gc.disable()
    try:
        before = sys.getrefcount(True), sys.getrefcount(False)
        for i in range(200):
            emitter.ping.emit()
            emitter.value.emit(i)
        after = sys.getrefcount(True), sys.getrefcount(False)
    finally:
        gc.enable()
    assert after == before, f"the Qt binding leaks bool references on emit: {before} -> {after}"

"""PySide6's per-import check, made cheap by soloservice/qt_import.py, answers as before."""

from __future__ import annotations

import json
import subprocess
import sys
from types import ModuleType

import pytest

from soloservice import qt_import


def _original() -> object:
    """PySide6's own check (the one ``install`` replaced), or None on a PySide6 without it."""
    feature = sys.modules.get("shibokensupport.feature")
    current = getattr(feature, "_mod_uses_pyside", None)
    return getattr(current, "__wrapped__", None)


def test_the_app_installs_the_fast_check_in_a_fresh_process() -> None:
    probe = (
        "import json, sys\n"
        "import soloservice.app\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "check = getattr(feature, '_mod_uses_pyside', None)\n"
        "print(json.dumps([check is not None, bool(getattr(check, '_soloservice_fast', False))]))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    has_check, fast = json.loads(done.stdout.strip().splitlines()[-1])
    if not has_check:
        pytest.skip("this PySide6 has no per-import source check to speed up")
    assert fast


def test_the_fast_check_answers_as_pysides_own_for_every_loaded_module() -> None:
    original = _original()
    if not callable(original):
        pytest.skip("this PySide6 has no per-import source check")
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    assert len(modules) > 200  # the test run has loaded the app, Qt and the database stack
    differing = [m.__name__ for m in modules if qt_import.uses_pyside(m, original) != original(m)]
    assert differing == []
    # both answers occur: the app's widgets use PySide6, the store does not
    import soloservice.storage.database as store
    import soloservice.ui.main_window as window

    assert qt_import.uses_pyside(window, original) is True
    assert qt_import.uses_pyside(store, original) is False


def test_a_module_without_a_source_file_is_asked_of_pysides_check() -> None:
    asked: list[str] = []

    def fallback(module: ModuleType) -> bool:
        asked.append(module.__name__)
        return False

    builtin = ModuleType("no_file")  # like sys: no __file__
    gone = ModuleType("gone")
    gone.__file__ = "/nonexistent/gone.py"
    compiled = ModuleType("compiled")
    compiled.__file__ = "/somewhere/compiled.cpython-311-x86_64-linux-gnu.so"
    for module in (builtin, gone, compiled):
        assert qt_import.uses_pyside(module, fallback) is False
    assert asked == ["no_file", "gone", "compiled"]


def test_installing_twice_keeps_one_wrapper() -> None:
    if not qt_import.install():
        pytest.skip("this PySide6 has no per-import source check")
    first = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert qt_import.install()
    assert sys.modules["shibokensupport.feature"]._mod_uses_pyside is first

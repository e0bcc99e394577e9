"""Guards against a broken Qt binding before it shows up as a random abort at exit.

PySide6 6.12.0 drops a reference to ``True`` on every signal emit; after a few hundred emits
the interpreter aborts ("bool_dealloc: deallocating True or False"). pyproject.toml excludes
that release; this test fails clearly if such a release is ever installed again.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal()
    value = Signal(int)


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

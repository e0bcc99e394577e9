"""Loading PySide6 without it re-reading the source of every module imported after it.

PySide6 decides for each module imported after Qt whether that module may use its
``from __feature__ import ...`` switches (shibokensupport/feature.py, PYSIDE-2029): it looks
for the text "PySide6" in the module's source, fetched with ``inspect.getsource``, which has
``linecache`` read and split every file into lines. The window imports a few hundred modules
after Qt (the services, the widgets, then the features' menus and panels): that search was
about 0.1 s of every launch, 0.04 s of it before the first page (100k inquiries). ``install``
swaps in the same search on the file's bytes (one read, no line splitting); anything it
cannot read as a plain ``.py`` file (an extension module, a frozen bundle's bytecode) is
asked of PySide6's own test, so the answer is the same for every module
(tests/test_qt_import.py).

The app, the ui and the reports import this before any module of their own: the check runs
for modules imported after Qt, and those come later. A PySide6 that no longer has the
function keeps whatever it does instead: that only costs speed.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from types import ModuleType

_FEATURE = "shibokensupport.feature"
_NAME = "_mod_uses_pyside"
_MARK = "_soloservice_fast"


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether ``module``'s source mentions PySide6, read from its ``.py`` file when it has
    one; ``fallback`` (PySide6's own test) for every other module."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def install() -> bool:
    """Make PySide6's per-import check cheap; True when it is (now or before)."""
    import PySide6  # noqa: F401  (loads shiboken, whose support package holds the check)

    feature = sys.modules.get(_FEATURE)
    original = getattr(feature, _NAME, None)
    if feature is None or not callable(original):
        return False
    if getattr(original, _MARK, False):
        return True

    @functools.wraps(original)  # (``__wrapped__`` is PySide6's own, for the tests)
    def fast(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    setattr(fast, _MARK, True)
    setattr(feature, _NAME, fast)
    return True


install()

"""Counted messages ("1 problem" / "3 problems") that pyside6-lupdate marks as plurals.

``QCoreApplication.translate(ctx, "%n problem(s)", "", n)`` is what Qt documents, but the
Python parser of pyside6-lupdate reads an identifier in that fourth place as the Qt 4
*encoding* argument: the message loses its plural forms, and ``len(items)`` there drops it
altogether. ``Name.tr("%n problem(s)", "", n)`` is parsed as a plural with ``Name`` as the
context, whatever ``n`` is. So a module binds its context once, under the same name::

    MailSync = PluralContext("MailSync")
    MailSync.tr("%n problem(s), see the warning", "", len(errors))

(tests/ui/test_translations.py checks that every such name equals its context.) Widgets use
``self.tr(text, "", n)``, which lupdate reads the same way with the class as the context.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QTranslator

from soloservice import qt_import  # noqa: F401  (first: see there)
from soloservice.assets import TRANSLATIONS, resource_dir


@dataclass(frozen=True)
class PluralContext:
    name: str

    def tr(self, text: str, disambiguation: str = "", n: int = -1) -> str:
        """``text`` translated in this context, ``%n`` replaced by ``n`` in the right form."""
        return QCoreApplication.translate(self.name, text, disambiguation or None, n)


_kept: list[QTranslator] = []


def ensure_english_plurals() -> None:
    """Outside the GUI (the CLI's review PDF) nothing installs a translator: install the
    English plural forms once, so counts still read "1 complaint" / "3 complaints"."""
    app = QCoreApplication.instance()
    if app is None or _kept:
        return
    translator = QTranslator()
    if translator.load("soloservice_en", str(resource_dir(TRANSLATIONS))):
        app.installTranslator(translator)
        _kept.append(translator)

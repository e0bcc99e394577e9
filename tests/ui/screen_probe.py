"""Opens the real main window and every tool window on the screen the process was given
(``QT_QPA_PLATFORM=offscreen:configfile=...``) and prints, as JSON, where each one lies.

Run by tests/ui/test_windows_fit.py in its own process: a test session has one screen, and
this checks a 1280×720 laptop's.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from soloservice.app import _application, _install_translators
from soloservice.services.registry import Services
from soloservice.ui.main_window import MainWindow

OPENERS = {
    "review": lambda w: w.features["review"].open(),
    "followups": lambda w: w.features["followups"].open(),
    "pulse": lambda w: w.features["pulse"].open(),
    "settings": lambda w: w.features["settings"].open(),
    "templates": lambda w: w.features["templates"].open(),
    "mail accounts": lambda w: w.features["mail"].open_accounts(),
    "quarantine": lambda w: w.features["mail"].open_quarantine(),
    "form rules": lambda w: w.features["forms"].open_rules(),
    "form csv import": lambda w: w.features["forms"].open_csv_wizard(),
    "social accounts": lambda w: w.features["social"].open_accounts(),
}


def _box(widget: QWidget) -> dict[str, int]:
    frame = widget.frameGeometry()
    return {"x": frame.x(), "y": frame.y(), "width": frame.width(), "height": frame.height()}


def main(data_dir: str) -> int:
    app = _application()
    _install_translators(app)
    services = Services.open(Path(data_dir))
    window = MainWindow(services)
    window.show()
    screen = window.screen().availableGeometry()
    report: dict[str, object] = {
        "screen": {"width": screen.width(), "height": screen.height()},
        "main": _box(window),
        "windows": {},
    }
    names = list(OPENERS)
    shots = os.environ.get("SOLOSERVICE_PROBE_SHOTS", "")

    def open_next() -> None:
        if not names:
            window.close()
            app.quit()
            return
        name = names.pop(0)
        opened = OPENERS[name](window)
        QApplication.processEvents()
        report["windows"][name] = _box(opened)  # type: ignore[index]
        if shots:
            opened.grab().save(str(Path(shots) / f"{name.replace(' ', '-')}.png"))
        opened.close()
        QTimer.singleShot(0, open_next)

    QTimer.singleShot(0, open_next)
    app.exec()
    window.runner.wait()
    services.close()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

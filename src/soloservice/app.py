"""Composition root of the desktop app: Qt application, translations, services, window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from soloservice import qt_import  # noqa: F401  (first: see there)
from soloservice.assets import TRANSLATIONS, resource_dir
from soloservice.paths import APP_NAME

ORGANISATION = "SoloService"
EXIT_STORAGE_ERROR = 2


LANGUAGE_ENV = "SOLOSERVICE_LANG"
#: set (to anything) by the launch benchmark: the app reports when its first page was painted
LAUNCH_CLOCK_ENV = "SOLOSERVICE_LAUNCH_CLOCK"
NORWEGIAN = ("nb", "no", "nn")


def ui_language(system: QLocale | None = None) -> str:
    """The translation to use: SOLOSERVICE_LANG (da, nb or en) wins over the system locale.

    Norwegian in any form gets the bokmål translation, the one we keep. ``pseudo`` makes
    every string ~40 % longer, to see what a longer language would clip.
    """
    wanted = os.environ.get(LANGUAGE_ENV, "").strip().lower().replace("-", "_")
    if not wanted:
        wanted = (system or QLocale.system()).name().lower()
    code = wanted.split("_")[0]
    if code in NORWEGIAN:
        return "nb"
    return code


def _install_translators(app: QCoreApplication) -> list[QTranslator]:
    """Qt's own strings and ours for the chosen language; missing files are fine.

    English is the source language, but its plural forms ("1 problem", "2 problems" for
    ``%n problem(s)``) come from ``soloservice_en.qm``: English and every language without a
    translation of its own load that one.
    """
    language = ui_language()
    installed: list[QTranslator] = []
    if os.environ.get(LANGUAGE_ENV):
        # Dates and numbers follow the chosen language too ("tir 24 nov"), not the system's.
        QLocale.setDefault(QLocale({"da": "da_DK", "nb": "nb_NO"}.get(language, "en_GB")))
    if language == "pseudo":
        from soloservice.ui.pseudo_locale import PseudoTranslator

        pseudo = PseudoTranslator(app)
        app.installTranslator(pseudo)
        return [pseudo]
    if language != "en":
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(language), "qtbase", "_", qt_dir):
            app.installTranslator(qt)
            installed.append(qt)
    folder = str(resource_dir(TRANSLATIONS))
    ours = QTranslator(app)
    if ours.load(f"soloservice_{language}", folder) or ours.load("soloservice_en", folder):
        app.installTranslator(ours)
        installed.append(ours)
    return installed


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setDesktopFileName("soloservice")
    return app


def _report_first_paint() -> None:
    """One line on stderr with the wall-clock time of the first painted page
    (benchmarks/run.py subtracts the time it started the process)."""
    print(f"first page painted at {time.time():.6f}", file=sys.stderr, flush=True)


def run_gui(data_dir: Path, demo: bool = False, quit_after: float | None = None) -> int:
    """Open the main window on ``data_dir``; returns the process exit code.

    ``demo`` only changes the title (the CLI fills the data dir before calling this).
    ``quit_after`` closes the window that many seconds after it is shown, as Ctrl+Q would:
    smoke tests of a built bundle start the real window and need it to end by itself.
    """
    app = _application()
    _install_translators(app)
    from soloservice import logsetup
    from soloservice.ui.crash import CrashReporter
    from soloservice.ui.first_paint import after_first_paint

    logsetup.setup_logging(data_dir, process="gui")
    crashes = CrashReporter().install()  # a bug shows a dialog and is logged, not lost
    # Imported here so the Qt application exists (and can show errors) before the
    # database stack is loaded.
    from soloservice.services.registry import Services
    from soloservice.storage.database import StorageError
    from soloservice.storage.settings_store import SettingsError
    from soloservice.ui.gc_guard import MainThreadCollector
    from soloservice.ui.icons import icon
    from soloservice.ui.main_window import UI_SETTINGS_FILE, MainWindow

    app.setWindowIcon(icon("app"))
    collector = MainThreadCollector(app)
    try:
        services = Services.open(data_dir)
        if services.backups.damage is not None:  # quick_check found damage: ask first
            from soloservice.ui.backups_dialog import open_damaged_store

            opened = open_damaged_store(services)
            if opened is None:
                crashes.uninstall()
                return EXIT_STORAGE_ERROR
            services = opened
    except (StorageError, SettingsError) as exc:
        logsetup.log_error("cannot start: %s", exc)
        crashes.uninstall()
        QMessageBox.critical(None, app.translate("app", "SoloService cannot start"), str(exc))
        return EXIT_STORAGE_ERROR
    # The features (menus, panels, shortcuts) install right after the first page is on
    # the screen: the founder sees the inbox ~half a second sooner.
    window = MainWindow(services, settings_file=data_dir / UI_SETTINGS_FILE, defer_features=True)
    crashes.parent_widget = window
    if os.environ.get(LAUNCH_CLOCK_ENV):  # the launch benchmark: when the first page was on
        after_first_paint(window, _report_first_paint)  # the screen, before what waited for it
    # Ctrl+Q ends the event loop even if a window outside the app's control is still open
    # (a tray menu, a file dialog); closing the main window alone ends it as the last one.
    window.quit_requested.connect(app.quit, Qt.ConnectionType.QueuedConnection)
    backup_queued = services.backups.damage is not None  # a damaged store is not backed up
    failed = app.translate("app", "The daily backup failed: %1")

    def daily_backup() -> None:
        """Today's automatic backup, on the worker, once (after the first page is on the
        screen, or at the end if the window was closed before it was painted)."""
        nonlocal backup_queued
        if backup_queued:
            return
        backup_queued = True
        window.runner.run_task(
            services.backups.daily_if_due,
            on_error=lambda exc: window.statusBar().showMessage(failed.replace("%1", str(exc))),
        )

    if services.backups.damage is not None:
        window.setWindowTitle(app.translate("app", "SoloService — read-only (damaged database)"))
    else:
        after_first_paint(window, daily_backup)
    if demo:
        window.setWindowTitle(app.translate("app", "SoloService — demo data"))
    window.show()
    QTimer.singleShot(0, window.table.setFocus)
    if quit_after is not None:  # counted from the first page on the screen, as a founder sees it
        delay = int(quit_after * 1000)
        after_first_paint(
            window, lambda: QTimer.singleShot(delay, lambda: window.quit_app() or app.quit())
        )
    try:
        return int(app.exec())
    finally:
        daily_backup()
        window.runner.wait()
        services.close()
        collector.stop()
        crashes.uninstall()
        logsetup.stop_logging()

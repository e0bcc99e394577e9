"""File → Backups… in the real main window, and the damaged-store question at start-up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from soloservice.app import EXIT_STORAGE_ERROR, run_gui
from soloservice.domain.backups import BackupKind
from soloservice.paths import database_path
from soloservice.services.demo import generate_demo
from soloservice.services.registry import Services
from soloservice.storage.readonly import DamagedStoreError
from soloservice.ui.backups_dialog import (
    BackupsDialog,
    DamageChoice,
    damage_box,
    open_damaged_store,
)
from soloservice.ui.features.backups import BackupsFeature
from soloservice.ui.main_window import MainWindow
from soloservice.ui.tasks import TaskRunner
from tests.services.test_backups import digest, flip_bytes, snapshot
from tests.ui.conftest import open_window


def _feature(window: MainWindow) -> BackupsFeature:
    feature = window.features["backups"]
    assert isinstance(feature, BackupsFeature)
    return feature


def _dialog(qtbot: QtBot, window: MainWindow) -> BackupsDialog:
    feature = _feature(window)
    assert feature.action in window.menu("file").actions()
    feature.action.trigger()
    dialog = feature.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_back_up_now_adds_a_backup_to_the_list(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _dialog(qtbot, window)
    assert dialog.table.rowCount() == 0
    assert dialog.status.text() == "No backups yet."
    assert not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 1).text() == "Manual"
    assert dialog.table.item(0, 2).text().endswith("kB")
    assert dialog.last_message.startswith("Backed up to ")
    assert dialog.restore_button.isEnabled()
    assert [b.kind for b in window.services.backups.available()] == [BackupKind.MANUAL]


def test_restore_asks_first_then_restores_and_restarts(
    qtbot: QtBot, window: MainWindow, data_dir: Path, seeded: list[int]
) -> None:
    services = window.services
    backup = services.backups.back_up()
    before = snapshot(data_dir)
    services.inquiries.add_note(seeded[0], "later")
    assert snapshot(data_dir) != before
    dialog = _dialog(qtbot, window)
    restarted: list[Path] = []
    dialog.restart = restarted.append
    assert dialog.selected() == backup
    box = dialog.ask_restore()
    assert box is not None
    assert "The current data is kept as a backup first." in box.text()
    restore_button = next(b for b in box.buttons() if b.text() == "Restore")
    restore_button.click()
    qtbot.waitUntil(lambda: restarted == [data_dir])
    assert snapshot(data_dir) == before
    reopened = Services.open(data_dir)
    kinds = sorted(b.kind.value for b in reopened.backups.available())
    reopened.close()
    assert kinds == ["manual", "pre-restore"]


def test_cancelling_the_confirmation_restores_nothing(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    window.services.backups.back_up()
    before = digest(database_path(data_dir))
    dialog = _dialog(qtbot, window)
    restarted: list[Path] = []
    dialog.restart = restarted.append
    box = dialog.ask_restore()
    assert box is not None
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert restarted == []
    assert digest(database_path(data_dir)) == before


def _damaged_store(tmp_path: Path) -> Path:
    data_dir = tmp_path / "damaged"
    data_dir.mkdir()
    services = Services.open(data_dir)
    try:
        generate_demo(services.ctx, 30, seed=5)
        services.backups.back_up()
    finally:
        services.close()
    flip_bytes(database_path(data_dir))
    return data_dir


def test_the_start_up_question_offers_restore_read_only_and_quit(
    qtbot: QtBot, tmp_path: Path
) -> None:
    services = Services.open(_damaged_store(tmp_path))
    try:
        newest = services.backups.newest_good()
        box = damage_box(services.backups.damage or "", newest, "Europe/Copenhagen")
        labels = [b.text() for b in box.buttons()]
        assert sorted(labels) == ["Open read-only", "Quit", "Restore newest good backup"]
        assert "damaged" in box.text()
    finally:
        services.close()


def test_restore_newest_good_backup_at_start_up(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = _damaged_store(tmp_path)
    services = open_damaged_store(Services.open(data_dir), ask=lambda *_args: DamageChoice.RESTORE)
    assert services is not None
    try:
        assert services.backups.damage is None
        window = open_window(qtbot, services)
        assert window.model.rowCount() > 0
    finally:
        services.close()


def test_read_only_mode_refuses_writes_with_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = _damaged_store(tmp_path)
    before = digest(database_path(data_dir))
    services = open_damaged_store(
        Services.open(data_dir), ask=lambda *_args: DamageChoice.READ_ONLY
    )
    assert services is not None
    try:
        try:
            services.inquiries.add_note(1, "no")
        except DamagedStoreError as exc:
            assert "open read-only" in str(exc)
        else:
            raise AssertionError("a write went through on a damaged store")
        dialog = BackupsDialog(services, TaskRunner())
        qtbot.addWidget(dialog)
        assert not dialog.backup_button.isEnabled()
        assert dialog.table.rowCount() == 1
    finally:
        services.close()
    assert digest(database_path(data_dir)) == before


def test_quit_at_the_damaged_store_question_exits_2_and_writes_nothing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data_dir = _damaged_store(tmp_path)
    before = digest(database_path(data_dir))
    clicked: list[str] = []

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                for button in widget.findChildren(QPushButton):
                    if button.text() == "Quit":
                        clicked.append(button.text())
                        button.click()
                        return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    assert run_gui(data_dir) == EXIT_STORAGE_ERROR
    assert clicked == ["Quit"]
    assert digest(database_path(data_dir)) == before


def test_the_window_takes_the_daily_backup_at_start(qtbot: QtBot, tmp_path: Path) -> None:
    def close_window() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                widget.runner.wait()
                widget.close()
                return
        QTimer.singleShot(20, close_window)

    QTimer.singleShot(20, close_window)
    assert run_gui(tmp_path) == 0
    kinds = sorted(p.name.rsplit("-", 1)[1] for p in (tmp_path / "backups").iterdir())
    assert kinds == ["daily.sqlite3", "weekly.sqlite3"]


def test_the_read_only_window_refuses_a_note_with_the_message(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = _damaged_store(tmp_path)
    before = digest(database_path(data_dir))
    services = open_damaged_store(
        Services.open(data_dir), ask=lambda *_args: DamageChoice.READ_ONLY
    )
    assert services is not None
    try:
        window = open_window(qtbot, services)
        window.add_note(1, "must not land")
        qtbot.waitUntil(lambda: bool(getattr(window, "last_error", "")))
        assert window.last_error.startswith("The database is damaged and open read-only")
        window.runner.wait()
    finally:
        services.close()
    assert digest(database_path(data_dir)) == before

"""File → Backups… when things go wrong, and the damaged-store question without a backup.

The happy paths (back up, restore, start-up restore) are in test_backups_ui.py; here a backup
that cannot be written, a backup that vanished or was damaged before the restore, and a
damaged store with nothing to restore each say so, and leave the founder's data as it was.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from soloservice.domain.backups import BackupKind
from soloservice.paths import database_path
from soloservice.services.registry import Services
from soloservice.ui import backups_dialog as backups_module
from soloservice.ui.backups_dialog import (
    BackupsDialog,
    DamageChoice,
    damage_box,
    kind_label,
    open_damaged_store,
    size_label,
)
from soloservice.ui.features.backups import BackupsFeature
from soloservice.ui.main_window import MainWindow
from tests.helpers.factories import make_inquiry
from tests.services.test_backups import digest, flip_bytes, snapshot
from tests.ui.conftest import open_window


@pytest.fixture
def main(qtbot: QtBot, services: Services) -> MainWindow:
    make_inquiry(services)
    make_inquiry(services, name="Ole Nordmann", email="ole@example.no")
    return open_window(qtbot, services)


def open_backups(qtbot: QtBot, window: MainWindow) -> BackupsDialog:
    feature = window.features["backups"]
    assert isinstance(feature, BackupsFeature)
    feature.action.trigger()
    dialog = feature.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def restart_recorder(dialog: BackupsDialog) -> list[Path]:
    restarted: list[Path] = []
    dialog.restart = restarted.append
    return restarted


def click_restore(box: QMessageBox) -> None:
    (button,) = [b for b in box.buttons() if b.text() == "Restore"]
    button.click()


# -- backing up -------------------------------------------------------------------------------


def test_a_backup_that_cannot_be_written_says_why_and_lists_nothing(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    dialog = open_backups(qtbot, main)
    # Where the backups folder should be there is now a file (a sync tool's conflict copy).
    services.backups.directory.write_text("not a folder", encoding="utf-8")
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_message.startswith("The backup failed: "))
    assert dialog.status.text() == dialog.last_message
    assert "\n" not in dialog.last_message
    assert dialog.backup_button.isEnabled()  # the founder can try again
    assert dialog.table.rowCount() == 0
    assert services.backups.directory.read_text(encoding="utf-8") == "not a folder"


def test_the_dialog_opens_and_explains_when_the_backups_folder_is_a_file(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    folder = services.backups.directory
    folder.write_text("not a folder", encoding="utf-8")
    dialog = open_backups(qtbot, main)
    assert dialog.table.rowCount() == 0
    assert dialog.status.text() == (
        f"{folder} is a file, not a folder: move it away so backups can be kept."
    )
    assert not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_message.startswith("The backup failed: "))
    assert dialog.last_message == (
        f"The backup failed: {folder} is a file, not a folder: move it away so backups can be kept."
    )
    assert "Errno" not in dialog.last_message
    # the file moved away, the next opening lists and backs up as usual
    folder.unlink()
    services.backups.back_up()
    again = open_backups(qtbot, main)
    assert again.table.rowCount() == 1 and again.status.text() == str(folder)


def test_open_folder_opens_the_data_folder_when_a_file_stands_in_for_it(
    qtbot: QtBot, main: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        backups_module.QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(QUrl(url).toLocalFile()) or True),
    )
    folder = services.backups.directory
    folder.write_text("not a folder", encoding="utf-8")
    dialog = open_backups(qtbot, main)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(folder.parent)]  # where the founder can move the file away
    assert "is a file, not a folder" in dialog.status.text()
    assert folder.read_text(encoding="utf-8") == "not a folder"


def test_the_button_is_disabled_while_the_backup_runs(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    dialog = open_backups(qtbot, main)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert not dialog.backup_button.isEnabled()  # a second click cannot start a second one
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.backup_button.isEnabled()
    (info,) = services.backups.available()
    assert dialog.last_message == f"Backed up to {info.path}"
    assert dialog.table.item(0, 0).toolTip() == str(info.path)
    assert dialog.status.text() == dialog.last_message


def test_reopening_the_dialog_lists_backups_taken_meanwhile(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    dialog = open_backups(qtbot, main)
    assert dialog.table.rowCount() == 0 and dialog.status.text() == "No backups yet."
    dialog.close()
    services.backups.back_up()  # the CLI's `soloservice backup` beside the window
    again = open_backups(qtbot, main)
    assert again is dialog
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Manual"
    assert dialog.status.text() == str(services.backups.directory)
    assert dialog.selected() is not None and dialog.restore_button.isEnabled()


def test_open_folder_makes_a_private_folder_and_opens_it(
    qtbot: QtBot, main: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        backups_module.QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(QUrl(url).toLocalFile()) or True),
    )
    folder = services.backups.directory
    assert not folder.exists()
    dialog = open_backups(qtbot, main)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(folder)]
    assert folder.is_dir()
    assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0  # backups hold customer data


# -- restoring --------------------------------------------------------------------------------


def test_nothing_selected_means_nothing_to_restore(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    services.backups.back_up()
    dialog = open_backups(qtbot, main)
    dialog.table.clearSelection()
    assert not dialog.restore_button.isEnabled()
    assert dialog.ask_restore() is None
    assert dialog.confirm is None


def test_the_confirmation_names_the_backups_time_and_defaults_to_cancel(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    info = services.backups.back_up()
    dialog = open_backups(qtbot, main)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm
    assert box is not None and box.isVisible()
    taken = info.taken_at.astimezone(services.ctx.tz).strftime("%Y-%m-%d %H:%M")
    assert taken in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()


def test_a_backup_that_vanished_before_the_restore_says_so_and_keeps_the_data(
    qtbot: QtBot, main: MainWindow, services: Services, data_dir: Path
) -> None:
    info = services.backups.back_up()
    before = snapshot(data_dir)
    dialog = open_backups(qtbot, main)
    restarted = restart_recorder(dialog)
    info.path.unlink()  # the USB disk with the backups was pulled out
    box = dialog.ask_restore()
    assert box is not None
    click_restore(box)
    qtbot.waitUntil(lambda: dialog.last_message.startswith("The restore failed: "))
    assert restarted == []
    assert snapshot(data_dir) == before
    assert not any(p.name.endswith("pre-restore.sqlite3") for p in info.path.parent.iterdir())


def test_a_damaged_backup_is_refused_and_the_current_data_stays(
    qtbot: QtBot, main: MainWindow, services: Services, data_dir: Path
) -> None:
    for n in range(40):  # enough rows that the flipped bytes land inside them
        make_inquiry(services, name=f"Kunde {n}", email=f"kunde{n}@example.dk")
    info = services.backups.back_up()
    flip_bytes(info.path)
    before = snapshot(data_dir)
    dialog = open_backups(qtbot, main)
    restarted = restart_recorder(dialog)
    assert dialog.restore(info) is False
    assert dialog.last_message.startswith("The restore failed: ")
    assert restarted == []
    assert snapshot(data_dir) == before  # (the close checkpointed the log: compare rows)


# -- labels -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "size,text",
    [(1, "1 kB"), (499, "1 kB"), (12_345, "12 kB"), (999_999, "1000 kB"), (1_000_000, "1.0 MB"),
     (23_450_000, "23.4 MB")],
)  # fmt: skip
def test_sizes_read_in_kilobytes_then_megabytes(size: int, text: str) -> None:
    assert size_label(size) == text


def test_every_kind_of_backup_has_a_name() -> None:
    names = {kind: kind_label(kind) for kind in BackupKind}
    assert names[BackupKind.PRE_RESTORE] == "Before a restore"
    assert names[BackupKind.PRE_MIGRATION] == "Before an upgrade"
    assert len(set(names.values())) == len(BackupKind)


# -- a damaged store at start-up --------------------------------------------------------------


def damaged_store(tmp_path: Path, *, with_backup: bool) -> Path:
    data_dir = tmp_path / "damaged"
    data_dir.mkdir()
    services = Services.open(data_dir)
    try:
        for n in range(40):
            make_inquiry(services, name=f"Kunde {n}", email=f"kunde{n}@example.dk")
        if with_backup:
            services.backups.back_up()
    finally:
        services.close()
    flip_bytes(database_path(data_dir))
    return data_dir


def test_a_damaged_store_without_a_good_backup_offers_only_read_only_and_quit(
    qtbot: QtBot, tmp_path: Path
) -> None:
    services = Services.open(damaged_store(tmp_path, with_backup=False))
    try:
        assert services.backups.damage is not None
        assert services.backups.newest_good() is None
        box = damage_box(services.backups.damage, None, "Europe/Copenhagen")
        labels = sorted(b.text() for b in box.buttons())
        assert labels == ["Open read-only", "Quit"]
        assert box.informativeText() == "There is no good backup to restore."
        quit_button = next(b for b in box.buttons() if b.text() == "Quit")
        assert box.escapeButton() is quit_button
        assert quit_button.property("choice") == DamageChoice.QUIT.value
    finally:
        services.close()


def test_choosing_restore_without_a_backup_opens_nothing_and_writes_nothing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data_dir = damaged_store(tmp_path, with_backup=False)
    before = digest(database_path(data_dir))
    opened = open_damaged_store(Services.open(data_dir), ask=lambda *_a: DamageChoice.RESTORE)
    assert opened is None
    assert digest(database_path(data_dir)) == before


def test_a_backup_lost_between_the_question_and_the_restore_is_reported(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = damaged_store(tmp_path, with_backup=True)
    before = digest(database_path(data_dir))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        backups_module.QMessageBox,
        "critical",
        staticmethod(lambda _parent, title, text: shown.append((title, text))),
    )

    def answer(damage: str, newest: object, zone: str) -> DamageChoice:
        assert newest is not None
        for backup in (data_dir / "backups").iterdir():
            backup.unlink()  # the backup disk went away while the question was open
        return DamageChoice.RESTORE

    assert open_damaged_store(Services.open(data_dir), ask=answer) is None
    assert len(shown) == 1 and shown[0][0] == "The restore failed"
    assert shown[0][1] and "\n" not in shown[0][1]
    assert digest(database_path(data_dir)) == before


def test_the_start_up_question_names_the_newest_backups_time(qtbot: QtBot, tmp_path: Path) -> None:
    services = Services.open(damaged_store(tmp_path, with_backup=True))
    try:
        newest = services.backups.newest_good()
        assert newest is not None
        box = damage_box(services.backups.damage or "", newest, "UTC")
        assert newest.taken_at.strftime("%Y-%m-%d %H:%M") in box.informativeText()
        assert box.defaultButton() is not None
        assert box.defaultButton().property("choice") == DamageChoice.RESTORE.value
        assert "Nothing has been written to it." in box.text()
    finally:
        services.close()

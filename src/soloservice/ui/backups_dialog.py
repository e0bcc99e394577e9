"""File → Backups…: the backups with their date, kind and size; back up now, restore, folder.

Also the start-up question a damaged store asks ("restore the newest good backup, open it
read-only, or quit?"). Every rule lives in services/backups.py; this module only shows and
asks. A restore swaps the database file under the open services, so the window does not try
to patch itself up afterwards: it starts a fresh copy of the app and quits (``restart``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.backups import BackupKind
from soloservice.services.backups import BackupFolderError, BackupInfo, restore
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.ui.tasks import TaskRunner


def kind_label(kind: BackupKind) -> str:
    return {
        BackupKind.DAILY: QCoreApplication.translate("Backups", "Daily"),
        BackupKind.WEEKLY: QCoreApplication.translate("Backups", "Weekly"),
        BackupKind.PRE_MIGRATION: QCoreApplication.translate("Backups", "Before an upgrade"),
        BackupKind.PRE_RESTORE: QCoreApplication.translate("Backups", "Before a restore"),
        BackupKind.MANUAL: QCoreApplication.translate("Backups", "Manual"),
    }[kind]


def size_label(size: int) -> str:
    if size < 1_000_000:
        return QCoreApplication.translate("Backups", "%1 kB").replace(
            "%1", str(max(1, round(size / 1000)))
        )
    return QCoreApplication.translate("Backups", "%1 MB").replace("%1", f"{size / 1_000_000:.1f}")


def restart_app(data_dir: Path) -> None:
    """Start a fresh SoloService on ``data_dir`` and quit this one."""
    module = [] if getattr(sys, "frozen", False) else ["-m", "soloservice"]  # a bundled app
    QProcess.startDetached(sys.executable, [*module, "--data-dir", str(data_dir)])
    QApplication.quit()


def read_only_refusal() -> str:
    return QCoreApplication.translate(
        "Backups",
        "The database is damaged and open read-only: nothing can be changed. "
        "Restore a backup with File → Backups…",
    )


class BackupsDialog(QDialog):
    """Lists the backups; "Back up now" runs on the worker, "Restore…" asks first."""

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        parent: QWidget | None = None,
        restart: Callable[[Path], None] = restart_app,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.restart = restart
        self.backups: list[BackupInfo] = []
        self.last_message = ""
        self.setWindowTitle(self.tr("Backups"))
        self.resize(560, 380)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A backup is taken every day you use SoloService (7 daily and 4 weekly are "
                "kept) and before every upgrade of the database."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Kind"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table)
        self.status = QLabel("")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.clicked.connect(self.ask_restore)
        self.folder_button = QPushButton(self.tr("Open &folder"))
        self.folder_button.clicked.connect(self.open_folder)
        for button in (self.backup_button, self.restore_button, self.folder_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.confirm: QMessageBox | None = None
        if services.backups.damage is not None:
            self.backup_button.setEnabled(False)
            self.backup_button.setToolTip(self.tr("The database is damaged: restore a backup"))
        self.refresh()

    # -- showing --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.backups = self.services.backups.available()
        zone = self.services.ctx.tz
        self.table.setRowCount(len(self.backups))
        for index, info in enumerate(self.backups):
            taken = info.taken_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            cells = (taken, kind_label(info.kind), size_label(info.size))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()
        if self.backups:
            self.table.selectRow(0)
        problem = self.services.backups.folder_problem
        if problem is not None:
            self.status.setText(self.folder_problem_text(problem))
        else:
            self.status.setText(
                self.tr("No backups yet.")
                if not self.backups
                else str(self.services.backups.directory)
            )
        self._update_buttons()

    def folder_problem_text(self, problem: BackupFolderError) -> str:
        """The window's own words for a file standing where the backups folder goes."""
        return self.tr("%1 is a file, not a folder: move it away so backups can be kept.").replace(
            "%1", str(problem.directory)
        )

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _say(self, message: str) -> None:
        self.last_message = message
        self.status.setText(message)

    # -- actions --------------------------------------------------------------------------------

    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)
        self._say(self.tr("Backing up…"))

        def done(info: BackupInfo) -> None:
            self.backup_button.setEnabled(True)
            self.refresh()
            self._say(self.tr("Backed up to %1").replace("%1", str(info.path)))

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            why = self.folder_problem_text(exc) if isinstance(exc, BackupFolderError) else str(exc)
            self._say(self.tr("The backup failed: %1").replace("%1", why))

        self.runner.run_task(self.services.backups.back_up, done, failed)

    def confirm_text(self, info: BackupInfo) -> str:
        taken = info.taken_at.astimezone(self.services.ctx.tz).strftime("%Y-%m-%d %H:%M")
        return self.tr(
            "Replace the current data with the backup of %1? The current data is kept as a "
            "backup first."
        ).replace("%1", taken)

    def ask_restore(self) -> QMessageBox | None:
        info = self.selected()
        if info is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore a backup"),
            self.confirm_text(info),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        restore_button = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda clicked: self.restore(info) if clicked is restore_button else None
        )
        box.open()
        self.confirm = box
        return box

    def restore(self, info: BackupInfo) -> bool:
        """Swap in ``info`` with every connection closed, then restart on the restored data."""
        data_dir = self.services.ctx.data_dir
        self.runner.wait()  # nothing of ours may be writing while the file is replaced
        self.services.close()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            restore(data_dir, info.path, self.services.ctx.now())
        except (ServiceError, OSError) as exc:
            why = self.folder_problem_text(exc) if isinstance(exc, BackupFolderError) else str(exc)
            self._say(self.tr("The restore failed: %1").replace("%1", why))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self._say(self.tr("Restored. SoloService starts again on the restored data."))
        self.restart(data_dir)
        return True

    def open_folder(self) -> bool:
        folder = self.services.backups.directory
        problem = self.services.backups.folder_problem
        if problem is not None:  # open the data folder, where the file can be moved away
            self._say(self.folder_problem_text(problem))
            return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder.parent)))
        folder.mkdir(mode=0o700, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class DamageChoice(Enum):
    RESTORE = "restore"
    READ_ONLY = "read-only"
    QUIT = "quit"


def damage_box(damage: str, newest: BackupInfo | None, zone_name: str) -> QMessageBox:
    """The start-up question for a damaged store; the buttons carry their DamageChoice."""
    from zoneinfo import ZoneInfo

    text = QCoreApplication.translate(
        "Backups", "The SoloService database is damaged (%1). Nothing has been written to it."
    ).replace("%1", damage)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Backups", "The database is damaged"),
        text,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    if newest is not None:
        taken = newest.taken_at.astimezone(ZoneInfo(zone_name)).strftime("%Y-%m-%d %H:%M")
        box.setInformativeText(
            QCoreApplication.translate(
                "Backups",
                "The newest good backup is from %1. The damaged data is kept as a backup.",
            ).replace("%1", taken)
        )
        button = box.addButton(
            QCoreApplication.translate("Backups", "Restore newest good backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        button.setProperty("choice", DamageChoice.RESTORE.value)
        box.setDefaultButton(button)
    else:
        box.setInformativeText(
            QCoreApplication.translate("Backups", "There is no good backup to restore.")
        )
    read_only = box.addButton(
        QCoreApplication.translate("Backups", "Open read-only"), QMessageBox.ButtonRole.ActionRole
    )
    read_only.setProperty("choice", DamageChoice.READ_ONLY.value)
    quit_button = box.addButton(
        QCoreApplication.translate("Backups", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    quit_button.setProperty("choice", DamageChoice.QUIT.value)
    box.setEscapeButton(quit_button)
    return box


def ask_about_damage(damage: str, newest: BackupInfo | None, zone_name: str) -> DamageChoice:
    box = damage_box(damage, newest, zone_name)
    box.exec()
    clicked = box.clickedButton()
    value = clicked.property("choice") if clicked is not None else None
    return DamageChoice(value) if value else DamageChoice.QUIT


def open_damaged_store(
    services: Services,
    ask: Callable[[str, BackupInfo | None, str], DamageChoice] = ask_about_damage,
) -> Services | None:
    """What the window opens on when the store is damaged: the restored store, the damaged
    one read-only (writes refused with a message), or nothing (quit)."""
    damage = services.backups.damage
    assert damage is not None
    newest = services.backups.newest_good()
    choice = ask(damage, newest, services.ctx.settings.timezone)
    if choice is DamageChoice.RESTORE and newest is not None:
        data_dir = services.ctx.data_dir
        now = services.ctx.now()
        services.close()
        try:
            restore(data_dir, newest.path, now)
        except (ServiceError, OSError) as exc:
            QMessageBox.critical(
                None, QCoreApplication.translate("Backups", "The restore failed"), str(exc)
            )
            return None
        return Services.open(data_dir)
    if choice is DamageChoice.READ_ONLY:
        services.backups.refuse_writes_with(read_only_refusal())
        return services
    services.close()
    return None

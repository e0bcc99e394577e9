"""Long work shows progress and can be stopped: a 6,000-row form import on the worker, the
first mail sync's wording, old entries imported as answered, and where a PDF export went."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from soloservice.services.dto import View
from soloservice.services.form_csv import CSV_BATCH
from soloservice.services.forms import FormService
from soloservice.services.mail_sync import SyncProgress
from soloservice.services.outbox import OutboxService
from soloservice.services.registry import Services
from soloservice.ui.channels.csv_wizard import CsvImportWizard
from soloservice.ui.features.forms import FormsFeature
from soloservice.ui.features.mail import MailFeature
from soloservice.ui.main_window import MainWindow
from soloservice.ui.tasks import TaskRunner
from tests.helpers.factories import add_account
from tests.helpers.mailservers import SmtpServer
from tests.services.test_form_import_progress import inquiry_count, write_export
from tests.ui.conftest import open_window
from tests.ui.test_pulse_ui import open_pulse
from tests.ui.test_review import open_review, week47  # noqa: F401  (fixture)

ROWS = 6_000


def _next(wizard: CsvImportWizard, qtbot: QtBot) -> None:
    page = wizard.currentPage()
    which = (
        QWizard.WizardButton.CommitButton
        if page.isCommitPage()
        else QWizard.WizardButton.NextButton
    )
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def _wizard_at_mapping(window: MainWindow, qtbot: QtBot, path: Path) -> CsvImportWizard:
    wizard: CsvImportWizard = window.feature("forms", FormsFeature).open_csv_wizard()
    qtbot.waitExposed(wizard)
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    return wizard


def _run(wizard: CsvImportWizard, qtbot: QtBot) -> None:
    _next(wizard, qtbot)  # preview
    _next(wizard, qtbot)  # mapping


def test_progress_task_values_increase_and_stop_keeps_whole_batches(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "stor.csv", ROWS)
    window = open_window(qtbot, services)
    wizard = _wizard_at_mapping(window, qtbot, path)
    _run(wizard, qtbot)
    seen: list[tuple[int, int]] = []

    def progressed(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= 3 * CSV_BATCH:
            qtbot.mouseClick(wizard.import_page.stop_button, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(wizard.imported, timeout=120_000) as imported:
        _next(wizard, qtbot)  # Import
        assert wizard.task is not None
        wizard.task.progressed.connect(progressed)
        assert wizard.import_page.stop_button.isVisible()
    summary = imported.args[0]
    dones = [d for d, _t in seen]
    assert dones == sorted(dones) and len(dones) >= 3 and dones[-1] >= 3 * CSV_BATCH
    assert {t for _d, t in seen} == {ROWS}
    assert summary.cancelled and summary.new_inquiries % CSV_BATCH == 0
    assert 3 * CSV_BATCH <= summary.new_inquiries < ROWS
    assert inquiry_count(services) == summary.new_inquiries  # a clean prefix
    status = wizard.import_page.status.text()
    assert status.startswith("Stopped:") and "of 6,000 rows were imported" in status
    assert f"{summary.new_inquiries:,}" in status
    assert "Import the same file again" in status
    wizard.close()


def test_a_stop_after_the_first_batch_leaves_exactly_that_batch(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker is held after its first batch until Stop is clicked, so the prefix is
    exactly one batch: nothing half-written, and the message says how many."""
    path = write_export(tmp_path / "stor.csv", ROWS)
    original = FormService.import_csv
    resume = threading.Event()

    def held(self: FormService, *args: Any, **kwargs: Any) -> Any:
        report, cancel = kwargs["progress"], kwargs["cancel"]

        def progress(done: int, total: int) -> None:
            report(done, total)
            if done == CSV_BATCH:
                resume.wait(30)
                assert cancel.is_set()

        kwargs["progress"] = progress
        return original(self, *args, **kwargs)

    monkeypatch.setattr(FormService, "import_csv", held)
    window = open_window(qtbot, services)
    wizard = _wizard_at_mapping(window, qtbot, path)
    _run(wizard, qtbot)

    def progressed(done: int, _total: int) -> None:
        if done == CSV_BATCH:
            wizard.import_page.stop()
            resume.set()

    with qtbot.waitSignal(wizard.imported, timeout=60_000) as imported:
        _next(wizard, qtbot)
        assert wizard.task is not None
        wizard.task.progressed.connect(progressed)
    summary = imported.args[0]
    resume.set()
    assert summary.cancelled and summary.new_inquiries == CSV_BATCH == inquiry_count(services)
    assert "250 of 6,000 rows" in wizard.import_page.status.text()
    wizard.close()


def test_the_wizard_imports_old_entries_as_answered(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "gamle.csv", 60, days_apart=1.0)
    window = open_window(qtbot, services)
    wizard = _wizard_at_mapping(window, qtbot, path)
    page = wizard.file_page
    assert not page.resolve_days.isEnabled() and page.resolve_days.value() == 30
    qtbot.mouseClick(page.resolve_old, Qt.MouseButton.LeftButton)
    assert page.resolve_days.isEnabled() and page.resolve_older_than() == 30
    _run(wizard, qtbot)
    with qtbot.waitSignal(wizard.imported, timeout=30_000) as imported:
        _next(wizard, qtbot)
    summary = imported.args[0]
    assert summary.resolved == 30 and summary.new_inquiries == 60
    assert "30 older entries were marked as already answered" in wizard.import_page.status.text()
    counts = services.inbox.counts()
    assert counts.views.get(View.INBOX, 0) == 30
    assert counts.views.get(View.OVERDUE, 0) < 30
    wizard.close()


def test_the_first_mail_sync_says_how_far_it_got(qtbot: QtBot, services: Services) -> None:
    window = open_window(qtbot, services)
    sync = window.feature("mail", MailFeature).sync
    sync._progress = SyncProgress("shop", "INBOX", 120, 6_046)
    sync._show_progress()
    assert sync.progress.format() == "Fetching 120 of 6,046…"
    assert sync.cancel_button.text() == "Stop"


def test_pdf_export_says_where_the_file_went(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    week47: list[int],  # noqa: F811
    tmp_path: Path,
) -> None:
    window = open_review(qtbot, services, runner)
    target = tmp_path / "uge 47.pdf"
    window._export(window.export_pdf, target)
    assert target.exists()
    status = window.export_status
    assert status.isVisible()
    assert str(target) in status.text() and "Open PDF" in status.text()
    assert "Open folder" in status.text() and target.parent.as_uri() in status.text()


def test_a_progress_task_reports_on_the_gui_thread_in_order_and_stops_when_asked(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """The worker never emits: its reports reach ``progressed`` through the runner's queue,
    in order, on the GUI thread; ``cancel`` is seen between steps; other tasks keep their
    turn on the one ordered worker."""
    gui = threading.current_thread()
    order: list[str] = []
    seen: list[tuple[int, int, bool]] = []
    release = threading.Event()

    def job(report: Any, cancel: threading.Event) -> int:
        done = 0
        for step in range(1, 101):
            if cancel.is_set():
                break
            report(step, 100)
            done = step
            if step == 2:
                release.wait(10)
        return done

    task = runner.run_progress_task(job, lambda n: order.append(f"progress:{n}"))

    def progressed(done: int, total: int) -> None:
        seen.append((done, total, threading.current_thread() is gui))
        if done == 2:
            task.cancel()
            release.set()

    task.progressed.connect(progressed)
    runner.run_task(lambda: "after", lambda r: order.append(r))
    qtbot.waitUntil(lambda: len(order) == 2, timeout=10_000)
    assert order == ["progress:2", "after"]
    assert [d for d, _t, _g in seen] == [1, 2] and all(g for _d, _t, g in seen)
    assert task.cancelled and task.last == (2, 100)


def test_pulse_send_shows_each_mail_and_stop_leaves_the_rest_in_the_outbox(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    smtp_server: SmtpServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sync = window.feature("mail", MailFeature).sync
    sync.startup_timer.stop()  # only the pulse uses the worker here
    sync.timer.stop()
    add_account(services, smtp=smtp_server)
    wanted = [p.customer_id for p in services.pulse.propose()]
    assert len(wanted) >= 3
    pulse = open_pulse(qtbot, window)
    original = OutboxService.send_pending
    resume = threading.Event()

    calls: list[int] = []

    def held(self: OutboxService, **kwargs: Any) -> Any:
        if kwargs.get("only_id") is not None:
            calls.append(kwargs["only_id"])
            if len(calls) == 2:
                resume.wait(30)  # the second mail waits until Stop was clicked
        return original(self, **kwargs)

    monkeypatch.setattr(OutboxService, "send_pending", held)
    statuses: list[str] = []
    pulse.send(wanted)
    assert pulse.send_task is not None and pulse.stop_button.isVisible()

    def progressed(done: int, total: int) -> None:
        statuses.append(pulse.status_line.text())
        if done == 1:
            qtbot.mouseClick(pulse.stop_button, Qt.MouseButton.LeftButton)
            resume.set()

    pulse.send_task.progressed.connect(progressed)
    with qtbot.waitSignal(pulse.finished, timeout=20_000) as finished:
        pass
    resume.set()
    assert f"Sending 1 of {len(wanted)}…" in statuses
    # the mail being sent when Stop came still went; the rest waits for the next sync
    waiting = len(wanted) - 2
    assert finished.args[0] == f"Asked {len(wanted)} customers; {waiting} waiting in the outbox"
    assert len(smtp_server.received) == 2 and len(calls) == 2
    assert not pulse.stop_button.isVisible()

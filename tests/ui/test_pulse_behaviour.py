"""The NPS pulse window (View > NPS pulse…, Ctrl+Shift+P) when things do not go to plan: a
mail server that refuses leaves the questions in the outbox and says how many, Stop leaves
the rest for the next sync, nobody left to ask is said plainly, and a customer CSV with bad
rows says which could not be used while the good ones are stored."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from soloservice.services.customer_import import ImportSummary
from soloservice.services.outbox_dto import OutboxResult
from soloservice.services.registry import Services
from soloservice.services.survey_dto import SendSummary
from soloservice.ui.features.pulse import PulseFeature
from soloservice.ui.feedback import pulse_window as pulse_module
from soloservice.ui.feedback.pulse_window import PulseWindow, import_text, send_text
from soloservice.ui.main_window import MainWindow
from tests.helpers.clock import FixedClock
from tests.helpers.factories import add_account, make_customer, pulse_answer
from tests.ui.conftest import open_window

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def main(qtbot: QtBot, services: Services) -> MainWindow:
    return open_window(qtbot, services)


def three_customers(services: Services) -> list[int]:
    return [
        make_customer(services, name, email=email).id
        for name, email in (
            ("Birgitte Holm", "birgitte@example.dk"),
            ("Jonas Berg", "jonas@example.no"),
            ("Sarah Miller", "sarah@example.com"),
        )
    ]


def open_pulse(qtbot: QtBot, window: MainWindow) -> PulseWindow:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL_SHIFT)
    feature = window.features["pulse"]
    assert isinstance(feature, PulseFeature)
    pulse = feature.pulse
    assert pulse is not None and pulse.isVisible()
    qtbot.addWidget(pulse, before_close_func=lambda _w: window.runner.wait())
    qtbot.waitUntil(lambda: pulse.report is not None, timeout=10_000)
    return pulse


def confirm(qtbot: QtBot, pulse: PulseWindow) -> None:
    qtbot.mouseClick(pulse.send_button, Qt.MouseButton.LeftButton)
    box = pulse.confirm_box
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)


def test_nobody_to_ask_is_said_plainly_and_nothing_can_be_sent(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    pulse = open_pulse(qtbot, main)
    assert pulse.model.rowCount() == 0
    assert pulse.heading.text() == "Nobody left to ask this month"
    assert not pulse.send_button.isEnabled()
    assert pulse.send_button.text() == "&Send to 0 customers"
    assert pulse.nps_line.text() == "12-month pulse NPS: — from 0 answers (0 asked)"
    pulse.ask_to_send()  # as if the button were pressed anyway: no question, nothing sent
    assert pulse.confirm_box is None
    assert services.pulse.list(status="asked") == []


def test_the_heading_counts_the_proposed_customers(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    three_customers(services)
    pulse = open_pulse(qtbot, main)
    assert pulse.heading.text() == "This month's pulse: 3 customers proposed"
    assert pulse.send_button.text() == "&Send to 3 customers"


def test_a_refusing_mail_server_leaves_every_question_in_the_outbox_and_says_so(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    add_account(services)  # its SMTP server refuses at once (port 1)
    three_customers(services)
    pulse = open_pulse(qtbot, main)
    with qtbot.waitSignal(pulse.finished, timeout=30_000) as signal:
        confirm(qtbot, pulse)
        assert pulse.stop_button.isVisible()  # the founder can stop a long send
        assert not pulse.send_button.isEnabled()
    (text,) = signal.args
    assert text.startswith("Asked 3 customers; 3 waiting in the outbox (")
    assert pulse.status_line.text() == text
    assert not pulse.stop_button.isVisible()
    assert len(services.outbox.pending()) == 3  # they go out with the next mail sync
    assert len(services.pulse.list(status="asked")) == 3


def test_stop_leaves_the_rest_in_the_outbox(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    add_account(services)
    three_customers(services)
    pulse = open_pulse(qtbot, main)
    with qtbot.waitSignal(pulse.finished, timeout=30_000) as signal:
        confirm(qtbot, pulse)
        qtbot.mouseClick(pulse.stop_button, Qt.MouseButton.LeftButton)
        assert not pulse.stop_button.isEnabled()
    (text,) = signal.args
    assert text.startswith("Asked 3 customers; 3 waiting in the outbox")
    assert len(services.outbox.pending()) == 3
    qtbot.waitUntil(lambda: pulse.model.rowCount() == 0, timeout=10_000)  # all were asked


def test_a_customer_asked_recently_is_not_proposed_again(
    qtbot: QtBot, main: MainWindow, services: Services, clock: FixedClock
) -> None:
    add_account(services)
    birgitte, jonas, sarah = three_customers(services)
    now = clock.now
    clock.set(datetime(2026, 10, 3, 10, tzinfo=UTC))
    pulse_answer(services, jonas, score=9)
    clock.set(now)
    pulse = open_pulse(qtbot, main)
    proposed = {pulse.model.proposal_at(r).customer_id for r in range(pulse.model.rowCount())}  # type: ignore[union-attr]
    assert proposed == {birgitte, sarah}
    assert pulse.nps_line.text() == "12-month pulse NPS: +100 from 1 answers (1 asked)"


def test_a_csv_with_a_bad_row_stores_the_good_ones_and_names_the_bad(
    qtbot: QtBot, main: MainWindow, services: Services, tmp_path: Path
) -> None:
    pulse = open_pulse(qtbot, main)
    path = tmp_path / "kunder.csv"
    path.write_text(
        "Navn;E-mail;Telefon\n"
        "Birgitte Holm;birgitte@example.dk;\n"
        "Uden Kontakt;;\n"
        "Jonas Berg;jonas@example.no;\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(pulse.finished, timeout=10_000) as signal:
        pulse.import_csv(str(path))
        assert not pulse.import_button.isEnabled()
    (text,) = signal.args
    assert text.startswith("Imported kunder.csv: 2 new, 0 updated, 0 unchanged")
    assert "\n1 row could not be used: " in text
    assert pulse.import_button.isEnabled()
    names = sorted(c.name for c in services.customers.all())
    assert names == ["Birgitte Holm", "Jonas Berg"]


def test_importing_the_same_file_twice_changes_nothing_the_second_time(
    qtbot: QtBot, main: MainWindow, services: Services, tmp_path: Path
) -> None:
    pulse = open_pulse(qtbot, main)
    path = tmp_path / "kunder.csv"
    path.write_text("Navn;E-mail\nBirgitte Holm;birgitte@example.dk\n", encoding="utf-8")
    with qtbot.waitSignal(pulse.finished, timeout=10_000):
        pulse.import_csv(str(path))
    with qtbot.waitSignal(pulse.finished, timeout=10_000) as signal:
        pulse.import_csv(str(path))
    assert signal.args[0] == "Imported kunder.csv: 0 new, 0 updated, 1 unchanged"
    assert len(services.customers.all()) == 1


def test_import_opens_a_file_dialog_and_cancelling_it_imports_nothing(
    qtbot: QtBot, main: MainWindow, services: Services
) -> None:
    pulse = open_pulse(qtbot, main)
    qtbot.mouseClick(pulse.import_button, Qt.MouseButton.LeftButton)
    dialog = pulse.file_dialog
    assert isinstance(dialog, pulse_module.QFileDialog) and dialog.isVisible()
    assert dialog.fileMode() == pulse_module.QFileDialog.FileMode.ExistingFile
    with qtbot.assertNotEmitted(pulse.finished, wait=50):
        dialog.reject()
    assert services.customers.all() == []


# -- the words --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "summary,sent,text",
    [
        (SendSummary(queued=1), OutboxResult(sent=1), "Asked 1 customer"),
        (SendSummary(queued=4), OutboxResult(sent=4), "Asked 4 customers"),
        (
            SendSummary(queued=4),
            OutboxResult(sent=1, errors=("535 login refused",)),
            "Asked 4 customers; 3 waiting in the outbox (535 login refused)",
        ),
        (
            SendSummary(queued=0, skip_reasons=("no mail account",)),
            None,
            "Asked 0 customers; not asked: no mail account",
        ),
    ],
)
def test_the_send_summary_reads_as_one_line(
    summary: SendSummary, sent: OutboxResult | None, text: str
) -> None:
    assert send_text(summary, sent) == text


def test_the_import_summary_lists_at_most_three_problems_of_each_kind() -> None:
    summary = ImportSummary(
        rows=10,
        created=1,
        updated=2,
        skipped=3,
        errors=("row 2: no email or phone", "row 3: bad", "row 4: bad", "row 5: bad"),
        warnings=("row 6: odd date",),
    )
    text = import_text("k.csv", summary)
    first, errors, warnings = text.split("\n")
    assert first == "Imported k.csv: 1 new, 2 updated, 3 unchanged"
    assert errors.startswith("4 rows could not be used: row 2: no email or phone; row 3")
    assert "row 5" not in errors
    assert warnings == "1 row imported with something to check: row 6: odd date"

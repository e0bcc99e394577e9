"""The NPS pulse window: this month's proposal, sending to the ticked customers, the
12-month chart kept apart from post-complaint satisfaction, and the customer CSV import."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from soloservice.services.registry import Services
from soloservice.services.survey_dto import SurveyView
from soloservice.ui.features.pulse import PulseFeature
from soloservice.ui.feedback.proposal_model import ProposalColumn, ProposalModel
from soloservice.ui.feedback.pulse_window import PulseWindow
from soloservice.ui.main_window import MainWindow
from tests.helpers.clock import FixedClock
from tests.helpers.factories import add_account, make_customer, pulse_answer
from tests.helpers.mailservers import SmtpServer


def open_pulse(qtbot: QtBot, window: MainWindow) -> PulseWindow:
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    feature = window.features["pulse"]
    assert isinstance(feature, PulseFeature)
    pulse = feature.pulse
    assert pulse is not None and pulse.isVisible()
    qtbot.addWidget(pulse)
    qtbot.waitUntil(lambda: pulse.report is not None, timeout=10_000)
    return pulse


def asked(services: Services) -> list[SurveyView]:
    return services.pulse.list(status="asked")


def customers(services: Services) -> int:
    return len(services.customers.all())


def test_the_proposal_is_listed_ticked_and_sending_asks_only_the_ticked(
    qtbot: QtBot, window: MainWindow, services: Services, smtp_server: SmtpServer
) -> None:
    add_account(services, smtp=smtp_server)
    proposals = services.pulse.propose()
    assert len(proposals) >= 3
    pulse = open_pulse(qtbot, window)
    model = pulse.model
    assert model.rowCount() == len(proposals)
    assert [model.index(r, ProposalColumn.NAME).data() for r in range(model.rowCount())] == [
        p.name for p in proposals
    ]
    assert model.index(0, ProposalColumn.LAST_ASKED).data() == "never"
    assert model.index(0, ProposalColumn.VALUE).data().endswith(" kr")
    assert pulse.send_button.text() == f"&Send to {len(proposals)} customers"

    left_out = proposals[0]
    pulse.table.setCurrentIndex(model.index(0, ProposalColumn.NAME))
    pulse.table.setFocus()
    qtbot.keyClick(pulse.table, Qt.Key.Key_Space)
    assert model.index(0, ProposalColumn.NAME).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    wanted = len(proposals) - 1
    assert pulse.send_button.text() == f"&Send to {wanted} customers"

    qtbot.mouseClick(pulse.send_button, Qt.MouseButton.LeftButton)
    box = pulse.confirm_box
    assert box is not None and box.isVisible()
    assert f"{wanted} customers" in box.text()
    assert asked(services) == []  # nothing before the founder confirms
    with qtbot.waitSignal(pulse.finished, timeout=20_000):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    assert len(asked(services)) == wanted and services.outbox.pending() == []  # all sent
    assert left_out.customer_id not in {s.customer_id for s in asked(services)}
    assert left_out.email not in {to for m in smtp_server.received for to in m.rcpt_tos}
    assert len(smtp_server.received) == wanted
    assert pulse.status_line.text() == f"Asked {wanted} customers"
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)  # only the one left out
    assert model.proposal_at(0) == left_out


def test_cancelling_the_confirmation_sends_nothing(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    add_account(services)
    pulse = open_pulse(qtbot, window)
    qtbot.mouseClick(pulse.send_button, Qt.MouseButton.LeftButton)
    box = pulse.confirm_box
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert asked(services) == [] and services.outbox.pending() == []


def test_the_chart_has_twelve_months_with_the_answers_under_each_bar(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FixedClock
) -> None:
    add_account(services)
    services.ctx.update_settings(dataclasses.replace(services.ctx.settings, rest_period_days=0))
    customer_id = make_customer(services, "Puls Kunde", email="puls@example.dk").id
    now = clock.now
    for day, score in ((3, 10), (4, 9), (5, 2)):  # Oct 2026: 2 promoters, 1 detractor
        clock.set(datetime(2026, 10, day, 10, tzinfo=UTC))
        pulse_answer(services, customer_id, score=score)
    clock.set(now)
    pulse = open_pulse(qtbot, window)
    (series,) = pulse.chart.series()
    assert isinstance(series, QBarSeries)
    (bars,) = series.barSets()
    assert bars.count() == 12
    axis = next(a for a in pulse.chart.axes() if isinstance(a, QBarCategoryAxis))
    assert axis.categories()[-3:] == ["Sep", "Oct", "Nov"]
    # under each bar the answers behind it; above it the NPS; nothing for a month without
    assert pulse.pulse_chart.answer_labels() == ["–"] * 10 + ["n=3", "–"]
    assert pulse.pulse_chart.value_labels() == [""] * 10 + ["+33", ""]
    assert bars.at(10) == 100 / 3
    assert "2025-12 – 2026-11" in pulse.chart.title()
    assert "NPS pulse (customer base)" in pulse.chart.title()
    assert "weekly review" in pulse.apart.text()
    assert pulse.nps_line.text() == "12-month pulse NPS: +33 from 3 answers (3 asked)"


def test_import_customers_from_csv_and_a_broken_file_stores_nothing(
    qtbot: QtBot, window: MainWindow, services: Services, tmp_path: Path
) -> None:
    pulse = open_pulse(qtbot, window)
    good = tmp_path / "kunder.csv"
    good.write_text(
        "Navn;E-mail;Telefon;Årlig omsætning;Kunde siden\n"
        "Birgitte Holm;birgitte@example.dk;+45 40 11 22 33;12.000,00;01-03-2021\n"
        "Jonas Berg;jonas@example.no;;8.500,00;15-06-2023\n",
        encoding="utf-8",
    )
    before = customers(services)
    with qtbot.waitSignal(pulse.finished, timeout=10_000):
        pulse.import_csv(str(good))
    assert customers(services) == before + 2
    assert pulse.status_line.text() == "Imported kunder.csv: 2 new, 0 updated, 0 unchanged"
    qtbot.waitUntil(
        lambda: (
            "Birgitte Holm"
            in [pulse.model.index(r, 0).data() for r in range(pulse.model.rowCount())]
        ),
        timeout=10_000,
    )

    broken = tmp_path / "noget.csv"
    broken.write_text("Navn;By\nBo;Aarhus\n", encoding="utf-8")
    with qtbot.waitSignal(pulse.finished, timeout=10_000):
        pulse.import_csv(str(broken))
    assert customers(services) == before + 2
    text = pulse.status_line.text()
    assert text.startswith("Could not import noget.csv:") and "no email or phone column" in text
    assert text.endswith("nothing was stored.")
    assert "b91c1c" in pulse.status_line.styleSheet()


def test_proposal_model_passes_the_model_tester(
    qtmodeltester: object, services: Services, seeded: list[int]
) -> None:
    model = ProposalModel(services.ctx.tz, "kr")
    model.set_proposals(services.pulse.propose())
    assert model.rowCount() >= 3 and model.checked_count() == model.rowCount()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.setData(
        model.index(1, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert len(model.checked_ids()) == model.rowCount() - 1
    model.set_all(False)
    assert model.checked_ids() == []

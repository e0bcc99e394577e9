"""The Remedies tab: add with Ctrl+M and Enter, remove with Delete and undo, and the cost next
to what the customer is worth."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soloservice.domain.remedies import RemedyKind
from soloservice.services.customer_changes import CustomerChanges
from soloservice.services.registry import Services
from soloservice.ui.features.remedies import RemediesFeature
from soloservice.ui.feedback.remedies_panel import RemediesModel, RemediesPanel, RemedyColumn
from soloservice.ui.main_window import MainWindow


def panel_of(window: MainWindow) -> RemediesPanel:
    feature = window.features["remedies"]
    assert isinstance(feature, RemediesFeature)
    return feature.panel


def set_value(services: Services, customer_id: int, annual: float) -> None:
    services.customers.update(customer_id, CustomerChanges(annual_value=annual, expected_years=5))


def test_add_remove_and_undo_with_the_cost_next_to_the_value(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assert window.detail is not None
    inquiry_id = window.detail.id
    set_value(services, window.detail.customer.id, 20_000)
    window.open_inquiry(inquiry_id)
    panel = panel_of(window)
    assert panel.plain_line == "no remedy yet — customer worth 100.000 kr"

    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.panels.currentIndex() == window.panels.indexOf(panel)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.kind)
    panel.kind.setCurrentIndex(panel.kind.findData(RemedyKind.EXPRESS_SHIPPING.value))
    assert panel.kind.currentText() == "Express shipping"
    panel.cost.setValue(250)
    qtbot.keyClicks(panel.note, "Ny vase sendt med express")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(panel.note, Qt.Key.Key_Return)

    (stored,) = services.remedies.list(inquiry_id)
    assert (stored.kind, stored.cost, stored.note) == (
        RemedyKind.EXPRESS_SHIPPING,
        250.0,
        "Ny vase sendt med express",
    )
    assert panel.note.text() == "" and panel.cost.value() == 0
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, RemedyColumn.KIND).data() == "Express shipping"
    assert panel.model.index(0, RemedyColumn.COST).data() == "250 kr"
    assert panel.plain_line == services.remedies.summary_for(inquiry_id).text
    assert panel.plain_line == "remedy 250 kr — customer worth 100.000 kr"
    assert "250 kr" in panel.figures.text() and "100.000 kr" in panel.figures.text()

    panel.table.selectRow(0)
    panel.table.setFocus()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert services.remedies.list(inquiry_id) == []
    assert panel.plain_line == "no remedy yet — customer worth 100.000 kr"
    assert not panel.undo_button.isHidden()
    assert panel.message.text() == "Removed Express shipping (250 kr)"

    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    (restored,) = services.remedies.list(inquiry_id)
    assert (restored.kind, restored.cost, restored.at) == (stored.kind, 250.0, stored.at)
    assert panel.plain_line.startswith("remedy 250 kr")
    assert panel.undo_button.isHidden()


def test_the_tab_follows_the_selection(
    qtbot: QtBot, window: MainWindow, services: Services, seeded: list[int]
) -> None:
    services.remedies.add(seeded[1], RemedyKind.GIFT, 150, "Chokolade")
    services.remedies.add(seeded[1], RemedyKind.REFUND_PARTIAL, 100)
    panel = panel_of(window)
    window.show_inquiry(seeded[1])
    assert panel.model.rowCount() == 2
    assert panel.plain_line.startswith("remedy 250 kr — customer worth ")
    window.show_inquiry(seeded[2])
    assert panel.model.rowCount() == 0 and panel.plain_line.startswith("no remedy yet")


def test_remedies_model_passes_the_model_tester(
    qtmodeltester: object, services: Services, seeded: list[int]
) -> None:
    services.remedies.add(seeded[0], RemedyKind.APOLOGY_CALL)
    services.remedies.add(seeded[0], RemedyKind.REPLACEMENT, 400, "Nyt krus")
    model = RemediesModel(services.ctx.tz, "kr")
    model.set_remedies(services.remedies.list(seeded[0]))
    assert model.rowCount() == 2
    assert model.index(1, RemedyColumn.NOTE).data() == "Nyt krus"
    qtmodeltester.check(model)  # type: ignore[attr-defined]

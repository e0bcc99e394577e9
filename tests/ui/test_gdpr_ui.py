"""Inquiry > Forget customer… asks first (Cancel keeps everything) and Export writes the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from soloservice.services.gdpr import FORGOTTEN_NAME
from soloservice.ui.features.gdpr import ForgetDialog, GdprFeature
from soloservice.ui.main_window import MainWindow


def _feature(window: MainWindow) -> GdprFeature:
    feature = window.features["gdpr"]
    assert isinstance(feature, GdprFeature)
    return feature


def _open_confirmation(qtbot: QtBot, window: MainWindow) -> ForgetDialog:
    feature = _feature(window)
    assert feature.forget_action.isEnabled()
    feature.forget_action.trigger()
    qtbot.waitUntil(lambda: feature.dialog is not None and feature.dialog.isVisible())
    dialog = feature.dialog
    assert dialog is not None
    return dialog


def test_cancel_keeps_the_customer(qtbot: QtBot, window: MainWindow) -> None:
    assert window.detail is not None
    customer = window.detail.customer
    dialog = _open_confirmation(qtbot, window)
    text = dialog.text()
    assert customer.name in text and "cannot be undone" in text
    assert f"{len(customer.identities)} contact details" in text
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.isDefault()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _feature(window).dialog is None)
    window.runner.wait()
    card = window.services.customers.card(customer.id)
    assert card.name == customer.name and card.identities == customer.identities
    assert not window.services.gdpr.is_forgotten(customer.id)


def test_confirm_forgets_and_the_card_shows_it(qtbot: QtBot, window: MainWindow) -> None:
    assert window.detail is not None
    customer, inquiry_id = window.detail.customer, window.detail.id
    dialog = _open_confirmation(qtbot, window)
    with qtbot.waitSignal(window.runner.task_done, timeout=10_000):
        qtbot.mouseClick(dialog.forget_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.detail is not None and window.detail.customer.name == FORGOTTEN_NAME
    )
    assert window.detail is not None and window.detail.id == inquiry_id
    assert not window.detail.messages
    assert not window.services.customers.card(customer.id).identities
    assert window.services.gdpr.is_forgotten(customer.id)


def test_export_writes_the_customers_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.detail is not None
    customer = window.detail.customer
    target = tmp_path / "kunde.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    with qtbot.waitSignal(window.runner.task_done, timeout=10_000):
        _feature(window).export_action.trigger()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["customer"]["name"] == customer.name
    assert "kunde.json" in window.statusBar().currentMessage()

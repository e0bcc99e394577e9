"""Customer text is shown literally, never as markup (issue 12: UI spoofing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from soloservice.services.registry import Services
from soloservice.ui.inbox.model import Column
from soloservice.ui.plain_text import plain_tooltip
from tests.ui.conftest import open_window

SPOOF = "<b>Bank</b><img src=x>"


def spoof_mail() -> bytes:
    return (
        'From: "<b>Bank</b><img src=x>" <kunde@example.dk>\r\nTo: hej@butik.dk\r\n'
        f"Subject: {SPOOF}\r\nMessage-ID: <spoof@example.dk>\r\n"
        "Date: Mon, 23 Nov 2026 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"\r\n{SPOOF} skriver\r\n"
    ).encode()


def renders_literally(label: QLabel) -> bool:
    return label.textFormat() == Qt.TextFormat.PlainText and SPOOF in label.text()


def test_a_markup_subject_and_name_show_as_literal_text(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "spoof.eml"
    path.write_bytes(spoof_mail())
    summary = services.mail_import.import_path(path, kind="eml")
    assert summary.quarantined == 0
    window = open_window(qtbot, services)
    ids = [window.model.id_at(row) for row in range(window.model.rowCount())]
    (inquiry_id,) = [i for i in ids if i is not None]
    window.show_inquiry(inquiry_id)
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.id == inquiry_id)
    assert renders_literally(window.conversation.title)
    assert renders_literally(window.card.name)
    # the rich customer line keeps our link but escapes the name
    assert "&lt;b&gt;Bank&lt;/b&gt;" in window.conversation.customer.text()
    tip = window.model.data(window.model.index(0, int(Column.SUBJECT)), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=x&gt;" in tip and "<img" not in tip
    window.runner.wait()


def test_plain_tooltip_escapes_and_keeps_newlines() -> None:
    assert plain_tooltip("") == ""
    tip = plain_tooltip("<b>x</b>\nline")
    assert "<b>" not in tip and "&lt;b&gt;" in tip

"""The main window's extension points and the weekly review wired into it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from soloservice.services.dto import CustomerCard, InquiryDetail
from soloservice.services.registry import Services
from soloservice.ui.features.review import ReviewFeature
from soloservice.ui.main_window import MainWindow
from soloservice.ui.sidebar_model import ENTRIES


class _Panel(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[int | None] = []

    def set_inquiry(self, detail: InquiryDetail | None) -> None:
        self.seen.append(detail.id if detail else None)


class _Section(QLabel):
    def set_customer(self, card: CustomerCard | None) -> None:
        self.setText(card.name if card else "")


def test_panels_and_sections_follow_the_selection(qtbot: QtBot, window: MainWindow) -> None:
    panel, section = _Panel(), _Section()
    window.add_inquiry_tab(panel, "Test")
    window.add_card_section(section)
    assert window.detail is not None
    assert panel.seen == [window.detail.id]
    first = window.detail.id
    with qtbot.waitSignal(window.inquiry_changed):
        qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.detail is not None and window.detail.id != first
    assert panel.seen[-1] == window.detail.id
    assert section.text() == window.detail.customer.name


def test_every_feature_is_installed_and_has_a_menu_home(window: MainWindow) -> None:
    assert "review" in window.features
    texts = [a.text() for a in window.menu("view").actions()]
    assert any("Weekly review" in t for t in texts)


def test_review_numbers_open_their_inquiries_in_the_list(
    qtbot: QtBot, window: MainWindow, seeded: list[int]
) -> None:
    feature = window.features["review"]
    assert isinstance(feature, ReviewFeature)
    window.setFocus()
    qtbot.keyClick(
        window,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert feature.review is not None and feature.review.isVisible()
    qtbot.addWidget(feature.review)
    chosen = seeded[:3]
    feature.review.open_inquiries.emit(chosen)
    assert sorted(window.model.id_at(r) for r in range(window.model.rowCount())) == sorted(chosen)
    # Picking a view again leaves the review's selection.
    window.choose_entry(ENTRIES[0])
    assert window.model.query.only_ids is None


def test_reply_tabs_follow_the_channel(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    """An email shows Reply first; a Facebook message shows its own reply tab instead."""
    from soloservice.domain.types import Channel
    from tests.helpers.factories import make_inquiry

    email = make_inquiry(services, email="mail@example.dk", channel=Channel.EMAIL)
    social = make_inquiry(services, email="fb@example.dk", channel=Channel.FACEBOOK)
    window.reload()

    def visible_side_tabs() -> list[str]:
        panels = window.panels
        return [panels.tabText(i) for i in range(panels.count()) if panels.isTabVisible(i)]

    mail = window.features["mail"].composer  # type: ignore[attr-defined]
    facebook = window.features["social"].reply_panel  # type: ignore[attr-defined]
    window.show_inquiry(email.id)
    assert window.pane.current_composer() is mail
    assert mail.isVisibleTo(window) and not facebook.isVisibleTo(window)
    assert not any(t.startswith("Reply") for t in visible_side_tabs())
    window.show_inquiry(social.id)
    assert window.pane.current_composer() is facebook
    assert facebook.isVisibleTo(window) and not mail.isVisibleTo(window)
    assert visible_side_tabs()[0] == "Customer"


def test_no_two_window_actions_share_a_shortcut(window: MainWindow) -> None:
    """Features are added by different modules: a clash would silently disable both keys."""
    from collections import Counter

    from PySide6.QtGui import QAction, QKeySequence

    keys = Counter(
        action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for action in window.findChildren(QAction)
        if not action.shortcut().isEmpty()
    )
    assert [key for key, count in keys.items() if count > 1] == []
    assert len(keys) >= 20


def test_help_lists_every_shortcut_and_the_data_folder(qtbot: QtBot, window: MainWindow) -> None:
    from soloservice.ui.features.help import HelpFeature, shortcut_rows

    feature = window.features["help"]
    assert isinstance(feature, HelpFeature)
    rows = dict(shortcut_rows(window))
    assert rows["Log call"] == "Ctrl+L"
    assert rows["Weekly review"] == "Ctrl+Shift+R"
    box = feature.show_shortcuts()
    assert "Ctrl+Shift+F" in box.text()
    box.close()
    about = feature.show_about()
    assert str(window.services.ctx.db.path.parent) in about.text()
    about.close()

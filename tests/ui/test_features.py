"""The main window's extension points and the weekly review wired into it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from soloservice.services.dto import CustomerCard, InquiryDetail
from soloservice.services.registry import Services
from soloservice.ui.features.mail import MailFeature
from soloservice.ui.features.review import ReviewFeature
from soloservice.ui.features.social import SocialFeature
from soloservice.ui.inbox.sidebar_model import ENTRIES
from soloservice.ui.main_window import MainWindow


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

    mail = window.feature("mail", MailFeature).composer
    facebook = window.feature("social", SocialFeature).reply_panel
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


def test_the_window_is_a_feature_host_and_features_come_back_typed(window: MainWindow) -> None:
    import ast
    from pathlib import Path

    import pytest

    from soloservice.ui import features
    from soloservice.ui.features.host import FeatureHost

    host: FeatureHost = window  # mypy checks the window against the protocol here
    assert isinstance(host, FeatureHost)
    assert host.widget is window
    assert window.feature("mail", MailFeature) is window.features["mail"]
    with pytest.raises(LookupError, match="mail"):
        window.feature("mail", SocialFeature)
    with pytest.raises(LookupError):
        window.feature("no such feature", MailFeature)
    assert "host" not in window.features  # host.py holds the protocol, it is no feature
    # Every feature is typed against the narrow host (tests/test_architecture.py also refuses
    # a feature that imports the main window).
    whole_window = set()
    for path in sorted(Path(features.__file__).parent.glob("[a-z]*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == "install":
                annotation = node.args.args[0].annotation
                if isinstance(annotation, ast.Name) and annotation.id == "MainWindow":
                    whole_window.add(path.stem)
    assert whole_window == set()


def test_applied_settings_reach_every_feature_that_listens(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window, not the settings feature, tells the others (``settings_applied``)."""
    from soloservice.ui.features.getting_started import GettingStarted
    from soloservice.ui.features.tray import TrayFeature

    heard: list[tuple[str, object]] = []
    for name, cls in (("tray", TrayFeature), ("getting_started", GettingStarted)):
        feature = window.feature(name, cls)
        monkeypatch.setattr(feature, "settings_applied", lambda s, n=name: heard.append((n, s)))
    settings = window.services.ctx.settings
    window.apply_settings(settings)
    assert sorted(heard, key=lambda h: h[0]) == [("getting_started", settings), ("tray", settings)]


def test_a_capture_the_view_hides_is_opened_and_said_so(window: MainWindow) -> None:
    """Quick capture goes through the window's show_created: reload, select or open, say it."""
    from soloservice.domain.types import Channel, IdentityKind
    from soloservice.services.customers import CustomerRef
    from soloservice.services.dto import View
    from soloservice.services.inquiries import NewInquiry
    from soloservice.ui.features.capture import CaptureFeature

    window.choose_entry(next(e for e in ENTRIES if e.view is View.OVERDUE))
    shown = window.model.rowCount()
    detail = window.services.inquiries.create(
        NewInquiry(
            customer=CustomerRef(
                name="Else Fang", identity_kind=IdentityKind.EMAIL, identity_value="else@x.dk"
            ),
            channel=Channel.FACEBOOK,
            subject="Seen on Facebook",
            text="Do you ship to Iceland?",
        )
    )
    window.feature("capture", CaptureFeature)._captured(detail)
    assert window.model.rowCount() == shown  # a new inquiry is not overdue
    assert window.detail is not None and window.detail.id == detail.id
    message = window.statusBar().currentMessage()
    assert f"#{detail.id}" in message and "not in this view" in message

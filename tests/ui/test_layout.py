"""The real main window on laptop and desktop screens, in English, Danish and a pseudo-locale
~40 % longer: the reply's Send button is always visible, the conversation has the height,
headers and buttons are readable and nothing lies outside the window.

Screenshots of every combination are saved under pytest's base temp dir (``screens/``), or in
``$SOLOSERVICE_SCREENSHOTS`` when set (the README's pictures come from there).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from soloservice.app import LANGUAGE_ENV, _install_translators
from soloservice.cli import main as cli_main
from soloservice.domain.types import ChannelGroup
from soloservice.services.dto import InboxQuery
from soloservice.services.registry import Services
from soloservice.ui.features.mail import MailFeature
from soloservice.ui.features.remedies import RemediesFeature
from soloservice.ui.inbox.model import Column
from soloservice.ui.inbox.table import MIN_SUBJECT_WIDTH
from soloservice.ui.main_window import MainWindow
from soloservice.ui.pseudo_locale import pseudo
from soloservice.ui.window_fit import fitting_size

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
LANGUAGES = ["en", "da", "pseudo"]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo shop made by the CLI, as `soloservice demo` makes it for a new user."""
    path = tmp_path_factory.mktemp("layout-demo")
    assert cli_main(["--data-dir", str(path), "demo", "--count", "120"]) == 0
    return path


@pytest.fixture(scope="module")
def screens(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wanted = os.environ.get("SOLOSERVICE_SCREENSHOTS")
    path = Path(wanted) if wanted else tmp_path_factory.getbasetemp() / "screens"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def language(
    request: pytest.FixtureRequest, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The window's language as the app installs it, undone afterwards."""
    lang = str(request.param)
    before = QLocale()
    monkeypatch.setenv(LANGUAGE_ENV, lang)
    installed: list[QTranslator] = _install_translators(qapp)  # type: ignore[arg-type]
    yield lang
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def _open(qtbot: QtBot, demo_dir: Path, width: int, height: int) -> MainWindow:
    services = Services.open(demo_dir)
    window = MainWindow(services)
    qtbot.addWidget(window, before_close_func=lambda w: (w.runner.wait(), services.close()))
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    email = services.inbox.page(InboxQuery(group=ChannelGroup.EMAIL), limit=1)[0]
    window.show_inquiry(email.id)
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.id == email.id)
    return window


def _rect_in(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _inside_a_list(widget: QWidget) -> bool:
    """Cells of item views, and the scroll arrows Qt puts on a crowded tab bar."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView | QTabBar):
            return True
        parent = parent.parentWidget()
    return False


def _shown(window: QWidget, kind: type[QWidget]) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(kind)
        if w.isVisibleTo(window) and not w.visibleRegion().isEmpty() and not _inside_a_list(w)
    ]


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_window_is_built_around_reading_and_answering(
    qtbot: QtBot, demo_dir: Path, screens: Path, language: str, width: int, height: int
) -> None:
    window = _open(qtbot, demo_dir, width, height)
    window.grab().save(str(screens / f"main-{language}-{width}x{height}.png"))
    composer = window.feature("mail", MailFeature).composer
    assert window.pane.current_composer() is composer

    # Send is on screen, whole, without scrolling anything.
    send = composer.send_button
    assert send.isVisibleTo(window)
    assert window.rect().contains(_rect_in(window, send))
    assert send.visibleRegion().boundingRect().size() == send.size(), (
        window.pane.reading.sizes(),
        composer.geometry(),
        composer.minimumSizeHint(),
        send.geometry(),
        window.splitter.sizes(),
    )
    # The conversation has at least half the window's height; the reply box a few lines.
    assert window.conversation.height() >= window.height() / 2
    assert composer.body.height() >= composer.body.fontMetrics().lineSpacing() * 3

    # Nothing outside the window, no button or label squeezed below what it needs.
    for widget in _shown(window, QAbstractButton) + _shown(window, QLabel):
        where = _rect_in(window, widget)
        assert window.rect().contains(where), f"{widget!r} lies outside the window: {where}"
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
            continue
        need = widget.minimumSizeHint().width()
        assert widget.width() >= need - 1, f"{widget!r} {widget.width()} < {need}"
    for combo in _shown(window, QComboBox):
        assert window.rect().contains(_rect_in(window, combo))

    # Every shown column header is readable, and the subject keeps the most room.
    table = window.table
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in Column:
        if table.isColumnHidden(column):
            continue
        title = str(table.model().headerData(column, header.orientation()) or "")
        arrow = 18 if header.sortIndicatorSection() == column else 0
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title) + arrow + 8, title
    subject = table.columnWidth(Column.SUBJECT)
    assert subject >= MIN_SUBJECT_WIDTH, (window.splitter.sizes(), table.viewport().width())
    assert all(subject >= table.columnWidth(c) for c in Column if not table.isColumnHidden(c))

    # Every toolbar action has its button (none pushed into an overflow menu).
    for action in window.toolbar.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        button = window.toolbar.widgetForAction(action)
        assert button is not None and button.isVisibleTo(window), action.text()


def test_reply_focus_shows_the_composer_even_after_the_side_panel_was_opened(
    qtbot: QtBot, demo_dir: Path
) -> None:
    window = _open(qtbot, demo_dir, 1366, 768)
    assert not window.pane.side_visible()  # a laptop screen: the side panel starts closed
    window.commands.side_panel.trigger()
    assert window.pane.side_visible() and window.card.isVisibleTo(window)
    window.feature("mail", MailFeature).focus_reply()
    composer = window.feature("mail", MailFeature).composer
    assert composer.body.hasFocus() or composer.body.isVisibleTo(window)
    assert not composer.body.visibleRegion().isEmpty()
    # Remedies (Ctrl+M) opens its tab in the side panel without hiding the reply.
    remedies = window.feature("remedies", RemediesFeature)
    remedies.focus_add()
    assert window.panels.currentWidget() is remedies.panel
    assert not composer.send_button.visibleRegion().isEmpty()


def test_a_long_reply_grows_the_box_but_never_hides_the_conversation(
    qtbot: QtBot, demo_dir: Path
) -> None:
    window = _open(qtbot, demo_dir, 1366, 768)
    composer = window.feature("mail", MailFeature).composer
    before = composer.height()
    composer.body.setPlainText("\n".join(f"Linje {i}" for i in range(40)))
    qtbot.waitUntil(lambda: composer.height() > before)
    column = sum(window.pane.reading.sizes())
    assert composer.height() <= column * 0.6 + 2
    assert window.conversation.height() >= column * 0.4 - 2
    assert not composer.send_button.visibleRegion().isEmpty()


@pytest.mark.parametrize(
    ("screen", "expected"),
    [
        (QRect(0, 0, 1366, 728), (1284, 684)),
        (QRect(0, 0, 1280, 680), (1203, 639)),
        (QRect(0, 0, 2560, 1400), (1600, 1000)),
    ],
)
def test_the_first_size_fits_the_screen(screen: QRect, expected: tuple[int, int]) -> None:
    size = fitting_size(screen)
    assert (size.width(), size.height()) == expected


def test_a_saved_geometry_that_no_longer_fits_is_not_restored(
    qtbot: QtBot, demo_dir: Path, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    services = Services.open(demo_dir)
    ini = tmp_path / "ui.ini"
    window = MainWindow(services, settings_file=ini)
    qtbot.addWidget(window, before_close_func=lambda w: (w.runner.wait(), services.close()))
    window.setGeometry(QRect(0, 0, 4000, 3000))  # saved on a big monitor
    window.save_ui_state()
    again = MainWindow(services, settings_file=ini)
    qtbot.addWidget(again, before_close_func=lambda w: w.runner.wait())
    screen = again.screen().availableGeometry()
    assert again.width() <= screen.width() and again.height() <= screen.height()
    assert QSettings(str(ini), QSettings.Format.IniFormat).value("window/geometry") is not None


def test_the_pseudo_locale_keeps_placeholders_and_mnemonics() -> None:
    text = pseudo("&Send %1 to <b>%2</b>")
    assert text.startswith("&S") and "%1" in text and "<b>%2</b>" in text
    visible = len("&Send  to ")
    assert len(text.replace("%1", "").replace("<b>%2</b>", "")) >= visible * 1.35

"""The first-start assistant on an empty data dir, through the real window and services."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Language
from soloservice.paths import settings_path
from soloservice.services.registry import Services
from soloservice.storage.settings_store import load_settings
from soloservice.ui.features.getting_started import SHOWN_KEY, GettingStarted
from soloservice.ui.features.settings import SettingsFeature
from soloservice.ui.first_start.assistant import FirstStartAssistant
from soloservice.ui.main_window import UI_SETTINGS_FILE, MainWindow
from tests.ui.test_mail_helpers import (  # noqa: F401  (fixtures)
    MailSetup,
    mail_setup_fixture,
    no_keyring,
)


@pytest.fixture
def fresh(data_dir: Path) -> Iterator[Services]:
    services = Services.open(data_dir)
    yield services
    services.close()


def _window(qtbot: QtBot, services: Services, data_dir: Path) -> MainWindow:
    window = MainWindow(services, settings_file=data_dir / UI_SETTINGS_FILE)
    qtbot.addWidget(window, before_close_func=lambda w: w.runner.wait())
    window.show()
    qtbot.waitExposed(window)
    return window


def _assistant(qtbot: QtBot, window: MainWindow) -> FirstStartAssistant:
    feature = window.features["getting_started"]
    assert isinstance(feature, GettingStarted)
    qtbot.waitUntil(lambda: feature.assistant is not None and feature.assistant.isVisible())
    assert feature.assistant is not None
    return feature.assistant


def _click(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _link(window: MainWindow) -> object:
    feature = window.features["settings"]
    assert isinstance(feature, SettingsFeature)
    return feature.first_run_button


def test_finishing_the_assistant_saves_everything_through_the_settings_service(
    qtbot: QtBot, fresh: Services, data_dir: Path
) -> None:
    window = _window(qtbot, fresh, data_dir)
    assert _link(window) is not None
    wizard = _assistant(qtbot, window)
    Next = QWizard.WizardButton.NextButton

    about = wizard.about
    assert not wizard.button(Next).isEnabled()  # a business name first
    qtbot.keyClicks(about.business_name, "Hygge Keramik")
    qtbot.keyClicks(about.founder_name, "Søs Jensen")
    about.language.setFocus()
    qtbot.keyClick(about.language, Qt.Key.Key_End)  # English, the last
    assert about.language.currentData() == "en"
    _click(qtbot, wizard, Next)

    hours = wizard.hours.hours
    assert wizard.currentPage() is wizard.hours
    hours.zone.lineEdit().selectAll()
    qtbot.keyClicks(hours.zone.lineEdit(), "Europe/Oslo")
    hours.country.setCurrentIndex(hours.country.findData("NO"))
    saturday = hours.days[5]
    qtbot.mouseClick(saturday.open, Qt.MouseButton.LeftButton)  # open on Saturdays too
    assert saturday.open.isChecked()
    monday = hours.days[0]
    monday.closes.setTime(monday.opens.time().addSecs(-3600))  # closes before it opens
    assert not wizard.button(Next).isEnabled()
    assert "Closes before it opens" in wizard.hours.problems.text()
    monday.closes.setTime(monday.opens.time().addSecs(4 * 3600))  # 09:00-13:00
    _click(qtbot, wizard, Next)

    value = wizard.value
    value.currency.lineEdit().selectAll()
    qtbot.keyClicks(value.currency.lineEdit(), "NOK")
    value.annual.lineEdit().selectAll()
    qtbot.keyClicks(value.annual.lineEdit(), "30000")
    value.years.setValue(4)
    _click(qtbot, wizard, Next)
    assert wizard.currentPage() is wizard.mailbox
    _click(qtbot, wizard, Next)  # no mailbox now
    later = wizard.last.findChild(object, "changeLater")
    assert later is not None and "changed later" in later.text()  # type: ignore[attr-defined]
    with qtbot.waitSignal(wizard.saved):
        _click(qtbot, wizard, QWizard.WizardButton.FinishButton)

    for settings in (fresh.ctx.settings, load_settings(settings_path(data_dir))):
        assert settings.business_name == "Hygge Keramik"
        assert settings.founder_name == "Søs Jensen"
        assert settings.founder_language is Language.EN
        assert settings.timezone == "Europe/Oslo" and settings.holiday_country == "NO"
        assert settings.business_hours[0] == ("09:00", "13:00")
        assert 5 in settings.business_hours and 6 not in settings.business_hours
        assert settings.currency == "NOK"
        assert settings.default_annual_value == 30_000 and settings.default_expected_years == 4
    assert _link(window) is None  # the status-bar link has done its job
    ini = QSettings(str(data_dir / UI_SETTINGS_FILE), QSettings.Format.IniFormat)
    assert ini.value(SHOWN_KEY) == "finished"
    assert "hours" in window.feature("getting_started", GettingStarted).checklist.done_keys()


def test_skip_saves_nothing_keeps_the_link_and_is_not_asked_again(
    qtbot: QtBot, fresh: Services, data_dir: Path
) -> None:
    window = _window(qtbot, fresh, data_dir)
    wizard = _assistant(qtbot, window)
    qtbot.keyClicks(wizard.about.business_name, "Not saved")
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Skip for now"
    _click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert not settings_path(data_dir).exists()
    assert fresh.ctx.settings.business_name == ""
    assert _link(window) is not None
    window.close()

    again = _window(qtbot, fresh, data_dir)
    feature = again.features["getting_started"]
    assert isinstance(feature, GettingStarted)
    assert not feature.assistant_due()
    qtbot.wait(50)
    assert feature.assistant is None
    assert _link(again) is not None


def test_a_data_dir_with_a_business_name_gets_no_assistant(
    qtbot: QtBot, fresh: Services, data_dir: Path
) -> None:
    import dataclasses

    fresh.settings.save(dataclasses.replace(fresh.ctx.settings, business_name="Butik"))
    window = _window(qtbot, fresh, data_dir)
    qtbot.wait(50)
    assert window.feature("getting_started", GettingStarted).assistant is None


@pytest.mark.mailserver
def test_the_mailbox_page_adds_and_tests_the_account_on_the_worker(
    qtbot: QtBot, services: Services, data_dir: Path, mail_setup: MailSetup
) -> None:
    window = _window(qtbot, services, data_dir)
    wizard = _assistant(qtbot, window)
    qtbot.keyClicks(wizard.about.business_name, "Butikken")
    for _page in range(3):
        _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.mailbox
    assert wizard.currentPage() is page
    qtbot.keyClicks(page.email, "hej@butik.dk")
    assert page.imap_host.text() == "imap.butik.dk"  # guessed from the address
    for host in (page.imap_host, page.smtp_host):
        host.clear()
        qtbot.keyClicks(host, mail_setup.dovecot.host)
    page.imap_security.set_value("none")
    page.smtp_security.set_value("none")
    page.imap_port.setValue(mail_setup.dovecot.imap_port)
    page.smtp_port.setValue(mail_setup.smtp.port)
    qtbot.keyClicks(page.username, mail_setup.user.name)
    qtbot.keyClicks(page.password, "wrong")
    with qtbot.waitSignal(page.tested, timeout=20_000) as wrong:
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert not all(r.ok for r in wrong.args[0])
    assert "Login failed" in page.result.text()
    page.password.clear()
    qtbot.keyClicks(page.password, mail_setup.user.password)
    with qtbot.waitSignal(page.tested, timeout=20_000) as right:
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert right.args[0] and all(r.ok for r in right.args[0])
    assert "✔" in page.result.text()
    (account,) = services.mail_accounts.list()
    assert account.name == "butik" and account.username == mail_setup.user.name
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    with qtbot.waitSignal(wizard.saved):
        _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert "mail" in window.feature("getting_started", GettingStarted).checklist.done_keys()

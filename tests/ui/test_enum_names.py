"""The words for enum values (channels, statuses, kinds, directions, remedies, follow-up
states, undo verbs): one for every value, kept in the translation context the .ts files
hold them under, and translated when asked for, not when the module is loaded.

The tables are marked with ``QT_TRANSLATE_NOOP`` and each name is translated as it is
looked up, so a wrong context or a lookup that forgets to translate shows here as English
where the Danish or Norwegian word belongs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soloservice.assets import TRANSLATIONS, resource_dir
from soloservice.domain.remedies import RemedyKind
from soloservice.domain.types import (
    Channel,
    ChannelGroup,
    Direction,
    IdentityKind,
    InquiryKind,
    Status,
)
from soloservice.services.registry import Services
from soloservice.ui import formatting as fmt
from soloservice.ui.feedback import labels
from soloservice.ui.inbox.cells import Column
from soloservice.ui.inquiry_operations import status_verb
from tests.ui.conftest import open_window

Lookup = Callable[..., str]
TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"

#: (context in the .ts files, lookup, every value it must name)
LOOKUPS: list[tuple[str, Lookup, Sequence[object]]] = [
    ("formatting", fmt.channel_name, list(Channel)),
    ("formatting", fmt.group_name, list(ChannelGroup)),
    ("formatting", fmt.status_name, list(Status)),
    ("formatting", fmt.kind_name, list(InquiryKind)),
    ("formatting", fmt.direction_name, list(Direction)),
    ("formatting", fmt.identity_kind_name, list(IdentityKind)),
    ("feedback", labels.remedy_label, list(RemedyKind)),
    ("feedback", labels.state_name, list(labels.STATE_KEYS)),
    ("operations", status_verb, list(Status)),
]
CHANNEL_WORDS = ("Email", "Form", "Phone", "Facebook", "Instagram", "X")
STATUS_WORDS = ("New", "Open", "Waiting", "Resolved", "Closed")
IDS = [f"{context}-{lookup.__name__}" for context, lookup, _values in LOOKUPS]


def ts_messages(lang: str) -> dict[tuple[str, str], str]:
    """(context, English source) -> the translation, as the .ts file of ``lang`` has it."""
    root = ET.parse(TS_DIR / f"soloservice_{lang}.ts").getroot()
    out: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            out[(name, message.findtext("source", ""))] = message.findtext("translation", "")
    return out


@pytest.fixture
def translator(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(f"soloservice_{request.param}", str(resource_dir(TRANSLATIONS)))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.mark.parametrize(("context", "lookup", "values"), LOOKUPS, ids=IDS)
def test_every_value_has_its_own_english_word(
    qapp: QApplication, context: str, lookup: Lookup, values: Sequence[object]
) -> None:
    names = [lookup(value) for value in values]
    assert all(names), dict(zip(values, names, strict=True))
    if lookup is not fmt.identity_kind_name:  # identities share the channels' words
        assert len(set(names)) == len(names), names


def test_an_unknown_follow_up_state_shows_as_it_is_stored(qapp: QApplication) -> None:
    assert labels.state_name("postponed") == "postponed"


@pytest.mark.parametrize("translator", ["da", "nb"], indirect=True)
@pytest.mark.parametrize(("context", "lookup", "values"), LOOKUPS, ids=IDS)
def test_every_value_is_translated_in_the_context_the_translations_keep(
    qapp: QApplication,
    translator: QTranslator,
    context: str,
    lookup: Lookup,
    values: Sequence[object],
) -> None:
    messages = ts_messages(translator.language().split("_")[0])
    # The English word first, with the translator out of the way, then the translated one.
    qapp.removeTranslator(translator)
    english = {value: lookup(value) for value in values}
    qapp.installTranslator(translator)
    for value in values:
        want = messages.get((context, english[value]))
        assert want, f"[{context}] {english[value]!r} is missing from the .ts file"
        assert lookup(value) == want, value


@pytest.mark.parametrize("translator", ["da"], indirect=True)
def test_the_inbox_names_channels_and_statuses_in_danish(
    translator: QTranslator, qtbot: QtBot, services: Services, seeded: list[int]
) -> None:
    messages = ts_messages("da")
    window = open_window(qtbot, services)
    model = window.model
    assert model.rowCount() > 0
    shown = {
        column: {str(model.data(model.index(row, column))) for row in range(model.rowCount())}
        for column in (Column.CHANNEL, Column.STATUS)
    }
    danish_channels = {messages[("formatting", str(fmt_name))] for fmt_name in CHANNEL_WORDS}
    assert shown[Column.CHANNEL] <= danish_channels, shown[Column.CHANNEL]
    assert not shown[Column.STATUS] & set(STATUS_WORDS), shown[Column.STATUS]
    assert shown[Column.STATUS] & {messages[("formatting", word)] for word in STATUS_WORDS}
    window.close()

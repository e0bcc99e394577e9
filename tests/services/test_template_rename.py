"""A rename (new key or language) is one save: the old template goes in the same transaction."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from soloservice.domain.templates import Template
from soloservice.domain.types import Language
from soloservice.services.errors import InvalidInput
from soloservice.services.registry import Services

MINE = Template(key="thanks", name="Thanks", language=Language.EN, subject="Hi", body="Thank you!")


@pytest.fixture
def app(data_dir: Path) -> Iterator[Services]:
    services = Services.open(data_dir)
    yield services
    services.close()


def own(services: Services) -> set[tuple[str, Language]]:
    return {
        (i.template.key, i.template.language)
        for i in services.templates.all()
        if not i.template.builtin
    }


def test_a_rename_replaces_the_old_key(app: Services) -> None:
    app.templates.save(MINE)
    renamed = dataclasses.replace(MINE, key="thanks-a-lot")
    app.templates.save(renamed, replacing=("thanks", Language.EN))
    assert own(app) == {("thanks-a-lot", Language.EN)}


def test_a_new_language_replaces_the_old_one(app: Services) -> None:
    app.templates.save(MINE)
    app.templates.save(
        dataclasses.replace(MINE, language=Language.DA), replacing=("thanks", Language.EN)
    )
    assert own(app) == {("thanks", Language.DA)}


def test_saving_in_place_keeps_it(app: Services) -> None:
    app.templates.save(MINE)
    app.templates.save(dataclasses.replace(MINE, body="Thanks!"), replacing=("thanks", Language.EN))
    assert own(app) == {("thanks", Language.EN)}
    assert app.templates.find("thanks", Language.EN).body == "Thanks!"


def test_a_refused_rename_keeps_the_old_template(app: Services) -> None:
    app.templates.save(MINE)
    bad = dataclasses.replace(MINE, key="other", body="Hi {customer.nmae}")
    with pytest.raises(InvalidInput):
        app.templates.save(bad, replacing=("thanks", Language.EN))
    assert own(app) == {("thanks", Language.EN)}

"""Reply templates through the CLI: every built-in in da, nb and en, the founder's own
overriding one, rendering for a case (names, the case tag, what was left empty), and
one-line errors."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from soloservice.domain.settings import Settings
from soloservice.domain.templates import Template
from soloservice.domain.types import Language
from soloservice.services.registry import Services
from tests.helpers.cli import run, run_json


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "data"
    code, _out, err = run(
        capsys, "--data-dir", str(path), "--create", "log-call", "--phone", "+4520123456",
        "--name", "Mette Hansen", "--note", "Vasen er knust", "--callback",
    )  # fmt: skip
    assert code == 0, err
    return path


def templates(capsys: pytest.CaptureFixture[str], store: Path, *extra: str) -> list[dict[str, Any]]:
    listed: list[dict[str, Any]] = run_json(
        capsys, "--data-dir", str(store), "template", "list", "--json", *extra
    )
    return listed


def render(capsys: pytest.CaptureFixture[str], store: Path, *extra: str) -> dict[str, Any]:
    rendered: dict[str, Any] = run_json(
        capsys, "--data-dir", str(store), "template", "render", *extra, "--inquiry", "1", "--json"
    )
    return rendered


def test_every_builtin_exists_in_all_three_languages(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = templates(capsys, store)
    keys = {t["key"] for t in listed}
    assert {"ack", "satisfied"} <= keys
    for key in keys:
        languages = sorted(t["language"] for t in listed if t["key"] == key)
        assert languages == ["da", "en", "nb"], key
    assert all(t["builtin"] for t in listed)
    nb = templates(capsys, store, "--language", "nb")
    assert {t["language"] for t in nb} == {"nb"} and {t["key"] for t in nb} == keys


@pytest.mark.parametrize(
    ("language", "greeting"), [("da", "Hej Mette"), ("nb", "Hei Mette"), ("en", "Hi Mette")]
)
def test_rendering_for_a_case_greets_by_first_name_and_tags_the_subject(
    store: Path, capsys: pytest.CaptureFixture[str], language: str, greeting: str
) -> None:
    rendered = render(capsys, store, "satisfied", "--language", language)
    assert rendered["body"].startswith(greeting)
    assert "[#1]" in rendered["subject"]
    assert "{" not in rendered["body"] and "}" not in rendered["body"]


def test_empty_placeholders_are_reported_until_the_settings_fill_them(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "founder.name" in render(capsys, store, "satisfied")["empty"]
    services = Services.open(store)
    try:
        services.settings.save(
            dataclasses.replace(Settings(), founder_name="Hanne Holm", business_name="Vaser ApS")
        )
    finally:
        services.close()
    rendered = render(capsys, store, "satisfied")
    assert "founder.name" not in rendered["empty"] and "business.name" not in rendered["empty"]
    assert "Hanne Holm" in rendered["body"]


def test_the_founders_own_template_overrides_the_builtin_in_its_language_only(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = Services.open(store)
    try:
        services.templates.save(
            Template(key="satisfied", name="Min", language=Language.DA, subject="Gik det godt?",
                     body="Kære {customer.first_name}, var du tilfreds?")
        )  # fmt: skip
    finally:
        services.close()
    listed = templates(capsys, store)
    (own,) = [t for t in listed if t["key"] == "satisfied" and t["language"] == "da"]
    assert own["builtin"] is False and own["overrides_builtin"] is True
    assert render(capsys, store, "satisfied", "--language", "da")["body"] == (
        "Kære Mette, var du tilfreds?"
    )
    assert render(capsys, store, "satisfied", "--language", "en")["body"].startswith("Hi Mette")


def test_a_customers_language_picks_the_template_without_a_flag(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys, "--data-dir", str(store), "customer", "edit", "1", "--language", "nb"
    )
    assert code == 0, err
    assert render(capsys, store, "satisfied")["body"].startswith("Hei Mette")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("template", "render", "nosuch", "--inquiry", "1"), "no template"),
        (("template", "render", "satisfied"), "--inquiry"),
        (("template", "render", "satisfied", "--inquiry", "1", "--language", "sv"), "language"),
        (("template", "render", "satisfied", "--inquiry", "77"), "no inquiry"),
        (("template", "list", "--language", "xx"), "language"),
    ],
)
def test_template_errors_are_one_line(
    store: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], words: str
) -> None:
    code, out, err = run(capsys, "--data-dir", str(store), *argv)
    assert code == 2, (out, err)
    assert len(err.strip().splitlines()) == 1 and words in err, err

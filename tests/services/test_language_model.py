"""py3langid's model is read from a copy in the cache after the first load
(services/language_model.py): the same scores, and a damaged or unwritable copy costs
only time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soloservice.domain.language import CANDIDATES
from soloservice.services import language_model
from tests.services.test_language_guess import write_eml

DANISH = ("Mette Hansen <mette@gmail.com>", "Min pakke",
          "Hej, jeg har endnu ikke modtaget min pakke. Kan I tjekke det?")  # fmt: skip
NORWEGIAN = ("Ola Nordmann <ola.nordmann@gmail.com>", "Pakken min",
             "Hei, jeg har ikke mottatt pakken min ennå. Kan dere sjekke hvor den er?")  # fmt: skip


def _cli(env: dict[str, str], *argv: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "soloservice", *argv],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def _language_of_newest(env: dict[str, str], data: Path) -> str:
    rows = json.loads(_cli(env, "--data-dir", str(data), "inbox", "--json"))
    newest = max(row["id"] for row in rows)
    detail = json.loads(_cli(env, "--data-dir", str(data), "show", str(newest), "--json"))
    card = json.loads(
        _cli(env, "--data-dir", str(data), "customer", "show",
             str(detail["customer_card"]["id"]), "--json")
    )  # fmt: skip
    return str(card["language"])


def test_the_cli_keeps_the_model_copy_and_survives_a_damaged_one(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {**os.environ, "SOLOSERVICE_CACHE_DIR": str(cache)}
    data = tmp_path / "data"
    stale = cache / "langid" / "model-0000000000000000.npz"  # an older py3langid's copy
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    _cli(env, "--data-dir", str(data), "--create", "import", "eml",
         str(write_eml(tmp_path / "mail", *DANISH)))  # fmt: skip
    assert _language_of_newest(env, data) == "da"
    (copy,) = (cache / "langid").glob("model-*.npz")  # the stale copy is gone
    size = copy.stat().st_size
    assert size > 1_000_000
    copy.write_bytes(copy.read_bytes()[:4096])  # cut short: a full disk, a crash
    _cli(env, "--data-dir", str(data), "import", "eml",
         str(write_eml(tmp_path / "mail2", *NORWEGIAN)))  # fmt: skip
    assert _language_of_newest(env, data) == "nb"
    assert copy.stat().st_size == size  # written again, whole
    assert not list((cache / "langid").glob("*.tmp"))


def test_a_cache_that_cannot_be_written_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("SOLOSERVICE_CACHE_DIR", str(blocker / "cache"))
    identifier = language_model.load_identifier(CANDIDATES)
    assert identifier.rank(DANISH[2])[0][0] == "da"


@pytest.fixture(scope="module")
def shipped_and_copied(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    """The classifier from the shipped model, and one read back from its copy."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    shipped = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    shipped.set_languages(list(CANDIDATES))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOLOSERVICE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        language_model.load_identifier(CANDIDATES)  # writes the copy
        copied = language_model.load_identifier(CANDIDATES)  # reads it
    return shipped, copied


@settings(max_examples=60, deadline=None)
@given(text=st.text(min_size=1, max_size=300))
def test_the_copy_scores_every_text_as_the_shipped_model(
    shipped_and_copied: tuple[Any, Any], text: str
) -> None:
    shipped, copied = shipped_and_copied
    assert copied.rank(text) == shipped.rank(text)

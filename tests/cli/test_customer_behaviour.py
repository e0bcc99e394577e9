"""The customer card through the CLI: the value the review puts at risk, identities, opt-out.

The lifetime value (annual value x expected years, each falling back to the business's
average) is what the weekly review counts as "value at risk" for an open complaint, so each
edit is checked there too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import run, run_json

WEEK = "2026-W48"


@pytest.fixture
def store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.setenv("SOLOSERVICE_NOW", "2026-11-24T10:00+01:00")
    path = tmp_path / "data"
    for phone, name, note, extra in (
        ("+4520123456", "Mette Hansen", "Vasen er knust", ("--complaint", "--callback")),
        ("+4530123456", "Ole Olsen", "Hvornår har I åbent?", ("--callback",)),
    ):
        code, _out, err = run(
            capsys, "--data-dir", str(path), "--create", "log-call", "--phone", phone,
            "--name", name, "--note", note, *extra,
        )  # fmt: skip
        assert code == 0, err
    return path


def cli(capsys: pytest.CaptureFixture[str], store: Path, *argv: str) -> Any:
    return run_json(capsys, "--data-dir", str(store), *argv)


def refused(capsys: pytest.CaptureFixture[str], store: Path, *argv: str) -> str:
    code, out, err = run(capsys, "--data-dir", str(store), *argv)
    assert code == 2, (out, err)
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    return err


def at_risk(capsys: pytest.CaptureFixture[str], store: Path) -> float:
    review = cli(capsys, store, "review", "--json", "--week", WEEK)
    value: float = review["channels"]["total"]["value_at_risk"]["value"]
    return value


@pytest.mark.parametrize(
    ("argv", "annual", "years", "lifetime"),
    [
        (("--annual-value", "50000", "--years", "3"), 50000.0, 3.0, 150000.0),
        (("--annual-value", "50000"), 50000.0, None, 250000.0),
        (("--years", "2"), None, 2.0, 40000.0),
        (("--years", "0"), None, 0.0, 0.0),
        (("--annual-value", "0"), 0.0, None, 0.0),
        (("--annual-value", "1234,5"), 1234.5, None, 6172.5),
    ],
)
def test_the_lifetime_value_is_what_the_review_puts_at_risk(
    store: Path,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    annual: float | None,
    years: float | None,
    lifetime: float,
) -> None:
    assert at_risk(capsys, store) == pytest.approx(100000.0)  # 20,000 kr x 5 years by default
    card = cli(capsys, store, "customer", "edit", "1", *argv)
    assert (card["annual_value"], card["expected_years"]) == (annual, years)
    assert card["lifetime_value"] == pytest.approx(lifetime)
    assert cli(capsys, store, "customer", "show", "1")["lifetime_value"] == pytest.approx(lifetime)
    assert at_risk(capsys, store) == pytest.approx(lifetime)


def test_default_puts_the_business_average_back(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, store, "customer", "edit", "1", "--annual-value", "1", "--years", "1")
    card = cli(capsys, store, "customer", "edit", "1", "--annual-value", "default", "--years",
               "default")  # fmt: skip
    assert (card["annual_value"], card["expected_years"]) == (None, None)
    assert card["lifetime_value"] == pytest.approx(100000.0)


def test_only_the_complaining_customer_is_at_risk(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, store, "customer", "edit", "2", "--annual-value", "999999")
    assert at_risk(capsys, store) == pytest.approx(100000.0)  # Ole asked a question


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("--years", "-1"), "negative"),
        (("--annual-value", "-5"), "negative"),
        (("--annual-value", "abc"), "not a number"),
        (("--years", "1e400"), "finite"),
        (("--annual-value", "nan"), ""),
        (("--name", ""), "empty"),
        (("--name", "   "), "empty"),
        (("--language", "sv"), ""),
    ],
)
def test_a_bad_edit_is_one_line_and_changes_nothing(
    store: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], words: str
) -> None:
    before = cli(capsys, store, "customer", "show", "1")
    try:
        err = refused(capsys, store, "customer", "edit", "1", *argv)
    except SystemExit as exc:  # argparse's choices
        assert exc.code == 2
        err = capsys.readouterr().err
    assert words in err
    assert cli(capsys, store, "customer", "show", "1") == before


def test_a_huge_value_never_prints_infinity(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(
        capsys, "--data-dir", str(store), "customer", "edit", "1",
        "--annual-value", "1e308", "--years", "1e308",
    )  # fmt: skip
    if code == 2:
        return  # refusing it is a fine answer
    json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in the output"))
    _code, out, _err = run(capsys, "--data-dir", str(store), "review", "--json", "--week", WEEK)
    json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in the review"))


# -- identities and opt-out ----------------------------------------------------------------------


def test_an_added_address_is_shown_and_found_and_can_be_removed(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = cli(capsys, store, "customer", "add-identity", "1", "email", " Mette@Example.DK ")
    assert {"kind": "email", "value": "mette@example.dk"} in [
        {"kind": i["kind"], "value": i["value"]} for i in card["identities"]
    ]
    hits = cli(capsys, store, "search", "mette@example.dk", "--json")
    assert hits and all(hit["customer_id"] == 1 for hit in hits if "customer_id" in hit)
    card = cli(capsys, store, "customer", "remove-identity", "1", "email", "mette@example.dk")
    assert all(i["kind"] != "email" for i in card["identities"])


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("add-identity", "1", "email", "not an email"), "not an email"),
        (("add-identity", "2", "phone", "+45 20 12 34 56"), "another customer"),
        (("remove-identity", "1", "email", "never@example.dk"), ""),
    ],
)
def test_identity_errors_are_one_line(
    store: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], words: str
) -> None:
    before = cli(capsys, store, "customer", "show", argv[1])
    assert words in refused(capsys, store, "customer", *argv)
    assert cli(capsys, store, "customer", "show", argv[1]) == before


def test_an_opted_out_customer_is_not_surveyed_until_undone(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, store, "customer", "opt-out", "2")["opted_out"] is True
    code, _out, err = run(capsys, "--data-dir", str(store), "set-status", "2", "resolved")
    assert code == 0, err
    (check,) = [c for c in cli(capsys, store, "followups", "--json") if c["inquiry_id"] == 2]
    assert check["status"] == "skipped" and "opted out" in check["skip_reason"]
    assert cli(capsys, store, "customer", "opt-out", "2", "--undo")["opted_out"] is False

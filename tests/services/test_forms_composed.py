"""Web forms through the composed app (the CLI, ``Services.open``): the built-in rules from
their data file, one entry shape whether it came by mail or CSV, warnings per stored row."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from soloservice.assets import resource_dir
from soloservice.channels.form.builtin_rules import RULES_FILE, SAMPLE_MAILS
from soloservice.channels.form.rules import SampleMail
from soloservice.domain.types import Channel
from soloservice.services.dto import InboxQuery, View
from soloservice.services.registry import Services
from tests.helpers.cli import run, run_json
from tests.services.test_forms import parsed


@pytest.fixture
def opened(data_dir: Path) -> Iterator[Services]:
    services = Services.open(data_dir)
    yield services
    services.close()


def test_the_builtin_rules_listed_are_the_data_file_in_its_order(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (resource_dir("forms") / RULES_FILE).read_text("utf-8")
    tables = tomllib.loads(data)["rule"]
    run_json(capsys, "--data-dir", str(data_dir), "form-rule", "add", "Mit skema",
             "--sender", "*@mitskema.dk")  # fmt: skip
    listed = run_json(capsys, "--data-dir", str(data_dir), "form-rule", "list")
    assert listed[0]["name"] == "Mit skema" and not listed[0]["builtin"]
    assert [(r["name"], r["sender_pattern"], r["subject_pattern"]) for r in listed[1:]] == [
        (t["name"], t.get("sender"), t["subject"]) for t in tables
    ]
    assert all(r["builtin"] and r["enabled"] for r in listed[1:])
    # every built-in comes with the sample its editor previews
    assert set(SAMPLE_MAILS) == {t["name"] for t in tables}


def test_an_entry_without_a_message_is_titled_by_its_form_by_mail_and_by_csv(
    opened: Services, tmp_path: Path
) -> None:
    notification = SampleMail(
        from_addr="Netlify Forms <formresponses@netlify.com>",
        subject="[Netlify] New form submission from nyhedsbrev",
        text="Name: Ingrid Haugen\nEmail: ingrid.haugen@gmail.com\nPhone: 41 23 45 67\n",
    )
    by_mail = opened.forms.form_hook(parsed(notification))
    assert by_mail is not None
    export = tmp_path / "nyhedsbrev.csv"
    export.write_text(
        "Navn;E-mail;Telefon\nIngrid Haugen;ingrid.haugen@gmail.com;41 23 45 67\n", "utf-8"
    )
    assert opened.forms.import_csv(export).new_inquiries == 1
    (case_id,) = opened.inbox.list_ids(InboxQuery(view=View.INBOX))
    by_csv = opened.inquiries.get(case_id)
    assert by_mail.channel is Channel.FORM and by_mail.subject == "nyhedsbrev"
    assert (by_csv.channel, by_csv.subject) == (Channel.FORM, "nyhedsbrev")
    assert by_mail.tags == by_csv.tags == ("form:nyhedsbrev",)
    # the phone joins the email on the customer, by either road
    assert by_mail.customer.identity_value == "ingrid.haugen@gmail.com"
    assert by_mail.customer.more_identities[0][1] == "+4541234567"
    assert by_mail.text == "Phone: 41 23 45 67"
    assert [m.text for m in by_csv.messages] == ["Telefon: 41 23 45 67"]


def test_warnings_name_each_stored_row_and_a_reimport_repeats_them(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "kontakt.csv"
    export.write_text(
        "Navn;E-mail;Dato;Besked\n"
        "Mette;mette@example.dk;i går;Skålen er revnet\n"
        "Ole;ikke-en-mail;24.11.2026 10.15;Har I åbent?\n"
        ";;;ingen afsender\n",
        "utf-8",
    )
    first = run_json(capsys, "--data-dir", str(data_dir), "import", "form-csv", str(export))
    assert first["new_inquiries"] == 2
    assert first["warnings"] == [
        "line 2: not a date: 'i går'",
        "line 3: not an email address: 'ikke-en-mail'",
    ]
    assert first["errors"] == ["line 4: no name, email or phone"]
    again = run_json(capsys, "--data-dir", str(data_dir), "import", "form-csv", str(export))
    assert (again["new_inquiries"], again["duplicates"]) == (0, 2)
    assert again["warnings"] == first["warnings"]
    code, _out, err = run(
        capsys, "--data-dir", str(data_dir), "import", "form-csv", str(export),
        "--mapping", "ukendt",
    )  # fmt: skip
    assert code == 2 and "no CSV mapping named 'ukendt' (known: kontakt)" in err


def test_an_entry_with_only_a_name_is_imported_once(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No message and no other answers: the inquiry holds no message, yet the row is keyed."""
    export = tmp_path / "tilmelding.csv"
    export.write_text("Navn;Besked\nKarin Holm;\n", "utf-8")
    argv = ("--data-dir", str(data_dir), "import", "form-csv", str(export))
    assert run_json(capsys, *argv)["new_inquiries"] == 1
    again = run_json(capsys, *argv)
    assert (again["new_inquiries"], again["duplicates"]) == (0, 1)

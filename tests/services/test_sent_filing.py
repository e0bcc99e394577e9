"""What the app learns about a provider's Sent folder (issue 12, migration 0007), through the
composed app and the CLI: nothing is assumed until a reply shows it; "files relayed mail"
sticks once seen (a slow filing once does not turn it off); "does not file" is only learnt
while nothing is known; changing the Sent folder or the SMTP server forgets it. Whether an
interrupted reply may be sent again depends on exactly this (tests/services/
test_outbox_interrupted.py drives that over real servers)."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from soloservice.services.mail_accounts import AccountInput
from soloservice.services.registry import Services
from tests.helpers.cli import run_json
from tests.helpers.factories import add_account


@pytest.fixture
def app(data_dir: Path, migrated_template: Path) -> Iterator[Services]:
    shutil.copyfile(migrated_template, data_dir / "soloservice.sqlite3")
    services = Services.open(data_dir)
    yield services
    services.close()


def learnt(app: Services) -> bool | None:
    return app.mail_accounts.get("shop").sent_files_relayed


def edit(app: Services, **changes: object) -> None:
    view = app.mail_accounts.get("shop")
    fields = {name: getattr(view, name) for name in AccountInput.__dataclass_fields__}
    app.mail_accounts.update("shop", dataclasses.replace(AccountInput(**fields), **changes))


def test_nothing_is_assumed_until_a_reply_shows_it(app: Services) -> None:
    account = add_account(app, sent_folder="Sendt")
    assert learnt(app) is None
    app.mail_accounts.learn_sent_filing(account.id, found_in_sent=False)
    assert learnt(app) is False


def test_files_sticks_once_seen(app: Services) -> None:
    account = add_account(app, sent_folder="Sendt")
    app.mail_accounts.learn_sent_filing(account.id, found_in_sent=True)
    app.mail_accounts.learn_sent_filing(account.id, found_in_sent=False)  # slow, this once
    assert learnt(app) is True


def test_a_provider_seen_to_file_later_is_believed(app: Services) -> None:
    account = add_account(app, sent_folder="Sendt")
    app.mail_accounts.learn_sent_filing(account.id, found_in_sent=False)
    app.mail_accounts.learn_sent_filing(account.id, found_in_sent=True)
    assert learnt(app) is True


@pytest.mark.parametrize(
    "change", [{"sent_folder": "INBOX.Sent"}, {"smtp_host": "smtp.example.dk"}]
)
def test_another_folder_or_server_is_learnt_again(app: Services, change: dict[str, str]) -> None:
    account = add_account(app, sent_folder="Sendt")
    app.mail_accounts.learn_sent_filing(account.id, found_in_sent=True)
    edit(app, **change)
    assert learnt(app) is None


def test_other_edits_keep_what_was_learnt(app: Services) -> None:
    account = add_account(app, sent_folder="Sendt")
    app.mail_accounts.learn_sent_filing(account.id, found_in_sent=True)
    edit(app, signature="Venlig hilsen\nSøs", display_name="Butikken ApS")
    assert learnt(app) is True


def test_a_removed_account_is_no_error(app: Services) -> None:
    app.mail_accounts.learn_sent_filing(9999, found_in_sent=True)  # gone meanwhile: ignored


def test_the_cli_shows_what_was_learnt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    services = Services.open(data)
    try:
        account = add_account(services, sent_folder="Sendt")
        services.mail_accounts.learn_sent_filing(account.id, found_in_sent=True)
    finally:
        services.close()
    (shown,) = run_json(capsys, "--data-dir", str(data), "account", "list")
    assert shown["sent_folder"] == "Sendt" and shown["provider_files_sent"] is True


def test_the_cli_says_nothing_is_known_before_the_first_reply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    services = Services.open(data)
    try:
        add_account(services, sent_folder="Sendt")
    finally:
        services.close()
    (shown,) = run_json(capsys, "--data-dir", str(data), "account", "list")
    assert shown["provider_files_sent"] is None  # JSON null: not yet seen, not "no"

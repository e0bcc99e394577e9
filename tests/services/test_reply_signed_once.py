"""A reply written from a template carries the founder's name once (issue 11, item 9).

Through ``Services.open`` with the founder's settings file and a mail account that has a
signature: the outbox is where the signature is added, so its stored body is what goes out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from soloservice.domain.settings import Settings
from soloservice.domain.templates import FILL_IN
from soloservice.paths import settings_path
from soloservice.services.registry import Services
from soloservice.storage.settings_store import save_settings
from tests.helpers.factories import add_account, make_inquiry

SIGNATURE = "Anna Hansen\nHansens Keramik\n+45 20 00 00 00"


@pytest.fixture
def app(data_dir: Path) -> Iterator[Services]:
    save_settings(
        settings_path(data_dir),
        Settings(founder_name="Anna Hansen", business_name="Hansens Keramik"),
    )
    services = Services.open(data_dir)
    add_account(services, email="hej@hansenskeramik.dk", display_name="", signature=SIGNATURE)
    yield services
    services.close()


def test_a_template_reply_is_signed_once(app: Services) -> None:
    inquiry = make_inquiry(app, email="mette@example.dk")
    rendered = app.templates.render_for("apology", inquiry.id)
    body = rendered.body.replace(FILL_IN, "Vi sender en ny vase i dag.")
    queued = app.outbox.queue_reply(inquiry.id, body, quote=False)
    text = app.outbox.get(queued.id).body
    assert text.count("Anna Hansen") == 1, text
    assert text.count("Hansens Keramik") == 1, text
    assert "-- \n" not in text
    assert text.rstrip().endswith("Hansens Keramik\n+45 20 00 00 00")


def test_a_reply_typed_without_a_sign_off_gets_the_signature(app: Services) -> None:
    inquiry = make_inquiry(app, email="ole@example.dk")
    queued = app.outbox.queue_reply(inquiry.id, "Hej Ole\n\nDen er sendt.", quote=False)
    assert app.outbox.get(queued.id).body == "Hej Ole\n\nDen er sendt.\n\n-- \n" + SIGNATURE + "\n"

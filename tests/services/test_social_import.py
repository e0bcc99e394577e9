"""Facebook, Instagram and X exports imported through the service: one inquiry a conversation,
nothing twice, nothing stored from a broken file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from soloservice.domain.types import Channel, Direction, IdentityKind, Status
from soloservice.services.customers import CustomerRef
from soloservice.services.import_summary import ImportFailed
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace, SecretStore
from soloservice.services.social import OwnerNeeded, SocialImportService
from soloservice.services.social_accounts import SocialAccountService
from tests.helpers.cli import run_json
from tests.helpers.fake_social_api import (
    TOKEN,
    FakeSocialApi,
)
from tests.helpers.social_exports import (
    METTE,
    PAGE,
    T0,
    facebook_files,
    meta_thread,
    write_folder,
    write_zip,
    x_archive_files,
)
from tests.helpers.social_store import (
    customer_name,
    dump,
    identities,
    inquiries,
    messages_of,
)


@pytest.mark.parametrize("as_zip", [False, True])
def test_facebook_export_one_inquiry_per_conversation(
    services: Services, tmp_path: Path, as_zip: bool
) -> None:
    files = facebook_files()
    path = write_zip(tmp_path / "fb.zip", files) if as_zip else write_folder(tmp_path / "fb", files)
    summary = SocialImportService(services.ctx).import_export(Channel.FACEBOOK, path)
    assert (summary.rows, summary.new_inquiries, summary.added, summary.duplicates) == (3, 2, 3, 0)
    rows = {customer_name(services, r.customer.id): r for r in inquiries(services)}
    mette = rows["Mette Sørensen"]
    assert mette.channel == "facebook"
    assert mette.subject.startswith("Hej! Min skål er gået i stykker")
    assert mette.received_at == datetime.fromtimestamp(T0 / 1000, tz=UTC)
    # the page answered: the reply promise is kept, the case waits on the customer
    assert mette.status == Status.WAITING.value
    assert mette.needs_reply_since is None
    assert mette.first_response_at == datetime.fromtimestamp((T0 + 60_000) / 1000, tz=UTC)
    stored = messages_of(services, mette.id or 0)
    assert [m.direction for m in stored] == [Direction.IN.value, Direction.OUT.value]
    assert stored[1].author == PAGE
    assert rows["Ole Hansen"].status == Status.NEW.value


def test_reimport_adds_nothing_and_a_continued_thread_only_the_new(
    services: Services, tmp_path: Path
) -> None:
    importer = SocialImportService(services.ctx)
    importer.import_export("facebook", write_folder(tmp_path / "a", facebook_files()))
    before = dump(services)
    again = importer.import_export("facebook", write_zip(tmp_path / "a.zip", facebook_files()))
    assert (again.new_inquiries, again.added, again.duplicates) == (0, 0, 3)
    assert dump(services) == before
    mette = next(
        r for r in inquiries(services) if r.channel == "facebook" and r.status == "waiting"
    )
    services.inquiries.set_status(mette.id or 0, Status.RESOLVED)
    later = [*METTE, ("Mette Sørensen", T0 + 3_600_000, "Den nye skål er også revnet!")]
    third = importer.import_export(
        "facebook", write_folder(tmp_path / "b", facebook_files(mette=later))
    )
    assert (third.new_inquiries, third.added, third.duplicates) == (0, 1, 3)
    assert len(inquiries(services)) == 2
    reopened = services.inquiries.get(mette.id or 0)
    assert reopened.status is Status.OPEN  # the customer wrote back
    assert reopened.needs_reply_since == datetime.fromtimestamp((T0 + 3_600_000) / 1000, tz=UTC)
    assert reopened.messages[-1].text == "Den nye skål er også revnet!"


def test_facebook_names_match_only_an_unambiguous_facebook_customer(
    services: Services, tmp_path: Path
) -> None:
    # Ole has a Facebook identity already: his thread attaches to him.
    ole = services.inquiries.create(
        NewInquiry(CustomerRef(name="Ole Hansen", identity_kind=IdentityKind.FACEBOOK,
                               identity_value="ole.hansen"), Channel.FACEBOOK, "Tidligere")
    )  # fmt: skip
    # Two customers are called Mette Sørensen: no guessing, a new customer.
    for email in ("mette@a.dk", "mette@b.dk"):
        services.inquiries.create(
            NewInquiry(CustomerRef(name="Mette Sørensen", identity_kind=IdentityKind.EMAIL,
                                   identity_value=email), Channel.EMAIL, "Hej")
        )  # fmt: skip
    SocialImportService(services.ctx).import_export(
        Channel.FACEBOOK, write_folder(tmp_path, facebook_files()), owner=PAGE
    )
    fb = [r for r in inquiries(services) if r.subject != "Tidligere" and r.channel == "facebook"]
    by_customer = {r.customer.id for r in fb}
    mettes = [c for c in services.customers.all() if c.name == "Mette Sørensen"]
    assert ole.customer.id in by_customer
    assert len(mettes) == 3


def test_instagram_export_attaches_by_handle(services: Services, tmp_path: Path) -> None:
    kari = services.inquiries.create(
        NewInquiry(CustomerRef(name="Kari Nordmann", identity_kind=IdentityKind.INSTAGRAM,
                               identity_value="@Kari.Nordmann"), Channel.INSTAGRAM, "Før")
    )  # fmt: skip
    thread = meta_thread("kari.nordmann", [("kari.nordmann", T0, "Hei! Når kommer pakken?")])
    thread["participants"][1]["name"] = "hyggekeramik"
    files = {"your_instagram_activity/messages/inbox/kari_1/message_1.json": thread}
    summary = SocialImportService(services.ctx).import_export(
        Channel.INSTAGRAM, write_folder(tmp_path, files), owner="hyggekeramik"
    )
    assert summary.new_inquiries == 1
    new = inquiries(services)[-1]
    assert new.channel == "instagram" and new.customer.id == kari.customer.id


def test_x_archive_then_live_api_never_duplicates(services: Services, tmp_path: Path) -> None:
    importer = SocialImportService(services.ctx)
    summary = importer.import_export(Channel.X, write_folder(tmp_path, x_archive_files()))
    assert (summary.new_inquiries, summary.added) == (1, 2)
    (inquiry,) = inquiries(services)
    stored = messages_of(services, inquiry.id or 0)
    assert [m.text for m in stored] == ["Min ordre?", "Den er afsendt & på vej"]
    assert identities(services, inquiry.customer.id) == ["id:5678"]
    events = [
        {"id": "1862000000000000001", "event_type": "MessageCreate", "text": "Min ordre?",
         "created_at": "2026-11-24T09:15:00.000Z", "sender_id": "5678",
         "dm_conversation_id": "1234-5678"},
        {"id": "1862000000000000004", "event_type": "MessageCreate", "text": "Tak!",
         "created_at": "2026-11-24T09:40:00.000Z", "sender_id": "5678",
         "dm_conversation_id": "1234-5678"},
    ]  # fmt: skip
    users = [{"id": "5678", "name": "Jens Hansen", "username": "JensHansen"}]
    with FakeSocialApi(x_events=events, x_users=users) as api:
        social = SocialAccountService(services.ctx, SecretStore(tmp_path / "secrets"))
        social.add("shop-x", "x", "1234", token=TOKEN, base_url=api.base_url,
                   place=SecretPlace.SESSION)  # fmt: skip
        polled = social.poll("shop-x")
    assert polled.ok and (polled.new_inquiries, polled.added, polled.duplicates) == (0, 1, 1)
    assert len(inquiries(services)) == 1
    assert set(identities(services, inquiry.customer.id)) == {
        "id:5678",
        "jenshansen",
    }  # the handle joins the id


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"messages/inbox/m_1/message_1.html": "<html></html>"}, "HTML format"),
        ({"messages/inbox/m_1/message_1.json": "{not json"}, "not valid JSON"),
        ({"photos/1.jpg": "x"}, "no Facebook message files found"),
    ],
)
def test_broken_export_stores_nothing(
    services: Services, tmp_path: Path, files: dict[str, Any], message: str
) -> None:
    importer = SocialImportService(services.ctx)
    importer.import_export(Channel.FACEBOOK, write_folder(tmp_path / "good", facebook_files()))
    before = dump(services)
    with pytest.raises(ImportFailed, match=message):
        importer.import_export(Channel.FACEBOOK, write_folder(tmp_path / "bad", files))
    not_zip = tmp_path / "export.json"
    not_zip.write_text("{}")
    with pytest.raises(ImportFailed, match="neither a folder nor a zip"):
        importer.import_export(Channel.INSTAGRAM, not_zip)
    assert dump(services) == before


def test_unknown_owner_lists_the_candidates(services: Services, tmp_path: Path) -> None:
    thread = meta_thread("Mette Sørensen", [("Mette Sørensen", T0, "hej")])
    del thread["title"]
    path = write_folder(tmp_path, {"messages/inbox/m_1/message_1.json": thread})
    with pytest.raises(OwnerNeeded) as caught:
        SocialImportService(services.ctx).import_export(Channel.FACEBOOK, path)
    assert set(caught.value.candidates) == {"Mette Sørensen", PAGE}
    assert inquiries(services) == []


def test_the_same_greeting_to_two_customers_keeps_two_conversations(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page's instant reply, sent to two new customers in the same millisecond, is two
    messages: the second conversation is not taken for a re-import of the first."""
    greeting = (PAGE, T0 + 1_000, "Tak for din besked! Vi svarer inden for en dag.")
    files = {
        "messages/inbox/mette_1/message_1.json": meta_thread(
            "Mette Sørensen", [("Mette Sørensen", T0, "Hej, min skål er revnet"), greeting]
        ),
        "messages/inbox/ole_2/message_1.json": meta_thread(
            "Ole Hansen", [("Ole Hansen", T0 + 500, "Har I åbent lørdag?"), greeting]
        ),
    }
    export = str(write_folder(tmp_path / "fb", files))
    first = run_json(capsys, "--data-dir", str(data_dir), "import", "facebook", export)
    assert (first["new_inquiries"], first["added"], first["duplicates"]) == (2, 4, 0)
    again = run_json(capsys, "--data-dir", str(data_dir), "import", "facebook", export)
    assert (again["new_inquiries"], again["added"], again["duplicates"]) == (0, 0, 4)

"""Social exports and live connectors into the inbox, through the real store and a local API."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from soloservice.domain.types import Channel, Direction, IdentityKind, Status
from soloservice.services.customers import CustomerRef
from soloservice.services.forms import ImportFailed
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace, SecretStore
from soloservice.services.social import TOKEN_EXPIRED, OwnerNeeded, SocialImportService
from soloservice.services.social_accounts import SocialAccountService
from soloservice.storage.channel_tables import SocialAccountRow
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow, MessageRow
from tests.helpers.fake_social_api import (
    TOKEN,
    FakeSocialApi,
    graph_message,
    messenger_conversations,
)

PAGE = "Hygge Keramik"
T0 = 1_795_500_000_000  # 2026-11-24 in ms


def mojibake(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def meta_thread(other: str, messages: list[tuple[str, int, str]]) -> dict[str, Any]:
    return {
        "participants": [{"name": mojibake(other)}, {"name": mojibake(PAGE)}],
        "messages": [
            {"sender_name": mojibake(s), "timestamp_ms": t, "content": mojibake(c),
             "is_geoblocked_for_viewer": False, "type": "Generic"}
            for s, t, c in sorted(messages, key=lambda m: -m[1])
        ],
        "title": mojibake(other),
        "is_still_participant": True,
        "thread_path": "inbox/x",
        "magic_words": [],
    }  # fmt: skip


METTE = [
    ("Mette Sørensen", T0, "Hej! Min skål er gået i stykker 😢 Kan I hjælpe?"),
    (PAGE, T0 + 60_000, "Åh nej, det må du undskylde! Vi sender en ny i morgen."),
]
OLE = [("Ole Hansen", T0 + 5_000, "Har I åbent på lørdag?")]


def facebook_files(mette: list[tuple[str, int, str]] = METTE) -> dict[str, Any]:
    prefix = "your_activity_across_facebook/messages/"
    return {
        f"{prefix}inbox/mettesorensen_10223/message_1.json": meta_thread("Mette Sørensen", mette),
        f"{prefix}message_requests/olehansen_99812/message_1.json": meta_thread("Ole Hansen", OLE),
    }


def write_folder(root: Path, files: dict[str, Any]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    return root


def write_zip(path: Path, files: dict[str, Any]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content if isinstance(content, str) else json.dumps(content))
    return path


def x_archive_files(extra: list[dict[str, Any]] | None = None) -> dict[str, str]:
    messages = [
        {"messageCreate": {"id": "1862000000000000002", "senderId": "1234", "recipientId": "5678",
                           "text": "Den er afsendt &amp; på vej", "mediaUrls": [],
                           "createdAt": "2026-11-24T09:20:00.000Z"}},
        {"messageCreate": {"id": "1862000000000000001", "senderId": "5678", "recipientId": "1234",
                           "text": "Min ordre?", "mediaUrls": [],
                           "createdAt": "2026-11-24T09:15:00.000Z"}},
        *(extra or []),
    ]  # fmt: skip
    dms = [{"dmConversation": {"conversationId": "1234-5678", "messages": messages}}]
    account = [{"account": {"accountId": "1234", "username": "hyggekeramik"}}]
    return {
        "data/direct-messages.js": "window.YTD.direct_messages.part0 = " + json.dumps(dms),
        "data/account.js": "window.YTD.account.part0 = " + json.dumps(account),
    }


def dump(services: Services) -> list[str]:
    with sqlite3.connect(services.ctx.db.path) as conn:
        return list(conn.iterdump())


def inquiries(services: Services) -> list[InquiryRow]:
    with services.ctx.db.session() as session:
        return list(session.exec(select(InquiryRow).order_by(col(InquiryRow.id))))


def messages_of(services: Services, inquiry_id: int) -> list[MessageRow]:
    with services.ctx.db.session() as session:
        return list(
            session.exec(
                select(MessageRow)
                .where(MessageRow.inquiry_id == inquiry_id)
                .order_by(col(MessageRow.sent_at))
            )
        )


def customer_name(services: Services, customer_id: int) -> str:
    with services.ctx.db.session() as session:
        row = session.get(CustomerRow, customer_id)
        assert row is not None
        return row.name


# -- exports -------------------------------------------------------------------------------------


@pytest.mark.parametrize("as_zip", [False, True])
def test_facebook_export_one_inquiry_per_conversation(
    services: Services, tmp_path: Path, as_zip: bool
) -> None:
    files = facebook_files()
    path = write_zip(tmp_path / "fb.zip", files) if as_zip else write_folder(tmp_path / "fb", files)
    summary = SocialImportService(services.ctx).import_export(Channel.FACEBOOK, path)
    assert (summary.rows, summary.new_inquiries, summary.added, summary.duplicates) == (3, 2, 3, 0)
    rows = {customer_name(services, r.customer_id): r for r in inquiries(services)}
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
    third = importer.import_export("facebook", write_folder(tmp_path / "b", facebook_files(later)))
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
    with services.ctx.db.session() as session:
        fb = session.exec(
            select(InquiryRow).where(
                InquiryRow.subject != "Tidligere", InquiryRow.channel == "facebook"
            )
        ).all()
        by_customer = {r.customer_id for r in fb}
        mettes = session.exec(select(CustomerRow).where(CustomerRow.name == "Mette Sørensen")).all()
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
    assert new.channel == "instagram" and new.customer_id == kari.customer.id


def test_x_archive_then_live_api_never_duplicates(services: Services, tmp_path: Path) -> None:
    importer = SocialImportService(services.ctx)
    summary = importer.import_export(Channel.X, write_folder(tmp_path, x_archive_files()))
    assert (summary.new_inquiries, summary.added) == (1, 2)
    (inquiry,) = inquiries(services)
    stored = messages_of(services, inquiry.id or 0)
    assert [m.text for m in stored] == ["Min ordre?", "Den er afsendt & på vej"]
    with services.ctx.db.session() as session:
        ids = session.exec(
            select(IdentityRow.value).where(IdentityRow.customer_id == inquiry.customer_id)
        ).all()
    assert ids == ["id:5678"]
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
    with services.ctx.db.session() as session:
        ids = session.exec(
            select(IdentityRow.value).where(IdentityRow.customer_id == inquiry.customer_id)
        ).all()
    assert set(ids) == {"id:5678", "jenshansen"}  # the handle joins the id


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


# -- live connectors -----------------------------------------------------------------------------

PAGE_ID = "1044"


@pytest.fixture
def api() -> Iterator[FakeSocialApi]:
    page = {"name": PAGE, "id": PAGE_ID}
    conversations = messenger_conversations(
        page, [("Mette Sørensen", "5001"), ("Ole Hansen", "5002")]
    )
    with FakeSocialApi(page_id=PAGE_ID, graph_conversations={"messenger": conversations}) as fake:
        yield fake


@pytest.fixture
def social(services: Services, tmp_path: Path, api: FakeSocialApi) -> SocialAccountService:
    service = SocialAccountService(services.ctx, SecretStore(tmp_path / "secrets"))
    service.add("shop-fb", "facebook", PAGE_ID, token=TOKEN, base_url=api.base_url,
                place=SecretPlace.SESSION)  # fmt: skip
    return service


def account(services: Services) -> SocialAccountRow:
    with services.ctx.db.session() as session:
        return session.exec(select(SocialAccountRow)).one()


def test_poll_is_incremental_and_committed_with_its_cursor(
    services: Services, social: SocialAccountService, api: FakeSocialApi
) -> None:
    first = social.poll("shop-fb")
    assert first.ok and (first.threads, first.new_inquiries, first.added) == (2, 2, 6)
    assert account(services).cursor == "2026-11-21T10:00:00+00:00"
    mette = next(r for r in inquiries(services) if customer_name(services, r.customer_id) ==
                 "Mette Sørensen")  # fmt: skip
    assert [m.direction for m in messages_of(services, mette.id or 0)] == ["in", "out", "in"]
    again = social.poll("shop-fb")
    assert again.ok and (again.threads, again.added) == (0, 0)
    conversation = api.graph_conversations["messenger"][0]
    conversation["messages"].append(
        graph_message("m_5001_4", "Hvornår kommer den?", conversation["participants"][0],
                      "2026-11-24T08:00:00+0000")
    )  # fmt: skip
    conversation["updated_time"] = "2026-11-24T08:00:00+0000"
    third = social.poll("shop-fb")
    assert (third.threads, third.new_inquiries, third.added) == (1, 0, 1)
    assert messages_of(services, mette.id or 0)[-1].text == "Hvornår kommer den?"
    assert len(inquiries(services)) == 2


@pytest.mark.parametrize("mode", ["rate_limit", "expired"])
def test_api_errors_store_nothing_and_say_what_to_do(
    services: Services, social: SocialAccountService, api: FakeSocialApi, mode: str
) -> None:
    api.mode, api.fail_after = mode, 1  # the second page fails, mid-way
    before = dump(services)
    summary = social.poll("shop-fb")
    assert not summary.ok
    if mode == "rate_limit":
        assert summary.retry_after == 60.0
        assert summary.error == "rate limited — retry after 60 s"
    else:
        assert summary.error == TOKEN_EXPIRED
        assert account(services).last_error == TOKEN_EXPIRED
    assert account(services).cursor is None
    assert inquiries(services) == []
    assert len(dump(services)) == len(before)  # only the account's last_error changed
    api.mode = None
    recovered = social.poll("shop-fb")
    assert recovered.ok and recovered.new_inquiries == 2
    assert account(services).last_error is None


def test_reply_goes_through_the_api_and_is_not_fetched_back_twice(
    services: Services, social: SocialAccountService, api: FakeSocialApi
) -> None:
    social.poll("shop-fb")
    mette = next(r for r in inquiries(services) if customer_name(services, r.customer_id) ==
                 "Mette Sørensen")  # fmt: skip
    result = social.reply(mette.id or 0, "Vi sender en ny skål i dag.")
    assert result.sent and result.detail is not None
    assert api.sent == [{"recipient": {"id": "5001"}, "message": {"text":
                         "Vi sender en ny skål i dag."}, "messaging_type": "RESPONSE"}]  # fmt: skip
    assert result.detail.messages[-1].direction is Direction.OUT
    conversation = api.graph_conversations["messenger"][0]
    conversation["messages"].append(
        graph_message("m_sent1", "Vi sender en ny skål i dag.", {"name": PAGE, "id": PAGE_ID},
                      "2026-11-24T09:00:00+0000")
    )  # fmt: skip
    conversation["updated_time"] = "2026-11-24T09:00:00+0000"
    polled = social.poll("shop-fb")
    assert (polled.added, polled.duplicates) == (0, 1)


def test_reply_outside_the_window_is_copied_and_recorded_by_hand(
    services: Services, social: SocialAccountService, api: FakeSocialApi
) -> None:
    social.poll("shop-fb")
    ole = next(r for r in inquiries(services) if customer_name(services, r.customer_id) ==
               "Ole Hansen")  # fmt: skip
    api.outside_window.add("5002")
    before = len(messages_of(services, ole.id or 0))
    result = social.reply(ole.id or 0, "Vi har åbent 10-14.")
    assert not result.sent and result.text == "Vi har åbent 10-14."
    assert result.open_url == "https://business.facebook.com/latest/inbox/messenger"
    assert result.reason is not None and "allowed window" in result.reason
    assert len(messages_of(services, ole.id or 0)) == before
    detail = social.record_manual_reply(ole.id or 0, result.text)
    assert detail.messages[-1].text == "Vi har åbent 10-14."
    assert detail.messages[-1].direction is Direction.OUT


def test_accounts_validate_and_remove(services: Services, tmp_path: Path) -> None:
    social = SocialAccountService(services.ctx, SecretStore(tmp_path))
    with pytest.raises(Exception, match="PAGE_ID:INSTAGRAM_ACCOUNT_ID"):
        social.add("ig", "instagram", "1044", token_env="IG_TOKEN")
    with pytest.raises(Exception, match="unknown platform"):
        social.add("tt", "tiktok", "1", token_env="T")
    view, place = social.add("ig", "instagram", "1044:17841400", token_env="IG_TOKEN")
    assert place is None and view.platform is Channel.INSTAGRAM
    assert [a.name for a in social.accounts()] == ["ig"]
    summary = social.poll("ig")  # IG_TOKEN is not set
    assert not summary.ok and "IG_TOKEN" in (summary.error or "")
    social.remove("ig")
    assert social.accounts() == []

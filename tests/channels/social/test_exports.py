"""Facebook, Instagram and X exports built as the platforms write them, folders and zips."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from soloservice.channels.social.errors import ExportFormatError, OwnerUnknown
from soloservice.channels.social.export_json import fix_mojibake
from soloservice.channels.social.exports import read_export
from soloservice.channels.social.meta_export import read_facebook_export, read_instagram_export
from soloservice.channels.social.x_archive import read_x_archive
from soloservice.domain.types import Channel
from tests.helpers.social_exports import (
    PAGE,
    T0,
    facebook_files,
    meta_thread,
    mojibake,
    write_folder,
    write_zip,
)


def test_mojibake_is_undone_and_correct_text_left_alone() -> None:
    assert fix_mojibake(mojibake("Søren Ærø på Østerbro 😀")) == "Søren Ærø på Østerbro 😀"
    assert fix_mojibake("Søren") == "Søren"
    assert fix_mojibake("Ordre №7") == "Ordre №7"


@pytest.mark.parametrize("as_zip", [False, True])
def test_facebook_export_folder_or_zip(tmp_path: Path, as_zip: bool) -> None:
    files = facebook_files()
    source = write_zip(tmp_path / "fb.zip", files) if as_zip else write_folder(tmp_path, files)
    export = read_facebook_export(source)
    assert export.owner == PAGE  # inferred: the one participant in every thread
    by_name = {t.participant_name: t for t in export.threads}
    mette = by_name["Mette Sørensen"]
    assert mette.platform is Channel.FACEBOOK
    assert mette.thread_id == "mettesorensen_10223"
    assert [m.is_from_owner for m in mette.messages] == [False, True]
    assert mette.messages[0].text == "Hej! Min skål er gået i stykker 😢 Kan I hjælpe?"
    assert mette.messages[0].sent_at == datetime.fromtimestamp(T0 / 1000, tz=UTC)
    assert mette.messages[0].sent_at.tzinfo is UTC
    assert "Ole Hansen" in by_name  # message requests are read too


def test_external_ids_are_stable_across_downloads(tmp_path: Path) -> None:
    first = read_facebook_export(write_zip(tmp_path / "a.zip", facebook_files()))
    second = read_facebook_export(write_folder(tmp_path / "b", facebook_files("")))
    ids = {m.external_id for t in first.threads for m in t.messages}
    assert ids == {m.external_id for t in second.threads for m in t.messages}
    assert len(ids) == 3


def test_single_thread_owner_inferred_from_title(tmp_path: Path) -> None:
    files = dict(list(facebook_files().items())[:1])
    assert read_facebook_export(write_folder(tmp_path, files)).owner == PAGE


def test_owner_cannot_be_inferred_asks_for_it(tmp_path: Path) -> None:
    thread = meta_thread("Mette Sørensen", [("Mette Sørensen", T0, "hej")])
    del thread["title"]
    path = write_folder(tmp_path, {"messages/inbox/m_1/message_1.json": thread})
    with pytest.raises(OwnerUnknown) as caught:
        read_facebook_export(path)
    assert set(caught.value.candidates) == {"Mette Sørensen", PAGE}
    export = read_facebook_export(path, owner_name=PAGE)
    assert export.threads[0].participant_name == "Mette Sørensen"


def test_instagram_new_and_old_layouts_and_attachments(tmp_path: Path) -> None:
    thread = meta_thread("kari.nordmann", [("kari.nordmann", T0, "Hei! Når kommer pakken?")])
    thread["messages"].append(
        {"sender_name": "kari.nordmann", "timestamp_ms": T0 - 1000,
         "photos": [{"uri": "media/x.jpg"}]}
    )  # fmt: skip
    thread["messages"].append({"sender_name": PAGE, "timestamp_ms": T0 - 500, "is_unsent": True})
    other = meta_thread("Per Ås", [("Per Ås", T0 + 1, "Takk for sist!")])
    files = {
        "your_instagram_activity/messages/inbox/karinordmann_1/message_1.json": thread,
        "messages/inbox/peras_2/message_1.json": other,
    }
    export = read_instagram_export(write_zip(tmp_path / "ig.zip", files))
    kari = next(t for t in export.threads if t.thread_id == "karinordmann_1")
    assert kari.participant_handle == "kari.nordmann"
    assert [m.attachments for m in kari.messages] == [("photo",), ()]
    assert export.skipped_messages == 1
    per = next(t for t in export.threads if t.thread_id == "peras_2")
    assert per.participant_name == "Per Ås" and per.participant_handle is None


def test_messages_split_over_several_files_are_merged(tmp_path: Path) -> None:
    newer = meta_thread("Mette Sørensen", [("Mette Sørensen", T0 + 10, "anden")])
    older = meta_thread("Mette Sørensen", [("Mette Sørensen", T0, "første")])
    files = {
        "messages/inbox/m_1/message_1.json": newer,
        "messages/inbox/m_1/message_2.json": older,
        **dict(list(facebook_files("").items())[1:]),
    }
    export = read_facebook_export(write_folder(tmp_path, files))
    mette = next(t for t in export.threads if t.thread_id == "m_1")
    assert [m.text for m in mette.messages] == ["første", "anden"]


def x_archive(with_account: bool = True) -> dict[str, Any]:
    conversations = [
        {"dmConversation": {"conversationId": "1234-5678", "messages": [
            {"messageCreate": {"recipientId": "5678", "reactions": [], "urls": [],
                               "text": "Tak &amp; god weekend!", "mediaUrls": [],
                               "senderId": "1234", "id": "1862000000000000002",
                               "createdAt": "2026-11-24T09:16:00.000Z"}},
            {"messageCreate": {"recipientId": "1234", "reactions": [], "urls": [],
                               "text": "Min ordre er ikke kommet 😠", "mediaUrls": [],
                               "senderId": "5678", "id": "1862000000000000001",
                               "createdAt": "2026-11-24T09:15:00.000Z"}},
            {"reactionCreate": {"senderId": "5678", "reactionKey": "like",
                                "eventId": "1", "createdAt": "2026-11-24T09:17:00.000Z"}},
        ]}},
    ]  # fmt: skip
    files: dict[str, Any] = {
        "data/direct-messages.js": "window.YTD.direct_messages.part0 = "
        + json.dumps(conversations, indent=2),
    }
    if with_account:
        account = [{"account": {"accountId": "1234", "username": "hyggekeramik"}}]
        files["data/account.js"] = "window.YTD.account.part0 = " + json.dumps(account)
    return files


def test_x_archive(tmp_path: Path) -> None:
    export = read_x_archive(write_zip(tmp_path / "x.zip", x_archive()))
    assert export.owner == "1234"
    (thread,) = export.threads
    assert thread.participant_id == "5678"
    assert [m.text for m in thread.messages] == [
        "Min ordre er ikke kommet 😠",
        "Tak & god weekend!",
    ]
    assert [m.is_from_owner for m in thread.messages] == [False, True]
    assert thread.messages[0].external_id == "x:dm:1862000000000000001"
    assert thread.messages[0].sent_at == datetime(2026, 11, 24, 9, 15, tzinfo=UTC)


def test_x_archive_without_account_needs_owner_id(tmp_path: Path) -> None:
    path = write_folder(tmp_path, x_archive(with_account=False))
    with pytest.raises(OwnerUnknown):
        read_x_archive(path)
    assert read_export(Channel.X, path, owner_id="1234").threads[0].participant_id == "5678"


@pytest.mark.parametrize(
    ("files", "fragment"),
    [
        ({"messages/inbox/a_1/message_1.json": "{not json"}, "message_1.json: not valid JSON"),
        ({"messages/inbox/a_1/message_1.json": {"participants": []}}, "no 'messages' list"),
        ({"messages/inbox/a_1/message_1.json": {"participants": [], "messages": [{"x": 1}]}},
         "message 1 has no sender_name"),
        ({"messages/inbox/a_1/message_1.html": "<html></html>"}, "HTML format"),
        ({"photos/a.jpg": b"\xff\xd8"}, "no Facebook message files found"),
    ],
)  # fmt: skip
def test_broken_facebook_exports_name_the_problem(
    tmp_path: Path, files: dict[str, Any], fragment: str
) -> None:
    with pytest.raises(ExportFormatError, match=fragment):
        read_facebook_export(write_folder(tmp_path, files))


def test_broken_x_archive(tmp_path: Path) -> None:
    path = write_folder(tmp_path, {"data/direct-messages.js": "var x = [];"})
    with pytest.raises(ExportFormatError, match=r"direct-messages\.js: does not start"):
        read_x_archive(path)


def test_not_a_zip_or_folder(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text("{}")
    with pytest.raises(ExportFormatError, match="neither a folder nor a zip"):
        read_facebook_export(path)


def test_zip_with_path_traversal_is_refused(tmp_path: Path) -> None:
    files = {**facebook_files(), "../../evil.sh": "rm -rf ~"}
    with pytest.raises(ExportFormatError, match="unsafe path"):
        read_facebook_export(write_zip(tmp_path / "evil.zip", files))


def test_zip_bomb_member_is_refused(tmp_path: Path) -> None:
    bomb = '{"participants": [], "messages": [], "pad": "' + "0" * (8 * 1024 * 1024) + '"}'
    files = {"messages/inbox/a_1/message_1.json": bomb}
    with pytest.raises(ExportFormatError, match="zip bomb"):
        read_facebook_export(write_zip(tmp_path / "bomb.zip", files))

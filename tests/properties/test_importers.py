"""Form CSV and social export readers on arbitrary bytes: items or a clear error, nothing else."""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from soloservice.channels.form.csv_file import ImportFormatError, sniff
from soloservice.channels.form.csv_import import read_submissions
from soloservice.channels.form.csv_mapping import guess_mapping
from soloservice.channels.social.errors import ExportFormatError
from soloservice.channels.social.meta_export import read_facebook_export, read_instagram_export
from soloservice.channels.social.x_archive import read_x_archive
from tests.properties.conftest import PROPERTIES

csv_like = st.one_of(
    st.binary(max_size=600),
    st.lists(
        st.lists(st.text(max_size=12), min_size=1, max_size=5).map(lambda cells: ";".join(cells)),
        max_size=8,
    ).map(lambda rows: ("Navn;Email;Telefon;Besked\n" + "\n".join(rows)).encode()),
)
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(
        st.sampled_from(
            ("messages", "participants", "sender_name", "timestamp_ms", "content", "title",
             "name", "dmConversation", "conversationId", "createdAt", "senderId", "text")
        ) | st.text(max_size=8),
        children,
        max_size=5,
    ),
    max_leaves=15,
)  # fmt: skip
export_bytes = st.one_of(st.binary(max_size=400), json_value.map(lambda v: json.dumps(v).encode()))


@PROPERTIES
@given(csv_like)
def test_form_csv(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "form.csv"
        path.write_bytes(data)
        try:
            preview = sniff(path)
            mapping = guess_mapping(preview.headers)
            errors: list[object] = []
            rows = list(read_submissions(path, mapping, errors=errors))  # type: ignore[arg-type]
        except ImportFormatError as exc:
            assert str(exc).strip()
            return
        for row in rows:
            assert row.row_key


def _folder_export(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return folder


@PROPERTIES
@given(export_bytes, st.booleans())
def test_meta_exports(data: bytes, as_zip: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        name = "messages/inbox/kunde_1/message_1.json"
        if as_zip:
            source = folder / "fb.zip"
            with zipfile.ZipFile(source, "w") as archive:
                archive.writestr(name, data)
        else:
            source = _folder_export(folder / "fb", name, data)
        for reader in (read_facebook_export, read_instagram_export):
            try:
                export = reader(source)
            except ExportFormatError as exc:
                assert str(exc).strip()
            else:
                assert all(t.messages is not None for t in export.threads)


@PROPERTIES
@given(export_bytes, st.booleans())
def test_x_archive(data: bytes, prefixed: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        body = b"window.YTD.direct_messages.part0 = " + data if prefixed else data
        source = _folder_export(Path(tmp) / "x", "data/direct-messages.js", body)
        try:
            read_x_archive(source)
        except ExportFormatError as exc:
            assert str(exc).strip()

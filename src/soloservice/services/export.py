"""Export the whole store as one JSON file, so the founder's data is never locked in.

The exporter is driven by the schema, not written per table: it walks
``SQLModel.metadata.sorted_tables`` (parents before children), so a table added tomorrow is
exported without anyone remembering to. The few tables of the SQLite file that are not
SQLModel tables are either derived (the FTS5 index, rebuilt on import), bookkeeping
(``alembic_version``, carried as the document's ``schema``) or listed in
:data:`EXCLUDED_TABLES`; ``tests/services/test_export_roundtrip.py`` fails when a table is
neither exported nor excluded.

Values keep their meaning for other programs: times are ISO 8601 in UTC with an explicit
``+00:00`` offset; bytes (raw mail sources, outbox attachments) are ``{"$base64": "..."}``;
a float JSON cannot hold (``inf``, ``nan``) is ``{"$float": "nan"}`` instead of invalid JSON.
Secrets are not in the store at all (mail passwords and social tokens live in the keyring or
``secrets.json``), so they are never exported.

The file is written as a stream (one row at a time) through ``storage.files.atomic_open``:
a full disk or a crash leaves either the old file or none, never half a file; a target that
is not a regular file (``/dev/full``) is refused.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Column, Connection, LargeBinary, Table, select

from soloservice.paths import settings_path
from soloservice.services.context import ServiceContext
from soloservice.storage.files import atomic_open, refuse_data_dir_file
from soloservice.storage.fts import is_fts_table
from soloservice.storage.schema import metadata
from soloservice.storage.types import UTCDateTime

EXPORT_FORMAT = "soloservice-export"
#: 1: customers, inquiries, messages and events only (cannot be imported); 2: every table
EXPORT_VERSION = 2

#: Tables of the SQLite file that are deliberately not exported, and why.
EXCLUDED_TABLES: dict[str, str] = {
    "alembic_version": "the schema revision, exported as the document's 'schema'",
    "sqlite_sequence": "exported as 'sequences' (only present with AUTOINCREMENT)",
    # derived data of issue 14 (storage/inbox_tables.py), rebuilt after an import
    "customer_match_key": "the duplicate finder's keys, recomputed from the customers",
    "customer_match_dirty": "marks set by triggers as the customers are imported",
    "inbox_sort_default": "the defaults inquiry.value_sort used, refilled by the inbox",
}

BYTES_KEY = "$base64"
FLOAT_KEY = "$float"


def is_excluded(name: str) -> bool:
    """True for a table the export leaves out on purpose (the FTS index is rebuilt)."""
    return name in EXCLUDED_TABLES or is_fts_table(name) or name.startswith("sqlite_")


def exported_tables() -> list[Table]:
    """Every SQLModel table, parents before children (the order an import inserts in)."""
    return [t for t in metadata.sorted_tables if not is_excluded(t.name)]


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    customers: int
    inquiries: int
    messages: int
    events: int
    bytes: int
    #: rows per table
    tables: dict[str, int] = field(default_factory=dict)


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with an offset; the store always hands back aware UTC times."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def encode_value(value: Any) -> Any:
    """A column value as JSON: ISO times, base64 bytes, non-finite floats spelled out."""
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return {BYTES_KEY: base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, float) and not math.isfinite(value):
        return {FLOAT_KEY: repr(value)}
    return value


def decode_value(column: Column[Any], value: Any) -> Any:
    """The inverse of :func:`encode_value`, guided by the column's type.

    Raises ``ValueError`` (with the column's name) for a value of the wrong shape.
    """
    if value is None:
        return None
    if isinstance(value, dict):
        if set(value) == {BYTES_KEY} and isinstance(value[BYTES_KEY], str):
            return base64.b64decode(value[BYTES_KEY], validate=True)
        if set(value) == {FLOAT_KEY} and value[FLOAT_KEY] in ("nan", "inf", "-inf"):
            return float(value[FLOAT_KEY])
        raise ValueError(f"column {column.name}: unexpected object {sorted(value)}")
    if isinstance(column.type, UTCDateTime):
        if not isinstance(value, str):
            raise ValueError(f"column {column.name}: expected an ISO time")
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError(f"column {column.name}: time without offset {value!r}")
        return moment
    if isinstance(column.type, LargeBinary):
        raise ValueError(f"column {column.name}: bytes must be {{{BYTES_KEY!r}: ...}}")
    return value


def encode_row(table: Table, row: Any) -> dict[str, Any]:
    return {c.name: encode_value(getattr(row, c.name)) for c in table.columns}


def rows_of(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    """Every row of ``table`` as JSON-ready dicts, by primary key (a stable order)."""
    order = list(table.primary_key.columns) or list(table.columns)
    for row in conn.execute(select(table).order_by(*order)):
        yield encode_row(table, row)


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def schema_revision(conn: Connection) -> str | None:
    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return None if row is None else str(row[0])


def sequences(conn: Connection) -> dict[str, int]:
    """``sqlite_sequence`` (AUTOINCREMENT counters), so ids are never reused after import."""
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='sqlite_sequence'"
    ).first()
    if exists is None:
        return {}
    return {
        str(name): int(seq)
        for name, seq in conn.exec_driver_sql("SELECT name, seq FROM sqlite_sequence")
    }


def read_settings_file(data_dir: Path) -> Any:
    """The settings file's JSON as it is on disk (None when there is none yet)."""
    path = settings_path(data_dir)
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _write(
    conn: Connection, out: IO[str], exported_at: datetime, timezone: str, settings: Any
) -> dict[str, int]:
    counts: dict[str, int] = {}
    out.write("{\n")
    out.write(f'"format":{dump(EXPORT_FORMAT)},"version":{EXPORT_VERSION},')
    out.write(f'"schema":{dump(schema_revision(conn))},\n')
    out.write(f'"exported_at":{dump(iso(exported_at))},"timezone":{dump(timezone)},\n')
    out.write(f'"settings":{dump(settings)},\n')
    out.write(f'"sequences":{dump(sequences(conn))},\n')
    out.write('"tables":{')
    for t, table in enumerate(exported_tables()):
        out.write(("," if t else "") + f"\n{dump(table.name)}:[")
        n = 0
        for n, row in enumerate(rows_of(conn, table), start=1):
            out.write(("," if n > 1 else "") + "\n" + dump(row))
        counts[table.name] = n
        out.write("]")
    out.write("\n}\n}\n")
    return counts


def export_all(ctx: ServiceContext, path: Path) -> ExportSummary:
    """Write every table of the store, the settings and the schema revision to ``path``.

    Raises ``OSError`` when the target cannot be written; the target is then untouched.
    """
    target = Path(path)
    refuse_data_dir_file(target, ctx.data_dir)  # an export never replaces the store itself
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a directory")
    settings = read_settings_file(ctx.data_dir)
    # One read transaction: a concurrent writer cannot make the file inconsistent.
    with (
        atomic_open(target, protect=ctx.data_dir) as out,
        ctx.db.read_engine.connect() as conn,
        conn.begin(),
    ):
        counts = _write(conn, out, ctx.now(), ctx.settings.timezone, settings)
    return ExportSummary(
        path=target.resolve(),
        customers=counts.get("customer", 0),
        inquiries=counts.get("inquiry", 0),
        messages=counts.get("message", 0),
        events=counts.get("inquiry_event", 0),
        bytes=target.stat().st_size,
        tables=counts,
    )

"""Import a full JSON export (``services/export.py``) into an empty store.

The other half of "never locked in": an export moved to a new machine, or kept as the one
copy a founder trusts, becomes a working store again with the same ids, so every link
between rows (and every id the founder wrote down) stays right.

Refusals are one line and happen before anything is written: a file that is not JSON (or is
cut short), another format or version, a table or column this SoloService does not know, a
store that already holds rows. The rows go in within one transaction, in the schema's
dependency order, with foreign keys checked at commit (``defer_foreign_keys``: a customer
merged into one with a higher id points forward); any error rolls all of it back. The
full-text index is rebuilt from the imported rows, and the settings file is written with
the atomic helper before the commit (and put back if the commit fails).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select

from soloservice.paths import settings_path
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput
from soloservice.services.export import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    decode_value,
    exported_tables,
    schema_revision,
)
from soloservice.storage.files import atomic_write
from soloservice.storage.fts import FTS_TABLE
from soloservice.storage.settings_store import SettingsError, load_settings

REQUIRED_KEYS = ("format", "version", "schema", "tables")
_BATCH = 500


class ImportRefused(InvalidInput):
    """The file cannot be imported, or not into this store; nothing was written."""


@dataclass(frozen=True)
class ImportSummary:
    path: Path
    schema: str | None
    tables: dict[str, int]
    settings: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "schema": self.schema,
            "rows": sum(self.tables.values()),
            "tables": self.tables,
            "settings": self.settings,
        }


def read_document(path: Path) -> dict[str, Any]:
    """The export's JSON, checked for shape; ``ImportRefused`` with one line otherwise."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ImportRefused(f"{path} is not a SoloService export (not UTF-8 text)") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            f"{path} is not valid JSON (truncated?): {exc.msg} at line {exc.lineno}"
        ) from None
    if not isinstance(data, dict):
        raise ImportRefused(f"{path} is not a SoloService export (not a JSON object)")
    missing = [key for key in REQUIRED_KEYS if key not in data]
    if data.get("format") != EXPORT_FORMAT:
        raise ImportRefused(f"{path} is not a SoloService export (format {data.get('format')!r})")
    if data.get("version") != EXPORT_VERSION:
        raise ImportRefused(
            f"{path} is export version {data.get('version')!r}; this SoloService imports "
            f"version {EXPORT_VERSION} (export again with a current version)"
        )
    if missing:
        raise ImportRefused(f"{path} lacks {', '.join(missing)}: not a complete export")
    if not isinstance(data["tables"], dict) or not all(
        isinstance(rows, list) for rows in data["tables"].values()
    ):
        raise ImportRefused(f"{path}: 'tables' must map each table to a list of rows")
    return data


def _check_empty(conn: Connection, tables: list[Table]) -> None:
    for table in tables:
        count = conn.execute(select(func.count()).select_from(table)).scalar_one()
        if count:
            raise ImportRefused(
                f"the store is not empty ({count} rows in {table.name}): "
                "import into a new, empty data directory"
            )


def _decoded_rows(table: Table, rows: list[Any]) -> list[dict[str, Any]]:
    known = {c.name: c for c in table.columns}
    result: list[dict[str, Any]] = []
    for n, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise ImportRefused(f"table {table.name}, row {n}: not a JSON object")
        unknown = sorted(set(row) - set(known))
        if unknown:
            raise ImportRefused(
                f"table {table.name} has columns this SoloService does not know: "
                f"{', '.join(unknown)}"
            )
        try:
            result.append({k: decode_value(known[k], v) for k, v in row.items()})
        except ValueError as exc:
            raise ImportRefused(f"table {table.name}, row {n}: {exc}") from None
    return result


def _restore_sequences(conn: Connection, wanted: Any) -> None:
    if not isinstance(wanted, dict) or not wanted:
        return
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='sqlite_sequence'"
    ).first()
    if exists is None:
        return
    for name, seq in wanted.items():
        conn.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = ?", (str(name),))
        conn.exec_driver_sql(
            "INSERT INTO sqlite_sequence(name, seq) VALUES (?, ?)", (str(name), int(seq))
        )


def rebuild_fts(conn: Connection) -> None:
    """Rebuild the search index from its content, when the search migration made one."""
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = ?", (FTS_TABLE,)
    ).first()
    if exists is not None:
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('rebuild')")


def _write_settings(data_dir: Path, settings: Any) -> bytes | None:
    """Write the exported settings; returns the file's earlier bytes to put back on failure."""
    path = settings_path(data_dir)
    before = path.read_bytes() if path.is_file() else None
    atomic_write(path, json.dumps(settings, indent=2, ensure_ascii=False))
    try:
        load_settings(path)
    except SettingsError as exc:
        _put_back(path, before)
        raise ImportRefused(f"the export's settings are not valid: {exc}") from None
    return before


def _put_back(path: Path, before: bytes | None) -> None:
    if before is None:
        path.unlink(missing_ok=True)
    else:
        atomic_write(path, before)


def import_all(ctx: ServiceContext, path: Path) -> ImportSummary:
    """Load the export at ``path`` into this (empty) store, all or nothing."""
    source = Path(path)
    if not source.is_file():
        raise ImportRefused(f"no such file: {source}")
    data = read_document(source)
    tables = exported_tables()
    by_name = {t.name: t for t in tables}
    unknown = sorted(set(data["tables"]) - set(by_name))
    if unknown:
        raise ImportRefused(
            f"the export has tables this SoloService does not know: {', '.join(unknown)}"
        )
    decoded = {name: _decoded_rows(by_name[name], rows) for name, rows in data["tables"].items()}
    settings = data.get("settings")
    data_dir = ctx.data_dir
    counts: dict[str, int] = {}
    with ctx.db.engine.connect() as conn:
        transaction = conn.begin()  # BEGIN IMMEDIATE: nobody writes in between
        try:
            _check_empty(conn, tables)
            current = schema_revision(conn)
            if data["schema"] != current:
                raise ImportRefused(
                    f"the export has schema {data['schema']}, this store {current}: "
                    "import it with the SoloService version that made it"
                )
            conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
            for table in tables:
                rows = decoded.get(table.name, [])
                for start in range(0, len(rows), _BATCH):
                    conn.execute(insert(table), rows[start : start + _BATCH])
                counts[table.name] = len(rows)
            _restore_sequences(conn, data.get("sequences"))
            rebuild_fts(conn)
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise ImportRefused(
                    f"the export's rows do not fit together ({len(broken)} broken links, "
                    f"first in {broken[0][0]}): nothing was imported"
                )
            before = _write_settings(data_dir, settings) if settings is not None else None
            try:
                transaction.commit()
            except BaseException:
                if settings is not None:
                    _put_back(settings_path(data_dir), before)
                raise
        except BaseException:
            if transaction.is_active:
                transaction.rollback()
            raise
    if settings is not None:
        ctx.update_settings(load_settings(settings_path(data_dir)))
    return ImportSummary(
        path=source.resolve(), schema=data["schema"], tables=counts, settings=settings is not None
    )

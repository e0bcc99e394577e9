"""Is there any new mail? Answered without the ORM, so that a cron ``soloservice sync``
that finds nothing costs a tenth of a full start (issue 14: re-sync ≤ 0.3 s).

One STATUS per folder gives UIDVALIDITY and UIDNEXT; when the UIDVALIDITY is the one
stored and UIDNEXT is not above the stored ``last_uid + 1`` nothing arrived (UIDs only
grow). Only then does the probe answer, and it records the sync as the full path would
(``last_sync_at`` now, ``last_error`` cleared). Anything else — new mail, no folder state
yet, a password or server problem, a damaged or unmigrated store, a daily backup due,
another sync holding the account — returns None and the full sync runs and reports it.
The probe reads the store with plain sqlite3 and never writes mail. It imports neither
SQLAlchemy/SQLModel nor pydantic (the settings' time zone is read from the file as the full
start reads it, storage/settings_file.py, without validating the rest),
and after its one small write it vouches for the store again (storage/known_good.py), so
that the next cron run does not read every page with ``quick_check`` either.

Flag changes (``\\Seen``, ``\\Flagged``) and deletions made in another mail client are
ignored on purpose, here and in the full sync: the sync is read-only and keeps its own copy,
so they leave UIDNEXT alone and count as "nothing new". CONDSTORE's HIGHESTMODSEQ, which
Dovecot offers, moves with exactly those changes, so it is not asked for: it would turn a
mail read elsewhere into a full sync that fetches nothing (tests/services/test_resync_flags.py).
"""

from __future__ import annotations

import imaplib
import re
import sqlite3
import ssl
from collections.abc import Iterator
from contextlib import ExitStack, closing, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from soloservice.domain.backups import BackupName, daily_due, weekly_due
from soloservice.domain.settings import Settings
from soloservice.paths import database_path, settings_path
from soloservice.services.secrets import SecretStore
from soloservice.storage.backup import startup_damage
from soloservice.storage.known_good import record_clean_close
from soloservice.storage.locks import LockBusy, exclusive, lock_path
from soloservice.storage.migrate import head_revision
from soloservice.storage.settings_file import read_settings_data

#: the ``SyncSummary.as_json()`` of an account synced with nothing new (a test keeps the two
#: in step)
EMPTY_COUNTS: dict[str, Any] = {
    "fetched": 0,
    "new_inquiries": 0,
    "added_to_existing": 0,
    "duplicates": 0,
    "quarantined": 0,
    "own": 0,
    "auto": 0,
    "survey_answers": 0,
    "errors": [],
    "cancelled": False,
    "skipped": "",
}

_SECURITIES = ("ssl", "starttls", "none")


def settings_zone(data_dir: Path) -> ZoneInfo | None:
    """The time zone of the settings, read with storage/settings_file.py alone: validating the
    whole file (storage/settings_store.py) imports pydantic and the promise rules, half of the
    probe's time. Only the time zone is needed (is a backup due?); a missing file or key means
    the default one. None for anything unusual (unreadable, a newer version, a bad zone): the
    full path then loads and reports the settings properly."""
    try:
        data = read_settings_data(settings_path(data_dir)) or {}
        zone = data.get("timezone", Settings.timezone)
        return ZoneInfo(zone) if isinstance(zone, str) else None
    except Exception:  # any doubt: the full path decides
        return None


def _backup_names(directory: Path) -> Iterator[BackupName]:
    try:
        entries = list(directory.iterdir())
    except FileNotFoundError:
        return
    for entry in entries:
        name = BackupName.parse(entry.name)
        if name is not None:
            yield name


def nothing_new(
    data_dir: Path, account: str | None, now: datetime, zone: ZoneInfo
) -> list[dict[str, Any]] | None:
    """Each probed account's summary (as JSON) when none has new mail, else None."""
    path = database_path(data_dir)
    if not path.is_file() or startup_damage(path) is not None:
        return None
    names = list(_backup_names(data_dir / "backups"))
    if daily_due(names, now, zone) or weekly_due(names, now, zone):
        return None  # the full path takes it after the sync
    with closing(sqlite3.connect(path, timeout=30, isolation_level=None)) as db:
        try:
            (revision,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision != head_revision():
                return None
            query = (
                "SELECT id, name, imap_host, imap_port, imap_security, username, password_env,"
                " folder, sent_folder FROM mail_account WHERE "
            )
            if account is None:
                rows = db.execute(query + "enabled ORDER BY id").fetchall()
            else:
                rows = db.execute(query + "name = ?", (account,)).fetchall()
            states = {
                (a, f): (v, u)
                for a, f, v, u in db.execute(
                    "SELECT account_id, folder, uidvalidity, last_uid FROM mail_folder_state"
                )
            }
        except (sqlite3.Error, TypeError, ValueError):
            return None
        if not rows:
            return None  # no account (or an unknown name): the full path says so
        with ExitStack() as locks:
            try:
                for row in rows:  # as the full sync: one sync of an account at a time
                    locks.enter_context(exclusive(lock_path(data_dir, "sync", str(row[0]))))
            except LockBusy:
                return None
            if not all(_unchanged(data_dir, row, states) for row in rows):
                return None
            stamp = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
            db.execute("BEGIN IMMEDIATE")
            db.executemany(
                "UPDATE mail_account SET last_sync_at = ?, last_error = NULL WHERE id = ?",
                [(stamp, row[0]) for row in rows],
            )
            db.execute("COMMIT")
    # Checked above (or vouched for by the last clean close, a record that check consumed)
    # and changed only by that transaction: vouch for it again, so that the next probe
    # does not read every page with quick_check (a tenth of a second at 10k mails).
    record_clean_close(path)
    return [{"account": row[1], **EMPTY_COUNTS} for row in rows]


#: folder names imaplib can send as they are (anything else goes through imapclient, which
#: quotes and encodes them: modified UTF-7)
_PLAIN_FOLDER = re.compile(r"^[A-Za-z0-9._/-]+$")


def _status(
    host: str, port: int, security: str, username: str, password: str, folder: str
) -> tuple[int, int]:
    """(UIDVALIDITY, UIDNEXT) of ``folder`` by one STATUS, over plain imaplib: imapclient
    and its SMTP sibling cost more to import than the whole probe takes otherwise."""
    imap: imaplib.IMAP4
    # the default context loads the system's certificates (90 ms): only when TLS is used
    if security == "ssl":
        imap = imaplib.IMAP4_SSL(host, port, ssl_context=ssl.create_default_context(), timeout=30)
    else:
        imap = imaplib.IMAP4(host, port, timeout=30)
        if security == "starttls":
            imap.starttls(ssl.create_default_context())
    try:
        imap.login(username, password)
        typ, data = imap.status(folder, "(UIDVALIDITY UIDNEXT)")
        if typ != "OK" or not data or not isinstance(data[0], bytes):
            raise imaplib.IMAP4.error(f"STATUS {folder}: {typ}")
        found = dict(re.findall(rb"(UIDVALIDITY|UIDNEXT) (\d+)", data[0]))
        return int(found[b"UIDVALIDITY"]), int(found[b"UIDNEXT"])
    finally:
        with suppress(Exception):
            imap.logout()


def _unchanged(data_dir: Path, row: tuple[Any, ...], states: dict[Any, Any]) -> bool:
    account_id, name, host, port, security, username, password_env, folder, sent = row
    if security not in _SECURITIES:
        return False
    folders = [folder] + ([sent] if sent and sent != folder else [])
    try:
        password = SecretStore(data_dir).get(f"mail:{name}", password_env)
    except Exception:  # no password: the full path asks for it
        return False
    for name_of_folder in folders:
        stored = states.get((account_id, name_of_folder))
        if stored is None:
            return False
        try:
            if _PLAIN_FOLDER.match(name_of_folder):
                uidvalidity, uidnext = _status(
                    host, port, security, username, password, name_of_folder
                )
            else:
                from soloservice.channels.email.imap import ImapSession, ImapSettings

                settings = ImapSettings(
                    host=host, port=port, security=security, username=username,
                    password=password, folder=name_of_folder,
                )  # fmt: skip
                with ImapSession(settings) as imap:
                    uidvalidity, uidnext = imap.folder_state()
        except Exception:  # the full path reports server problems properly
            return False
        if uidvalidity != stored[0] or uidnext > stored[1] + 1:
            return False
    return True

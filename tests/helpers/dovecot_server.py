"""A throwaway Dovecot (IMAP) for tests: its files, users, start, stop and mail delivery.

It runs from a config in a temp dir on 127.0.0.1 with free ports, plaintext and implicit
TLS, a passwd-file of ready-made users (one fresh, empty mailbox per test) and Maildir
storage. It works as root (CI) and as a normal user; as root Dovecot refuses to run mail
processes as uid 0, so mailboxes belong to ``nobody``. Its own ports, run directory and
instance name keep it apart from a system Dovecot (143/993).
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.helpers.dovecot_config import _config_23, _config_24, _ConfigValues, dovecot_version
from tests.helpers.mail_certs import TestCerts, make_certs
from tests.helpers.mail_ports import HOST, free_port, wait_for_port

USER_COUNT = 200


# --- Dovecot -------------------------------------------------------------------------------


def dovecot_binary() -> str | None:
    found = shutil.which("dovecot")
    if found:
        return found
    return "/usr/sbin/dovecot" if os.access("/usr/sbin/dovecot", os.X_OK) else None


@dataclass(frozen=True)
class MailUser:
    name: str
    password: str


class DovecotServer:
    """One Dovecot instance for the whole test session (it takes seconds to stop)."""

    def __init__(self, binary: str, root: Path, certs: TestCerts) -> None:
        self.binary = binary
        self.root = root
        self.certs = certs
        self.host = HOST
        self.imap_port = free_port()
        self.imaps_port = free_port()
        self.config = root / "dovecot.conf"
        self.log = root / "dovecot.log"
        self.mail_dir = root / "mail"
        self._all_users = [
            MailUser(f"user{i:03d}", f"pw-{i:03d}-secret") for i in range(1, USER_COUNT + 1)
        ]
        self._handed_out = 0
        self._started = False
        self.version: tuple[int, int] | None = None  # set when the config is written

    def _write_config(self) -> None:
        base = self.root / "run"
        base.mkdir()
        self.mail_dir.mkdir()
        passwd = self.root / "passwd"
        passwd.write_text("".join(f"{u.name}:{{PLAIN}}{u.password}\n" for u in self._all_users))
        if os.geteuid() == 0:
            # Dovecot refuses uid 0 for mail and for login processes; the login process
            # chroots (as root) so it needs no access to the temp dir.
            nobody = pwd.getpwnam("nobody")
            mail_uid, mail_gid = nobody.pw_uid, nobody.pw_gid
            login_user = _existing_user("dovenull") or "nobody"
            internal_user = "root"
            internal_group = ""  # Dovecot's default ("dovecot", made by the package)
            chroot = ""
            os.chmod(self.root, 0o755)
            os.chown(self.mail_dir, mail_uid, mail_gid)
        else:
            me = pwd.getpwuid(os.getuid())
            mail_uid, mail_gid = me.pw_uid, me.pw_gid
            login_user = internal_user = me.pw_name
            # 2.4 gives its sockets to this group; a normal user can only chown to its own.
            internal_group = grp.getgrgid(me.pw_gid).gr_name
            chroot = "  chroot =\n"  # a normal user cannot chroot
        settings = _ConfigValues(
            base=base,
            log=self.log,
            instance=f"soloservice-test-{os.getpid()}",
            cert=self.certs.cert,
            key=self.certs.key,
            login_user=login_user,
            internal_user=internal_user,
            internal_group=internal_group,
            mail_dir=self.mail_dir,
            passwd=passwd,
            mail_uid=mail_uid,
            mail_gid=mail_gid,
            imap_port=self.imap_port,
            imaps_port=self.imaps_port,
            chroot=chroot,
        )
        self.version = dovecot_version(self.binary)
        writer = _config_24 if self.version >= (2, 4) else _config_23
        self.config.write_text(writer(settings))

    def start(self) -> None:
        self._write_config()
        errors = self.root / "dovecot-start.err"
        # Not capture_output: the daemon inherits the pipes and the read would never end.
        with errors.open("wb") as err:
            result = subprocess.run(
                [self.binary, "-c", str(self.config)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                timeout=30,
            )
        if result.returncode != 0:
            raise RuntimeError(
                f"dovecot failed to start ({result.returncode}): {errors.read_text()}\n"
                f"config: {self.config}\nlog: {self._log_text()}"
            )
        self._started = True
        try:
            wait_for_port(self.imap_port)
            wait_for_port(self.imaps_port)
        except OSError as exc:
            self.stop()
            raise RuntimeError(f"dovecot did not listen: {self._log_text()}") from exc

    def _log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-4000:]
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if not self._started:
            return
        self._started = False
        pid_file = self.root / "run" / "master.pid"
        try:
            pid = int(pid_file.read_text().strip())
        except (OSError, ValueError):
            return
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)
        os.kill(pid, signal.SIGKILL)

    def new_user(self) -> MailUser:
        """A user whose mailbox nobody has touched yet: tests never see each other's mail."""
        if self._handed_out >= len(self._all_users):
            raise RuntimeError(f"more than {USER_COUNT} mailboxes needed; raise USER_COUNT")
        user = self._all_users[self._handed_out]
        self._handed_out += 1
        return user

    def connect(self, user: MailUser) -> Any:
        """A logged-in imapclient over plaintext, for setting up a test's mailbox."""
        from imapclient import IMAPClient

        client = IMAPClient(HOST, port=self.imap_port, ssl=False, timeout=10)
        client.login(user.name, user.password)
        return client

    def deliver(self, user: MailUser, *raws: bytes, folder: str = "INBOX") -> list[int]:
        """Put messages into a folder by IMAP APPEND; returns their UIDs."""
        client = self.connect(user)
        try:
            uids = []
            for raw in raws:
                response = client.append(folder, raw)
                text = response.decode() if isinstance(response, bytes) else str(response)
                uids.append(int(text.split("APPENDUID", 1)[1].split()[1].rstrip("]")))
            return uids
        finally:
            client.logout()


def _existing_user(name: str) -> str | None:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return None
    return name


def start_dovecot(certs: TestCerts | None = None) -> DovecotServer:
    """Start Dovecot in its own temp dir (not pytest's: as root it must be world-readable)."""
    binary = dovecot_binary()
    if binary is None:
        raise FileNotFoundError("dovecot")
    root = Path(tempfile.mkdtemp(prefix="soloservice-dovecot-"))
    server = DovecotServer(binary, root, certs or make_certs(root / "tls"))
    server.start()
    return server


def remove_dovecot(server: DovecotServer) -> None:
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)

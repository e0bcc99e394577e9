"""Real mail servers for tests: a throwaway Dovecot (IMAP) and an aiosmtpd SMTP server.

Dovecot runs from a config in a temp dir on 127.0.0.1 with free ports, plaintext and
implicit TLS, a passwd-file of ready-made users (one fresh, empty mailbox per test) and
Maildir storage. It works as root (CI) and as a normal user; as root Dovecot refuses to
run mail processes as uid 0, so mailboxes belong to ``nobody``. The config is written in the
dialect of the installed Dovecot: 2.3 (Debian 12, Ubuntu 24.04) or 2.4 (Debian 13). Its own
ports, run directory and instance name keep it apart from a system Dovecot (143/993).
"""

from __future__ import annotations

import datetime as dt
import functools
import grp
import os
import pwd
import re
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

HOST = "127.0.0.1"
USER_COUNT = 200


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


# --- certificates ------------------------------------------------------------------------


@dataclass(frozen=True)
class TestCerts:
    ca_cert: Path
    cert: Path
    key: Path

    def client_context(self) -> ssl.SSLContext:
        """A verifying client context that trusts only the test CA."""
        return ssl.create_default_context(cafile=str(self.ca_cert))

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(self.cert), str(self.key))
        return context


TestCerts.__test__ = False  # type: ignore[attr-defined]


def make_certs(directory: Path) -> TestCerts:
    """A CA and a localhost/127.0.0.1 server certificate signed by it.

    A separate CA (rather than one self-signed leaf) keeps strict X.509 checking in newer
    Pythons happy. Uses ``cryptography`` when importable, else the ``openssl`` command.
    """
    directory.mkdir(parents=True, exist_ok=True)
    try:
        import cryptography  # noqa: F401
    except ImportError:
        return _make_certs_openssl(directory)
    return _make_certs_cryptography(directory)


def _make_certs_cryptography(directory: Path) -> TestCerts:
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "SoloService test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(HOST))]
            ),
            critical=False,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = TestCerts(directory / "ca.pem", directory / "cert.pem", directory / "key.pem")
    paths.ca_cert.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


def _make_certs_openssl(directory: Path) -> TestCerts:
    openssl = shutil.which("openssl")
    if openssl is None:
        raise RuntimeError("Neither the cryptography package nor the openssl command exists.")
    paths = TestCerts(directory / "ca.pem", directory / "cert.pem", directory / "key.pem")
    ca_key = directory / "ca-key.pem"
    csr = directory / "cert.csr"
    ext = directory / "ext.cnf"
    ext.write_text(
        "basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n"
        "extendedKeyUsage=serverAuth\n"
    )
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    run = [openssl, "req", "-x509", *ec, "-keyout", str(ca_key), "-out", str(paths.ca_cert)]
    subprocess.run(
        [*run, "-days", "2", "-subj", "/CN=SoloService test CA",
         "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        [
            openssl,
            "req",
            *ec,
            "-keyout",
            str(paths.key),
            "-out",
            str(csr),
            "-subj",
            "/CN=localhost",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [openssl, "x509", "-req", "-in", str(csr), "-CA", str(paths.ca_cert), "-CAkey",
         str(ca_key), "-CAcreateserial", "-out", str(paths.cert), "-days", "2",
         "-extfile", str(ext)],
        check=True, capture_output=True,
    )  # fmt: skip
    return paths


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


def dovecot_version(binary: str) -> tuple[int, int]:
    """``(major, minor)`` from ``dovecot --version`` ("2.3.19.1 (9b53102964)", "2.4.1-4 (…)").

    2.4 rejects every 2.3 configuration ("The first setting must be dovecot_config_version")
    and 2.3 knows none of 2.4's names, so the config is written for the version installed.
    """
    return _dovecot_version(binary)


@functools.cache
def _dovecot_version(binary: str) -> tuple[int, int]:
    result = subprocess.run(
        [binary, "--version"], capture_output=True, text=True, timeout=30, check=False
    )
    return parse_dovecot_version(result.stdout)


def parse_dovecot_version(text: str) -> tuple[int, int]:
    match = re.match(r"\s*(\d+)\.(\d+)", text)
    if match is None:
        raise RuntimeError(f"cannot read the Dovecot version from {text!r}")
    return int(match.group(1)), int(match.group(2))


@dataclass(frozen=True)
class _ConfigValues:
    base: Path
    log: Path
    instance: str
    cert: Path
    key: Path
    login_user: str
    internal_user: str
    internal_group: str  # "" = Dovecot's default
    mail_dir: Path
    passwd: Path
    mail_uid: int
    mail_gid: int
    imap_port: int
    imaps_port: int
    chroot: str  # "" or "  chroot =\n" (a normal user cannot chroot the login process)


# Shared by both versions: the folders a real account has (Danish "Sendt" on purpose).
_NAMESPACE = """namespace inbox {
  inbox = yes
  separator = /
  mailbox Sendt {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = create
  }
}
"""

# No auth penalty socket: after a wrong-password test every later login from 127.0.0.1
# would otherwise wait seconds (login_trusted_networks does not lift that).
_ANVIL = """service anvil {{
{chroot}  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""


def _config_23(v: _ConfigValues) -> str:
    """Dovecot 2.3 (Debian 12, Ubuntu 24.04)."""
    return f"""
protocols = imap
listen = {HOST}
base_dir = {v.base}
state_dir = {v.base}/state
instance_name = {v.instance}
log_path = {v.log}
info_log_path = {v.log}
ssl = yes
ssl_cert = <{v.cert}
ssl_key = <{v.key}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_login_user = {v.login_user}
default_internal_user = {v.internal_user}
first_valid_uid = 1
mail_location = maildir:{v.mail_dir}/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {v.passwd}
}}
userdb {{
  driver = static
  args = uid={v.mail_uid} gid={v.mail_gid} home={v.mail_dir}/%u
}}
{_NAMESPACE}service imap-login {{
{v.chroot}  inet_listener imap {{
    address = {HOST}
    port = {v.imap_port}
  }}
  inet_listener imaps {{
    address = {HOST}
    port = {v.imaps_port}
    ssl = yes
  }}
}}
{_ANVIL.format(chroot=v.chroot)}"""


def _config_24(v: _ConfigValues) -> str:
    """Dovecot 2.4 (Debian 13): versioned config, renamed settings, named passdb/userdb,
    ``%{user}`` variables, certificate paths instead of ``<file`` contents."""
    group = f"default_internal_group = {v.internal_group}\n" if v.internal_group else ""
    return f"""dovecot_config_version = 2.4.0
dovecot_storage_version = 2.4.0
protocols = imap
listen = {HOST}
base_dir = {v.base}
state_dir = {v.base}/state
instance_name = {v.instance}
log_path = {v.log}
info_log_path = {v.log}
ssl = yes
ssl_server_cert_file = {v.cert}
ssl_server_key_file = {v.key}
auth_allow_cleartext = yes
auth_mechanisms = plain login
auth_failure_delay = 0
default_login_user = {v.login_user}
default_internal_user = {v.internal_user}
{group}first_valid_uid = 1
mail_driver = maildir
mail_home = {v.mail_dir}/%{{user}}
mail_path = {v.mail_dir}/%{{user}}
passdb passwd-file {{
  passwd_file_path = {v.passwd}
}}
userdb static {{
  fields {{
    uid = {v.mail_uid}
    gid = {v.mail_gid}
    home = {v.mail_dir}/%{{user}}
  }}
}}
{_NAMESPACE}service imap-login {{
{v.chroot}  inet_listener imap {{
    listen = {HOST}
    port = {v.imap_port}
  }}
  inet_listener imaps {{
    listen = {HOST}
    port = {v.imaps_port}
    ssl = yes
  }}
}}
{_ANVIL.format(chroot=v.chroot)}"""


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


# --- SMTP ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceivedMail:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes
    login: str | None


@dataclass
class _Collector:
    received: list[ReceivedMail] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: SMTPServer, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        login = session.auth_data.login if isinstance(session.auth_data, LoginPassword) else None
        with self.lock:
            self.received.append(
                ReceivedMail(
                    mail_from=str(envelope.mail_from),
                    rcpt_tos=tuple(envelope.rcpt_tos),
                    raw=bytes(content),
                    login=login.decode() if isinstance(login, bytes) else None,
                )
            )
        return "250 Message accepted for delivery"


class SmtpServer:
    """aiosmtpd on a free port; AUTH over plaintext is allowed, STARTTLS offered.

    ``stop()`` and ``start()`` may be called by a test to simulate the server being down.
    """

    def __init__(self, certs: TestCerts, username: str = "sender", password: str = "s3cret"):
        self.host = HOST
        self.port = free_port()
        self.username = username
        self.password = password
        self._certs = certs
        self._collector = _Collector()
        self._controller: Controller | None = None

    @property
    def received(self) -> list[ReceivedMail]:
        with self._collector.lock:
            return list(self._collector.received)

    def _authenticate(
        self, server: SMTPServer, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        # handled=False is essential: with handled=True aiosmtpd sends no reply and
        # the client waits forever.
        ok = (
            isinstance(data, LoginPassword)
            and data.login == self.username.encode()
            and data.password == self.password.encode()
        )
        return AuthResult(success=ok, handled=False, auth_data=data)

    def start(self) -> None:
        if self._controller is not None:
            return
        controller = Controller(
            self._collector,
            hostname=HOST,
            port=self.port,
            authenticator=self._authenticate,
            auth_require_tls=False,
            tls_context=self._certs.server_context(),
            require_starttls=False,
            ready_timeout=10,
        )
        controller.start()
        self._controller = controller

    def stop(self) -> None:
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

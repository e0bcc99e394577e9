"""The test Dovecot speaks both configuration dialects: 2.3 (Debian 12, Ubuntu 24.04) and
2.4 (Debian 13), which refuses every 2.3 file ("The first setting must be
dovecot_config_version"). The installed version is checked for real; the other dialect's
text is checked here so a change to one cannot silently break the other.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.mailservers import (
    DovecotServer,
    _config_23,
    _config_24,
    _ConfigValues,
    dovecot_version,
    parse_dovecot_version,
)

VALUES = _ConfigValues(
    base=Path("/t/run"),
    log=Path("/t/dovecot.log"),
    instance="soloservice-test-1",
    cert=Path("/t/tls/cert.pem"),
    key=Path("/t/tls/key.pem"),
    login_user="dovenull",
    internal_user="root",
    internal_group="",
    mail_dir=Path("/t/mail"),
    passwd=Path("/t/passwd"),
    mail_uid=65534,
    mail_gid=65534,
    imap_port=40143,
    imaps_port=40993,
    chroot="",
)
#: setting names each dialect alone knows
ONLY_23 = {"mail_location", "ssl_cert", "ssl_key", "disable_plaintext_auth", "args", "driver",
           "address"}  # fmt: skip
ONLY_24 = {"dovecot_config_version", "dovecot_storage_version", "ssl_server_cert_file",
           "ssl_server_key_file", "mail_driver", "mail_path", "passwd_file_path",
           "auth_allow_cleartext"}  # fmt: skip


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("2.3.19.1 (9b53102964)\n", (2, 3)),  # Debian 12
        ("2.3.21 (47349e2482)\n", (2, 3)),  # Ubuntu 24.04
        ("2.4.1-4 (7d8c0e5759)\n", (2, 4)),  # Debian 13
        ("2.4.2 (0962ed2104)", (2, 4)),
        ("3.0.0", (3, 0)),
    ],
)
def test_the_version_is_read_from_dovecot_version(output: str, expected: tuple[int, int]) -> None:
    assert parse_dovecot_version(output) == expected


def test_an_unreadable_version_is_an_error_not_a_guess() -> None:
    with pytest.raises(RuntimeError, match="Dovecot version"):
        parse_dovecot_version("dovecot: command not found")


def _settings(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _names(text: str) -> set[str]:
    return {line.split(" =", 1)[0] for line in _settings(text) if " =" in line}


def test_the_24_config_starts_with_its_versions_and_uses_only_24_names() -> None:
    lines = _settings(_config_24(VALUES))
    assert lines[0] == "dovecot_config_version = 2.4.0"  # must be the very first setting
    assert "dovecot_storage_version = 2.4.0" in lines
    assert "ssl_server_cert_file = /t/tls/cert.pem" in lines  # a path, not "<contents"
    assert "passdb passwd-file {" in lines and "userdb static {" in lines
    assert "listen = 127.0.0.1" in lines and "port = 40143" in lines
    assert not _names(_config_24(VALUES)) & ONLY_23
    assert "%u" not in _config_24(VALUES)  # one-letter variables are gone in 2.4


def test_the_23_config_uses_only_23_names() -> None:
    text = _config_23(VALUES)
    assert not _names(text) & ONLY_24
    assert "%{user}" not in text
    assert "ssl_cert = </t/tls/cert.pem" in _settings(text)


def test_a_normal_user_gives_24_sockets_to_its_own_group() -> None:
    values = VALUES.__class__(**{**VALUES.__dict__, "internal_group": "tester"})
    assert "default_internal_group = tester" in _settings(_config_24(values))
    assert "default_internal_group" not in _config_24(VALUES)  # root: Dovecot's default


def test_the_running_server_uses_the_dialect_of_the_installed_dovecot(
    dovecot: DovecotServer,
) -> None:
    assert dovecot.version == dovecot_version(dovecot.binary)
    first = _settings(dovecot.config.read_text())[0]
    assert first.startswith("dovecot_config_version") == (dovecot.version >= (2, 4))
    doveconf = shutil.which("doveconf")
    if doveconf is not None:  # Dovecot's own parser: no error, no obsolete-setting warning
        checked = subprocess.run(
            [doveconf, "-n", "-c", str(dovecot.config)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert checked.returncode == 0, checked.stderr
        assert "obsolete" not in checked.stderr.lower(), checked.stderr


def test_the_test_server_cannot_clash_with_a_system_dovecot(dovecot: DovecotServer) -> None:
    """Debian starts a system Dovecot (ports 143/993, /run/dovecot) when the package is
    installed; the test server has its own free ports, run directory and instance name."""
    assert {dovecot.imap_port, dovecot.imaps_port}.isdisjoint({143, 993})
    text = dovecot.config.read_text()
    assert f"base_dir = {dovecot.root}/run" in text
    assert "/run/dovecot" not in text and "/var/lib/dovecot" not in text
    assert "instance_name = soloservice-test-" in text

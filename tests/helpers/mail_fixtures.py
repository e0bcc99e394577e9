"""Real mail servers for every test that sends or fetches mail (loaded by tests/conftest.py).

The Dovecot instance and the certificates are session-scoped (Dovecot takes seconds to
stop); each test gets its own empty mailbox user, and its own SMTP server.
"""

from __future__ import annotations

import os
import ssl
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.mailservers import (
    DovecotServer,
    MailUser,
    SmtpServer,
    TestCerts,
    dovecot_binary,
    make_certs,
    remove_dovecot,
    start_dovecot,
)


@pytest.fixture(scope="session")
def test_certs(tmp_path_factory: pytest.TempPathFactory) -> TestCerts:
    return make_certs(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="session")
def dovecot(test_certs: TestCerts) -> Iterator[DovecotServer]:
    if dovecot_binary() is None:
        if os.environ.get("SOLOSERVICE_REQUIRE_MAILSERVER"):
            pytest.fail("dovecot is not installed but SOLOSERVICE_REQUIRE_MAILSERVER is set")
        pytest.skip(
            "DOVECOT IS NOT INSTALLED: the IMAP tests need the Debian package dovecot-imapd "
            "(apt-get install dovecot-imapd); .ci/run installs it."
        )
    server = start_dovecot(test_certs)
    yield server
    remove_dovecot(server)


@pytest.fixture
def mailbox(dovecot: DovecotServer) -> MailUser:
    """A fresh, empty mailbox on the shared Dovecot."""
    return dovecot.new_user()


@pytest.fixture
def dovecot_tls(dovecot: DovecotServer) -> ssl.SSLContext:
    """A client context that trusts Dovecot's test CA."""
    return dovecot.certs.client_context()


@pytest.fixture
def smtp_server(test_certs: TestCerts) -> Iterator[SmtpServer]:
    server = SmtpServer(test_certs)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def scratch_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)

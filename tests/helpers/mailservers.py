"""Real mail servers for tests: a throwaway Dovecot (IMAP) and an aiosmtpd SMTP server.

One import place for the tests; the parts live by what they do:
mail_ports.py (free ports, waiting for one), mail_certs.py (a throwaway CA),
dovecot_config.py (the config per Dovecot version, 2.3 or 2.4), dovecot_server.py
(process control, users, delivery) and smtp_server.py (aiosmtpd with AUTH and TLS).
"""

from __future__ import annotations

from tests.helpers.dovecot_config import (
    _config_23,
    _config_24,
    _ConfigValues,
    dovecot_version,
    parse_dovecot_version,
)
from tests.helpers.dovecot_server import (
    USER_COUNT,
    DovecotServer,
    MailUser,
    dovecot_binary,
    remove_dovecot,
    start_dovecot,
)
from tests.helpers.mail_certs import TestCerts, make_certs
from tests.helpers.mail_ports import HOST, free_port, wait_for_port
from tests.helpers.smtp_server import ReceivedMail, SmtpServer, _Collector

__all__ = [
    "HOST",
    "USER_COUNT",
    "DovecotServer",
    "MailUser",
    "ReceivedMail",
    "SmtpServer",
    "TestCerts",
    "_Collector",
    "_ConfigValues",
    "_config_23",
    "_config_24",
    "dovecot_binary",
    "dovecot_version",
    "free_port",
    "make_certs",
    "parse_dovecot_version",
    "remove_dovecot",
    "start_dovecot",
    "wait_for_port",
]

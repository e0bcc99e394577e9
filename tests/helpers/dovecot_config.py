"""Dovecot's configuration, written in the dialect of the installed version.

2.3 (Debian 12, Ubuntu 24.04) and 2.4 (Debian 13) share no syntax: 2.4 rejects every 2.3
configuration and 2.3 knows none of 2.4's names. Process control is in dovecot_server.py.
"""

from __future__ import annotations

import functools
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.mail_ports import HOST


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

"""PyInstaller runtime hook: find the system's CA certificates on any Linux distribution.

The bundle carries the OpenSSL of the build machine (Debian), which looks for certificates
under /usr/lib/ssl. Fedora, openSUSE or Arch keep them elsewhere, and mail over TLS (IMAP,
SMTP) would then fail to verify every server. When OpenSSL's own default is missing and the
user set nothing, point SSL_CERT_FILE at the distribution's bundle; the system trust store
(with any company CA) stays the source, no certificates are shipped.
"""

from __future__ import annotations

import os
import sys

#: Debian/Ubuntu, Fedora/RHEL, openSUSE, Alpine/Arch, and the older RHEL layout.
CANDIDATES = (
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/ca-bundle.pem",
    "/etc/ssl/cert.pem",
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
)


def system_ca_file(candidates: tuple[str, ...] | None = None) -> str | None:
    """The first certificate bundle that exists (of ``candidates``, else CANDIDATES), or None."""
    return next((path for path in candidates or CANDIDATES if os.path.isfile(path)), None)


def _point_openssl_at_the_system_store() -> None:
    if not sys.platform.startswith("linux"):
        return
    if os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR"):
        return
    import ssl

    defaults = ssl.get_default_verify_paths()
    if defaults.cafile or defaults.capath:  # OpenSSL's compiled-in default exists here
        return
    found = system_ca_file()
    if found:
        os.environ["SSL_CERT_FILE"] = found


_point_openssl_at_the_system_store()

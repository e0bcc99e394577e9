"""The bundle's runtime hook finds the distribution's CA bundle when OpenSSL's default is absent."""

from __future__ import annotations

import importlib.util
import os
import ssl
import sys
from pathlib import Path
from types import ModuleType

import pytest

HOOK = Path(__file__).resolve().parents[2] / "packaging" / "pyi_rth_ssl_certs.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pyi_rth_ssl_certs", HOOK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_first_existing_candidate_is_chosen(tmp_path: Path) -> None:
    fedora = tmp_path / "ca-bundle.crt"
    fedora.write_text("certificates", encoding="utf-8")
    hook = _load()
    assert hook.system_ca_file((str(tmp_path / "missing.crt"), str(fedora))) == str(fedora)
    assert hook.system_ca_file((str(tmp_path / "missing.crt"),)) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the hook acts on Linux only")
def test_without_openssl_defaults_ssl_cert_file_is_set_unless_the_user_chose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = tmp_path / "tls-ca-bundle.pem"
    found.write_text("certificates", encoding="utf-8")
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    monkeypatch.setattr(
        ssl, "get_default_verify_paths", lambda: ssl.DefaultVerifyPaths(None, None, "", "", "", "")
    )
    hook = _load()  # runs the hook once with the real candidates
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.setattr(hook, "CANDIDATES", (str(found),))
    hook._point_openssl_at_the_system_store()
    assert os.environ["SSL_CERT_FILE"] == str(found)

    monkeypatch.setenv("SSL_CERT_FILE", "/mine.pem")
    hook._point_openssl_at_the_system_store()
    assert os.environ["SSL_CERT_FILE"] == "/mine.pem"

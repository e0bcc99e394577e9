"""Where passwords live: keyring, environment, this run only, or an opt-in 0600 file."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend

from soloservice.services.secrets import (
    SecretPlace,
    SecretStore,
    SecretUnavailable,
    keyring_available,
)


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps passwords in a dict (like an unlocked OS keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Headless Linux: the environment selects keyring's "fail" backend."""
    previous = keyring.get_keyring()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.core.init_backend()
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_without_a_keyring_the_password_is_kept_for_this_run_only(
    no_keyring: None, tmp_path: Path
) -> None:
    available, why = keyring_available()
    assert not available and "no keyring" in why
    store = SecretStore(tmp_path)
    assert store.put("mail:shop", "hemmelig-æøå") is SecretPlace.SESSION
    assert store.get("mail:shop") == "hemmelig-æøå"
    assert not store.file_path.exists()
    with pytest.raises(SecretUnavailable, match="no password stored"):
        SecretStore(tmp_path).get("mail:shop")  # the next run does not know it


def test_opt_in_file_is_0600_and_survives_a_restart(no_keyring: None, tmp_path: Path) -> None:
    store = SecretStore(tmp_path / "data")
    assert store.put("mail:shop", "hemmelig", SecretPlace.FILE) is SecretPlace.FILE
    mode = stat.S_IMODE(store.file_path.stat().st_mode)
    assert mode == 0o600
    assert SecretStore(tmp_path / "data").get("mail:shop") == "hemmelig"
    store.put("mail:other", "andet", SecretPlace.FILE)
    assert stat.S_IMODE(store.file_path.stat().st_mode) == 0o600
    store.delete("mail:shop")
    with pytest.raises(SecretUnavailable):
        SecretStore(tmp_path / "data").get("mail:shop")
    assert SecretStore(tmp_path / "data").get("mail:other") == "andet"
    assert list((tmp_path / "data").glob(".secrets-*")) == []  # no temp files left behind


def test_environment_variable_wins_and_its_absence_is_explained(
    no_keyring: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SecretStore(tmp_path)
    store.put("mail:shop", "from-file", SecretPlace.FILE)
    monkeypatch.setenv("SHOP_PASSWORD", "from-env")
    assert store.get("mail:shop", "SHOP_PASSWORD") == "from-env"
    monkeypatch.delenv("SHOP_PASSWORD")
    assert store.get("mail:shop", "SHOP_PASSWORD") == "from-file"
    store.delete("mail:shop")
    with pytest.raises(SecretUnavailable, match="SHOP_PASSWORD is not set"):
        store.get("mail:shop", "SHOP_PASSWORD")


def test_keyring_is_used_when_there_is_one(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    assert keyring_available()[0]
    store = SecretStore(tmp_path)
    assert store.put("mail:shop", "i-nøglering") is SecretPlace.KEYRING
    assert memory_keyring.store == {("SoloService", "mail:shop"): "i-nøglering"}
    assert SecretStore(tmp_path).get("mail:shop") == "i-nøglering"
    assert not store.file_path.exists()
    store.delete("mail:shop")
    assert memory_keyring.store == {}


def test_a_new_password_replaces_one_kept_for_the_session(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    store = SecretStore(tmp_path)
    store.put("mail:shop", "old", SecretPlace.SESSION)
    store.put("mail:shop", "new")
    assert store.get("mail:shop") == "new"


def test_place_given_as_plain_text_is_honoured(tmp_path: Path) -> None:
    """Qt combo boxes hand enum data back as str: "file" must still mean the 0600 file."""
    store = SecretStore(tmp_path)
    assert store.put("mail:shop", "pw", "file") is SecretPlace.FILE  # type: ignore[arg-type]
    assert (tmp_path / "secrets.json").exists()

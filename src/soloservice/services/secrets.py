"""Where mail and social passwords live: never in the database, logs or exports.

Order of lookup: an environment variable named on the account (for cron), the OS keyring,
a 0600 file the founder explicitly opted into, and last a password kept in memory for this
run only. Headless Linux usually has no keyring backend (``NoKeyringError``); we say so
instead of failing, and offer the other two.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from soloservice.storage.files import atomic_write

SERVICE_NAME = "SoloService"
SECRETS_FILENAME = "secrets.json"


class SecretPlace(StrEnum):
    KEYRING = "keyring"
    FILE = "file"
    SESSION = "session"


class SecretUnavailable(Exception):
    """No password is stored for the account; the message says where it was looked for."""


def keyring_available() -> tuple[bool, str]:
    """Whether a real keyring backend exists, and which (or why not), without prompting."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception as exc:  # any import/backend error means "no keyring"
        return False, f"keyring unavailable ({exc})"
    if isinstance(backend, fail.Keyring):
        return False, "no keyring backend on this machine"
    name = type(backend).__name__
    if name in {"Keyring"} and type(backend).__module__.endswith("null"):
        return False, "keyring disabled (null backend)"
    return True, f"{type(backend).__module__}.{name}"


@dataclass
class SecretStore:
    data_dir: Path
    _session: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def file_path(self) -> Path:
        return self.data_dir / SECRETS_FILENAME

    # -- reading ------------------------------------------------------------------------------

    def get(self, key: str, env_var: str | None = None) -> str:
        if env_var:
            value = os.environ.get(env_var)
            if value:
                return value
        if key in self._session:
            return self._session[key]
        available, _why = keyring_available()
        if available:
            try:
                import keyring

                value = keyring.get_password(SERVICE_NAME, key)
            except Exception:  # a broken keyring must not stop a sync
                value = None
            if value:
                return value
        file_value = self._read_file().get(key)
        if file_value:
            return file_value
        if env_var:
            raise SecretUnavailable(
                f"the environment variable {env_var} is not set and no password is stored"
            )
        # The CLI shows this line as is; the window asks for the password instead
        # (ui/mail/password_prompt.py), so the founder never sees it there.
        raise SecretUnavailable(
            f"no password stored for {key}: pass --password-env VAR (a variable holding it), "
            "or open the SoloService window once and enter it"
        )

    def has(self, key: str, env_var: str | None = None) -> bool:
        """Whether ``get`` would find a password (the window asks for it at start if not)."""
        try:
            self.get(key, env_var)
        except SecretUnavailable:
            return False
        return True

    # -- writing ------------------------------------------------------------------------------

    def put(self, key: str, secret: str, place: SecretPlace = SecretPlace.KEYRING) -> SecretPlace:
        """Store ``secret``; returns where it went (a missing keyring falls back to SESSION).

        A value kept for this session is dropped first, so it never shadows the new one.
        """
        place = SecretPlace(place)  # a plain "file" from a combo box or the CLI works too
        self._session.pop(key, None)
        if place is SecretPlace.KEYRING:
            available, _why = keyring_available()
            if available:
                try:
                    import keyring

                    keyring.set_password(SERVICE_NAME, key, secret)
                    return SecretPlace.KEYRING
                except Exception:  # fall back, and tell the caller
                    pass
            place = SecretPlace.SESSION
        if place is SecretPlace.FILE:
            data = self._read_file()
            data[key] = secret
            self._write_file(data)
            return SecretPlace.FILE
        self._session[key] = secret
        return SecretPlace.SESSION

    def delete(self, key: str) -> None:
        self._session.pop(key, None)
        available, _why = keyring_available()
        if available:
            try:
                import keyring

                keyring.delete_password(SERVICE_NAME, key)
            except Exception:  # nothing stored there is fine
                pass
        data = self._read_file()
        if key in data:
            del data[key]
            self._write_file(data)

    # -- the opt-in file ----------------------------------------------------------------------

    def _read_file(self) -> dict[str, str]:
        path = self.file_path
        if not path.exists():
            return {}
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}

    def _write_file(self, data: dict[str, str]) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        atomic_write(self.file_path, json.dumps(data))  # 0600 from its first byte

"""The app's log: a small rotating file in the data folder, never holding secrets.

On a desktop without a terminal a crash otherwise leaves no trace, so the GUI and the CLI
(the composition roots, ``app.py`` and ``cli/main.py``) both log to
``<data_dir>/logs/soloservice.log`` (1 MB × 5 files, mode 0600 in a 0700 folder).

What is logged at INFO and above names things by id and counts ("sync account 3:
12 fetched, 3 new"), never customer text or credentials. Because a message can still carry
one by accident (an exception from a server echoing a login, an address in an error),
``RedactingFilter`` masks anything that looks like an email address, a password or a
token in every record at INFO or above before it is written. DEBUG is off unless
``SOLOSERVICE_DEBUG=1``; even then the filter runs on INFO+ records.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

LOG_DIR = "logs"
LOG_FILE = "soloservice.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
DEBUG_ENV = "SOLOSERVICE_DEBUG"
#: the handler this module installed, so a second setup (tests, GUI after CLI) replaces it
_HANDLER_NAME = "soloservice-file"

_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
#: key=value, key: value, "key": "value" for credential-looking keys
_SECRET_PAIR = re.compile(
    r"""(?ix)
    (?P<key>["']?\b(?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|auth(?:orization)?
        |access[_-]?token|refresh[_-]?token|bearer|cookie|session)["']?)
    (?P<sep>\s*[:=]\s*|\s+)
    (?P<value>"[^"]*"|'[^']*'|[^\s,;&"']+)
    """
)
_BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}")
#: long opaque strings (API tokens, session ids) that are not plain words or numbers
_OPAQUE = re.compile(r"\b(?=[A-Za-z0-9_\-]*[0-9])(?=[A-Za-z0-9_\-]*[A-Za-z])[A-Za-z0-9_\-]{32,}\b")
MASK = "[redacted]"

# Until setup_logging runs (and in a library use), our records go nowhere, rather than to
# stderr through logging's last-resort handler: the CLI's promise is one line on stderr.
logging.getLogger("soloservice").addHandler(logging.NullHandler())


def redact(text: str, extra: tuple[str, ...] = ()) -> str:
    """``text`` with addresses, credential values, bearer tokens and ``extra`` masked."""
    for secret in extra:
        if secret:
            text = text.replace(secret, MASK)
    text = _EMAIL.sub("[address]", text)
    text = _BEARER.sub(lambda m: f"{m.group(1)} {MASK}", text)
    text = _SECRET_PAIR.sub(lambda m: f"{m.group('key')}{m.group('sep')}{MASK}", text)
    return _OPAQUE.sub(MASK, text)


class RedactingFilter(logging.Filter):
    """Masks secrets and addresses in INFO+ records (message, arguments and traceback)."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.INFO:
            return True
        record.msg = redact(record.getMessage(), self.secrets)
        record.args = None
        if record.exc_info:
            # Format the traceback now, redacted; the formatter uses exc_text as it is.
            formatter = logging.Formatter()
            record.exc_text = redact(formatter.formatException(record.exc_info), self.secrets)
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.secrets)
        return True


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_DIR / LOG_FILE


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """Every file it opens (the first and each rotation) is 0600 from the start."""

    def _open(self):  # type: ignore[no-untyped-def]
        path = Path(self.baseFilename)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.close(fd)
        os.chmod(path, 0o600)
        return super()._open()


def setup_logging(data_dir: Path, *, process: str = "cli") -> Path | None:
    """Log to ``<data_dir>/logs/soloservice.log``; returns the path, or None when the data
    folder cannot hold a log (read-only, missing): logging must never stop the app."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()
    path = log_path(data_dir)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        handler = _PrivateRotatingHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None
    handler.set_name(_HANDLER_NAME)
    handler.addFilter(RedactingFilter())
    handler.setFormatter(
        logging.Formatter(f"%(asctime)s %(levelname)s {process}[%(process)d] %(name)s: %(message)s")
    )
    debug = os.environ.get(DEBUG_ENV, "") not in ("", "0")
    handler.setLevel(logging.DEBUG if debug else logging.INFO)
    root.addHandler(handler)
    ours = logging.getLogger("soloservice")
    ours.setLevel(logging.DEBUG if debug else logging.INFO)
    return path


def stop_logging() -> None:
    """Close the file (tests, and the end of a CLI command run in-process)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()


def log_error(message: str, *args: object) -> None:
    """For a composition root that has no logger of its own (app.py before the window)."""
    logging.getLogger("soloservice.app").error(message, *args)

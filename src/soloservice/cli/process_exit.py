"""Ending the ``soloservice`` process once its command is done, without the teardown.

After a command, the interpreter's own exit (every module torn down, every object of a
large heap freed one by one, the garbage collector's last passes) took 0.2–0.45 s after a
6,000-mail import: as long as the import's whole start-up. None of it does anything for
us by then: the store is closed (``Services.close`` wrote its clean-close record and the
last connection removed the write-ahead log), the parse worker has been shut down, and
``main`` handled every error. So ``run`` flushes the log and the standard streams itself
and leaves with ``os._exit``.

Only when nothing could still need the normal exit: no other thread (a normal exit waits
for them), no child process (it would be joined), and no Qt (the window's exit hooks, such
as its screen-size guard, run at exit). Anything else exits the usual way.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from typing import NoReturn

from soloservice.cli.main import main


def nothing_left_to_run() -> bool:
    """True when the normal exit would only tear down (see the module)."""
    processes = sys.modules.get("multiprocessing")  # (never imported: no child of its)
    return (
        threading.active_count() == 1
        and not (processes is not None and processes.active_children())
        and "PySide6.QtCore" not in sys.modules
    )


def leave(code: int) -> NoReturn:
    """Exit with ``code``: at once when ``nothing_left_to_run``, else the usual way."""
    if nothing_left_to_run():
        try:
            logging.shutdown()
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):  # a closed or broken stream: let Python report it
            raise SystemExit(code) from None
        os._exit(code)
    raise SystemExit(code)


def run() -> NoReturn:
    """The ``soloservice`` command (console script, ``python -m soloservice``, bundle)."""
    leave(main())

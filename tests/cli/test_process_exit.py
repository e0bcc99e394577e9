"""The ``soloservice`` process ends at once after its command (cli/process_exit.py), and
only when nothing still needs the interpreter's normal exit. Real processes throughout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.helpers.mail_env import mail
from tests.services.test_mail_import_batch import write_maildir

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def child(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "child.py"
    script.write_text(textwrap.dedent(code))
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=ENV, timeout=120
    )


def test_an_import_leaves_a_closed_store_its_log_and_all_its_output(tmp_path: Path) -> None:
    box = write_maildir(tmp_path / "box", [mail(n, minute=n) for n in range(1, 6)])
    data = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-m", "soloservice", "--data-dir", str(data), "--create",
         "import", "maildir", str(box)],
        capture_output=True, text=True, env=ENV, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["fetched"] == 5
    assert (data / "soloservice-closed.json").exists()  # Services.close ran
    assert not Path(f"{data / 'soloservice.sqlite3'}-wal").exists()  # every connection closed
    log = (data / "logs" / "soloservice.log").read_text()
    assert log.rstrip().endswith("command import: exit 0")  # the log was flushed


def test_a_failing_command_still_exits_2_with_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "soloservice", "--data-dir", str(tmp_path / "none"), "inbox"],
        capture_output=True, text=True, env=ENV, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1


def test_buffered_output_reaches_the_pipe_whole(tmp_path: Path) -> None:
    done = child(
        """
        import sys
        from soloservice.cli.process_exit import leave
        sys.stdout.write("x" * 3_000_000)
        sys.stderr.write("end")
        leave(4)
        """,
        tmp_path,
    )
    assert done.returncode == 4
    assert len(done.stdout) == 3_000_000
    assert done.stderr == "end"


def test_a_thread_still_working_gets_the_normal_exit(tmp_path: Path) -> None:
    marker = tmp_path / "thread-finished"
    done = child(
        f"""
        import threading
        from pathlib import Path
        from soloservice.cli.process_exit import leave, nothing_left_to_run
        def work():
            sum(range(3_000_000))
            Path({str(marker)!r}).write_text("done")
        threading.Thread(target=work).start()
        assert not nothing_left_to_run()
        leave(0)
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert marker.read_text() == "done"


def test_with_qt_loaded_exit_hooks_still_run(tmp_path: Path) -> None:
    marker = tmp_path / "hook-ran"
    done = child(
        f"""
        import atexit
        from pathlib import Path
        import PySide6.QtCore
        from soloservice.cli.process_exit import leave, nothing_left_to_run
        atexit.register(lambda: Path({str(marker)!r}).write_text("ran"))
        assert not nothing_left_to_run()
        leave(0)
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert marker.read_text() == "ran"

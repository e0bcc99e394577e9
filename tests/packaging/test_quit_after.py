"""`soloservice gui --quit-after SECONDS` opens the real window and ends by itself.

The bundle's smoke test relies on it to start the window without a person to close it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.cli import run

ROOT = Path(__file__).resolve().parents[2]


def test_gui_quit_after_closes_the_real_window_and_exits_zero(tmp_path: Path) -> None:
    data = tmp_path / "data"
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "soloservice", "--data-dir", str(data), "gui", "--demo",
         "--count", "20", "--quit-after", "0.5"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert time.monotonic() - started < 110
    # The window was shown and closed as Ctrl+Q closes it: it saved its layout.
    assert (data / "ui.ini").is_file()


def test_quit_after_is_not_advertised_in_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "soloservice", "gui", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "--quit-after" not in done.stdout


def test_a_negative_quit_after_is_one_line_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "gui", "--quit-after", "-1")
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        "soloservice: error: --quit-after is seconds, between 0 and 86400"
    ]

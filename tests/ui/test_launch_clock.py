"""The launch as the benchmark times it (benchmarks/run.py): the real CLI in a fresh process.

``SOLOSERVICE_LAUNCH_CLOCK`` makes the app say when its first page was painted, which is
what "launch to first inbox page" measures; and the database stack is imported before Qt,
since PySide6's import hook reads the source of every module imported after it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

#: records the order of first imports, then runs the CLI as the console script does
_ORDER_PROBE = """
import json, sys
order = []

class Recorder:
    def find_spec(self, name, path=None, target=None):
        if "." not in name:
            order.append(name)
        return None

sys.meta_path.insert(0, Recorder())
from soloservice.cli import main
code = main(sys.argv[1:])
print(json.dumps({"exit": code, "order": order}))
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.ui.helpers import seeded_store

    return seeded_store(tmp_path_factory.mktemp("clock"), 5)


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("SOLOSERVICE_LANG", None)
    return {**env, **extra}


def test_the_app_reports_when_its_first_page_was_painted(store: Path) -> None:
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "soloservice", "--data-dir", str(store), "gui", "--quit-after",
         "0"],
        capture_output=True, text=True, env=_env(SOLOSERVICE_LAUNCH_CLOCK="1"), timeout=120,
    )  # fmt: skip
    ended = time.time()
    assert done.returncode == 0, done.stderr[-2000:]
    painted = [
        float(line.rsplit(" ", 1)[1])
        for line in done.stderr.splitlines()
        if line.startswith("first page painted at ")
    ]
    assert len(painted) == 1
    assert started < painted[0] < ended


def test_without_the_clock_the_app_says_nothing_of_it(store: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "soloservice", "--data-dir", str(store), "gui", "--quit-after",
         "0"],
        capture_output=True, text=True, env=_env(), timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "first page painted" not in done.stderr


def test_the_database_stack_is_imported_before_qt(store: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _ORDER_PROBE, "--data-dir", str(store), "gui", "--quit-after", "0"],
        capture_output=True, text=True, env=_env(), timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["exit"] == 0
    order: list[str] = result["order"]
    qt = order.index("PySide6")
    assert [
        m for m in ("sqlalchemy", "sqlmodel", "pydantic", "holidays") if order.index(m) > qt
    ] == []

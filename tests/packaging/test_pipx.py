"""`pipx install .` gives a working `soloservice` command (the README's install for Python users).

Opt-in (SOLOSERVICE_TEST_PIPX=1): pipx builds the package and downloads its dependencies from
PyPI into a throwaway PIPX_HOME, which takes minutes and needs the network.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    os.environ.get("SOLOSERVICE_TEST_PIPX") != "1",
    reason="downloads from PyPI: set SOLOSERVICE_TEST_PIPX=1 to run",
)


def _pipx(tmp_path: Path) -> list[str]:
    """The system's pipx, else pipx in a venv of its own (pip install pipx)."""
    found = shutil.which("pipx")
    if found:
        return [found]
    venv = tmp_path / "pipx-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "pipx"], check=True)
    return [str(venv / "bin" / "pipx")]


def test_pipx_install_puts_a_working_soloservice_on_the_bin_dir(tmp_path: Path) -> None:
    pipx = _pipx(tmp_path)
    bin_dir = tmp_path / "bin"
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")},
        "PIPX_HOME": str(tmp_path / "pipx"),
        "PIPX_BIN_DIR": str(bin_dir),
        "PIPX_MAN_DIR": str(tmp_path / "man"),
    }
    subprocess.run(
        [*pipx, "install", "--python", sys.executable, str(ROOT)],
        env=env,
        check=True,
        timeout=1500,
    )
    app = bin_dir / "soloservice"
    assert app.exists()
    clean = {"HOME": str(tmp_path / "home"), "PATH": f"{bin_dir}:/usr/bin:/bin"}
    done = subprocess.run(
        ["soloservice", "--help"], env=clean, capture_output=True, text=True, check=True
    )
    assert "usage: soloservice" in done.stdout
    data = tmp_path / "data"
    done = subprocess.run(
        ["soloservice", "--data-dir", str(data), "--create", "demo", "--count", "10"],
        env=clean,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(done.stdout)["inquiries"] == 10

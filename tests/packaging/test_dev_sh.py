"""`packaging/dev.sh` runs pip only when the install is out of date (the stamp in the venv).

The script runs for real (bash, its own copy beside a copy of pyproject.toml) against a fake
venv whose ``python`` and ``soloservice`` only log how they were called: what pip would have
been asked to do, and whether the window would have opened, without installing anything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FAKE_PYTHON = """#!/bin/sh
echo "python $*" >> "$(dirname "$0")/../calls.log"
case "$*" in
  *"pip install"*" -e "*)
    printf '#!/bin/sh\\necho "soloservice $*" >> "$(dirname "$0")/../calls.log"\\n' \
      > "$(dirname "$0")/soloservice"
    chmod +x "$(dirname "$0")/soloservice" ;;
esac
exit 0
"""


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """dev.sh and pyproject.toml in a directory of their own, with a fake venv."""
    (tmp_path / "packaging").mkdir()
    shutil.copy2(ROOT / "packaging" / "dev.sh", tmp_path / "packaging" / "dev.sh")
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").write_text(FAKE_PYTHON, encoding="utf-8")
    (bin_dir / "python").chmod(0o755)
    return tmp_path


def _dev(clone: Path, *args: str) -> tuple[str, list[str]]:
    """Run dev.sh; its output and the fake venv's calls made by this run."""
    log = clone / "venv" / "calls.log"
    before = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    env = {
        **os.environ,
        "SOLOSERVICE_VENV": str(clone / "venv"),
        "SOLOSERVICE_NO_APT": "1",
    }
    env.pop("SOLOSERVICE_NO_OPEN", None)
    done = subprocess.run(
        ["bash", str(clone / "packaging" / "dev.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    after = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return done.stdout, after[len(before) :]


def _pip_installs(calls: list[str]) -> list[str]:
    return [call for call in calls if "-m pip install" in call and " -e " in call]


def test_a_second_demo_skips_pip_and_goes_straight_to_the_window(clone: Path) -> None:
    out, calls = _dev(clone, "demo")
    installs = _pip_installs(calls)
    assert len(installs) == 1
    assert installs[0].endswith(f"-e {clone}")  # the app only: no test tools for a demo
    assert "--progress-bar on" in installs[0]
    assert calls[-1] == "soloservice gui --demo"
    assert "Installing SoloService" in out

    out, calls = _dev(clone, "demo")
    assert calls == ["soloservice gui --demo"]
    assert "pip skipped" in out

    _, calls = _dev(clone, "demo", "--count", "500")  # the rest goes to `gui --demo`
    assert calls == ["soloservice gui --demo --count 500"]


def test_the_test_command_adds_the_test_extra_once_and_demo_keeps_it(clone: Path) -> None:
    _dev(clone, "demo")
    _, calls = _dev(clone, "test", "-q", "-ra")
    assert [call.rsplit(" ", 1)[-1] for call in _pip_installs(calls)] == [f"{clone}[test]"]
    assert calls[-1] == "python -m pytest -q -ra"

    _, calls = _dev(clone, "test", "-q")
    assert _pip_installs(calls) == []
    _, calls = _dev(clone, "demo")
    assert calls == ["soloservice gui --demo"]


def test_a_changed_pyproject_reinstalls_with_the_extras_installed_before(clone: Path) -> None:
    _dev(clone, "test")
    pyproject = clone / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    _, calls = _dev(clone, "demo")
    assert [call.rsplit(" ", 1)[-1] for call in _pip_installs(calls)] == [f"{clone}[test]"]
    _, calls = _dev(clone, "demo")
    assert _pip_installs(calls) == []


def test_a_missing_entry_point_or_no_open_are_honoured(clone: Path) -> None:
    _dev(clone, "demo")
    (clone / "venv" / "bin" / "soloservice").unlink()  # e.g. `pip uninstall soloservice`
    _, calls = _dev(clone, "setup")
    assert len(_pip_installs(calls)) == 1
    assert not any(call.startswith("soloservice") for call in calls)

    stamp = (clone / "venv" / ".soloservice-install-stamp").read_text(encoding="utf-8")
    digest = subprocess.run(
        ["sha256sum", str(clone / "pyproject.toml")], capture_output=True, text=True, check=True
    ).stdout.split()[0]
    assert stamp.splitlines() == [digest, ""]

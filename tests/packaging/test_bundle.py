"""The PyInstaller bundle passes packaging/smoke_bundle.sh (clean environment, no venv).

Building takes minutes, so this runs only when a bundle is already there (after
`bash packaging/dev.sh bundle`) or when SOLOSERVICE_TEST_BUNDLE=1 asks for one to be built.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "SoloService"
WANTED = os.environ.get("SOLOSERVICE_TEST_BUNDLE") == "1"


@pytest.mark.skipif(
    not WANTED and not (BUNDLE / "soloservice").exists(),
    reason="no bundle in dist/SoloService: build it with `bash packaging/dev.sh bundle` "
    "(or set SOLOSERVICE_TEST_BUNDLE=1 to build it here)",
)
def test_the_built_bundle_passes_its_smoke_test() -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    if not (BUNDLE / "soloservice").exists():
        # dev.sh bundle builds and then runs the same smoke test.
        command = ["bash", str(ROOT / "packaging" / "dev.sh"), "bundle"]
        timeout = 1800
    else:
        command = ["bash", str(ROOT / "packaging" / "smoke_bundle.sh"), str(BUNDLE)]
        timeout = 300
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    assert "smoke test passed" in done.stdout

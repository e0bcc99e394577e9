"""Every tool window and dialog fits a 1280×720 laptop screen, in English and Danish: the real
app in its own process, on an offscreen screen of that size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from soloservice.cli import main as cli_main


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fit-demo")
    assert cli_main(["--data-dir", str(path), "demo", "--count", "60"]) == 0
    return path


@pytest.mark.parametrize("language", ["en", "da"])
def test_every_tool_window_fits_a_laptop_screen(shop: Path, tmp_path: Path, language: str) -> None:
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 720,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
                ]
            }
        )
    )  # fmt: skip
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "SOLOSERVICE_LANG": language,
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_probe", str(shop)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["screen"] == {"width": 1280, "height": 720}
    boxes = {"main window": report["main"], **report["windows"]}
    assert len(boxes) == 11
    for name, box in boxes.items():
        assert box["x"] >= 0 and box["y"] >= 0, (name, box)
        assert box["x"] + box["width"] <= 1280, (name, box)
        assert box["y"] + box["height"] <= 720, (name, box)

"""The desktop entry and the AppStream metainfo validate, and match the project and its files."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"
METAINFO = RESOURCES / "desktop" / "dk.soloservice.SoloService.metainfo.xml"
DESKTOP = RESOURCES / "desktop" / "soloservice.desktop"
MAX_SCREENSHOT_BYTES = 300_000


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt-get install -y {package})")
    return path


def test_appstreamcli_validates_the_metainfo() -> None:
    tool = _tool("appstreamcli", "appstream")
    done = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_file_validate_accepts_the_entry() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


def test_the_metainfo_names_this_release_the_desktop_entry_and_committed_screenshots() -> None:
    root = ET.parse(METAINFO).getroot()
    with (ROOT / "pyproject.toml").open("rb") as stream:
        version = tomllib.load(stream)["project"]["version"]
    releases = [release.get("version") for release in root.iter("release")]
    assert releases and releases[0] == version, "add a <release> for the version in pyproject.toml"
    assert root.findtext("launchable") == DESKTOP.name
    images = [image.text or "" for image in root.iter("image")]
    assert len(images) >= 2
    for url in images:
        shot = RESOURCES / "screenshots" / url.rsplit("/", 1)[-1]
        assert shot.is_file(), f"{url} is not in resources/screenshots/"
        assert shot.stat().st_size < MAX_SCREENSHOT_BYTES
    desktop = DESKTOP.read_text(encoding="utf-8")
    categories = re.search(r"^Categories=(.*)$", desktop, re.MULTILINE)
    assert categories is not None
    listed = [c.text for c in root.iter("category")]
    assert listed == [c for c in categories.group(1).split(";") if c]

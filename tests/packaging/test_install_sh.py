"""`install.sh` (copied into the bundle) installs for one user under ~/.local and removes it all.

The bundle here is a stand-in (an executable script plus the real share/ files laid out as the
spec lays them out), so the installer is tested without the minutes-long PyInstaller build;
packaging/smoke_bundle.sh runs the same script on the real bundle.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "dk.soloservice.SoloService"
SIZES = (16, 32, 48, 64, 128, 256)


def _fake_bundle(where: Path) -> Path:
    bundle = where / "SoloService"
    bundle.mkdir(parents=True)
    (bundle / "soloservice").write_text("#!/bin/sh\necho fake soloservice\n", encoding="utf-8")
    (bundle / "soloservice").chmod(0o755)
    (bundle / "VERSION").write_text("0.0.0\n", encoding="utf-8")
    shutil.copy2(PACKAGING / "install.sh", bundle / "install.sh")
    share = bundle / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(ROOT / "resources/desktop/soloservice.desktop", share / "applications")
    (share / "metainfo").mkdir()
    shutil.copy2(ROOT / f"resources/desktop/{APP_ID}.metainfo.xml", share / "metainfo")
    hicolor = share / "icons" / "hicolor"
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(ROOT / "resources/icons/app.svg", hicolor / "scalable/apps/soloservice.svg")
    for size in SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        (folder / "soloservice.png").write_bytes(b"\x89PNG fake")
    return bundle


def _clean_run(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        list(argv),
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.mark.parametrize("home_name", ["home", "home with space"])
def test_install_puts_app_menu_icons_and_metainfo_under_local_and_uninstall_removes_them(
    tmp_path: Path, home_name: str
) -> None:
    bundle = _fake_bundle(tmp_path / "unpacked")
    home = tmp_path / home_name
    home.mkdir()
    data_dir = home / ".local" / "share" / "SoloService"
    data_dir.mkdir(parents=True)
    (data_dir / "soloservice.sqlite3").write_bytes(b"the user's data")

    out = _clean_run(home, "bash", str(bundle / "install.sh")).stdout
    app_dir = home / ".local" / "opt" / "SoloService"
    link = home / ".local" / "bin" / "soloservice"
    assert link.is_symlink() and link.resolve() == (app_dir / "soloservice").resolve()
    assert "not on your PATH" in out  # PATH=/usr/bin:/bin has no ~/.local/bin
    share = home / ".local" / "share"
    desktop = (share / "applications" / "soloservice.desktop").read_text(encoding="utf-8")
    exec_line = next(line for line in desktop.splitlines() if line.startswith("Exec="))
    quoted = f'"{app_dir}/soloservice"' if " " in str(app_dir) else f"{app_dir}/soloservice"
    assert exec_line == f"Exec={quoted}"
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons/hicolor/scalable/apps/soloservice.svg").is_file()
    for size in SIZES:
        assert (share / f"icons/hicolor/{size}x{size}/apps/soloservice.png").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(share / "applications" / "soloservice.desktop")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert check.returncode == 0, check.stdout + check.stderr

    # Installing again (a new version, or from the installed copy itself) works too.
    _clean_run(home, "bash", str(bundle / "install.sh"))
    _clean_run(home, "bash", str(app_dir / "install.sh"))
    assert link.resolve() == (app_dir / "soloservice").resolve()

    out = _clean_run(home, "bash", str(app_dir / "install.sh"), "--uninstall").stdout
    assert "data" in out and "kept" in out
    assert not app_dir.exists() and not os.path.lexists(link)
    leftovers = [p for p in share.rglob("*") if "soloservice" in p.name.lower() and p.is_file()]
    assert leftovers == [data_dir / "soloservice.sqlite3"]
    assert (data_dir / "soloservice.sqlite3").read_bytes() == b"the user's data"


def test_uninstall_leaves_a_soloservice_command_that_is_not_ours(tmp_path: Path) -> None:
    home = tmp_path / "home"
    bin_dir = home / ".local" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "soloservice").symlink_to("/work/elsewhere/.venv/bin/soloservice")
    out = _clean_run(home, "bash", str(PACKAGING / "install.sh"), "--uninstall").stdout
    assert os.path.lexists(bin_dir / "soloservice")
    assert "points somewhere else" in out

"""One source of truth: the package data is built from the top-level resources/.

Icons and demo data reach the package byte for byte, every translation source has a current
``.qm``, and ``src/soloservice/`` holds no copy of its own (the code reads the checkout's
resources/ in an editable install, the built copy in a wheel or the bundle).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from soloservice.assets import TRANSLATIONS, resource_dir

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
sys.path.insert(0, str(ROOT / "packaging"))
import build_resources  # noqa: E402


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def fresh_qm(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """What lrelease makes of resources/translations/*.ts now."""
    out = tmp_path_factory.mktemp("qm")
    build_resources.compile_translations(out)
    return _files(out)


def test_every_translation_source_is_compiled(fresh_qm: dict[str, bytes]) -> None:
    sources = sorted(p.stem for p in (RESOURCES / TRANSLATIONS).glob("*.ts"))
    assert sources == sorted(Path(name).stem for name in fresh_qm)
    assert [ts.stem for ts in build_resources.ts_files()] == [
        f"soloservice_{lang}" for lang in build_resources.LANGUAGES
    ]


def test_the_build_step_copies_icons_and_demo_data_and_compiles_the_translations(
    tmp_path: Path, fresh_qm: dict[str, bytes]
) -> None:
    build_resources.build(tmp_path)
    for kind in build_resources.COPIED:
        assert _files(tmp_path / kind) == _files(RESOURCES / kind), kind
    assert _files(tmp_path / TRANSLATIONS) == fresh_qm
    stale = tmp_path / "icons" / "gone.svg"
    stale.write_text("<svg/>")
    build_resources.build(tmp_path)
    assert not stale.exists(), "a file removed from resources/ stays in the build"


def test_the_running_app_loads_the_same_files(fresh_qm: dict[str, bytes]) -> None:
    """In this checkout: icons and demo data straight from resources/, the .qm current."""
    for kind in build_resources.COPIED:
        assert _files(resource_dir(kind)) == _files(RESOURCES / kind), kind
    loaded = _files(resource_dir(TRANSLATIONS))
    for name, data in fresh_qm.items():
        assert loaded.get(name) == data, (
            f"{resource_dir(TRANSLATIONS) / name} is missing or stale: "
            "run `python packaging/i18n.py compile`"
        )


def test_the_package_holds_code_only() -> None:
    package = ROOT / "src" / "soloservice"
    for kind in (*build_resources.COPIED, TRANSLATIONS):
        assert not (package / "resources" / kind).exists(), f"a copy of {kind} in src/"
    assert not list(package.rglob("*.ts")), "translation sources belong in resources/"
    assert not list(package.rglob("*.qm")), ".qm files are built, not kept in src/"


def test_a_built_wheel_carries_exactly_the_built_package_data(
    tmp_path: Path, fresh_qm: dict[str, bytes]
) -> None:
    """``pip wheel .``: pip's isolated build (PySide6 for lrelease comes from
    packaging/build_backend.py) runs setup.py's build step, as ``pip install .`` and
    ``pipx install .`` do."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        timeout=900,
    )
    (wheel,) = tmp_path.glob("soloservice-*.whl")
    prefix = "soloservice/resources/"
    with zipfile.ZipFile(wheel) as archive:
        inside = {
            name[len(prefix) :]: archive.read(name)
            for name in archive.namelist()
            if name.startswith(prefix) and not name.endswith("/")
        }
    expected = {
        f"{kind}/{name}": data
        for kind in build_resources.COPIED
        for name, data in _files(RESOURCES / kind).items()
    }
    expected |= {f"{TRANSLATIONS}/{name}": data for name, data in fresh_qm.items()}
    built = {
        name: data
        for name, data in inside.items()
        if name.split("/")[0] in (*build_resources.COPIED, TRANSLATIONS)
    }
    assert built == expected
    assert not [name for name in inside if name.endswith(".ts")]

"""The one build step pyproject.toml cannot declare: the package data, built from resources/.

Every wheel (``pip install .``, ``pipx install .``) gets ``soloservice/resources/`` made by
packaging/build_resources.py: icons and demo data copied, the ``.ts`` translations compiled to
``.qm``. An editable install skips it: soloservice/assets.py reads the checkout's resources/.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _build_resources() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_resources", HERE / "packaging" / "build_resources.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        _build_resources().build(Path(self.build_lib) / "soloservice" / "resources")


setup(cmdclass={"build_py": BuildPyWithResources})

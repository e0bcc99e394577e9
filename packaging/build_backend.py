"""setuptools' build backend, plus PySide6 in the build environment when a wheel is built.

setup.py compiles the translations with the ``lrelease`` PySide6 ships, so building a wheel
(``pip install .``, ``pipx install .``) needs PySide6 in pip's isolated build environment.
An editable install (packaging/dev.sh) builds no package data and so does not pay for it.
"""

from __future__ import annotations

from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 - every other hook as setuptools has it

LRELEASE = "PySide6-Essentials>=6.6,!=6.12.0"


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    return [*_setuptools.get_requires_for_build_wheel(config_settings), LRELEASE]

"""Reading a "Download your information" export, as a folder or as the .zip it came in.

The zip is read member by member without extracting to disk: exports are large (photos,
videos) and come from the internet, so only the few message files are read, each with a
size cap that does not trust the size the archive claims (zip bombs), and a member path
that tries to climb out (``../``, absolute paths) makes the whole archive suspect.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from soloservice.channels.social.errors import ExportFormatError

MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed beyond this is a bomb, not JSON
MAX_ENTRIES = 500_000


class ExportSource:
    """Files of an export by relative POSIX path; ``read`` enforces the size caps."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._read_total = 0
        self._zip: zipfile.ZipFile | None = None
        if not self.path.exists():
            raise ExportFormatError(f"{self.path}: no such file or folder")
        if self.path.is_dir():
            self._names = self._walk()
        elif zipfile.is_zipfile(self.path):
            try:
                self._zip = zipfile.ZipFile(self.path)
            except (zipfile.BadZipFile, OSError) as exc:
                raise ExportFormatError(f"{self.path.name}: broken zip archive ({exc})") from exc
            self._names = self._zip_names(self._zip)
        else:
            raise ExportFormatError(
                f"{self.path.name} is neither a folder nor a zip archive; choose the export "
                "folder or the .zip file you downloaded"
            )

    def __enter__(self) -> ExportSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    @property
    def label(self) -> str:
        return self.path.name

    def names(self) -> Iterator[str]:
        return iter(self._names)

    def _walk(self) -> list[str]:
        names: list[str] = []
        for directory, subdirs, files in os.walk(self.path, followlinks=False):
            subdirs[:] = [d for d in subdirs if not (Path(directory) / d).is_symlink()]
            for name in files:
                full = Path(directory) / name
                if full.is_symlink():
                    continue
                names.append(full.relative_to(self.path).as_posix())
                if len(names) > MAX_ENTRIES:
                    raise ExportFormatError(f"{self.label}: more than {MAX_ENTRIES} files")
        return sorted(names)

    def _zip_names(self, archive: zipfile.ZipFile) -> list[str]:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ExportFormatError(f"{self.label}: more than {MAX_ENTRIES} files in the archive")
        names: list[str] = []
        for info in infos:
            name = info.filename.replace("\\", "/")
            pure = PurePosixPath(name)
            if name.startswith("/") or ".." in pure.parts or (len(name) > 1 and name[1] == ":"):
                raise ExportFormatError(
                    f"{self.label}: unsafe path {info.filename!r} in the archive; "
                    "this is not an export made by the platform"
                )
            if not info.is_dir():
                names.append(name)
        return sorted(names)

    def read(self, name: str) -> bytes:
        """The member's bytes; refuses members too large or too compressed to be JSON."""
        if self._zip is not None:
            data = self._read_zip(self._zip, name)
        else:
            full = self.path / name
            size = full.stat().st_size
            if size > MAX_MEMBER_BYTES:
                raise ExportFormatError(f"{name}: {size} bytes is too large for a message file")
            data = full.read_bytes()
        self._read_total += len(data)
        if self._read_total > MAX_TOTAL_BYTES:
            raise ExportFormatError(f"{self.label}: message files exceed {MAX_TOTAL_BYTES} bytes")
        return data

    def _read_zip(self, archive: zipfile.ZipFile, name: str) -> bytes:
        info = archive.getinfo(name)
        if info.file_size > MAX_MEMBER_BYTES:
            raise ExportFormatError(f"{name}: {info.file_size} bytes is too large")
        big = info.compress_size and info.file_size > 1024 * 1024
        if big and info.file_size / info.compress_size > MAX_RATIO:
            raise ExportFormatError(f"{name}: suspiciously compressed (zip bomb?)")
        try:
            with archive.open(info) as member:
                data = member.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
            raise ExportFormatError(f"{name}: cannot be read from the archive ({exc})") from exc
        if len(data) > MAX_MEMBER_BYTES:
            raise ExportFormatError(f"{name}: larger than the archive says (zip bomb?)")
        return data

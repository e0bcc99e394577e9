"""py3langid's model, read in a twentieth of the time from a copy kept in the cache.

The model ships as an LZMA-compressed archive; decompressing it is 0.7 s of every process
that guesses a language (the parse worker of each import and first sync, the window's first
new customer), longer than parsing a few hundred mails. The first load writes what the
classifier needs for our candidate languages, uncompressed (``numpy.savez``, about 40 MB),
to ``<cache dir>/langid/``; later loads read that in about 0.05 s. The copy's name holds
py3langid's version, the model file's size and time, and the candidates, so an upgrade or
another candidate list reads the shipped model again, and its copy replaces the old one. A
copy that cannot be written (a read-only or full disk) or read (damaged, cut short) only
costs the slow load.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import zipfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from soloservice.paths import cache_dir

log = logging.getLogger(__name__)

_KEYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def cached_copy(model: Path, candidates: Sequence[str]) -> Path:
    """Where the copy of ``model`` restricted to ``candidates`` is kept."""
    try:
        version = metadata.version("py3langid")
    except metadata.PackageNotFoundError:  # a frozen bundle without the dist-info
        version = "?"
    stat = model.stat()
    key = f"{version}|{stat.st_size}|{stat.st_mtime_ns}|{','.join(candidates)}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return cache_dir() / "langid" / f"model-{digest}.npz"


def load_identifier(candidates: Sequence[str]) -> Any:
    """A ``LanguageIdentifier`` (normalised probabilities) over ``candidates``."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = Path(MODEL_DIR) / MODEL_FILE
    copy = cached_copy(model, candidates)
    identifier: Any = None
    try:
        identifier = _read_copy(copy, LanguageIdentifier)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
        log.info("language model copy %s unreadable (%s); reading the shipped model", copy, exc)
    if identifier is None:
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        identifier.set_languages(list(candidates))
        _write_copy(copy, identifier)  # (the copy holds only ``candidates``' columns)
    return identifier


def _read_copy(copy: Path, kind: Any) -> Any:
    import numpy as np
    from py3langid.modelio import _to_array

    with np.load(copy, allow_pickle=False) as data:
        if set(_KEYS) - set(data.files):
            raise ValueError("not a language model copy")
        return kind(
            data["ptc"],
            data["pc"],
            data["classes"].tolist(),
            _to_array(data["nextmove"]),
            data["out_feat"].tolist(),
            norm_probs=True,
            tk_row=_to_array(data["nextmove_row"]),
        )


def _write_copy(copy: Path, identifier: Any) -> None:
    """The restricted model, written whole or not at all (a temporary file renamed)."""
    import numpy as np

    def unsigned(values: Any) -> Any:
        return np.frombuffer(values, dtype=f"u{values.itemsize}")

    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=copy.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                np.savez(
                    out,
                    ptc=np.asarray(identifier.nb_ptc),
                    pc=np.asarray(identifier.nb_pc),
                    classes=np.array(identifier.nb_classes),
                    nextmove=unsigned(identifier.tk_nextmove),
                    nextmove_row=unsigned(identifier.tk_row),
                    out_feat=np.asarray(identifier.tk_output, dtype=np.int32),
                )
            os.replace(name, copy)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        for stale in copy.parent.glob("model-*.npz"):  # copies of an older py3langid's model
            if stale != copy:
                stale.unlink(missing_ok=True)
    except OSError as exc:
        log.info("language model copy not kept (%s): the next start reads the model again", exc)

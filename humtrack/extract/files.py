"""Extraction over text files, with their rows of a sources table."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from humtrack.claimset import ClaimSet
from humtrack.errors import ReadError
from humtrack.extract.pipeline import extract
from humtrack.extract.places import Gazetteer
from humtrack.io._text import read_text

__all__ = ["extract_files", "match_source"]


def match_source(path: Path, data: bytes, sources: pd.DataFrame | None) -> pd.Series | None:
    """The sources-table row of a file: by sha256 of its bytes, else by path or file name."""
    if sources is None or sources.empty:
        return None
    digest = hashlib.sha256(data).hexdigest()
    by_hash = sources[sources["sha256"] == digest]
    if not by_hash.empty:
        return by_hash.iloc[0]
    paths = sources["path"].astype(object)
    for candidate in (str(path), path.name):
        hit = sources[(paths == candidate).to_numpy(dtype=bool)]
        if not hit.empty:
            return hit.iloc[0]
    return None


def _source_row(path: Path, data: bytes, sources: pd.DataFrame | None) -> pd.Series:
    row = match_source(path, data, sources)
    if row is not None:
        return row
    return pd.Series({"source_id": path.stem, "published": None, "published_precision": None})


def extract_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    sources: pd.DataFrame | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Callable[[int, int, Path], None] | None = None,
) -> ClaimSet:
    """Extract candidates from many text files; unmatched files take their stem as source_id.

    Raises
    ------
    ReadError
        When a file is missing, empty or not UTF-8 (the message names it).
    """
    files = [Path(p) for p in paths]
    sets: list[ClaimSet] = []
    for i, path in enumerate(files, start=1):
        if not path.is_file():
            raise ReadError(f"no such file: {path}", code="missing_file", value=str(path))
        text = read_text(path)
        data = path.read_bytes()
        sets.append(extract(text, source=_source_row(path, data, sources), gazetteer=gazetteer))
        if progress is not None:
            progress(i, len(files), path)
    return ClaimSet.concat(sets)


def terminal_progress(done: int, total: int, path: Path) -> None:
    """A one-line progress bar on standard error."""
    width = 30
    filled = int(width * done / total)
    sys.stderr.write(
        f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {path.name[:40]:<40}"
    )
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()

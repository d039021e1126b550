"""Reading and writing claims and sources, one module per format behind one interface.

The format is chosen by the file's extension (``.csv``, ``.json``,
``.parquet``, ``.hxl`` or ``.hxl.csv``) or by ``format=``. Reading goes raw
cells → :func:`humtrack.validation.coerce_claims`, so every format reports bad
cells the same way.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final, Protocol

import pandas as pd

from humtrack.claimset import ClaimSet, as_claimset
from humtrack.errors import FormatError, ReadError, SchemaError, UsageError
from humtrack.io import csv as _csv
from humtrack.io import hxl as _hxl
from humtrack.io import json as _json
from humtrack.io import parquet as _parquet
from humtrack.schema import SOURCE_COLUMNS
from humtrack.validation import ValidationReport, coerce_claims, coerce_sources

__all__ = ["FORMATS", "read", "read_raw", "read_sources", "validate", "write", "write_sources"]

PathLike = str | os.PathLike[str]


class _Format(Protocol):
    def read_raw(self, path: Path) -> pd.DataFrame: ...
    def write_frame(self, frame: pd.DataFrame, path: Path) -> None: ...


FORMATS: Final[dict[str, _Format]] = {
    "csv": _csv,
    "json": _json,
    "parquet": _parquet,
    "hxl": _hxl,
}


def _format_of(path: Path, fmt: str | None) -> str:
    hxl = path.name.lower().endswith(".hxl.csv")
    name = (fmt or ("hxl" if hxl else path.suffix.lstrip("."))).lower()
    if name not in FORMATS:
        known = ", ".join(f".{k}" for k in FORMATS)
        what = f"format {fmt!r}" if fmt else f"extension {path.suffix or '(none)'!r} of {path}"
        raise FormatError(
            f"unknown {what}; humtrack reads and writes {known}",
            code="unknown_format",
            value=str(path),
        )
    return name


def read_raw(path: PathLike, *, format: str | None = None) -> pd.DataFrame:
    """Read a table as text cells, exactly as stored, without validating it.

    Raises
    ------
    ReadError
        When the file is missing, unreadable, empty or not UTF-8.
    FormatError
        When the format is unknown.
    """
    p = Path(path)
    fmt = _format_of(p, format)
    if not p.exists():
        raise ReadError(f"no such file: {p}", code="missing_file", value=str(p))
    if p.is_dir():
        raise ReadError(f"{p} is a directory, not a file", code="not_a_file", value=str(p))
    try:
        if fmt == "csv" and _hxl.is_tagged(p):
            fmt = "hxl"  # a CSV with a hashtag row under its header, as HDX publishes them
        return FORMATS[fmt].read_raw(p)
    except PermissionError as exc:
        raise ReadError(
            f"cannot read {p}: permission denied", code="unreadable", value=str(p)
        ) from exc


def read(path: PathLike, *, format: str | None = None) -> ClaimSet:
    """Read a claims table into a validated :class:`ClaimSet`.

    Raises
    ------
    SchemaError
        When some rows break the schema; ``err.report`` lists every problem
        and ``err.valid`` holds the valid rows, so nothing valid is lost.
    ReadError, FormatError
        When the file cannot be read at all.

    Examples
    --------
    >>> import humtrack as ht
    >>> ht.read("seeds/claims.csv")
    ClaimSet(17 claims from 3 sources)
    """
    raw = read_raw(path, format=format)
    typed, report = coerce_claims(raw)
    if not report.ok:
        valid = ClaimSet._trusted(typed.drop(index=report.invalid_rows))
        raise SchemaError(f"{path}: {report.summary()}", report=report, valid=valid)
    return ClaimSet._trusted(typed)


def validate(claims: ClaimSet | pd.DataFrame | PathLike) -> ValidationReport:
    """Check a claims table against the schema and report every problem.

    Accepts a ClaimSet, a DataFrame (typed or raw text) or a path.

    Examples
    --------
    >>> import humtrack as ht
    >>> ht.validate("seeds/claims.csv").ok
    True
    """
    if isinstance(claims, ClaimSet):
        return coerce_claims(claims.frame)[1]
    if isinstance(claims, pd.DataFrame):
        return coerce_claims(claims)[1]
    return coerce_claims(read_raw(claims))[1]


def write(
    claims: ClaimSet | pd.DataFrame,
    path: PathLike,
    *,
    format: str | None = None,
    sources: pd.DataFrame | PathLike | None = None,
) -> Path:
    """Write claims in the format the extension names; returns the path written.

    ``sources`` (HXL only) adds each claim's publication date, URL and
    publisher (``#date+reported``, ``#meta+url``, ``#org+publisher``).
    """
    p = Path(path)
    fmt = _format_of(p, format)
    frame = as_claimset(claims).frame
    if sources is not None:
        if fmt != "hxl":
            raise UsageError("sources= adds source columns to HXL files only", code="sources")
        table = sources if isinstance(sources, pd.DataFrame) else read_sources(sources)
        _hxl.write_frame(frame, p, sources=coerce_sources(table)[0])
        return p
    FORMATS[fmt].write_frame(frame, p)
    return p


def read_sources(path: PathLike, *, format: str | None = None) -> pd.DataFrame:
    """Read a sources table (one row per document) with the canonical dtypes.

    The frame's ``attrs["base_dir"]`` keeps the table's folder, which its relative ``path``
    cells are read from when the frame is passed on (to ``check`` or ``report``).

    Raises
    ------
    SchemaError
        When some rows break the sources schema (``err.report`` lists them).
    """
    raw = read_raw(path, format=format)
    typed, report = coerce_sources(raw)
    if not report.ok:
        raise SchemaError(f"{path}: {report.summary()}", report=report)
    # the folder the table's paths are relative to, for whatever reads the texts later
    # (``check``, ``report``): the same texts whether given the path or this frame
    typed.attrs["base_dir"] = str(Path(path).resolve().parent)
    return typed


def write_sources(sources: pd.DataFrame, path: PathLike, *, format: str | None = None) -> Path:
    """Write a sources table in the format the extension names."""
    p = Path(path)
    fmt = _format_of(p, format)
    typed, report = coerce_sources(sources)
    if not report.ok:
        raise SchemaError(f"invalid sources table: {report.summary()}", report=report)
    FORMATS[fmt].write_frame(typed[list(SOURCE_COLUMNS)], p)
    return p

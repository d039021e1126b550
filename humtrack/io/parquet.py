"""Parquet (needs the ``parquet`` extra: pyarrow): columnar, typed, compressed.

The canonical dtypes travel as Parquet types: text as strings, categories as
dictionary-encoded strings, figures as doubles, dates as day-precision
timestamps and offsets and grades as nullable 64-bit integers. Reading gives
back the typed table, which the validator checks like any other.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from humtrack.errors import ReadError, UsageError

__all__ = ["read_raw", "write_frame"]


def _pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise UsageError(
            "Parquet needs pyarrow: pip install 'humtrack[parquet]'", code="missing_extra"
        ) from error


def read_raw(path: Path) -> pd.DataFrame:
    """Read the typed table as stored."""
    _pyarrow()
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise ReadError(
            f"{path} is not a readable Parquet file: {exc}", code="bad_parquet", value=str(path)
        ) from None
    # strings come back as pandas' text dtype, dictionaries as categories, nulls as missing
    text = pd.StringDtype("python", na_value=pd.NA)
    mapping = {pa.string(): text, pa.large_string(): text}
    frame: pd.DataFrame = table.to_pandas(types_mapper=mapping.get)
    return frame


def write_frame(frame: pd.DataFrame, path: Path) -> None:
    """Write a canonical frame as Parquet (zstd-compressed, no index)."""
    _pyarrow()
    frame.to_parquet(path, engine="pyarrow", index=False, compression="zstd")

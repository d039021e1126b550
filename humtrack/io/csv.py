"""CSV: the canonical columns as a header row, one claim per line, UTF-8.

Missing values are empty cells; only empty cells are missing (``NA`` is
Namibia, not a missing value). Numbers are written with the shortest text
that reads back to the same float, dates as ``YYYY-MM-DD``.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from humtrack.errors import ReadError
from humtrack.io._text import read_text

__all__ = ["read_raw", "write_frame"]


def read_raw(path: Path) -> pd.DataFrame:
    """Read every cell as text; empty cells become missing."""
    text = read_text(path)
    try:
        frame = pd.read_csv(
            io.StringIO(text), dtype=str, keep_default_na=False, na_values=[], skip_blank_lines=True
        )
    except pd.errors.ParserError as exc:
        raise ReadError(
            f"{path} is not a well-formed CSV table: {exc}", code="bad_csv", value=str(path)
        ) from None
    except pd.errors.EmptyDataError:
        raise ReadError(f"{path} has no header row", code="empty_file", value=str(path)) from None
    unnamed = [c for c in frame.columns if str(c).startswith("Unnamed: ")]
    if unnamed:
        raise ReadError(
            f"{path}: {len(unnamed)} column(s) have no header name", code="bad_csv", value=str(path)
        )
    return frame


def write_frame(frame: pd.DataFrame, path: Path) -> None:
    """Write a canonical frame as CSV."""
    out = frame.copy()
    for name in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[name].dtype):
            out[name] = out[name].dt.strftime("%Y-%m-%d")
    out.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")

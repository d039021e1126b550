"""CSV: the canonical columns as a header row, one claim per line, UTF-8.

Missing values are empty cells; only empty cells are missing (``NA`` is
Namibia, not a missing value). Numbers are written with the shortest text
that reads back to the same float, dates as ``YYYY-MM-DD``. A field holding
a carriage return is quoted, so that readers do not take it for a line end.

Spreadsheet safety: a text cell that a spreadsheet would run as a formula
(one that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
and is not a number) is written with a leading apostrophe, which spreadsheets
show as text; reading the file back removes it. A cell that already starts
with apostrophes before such a character gets one more, so that every text
comes back exactly as it was.
"""

from __future__ import annotations

import csv
import io
import warnings
from pathlib import Path
from typing import Final, Literal

import numpy as np
import pandas as pd

from humtrack.errors import ReadError
from humtrack.io._text import read_text

__all__ = ["neutralise", "read_raw", "restore", "write_frame"]


def read_raw(path: Path) -> pd.DataFrame:
    """Read every cell as text; empty cells become missing."""
    text = read_text(path)
    header = next(csv.reader(io.StringIO(text)), [])
    seen: set[str] = set()
    for name in header:
        if name.strip() and name.strip() in seen:
            raise ReadError(
                f"{path}: column {name.strip()!r} appears more than once in the header",
                code="bad_csv",
                value=str(path),
            )
        seen.add(name.strip())
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", pd.errors.ParserWarning)
            frame = pd.read_csv(
                io.StringIO(text),
                dtype=str,
                keep_default_na=False,
                na_values=[],
                skip_blank_lines=True,
                index_col=False,
            )
        if caught:
            _check_extra_fields(path, text, len(header))
    except pd.errors.ParserError as exc:
        raise ReadError(
            f"{path} is not a well-formed CSV table: {exc}", code="bad_csv", value=str(path)
        ) from None
    except pd.errors.EmptyDataError:
        raise ReadError(f"{path} has no header row", code="empty_file", value=str(path)) from None
    for name in frame.columns:
        frame[name] = restore(frame[name])
    unnamed = [c for c in frame.columns if str(c).startswith("Unnamed: ")]
    # a trailing comma on every line makes an empty column without a name: dropping it loses nothing
    empty = [c for c in unnamed if (frame[c].fillna("") == "").all()]
    frame = frame.drop(columns=empty)
    if len(unnamed) > len(empty):
        raise ReadError(
            f"{path}: {len(unnamed) - len(empty)} column(s) hold values but have no header name",
            code="bad_csv",
            value=str(path),
        )
    # a line of separators alone (",,,", left behind by spreadsheets) holds nothing, like the
    # blank lines pandas skips: rows are numbered without it
    blank = _blank_rows(frame)
    if len(blank):
        frame = frame.drop(index=frame.index[blank]).reset_index(drop=True)
    return frame


def _blank_rows(frame: pd.DataFrame) -> np.ndarray:
    """Positions of the rows whose every cell is empty, found column by column among the rows
    still blank (one cheap pass over the first column on a table with none)."""
    rows = np.arange(len(frame)) if len(frame.columns) else np.arange(0)
    for name in frame.columns:
        cells = frame[name].to_numpy(dtype=object)[rows]
        rows = rows[(cells == "") | pd.isna(cells)]
        if not len(rows):
            break
    return rows


#: cells that a spreadsheet would run as a formula, possibly already escaped with apostrophes
_FORMULA: Final = r"^'*[=+\-@\t\r]"
_ESCAPED: Final = r"^'+[=+\-@\t\r]"


def _is_number(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="coerce").notna()


def neutralise(values: pd.Series) -> pd.Series:
    """Text that a spreadsheet would run as a formula, with a leading apostrophe."""
    text = values.astype("string")
    risky = text.str.contains(_FORMULA, regex=True, na=False)
    if not risky.any():
        return values
    risky &= ~_is_number(text.where(risky))
    return text.where(~risky, "'" + text)


def restore(values: pd.Series) -> pd.Series:
    """Undo :func:`neutralise`: one leading apostrophe less before a formula character."""
    escaped = values.str.contains(_ESCAPED, regex=True, na=False)
    if not escaped.any():
        return values
    return values.where(~escaped, values.str.slice(1))


def _check_extra_fields(path: Path, text: str, width: int) -> None:
    """Rows longer than the header: fine when the extra fields are empty, an error otherwise."""
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            raise ReadError(
                f"{path}: line {number} has {len(row)} fields but the header names {width}",
                code="bad_csv",
                value=str(path),
            )


def write_frame(frame: pd.DataFrame, path: Path) -> None:
    """Write a canonical frame as CSV."""
    out = frame.copy()
    for name in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[name].dtype):
            out[name] = out[name].dt.strftime("%Y-%m-%d")
        elif not pd.api.types.is_numeric_dtype(out[name].dtype):
            out[name] = neutralise(out[name])
    has_cr = any(
        out[c].astype("string").str.contains("\r", regex=False).fillna(False).any()
        for c in out.columns
        if not pd.api.types.is_numeric_dtype(out[c].dtype)
    )
    # a lone carriage return is a line end to readers unless its field is quoted
    quoting: Literal[0, 2] = 2 if has_cr else 0  # csv.QUOTE_NONNUMERIC or csv.QUOTE_MINIMAL
    out.to_csv(path, index=False, encoding="utf-8", lineterminator="\n", quoting=quoting)

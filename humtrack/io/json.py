"""JSON: an array of objects, one per row, keyed by column; ``null`` for missing.

Numbers keep their exact value (Python's shortest round-trip form), dates are
``YYYY-MM-DD`` strings. A top-level object with a ``"claims"`` or
``"sources"`` array is read too.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from humtrack.errors import ReadError
from humtrack.io._text import read_text

__all__ = ["dumps", "read_raw", "write_frame"]


def read_raw(path: Path) -> pd.DataFrame:
    """Read the records; values keep their JSON types and are coerced by the validator."""
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(
            f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
            code="bad_json",
            value=str(path),
        ) from None
    if isinstance(data, dict):
        for key in ("claims", "sources", "data"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ReadError(
            f"{path}: expected a JSON array of objects (one per row)",
            code="bad_json",
            value=str(path),
        )
    if not data:
        return pd.DataFrame()
    frame = pd.DataFrame.from_records(data).astype(object)
    # a list or an object where a cell belongs stays visible as its JSON text, to be reported
    for name in frame.columns:
        column = frame[name]
        nested = column.map(lambda x: isinstance(x, list | dict))
        if nested.any():
            frame.loc[nested, name] = column[nested].map(
                lambda x: json.dumps(x, ensure_ascii=False)
            )
    return frame


def _cell(x: Any) -> Any:
    if x is None or x is pd.NA or x is pd.NaT:
        return None
    if isinstance(x, float) and math.isnan(x):
        return None
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, np.floating):
        return float(x)
    if isinstance(x, pd.Timestamp):
        return x.strftime("%Y-%m-%d")
    return x


def dumps(frame: pd.DataFrame) -> str:
    """A canonical frame as the text of a JSON array of objects, ending in a newline."""
    columns: dict[str, list[Any]] = {}
    for name in frame.columns:
        series = frame[name]
        if pd.api.types.is_datetime64_any_dtype(series.dtype):
            text = series.dt.strftime("%Y-%m-%d")
            columns[name] = text.astype(object).where(text.notna(), None).tolist()
        else:
            columns[name] = [_cell(x) for x in series.astype(object).tolist()]
    names = list(columns)
    records = [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)]
    return json.dumps(records, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def write_frame(frame: pd.DataFrame, path: Path) -> None:
    """Write a canonical frame as a JSON array of objects."""
    path.write_text(dumps(frame), encoding="utf-8")

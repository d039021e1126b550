"""Reference populations for plausibility checks, shipped as data and replaceable.

The shipped table (``humtrack/data/reference_population.csv``, its sources in
``reference_population_SOURCES.md``) has one row per place and year:
``location_code, name, level, population, year, source``. Users can pass their
own table with the same columns (a path or a DataFrame) wherever a
``reference`` is taken.

Examples
--------
>>> from humtrack.reference import reference_populations
>>> ref = reference_populations()
>>> int(ref.loc[ref["location_code"] == "SY07", "population"].iloc[0])
2072000
"""

from __future__ import annotations

import io
import os
from functools import lru_cache
from typing import Final

import numpy as np
import pandas as pd

from humtrack._data import read_data_text
from humtrack.errors import ReadError, SchemaError
from humtrack.places import normalize_codes

__all__ = ["REFERENCE_COLUMNS", "reference_populations"]

REFERENCE_COLUMNS: Final = ("location_code", "name", "level", "population", "year", "source")
_REQUIRED: Final = ("location_code", "population", "year")


def _typed(raw: pd.DataFrame, origin: str) -> pd.DataFrame:
    missing = [c for c in _REQUIRED if c not in raw.columns]
    if missing:
        raise SchemaError(
            f"{origin}: a reference table needs the columns {', '.join(_REQUIRED)}; "
            f"missing {', '.join(missing)}",
            code="column_missing",
            column=missing[0],
        )
    out = pd.DataFrame(index=raw.index)
    out["location_code"] = normalize_codes(raw["location_code"].astype("string"))
    for name in ("population", "year"):
        number = pd.to_numeric(raw[name], errors="coerce")
        bad = number.isna() | (number < 0) | ~np.isfinite(number.fillna(0))
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0])
            raise SchemaError(
                f"{origin}: row {row + 2}: {name} {raw[name].iloc[row]!r} is not a "
                "non-negative number",
                code=f"bad_{name}",
                row=row,
                column=name,
                value=raw[name].iloc[row],
            )
        out[name] = number.astype("int64")
    for name in ("name", "level", "source"):
        out[name] = raw[name].astype("string") if name in raw.columns else pd.NA
    if out["location_code"].isna().any():
        row = int(np.flatnonzero(out["location_code"].isna().to_numpy())[0])
        raise SchemaError(
            f"{origin}: row {row + 2}: location_code is empty",
            code="missing_code",
            row=row,
            column="location_code",
        )
    return out[list(REFERENCE_COLUMNS)].reset_index(drop=True)


@lru_cache(maxsize=1)
def _shipped() -> pd.DataFrame:
    raw = pd.read_csv(
        io.StringIO(read_data_text("reference_population.csv")),
        dtype=str,
        keep_default_na=False,
        na_values=[""],
    )
    return _typed(raw, "reference_population.csv")


def reference_populations(
    reference: str | os.PathLike[str] | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The reference population table: the shipped one, or a user's (path or DataFrame)."""
    if reference is None:
        return _shipped().copy()
    if isinstance(reference, pd.DataFrame):
        return _typed(reference, "reference table")
    try:
        raw = pd.read_csv(reference, dtype=str, keep_default_na=False, na_values=[""])
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise ReadError(
            f"cannot read reference table {os.fspath(reference)}: {exc}", code="unreadable"
        ) from exc
    return _typed(raw, os.fspath(reference))

"""Households to people, through the unit registry's household-size context.

A figure counted in households (``unit`` household) converts to people only
with a household size: persons per household, which differs by country and
year (about 5 in Syria, 7 in Afghanistan, 2.5 in Ukraine). :func:`normalize`
multiplies the value, the bounds and the rounding step by the size in force
and records the factor and where it came from in the claim's notes, so that
the converted figure can always be traced back to the households it was.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Final

import numpy as np
import pandas as pd

from humtrack.claimset import ClaimSet
from humtrack.errors import AggregationError, UsageError
from humtrack.places import ALPHA3_TO_ALPHA2
from humtrack.tables import ClaimsLike, claims_frame
from humtrack.units import ureg

__all__ = ["HOUSEHOLD_SIZE_COLUMNS", "normalize"]

#: The columns of a household-size table; ``year`` and ``source`` are optional.
HOUSEHOLD_SIZE_COLUMNS: Final = ("country", "year", "household_size", "source")

HouseholdSizes = float | int | Mapping[str, float] | pd.DataFrame | str | os.PathLike[str]


def _table(sizes: HouseholdSizes) -> pd.DataFrame:
    """Any accepted form of household sizes as a table: country, year, household_size, source."""
    if isinstance(sizes, bool):
        raise UsageError("household_size must be a number, a mapping or a table, not a bool")
    if isinstance(sizes, int | float):
        sizes = pd.DataFrame({"country": [None], "household_size": [float(sizes)]})
    elif isinstance(sizes, Mapping):
        sizes = pd.DataFrame(
            {"country": [str(k) for k in sizes], "household_size": list(sizes.values())}
        )
    elif isinstance(sizes, str | os.PathLike):
        from humtrack.io import read_raw

        sizes = read_raw(sizes)
    table = sizes.copy()
    if "country" not in table or "household_size" not in table:
        raise UsageError(
            "a household-size table needs the columns country and household_size "
            f"(and may have year and source); it has {', '.join(map(str, table.columns))}"
        )
    for column in ("year", "source"):
        if column not in table:
            table[column] = np.nan if column == "year" else None
    table["household_size"] = pd.to_numeric(table["household_size"], errors="coerce")
    table["year"] = pd.to_numeric(table["year"], errors="coerce")
    bad = table["household_size"].isna() | ~(table["household_size"] > 0)
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise UsageError(
            f"household-size table, row {row + 1}: household_size must be a positive number"
        )
    # ISO alpha-3 codes (SYR) are read as alpha-2 (SY), as place codes are
    table["country"] = [
        ALPHA3_TO_ALPHA2.get(c.strip().upper(), c.strip().upper())
        if isinstance(c, str) and c.strip()
        else None
        for c in table["country"].astype(object)
    ]
    return table[list(HOUSEHOLD_SIZE_COLUMNS)]


def _sizes_for(frame: pd.DataFrame, table: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The household size for each claim and a note saying where it came from.

    The size of the claim's country (the first two letters of its place code) for
    the latest year not after the claim's end, else that country's row without a
    year, else its earliest year; a row without a country applies everywhere else.
    """
    country = frame["location_code"].astype(object).fillna("").str[:2].str.upper().to_numpy()
    year = frame["period_end"].dt.year.to_numpy(dtype=float)
    size = np.full(len(frame), np.nan)
    note = np.full(len(frame), None, dtype=object)
    ordered = table.sort_values("year", na_position="first", kind="stable")
    for code, group in ordered.groupby(ordered["country"].fillna(""), sort=False):
        rows = np.flatnonzero(country == code) if code else np.flatnonzero(np.isnan(size))
        if code == "":
            rows = rows[~np.isin(country[rows], table["country"].dropna().unique())]
        if not len(rows):
            continue
        years = group["year"].to_numpy(dtype=float)
        known = ~np.isnan(years)
        undated = np.flatnonzero(~known)
        pick = np.full(len(rows), undated[0] if len(undated) else 0, dtype=np.int64)
        if known.any():
            # the latest year not after the claim; before every year, the row without a
            # year if there is one, else the earliest year
            at = np.searchsorted(years[known], year[rows], side="right") - 1
            dated_pick = np.flatnonzero(known)[np.maximum(at, 0)]
            pick = np.where((at < 0) & (len(undated) > 0), pick, dated_pick)
        chosen = group.iloc[pick]
        size[rows] = chosen["household_size"].to_numpy(dtype=float)
        labels = [
            ", ".join(
                str(x)
                for x in (
                    c if isinstance(c, str) and c else "everywhere",
                    None if np.isnan(y) else int(y),
                    s if isinstance(s, str) and s else None,
                )
                if x is not None
            )
            for c, y, s in zip(chosen["country"], chosen["year"], chosen["source"], strict=True)
        ]
        note[rows] = labels
    return size, note


def normalize(
    claims: ClaimsLike,
    *,
    household_size: HouseholdSizes,
) -> ClaimSet:
    """Convert figures counted in households to people.

    Parameters
    ----------
    claims
        A :class:`ClaimSet`, a claims DataFrame or a path.
    household_size
        Persons per household: one number for every claim; a mapping from
        country code to size; or a table (DataFrame or CSV/JSON path) with the
        columns ``country``, ``household_size`` and optionally ``year`` and
        ``source``, where each claim takes its country's size for the latest
        year not after the claim (a row with no country applies to the rest).

    Returns
    -------
    ClaimSet
        The claims, with household figures in people: value, bounds and rounding
        step multiplied by the size, unit person, and a note such as
        "converted from households x 5.0 (household size: SY, 2019, CBS)".
        Other claims are unchanged.

    Raises
    ------
    AggregationError
        When a household figure's country has no size in the table (code
        ``"no_household_size"``), naming the claims.

    Examples
    --------
    >>> import pandas as pd, humtrack as ht
    >>> claims = pd.DataFrame({
    ...     "claim_id": ["a"], "metric": "idps", "kind": "stock", "value": [2300.0],
    ...     "qualifier": "approx", "precision": 100.0, "unit": "household",
    ...     "location_code": "SY07", "period_start": pd.Timestamp("2024-10-18"),
    ...     "period_end": pd.Timestamp("2024-10-18"),
    ... })
    >>> people = ht.normalize(claims, household_size={"SY": 5.0})[0]
    >>> str(people.estimate), people.unit, people.notes
    ('about 11,500 (precision 500)', 'person', 'converted from households x 5 (household size: SY)')
    """
    frame = claims_frame(claims, purpose="converting households").copy()
    households = (frame["unit"] == "household").to_numpy(dtype=bool)
    if not households.any():
        return ClaimSet(frame)
    size, source = _sizes_for(frame[households], _table(household_size))
    missing = np.isnan(size)
    if missing.any():
        ids = frame.loc[households, "claim_id"].to_numpy(dtype=object)[missing]
        raise AggregationError(
            f"no household size for {len(ids)} household figure(s) "
            f"({', '.join(map(str, ids[:5]))}{' ...' if len(ids) > 5 else ''}): "
            "give a size for their country or one for everywhere",
            code="no_household_size",
            claim_ids=[(str(i),) for i in ids],
        )
    rows = np.flatnonzero(households)
    for column in ("value", "lower", "upper", "precision"):
        values = frame[column].to_numpy(dtype=float)[rows]
        converted = np.empty(len(rows))
        for factor in np.unique(size):  # one conversion per distinct size, not per claim
            at = size == factor
            quantity = ureg.Quantity(values[at], "household")
            converted[at] = quantity.to("person", "household_size", household_size=factor).magnitude
        frame.loc[frame.index[rows], column] = converted
    frame.loc[frame.index[rows], "unit"] = "person"
    factors = [f"{f:g}" for f in size]
    added = [
        f"converted from households x {f} (household size: {s})"
        for f, s in zip(factors, source, strict=True)
    ]
    old = frame["notes"].to_numpy(dtype=object)[rows]
    frame.loc[frame.index[rows], "notes"] = [
        a if not isinstance(o, str) or not o else f"{o}; {a}"
        for o, a in zip(old, added, strict=True)
    ]
    return ClaimSet(frame)

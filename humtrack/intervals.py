"""Effective intervals of a whole claims table at once.

The same rule as :meth:`humtrack.Estimate.interval`, over columns: an exact
figure covers its value plus or minus half its rounding step, an approximate
one plus or minus one step, "at least"/"more than"/vague figures have an open
upper end, "up to"/"fewer than" figures start at zero, and a range is its two
bounds. Counts never go below zero.

Examples
--------
>>> import humtrack as ht
>>> from humtrack.intervals import effective_bounds
>>> claims = ht.read("seeds/claims.csv")
>>> lo, hi = effective_bounds(claims.frame)
>>> str(claims[0].estimate), float(lo[0]), float(hi[0])
('3.2 million', 3150000.0, 3250000.0)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["effective_bounds", "intervals_overlap"]


def _masks(column: pd.Series, groups: list[list[str]]) -> list[np.ndarray]:
    """For each list of qualifiers, which rows have one of them (categories by their codes)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        categories = list(column.cat.categories)
        return [
            np.isin(codes, [categories.index(q) for q in names if q in categories])
            for names in groups
        ]
    values = column.astype(object).to_numpy()
    return [np.isin(values, names) for names in groups]


def effective_bounds(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(lower, upper) arrays of the effective interval of every row of a claims table."""
    exact, approx, open_upper, open_lower = _masks(
        frame["qualifier"],
        [["exact"], ["approx"], ["at_least", "more_than", "vague"], ["at_most", "less_than"]],
    )
    v = frame["value"].to_numpy(dtype=float, na_value=np.nan)
    p = frame["precision"].to_numpy(dtype=float, na_value=np.nan)
    p = np.where(np.isnan(p), 0.0, p)
    lower = frame["lower"].to_numpy(dtype=float, na_value=np.nan)
    upper = frame["upper"].to_numpy(dtype=float, na_value=np.nan)
    # exact: half a step either side; approx: a step; open ends: zero or no upper bound
    step = np.where(exact, p / 2, np.where(approx, p, np.nan))
    lo = np.where(np.isnan(step), np.where(open_lower, 0.0, lower), v - step)
    hi = np.where(np.isnan(step), np.where(open_upper, np.inf, upper), v + step)
    lo = np.where(np.isnan(lo), v, lo)
    hi = np.where(np.isnan(hi), v, hi)
    return np.maximum(lo, 0.0), hi


def intervals_overlap(
    lo_a: np.ndarray, hi_a: np.ndarray, lo_b: np.ndarray, hi_b: np.ndarray
) -> np.ndarray:
    """Element-wise: do the closed intervals [lo_a, hi_a] and [lo_b, hi_b] share a point?"""
    return (lo_a <= hi_b) & (lo_b <= hi_a)

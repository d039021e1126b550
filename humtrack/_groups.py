"""Grouped work on arrays: group codes in key order, and per-group joins and lists."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["group_codes", "group_join", "group_lists"]


def group_codes(frame: pd.DataFrame, keys: Sequence[str]) -> tuple[np.ndarray, int]:
    """A group number for every row: groups numbered in the sorted order of their keys.

    Missing keys sort last and form a group of their own. Works on integer codes
    of each column, so it costs a factorisation per key and one ``np.unique``.
    """
    n = len(frame)
    combined = np.zeros(n, dtype=np.int64)
    radix = 1
    for key in keys:
        codes, uniques = pd.factorize(frame[key], sort=True, use_na_sentinel=True)
        size = len(uniques) + 1
        codes = np.where(codes < 0, len(uniques), codes).astype(np.int64)
        if radix * size >= 2**62:  # re-number what is combined so far to stay in range
            _, combined = np.unique(combined, return_inverse=True)
            radix = int(combined.max()) + 1 if n else 1
        combined = combined * size + codes
        radix *= size
    if n == 0:
        return np.zeros(0, dtype=np.int64), 0
    uniques_combined, inverse = np.unique(combined, return_inverse=True)
    return inverse.astype(np.int64), len(uniques_combined)


def _spans(codes: np.ndarray, n_groups: int) -> tuple[np.ndarray, list[tuple[int, int]]]:
    order = np.argsort(codes, kind="stable")
    ends = np.cumsum(np.bincount(codes, minlength=n_groups))
    return order, list(zip((ends - np.diff(ends, prepend=0)).tolist(), ends.tolist(), strict=True))


def group_join(codes: np.ndarray, values: np.ndarray, sep: str, n_groups: int) -> np.ndarray:
    """The values of each group ``0 .. n_groups - 1`` joined with ``sep``, in their order."""
    order, spans = _spans(np.asarray(codes, dtype=np.int64), n_groups)
    ordered = np.asarray(values, dtype=object)[order].tolist()
    out = np.empty(len(spans), dtype=object)
    out[:] = [sep.join(ordered[a:b]) for a, b in spans]
    return out


def group_lists(codes: np.ndarray, values: np.ndarray, n_groups: int) -> list[list[int]]:
    """The values (row numbers) of each group ``0 .. n_groups - 1``, in their order."""
    order, spans = _spans(np.asarray(codes, dtype=np.int64), n_groups)
    ordered = np.asarray(values, dtype=np.int64)[order].tolist()
    return [ordered[a:b] for a, b in spans]

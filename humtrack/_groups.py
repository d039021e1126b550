"""Grouped work on arrays: group codes in key order, and per-group joins and lists."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["group_codes", "group_join", "group_lists", "grouped_order"]


def _key_codes(column: pd.Series) -> tuple[np.ndarray, int]:
    """Integer codes of one key column in sorted order (missing last), and how many there are."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy().astype(np.int64)
        size = len(column.cat.categories)
        return np.where(codes < 0, size, codes), size + 1
    if column.dtype.kind == "M":
        days = column.to_numpy().astype("datetime64[D]")
        missing = np.isnat(days)
        numbers = days.astype(np.int64)
        if missing.all():
            return np.zeros(len(column), dtype=np.int64), 1
        low, high = int(numbers[~missing].min()), int(numbers[~missing].max())
        return np.where(missing, high - low + 1, numbers - low), high - low + 2
    codes, uniques = pd.factorize(column, sort=True, use_na_sentinel=True)
    size = len(uniques)
    return np.where(codes < 0, size, codes).astype(np.int64), size + 1


def _combined_key(frame: pd.DataFrame, keys: Sequence[str]) -> np.ndarray:
    """One integer per row that sorts like the keys (renumbered if it would overflow)."""
    combined = np.zeros(len(frame), dtype=np.int64)
    radix = 1
    for key in keys:
        codes, size = _key_codes(frame[key])
        if radix * size >= 2**62:
            _, combined = np.unique(combined, return_inverse=True)
            combined = combined.astype(np.int64)
            radix = int(combined.max()) + 1 if len(combined) else 1
        combined = combined * size + codes
        radix *= size
    return combined


def group_codes(frame: pd.DataFrame, keys: Sequence[str]) -> tuple[np.ndarray, int]:
    """A group number for every row: groups numbered in the sorted order of their keys.

    Missing keys sort last and form a group of their own; categories sort in
    their categories' order, dates by date, other values by value.
    """
    if len(frame) == 0:
        return np.zeros(0, dtype=np.int64), 0
    uniques, inverse = np.unique(_combined_key(frame, keys), return_inverse=True)
    return inverse.astype(np.int64), len(uniques)


def grouped_order(
    frame: pd.DataFrame, keys: Sequence[str], *, stable: bool = True
) -> tuple[np.ndarray, np.ndarray, int]:
    """The rows sorted by group, the group number of each sorted row, and the count.

    The same groups as :func:`group_codes`, for work that goes group by group.
    With ``stable`` the rows of a group keep their order; without it the sort
    is several times faster, for work that does not depend on that order.
    """
    combined = _combined_key(frame, keys)
    order = np.argsort(combined, kind="stable" if stable else "quicksort")
    ordered = combined[order]
    new = np.empty(len(ordered), dtype=bool)
    new[:1] = True
    new[1:] = ordered[1:] != ordered[:-1]
    gid = np.cumsum(new) - 1
    return order, gid.astype(np.int64), int(new.sum())


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

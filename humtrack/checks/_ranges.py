"""Range queries over a sorted array, for many ranges at once (a sparse table)."""

from __future__ import annotations

import numpy as np

__all__ = ["range_best"]


def range_best(
    values: np.ndarray, left: np.ndarray, right: np.ndarray, *, largest: bool
) -> np.ndarray:
    """Position of the largest (or smallest) of ``values[left[i]:right[i]]`` for every i.

    Every range must be non-empty. Building costs O(n log m) for the longest
    range m; each query is two lookups, so many overlapping ranges stay cheap.
    """
    values = np.asarray(values, dtype=float)
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    if len(left) == 0:
        return np.empty(0, dtype=np.int64)
    length = right - left
    if (length <= 0).any():
        raise ValueError("range_best needs non-empty ranges")
    better = np.greater if largest else np.less
    level = np.flatnonzero(np.ones(len(values), dtype=bool)).astype(np.int64)
    table = [level]  # table[k][i]: best position in values[i : i + 2**k]
    span = 1
    longest = int(length.max())
    while span * 2 <= longest:
        prev = table[-1]
        a, b = prev[: len(prev) - span], prev[span:]
        table.append(np.where(better(values[b], values[a]), b, a))
        span *= 2
    k = np.floor(np.log2(length)).astype(np.int64)
    out = np.empty(len(left), dtype=np.int64)
    for level_k in np.unique(k):
        at = np.flatnonzero(k == level_k)
        row = table[int(level_k)]
        a = row[left[at]]
        b = row[right[at] - (1 << int(level_k))]
        out[at] = np.where(better(values[b], values[a]), b, a)
    return out

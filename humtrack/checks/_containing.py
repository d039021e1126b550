"""The lowest value among the intervals that contain each of many query intervals.

A two-dimensional dominance search: interval ``j`` contains query ``i`` when
``starts[j] <= q_starts[i]`` and ``ends[j] >= q_ends[i]``. The intervals are
sorted by start, so the candidates of a query are a prefix of that order; the
prefix splits into aligned blocks of powers of two (one per set bit of its
length, as in a Fenwick tree), and inside each block the intervals are sorted by
end, latest first, with a running minimum. A query then costs one binary search
per level, and the whole search O((n + q) log n) in array operations, whatever
the number of pairs that contain each other.
"""

from __future__ import annotations

import numpy as np

__all__ = ["lowest_containing"]


def lowest_containing(
    starts: np.ndarray,
    ends: np.ndarray,
    values: np.ndarray,
    q_starts: np.ndarray,
    q_ends: np.ndarray,
) -> np.ndarray:
    """For each query, the position of the lowest value over the intervals containing it.

    -1 where no interval contains the query. Starts and ends are integers (days,
    or days offset by a group key so that only intervals of one group can
    contain each other); values are floats without NaN.
    """
    starts = np.asarray(starts, dtype=np.int64)
    ends = np.asarray(ends, dtype=np.int64)
    values = np.asarray(values, dtype=float)
    q_starts = np.asarray(q_starts, dtype=np.int64)
    q_ends = np.asarray(q_ends, dtype=np.int64)
    n, q = len(starts), len(q_starts)
    if n == 0 or q == 0:
        return np.full(q, -1, dtype=np.int64)
    by_start = np.argsort(starts, kind="stable")
    prefix = np.searchsorted(starts[by_start], q_starts, side="right")
    distinct_ends = np.unique(ends)
    m = len(distinct_ends)
    # 0 for the latest end: "end >= e" becomes "late <= limit"
    late = (m - 1) - np.searchsorted(distinct_ends, ends[by_start])
    limit = (m - 1) - np.searchsorted(distinct_ends, q_ends, side="left")  # -1: none is late enough
    ordered_values = values[by_start]
    # queries with the same prefix and limit have the same answer: search each pair once,
    # in sorted order (which keeps the binary searches cache-friendly)
    pair, back = np.unique(prefix * (m + 1) + (limit + 1), return_inverse=True)
    prefix, limit = pair // (m + 1), pair % (m + 1) - 1
    q = len(pair)
    best = np.full(q, np.inf)
    best_pos = np.full(q, -1, dtype=np.int64)
    position = np.arange(n, dtype=np.int64)
    by_late = np.argsort(late, kind="stable")
    level = 0
    while (1 << level) <= n:
        uses = np.flatnonzero((prefix >> level) & 1)
        if len(uses):
            size = 1 << level
            block = position >> level
            n_blocks = int(block[-1]) + 1
            # each block's intervals, latest end first (a stable sort by block of the
            # order by end; small integer types let numpy sort by radix)
            of_block = block[by_late].astype(np.min_scalar_type(n_blocks))
            inside = by_late[np.argsort(of_block, kind="stable")]
            padded = n_blocks * size
            flat = np.full(padded, np.inf)
            flat[:n] = ordered_values[inside]
            grid = flat.reshape(n_blocks, size)
            running = np.minimum.accumulate(grid, axis=1)
            where = np.where(grid == running, np.arange(size), 0)
            holder = np.maximum.accumulate(where, axis=1)  # the column that set each minimum
            keys = block * (m + 1) + late[inside]
            wanted = (prefix[uses] >> level) - 1  # the block just before the prefix's end
            stop = np.searchsorted(keys, wanted * (m + 1) + limit[uses], side="right")
            found = stop > wanted * size
            uses, wanted, stop = uses[found], wanted[found], stop[found]
            column = stop - 1 - wanted * size
            low = running[wanted, column]
            better = low < best[uses]
            uses = uses[better]
            best[uses] = low[better]
            chosen = wanted[better] * size + holder[wanted[better], column[better]]
            best_pos[uses] = by_start[inside[chosen]]
        level += 1
    return best_pos[back]

"""Benchmark sizes, shrunk a thousandfold when ``HUMTRACK_BENCH_SMOKE`` is set.

The README's test runs every benchmark command as the README writes it, to prove that the
commands still run, not to time them: with the variable set, each benchmark works on a sliver
of its data and its figures mean nothing.
"""

from __future__ import annotations

import os


def smoke() -> bool:
    """Whether the benchmark is only being run to see that it runs."""
    return bool(os.environ.get("HUMTRACK_BENCH_SMOKE"))


def size(n: int, smallest: int = 100) -> int:
    """``n``, or a thousandth of it (at least ``smallest``) in a smoke run."""
    return max(smallest, n // 1000) if smoke() else n

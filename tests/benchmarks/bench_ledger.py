"""Speed of Parquet and of the ledger on a million claims; run on demand.

    python tests/benchmarks/bench_ledger.py [N]

Parquet: write N claims and read them back (with validation). Ledger: add N
claims in one transaction, then read the current state back. Each figure is
one run (the ledger grows with each add, so runs are not repeated).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

import humtrack as ht

sys.path.insert(0, str(Path(__file__).parent))
from bench_core import generate
from smoke import size


def timed(step: object) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = step()  # type: ignore[operator]
    return time.perf_counter() - t0, out


def main(n: int) -> None:
    claims = generate(n)
    print(f"humtrack {ht.__version__}, pandas {pd.__version__}, {n:,} claims")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.parquet"
        seconds, _ = timed(lambda: ht.write(claims, path))
        print(
            f"  Parquet write              {seconds:7.2f} s  ({path.stat().st_size / 2**20:.0f} MB)"
        )
        seconds, back = timed(lambda: ht.read(path))
        assert back == claims
        print(f"  Parquet read + validate    {seconds:7.2f} s")
        with ht.Ledger(Path(folder) / "ledger.sqlite") as ledger:
            seconds, _ = timed(lambda: ledger.add(claims))
            print(f"  ledger add (one transaction) {seconds:5.2f} s")
            seconds, now = timed(ledger.current)
            assert now == claims
            print(f"  ledger current()           {seconds:7.2f} s")


if __name__ == "__main__":
    main(size(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))

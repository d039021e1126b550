"""Speed of Parquet and of the ledger on a million claims; run on demand.

    python tests/benchmarks/bench_ledger.py [N]

Parquet: write N claims and read them back (with validation), best of 3. Ledger:
add N claims in one transaction to a new ledger (best of 3, a new file each
time), read the current state back (best of 3); then add N more claims whose ids
come in random order to that ledger (one run: it grows) and read the 2N back;
then correct, retract and read the history of single claims in the large ledger.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

import humtrack as ht

sys.path.insert(0, str(Path(__file__).parent))
from bench_core import generate


def timed(step: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = step()
    return time.perf_counter() - t0, out


def best(step: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    runs = [timed(step) for _ in range(repeat)]
    return min(s for s, _ in runs), runs[-1][1]


def main(n: int) -> None:
    claims = generate(n)
    print(f"humtrack {ht.__version__}, pandas {pd.__version__}, {n:,} claims")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.parquet"
        seconds, _ = best(lambda: ht.write(claims, path))
        size = path.stat().st_size / 2**20
        print(f"  Parquet write (best of 3)              {seconds:6.2f} s  ({size:.0f} MB)")
        seconds, back = best(lambda: ht.read(path))
        assert back == claims
        print(f"  Parquet read + validate (best of 3)    {seconds:6.2f} s")

        files = iter(Path(folder) / f"ledger{i}.sqlite" for i in range(3))

        def add_to_new_ledger() -> Path:
            ledger_path = next(files)
            with ht.Ledger(ledger_path) as ledger:
                ledger.add(claims)
            return ledger_path

        seconds, ledger_path = best(add_to_new_ledger)
        size = ledger_path.stat().st_size / 2**20
        print(f"  ledger add, new ledger (best of 3)     {seconds:6.2f} s  ({size:.0f} MB)")
        with ht.Ledger(ledger_path) as ledger:
            seconds, now = best(ledger.current)
            assert now == claims
            print(f"  ledger current() (best of 3)           {seconds:6.2f} s")

            more = claims.to_frame()
            order = np.random.default_rng(1).permutation(n)
            more["claim_id"] = [f"d{i:08d}" for i in order]  # new ids, in random order
            more = ht.ClaimSet(more)
            seconds, _ = timed(lambda: ledger.add(more))
            print(f"  ledger add {n:,} more, ids shuffled   {seconds:6.2f} s")
            seconds, now = timed(ledger.current)
            assert len(now) == 2 * n
            print(f"  ledger current() of {2 * n:,}        {seconds:6.2f} s")

            ids = iter(claims.frame["claim_id"].iloc[: 3 * 3].tolist())
            seconds, _ = best(lambda: ledger.correct(next(ids), reason="bench", notes="checked"))
            print(f"  ledger correct() one claim (best of 3) {seconds:6.2f} s")
            seconds, _ = best(lambda: ledger.retract(next(ids), reason="bench"))
            print(f"  ledger retract() one claim (best of 3) {seconds:6.2f} s")
            seconds, history = best(lambda: ledger.history(claims.frame["claim_id"].iloc[0]))
            assert history["action"].tolist() == ["add", "correct"]
            print(f"  ledger history() one claim (best of 3) {seconds:6.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)

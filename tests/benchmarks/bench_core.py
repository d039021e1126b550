"""Benchmark of the core bulk paths; run on demand, not in the test suite.

    python tests/benchmarks/bench_core.py [N]

Prints the best of five runs for each step on N generated claims (default
100,000): ClaimSet → Claim objects, Claim objects → ClaimSet, validating the
table, and a CSV and JSON write and read.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from smoke import size

import humtrack as ht


def generate(n: int, seed: int = 7, *, consistent: bool = False) -> ht.ClaimSet:
    """N valid claims with realistic spread: metrics, qualifiers, places, periods, quotes.

    By default every figure is drawn on its own, so claims about the same quantity
    disagree wildly (a worst case for the checks, which then report most claims).
    With ``consistent`` the figures agree as careful sources do (one level per
    metric and place, flows growing with their window) except 1% drawn at random.
    """
    rng = np.random.default_rng(seed)
    metrics = np.array(["killed", "injured", "displaced", "idps", "refugees", "in_need"])
    metric_code = rng.integers(0, len(metrics), n)
    metric = metrics[metric_code]
    kind = np.where(np.isin(metric, ["idps", "refugees", "in_need"]), "stock", "flow")
    value = np.round(rng.lognormal(6, 2, n), -1)
    place_code = rng.integers(0, 4, n)
    qualifier = np.array(["exact", "more_than", "approx", "at_least"])[rng.integers(0, 4, n)]
    lower = np.where(qualifier == "approx", np.nan, value)
    upper = np.where(qualifier == "exact", value, np.nan)
    start = pd.Timestamp(date(2019, 1, 1)) + pd.to_timedelta(rng.integers(0, 1500, n), unit="D")
    length = pd.to_timedelta(rng.integers(0, 60, n), unit="D")
    end = start + length
    start = start.where(kind == "flow", end)
    if consistent:
        level = np.round(rng.lognormal(6, 2, (len(metrics), 4)), -1) + 10
        level[:, 2] += level[:, 0] + level[:, 1]  # Syria holds Idlib (SY07) and Aleppo (SY02)
        days = (length.days.to_numpy() + 1).astype(float)
        agreed = level[metric_code, place_code] * np.where(kind == "flow", days, 1.0)
        value = np.where(rng.random(n) < 0.01, value, agreed)
        lower = np.where(qualifier == "approx", np.nan, value)
        upper = np.where(qualifier == "exact", value, np.nan)
    # each quote states its own figure and qualifier, as a recorded claim's quote does
    phrase = {"exact": "", "more_than": "more than ", "approx": "about ", "at_least": "at least "}
    written = pd.Series(value).map("{:,.0f}".format)
    quote = pd.Series(qualifier).map(phrase) + written + " people “quoted”"
    frame = pd.DataFrame(
        {
            "claim_id": [f"c{i:08d}" for i in range(n)],
            "source_id": [f"s{i % 5000:05d}" for i in range(n)],
            "metric": metric,
            "kind": kind,
            "value": value,
            "lower": lower,
            "upper": upper,
            "qualifier": qualifier,
            "precision": 10.0,
            "location": "Idlib",
            "location_code": np.array(["SY07", "SY02", "SY", "TR"])[place_code],
            "period_start": start,
            "period_end": end,
            "quote": quote.to_numpy(),
            "quote_start": 100,
        }
    )
    frame["quote_end"] = 100 + frame["quote"].str.len()
    return ht.ClaimSet(frame)


def best(step: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(n: int) -> None:
    claims = generate(n)
    objects = claims.to_claims()
    print(f"humtrack {ht.__version__}, pandas {pd.__version__}, {n:,} claims (best of 5)")
    print(f"  ClaimSet -> Claim objects   {best(claims.to_claims):7.3f} s")
    print(f"  Claim objects -> ClaimSet   {best(lambda: ht.ClaimSet.from_claims(objects)):7.3f} s")
    print(f"  validate (schema, lazy)     {best(lambda: ht.validate(claims), 3):7.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        for ext in ("csv", "json", "parquet"):
            path = Path(tmp) / f"claims.{ext}"
            write_time = best(lambda p=path: ht.write(claims, p), 3)
            read_time = best(lambda p=path: ht.read(p), 3)
            print(f"  write {ext:<4}                  {write_time:7.3f} s")
            print(f"  read {ext:<4} (with validation) {read_time:7.3f} s")


if __name__ == "__main__":
    main(size(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))

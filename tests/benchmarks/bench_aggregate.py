"""Speed of triangulation and totals on a million claims; run on demand.

    python tests/benchmarks/bench_aggregate.py [N] [QUANTITIES]

1. ``humtrack.triangulate`` on N generated claims (default 1,000,000) about
   QUANTITIES quantities (default 100,000), against a plain pandas groupby
   written below and run in the same process on the same table: the effective
   bounds, then per quantity the lowest lower bound, the highest upper bound,
   the median and the count. Target: within 2 times the plain groupby.
2. ``humtrack.total`` over the triangulated table, across places (flows and
   stocks per metric, period and group), keeping the whole country where the
   table also has its governorates (``resolve="widest"``). Target: well under
   a second. Then daily tolls for a country and its governorates added over
   places and days at once, keeping the governorates: every pair of figures
   whose places nest and days overlap must be found, without comparing all.

Each figure is the best of three runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

import humtrack as ht
from humtrack.aggregate import QUANTITY
from humtrack.aggregate.triangulation import with_what

sys.path.insert(0, str(Path(__file__).parent))
from bench_core import best
from smoke import size


def generate(n: int, quantities: int, seed: int = 11) -> ht.ClaimSet:
    """N claims about QUANTITIES quantities, several sources each, mostly agreeing."""
    rng = np.random.default_rng(seed)
    metrics = np.array(["killed", "injured", "displaced", "idps", "refugees", "in_need"])
    q_metric = metrics[rng.integers(0, len(metrics), quantities)]
    q_stock = np.isin(q_metric, ["idps", "refugees", "in_need"])
    q_place = np.array([f"SY{p:02d}" for p in range(1, 15)] + ["SY", "TR", "LB", "JO"])[
        rng.integers(0, 18, quantities)
    ]
    q_end = pd.Timestamp("2019-01-01") + pd.to_timedelta(rng.integers(0, 2000, quantities), "D")
    q_start = q_end - pd.to_timedelta(np.where(q_stock, 0, rng.integers(0, 90, quantities)), "D")
    q_level = np.round(rng.lognormal(7, 2, quantities), -1) + 10
    pick = rng.integers(0, quantities, n)
    value = np.round(q_level[pick] * rng.uniform(0.8, 1.2, n), -1)
    qualifier = np.array(["exact", "more_than", "approx", "at_least"])[rng.integers(0, 4, n)]
    originators = np.array([None, "UNHCR", "OCHA", "the ministry", "SOHR", "IOM"], dtype=object)
    frame = pd.DataFrame(
        {
            "claim_id": [f"c{i:08d}" for i in range(n)],
            "source_id": [f"s{i:05d}" for i in rng.integers(0, 20_000, n)],
            "metric": q_metric[pick],
            "kind": np.where(q_stock[pick], "stock", "flow"),
            "value": value,
            "lower": np.where(qualifier == "approx", np.nan, value),
            "upper": np.where(qualifier == "exact", value, np.nan),
            "qualifier": qualifier,
            "precision": 10.0,
            "location": "somewhere",
            "location_code": q_place[pick],
            "period_start": q_start[pick],
            "period_end": q_end[pick],
            "attributed_to": originators[rng.integers(0, len(originators), n)],
            "credibility": rng.integers(1, 7, n),
        }
    )
    return ht.ClaimSet(frame)


def daily_tolls(days: int, governorates: int) -> ht.ClaimSet:
    """A toll for every day, for a country and for each of its governorates."""
    day = pd.Timestamp("2015-01-01") + pd.to_timedelta(np.arange(days), "D")
    codes = ["SY"] + [f"SY{i:02d}" for i in range(1, governorates + 1)]
    frames = [
        pd.DataFrame(
            {
                "claim_id": [f"{code}-{i}" for i in range(days)],
                "metric": "killed",
                "kind": "flow",
                "value": 10.0,
                "lower": 10.0,
                "upper": 10.0,
                "qualifier": "exact",
                "precision": 1.0,
                "location_code": code,
                "period_start": day,
                "period_end": day,
            }
        )
        for code in codes
    ]
    return ht.ClaimSet(pd.concat(frames, ignore_index=True))


def plain_pandas(frame: pd.DataFrame) -> pd.DataFrame:
    """Effective bounds, then lower/upper/median/count per quantity, in plain pandas."""
    q = frame["qualifier"].astype(object)
    v, p = frame["value"], frame["precision"].fillna(0.0)
    lo = np.select(
        [q == "exact", q == "approx", q.isin(["at_least", "more_than", "vague"])],
        [v - p / 2, v - p, frame["lower"]],
        default=np.where(q.isin(["at_most", "less_than"]), 0.0, frame["lower"]),
    )
    hi = np.select(
        [q == "exact", q == "approx", q.isin(["at_least", "more_than", "vague"])],
        [v + p / 2, v + p, np.inf],
        default=frame["upper"],
    )
    work = with_what(frame).assign(lo=np.maximum(lo, 0.0), hi=hi)
    return work.groupby(list(QUANTITY), observed=True, dropna=False).agg(
        lower=("lo", "min"), upper=("hi", "max"), central=("value", "median"), n=("value", "size")
    )


def main(n: int, quantities: int) -> None:
    claims = generate(n, quantities)
    frame = claims.frame
    table = ht.triangulate(claims)
    plain_table = plain_pandas(frame)
    assert len(table) == len(plain_table), (len(table), len(plain_table))
    assert np.allclose(np.sort(table["central"]), np.sort(plain_table["central"]))
    print(
        f"humtrack {ht.__version__}, pandas {pd.__version__}: {n:,} claims, {len(table):,} quantities"
    )
    plain = best(lambda: plain_pandas(frame), 3)
    ours = best(lambda: ht.triangulate(claims), 3)
    print(f"  plain pandas groupby (bounds, median, count)  {plain:7.3f} s")
    print(f"  humtrack.triangulate                          {ours:7.3f} s  ({ours / plain:.2f}x)")
    across = best(lambda: ht.total(table, over="location", resolve="widest"), 3)
    totals = ht.total(table, over="location", resolve="widest")
    print(
        f"  humtrack.total over places, from the table    {across:7.3f} s  ({len(totals):,} totals)"
    )
    daily = daily_tolls(days=3650, governorates=14)
    both = best(lambda: ht.total(daily, over=["location", "period"], resolve="narrowest"), 3)
    print(
        f"  humtrack.total over places and days at once   {both:7.3f} s  "
        f"({len(daily):,} daily tolls for a country and its governorates)"
    )


if __name__ == "__main__":
    main(
        size(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000),
        size(int(sys.argv[2]) if len(sys.argv) > 2 else 100_000, smallest=10),
    )

"""Speed of validation and of the figure checks on a million claims; run on demand.

    python tests/benchmarks/bench_checks.py [N]

1. ``humtrack.validate`` against a plain pandas implementation of the same schema
   rules, written below and run in the same process on the same table: the
   columns and their order, text not blank, the vocabularies, non-negative
   finite numbers, whole-day dates, credibility 1-6, unique claim ids, bounds
   in order and matching the qualifier, the value inside its bounds, periods in
   order, a start for every stock, and quote offsets that span the quote.
   Target: validate within 2 times the plain implementation.
2. ``humtrack.check`` on N claims without source texts (every rule that needs no
   text: dates, conflicts, independence, part and whole, plausibility against the
   shipped reference populations, kind misuse), twice: on figures that agree as
   careful sources do except 1% drawn at random, and on the same table as step 1,
   where every figure is drawn on its own and most claims end up in a finding
   (the cost is then mostly writing the messages). Target: seconds.

Both print the best of three runs (N defaults to 1,000,000).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

import humtrack as ht
from humtrack.schema import CLAIM_DTYPES
from humtrack.vocab import vocabulary

sys.path.insert(0, str(Path(__file__).parent))
from bench_core import best, generate
from smoke import size

TEXT_COLUMNS = ("claim_id", "source_id", "subject", "location", "location_code")
TEXT_COLUMNS += ("origin_code", "attributed_to")
CATEGORIES = ("metric", "group", "kind", "qualifier", "unit", "status")
NUMBERS = ("value", "lower", "upper", "precision")


def plain_pandas_validate(df: pd.DataFrame) -> pd.DataFrame:
    """The schema rules written directly in pandas: one (row, check) per failure."""
    failures: list[pd.DataFrame] = []

    def fail(mask: pd.Series, check: str) -> None:
        rows = np.flatnonzero(mask.to_numpy(dtype=bool))
        if len(rows):
            failures.append(pd.DataFrame({"row": rows, "check": check}))

    assert list(df.columns) == list(CLAIM_DTYPES), "columns"
    for name in TEXT_COLUMNS:
        s = df[name].astype(CLAIM_DTYPES[name])
        fail(s.notna() & (s.str.strip() == ""), f"{name}_blank")
    fail(df["claim_id"].isna(), "claim_id_missing")
    fail(df["claim_id"].duplicated(keep=False), "claim_id_unique")
    for name in CATEGORIES:
        s = df[name].astype(object)
        fail(~s.isin(vocabulary(name)), f"{name}_vocabulary")
    for name in NUMBERS:
        s = df[name].astype("float64")
        fail(s.notna() & ((s < 0) | ~np.isfinite(s)), f"{name}_range")
    fail(df["value"].isna(), "value_missing")
    for name in ("period_start", "period_end"):
        s = pd.to_datetime(df[name])
        fail(s.notna() & (s != s.dt.normalize()), f"{name}_date_only")
    fail(df["period_end"].isna(), "period_end_missing")
    cred = df["credibility"].astype("Int64")
    fail(cred.isna() | (cred < 1) | (cred > 6), "credibility_range")
    lower, upper, value = df["lower"], df["upper"], df["value"]
    fail(lower > upper, "bounds_order")
    fail((value < lower) | (value > upper), "value_in_bounds")
    q = df["qualifier"].astype(object)
    lo_na, hi_na = lower.isna(), upper.isna()
    bad = (q == "exact") & ~((lower == value) & (upper == value))
    bad |= (q == "approx") & ~(lo_na & hi_na)
    bad |= q.isin(["at_least", "more_than", "vague"]) & ~(~lo_na & hi_na)
    bad |= q.isin(["at_most", "less_than"]) & ~(lo_na & ~hi_na)
    bad |= (q == "range") & (lo_na | hi_na)
    fail(bad, "bounds_qualifier")
    fail(df["period_start"] > df["period_end"], "period_order")
    fail(df["period_start"].isna() & (df["kind"].astype(object) == "stock"), "stock_start")
    start, end = df["quote_start"], df["quote_end"]
    length = df["quote"].str.len()
    span_bad = (df["quote"].notna() != start.notna()) | (start.notna() != end.notna())
    span_bad |= ((end - start) != length).fillna(False).astype(bool)
    span_bad |= ((start < 0) | (end < start)).fillna(False).astype(bool)
    fail(span_bad, "quote_span")
    return pd.concat(failures) if failures else pd.DataFrame({"row": [], "check": []})


def main(n: int) -> None:
    claims = generate(n)
    frame = claims.frame
    assert plain_pandas_validate(frame).empty
    assert ht.validate(frame).ok
    print(f"humtrack {ht.__version__}, pandas {pd.__version__}, {n:,} claims (best of 3)")
    plain = best(lambda: plain_pandas_validate(frame), 3)
    ours = best(lambda: ht.validate(frame), 3)
    print(f"  plain pandas schema rules   {plain:7.3f} s")
    print(f"  humtrack.validate           {ours:7.3f} s  ({ours / plain:.2f}x the plain rules)")
    for label, table in (
        ("figures that mostly agree", generate(n, consistent=True)),
        ("every figure drawn alone", claims),
    ):
        findings = ht.check(table)
        checked = best(lambda t=table: ht.check(t), 3)
        counts = findings.frame["code"].value_counts().sort_index()
        print(f"  humtrack.check, {label}: {checked:7.3f} s  ({len(findings):,} findings)")
        print("    by code: " + ", ".join(f"{c} {k:,}" for c, k in counts.items()))


if __name__ == "__main__":
    main(size(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))

"""Precision and recall of extraction against hand-annotated splits.

    python tests/benchmarks/eval_extract.py tests/data/eval/holdout [SPLIT ...] [--details]

Extracts every text of each split with its sources table and scores the
candidates against the split's claims.csv: precision and recall of value +
metric, and on the matched figures the accuracy of qualifier, kind, period
and place (see humtrack.extract.evaluate). With more than one split, a last
line scores them all together. ``--details`` lists every miss, extra
candidate and wrong field: use it on development splits only, never on the
held-out ones, or they stop measuring text the rules were not tuned on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

import humtrack as ht
from humtrack.extract import evaluate


def _details(found: ht.ClaimSet, recorded: ht.ClaimSet, pairs: pd.DataFrame) -> None:
    f = found.frame.set_index("claim_id")
    r = recorded.frame.set_index("claim_id")
    for pair in pairs.itertuples(index=False):
        rid = pair.recorded_id if isinstance(pair.recorded_id, str) else None
        fid = pair.found_id if isinstance(pair.found_id, str) else None
        fields_ok = pair.metric_ok and pair.qualifier_ok and pair.kind_ok and pair.period_ok
        if rid and fid and fields_ok and pair.place_ok:
            continue
        if rid and not fid:
            g = r.loc[rid]
            print(f"MISSED {rid}: {g['value']:g} {g['metric']} | {g['quote']}")
        elif fid and not rid:
            c = f.loc[fid]
            print(f"EXTRA  {fid}: {c['value']:g} {c['metric']} | {c['quote'][:120]}")
        else:
            c, g = f.loc[fid], r.loc[rid]
            keys = ("metric", "qualifier", "kind", "location_code", "period_start", "period_end")
            wrong = [f"{k}: {c[k]} != {g[k]}" for k in keys if str(c[k]) != str(g[k])]
            print(f"DIFF   {rid}: {g['value']:g} {'; '.join(wrong)} | {g['quote'][:100]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "splits", nargs="+", type=Path, help="folders with sources.csv and claims.csv"
    )
    parser.add_argument("--details", action="store_true", help="list every miss and wrong field")
    args = parser.parse_args(argv)
    all_found: list[ht.ClaimSet] = []
    all_recorded: list[ht.ClaimSet] = []
    for split in args.splits:
        missing = [n for n in ("sources.csv", "claims.csv") if not (split / n).is_file()]
        if missing:
            parser.error(f"{split}: no {' or '.join(missing)} there; is it an evaluation split?")
        try:
            sources = ht.read_sources(split / "sources.csv")
            paths = [split / str(p) for p in sources["path"]]
            found = ht.extract_files(paths, sources=sources)
            recorded = ht.read(split / "claims.csv")
        except ht.HumtrackError as exc:
            print(f"{split}: {exc}", file=sys.stderr)
            return 2
        result = evaluate(found, recorded)
        print(f"{split}: {len(paths)} texts")
        print(result)
        if args.details:
            _details(found, recorded, result.pairs)
        all_found.append(found)
        all_recorded.append(recorded)
    if len(args.splits) > 1:
        print(f"all {len(args.splits)} splits together:")
        print(evaluate(ht.ClaimSet.concat(all_found), ht.ClaimSet.concat(all_recorded)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

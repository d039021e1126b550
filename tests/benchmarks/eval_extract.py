"""Precision and recall of extraction against a hand-annotated split.

    python tests/benchmarks/eval_extract.py tests/data/eval/holdout [--details]

Extracts every text of the split with its sources table and scores the
candidates against the split's claims.csv: precision and recall of value +
metric, and on the matched figures the accuracy of qualifier, kind, period
and place (see humtrack.extract.evaluate).
"""

from __future__ import annotations

import sys
from pathlib import Path

import humtrack as ht
from humtrack.extract import evaluate


def main(split: Path, *, details: bool) -> None:
    sources = ht.read_sources(split / "sources.csv")
    paths = [split / str(p) for p in sources["path"]]
    found = ht.extract_files(paths, sources=sources)
    recorded = ht.read(split / "claims.csv")
    result = evaluate(found, recorded)
    print(f"{split}: {len(paths)} texts")
    print(result)
    if details:
        f = found.frame.set_index("claim_id")
        r = recorded.frame.set_index("claim_id")
        for pair in result.pairs.itertuples(index=False):
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
                wrong = [
                    f"{k}: {c[k]} != {g[k]}"
                    for k in (
                        "metric",
                        "qualifier",
                        "kind",
                        "location_code",
                        "period_start",
                        "period_end",
                    )
                    if str(c[k]) != str(g[k])
                ]
                print(f"DIFF   {rid}: {g['value']:g} {'; '.join(wrong)} | {g['quote'][:100]}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), details="--details" in sys.argv[2:])

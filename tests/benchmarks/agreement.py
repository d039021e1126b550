"""How far two hand annotations of the same texts agree.

    python tests/benchmarks/agreement.py tests/data/eval/dev17/claims.csv \
        tests/data/eval/dev17/second_annotation.csv

Scores the second table against the first exactly as extraction is scored against a split
(humtrack.extract.evaluate): precision and recall of value + metric, then the accuracy of
qualifier, kind, period and place on the figures both annotators recorded. The F1 of two careful
annotators is the ceiling an extractor scored against either of them can reach.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import humtrack as ht
from humtrack.extract import evaluate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=Path, help="the first annotation (claims table)")
    parser.add_argument("second", type=Path, help="the second annotation of the same texts")
    args = parser.parse_args(argv)
    first, second = ht.read(args.first), ht.read(args.second)
    result = evaluate(second, first)
    print(f"{len(first)} and {len(second)} figures recorded; {result}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

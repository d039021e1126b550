"""How another tool uses humtrack as a dependency.

Imagine ``toll-feed``, a small tool of its own that gathers daily death tolls from partners as
rows of its own shape (place, day, the figure as written, where it was read) and publishes one
figure per place and day to a dashboard. It lists ``humtrack`` among its dependencies and leans
on it for four things:

1. reading "more than 200" or "between 40 and 50" into value, bounds, qualifier and precision
   (``ht.Estimate.parse``), with a clear message for a figure it cannot read;
2. validating its rows as canonical claims (``ht.ClaimSet``): a bad row raises
   ``ht.SchemaError`` whose ``.report`` names the row and column and whose ``.valid`` keeps
   every good row, so nothing valid is lost;
3. checking the figures against each other (``ht.check``);
4. one honest range per place and day (``ht.triangulate``), said in words
   (``ht.Estimate.from_interval``).

The partner rows below are made up for the example. Run from the repository's root:

    python examples/as_a_dependency.py [OUT.json]

It prints what it set aside and what the checks found, and writes the dashboard's JSON to
OUT.json (to standard output without an argument).
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pandas as pd

import humtrack as ht

# rows as a partner's spreadsheet gives them (made up for this example)
PARTNER_ROWS: list[dict[str, str]] = [
    {"place": "Idlib", "pcode": "SY07", "day": "2019-05-16", "figure": "more than 200",
     "said_by": "a local council", "url": "https://example.org/a"},
    {"place": "Idlib", "pcode": "SY07", "day": "2019-05-16", "figure": "between 40 and 50",
     "said_by": "a hospital network", "url": "https://example.org/b"},
    {"place": "Hama", "pcode": "SY05", "day": "2019-05-16", "figure": "about 30",
     "said_by": "a civil defence team", "url": "https://example.org/c"},
    {"place": "Hama", "pcode": "SY05", "day": "2019-05-16", "figure": "thirty-one",
     "said_by": "a monitoring group", "url": "https://example.org/d"},
    {"place": "Aleppo", "pcode": "SY02", "day": "2019-05-32", "figure": "12",
     "said_by": "a local council", "url": "https://example.org/e"},
    {"place": "Aleppo", "pcode": "SY02", "day": "2019-05-16", "figure": "a lot",
     "said_by": "a local council", "url": "https://example.org/f"},
]  # fmt: skip


def to_claims(rows: list[dict[str, str]]) -> tuple[ht.ClaimSet, list[str]]:
    """The partner's rows as validated claims, and a message for every row set aside."""
    records: list[dict[str, Any]] = []
    set_aside: list[str] = []
    for number, row in enumerate(rows):
        try:
            estimate = ht.Estimate.parse(row["figure"])
        except ht.ParseError as error:
            set_aside.append(f"row {number}: figure {row['figure']!r}: {error}")
            continue
        records.append(
            {
                "claim_id": f"feed-{number}",
                "source_id": row["url"],
                "metric": "killed",
                "kind": "flow",
                "value": estimate.value,
                "lower": estimate.lower,
                "upper": estimate.upper,
                "qualifier": estimate.qualifier,
                "precision": estimate.precision,
                "location": row["place"],
                "location_code": row["pcode"],
                "period_start": row["day"],
                "period_end": row["day"],
                # no quote: the partner's sheet gives the figure, not the words around it
                "notes": f"as written by the partner: {row['figure']}",
                "attributed_to": row["said_by"],
            }
        )
    try:
        claims = ht.ClaimSet(pd.DataFrame(records))
    except ht.SchemaError as error:
        for failure in error.report.failures.itertuples():
            original = records[int(failure.row)]["claim_id"].removeprefix("feed-")
            set_aside.append(
                f"row {original}: {failure.column} {failure.value!r}: {failure.message}"
            )
        claims = error.valid  # every valid row is kept
    return claims, set_aside


def dashboard(claims: ht.ClaimSet) -> list[dict[str, Any]]:
    """One entry per place and day: the honest range in words and how many stand behind it."""
    table = ht.triangulate(claims)
    entries = []
    for row in table.itertuples():
        estimate = ht.Estimate.from_interval(row.central, row.lower, row.upper)
        entries.append(
            {
                "place": row.location_code,
                "day": row.period_end.strftime("%Y-%m-%d"),
                "killed": estimate.phrase,
                "lower": row.lower,
                "upper": None if row.upper == float("inf") else row.upper,
                "claims": int(row.n_claims),
                "independent": int(row.n_independent),
                "conflict": bool(row.conflict),
            }
        )
    return entries


def main(argv: list[str]) -> int:
    claims, set_aside = to_claims(PARTNER_ROWS)
    for message in set_aside:
        print(f"set aside: {message}")
    findings = ht.check(claims, select=["C"])  # conflicts between figures only: no texts here
    for finding in findings.frame.itertuples():
        print(f"{finding.code} {finding.severity}: {finding.message}")
    entries = dashboard(claims)
    text = json.dumps(entries, indent=2)
    if len(argv) > 1:
        with open(argv[1], "w", encoding="utf-8") as out:
            out.write(text + "\n")
        print(f"{len(entries)} figures written to {argv[1]}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

"""From many claims to one defensible figure, and totals that keep their bounds.

Run from the repository root:

    python examples/aggregating.py

The seed claims are joined by three made-up ones, marked as such, so that
there is something to triangulate and to add up: a second source on the
Idlib displacement of May 2019, a displacement figure for Hama governorate
over the same days, and a Syria-wide figure for the same days.
"""

from __future__ import annotations

import pandas as pd

import humtrack as ht

claims = ht.read("seeds/claims.csv").frame
idlib = claims[claims["claim_id"] == "s001-c01"]  # "more than 200,000" displaced, 1-16 May 2019
illustrations = pd.concat(
    [
        idlib.assign(
            claim_id="x-idlib", source_id="x1", value=180000.0, lower=None, upper=None,
            qualifier="approx", precision=10000.0, quote=None, quote_start=None,
            quote_end=None, attributed_to="OCHA", notes="made up for this example",
        ),
        idlib.assign(
            claim_id="x-hama", source_id="x1", location="Hama", location_code="SY05",
            value=30000.0, lower=30000.0, upper=30000.0, qualifier="exact", precision=10000.0,
            quote=None, quote_start=None, quote_end=None, notes="made up for this example",
        ),
        idlib.assign(
            claim_id="x-syria", source_id="x1", location="Syria", location_code="SY",
            value=250000.0, lower=250000.0, upper=None, qualifier="more_than",
            precision=10000.0, quote=None, quote_start=None, quote_end=None,
            notes="made up for this example",
        ),
    ]
)  # fmt: skip
claims = pd.concat([claims, illustrations], ignore_index=True)

# 1. One row per quantity: two claims about Idlib, 1-16 May 2019
table = ht.triangulate(claims, sources="seeds/sources.csv")
displaced = table[table["metric"] == "displaced"]
columns = ["location_code", "n_claims", "n_independent", "lower", "upper", "central", "conflict"]
print(displaced[columns].to_string(index=False))

# 2. Idlib and Hama together: the Syria-wide figure contains both, so adding all three
#    would count people twice
try:
    ht.total(table[table["metric"] == "displaced"], over="location")
except ht.AggregationError as error:
    print(f"\nAggregationError: {error}")

# 3. Keep the governorates (the narrowest figures) and add them up
totals = ht.total(table[table["metric"] == "displaced"], over="location", resolve="narrowest")
row = totals.iloc[0]
estimate = ht.Estimate.from_interval(row["central"], row["lower"], row["upper"])
print(f"\nIdlib + Hama, 1-16 May 2019: {estimate.phrase}; left out: {row['left_out']}")

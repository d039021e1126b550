"""Load the seed figures as a validated table and as typed objects, and print them.

Run from the project's root:  python examples/quickstart.py
"""

from __future__ import annotations

from pathlib import Path

import humtrack as ht

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def main() -> None:
    claims = ht.read(SEEDS / "claims.csv")
    sources = {
        s.source_id: s for s in ht.sources_from_frame(ht.read_sources(SEEDS / "sources.csv"))
    }
    print(f"{len(claims)} claims from {len(sources)} sources\n")
    for claim in claims:
        source = sources[str(claim.source_id)]
        low, high = claim.estimate.interval()
        print(
            f"{claim.claim_id}: {claim.estimate} {claim.unit} {claim.metric} ({claim.group}, "
            f"{claim.kind}) in {claim.location} {claim.period} "
            f"[effective {low:,.0f} to {'open' if high == float('inf') else f'{high:,.0f}'}]"
        )
        print(f"    “{claim.quote}” — {source.publisher}, {source.publication_window}")
    frame = claims.frame
    print("\nas a DataFrame:", frame.shape, "— metrics:", ", ".join(sorted(set(frame["metric"]))))


if __name__ == "__main__":
    main()

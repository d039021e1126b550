"""Draw the seed figures: a forest of claims, a forest of quantities, and a timeline.

Run from the repository root after installing the plot extra
(``pip install -e '.[plot]'``):

    python examples/pictures.py [FOLDER]

The three PNG files are written to FOLDER (the current folder by default).
"""

from __future__ import annotations

import sys
from pathlib import Path

import humtrack as ht
from humtrack.plot import forest, timeline

folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
folder.mkdir(parents=True, exist_ok=True)
claims = ht.read("seeds/claims.csv")
pictures = {
    "seed_claims.png": forest(claims, sources="seeds/sources.csv", title="The seed claims"),
    "seed_quantities.png": forest(
        ht.triangulate(claims, sources="seeds/sources.csv"), title="The seed quantities"
    ),
    "seed_timeline.png": timeline(claims, title="The seed claims over time"),
}
for name, figure in pictures.items():
    figure.savefig(folder / name, dpi=100)
    print(folder / name)

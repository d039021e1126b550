"""Speed of extraction: prose, adversarial text, and quantulum3 side by side.

    python tests/benchmarks/bench_extract.py

Measures characters per second (best of three runs) of :func:`humtrack.extract` over the seed
articles repeated to about a megabyte, over a megabyte of adversarial text (digits, commas
and spaces, runs of number words, no sentence ends, no other word), over a
harder megabyte of number soup that mixes in counted nouns, verbs, places, qualifiers and a
few sentence ends (``humtrack.testing.NUMBER_SOUP_WORDS``), over a
megabyte of one table written as text whose rows name nothing they count (each row
looks up the rows above it for what the list counts), and —
when quantulum3 is importable — quantulum3 parsing the same prose paragraph by
paragraph. quantulum3 is not a dependency of humtrack: install it into the
environment only for this benchmark (``pip install quantulum3``). Because it
is slow, it parses the first 60,000 characters and its rate is reported per
character.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from smoke import size

import humtrack as ht
from humtrack.testing import NUMBER_SOUP_WORDS

ROOT = Path(__file__).resolve().parents[2]
MEGABYTE = size(1_000_000, smallest=20_000)


def prose() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    joined = "\n\n".join(texts)
    return (joined + "\n\n") * (MEGABYTE // len(joined) + 1)


# adversarial text: digits, commas and spaces, long runs of number words, no sentence ends,
# and no other word
NUMBERS_ONLY = (
    "1", "22", "333", "4,000", "5 000", "000", "0 800", "12,345,678", "1.5", ",", ", ", " ",
    "one", "two", "six", "seven", "twenty-one", "ninety-nine", "hundred", "thousand", "million",
    "dozen", "a", "and",
)  # fmt: skip


def soup(pieces: tuple[str, ...], seed: int = 3) -> str:
    """About a megabyte of ``pieces`` in random order, most of them with a space after."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < MEGABYTE:
        piece = rng.choice(pieces)
        out.append(piece)
        out.append(" " if rng.random() < 0.7 else "")
        size += len(piece) + 1
    return "".join(out)


def long_table() -> str:
    rows = ["PLACES\n"]
    size = len(rows[0])
    i = 0
    while size < MEGABYTE:
        row = f"Place {i}: {i * 7 % 99_991:,} households\n"
        rows.append(row)
        size += len(row)
        i += 1
    return "".join(rows)


def rate(text: str, repeat: int = 3) -> tuple[float, int]:
    """Characters per second of the best of ``repeat`` runs (the least disturbed by other work on
    the machine), and the number of candidates."""
    source = ht.Source("bench", published=ht.Period.parse("2019-05-28").end)
    best = float("inf")
    found = ht.ClaimSet()
    for _ in range(repeat):
        t0 = time.perf_counter()
        found = ht.extract(text, source=source)
        best = min(best, time.perf_counter() - t0)
    return len(text) / best, len(found)


def main() -> None:
    text = prose()
    ours, n = rate(text)
    print(
        f"humtrack.extract, seeds repeated ({len(text):,} chars): {ours / 1e6:.2f} MB/s ({n:,} candidates)"
    )
    plain = soup(NUMBERS_ONLY)
    plain_rate, n_plain = rate(plain)
    print(
        f"humtrack.extract, digits and number words ({len(plain):,} chars): {plain_rate / 1e6:.2f}"
        f" MB/s ({n_plain:,} candidates); cost per character {ours / plain_rate:.1f}x prose"
    )
    adv = soup(NUMBER_SOUP_WORDS)
    adv_rate, n_adv = rate(adv)
    print(
        f"humtrack.extract, number soup with counted nouns, verbs and places ({len(adv):,} chars):"
        f" {adv_rate / 1e6:.2f} MB/s ({n_adv:,} candidates); cost per character"
        f" {ours / adv_rate:.1f}x prose"
    )
    table = long_table()
    table_rate, n_table = rate(table)
    print(
        f"humtrack.extract, one long table ({len(table):,} chars): {table_rate / 1e6:.2f} MB/s"
        f" ({n_table:,} candidates); cost per character {ours / table_rate:.1f}x prose"
    )
    try:
        from quantulum3 import parser  # type: ignore[import-not-found]
    except ImportError:
        print("quantulum3 is not installed: pip install quantulum3 (for this benchmark only)")
        return
    sample = text[:60_000]
    t0 = time.perf_counter()
    for paragraph in sample.split("\n\n"):
        if paragraph.strip():
            parser.parse(paragraph)
    theirs = len(sample) / (time.perf_counter() - t0)
    print(
        f"quantulum3 paragraph by paragraph ({len(sample):,} chars): {theirs / 1e6:.4f} MB/s; "
        f"humtrack is {ours / theirs:.0f}x faster"
    )


if __name__ == "__main__":
    main()

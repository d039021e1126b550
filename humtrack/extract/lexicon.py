"""The words that tell what a figure counts, loaded from ``humtrack/data/extract_*.csv``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from humtrack._data import read_data_csv, read_data_text
from humtrack.extract._scan import word_scan
from humtrack.extract._trie import trie_pattern

__all__ = ["Lexicon", "NounCue", "lexicon"]

#: Words that end a noun phrase after a number (verbs, prepositions, conjunctions ...).
STOP_WORDS: Final = frozenset(
    word
    for line in read_data_text("extract_stop_words.txt").splitlines()
    if not line.startswith("#")
    for word in line.split()
)


@dataclass(frozen=True, slots=True)
class NounCue:
    """What a counted noun tells: metric (empty when the verb decides), group and unit."""

    metric: str
    group: str
    unit: str


@dataclass(frozen=True)
class Lexicon:
    """Counted nouns, verbs of each metric, damage verbs and stock/flow cues."""

    nouns: dict[str, NounCue]
    max_noun_words: int
    #: The first words of the counted nouns, to skip a word that starts none at once.
    noun_starts: frozenset[str]
    verbs: re.Pattern[str]
    #: Where a verb cue may start, in the lowered text (see :func:`._trie.word_scan`).
    verb_scan: re.Pattern[bytes]
    verb_metric: dict[str, tuple[str, str]]
    damage: re.Pattern[str]
    kind_cues: re.Pattern[str]
    kind_of: dict[str, str]
    #: Verbs whose metric the place after them changes: (first words of the verb, the
    #: places, the metric and kind instead, empty when the figure counts none).
    verb_places: tuple[tuple[str, re.Pattern[str], str, str], ...] = ()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon shipped with humtrack."""
    nouns = {
        r["cue"].lower(): NounCue(r["metric"], r["group"], r["unit"])
        for r in read_data_csv("extract_nouns.csv")
    }
    verbs = {r["cue"].lower(): (r["metric"], r["kind"]) for r in read_data_csv("extract_verbs.csv")}
    damage = [r["cue"].lower() for r in read_data_csv("extract_damage.csv")]
    kinds = {r["cue"].lower(): r["kind"] for r in read_data_csv("extract_kind_cues.csv")}
    return Lexicon(
        nouns=nouns,
        max_noun_words=max(len(k.split()) for k in nouns),
        noun_starts=frozenset(k.split()[0] for k in nouns),
        verbs=re.compile(rf"\b(?=[A-Za-z]){trie_pattern(verbs)}\b"),
        verb_scan=word_scan(verbs),
        verb_metric=verbs,
        damage=re.compile(rf"\b(?=[A-Za-z]){trie_pattern(damage)}\b", re.IGNORECASE),
        kind_cues=re.compile(rf"\b(?=[A-Za-z]){trie_pattern(kinds)}\b"),
        kind_of=kinds,
        verb_places=tuple(
            (
                r["verb"].lower(),
                re.compile(rf"\s+(?:{'|'.join(map(re.escape, r['after'].split('|')))})\b", re.I),
                r["metric"],
                r["kind"],
            )
            for r in read_data_csv("extract_verb_places.csv")
        ),
    )

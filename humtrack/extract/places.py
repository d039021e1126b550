"""The gazetteer: place names and their codes, found in text in one pass.

The default gazetteer is ``humtrack/data/gazetteer.csv`` (countries with ISO
codes, Syria's governorates with OCHA p-codes, the towns and regions the seeds
name ...). Users extend it with a CSV of their own in the same columns
(``name,code,level,country,aliases``) through :meth:`Gazetteer.load`.
Aliases are separated by ``|``; an alias written ``adj:Syrian`` is a
demonym, which tells where people come from ("Syrian refugees").

Beneath it lies ``humtrack/data/gazetteer_towns.csv``: the world's towns of
15,000 people or more from GeoNames (CC BY 4.0), each named with its country.
A town from that list counts only where the text supports it: its country is
named in the text (which also picks between towns of the same name), or the
text names no country at all and the town has 100,000 people or more.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Final

from humtrack._data import read_data_text
from humtrack.places import normalize_code

__all__ = ["Gazetteer", "PlaceMatch", "default_gazetteer"]

_CAPITALISED: Final = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w’'\-]*(?:(?:\s+|-)(?:(?:al|el|ar|as|ad|an|ash|ez|az|es|ul|of|the|de|du|des|and|upon)"
    r"(?:\s+|-)|[dl][’'])?[A-ZÀ-ÖØ-Þ][\w’'\-]*){0,5}"
)
_CAPITAL_WORD: Final = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'\-]*")
_EVENT_NAME: Final = re.compile(
    r"\s+(?:memorandum|agreement|talks|process|format|summit|deal|accords?|conference|declaration|"
    r"protocol|plan|platform|virus|ebolavirus|strain|variant)\b"
)
_SUFFIXES: Final = re.compile(
    r"\s+(?:province|governorate|state|region|district|city|oblast|county)$"
)


_POSSESSIVE: Final = re.compile(r"(?:['’]s|(?<=s)['’])?[.,;:]*$")


def _unpossessed(word: str) -> str:
    """A word without the punctuation and possessive after it: "Syria's" is Syria, "Hamas" stays
    Hamas (not Hama), "Philippines'" is Philippines."""
    return _POSSESSIVE.sub("", word.rstrip(".,;:"))


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").replace("‘", "'").replace("-", " ").lower().split())


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place named in a text: span, the words as written, code, level and country."""

    start: int
    end: int
    written: str
    code: str
    level: str
    demonym: bool
    #: for a town from the world towns list, the (country, population) of every town of that
    #: name, the most populous first; empty for the gazetteer's own places
    world: tuple[tuple[str, int], ...] = ()


#: a world town a text names while naming no country counts from this many people up
_WORLD_TOWN_ALONE: Final = 100_000


@dataclass(frozen=True)
class Gazetteer:
    """Names and demonyms mapped to place codes."""

    names: dict[str, tuple[str, str]]
    demonyms: dict[str, str]
    _raw_names: frozenset[str] = frozenset()
    #: the world towns list: a name's (country, population) pairs, the most populous first
    towns: Mapping[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        firsts = {k.split(" ")[0] for k in self.names} | set(self.demonyms)
        firsts |= {k.split(" ")[0] for k in self.towns}
        raw = {k.split(" ")[0] for k in self._raw_names} | set(self.demonyms)
        object.__setattr__(self, "_first_words", frozenset(firsts | raw))

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, str]]) -> Gazetteer:
        """Build from rows with ``name``, ``code``, ``level`` and optional ``aliases``."""
        names: dict[str, tuple[str, str]] = {}
        demonyms: dict[str, str] = {}
        raw: set[str] = set()
        for row in rows:
            code = normalize_code(row["code"])
            level = (row.get("level") or "").strip() or "town"
            aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
            for alias in [row["name"], *aliases]:
                if alias.startswith("adj:"):
                    word = _key(alias[4:])
                    demonyms.setdefault(word, code)
                    demonyms.setdefault(word + "s", code)
                    continue
                key = _key(alias)
                raw.add(alias.lower().replace("’", "'"))
                # the most specific entry wins a shared name only when nothing claimed it yet
                names.setdefault(key, (code, level))
        return cls(names, demonyms, frozenset(raw))

    @classmethod
    def load(cls, path: str | Path, *, extend: Gazetteer | None = None) -> Gazetteer:
        """Read a gazetteer CSV; with ``extend``, its entries add to (and override) another's."""
        text = Path(path).read_text(encoding="utf-8-sig")
        own = cls.from_rows(csv.DictReader(io.StringIO(text)))
        if extend is None:
            return own
        return cls(
            {**extend.names, **own.names},
            {**extend.demonyms, **own.demonyms},
            extend._raw_names | own._raw_names,
            extend.towns,
        )

    def exact(self, name: str) -> tuple[str, str] | None:
        """(code, level) of a name exactly as listed ("Guatemala City" is not Guatemala)."""
        return self.names.get(_key(name))

    def lookup(self, name: str) -> tuple[str, str] | None:
        """(code, level) of a name as written, or ``None``."""
        key = _key(name)
        found = self.names.get(key)
        if found is None:
            stripped = _SUFFIXES.sub("", key)
            found = self.names.get(stripped)
        return found

    def find(self, text: str) -> Iterator[PlaceMatch]:
        """Yield the places and demonyms named in ``text``, in order (longest names first).

        A town from the world towns list is yielded only where the text supports it (see the
        module's notes), with the country that support picks as its code."""
        found = list(self._scan(text))
        named = {p.code[:2] for p in found if not p.world}
        # a demonym supports a town of its country, but does not make a text name a country:
        # "Afghan nationals living in Kerman" still lets Kerman stand alone
        places_named = {p.code[:2] for p in found if not p.world and not p.demonym}
        # with no country named, the country most of the big towns named alone are in: a text
        # about Bogotá, Soacha and Valledupar that names "Norte de Santander" is not about Spain
        alone = (
            Counter(
                country
                for country, _written in {
                    (p.world[0][0], p.written.lower())
                    for p in found
                    if p.world and p.world[0][1] >= _WORLD_TOWN_ALONE
                }
            )
            if not places_named
            else Counter()
        )
        top = alone.most_common(1)[0] if alone else None
        towns_agree = (
            top[0] if top is not None and top[1] >= 2 and top[1] * 2 > alone.total() else None
        )
        for place in found:
            if not place.world:
                yield place
                continue
            country = next((c for c, _ in place.world if c in named), None)
            if country is None and towns_agree is not None:
                country = next((c for c, _ in place.world if c == towns_agree), None)
            elif country is None and not places_named and place.world[0][1] >= _WORLD_TOWN_ALONE:
                country = place.world[0][0]
            if country is not None:
                yield PlaceMatch(
                    place.start,
                    place.end,
                    place.written,
                    country,
                    "town",
                    False,
                    place.world,
                )

    def _scan(self, text: str) -> Iterator[PlaceMatch]:
        firsts: frozenset[str] = self._first_words  # type: ignore[attr-defined]
        cache: dict[str, list[PlaceMatch]] = {}
        # whether a capitalised word can begin a name, per word as written: a text repeats its
        # words, and most of them begin none
        begins: dict[str, bool] = {}
        last_end = 0
        for word in _CAPITAL_WORD.finditer(text):
            if word.start() < last_end:
                continue
            written = word.group()
            can_begin = begins.get(written)
            if can_begin is None:
                head = written.lower().replace("’", "'")
                can_begin = begins[written] = (
                    head in firsts
                    or _unpossessed(head) in firsts
                    or _key(head).split(" ")[0] in firsts
                )
            if not can_begin:
                continue
            m = _CAPITALISED.match(text, word.start())
            if m is None:
                continue
            phrase = m.group()
            relative = cache.get(phrase)
            if relative is None:
                relative = cache[phrase] = list(self._within(text, 0, phrase))
            offset = m.start()
            if _EVENT_NAME.match(text, m.end()) or text.startswith("$", m.end()):
                # "the Sochi memorandum", "the Astana talks", "Sudan virus", "US$12 million":
                # not the place
                continue
            for r in relative:
                found = PlaceMatch(
                    r.start + offset, r.end + offset, r.written, r.code, r.level, r.demonym, r.world
                )
                last_end = max(last_end, found.end)
                yield found

    def _within(self, text: str, offset: int, phrase: str) -> Iterator[PlaceMatch]:
        tokens = [(t.start(), t.end()) for t in re.finditer(r"[^\s]+", phrase)]
        firsts: frozenset[str] = self._first_words  # type: ignore[attr-defined]
        i = 0
        while i < len(tokens):
            head = _key(_unpossessed(phrase[tokens[i][0] : tokens[i][1]])).split(" ")[0]
            if (
                head not in firsts
                and _key(phrase[tokens[i][0] : tokens[i][1]]).split(" ")[0] not in firsts
            ):
                i += 1
                continue
            for j in range(min(len(tokens), i + 6), i, -1):
                start, end = tokens[i][0], tokens[j - 1][1]
                # "Syria's", "Sri Lanka's": the place, not the possessive
                written = _unpossessed(phrase[start:end])
                found = self.lookup(written)
                if found is not None:
                    yield PlaceMatch(
                        offset + start,
                        offset + start + len(written),
                        written,
                        found[0],
                        found[1],
                        False,
                    )
                    i = j
                    break
                towns = self.towns.get(_key(written))
                if towns:
                    yield PlaceMatch(
                        offset + start,
                        offset + start + len(written),
                        written,
                        towns[0][0],
                        "town",
                        False,
                        towns,
                    )
                    i = j
                    break
                # "Sudanese", and demonyms of several words: "South Sudanese", "Sri Lankan"
                code = self.demonyms.get(_key(written))
                if code is not None:
                    yield PlaceMatch(
                        offset + start,
                        offset + start + len(written),
                        written,
                        code,
                        "country",
                        True,
                    )
                    i = j
                    break
            else:
                i += 1
                continue


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped with humtrack."""
    try:
        text = read_data_text("gazetteer.csv")
    except FileNotFoundError:  # pragma: no cover - the file ships with the package
        text = "name,code,level,country,aliases\n"
    countries = read_data_text("countries.csv")
    rows = [
        {"name": r["name"], "code": r["alpha2"], "level": "country", "aliases": ""}
        for r in csv.DictReader(io.StringIO(countries))
    ]
    own = Gazetteer.from_rows([*csv.DictReader(io.StringIO(text)), *rows])
    towns: dict[str, list[tuple[str, int]]] = {}
    for row in csv.DictReader(io.StringIO(read_data_text("gazetteer_towns.csv"))):
        key = _key(row["name"])
        if key not in own.names:
            towns.setdefault(key, []).append((row["country"], int(row["population"])))
    ranked = {k: tuple(sorted(v, key=lambda t: -t[1])) for k, v in towns.items()}
    return Gazetteer(own.names, own.demonyms, own._raw_names, ranked)

"""The cue words of extraction, found once per text: verbs of each metric, event and report
words, and the small expressions several stages share."""

from __future__ import annotations

import bisect
import re
from typing import Final

from humtrack._data import read_data_text
from humtrack.extract._scan import lowered, word_matches
from humtrack.extract.lexicon import Lexicon
from humtrack.vocab import METRICS

_TOKEN: Final = re.compile(r"[A-Za-zÀ-ÿ’'\-]+|\S")
#: Verbs that, right beside a bare number, say it counts people ("60 were wounded").
#: verbs whose "other" metric still counts people ("348 who died or went missing"), one a line
_PERSON_VERBS: Final = frozenset(
    line.strip() for line in read_data_text("extract_person_verbs.txt").splitlines() if line.strip()
)
_STOCK_DEFAULT: Final = frozenset(m for m, v in METRICS.items() if v.default_kind == "stock")

# "whose homes were destroyed or left uninhabitable": people left without a home
_HOMES_LOST: Final = re.compile(
    r",?\s+whose\s+(?:homes?|houses?|dwellings?)\s+(?:were|was|had\s+been|have\s+been)\s+"
    r"(?:(?:completely|totally|entirely)\s+)?(?:destroyed|washed\s+away|swept\s+away|flattened|"
    r"razed|(?:left|made|declared|rendered)\s+(?:uninhabitable|unsafe))\b"
    r"(?:\s+or\s+(?:(?:left|made|declared|rendered)\s+)?(?:uninhabitable|unsafe))?"
    # not "destroyed or damaged": some of them only damaged
    r"(?!\s+or\s+(?:badly\s+|partly\s+|partially\s+)?damaged)",
    re.IGNORECASE,
)


def _word_list(name: str) -> re.Pattern[str]:
    words = [
        word.replace("_", " ")  # "gave_way": a phrase of two words
        for line in read_data_text(name).splitlines()
        if not line.startswith("#")
        for word in line.split()
    ]
    alternatives = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"\b(?:{alternatives})\b", re.I)


def _data_lines(name: str) -> list[str]:
    """The entries of a data file of phrases: one a line, blank lines and '#' comments skipped."""
    return [
        line.strip()
        for line in read_data_text(name).splitlines()
        if line.strip() and not line.startswith("#")
    ]


def _phrases(name: str) -> str:
    """The phrases of a data file, one per line, as a regular-expression alternation."""
    ordered = sorted(_data_lines(name), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered) + ")"


_EVENT_CUES: Final = _word_list("extract_event_cues.txt")
_REPORT_CUES: Final = _word_list("extract_report_cues.txt")
#: "HERAT, Oct 9 (Wire) –": the day a story was filed, not of what it tells.
_DATELINE: Final = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*[–—-]\s")
_SINCE: Final = re.compile(r"\bsince\b", re.I)
#: Metrics whose flows a single dated event produces: they take the event's day.
_TOLL_METRICS: Final = frozenset({"killed", "injured", "missing", "facilities_damaged"})
_ADJECTIVAL: Final = re.compile(
    r"\s+(?:areas?|regions?|communities|districts?|provinces?|zones?|population)\b"
)
_WORD: Final = re.compile(r"[A-Za-z]+")


class _VerbIndex:
    """Every verb cue of one text, found in one pass and looked up by span.

    A figure looks for verbs in several windows of its clause; scanning the text
    once keeps text crowded with numbers as cheap per character as prose.
    """

    __slots__ = ("ends", "lex", "starts", "text", "verbs")

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        # a cue that starts a hyphenated word is not the cue: "toll-free", "dead-end"
        self.verbs = [
            (m.start(), m.end(), m.group().lower())
            for m in word_matches(lex.verbs, lex.verb_scan, text, lowered(text))
            if not _HYPHENATED.match(text, m.end())
        ]
        self.starts = [v[0] for v in self.verbs]


_HYPHENATED: Final = re.compile(r"-[A-Za-z]")
_LAST_INDEX: list[_VerbIndex] = []


def forget_verbs() -> None:
    """Drop the verb cues kept while a text was read (the text itself with them): the next text,
    or the same text read again, is indexed anew."""
    _LAST_INDEX.clear()


def _verbs(text: str, lex: Lexicon, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The verb cues that lie wholly inside ``text[lo:hi]``."""
    if hi <= lo:
        return []
    index = _LAST_INDEX[0] if _LAST_INDEX else None
    if index is None or index.text is not text or index.lex is not lex:
        index = _VerbIndex(text, lex)
        _LAST_INDEX[:] = [index]
    i = bisect.bisect_left(index.starts, lo)
    out = []
    for v in index.verbs[i : bisect.bisect_left(index.starts, hi, i)]:
        if v[1] <= hi:
            out.append(v)
    return out


def _not_adjectival(text: str, verbs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Leave out "affected" that describes a place ("the affected regions")."""
    return [v for v in verbs if not (v[2] == "affected" and _ADJECTIVAL.match(text, v[1]))]


_THING_METRICS: Final = frozenset({"other", "facilities_damaged"})
# a text about people going home: who "crossed" are coming back, not leaving
_REFUGEE_WORDS: Final = re.compile(r"\b(?:refugees?|asylum)\b", re.IGNORECASE)
_EVENT_METRICS: Final = frozenset(
    {"killed", "injured", "missing", "detained", "displaced", "returnees"}
)


_AS_OF: Final = re.compile(r"\bas\s+(?:of|at)\b", re.IGNORECASE)


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text``, if any."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the last match is wanted
        pass
    return found


# words between a cue and a figure that are not part of the figure: "and just over 12,000",
# "a further 31,000" (qualifiers such as "some" or "more than" begin the figure itself)
_LEAD_IN: Final = r"(?:(?:just|another|a\s+further|all)\s+)?"
# the words that may stand between a verb or preposition and its figure: "in some 30 camps",
# "forced more than 60,000 people", "host about 189,000"
_APPROX_LEAD: Final = (
    r"(?:(?:some|about|around|roughly|nearly|almost|more\s+than|over|an\s+estimated|up\s+to"
    r"|approximately|at\s+least|tens\s+of|hundreds\s+of|all)\s+)*"
)

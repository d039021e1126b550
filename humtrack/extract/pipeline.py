"""From text to candidate claims: mentions, what they count, when, where and who says so."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice
from typing import Any, Final

import pandas as pd

from humtrack._data import read_data_text
from humtrack.claim import Source
from humtrack.claimset import ClaimSet
from humtrack.extract.dates import DateExpr, find_dates
from humtrack.extract.lexicon import STOP_WORDS, Lexicon, NounCue, lexicon
from humtrack.extract.mentions import Mention, find_mentions
from humtrack.extract.places import Gazetteer, PlaceMatch, default_gazetteer
from humtrack.extract.text import Segments
from humtrack.schema import CLAIM_DTYPES
from humtrack.vocab import METRICS

__all__ = ["extract"]

_TOKEN: Final = re.compile(r"[A-Za-zÀ-ÿ’'\-]+|\S")
_ATTRIBUTION: Final = re.compile(
    r"according\s+to\s+(?P<a>(?:the\s+)?[A-Z][\w&’'.\-]*(?:\s+(?:of|for|on|the|and|de)?\s*[A-Z][\w&’'.\-]*){0,6})"
    r"|(?P<b>(?:the\s+)?[A-Z][\w&’'.\-]*(?:\s+(?:of|for|on|the|and)?\s*[A-Z][\w&’'.\-]*){0,6})\s+"
    r"(?:said|says|reported|reports|estimated|estimates|stated|announced|warned)\b"
    r"|\b(?:said|reported|estimated|according\s+to)\s+(?P<c>(?:the\s+)?[A-Z][\w&’'.\-]*"
    r"(?:\s+(?:of|for|on|the|and)?\s*[A-Z][\w&’'.\-]*){0,6})"
)
_ATTRIBUTION_CUE: Final = re.compile(
    r"\b(?:according|said|says|reported|reports|estimated|estimates|stated|announced|warned)\b"
)
#: Verbs that, right beside a bare number, say it counts people ("60 were wounded").
#: verbs whose "other" metric still counts people ("348 who died or went missing"), one a line
_PERSON_VERBS: Final = frozenset(
    line.strip() for line in read_data_text("extract_person_verbs.txt").splitlines() if line.strip()
)
_NOT_ORIGINATORS: Final = frozenset(
    {"It", "He", "She", "They", "We", "This", "That", "There", "The"}
)
_STOCK_DEFAULT: Final = frozenset(m for m, v in METRICS.items() if v.default_kind == "stock")


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


def _phrases(name: str) -> str:
    """The phrases of a data file, one per line, as a regular-expression alternation."""
    phrases = [
        line.strip()
        for line in read_data_text(name).splitlines()
        if line.strip() and not line.startswith("#")
    ]
    ordered = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered) + ")"


_EVENT_CUES: Final = _word_list("extract_event_cues.txt")
_REPORT_CUES: Final = _word_list("extract_report_cues.txt")
#: Between a day and an event word after it, words that make the event another day's.
_NOT_THE_EVENT: Final = re.compile(r"\b(?:after|before|since|following|ago)\b", re.I)
_SPEECH_AFTER: Final = re.compile(r"[ ,]*(?:said|told|reported|announced|confirmed)\b", re.I)
#: "HERAT, Oct 9 (Wire) –": the day a story was filed, not of what it tells.
_DATELINE: Final = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*[–—-]\s")
#: A clause that counts since some start, or up to now ("have been hit"), is not one event's toll.
_CUMULATIVE: Final = re.compile(r"\b(?:since|have|has|so\s+far|to\s+date|in\s+total)\b", re.I)
_SINCE: Final = re.compile(r"\bsince\b", re.I)
#: Metrics whose flows a single dated event produces: they take the event's day.
_TOLL_METRICS: Final = frozenset({"killed", "injured", "missing", "facilities_damaged"})


@dataclass(frozen=True, slots=True)
class _Counted:
    metric: str
    group: str
    unit: str
    kind: str
    subject: str | None
    origin: str | None
    notes: list[str]


def _publication(
    source: Source | Mapping[str, Any] | pd.Series | None,
) -> tuple[str | None, date | None, str]:
    """(source_id, the publication day used for relative dates, its precision)."""
    if source is None:
        return None, None, "day"
    if isinstance(source, Source):
        window = source.publication_window
        return (
            source.source_id,
            (window.end if window else None),
            source.published_precision or "day",
        )
    get = source.get
    published = get("published")
    if published is not None and not (isinstance(published, float) or pd.isna(published)):
        published = pd.Timestamp(published).date()
    else:
        published = None
    precision: Any = str(get("published_precision") or "day")
    source_id = get("source_id")
    source_id = None if source_id is None or pd.isna(source_id) else str(source_id)
    if published is not None and precision != "day":
        src = Source(source_id or "s", published=published, published_precision=precision)
        window = src.publication_window
        published = window.end if window else published
    return source_id, published, precision


def _noun_phrase(
    text: str, mention: Mention, clause_end: int, lex: Lexicon, gaz: Gazetteer
) -> tuple[NounCue | None, int, str | None]:
    """Find the counted noun after a number: (cue, end offset, origin code from a demonym)."""
    window_end = min(clause_end, mention.end + 90)
    first = _FIRST_WORD.match(text, mention.end, window_end)
    if first is None:
        return None, mention.end, None  # a digit or punctuation follows: no noun
    tokens = [
        (m.start(), m.end(), m.group())
        for m in islice(_TOKEN.finditer(text, mention.end, window_end), 4 + lex.max_noun_words)
    ]
    origin: str | None = None
    skipped = 0
    allow_of = mention.vague
    i = 0
    while i < len(tokens) and skipped <= 3:
        _start, end, word = tokens[i]
        low = word.lower()
        if word[:2] == "km" or low in {"km", "kilometres", "kilometers"}:
            return lex.nouns["km"], end, origin
        for n in (
            range(min(lex.max_noun_words, len(tokens) - i), 0, -1) if low in lex.noun_starts else ()
        ):
            phrase = " ".join(t[2].lower() for t in tokens[i : i + n]) if n > 1 else low
            cue = lex.nouns.get(phrase)
            if cue is not None:
                # "Rohingya refugees", "civilian deaths": the last noun of a compound is its head
                if i + n < len(tokens):
                    head = lex.nouns.get(tokens[i + n][2].lower())
                    if head is not None and head.metric:
                        return head, tokens[i + n][1], origin
                return cue, tokens[i + n - 1][1], origin
        demonym = gaz.demonyms.get(low.replace("’", "'"))
        if demonym is not None:
            origin = demonym
            following = tokens[i + 1][2].lower() if i + 1 < len(tokens) else ""
            ends_phrase = not following or following in STOP_WORDS or not following[0].isalpha()
            if word[0].isupper() and (low.endswith("s") or ends_phrase):
                return (
                    NounCue("", "all", "person"),
                    end,
                    origin,
                )  # "displaced Syrians", "2 million Sudanese"
            skipped += 1
            i += 1
            continue
        if low in {"of", "the"} and allow_of:
            i += 1
            continue
        if low in STOP_WORDS or not word[0].isalpha():
            return None, end, origin
        skipped += 1
        i += 1
    return None, mention.end, origin


_FIRST_WORD: Final = re.compile(r"\s*[A-Za-zÀ-ÿ’']")
_OF_THEM: Final = re.compile(r"\s+of\s+(?:them|whom)\b\s*(?:(?:were|are|was|being)\s+)?")
_POPULATION_OF: Final = re.compile(
    r"\b(?:population|city|town|village|camp|area|district|governorate|province)\s+"
    r"(?:of|was|is|stands\s+at)\s+$"
)
_CROSS_BORDER: Final = re.compile(
    r"\b(?:to|into)\s+(?:neighbou?ring|other)\s+countr|\babroad\b|\bacross\s+(?:the\s+)?borders?\b"
)
_ADJECTIVAL: Final = re.compile(
    r"\s+(?:areas?|regions?|communities|districts?|provinces?|zones?|population)\b"
)
_SINCE_BEFORE: Final = re.compile(r"\bsince\b(?:\s+[^\s.;]+){0,8}?\s+$")
_WORD: Final = re.compile(r"[A-Za-z]+")
_RISEN_TO: Final = re.compile(
    r"\b(?:rose|risen|rises|reached|climbed|increased|jumped|stands|stood)\s+(?:to\s+|at\s+)?$"
    r"|\b(?:doubled|tripled|grown|grew|fallen|fell|dropped|declined)\b[^.;:]{0,30}\s+to\s+$"
)
# "up from about 47,000", "compared with 4,000 in December": the same count at another time
_COMPARED_WITH: Final = re.compile(
    r"\b(?:up|down)\s+from\s+(?:\w+\s+){0,2}?$|\bcompare[sd]?\s+(?:with|to)\s+(?:\w+\s+){0,2}?$"
    r"|\bfrom\s+$"
)
_BODIES_OF: Final = re.compile(r"\b(?:bodies|remains|deaths)\s+of\s+$")
_AS_OF: Final = re.compile(r"as\s+(?:of|at)\b", re.IGNORECASE)
_AS_OF_BEFORE: Final = re.compile(r"\bas\s+(?:of|at)\s+(?:\d\d?[:.]\d\d\s+)?$", re.IGNORECASE)
_TOLL: Final = re.compile(
    r"(?:rose|risen|rises|rising|reached|climbed|increased|jumped|stands|stood|hit|to|at|is|was|of)\s*$"
)
_INTO: Final = re.compile(
    r"(?:\s+(?!(?:as|when|while|after|before|because|and|but)\b)[\w'’-]+){0,4}?\s+"
    r"(?:into|(?<=refuge )in)\s+((?:[A-Z][\w'’-]+\s*){1,3})"
)


def _into_country(text: str, gaz: Gazetteer, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` says "into" a country: a flight that crosses a border."""
    into = _INTO.match(text, lo, hi)
    if into is None:
        return False
    words = into.group(1).split()
    for n in range(len(words), 0, -1):
        found = gaz.lookup(" ".join(words[:n]))
        if found is not None:
            return found[1] == "country"
    return False


_RELEASE: Final = frozenset({"escaped", "freeing", "freed", "released"})
_MOVING: Final = re.compile(r"(?:arriv|cross)")
# "since the war began", "since the fighting started": since an event named but not dated here
_SINCE_UNDATED: Final = re.compile(
    r"\bsince\s+(?:the\s+|its\s+|their\s+)?(?:start\s+of\s+the\s+|beginning\s+of\s+the\s+)?"
    r"(?P<what>war|conflict|fighting|clashes|offensive|escalation|hostilities|violence"
    r"|crisis|outbreak|bombardment|siege|invasion|earthquake|floods?|storm|cyclone)\b",
    re.IGNORECASE,
)


def _began(segs: Segments, dating: _Dating, what: str, own: tuple[int, int]) -> DateExpr | None:
    """The day another sentence of the text gives to ``what`` ("The war was sparked by the
    October 7 attack", "fighting erupted on 15 April"): the first such day, if any."""
    word = re.compile(rf"\b{re.escape(what.lower().rstrip('s'))}s?\b", re.IGNORECASE)
    for d in dating.dates:
        if d.role not in {"point", "window"} or d.start is None:
            continue
        if d.start_offset in dating.reported or _DATELINE.match(segs.text, d.end_offset):
            continue
        lo, hi = segs.sentence(d.start_offset)
        if (lo, hi) != own and word.search(segs.text, lo, hi):
            return d
    return None


_AMONG_THE: Final = re.compile(
    r"[^.;:!?\d]*?\bwere\s+among\s+the\s+(dead|killed|injured|wounded)\b"
)
_IN_THE: Final = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")
_LIST_ITEM_IN: Final = re.compile(
    r"(?:,|\band)\s+(?:(?:some|about|around|nearly|almost|over|more\s+than|just|"
    r"at\s+least|another|a\s+further)\s+)?$"
)
_IN_PLACE_AFTER: Final = re.compile(r"\s+in\s+(?:the\s+)?[A-Z]")
_OF_THE_AFTER: Final = re.compile(r"\s+of\s+(?:the|its|their|these|those)\s+(?:[\w-]+['’]s?\s+)?")
_TO_BEFORE: Final = re.compile(
    r"\bto\s+(?:(?:some|about|around|nearly|almost|over|more\s+than|at\s+least)\s+)?$"
)
_NUMBER_OF: Final = re.compile(r"\b(?:number|toll|tally|count)(?:\s+of)?\s+", re.IGNORECASE)
_NUMBER_OF_COMMA: Final = re.compile(r"\bnumber\s+of\s+(?:[\w-]+\s+){0,3}?[\w-]+,\s+$")


def _number_of(text: str, lex: Lexicon, position: int) -> tuple[int, int, str] | None:
    """What "the number of ..." counts, when its figure comes at the end of a long sentence:
    "the number of deaths from the fire that broke out ... (Qaraqosh) ... has risen to 107"."""
    start = max(0, position - 250)
    cut = max(
        text.rfind(mark, start, position)
        for mark in (". ", ";", "\n", ", while", ", but", ", whereas", ", although")
    )
    found = _last(_NUMBER_OF, text[max(start, cut + 1) : position])
    if found is None:
        return None
    if found.group().lower().startswith("toll"):
        # "the death toll from two landslides rose to 229": a toll counts the dead
        return (position, position, "deaths")
    lo = max(start, cut + 1) + found.end()
    hi = min(position, lo + 40)
    verbs = [v for v in _verbs(text, lex, lo, hi) if lex.verb_metric[v[2]][0] != "other"]
    if verbs:
        return verbs[0]
    for word in _WORD.finditer(text, lo, hi):
        noun = lex.nouns.get(word.group().lower())
        if noun is not None and noun.metric:
            return (word.start(), word.end(), word.group().lower())
    return None


_INCLUDING_BEFORE: Final = re.compile(
    r"\b(?:including|among\s+them|among\s+whom)\s+"
    r"(?:(?:some|about|around|nearly|almost|over|more\s+than|at\s+least)\s+)?$"
)


# after "one child in four": the clause goes on with a verb or ends; "in 2 villages" counts places
_NOTHING_AFTER: Final = re.compile(
    r"\s*(?:[,.;:)!?]|$|(?:is|are|was|were|has|have|had|suffer|suffers|live|lives|die|dies|"
    r"under|over|below|above|aged|"
    r"faces?|needs?|remains?|go|goes|went)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Places:
    """The places a text names (not demonyms), in order, for lookups by span."""

    found: list[PlaceMatch]
    starts: list[int]

    def abroad(self, origin: str, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]`` names a place outside the country ``origin``."""
        i = bisect.bisect_left(self.starts, lo)
        return any(
            p.code[:2] != origin for p in self.found[i : bisect.bisect_left(self.starts, hi)]
        )


def _small(mention: Mention, text: str) -> bool:
    """Whether the figure is small enough to be the first term of a ratio ("two in five")."""
    estimate = mention.estimate(text)
    return estimate is None or estimate.value is None or estimate.value <= 20


_WHEREABOUTS: Final = re.compile(r"\bwhereabouts\s+of\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?$", re.I)
_UNKNOWN: Final = re.compile(r"\b(?:unknown|not\s+known|unaccounted|unclear)\b", re.IGNORECASE)
_WERE_BEFORE: Final = re.compile(r"\b(?:were|are)\s+(?:still\s+)?$")
_IN_SITES: Final = re.compile(
    r"\s+in\s+(?:some\s+|about\s+|more\s+than\s+)?(?:\d[\d,.]*|dozens\s+of|hundreds\s+of"
    r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\s+"
    rf"(?:sites|{_phrases('extract_displacement_settings.txt')})\b",
    re.IGNORECASE,
)
_BEFORE_DAY: Final = re.compile(r"\b(?:before|prior\s+to)\s+(?:on\s+)?$", re.IGNORECASE)
_HAVE_BEEN: Final = re.compile(r"\b(?:have|has|had)\s+been\s+$")
_STOCK_BEFORE: Final = re.compile(
    r"\b(?:are|is|remain|remains|remained|still|now|currently|were living|living)\s+"
    r"(?:(?:now|still|currently|internally)\s+)*$"
)


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
            for m in lex.verbs.finditer(text)
            if not _HYPHENATED.match(text, m.end())
        ]
        self.starts = [v[0] for v in self.verbs]


_HYPHENATED: Final = re.compile(r"-[A-Za-z]")
_LAST_INDEX: list[_VerbIndex] = []


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


def _predicate(
    text: str, lex: Lexicon, mention: Mention, noun_end: int, lo: int, hi: int, next_start: int
) -> tuple[int, int, str] | None:
    """The verb that says what happened to what is counted.

    First the predicate after the counted noun and before the next number ("818 people
    died and 1,034 were injured"), else the nearest verb before the number ("killing 45
    people, including 11 women"), else any later verb of the clause.
    """
    if _BODIES_OF.search(text, max(lo, mention.start - 20), mention.start):
        return (mention.start, mention.start, "deaths")  # "the deaths of seven injured people"
    inside = _verbs(text, lex, mention.end, noun_end)
    if inside and inside[-1][2] in _ADJECTIVAL_STATES:
        # "12,500 displaced people returned to their villages": what happened to them is the
        # figure, the adjective only says who they are
        event = [
            v
            for v in _verbs(text, lex, noun_end, min(hi, next_start, noun_end + 60))
            if lex.verb_metric[v[2]][0]
            in {"returnees", "killed", "injured", "missing", "detained", "in_need"}
        ]
        if event:
            return event[0]
    if inside:
        return inside[-1]  # "injured people", "wounded civilians"
    adjacent = _verbs(text, lex, max(lo, mention.start - 14), mention.start)
    if adjacent and not text[adjacent[-1][1] : mention.start].strip(
        " " if adjacent[-1][2] in lex.nouns else " ,"
    ):
        # "killed 26 people", "killing at least 30"; but in "2,256 deaths, 1,309 people
        # missing" the noun before the comma counts the figure before it
        return adjacent[-1]
    given = _verbs(text, lex, max(lo, mention.start - 40), mention.start)
    if (
        given
        and lex.verb_metric[given[-1][2]][0] == "other"
        and _GIVEN_TO.match(text, given[-1][1], mention.start)
    ):
        return given[-1]  # "provided hot meals to 152,000 people"
    noun_end, next_start = _past_restatement(text, noun_end, next_start, hi)
    aside = _ASIDE.match(text, noun_end)
    if aside is not None and aside.end() < hi:
        # "33 civilians, most of them displaced people, were killed": the aside says who
        # they are; the predicate after it says what happened to them
        noun_end = aside.end()
    after = [
        v
        for v in _verbs(text, lex, noun_end, next_start if noun_end > hi else min(hi, next_start))
        if not (v[2] == "affected" and _ADJECTIVAL.match(text, v[1]))
    ]
    if after:
        return after[0]
    before = _verbs(text, lex, lo, mention.start)
    if before:
        return before[-1]
    later = _verbs(text, lex, noun_end, hi)
    return later[0] if later else None


def _past_restatement(text: str, noun_end: int, next_start: int, hi: int) -> tuple[int, int]:
    """Skip a parenthesis that restates the figure ("2,300 households (about 11,500 people)
    crossed"): the predicate after it is the predicate of both; returns where to look for it."""
    paren = _PAREN_AFTER.match(text, noun_end)
    if paren is None or not noun_end <= next_start < paren.end():
        return noun_end, next_start
    # the clause may end at the parenthesis: look on to the next number or the sentence's end
    following = _NEXT_FIGURE_OR_END.search(text, paren.end(), paren.end() + 160)
    return paren.end(), following.start() if following else max(hi, paren.end())


_PAREN_AFTER: Final = re.compile(
    r"\s*\([^()\n]{1,60}\)"
    r"|,\s+(?:among\s+them|including)\s+[^,;.()\n]{1,40},"
    r"|\s+or\s+(?:(?:about|some|around|nearly)\s+)?\d[\d,. ]*\s+(?:persons|people|individuals)\b"
)
_ASIDE: Final = re.compile(
    r",\s+(?:most|many|some|all|half|several|nearly\s+all|almost\s+all)\s+of\s+(?:them|whom)"
    r"\s+[^,;.()\n\d]{1,50},"
    r"|\s+([—–])\s[^—–\n.;:!?\d]{1,80}?\s\1"
)
_NEXT_FIGURE_OR_END: Final = re.compile(r"\d|[.;:!?\n]")


def _not_adjectival(text: str, verbs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Leave out "affected" that describes a place ("the affected regions")."""
    return [v for v in verbs if not (v[2] == "affected" and _ADJECTIVAL.match(text, v[1]))]


_ADJECTIVAL_STATES: Final = frozenset({"displaced", "internally displaced", "uprooted"})
_GIVEN_TO: Final = re.compile(
    r"[\w\s,-]{0,30}\bto\s+(?:(?:some|about|around|over|more\s+than|nearly)\s+)?$"
)
_LEADING_OF: Final = re.compile(r"^(?:of\s+(?:the\s+)?)")
_ARRIVALS_LABEL: Final = re.compile(r"\b(?:[Aa]rrivals?|[Ss]ince)\b")
_THING_METRICS: Final = frozenset({"other", "facilities_damaged"})
_POPULATION_NOUN_METRICS: Final = frozenset(
    {"refugees", "idps", "returnees", "detained", "population"}
)
# a text about people going home: who "crossed" are coming back, not leaving
_RETURN_WORDS: Final = re.compile(r"\breturn(?:s|ed|ees?|ing)?\b", re.IGNORECASE)
_REFUGEE_WORDS: Final = re.compile(r"\b(?:refugees?|asylum)\b", re.IGNORECASE)
# people evacuated are displaced, as IDMC counts evacuations among displacements; people taken
# from rooftops or water by rescuers, the wounded taken to hospital, and visitors are not
_EVACUATION: Final = frozenset({"evacuated", "pre-emptively evacuated"})
_RESCUE_OR_TRANSFER: Final = re.compile(
    rf"\b{_phrases('extract_rescue_words.txt')}\b", re.IGNORECASE
)
_DISPLACEMENT_WORDS: Final = re.compile(r"\b(?:IDPs?|(?:internal(?:ly)?\s+)?displace\w*)", re.I)
_IDP_WORDS: Final = re.compile(r"\b(?:IDPs?|internally\s+displaced)\b", re.IGNORECASE)
# where displaced people live: who lives there counts as displaced, not as the population
_DISPLACEMENT_SETTING: Final = re.compile(
    rf"\b{_phrases('extract_displacement_settings.txt')}\b", re.IGNORECASE
)
# "displaced and living in 534 displacement sites": the state they are in now
_LIVING_NOW: Final = re.compile(r"\b(?:living|staying|sheltering|sleeping)\b", re.IGNORECASE)
_SHARE_OF_POPULATION: Final = re.compile(
    r"(?:per\s*cent|percent|%)\s+of\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[\w’']+\s+){0,2}?population\b",
    re.IGNORECASE,
)
_HOSTING: Final = frozenset({"hosts", "are hosted", "are being hosted"})
# words of flight: whoever crosses in such a sentence is leaving, whatever the text is about
_FLIGHT: Final = re.compile(rf"\b{_phrases('extract_flight_words.txt')}\b", re.IGNORECASE)
_CROSSING: Final = re.compile(r"\s*(?:had\s+|have\s+|has\s+)?(?:crossed|crossing|cross)\b")
_EVENT_METRICS: Final = frozenset(
    {"killed", "injured", "missing", "detained", "displaced", "returnees"}
)
_THE_BEFORE: Final = re.compile(r"\b(?:the|these|those|both)\s+$", re.IGNORECASE)
_INHABITED: Final = re.compile(rf"\b{_phrases('extract_inhabited_places.txt')}$", re.IGNORECASE)
_AREA_AFTER: Final = re.compile(rf"\s+{_phrases('extract_area_nouns.txt')}\b", re.IGNORECASE)
_RATIO_BEFORE: Final = re.compile(
    r"\b(?:one|1|an?)\s+(?:[a-z]+\s+)?(?:in|for|per)\s+(?:every\s+)?$", re.IGNORECASE
)
_RATIO: Final = re.compile(r"\s+in\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b")


def _label_before(text: str, position: int) -> tuple[int, int] | None:
    """The span of a label ending in a colon (or a spaced dash, as in a table written as text)
    right before ``position`` ("Displaced: ...", "Ménaka — 24,618")."""
    line_start = max(text.rfind("\n", 0, position) + 1, position - 140)
    head = text[line_start:position].rstrip()
    separator = _LABEL_END.search(head)
    if separator is None:
        return None
    body = head[: separator.start()]
    cut = max(body.rfind(mark) for mark in ".;:")
    start, end = line_start + cut + 1, line_start + len(body)
    return (start, end) if 2 <= len(text[start:end].strip()) <= 120 else None


_HEADING: Final = re.compile(r"^[^a-z\n]{3,80}$")  # "MAIN HOST COUNTRIES"
_PARENTHESES: Final = re.compile(r"\([^()\n]*\)")
_LABEL_LINE: Final = re.compile(
    r"^[^\n:]{2,120}(?::|\s[—–])\s*[~≈]?\s*(?:about|some|over|nearly|almost)?\s*\d"
)
# a colon, or a spaced em or en dash (an ASCII hyphen between words is too common to mark one)
_LABEL_SEPARATOR: Final = re.compile(r":|\s[—–]")
_TABLE_HEADER_SPLIT: Final = re.compile(r"\s[—–]\s")
_LABEL_END: Final = re.compile(r"(?::|\s[—–])$")
# the header row of a table written as text: "Cercle — Internally displaced persons"
_TABLE_HEADER: Final = re.compile(r"^[^\n\d:]{2,60}\s[—–]\s[^\n\d]{2,80}$")


def _label_cue(
    text: str, lex: Lexicon, label: tuple[int, int], depth: int = 0
) -> tuple[int, int, str] | None:
    """What a label counts: its own verb or noun, or, for a line of a key-figures list
    whose label names no metric ("Colombia: 2.86 million", "Of whom deported: 302,000",
    "Households: about 61,500"), what the line above it counts."""
    label_start, label_end = label
    cues = _not_adjectival(text, _verbs(text, lex, label_start, label_end))
    if cues:
        return cues[-1]
    words = re.findall(r"[A-Za-z]+", text[label_start:label_end].lower())
    for noun in reversed([w for w in words if w in lex.nouns]):
        if lex.nouns[noun].metric:
            return (label_start, label_end, noun)
    if depth >= 8:
        return None
    # the line above, past blank lines and one heading ("MAIN HOST COUNTRIES (as of 31 May)")
    previous_end = text.rfind("\n", 0, label_start)
    headings = 0
    while previous_end > 0:
        previous_start = text.rfind("\n", 0, previous_end) + 1
        line = text[previous_start:previous_end]
        if _LABEL_LINE.match(line):
            break
        if _TABLE_HEADER.match(line.strip()):
            column = line.strip()
            cut = previous_start + line.index(column) + _TABLE_HEADER_SPLIT.search(column).end()  # type: ignore[union-attr]
            header = _verbs(text, lex, cut, previous_end)
            if header:
                return header[-1]
            words = re.findall(r"[A-Za-z]+", text[cut:previous_end].lower())
            for noun in reversed([w for w in words if w in lex.nouns and lex.nouns[w].metric]):
                return (cut, previous_end, noun)
            return None
        if line.strip() and (headings or not _HEADING.match(_PARENTHESES.sub("", line))):
            return None
        if line.strip():
            # "DISPLACEMENT BY PROVINCE (since September 2023)" over "Rumonge — 14,307 individuals"
            heading = _not_adjectival(text, _verbs(text, lex, previous_start, previous_end))
            if heading and lex.verb_metric[heading[-1][2]][0] != "other":
                return heading[-1]
        headings += bool(line.strip())
        previous_end = previous_start - 1
    else:
        return None
    separator = _LABEL_SEPARATOR.search(line)
    if separator is None:
        return None
    above = _label_before(text, previous_start + separator.end())
    return _label_cue(text, lex, above, depth + 1) if above is not None else None


def _label_or_parenthesis(
    text: str, lex: Lexicon, mention: Mention, clause: tuple[int, int]
) -> tuple[int, int, str] | None:
    """What a bare number counts when a label or the words before a parenthesis say it.

    "Displaced: over 1 million", "Individuals returned since 15 September: 471 926",
    "Most returnees crossed at Torkham (about 344,000)".
    """
    label = _label_before(text, mention.start)
    if label is not None and (cue := _label_cue(text, lex, label)) is not None:
        return cue
    opening = text.rfind("(", max(0, mention.start - 20), mention.start)
    if opening >= 0 and not text[opening + 1 : mention.start].strip(" ~").isalpha():
        window = text[max(0, opening - 120) : opening].lower()
        nouns = [w for w in re.findall(r"[a-z]+", window) if w in lex.nouns and lex.nouns[w].metric]
        if nouns:
            return (opening, opening, nouns[-1])
    return None


def _state_after_flight(
    text: str,
    lex: Lexicon,
    gaz: Gazetteer,
    verb: tuple[int, int, str],
    hi: int,
    kind: str | None,
) -> tuple[str, str | None]:
    """ "forced from their homes and remain displaced", "who fled Ukraine are present": where
    the people who fled are now is the figure (a stock), not their flight."""
    state = [
        v
        for v in _verbs(text, lex, verb[1], hi)
        if lex.verb_metric[v[2]][1] == "stock"
        and lex.verb_metric[v[2]][0] in {"idps", "population"}
    ]
    if not state:
        return "displaced", kind
    abroad = any(
        p.level == "country" and not p.demonym for p in gaz.find(text[verb[1] : state[0][0]])
    )
    return ("refugees" if abroad else "idps"), "stock"


def _partitive_head(
    text: str, mention: Mention, lex: Lexicon, previous: _Counted | None
) -> _Counted | None:
    """A part of a whole the sentence opened with: "Of the 1.8 million refugees registered,
    some 1 million come from South Sudan and 560,000 from the DRC"; "Of the injured admitted
    to hospitals, 1,150 are children". The part counts what the whole counts."""
    window = text[max(0, mention.start - 240) : mention.start]
    head = _OF_THE_HEAD.search(window)
    if head is None:
        return None
    stop = _CLAUSE_STOP.search(text, mention.end, mention.end + 60)
    if _verbs(text, lex, mention.end, stop.start() if stop else mention.end + 60):
        return None  # the part's own verb says what it counts: "1.4 million are sheltering"
    group_word = _PART_GROUP.match(text, mention.end)
    group = group_word.group(1).lower() if group_word else None
    if previous is not None:
        return _Counted(
            previous.metric, group or previous.group, previous.unit, previous.kind, None,
            previous.origin, ["a part of the figure the sentence opens with"],
        )  # fmt: skip
    if head.group("rest") is None:
        return None
    for cue in _verbs(text, lex, mention.start - len(window) + head.start("rest"), mention.start):
        metric, kind = lex.verb_metric[cue[2]]
        if metric != "other":
            return _Counted(
                metric, group or "all", "person", kind, None, None,
                ["a part of the count the sentence opens with"],
            )  # fmt: skip
    return None


# "Of the ..., " opening the sentence, the number right after its first comma or after "and"
_OF_THE_HEAD: Final = re.compile(
    r"(?:^|[.;!?]\s+|\n)(?:Of|Among)\s+(?:the|these|those|them)(?:\s+(?P<rest>(?:[^.;:!?\n,]|[.,]\d)+))?,?"
    r"[^.;:!?\n]*?(?:^|,|\band)?\s+(?:(?:some|about|around|nearly|almost|over|more\s+than)\s+)?$"
)
_CHAINED_PART: Final = re.compile(
    r"(?:\bof\s+(?:which|whom|them|these|those)|\band|\bfollowed\s+by\s+[^.;:,\d]{1,40}\s+with)\s+"
    r"(?:(?:some|about|around|nearly|almost|over|more\s+than|at\s+least|another|a\s+further)\s+)?$"
    r"|,\s+(?:another|a\s+further)\s+$"
)
# the part names nothing of its own: "and 313,473 partially damaged", not "and 120 ambulances"
_NO_NOUN_AFTER: Final = re.compile(
    r"\s*(?:[,.;:)]|$|(?:were|was|are|is|had|have|has|partially|totally|completely|fully|more|"
    r"others?|in|on|at|along|across|from|damaged|destroyed)\b)",
    re.IGNORECASE,
)
_THE_FIGURE: Final = re.compile(
    r"\b(?:the|a)\s+(?:figure|number|total|count|tally)\b[^.;:!?\n]{0,40}?\b(?:stood\s+at|stands\s+at|"
    r"(?:projected|expected|forecast)\s+to\s+(?:rise|grow|reach)\s+(?:to\s+)?|"
    r"was|is|rose\s+to|fell\s+to|reached|dropped\s+to|(?:has|had)\s+(?:risen|fallen|dropped|grown)"
    r"\s+to)\s*(?:(?:some|about|around|nearly|almost|over|more\s+than|just\s+over|up\s+to)\s+)?$",
    re.IGNORECASE,
)
_OF_THE_BEFORE: Final = re.compile(r"(?:^|[.;!?]\s+|\n)(?:Of|Among)\s+the\s+$")
_PART_OF_LAST: Final = re.compile(
    r"\s*(?:Of|Among)\s+(?:these|them|those|whom|the\s+\d[\d,.]*\s*,)"
)
_CLAUSE_STOP: Final = re.compile(r"[,;:.!?](?=\s|$)|\n")
_PART_GROUP: Final = re.compile(r"\s+(?:are|were)\s+(children|women|men)\b", re.IGNORECASE)


def _count(
    text: str,
    mention: Mention,
    clause: tuple[int, int],
    lex: Lexicon,
    gaz: Gazetteer,
    next_start: int,
    previous: _Counted | None = None,
    *,
    about_returns: bool = False,
    about_refugees: bool = False,
    last_figure: _Counted | None = None,
    named: _Places = _Places([], []),
) -> _Counted | None:
    cue, noun_end, origin = _noun_phrase(text, mention, clause[1], lex, gaz)
    if (
        cue is None
        and text[mention.start : mention.end].lower() not in {"one", "1", "a", "an"}
        and (of_the := _OF_THE_AFTER.match(text, mention.end, clause[1]))
    ):
        # "at least three of the town's health facilities", "4,600 of the displaced women"
        inner, inner_end, inner_origin = _noun_phrase(
            text, Mention(of_the.end(), of_the.end(), False), clause[1], lex, gaz
        )
        if inner is not None:
            cue, noun_end, origin = inner, inner_end, inner_origin or origin
    notes: list[str] = []
    lo, hi = max(clause[0], mention.start - 160), min(clause[1], mention.end + 160)
    verb: tuple[int, int, str] | None = None
    if _RATIO_BEFORE.search(text, max(lo, mention.start - 30), mention.start):
        return None  # "one child in four", "one in five cases": a ratio's, not a count
    if cue is None:
        written = text[mention.start : mention.end].lower()
        if (written.endswith((" one", " a", " an")) or written in {"one", "a", "an"}) and not (
            written == "one"
            and (person := _ONE_PERSON.match(text, mention.end)) is not None
            and (
                _CASUALTY_AFTER.match(text, person.end())
                or _CASUALTY_BEFORE.search(text, max(0, mention.start - 12), mention.start)
            )
        ):
            return None
        if _POPULATION_OF.search(text, max(lo, mention.start - 40), mention.start):
            return _Counted("population", "all", "person", "stock", None, origin, notes)
        if _OF_THE_BEFORE.search(
            text, max(0, mention.start - 12), mention.start
        ) and text.startswith(",", mention.end):
            return None  # "Of the 834, 127 were children": the 834 names the whole given before
        part_of = _partitive_head(text, mention, lex, previous)
        if part_of is not None:
            return part_of
        if previous is not None and _INCLUDING_BEFORE.search(
            text, max(lo, mention.start - 30), mention.start
        ):
            stop = _CLAUSE_STOP.search(text, mention.end, min(hi, mention.end + 60))
            own = [
                v
                for v in _verbs(text, lex, mention.end, stop.start() if stop else hi)
                if lex.verb_metric[v[2]][0] not in _THING_METRICS
            ]
            if not own:
                # "113 martyrs, including 14 recovered from under the rubble": a part
                notes.append("a part of the figure before it")
                return _Counted(
                    previous.metric, previous.group, previous.unit, previous.kind, None,
                    previous.origin, notes,
                )  # fmt: skip
        if previous is not None and _COMPARED_WITH.search(
            text, max(lo, mention.start - 30), mention.start
        ):
            notes.append("the same count as the figure before it, at another time")
            return _Counted(
                previous.metric, previous.group, previous.unit, previous.kind, None,
                previous.origin, notes,
            )  # fmt: skip
        if _THE_BEFORE.search(
            text, max(lo, mention.start - 6), mention.start
        ) and _AREA_AFTER.match(text, mention.end):
            return None  # "in the two regions": which places, not how many

        # "killing 45 and wounding 60", "hundreds were injured": a verb beside the number
        after = _not_adjectival(
            text, _verbs(text, lex, mention.end, min(hi, next_start, mention.end + 45))
        )
        if not after and (
            among := _AMONG_THE.match(text, mention.end, min(hi, next_start, mention.end + 100))
        ):
            # "Two police officers guarding the mosque were among the dead"
            after = _verbs(text, lex, mention.end, among.end())[-1:]
        before = _not_adjectival(
            text, _verbs(text, lex, max(lo, mention.start - 30), mention.start)
        )

        def counts_people(v: tuple[int, int, str]) -> bool:
            return v[2] in _PERSON_VERBS or lex.verb_metric[v[2]][0] not in _THING_METRICS

        adjacent = bool(before) and not text[before[-1][1] : mention.start].strip()
        toll = (
            _number_of(text, lex, mention.start)
            if _TO_BEFORE.search(text, max(lo, mention.start - 30), mention.start)
            else None
        )
        if toll is not None:
            # "raises the number of aid seekers killed since 27 May to 1,239, and the number
            # injured to 8,152": what the number counts, not the verb of the next clause
            verb = toll
        elif adjacent and counts_people(before[-1]):
            verb = before[-1]  # "killing two and wounding nine", "kills at least 30, displaces"
        elif after and counts_people(after[0]):
            verb = after[0]
        elif before and counts_people(before[-1]):
            verb = before[-1]
        elif _BODIES_OF.search(text, max(lo, mention.start - 20), mention.start):
            verb = (mention.start, mention.start, "deaths")  # "the bodies of 97 victims"
        elif _TOLL.search(text, max(lo, mention.start - 20), mention.start):
            # "the number of people killed has risen to 9,061", "the number of injured has reached"
            earlier = [
                v
                for v in _verbs(text, lex, lo, mention.start)
                if lex.verb_metric[v[2]][0] != "other"
            ]
            if not earlier and _RISEN_TO.search(text, max(lo, mention.start - 60), mention.start):
                # "the number of cholera cases ... has risen to 11 327"
                # the first counted noun is the subject: "Admissions of children to health
                # facilities rose to 2,300" counts admissions, not facilities
                earlier = [
                    (m.start(), m.end(), m.group().lower())
                    for m in _WORD.finditer(text, lo, mention.start)
                    if (noun := lex.nouns.get(m.group().lower())) is not None and noun.metric
                ][:1]
            verb = earlier[-1] if earlier else None
            if verb is None and _RISEN_TO.search(text, max(lo, mention.start - 60), mention.start):
                verb = _number_of(text, lex, mention.start)
        elif _NUMBER_OF_COMMA.search(text, max(lo, mention.start - 80), mention.start):
            verb = _number_of(text, lex, mention.start)  # "the highest number of new cases, 1 022"
        partitive = _OF_THEM.match(text, mention.end)
        if partitive is not None:
            # "11 million of them children", "400 of them have been left homeless": a part of
            # the figure before, counting what that figure counts unless its own verb says else
            part, part_end, _ = _noun_phrase(
                text, Mention(partitive.end(), partitive.end(), False), clause[1], lex, gaz
            )
            start = part_end if part else partitive.end()
            comma = text.find(",", start, hi)
            after_part = _verbs(text, lex, start, min(hi, next_start, comma if comma >= 0 else hi))
            base_group = previous.group if previous is not None else "all"
            group = part.group if part is not None and part.group != "all" else base_group
            unit = previous.unit if previous is not None else "person"
            origin_code = previous.origin if previous is not None else origin
            if after_part:
                part_metric, part_kind = lex.verb_metric[after_part[0][2]]
                if (
                    part_metric == "displaced"
                    and previous is not None
                    and previous.metric == "idps"
                ):
                    # "3.9 million of them displaced by conflict": a part of a stock of IDPs
                    part_metric, part_kind = "idps", "stock"
                if part_metric == "population" and _DISPLACEMENT_SETTING.search(
                    text, after_part[0][0], min(hi, after_part[0][1] + 60)
                ):
                    part_metric = "idps"  # "10,000 of them were living in informal sites"
                return _Counted(part_metric, group, unit, part_kind, None, origin_code, notes)
            if previous is not None:
                return _Counted(
                    previous.metric, group, unit, previous.kind, None, origin_code, notes
                )
        if verb is None:
            verb = _label_or_parenthesis(text, lex, mention, clause)
        if (
            verb is None
            and previous is not None
            and _CHAINED_PART.search(text, max(lo, mention.start - 40), mention.start)
            and _NO_NOUN_AFTER.match(text, mention.end)
        ):
            # "425,873 houses were damaged, of which 112,400 were totally destroyed and 313,473
            # partially damaged": each part counts what the figure before it counts
            notes.append("counts what the figure before it counts")
            return _Counted(
                previous.metric, previous.group, previous.unit, previous.kind, None,
                previous.origin, notes,
            )  # fmt: skip
        if (
            verb is None
            and last_figure is not None
            and _THE_FIGURE.search(text, max(0, mention.start - 70), mention.start)
        ):
            # "On Thursday, BNPB counted 397,171 people in evacuation posts; by Friday evening
            # the figure stood at 173 064": the figure named before, at another time
            notes.append("the figure named before, at another time")
            return _Counted(
                last_figure.metric, last_figure.group, last_figure.unit, last_figure.kind, None,
                last_figure.origin, notes,
            )  # fmt: skip
        if (
            verb is None
            and previous is not None
            and _LIST_ITEM_IN.search(text, max(lo, mention.start - 40), mention.start)
            and _IN_PLACE_AFTER.match(text, mention.end)
        ):
            # "55,000 refugees in Côte d'Ivoire, about 38,000 in Togo's Savanes region and
            # nearly 18,000 in Benin": each item of the list counts what the first counts
            notes.append("an item of a list: counts what the figure before it counts")
            return _Counted(
                previous.metric, previous.group, previous.unit, previous.kind, None,
                previous.origin, notes,
            )  # fmt: skip
        if verb is None:
            return None
        cue = NounCue("", "all", "person")
        noun_end = mention.end
    elif not cue.metric:
        part_of = _partitive_head(text, mention, lex, previous)
        if part_of is not None:
            # "Among them are some 30,000 children": a part, in its own group
            group = cue.group if cue.group != "all" else part_of.group
            return _Counted(
                part_of.metric, group, cue.unit, part_of.kind, None, part_of.origin,
                part_of.notes,
            )  # fmt: skip
        verb = _predicate(text, lex, mention, noun_end, lo, hi, next_start)
    if (
        (ratio := _RATIO.match(text, noun_end))
        and _small(mention, text)
        and _NOTHING_AFTER.match(text, ratio.end())
    ):
        return None  # "one child in four": a ratio, not a count ("1,850 homes in 24 towns" is)
    subject = _LEADING_OF.sub("", text[mention.end : noun_end].strip(" ,")) or None
    metric = cue.metric
    kind: str | None = None
    if metric == "facilities_damaged" and not lex.damage.search(text, lo, hi):
        metric = "other"
    if metric == "other" and cue.unit == "person":
        described = _verbs(text, lex, mention.end, noun_end)
        if described and lex.verb_metric[described[-1][2]][0] not in _THING_METRICS:
            metric = lex.verb_metric[described[-1][2]][0]  # "600 wounded patients"
    if metric in _POPULATION_NOUN_METRICS:
        # "12 refugees were killed", "12,000 refugees were left without a roof": what happened
        # to them is the figure; the noun only says who they are
        event = [
            v
            for v in _verbs(text, lex, noun_end, min(hi, next_start, noun_end + 60))
            if lex.verb_metric[v[2]][0] in _EVENT_METRICS
            or (metric == "detained" and v[2] in _RELEASE)
        ]
        freed = _verbs(text, lex, max(lo, mention.start - 14), mention.start)
        if (
            metric == "detained"
            and freed
            and freed[-1][2] in _RELEASE
            and not text[freed[-1][1] : mention.start].strip()
        ):
            event = [freed[-1]]  # "freeing 529 inmates": a release, not a detention
        if event and not text[noun_end : max(noun_end, event[0][0])].count(","):
            event_metric, event_kind = lex.verb_metric[event[0][2]]
            if metric == "refugees" and _MOVING.match(event[0][2]):
                kind = "flow"  # "33,104 refugees from Ethiopia arrived": refugees, arriving
            elif not (metric == "detained" and event_metric in {"detained", "displaced"}):
                metric, kind = event_metric, event_kind
    if (
        metric in {"", "displaced", "population"}
        and cue.unit in {"person", "household"}
        and _IN_SITES.match(text, noun_end)
        and (
            verb is None
            or lex.verb_metric.get(verb[2], ("", ""))[0]
            not in {"killed", "injured", "missing", "detained"}
        )
    ):
        metric, kind = "idps", "stock"  # "183,159 people in 165 sites": where the displaced live
    if not metric and _BODIES_OF.search(text, max(lo, mention.start - 20), mention.start):
        metric, kind = "killed", "flow"  # "recovered the bodies of 232 people"
    if not metric:
        if verb is not None:
            if verb[2] in lex.verb_metric:
                metric, kind = lex.verb_metric[verb[2]]
            else:  # a counted noun named by a label or before a parenthesis
                metric, kind = lex.nouns[verb[2]].metric, None
            if verb[2] in _EVACUATION and not _RESCUE_OR_TRANSFER.search(
                text, max(lo, mention.start - 60), min(hi, verb[1] + 60)
            ):
                metric, kind = "displaced", "flow"  # "632,000 were pre-emptively evacuated"
            if (
                metric == "idps"
                and _HAVE_BEEN.search(text, max(lo, verb[0] - 20), verb[0])
                and _SINCE.search(text, verb[1], hi)
            ):
                metric, kind = "displaced", "flow"  # "have been internally displaced since April"
            if metric == "displaced" and _STOCK_BEFORE.search(text, max(lo, verb[0] - 30), verb[0]):
                metric, kind = "idps", "stock"  # "remain displaced", "are now displaced"
            if metric == "displaced" and (
                _CROSS_BORDER.search(text, verb[1], min(hi, verb[1] + 60))
                or _into_country(text, gaz, verb[1], min(hi, verb[1] + 60))
            ):
                # "fled Sudan to neighbouring countries", "have fled West Darfur into Chad"
                metric, kind = "refugees", "flow"
            if metric == "displaced":
                metric, kind = _state_after_flight(text, lex, gaz, verb, min(hi, next_start), kind)
        elif _POPULATION_OF.search(text, max(lo, mention.start - 40), mention.start):
            metric, kind = "population", "stock"  # "a coastal city of about 100,000 people"
        elif (labelled := _label_or_parenthesis(text, lex, mention, clause)) is not None:
            if labelled[2] in lex.verb_metric:
                metric, kind = lex.verb_metric[labelled[2]]
            else:
                metric = lex.nouns[labelled[2]].metric
        elif subject and "displaced" in subject.lower():
            metric = "idps"
        elif cue.group == "civilians" or "residents" in (subject or "").lower():
            metric = "population"
        elif origin is not None and about_refugees and named.abroad(origin, noun_end, hi):
            # "212,000 Rohingya in Cox's Bazar", in a text about refugees: refugees where they are
            metric, kind = "refugees", "stock"
        else:
            return None
    if _WHEREABOUTS.search(text, max(0, mention.start - 30), mention.start) and _UNKNOWN.search(
        text, mention.end, hi
    ):
        metric, kind = "missing", "flow"  # "the whereabouts of 112 foreigners remain unknown"
    if (
        metric == "displaced"
        and verb is not None
        and _WERE_BEFORE.search(text, max(lo, verb[0] - 12), verb[0])
        and _AS_OF.search(text, lo, hi)
        and not _SINCE.search(text, lo, hi)
    ):
        metric, kind = (
            "idps",
            "stock",
        )  # "223,751 people were displaced in 122 sites as of 21 October"
    if (
        metric == "displaced"
        and subject
        and "displaced" in subject.lower()
        and "newly" not in subject.lower()
    ):
        metric = (
            "idps"  # "displaced Syrians": people in displacement, unless the wording says a flow
        )
    cues = {lex.kind_of[m.group().lower()] for m in lex.kind_cues.finditer(text, lo, hi)}
    default = METRICS[metric].default_kind
    if metric in {"refugees", "idps"} and kind is None:
        line_start = max(text.rfind("\n", 0, mention.start) + 1, mention.start - 100)
        if (
            _ARRIVALS_LABEL.search(text[line_start : mention.start])
            and ":" in text[line_start : mention.start]
        ):
            cues.add("flow")  # "Arrivals since 15 April 2023: 551,000 people"
        kind = "flow" if "flow" in cues and "stock" not in cues else "stock"
        if metric == "idps" and kind == "flow":
            metric = "displaced"
    elif metric == "population":
        kind = "stock"
        if (
            origin is not None
            and _REFUGEE_WORDS.search(text, lo, hi)
            and named.abroad(origin, noun_end, hi)
        ):
            metric = "refugees"  # "Some 250,000 Syrians live in refugee camps in Jordan"
    kind = kind or default
    if metric in _STOCK_DEFAULT and kind == "flow" and metric != "refugees":
        kind = default
    if (
        metric == "other"
        and cue.unit in {"facility", "site"}
        and "flow" not in cues
        and not _INHABITED.search(subject or "")
    ):
        # "24 collective shelters", "2,512 schools had closed": places counted as they stand
        kind = "stock"
    if (
        about_returns
        and metric in {"refugees", "idps", "displaced"}
        and _CROSSING.match(text, _past_restatement(text, noun_end, next_start, hi)[0])
        and not _FLIGHT.search(text, clause[0], clause[1])
        and not _FLIGHT.search(text, mention.end, min(len(text), mention.end + 160))
    ):
        metric, kind = "returnees", "flow"  # "376,000 people had crossed" in a text on returns
    if (
        metric in {"population", "displaced"}
        and verb is not None
        and (
            metric == "population"
            or _LIVING_NOW.search(text, verb[1], min(len(text), verb[1] + 40))
        )
        and (
            _DISPLACEMENT_SETTING.search(text, max(lo, mention.start - 80), min(hi, noun_end + 80))
            or _DISPLACEMENT_SETTING.search(text, verb[0], verb[1] + 60)
        )
    ):
        metric, kind = "idps", "stock"  # "the Bentiu IDP camp, home to some 110,000 people"
    if metric == "displaced" and _SHARE_OF_POPULATION.search(text, lo, hi):
        # "1.9 million people, roughly 90 per cent of Gaza's population, were displaced": a share
        # of a population is the state it is in, not a movement
        metric, kind = "idps", "stock"
    if metric == "idps" and verb is not None and verb[2] in _HOSTING and origin is not None:
        metric, kind = "refugees", "stock"  # "Colombia hosts about 2.8 million Venezuelans"
    if (
        about_refugees
        and metric == "idps"
        and verb is not None
        and (verb[2] in _HOSTING or _LIVING_NOW.search(verb[2]) or verb[2].startswith("live"))
        and cue.unit in {"person", "household"}
        and not cue.metric
        and not _DISPLACEMENT_WORDS.search(text, lo, hi)
    ):
        metric, kind = "refugees", "stock"  # "the Caribbean hosts 230,000 of them" (refugees)
    return _Counted(metric, cue.group, cue.unit, kind, subject, origin, notes)


def _attribution(text: str, sentence: tuple[int, int]) -> tuple[str | None, tuple[int, int]]:
    """The originator the sentence cites, and the span of the name (to keep it out of places)."""
    if not _ATTRIBUTION_CUE.search(text, sentence[0], sentence[1]):
        return None, (0, 0)
    for m in _ATTRIBUTION.finditer(text, sentence[0], sentence[1]):
        group = "a" if m.group("a") else ("b" if m.group("b") else "c")
        who = (m.group(group) or "").strip(" .,")
        if who[:4].lower() == "the ":
            who = who[4:]
        if who.endswith(("’s", "'s")):
            continue
        if who and who not in _NOT_ORIGINATORS and not who.isdigit():
            return who, m.span(group)
    return None, (0, 0)


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the last match is wanted
        pass
    return found


@dataclass(frozen=True, slots=True)
class _Dating:
    """The dates of a text, with the days of its events and of its reports told apart."""

    dates: list[DateExpr]
    starts: list[int]
    events: list[DateExpr]
    reported: frozenset[int]
    since: DateExpr | None
    #: "as of" days in headings ("KEY FIGURES (as of 31 May 2024)"), in text order
    headings_as_of: tuple[DateExpr, ...] = ()

    @classmethod
    def of(cls, text: str, segs: Segments, dates: list[DateExpr]) -> _Dating:
        events: list[DateExpr] = []
        reported: set[int] = set()
        for d in dates:
            if d.role not in {"point", "window"} or d.start is None or d.end is None:
                continue
            if (d.end - d.start).days > 2:
                continue
            lo, hi = segs.sentence(d.start_offset)
            if _DATELINE.match(text, d.end_offset):
                continue
            if _AS_OF_BEFORE.search(text, max(lo, d.start_offset - 12), d.start_offset):
                reported.add(d.start_offset)  # "As of 10:00 today": the day of the count
                continue
            before = text[max(lo, d.start_offset - 100) : d.start_offset]
            after = text[d.end_offset : min(hi, d.end_offset + 40)]
            event = _last(_EVENT_CUES, before)
            report = _last(_REPORT_CUES, before)
            if report is not None and (event is None or report.start() > event.start()):
                if len(before) - report.end() <= 30:
                    reported.add(d.start_offset)
                continue
            if event is not None:
                events.append(d)
                continue
            next_event = _EVENT_CUES.search(after)
            if next_event is not None and not _NOT_THE_EVENT.search(after, 0, next_event.start()):
                events.append(d)
            elif _SPEECH_AFTER.match(after):
                reported.add(d.start_offset)
        starts = Counter(d.start for d in dates if d.role == "since" and d.start is not None)
        common = starts.most_common(1)[0] if starts else None
        since = (
            next(d for d in dates if d.role == "since" and d.start == common[0])
            if common and common[1] > 1
            else None
        )
        as_of = []
        for d in dates:
            if d.start is None or not _AS_OF.match(text, d.start_offset):
                continue
            line_end = text.find("\n", d.end_offset)
            line = text[
                text.rfind("\n", 0, d.start_offset) + 1 : len(text) if line_end < 0 else line_end
            ]
            if not line.rstrip().endswith((".", ":", ";")):
                as_of.append(d)
        return cls(
            dates,
            [d.start_offset for d in dates],
            events,
            frozenset(reported),
            since,
            tuple(as_of),
        )

    def heading_as_of(self, position: int) -> DateExpr | None:
        """The day the last heading before ``position`` says its figures stand at."""
        before = [d for d in self.headings_as_of if d.start_offset < position]
        return before[-1] if before else None

    def event_for(self, position: int) -> DateExpr | None:
        """The event a figure at ``position`` most likely counts: the last one before it, else the first."""
        before = [d for d in self.events if d.start_offset < position]
        if before:
            return before[-1]
        return self.events[0] if self.events else None


def _period(
    kind: str,
    metric: str,
    mention: Mention,
    segs: Segments,
    dating: _Dating,
    published: date | None,
    notes: list[str],
) -> tuple[date | None, date | None]:
    dates, date_starts = dating.dates, dating.starts
    clause = segs.clause(mention.start)
    sentence = segs.sentence(mention.start)
    paragraph = segs.paragraph(mention.start)
    chosen: DateExpr | None = None
    chosen_level = -1
    for level, (lo, hi) in enumerate((clause, sentence, paragraph)):
        i0 = bisect.bisect_left(date_starts, lo)
        in_window = [
            d for d in dates[i0 : bisect.bisect_left(date_starts, hi)] if d.end_offset <= hi
        ]
        if level == 0 and any(d.role in {"since", "window"} for d in in_window):
            in_window = [d for d in in_window if d.role in {"since", "window"}]
        if any(d.start_offset not in dating.reported for d in in_window):
            # "said on Monday it had confirmed 7,000 deaths since Feb. 24": not the day reported
            in_window = [d for d in in_window if d.start_offset not in dating.reported]
        if kind == "stock" and level > 0:
            # a stock is dated by its own clause, or by a day its sentence names; else by publication
            in_window = [d for d in in_window if d.role in {"point", "by"}] if level == 1 else []
        if level == 2:
            # from the paragraph, only a date given before the figure, the nearest one
            in_window = [d for d in in_window if d.end_offset <= mention.start][-1:]
        if in_window:
            chosen = min(in_window, key=lambda d: abs(d.start_offset - mention.start))
            chosen_level = level
            break
    if (
        chosen is not None
        and chosen.role in {"point", "window"}
        and _SINCE_BEFORE.search(
            segs.text,
            max((clause, sentence, paragraph)[chosen_level][0], chosen.start_offset - 70),
            chosen.start_offset,
        )
    ):
        # "since the storm struck on 10 September"
        chosen = DateExpr(
            chosen.start_offset, chosen.end_offset, "since", chosen.start, None, chosen.exact_year
        )
    if kind == "flow" and (chosen is None or chosen.role in {"point", "by"}):
        event = dating.event_for(mention.start)
        own_event = _EVENT_CUES.search(segs.text, *clause) is not None
        cumulative = _CUMULATIVE.search(segs.text, *clause) is not None
        is_report = chosen is not None and (
            chosen.start_offset in dating.reported or chosen.role == "by"
        )
        later = (
            event is not None
            and chosen is not None
            and chosen_level > 0
            and chosen.start is not None
            and event.start is not None
            and chosen.start > event.start
        )
        undated = (
            chosen is None
            or is_report
            or later
            or (chosen_level == 2 and (event is None or chosen is not event))
        )
        if undated and metric in _TOLL_METRICS and cumulative and dating.since is not None:
            # "130 health workers have been killed" in a text that counts "since 7 October"
            since = dating.since
            words = segs.text[since.start_offset : since.end_offset]
            notes.append(f"start taken from the text's '{words}'")
            end_day = chosen.end if is_report and chosen is not None else published
            return since.start, end_day
        since_what = _SINCE_UNDATED.search(segs.text, *sentence) if undated else None
        what = since_what.group("what") if since_what is not None else ""
        began = _began(segs, dating, what, sentence) if what else None
        if began is not None and began.start is not None:
            # "has killed 36,050 people ... since the war began", in a text that says elsewhere
            # "the war was sparked by Hamas's October 7 attack": from that day to publication
            words = segs.text[began.start_offset : began.end_offset]
            notes.append(f"start taken from the day the text gives the {what} ('{words}')")
            return began.start, published
        if (
            event is not None
            and undated
            and (own_event or (metric in _TOLL_METRICS and not _SINCE.search(segs.text, *clause)))
        ):
            words = segs.text[event.start_offset : event.end_offset]
            notes.append(f"dated on the day of the event the text names ('{words}')")
            return event.start, event.end
        if is_report and chosen is not None and chosen.role == "point":
            # "the toll rose to 40 on Monday": the day it was counted, not the day it happened
            chosen = DateExpr(
                chosen.start_offset, chosen.end_offset, "by", None, chosen.end, chosen.exact_year
            )
    if chosen is not None and chosen_level > 0:
        notes.append("date taken from the " + ("sentence" if chosen_level == 1 else "paragraph"))
    if chosen is not None and chosen.role in {"then", "later"}:
        i = bisect.bisect_left(date_starts, chosen.start_offset) - 1
        while i >= 0 and dates[i].start is None:
            i -= 1
        paragraph_start = segs.paragraph(mention.start)[0]
        previous = dates[i] if i >= 0 and dates[i].start_offset >= paragraph_start else None
        if previous is None or previous.start is None:
            words = segs.text[chosen.start_offset : chosen.end_offset]
            notes.append(f"'{words}' refers to a date given earlier; none found")
            chosen = None
        elif chosen.role == "then":
            chosen = DateExpr(
                chosen.start_offset,
                chosen.end_offset,
                "since",
                previous.start,
                None,
                previous.exact_year,
            )
        else:
            day = previous.start + timedelta(days=chosen.offset_days)
            chosen = DateExpr(
                chosen.start_offset, chosen.end_offset, "point", day, day, previous.exact_year
            )
    if chosen is not None and chosen.start is None and chosen.end is None:
        notes.append("date in the text could not be resolved without a publication date")
        chosen = None
    if kind == "stock":
        if (
            chosen is not None
            and chosen.role == "point"
            and chosen.start is not None
            and _BEFORE_DAY.search(segs.text, max(0, chosen.start_offset - 12), chosen.start_offset)
        ):
            # "home to roughly 20,000 people before 21 January": the day before
            day = chosen.start - timedelta(days=1)
            notes.append("a stock said to hold before a day is dated on the day before it")
            return day, day
        if (
            chosen is not None
            and chosen.role in {"point", "window", "by"}
            and chosen.start is not None
        ):
            return chosen.start, chosen.end or chosen.start
        heading = dating.heading_as_of(mention.start)
        line_end = segs.text.find("\n", mention.end)
        in_list = (
            not segs.text[mention.end : len(segs.text) if line_end < 0 else line_end]
            .rstrip()
            .endswith(".")
        )
        if heading is not None and heading.start is not None and in_list:
            # a key-figures line under "KEY FIGURES (as of 31 May 2024)"
            words = segs.text[heading.start_offset : heading.end_offset]
            notes.append(f"stock dated by the heading's '{words}'")
            return heading.start, heading.start
        if published is None:
            notes.append("no publication date: reference date unknown")
            return None, None
        notes.append("stock dated at publication")
        return published, published
    if chosen is None:
        if published is None:
            notes.append("no date in the text and no publication date")
            return None, None
        notes.append("start unknown; period ends at publication")
        return None, published
    if chosen.role == "by":
        return None, chosen.end
    if chosen.role == "since":
        end = published if published is not None else None
        if end is None:
            notes.append("'since': end unknown without a publication date")
        return chosen.start, end
    return chosen.start, chosen.end


# "one soldier was also killed", "killing one man": one person, counted
_ONE_PERSON: Final = re.compile(
    r"\s+(?:man|woman|child|boy|girl|person|civilian|soldier|policeman|officer|worker|journalist)\b",
    re.IGNORECASE,
)
_CASUALTY_AFTER: Final = re.compile(
    r"\s+(?:was|has\s+been|had\s+been)(?:\s+also)?\s+(?:killed|injured|wounded|shot\s+dead)\b"
)
_CASUALTY_BEFORE: Final = re.compile(r"\b(?:killing|wounding|injuring)\s+$")
_HOUSEHOLD_NOUN_AFTER: Final = re.compile(r"\s+(?:households|families)\b")
_PERSON_NOUN_AFTER: Final = re.compile(r"\s+(?:people|persons|individuals)\b")


def _restated(
    text: str, mention: Mention, counted: _Counted | None, previous: _Counted, previous_end: int
) -> _Counted | None:
    """A figure in parentheses right after another restates it in other units: "2,600
    displaced families (about 12,000 people)" counts what the first figure counts."""
    opening = text.rfind("(", previous_end, mention.start)
    if (
        opening < 0
        or opening - previous_end > 40
        or ")" in text[previous_end:opening]
        or text[opening + 1 : mention.start].strip(" ~")
        or (previous.unit == "person" and not _HOUSEHOLD_NOUN_AFTER.match(text, mention.end))
    ):
        return counted
    unit = (
        "person"
        if _PERSON_NOUN_AFTER.match(text, mention.end)
        else "household"
        if _HOUSEHOLD_NOUN_AFTER.match(text, mention.end)
        else previous.unit
    )
    subject = counted.subject if counted is not None else None
    notes = [*(counted.notes if counted is not None else []), "restates the figure before it"]
    return _Counted(
        previous.metric, previous.group, unit, previous.kind, subject, previous.origin, notes
    )


def _place(
    mention: Mention,
    counted: _Counted,
    segs: Segments,
    places: list[PlaceMatch],
    place_starts: list[int],
    default_country: str | None,
    excluded: tuple[int, int],
) -> tuple[str | None, str | None, str | None]:
    """(location as written, code, origin code)."""
    origin = counted.origin
    candidates = places
    starts = place_starts
    for level, (lo, hi) in enumerate(
        (segs.clause(mention.start), segs.sentence(mention.start), segs.paragraph(mention.start))
    ):
        i0 = bisect.bisect_left(starts, lo)
        best: PlaceMatch | None = None
        best_distance = 10**9
        best_country: PlaceMatch | None = None
        country_distance = 10**9
        for p in candidates[i0:]:
            if p.start >= hi:
                break
            if excluded[0] <= p.start < excluded[1]:
                continue
            before = segs.text[max(0, p.start - 6) : p.start].lower()
            if counted.metric == "refugees" and before.endswith(("from ", "fled ")):
                origin = origin or p.code[:2]
                continue
            # the gap between the place and the figure, on whichever side of it the place is;
            # "38,000 in Togo's Savanes region" is where the figure is, whatever came before
            distance = p.start - mention.end if p.start >= mention.end else mention.start - p.end
            if p.start >= mention.end and _IN_THE.fullmatch(segs.text, mention.end, p.start):
                distance = -1
            if p.level == "country":
                if distance < country_distance:
                    best_country, country_distance = p, distance
            elif distance < best_distance:
                best, best_distance = p, distance
        best = best or best_country
        if best is not None:
            if counted.metric in {"idps", "displaced"} and origin and level == 2:
                # "displaced Syrians", with a place only in the paragraph: in their own country
                return None, origin, None
            return best.written, best.code, origin if counted.metric == "refugees" else None
        if counted.metric in {"idps", "displaced"} and origin:
            return None, origin, None
    return None, default_country, origin if counted.metric == "refugees" else None


def extract(
    text: str,
    *,
    source: Source | Mapping[str, Any] | pd.Series | None = None,
    gazetteer: Gazetteer | None = None,
) -> ClaimSet:
    """Propose every humanitarian figure in ``text`` as a candidate claim.

    Parameters
    ----------
    text
        The article or report, as a string.
    source
        A :class:`~humtrack.Source` or a row of a sources table: gives the
        ``source_id`` and the publication date that relative dates resolve against.
    gazetteer
        Place names to recognise; the shipped one by default (see
        :class:`~humtrack.extract.places.Gazetteer` to extend it).

    Returns
    -------
    ClaimSet
        Candidates with status ``extracted``; each quote is the clause that
        states the figure, with ``text[quote_start:quote_end] == quote``.

    Examples
    --------
    >>> import humtrack as ht
    >>> found = ht.extract("More than 200 people have been killed since September 19.",
    ...                    source=ht.Source("s1", published=ht.Period.parse("2017-10-08").end))
    >>> c = found[0]
    >>> (c.metric, str(c.estimate), c.kind, str(c.period))
    ('killed', 'more than 200', 'flow', '2017-09-19/2017-10-08')
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes text (str), not {type(text).__name__}")
    gaz = gazetteer or default_gazetteer()
    lex = lexicon()
    source_id, published, _precision = _publication(source)
    segs = Segments.of(text)
    dates = list(find_dates(text, published))
    dating = _Dating.of(text, segs, dates)
    masked = [(d.start_offset, d.end_offset) for d in dates if d.role != "then"]
    places = [p for p in gaz.find(text) if not p.demonym]
    place_starts = [p.start for p in places]
    named = _Places(places, place_starts)
    countries = Counter(p.code[:2] for p in places)
    default_country = countries.most_common(1)[0][0] if countries else None
    rows: list[dict[str, Any]] = []
    n_refugee_words = len(_REFUGEE_WORDS.findall(text))
    about_returns = len(_RETURN_WORDS.findall(text)) > max(1, n_refugee_words)
    about_refugees = n_refugee_words > max(1, len(_IDP_WORDS.findall(text)))
    mentions = find_mentions(text, masked)
    previous_counted: tuple[int, _Counted, int] | None = None
    last_figure: _Counted | None = None
    for index, mention in enumerate(mentions):
        clause = segs.clause(mention.start)
        next_start = mentions[index + 1].start if index + 1 < len(mentions) else len(text)
        sentence_start = segs.sentence(mention.start)[0]
        if previous_counted is not None and previous_counted[0] != sentence_start:
            # "... 1.1 million displaced. Of these, more than half a million are in ...": a
            # sentence that opens on the figure before it continues to count what it counts
            opener = _PART_OF_LAST.match(text, sentence_start)
            previous_counted = (
                (sentence_start, previous_counted[1], previous_counted[2]) if opener else None
            )
        counted = _count(
            text,
            mention,
            clause,
            lex,
            gaz,
            next_start,
            previous_counted[1] if previous_counted else None,
            about_returns=about_returns,
            about_refugees=about_refugees,
            last_figure=last_figure,
            named=named,
        )
        if previous_counted is not None:
            counted = _restated(text, mention, counted, previous_counted[1], previous_counted[2])
        if counted is None:
            continue
        previous_counted = (sentence_start, counted, mention.end)
        last_figure = counted
        e = mention.estimate(text)
        if e is None:
            continue
        notes = list(counted.notes)
        start, end = _period(counted.kind, counted.metric, mention, segs, dating, published, notes)
        if end is None:
            # nothing in or about the text dates it: the figure was published by today at the latest
            end = date.today()
            notes.append(f"no publication date: period ends at extraction ({end.isoformat()})")
        if start is not None and start > end:
            notes.append(f"the period's start {start} falls after its end; start dropped")
            start = None
        if start is None and counted.kind == "stock":
            start = end
        who, who_span = _attribution(text, segs.sentence(mention.start))
        location, code, origin = _place(
            mention, counted, segs, places, place_starts, default_country, who_span
        )
        q_start, q_end = segs.trimmed(*clause)
        if not (q_start <= mention.start and mention.end <= q_end):
            q_start, q_end = min(q_start, mention.start), max(q_end, mention.end)
        rows.append(
            {
                "claim_id": f"{source_id or 'text'}:{mention.start}-{mention.end}",
                "source_id": source_id,
                "metric": counted.metric,
                "subject": counted.subject,
                "group": counted.group,
                "kind": counted.kind,
                "value": e.value,
                "lower": e.lower,
                "upper": e.upper,
                "qualifier": e.qualifier,
                "precision": e.precision,
                "unit": counted.unit,
                "location": location,
                "location_code": code,
                "origin_code": origin,
                "period_start": pd.Timestamp(start) if start else pd.NaT,
                "period_end": pd.Timestamp(end),
                "quote": text[q_start:q_end],
                "quote_start": q_start,
                "quote_end": q_end,
                "attributed_to": who,
                "credibility": 6,
                "status": "extracted",
                "notes": "; ".join(notes) or None,
            }
        )
    if not rows:
        return ClaimSet()
    frame = pd.DataFrame(rows, columns=list(CLAIM_DTYPES))
    for name, dtype in CLAIM_DTYPES.items():
        frame[name] = frame[name].astype(dtype)  # type: ignore[call-overload]
    # every row is built here from checked parts; the tests validate extractions in full
    return ClaimSet._trusted(frame)

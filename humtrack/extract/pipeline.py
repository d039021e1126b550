"""From text to candidate claims: mentions, what they count, when, where and who says so."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any, Final

import pandas as pd

from humtrack.claim import Source
from humtrack.claimset import ClaimSet
from humtrack.errors import ParseError
from humtrack.estimate import Estimate
from humtrack.extract._counting import (
    _DIGIT,
    _OF_THEM,
    _PART_OF_LAST,
    _count,
    _Counted,
    _listed_part,
    _Places,
    _restated,
    _same_as,
    unnamed,
)
from humtrack.extract._cues import _data_lines, forget_verbs
from humtrack.extract._labels import forget_labels
from humtrack.extract._periods import _Dating, _period
from humtrack.extract._scan import forget_words, lowered, matches_at
from humtrack.extract._tables import TableCell, table_cell
from humtrack.extract.dates import MONTH_NAME, DateExpr, find_dates, month_window
from humtrack.extract.lexicon import STOP_WORDS, lexicon
from humtrack.extract.mentions import (
    IP_ADDRESS,
    WEEKDAY_BRACKET,
    Mention,
    enumerator,
    find_mentions,
    not_a_figure,
)
from humtrack.extract.places import Gazetteer, PlaceMatch, default_gazetteer
from humtrack.extract.text import Segments
from humtrack.schema import CLAIM_DTYPES
from humtrack.vocab import QUALIFIER_PHRASES, SCALES, Qualifier

__all__ = ["extract"]

_ATTRIBUTION: Final = re.compile(
    r"(?i:according)\s+to\s+(?P<a>(?:the\s+)?[A-Z][\w&’'.\-]*(?:\s+(?:of|for|on|the|and|de)?\s*[A-Z][\w&’'.\-]*){0,6})"
    r"|(?P<b>(?:the\s+)?[A-Z][\w&’'.\-]*(?:\s+(?:of|for|on|the|and)?\s*[A-Z][\w&’'.\-]*){0,6})\s+"
    r"(?:said|says|reported|reports|estimated|estimates|stated|announced|warned)\b"
    r"|\b(?:said|reported|estimated|(?i:according)\s+to)\s+(?P<c>(?:the\s+)?[A-Z][\w&’'.\-]*"
    r"(?:\s+(?:of|for|on|the|and)?\s*[A-Z][\w&’'.\-]*){0,6})"
)
_ATTRIBUTION_CUE: Final = re.compile(
    r"\b(?:(?i:according)|said|says|reported|reports|estimated|estimates|stated|announced|warned)\b"
)
# a figure in brackets in running text, as translated Arabic statements write them: "of whom
# (37) were received by the hospitals", "(6) further bodies were recovered". Not a figure in
# brackets after another ("Shangla: 36 (2)"), nor a number after "No." ("Statement No. (112)")
_BRACKETED_IN_PROSE: Final = re.compile(
    # (the bracket first, then what stands before it: the matcher skips fast to each bracket)
    r"\((?:(?<=[a-z] \()|(?<=[.!?,] \()|(?<=\n\()|(?<=^\())(\d{1,3}(?:,\d{3})+|\d+)\)(?= [a-z])"
)
#: how many figures in brackets make a text one that writes its figures so
_BRACKETED_STYLE: Final = 3
# the word before the bracket: "Idlib (12) and Hama (5)", "a boy (12)"
_WORD_BEFORE_BRACKET: Final = re.compile(r"([\w'’\-]+)[ \t]*\($")
# the words a figure in brackets follows in such a text: a preposition or another word that
# leads to a count ("of (12)", "whom (37)", "about (20)"), or a verb or the name of an act
# ("reached (103)", "the killing (94)"); after a noun, the bracket holds an age or a restated
# count ("a boy (12)", "informants (24)")
_PRONOUNS_BEFORE_FIGURE: Final = frozenset({"them", "whom", "which", "these", "those", "others"})
_LEADS_TO_FIGURE: Final = (
    STOP_WORDS
    | _PRONOUNS_BEFORE_FIGURE
    | frozenset(w for phrase in QUALIFIER_PHRASES for w in phrase.split())
)


def _unbracketed(text: str) -> str:
    """``text`` with the brackets around figures in running text turned into spaces, so that
    "(37) were received" reads as "37 were received"; offsets are unchanged. Only in a text that
    writes its figures so (three of them at least), after a word that leads to a count; not
    after a name or a noun ("Idlib (12) and Hama (5)", "a boy (12)"), nor a number that is no
    figure without its brackets either ("aged (15)", "Phase (3)"), nor the items of an
    enumeration ("(2) restore water supply, (3) monitor prices"), nor a day after its weekday
    ("Monday (24)")."""
    if "(" not in text:
        return text
    found = list(_BRACKETED_IN_PROSE.finditer(text))
    if len(found) < _BRACKETED_STYLE:
        return text
    pieces: list[str] = []
    at = 0
    for m in found:
        figure = m.group(1)
        word = _WORD_BEFORE_BRACKET.search(text, max(0, m.start() - 40), m.start() + 1)
        before = text[max(0, m.start() - 18) : m.start()]
        probe = f"{before}{figure}{text[m.end() : m.end() + 24]}"
        if (
            enumerator(text, m.start(1), m.end(1))
            or WEEKDAY_BRACKET.search(text, max(0, m.start() - 12), m.start() + 1)
            or (
                word is not None
                and not word[1].endswith(("ed", "ing"))
                and word[1].lower() not in _LEADS_TO_FIGURE
            )
            or not_a_figure(probe, len(before), len(before) + len(figure))
        ):
            continue
        pieces.append(text[at : m.start()])
        pieces.append(f" {figure} ")
        at = m.end()
    pieces.append(text[at:])
    return "".join(pieces)


_NOT_ORIGINATORS: Final = frozenset(
    {"It", "He", "She", "They", "We", "This", "That", "There", "The"}
)


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


# "South Sudanese refugees", "Syrian refugee families", "the South Sudanese arrivals"
_REFUGEES_AFTER: Final = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:refugees?|asylum|arrivals|nationals)\b", re.IGNORECASE
)
# "the total number of refugees", "refugees of all nationalities": no one origin
_ALL_ORIGINS: Final = re.compile(r"\b(?:total|overall|all\s+nationalities)\b", re.IGNORECASE)
# what a text is about: people going home, refugees or IDPs, its words counted in one pass
_TOPIC_WORDS: Final = re.compile(
    r"\b(?=[RrAaIiMm])(?:(?P<returns>return(?:s|ed|ees?|ing)?)|(?P<refugees>refugees?|asylum)"
    r"|(?P<idps>IDPs?|internally\s+displaced)|(?P<migrants>migrants?))\b",
    re.IGNORECASE,
)
# how a topic word starts in the lowered text (see _scan.lowered), each searched for on its own
# as quickly as bytes.find: "?" stands for the dotless i and the long s past Latin-1, which match
# "i" and "s" when case is ignored
_TOPIC_STARTS: Final = tuple(
    re.compile(re.escape(start))
    for start in (
        b"return",
        b"refugee",
        b"asylum",
        b"a?ylum",
        b"idp",
        b"?dp",
        b"internally",
        b"?nternally",
        b"migrant",
    )
)


#: the people a count of migrants names, without refugees among them
_MIGRANTS: Final = re.compile(r"(?:[\w-]+\s+){0,2}migrants?", re.IGNORECASE)
_MOVEMENT_METRICS: Final = frozenset({"refugees", "displaced"})
#: a count of people of mixed status: "refugees and migrants", "migrants and asylum seekers"
_MIXED_GROUP: Final = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:(?:refugees|asylum[- ]seekers)\s+(?:and|&)\s+migrants"
    r"|migrants\s+(?:and|&)\s+(?:refugees|asylum[- ]seekers))\b",
    re.IGNORECASE,
)
#: how far above a row of a list its heading may be
_LIST_REACH: Final = 5000
#: words of arriving or crossing, and words that name refugees or flight
_ARRIVED: Final = re.compile(
    r"\b(?:arriv\w*|cross\w*|landed|landings?|entered|entries|entering|reached|disembark\w*)\b",
    re.IGNORECASE,
)
_REFUGEES_OR_FLIGHT: Final = re.compile(
    r"\b(?:refugees?|asylum|displac\w*|fled|fleeing|flee|evacuat\w*)\b", re.IGNORECASE
)


def _moved_on(
    text: str, clause: tuple[int, int], sentence: tuple[int, int], counted: _Counted
) -> bool:
    """Whether a flow of migrants counts arrivals or crossings, not refugees nor people who
    fled: "1,100 crossed on Monday" is displaced by the verb, "Spain: 49,432" under "SEA AND
    LAND ARRIVALS" refugees by the label; not "2,000 migrants fled the fighting", nor "800
    of them reached camps" after "Floods displaced 4,500 people"."""
    # the sentence up to the figure's clause, on its own line ("IOM YEMEN – DISPLACEMENT
    # TRACKING MATRIX" over "Migrant arrivals: 17 913" is a title, not a flight)
    line_start = text.rfind("\n", max(0, clause[0] - _LIST_REACH), clause[0]) + 1
    if _REFUGEES_OR_FLIGHT.search(text, max(sentence[0], line_start), clause[1]):
        return False
    if _ARRIVED.search(text, max(line_start, min(clause[0], sentence[0])), clause[1]):
        return True  # "1,100 crossed on Monday", "Migrant arrivals from the Horn: 17 913"
    # a row of a list or table: the heading over it says what it counts ("ARRIVALS BY
    # NATIONALITY"), the same for every row, and neither refugees nor asylum claims
    block = text.rfind("\n\n", max(0, clause[0] - _LIST_REACH), clause[0])
    if counted.metric != "refugees" or block < 0:
        return False
    heading_end = text.find("\n", block + 2, clause[0])
    heading = (block + 2, clause[0] if heading_end < 0 else heading_end)
    return (
        _ARRIVED.search(text, *heading) is not None
        and _REFUGEES_OR_FLIGHT.search(text, *heading) is None
    )


def _topics(text: str) -> Counter[str | None]:
    """How many words of each topic the text has, _TOPIC_WORDS tried only where one starts."""
    low = lowered(text)
    # one byte before the text in the lowered copy: its offsets there are one on
    stops = sorted(m.start() - 1 for start in _TOPIC_STARTS for m in start.finditer(low))
    return Counter(m.lastgroup for m in matches_at(_TOPIC_WORDS, stops, text))


# "fled Ukraine to Poland, Romania and Moldova"
_TO_SEVERAL: Final = re.compile(
    r"\b(?:to|into)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    r"(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*,?\s+and\s+[A-Z]"
)
_FROM_RIGHT_AFTER: Final = re.compile(r"\s+from\s+(?:the\s+)?")
_FROM_CHAIN: Final = re.compile(r"\b(?:from|fled)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+){0,3}$")
_IN_THE: Final = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")


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


_IN_BEFORE_PLACE: Final = re.compile(r"\b[Ii]n\s+$")
# "2.925 people", "more than 2.500 aftershocks": thousands grouped with a dot, as Italian,
# Spanish, German or Indonesian sources write them; not "2.925 million", "1.5"
_SCALE_WORD: Final = "|".join(sorted(map(re.escape, SCALES), key=len, reverse=True))
_DOT_GROUPED: Final = re.compile(
    rf"(?<![\d.,])(\d{{1,3}})\.(\d{{3}})(?![\d.,]|\s*(?:{_SCALE_WORD})\b)", re.IGNORECASE
)
_SCALE_AFTER: Final = re.compile(rf"\s*(?:{_SCALE_WORD})\b", re.IGNORECASE)
_SCALE_IN: Final = re.compile(rf"(?<![^\W\d_])(?:{_SCALE_WORD})\b", re.IGNORECASE)
#: units counted whole: a figure of them has no fraction
_WHOLE_UNITS: Final = frozenset(
    {"person", "household", "facility", "site", "event", "building", "item"}
)


# the signs that a text groups thousands with dots, each found by a scan that starts on a plain
# character: a decimal comma before a scale ("1,5 million"), several groups of three after dots
# ("1.234.567", not an address on a network), or a note that says so
_DECIMAL_COMMA_SCALE: Final = re.compile(
    rf"(?<![\d.,])\d{{1,3}},\d{{1,2}}(?![\d.,])\s*(?:{_SCALE_WORD})\b", re.IGNORECASE
)
_COMMA_DIGITS: Final = re.compile(r",\d{1,2}(?![\d.,])")
_DOT_GROUPS: Final = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,])")
_TWO_DOT_GROUPS: Final = re.compile(r"\.\d{3}\.\d{3}")
_DOTS_NOTE: Final = re.compile(
    r"\bdots?\s+(?:separate|separates|mark|marks|group|groups)\s+(?:the\s+)?$", re.IGNORECASE
)


def _dots_group_thousands(text: str) -> bool:
    """Whether the text groups thousands with dots ("54.192" is then 54,192)."""
    for m in _COMMA_DIGITS.finditer(text):
        if _DECIMAL_COMMA_SCALE.match(text, max(0, m.start() - 3), m.end() + 20) or (
            _DECIMAL_COMMA_SCALE.match(text, max(0, m.start() - 2), m.end() + 20)
            or _DECIMAL_COMMA_SCALE.match(text, max(0, m.start() - 1), m.end() + 20)
        ):
            return True
    for m in _TWO_DOT_GROUPS.finditer(text):
        start = m.start()
        while start > 0 and (text[start - 1].isdigit() or text[start - 1] == "."):
            start -= 1
        number = _DOT_GROUPS.match(text, start)
        if number is not None and not IP_ADDRESS.fullmatch(number.group()):
            return True
    at = text.find("thousands")
    while at >= 0:
        if _DOTS_NOTE.search(text, max(0, at - 40), at):
            return True
        at = text.find("thousands", at + 1)
    return False


def _dot_grouped(
    text: str, mention: Mention, e: Estimate, unit: str, dots_group: bool = False
) -> Estimate | None:
    """The figure read again with its dot as a thousands separator, when it counts people or
    things, which come whole ("2.925 people" are 2,925, "1.000 people" are 1,000), or when the
    text groups thousands with dots (``dots_group``: "2.350 tonnes" are 2,350); else None."""
    if (
        (unit not in _WHOLE_UNITS and not dots_group)
        or e.value is None
        or _SCALE_AFTER.match(text, mention.end)
    ):
        return None  # "3.150 mln people": a scale the figure does not carry
    written = text[mention.start : mention.end]
    grouped = _DOT_GROUPED.search(written)
    if grouped is None:
        return None
    joined = f"{written[: grouped.start()]}{grouped[1]}{grouped[2]}{written[grouped.end() :]}"
    try:
        return Estimate.parse(joined)
    except ParseError:
        return None


# "(millions)", "(in millions)", "(in thousands)", "('000)", "in millions of people"
_HEADING_SCALE: Final = re.compile(
    r"\((?:in\s+|figures\s+in\s+|people\s+in\s+)?(?P<scale>millions?|thousands|['’]000s?|000s)\)"
    r"|,\s+in\s+(?P<scale2>millions|thousands)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
#: how many rows a heading's scale reaches down
_SCALE_ROWS: Final = 30
# a row of a list: a label, then figures that end the line, and no share
_SCALED_ROW: Final = re.compile(
    r"[^\n%]{1,100}?(?::|\.{2,}|[ \t]{2,}|\s[–—|])[ \t]*[~≈]?\d[\d,.\u00a0 ]*\+?"
    r"(?:[ \t]*[|/–—][ \t]*[~≈]?\d[\d,.\u00a0 ]*\+?)*[ \t]*(?:\([^()\n%]*\))?[ \t]*"
)
# the figure ends its line, or other figures of the row follow it
_ROW_ENDS_AFTER: Final = re.compile(
    r"(?:[ \t]*[|/–—][ \t]*[~≈]?\d[\d,.]*\+?)*[ \t]*(?:\([^()\n]*\))?[ \t]*(?:\n|$)"
)


def _heading_scaled(
    text: str, mention: Mention, e: Estimate, cell: TableCell | None
) -> Estimate | None:
    """The figure of a row in the scale its column's header or the heading over its block of
    rows gives ("PEOPLE IN NEED BY SECTOR (millions)" over "Health ........ 14.8"), when the
    figure carries no scale of its own and ends its row; else None."""
    if (
        e.value is None
        or e.qualifier == "vague"
        or _SCALE_AFTER.match(text, mention.end)
        or _SCALE_IN.search(text, mention.start, mention.end)
        or not _ROW_ENDS_AFTER.match(text, mention.end)
    ):
        return None
    found = None
    if cell is not None and cell.header is not None:
        found = _HEADING_SCALE.search(text, *cell.header)
    if found is None:
        # the heading right over a run of rows, each a short line with a figure and no share
        line_end = text.find("\n", mention.end)
        line_start = text.rfind("\n", 0, mention.start) + 1
        end = len(text) if line_end < 0 else line_end
        for _ in range(_SCALE_ROWS):
            if not _SCALED_ROW.fullmatch(text, line_start, end):
                break
            if line_start == 0:
                return None
            end = line_start - 1
            line_start = text.rfind("\n", 0, end) + 1
        else:
            return None
        found = _HEADING_SCALE.search(text, line_start, end)
    if found is None:
        return None
    # "millions", "thousands" by the vocabulary's scales; "'000" and "000s" are thousands
    factor = SCALES.get((found["scale"] or found["scale2"]).lower().rstrip("s"), 1e3)
    if e.value * factor >= 1e9:
        return None  # already written whole: a billion people is no count of the field's
    try:
        return Estimate(
            e.value * factor,
            e.qualifier,
            lower=None if e.lower is None else e.lower * factor,
            upper=None if e.upper is None else e.upper * factor,
            precision=e.precision * factor,
        )
    except ParseError:
        return None


_ASIDE_TO_FIGURE: Final = re.compile(r"\s+\([^()\n]{1,60}\)\s*:?\s*")
# "26 of them in Sofala": a part of the figure before it, by place
_OF_THEM_WHERE: Final = re.compile(r"\s+of\s+them\s+(?:in|at|on|across)\b")
# the figure ends an item of a list: "Donetsk (...) 438,527, Kharkiv ..."; not "Sudan (mostly
# women and children) 12,000 arrived in Chad"
_ITEM_ENDS: Final = re.compile(r"\s*(?:[,;.]|\band\b|$)")
# an item of a list by place, the place right before its figure: "followed by Guatemala with
# 339,000", "and Cubans (13,600)", "Honduras accounted for the largest share, 937,000"
_ITEM_OPENS: Final = re.compile(r"(?:[,;.:\n]|\band|\bfollowed\s+by|^)\s*$")
_PLACE_TO_ITEM: Final = re.compile(
    r"\s+(?:with|accounting\s+for|for|\()\s*"
    r"|\s+(?:accounted\s+for|made\s+up|lodged|formed|represented)\s+the\s+"
    r"(?:largest|biggest|greatest)\s+(?:share|number|group|part)(?:\s+of\s+[a-z]+)?,\s+"
)


# "…, Paktia 22, Khost 25": the name that opens an item of a list, right before its figure
_ITEM_LABEL: Final = re.compile(
    r"(?:[,;:\n]|\band)[ \t]*(?P<label>[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|e|al|el|de))*)"
    r"[ \t]+$"
)
_THEN_FIGURE: Final = re.compile(r"[ \t]+\d")
# a sentence ends between two items: they are items of two lists
_SENTENCE_END: Final = re.compile(r"[.!?](?:\s|$)")
_UNPLACED_LABELS: Final = frozenset(w.lower() for w in _data_lines("extract_unplaced_labels.txt"))


def _unknown_item_place(
    mention: Mention,
    segs: Segments,
    places: list[PlaceMatch],
    starts: list[int],
) -> tuple[str, str] | None:
    """The name and country of an item of a list by place whose name the gazetteer does not
    know ("Flood deaths by province: Kabul 1, Herat 4, Paktia 22, Khost 25"): (the name, the
    country of the known places of the items next to it). Not a place of another item nearby,
    which is where the figure would be put otherwise.

    ``None`` (the place is found as usual) when the figure opens no such item; when its name is
    a word of no place ("Total 25,000", "Female 25", a noun of the vocabulary); when the known
    items next to it, before and after it with no sentence end between, are not all in one
    country, or are countries themselves ("Ethiopia 4.5 million, Somaliland 800,000, Somalia ..."); or
    when fewer than two known places, each right before its figure, stand within 300
    characters of it (which says it is a list by place)."""
    text = segs.text
    label = _ITEM_LABEL.search(text, max(0, mention.start - 40), mention.start)
    if label is None or not _ITEM_ENDS.match(text, mention.end):
        return None
    name = label.group("label")
    nouns = lexicon().nouns
    if any(w in _UNPLACED_LABELS or w in nouns for w in name.lower().split()):
        return None
    para_lo, para_hi = segs.paragraph(mention.start)
    lo, hi = max(para_lo, mention.start - 300), min(para_hi, mention.end + 300)
    i = bisect.bisect_left(starts, lo)
    listed: list[PlaceMatch] = []
    for p in places[i:]:
        if p.start >= hi:
            break
        if p.end > label.start("label") and p.start < mention.start:
            return None  # a name the gazetteer knows: the place is found as usual
        if _THEN_FIGURE.match(text, p.end):
            listed.append(p)
    if len(listed) < 2:
        return None
    # the known items next to it, in the same list: no sentence ends between them and it
    before = [p for p in listed if p.end <= label.start("label")]
    after = [p for p in listed if p.start >= mention.end]
    neighbours: list[PlaceMatch] = []
    if before and not _SENTENCE_END.search(text, before[-1].end, label.start("label")):
        neighbours.append(before[-1])
    if after and not _SENTENCE_END.search(text, mention.end, after[0].start):
        neighbours.append(after[0])
    countries = {p.code[:2] for p in neighbours}
    if not neighbours or len(countries) > 1 or any(p.level == "country" for p in neighbours):
        return None
    return name, countries.pop()


def _place(
    mention: Mention,
    counted: _Counted,
    segs: Segments,
    places: list[PlaceMatch],
    place_starts: list[int],
    default_country: str | None,
    excluded: tuple[int, int],
    refugees_of_text: tuple[str | None, str | None] | None = None,
) -> tuple[str | None, str | None, str | None]:
    """(location as written, code, origin code). ``refugees_of_text``, in a text about
    refugees: where most of them come from and the country they are in."""
    origin = counted.origin
    candidates = places
    starts = place_starts
    i = bisect.bisect_left(starts, mention.start - 80)
    for p in candidates[i : bisect.bisect_left(starts, mention.start)]:
        if _ASIDE_TO_FIGURE.fullmatch(segs.text, p.end, mention.start) and _ITEM_ENDS.match(
            segs.text, mention.end
        ):
            # "Donetsk (government-controlled area) 438,527": the place of a list item, whose
            # aside in brackets ends the clause before the figure
            return p.written, p.code, origin if counted.metric == "refugees" else None
        if (
            _PLACE_TO_ITEM.fullmatch(segs.text, p.end, mention.start)
            and _ITEM_OPENS.search(segs.text, max(0, p.start - 14), p.start)
            and _ITEM_ENDS.match(segs.text, mention.end)
        ):
            return p.written, p.code, origin if counted.metric == "refugees" else None
    unknown = _unknown_item_place(mention, segs, places, place_starts)
    if unknown is not None:
        return unknown[0], unknown[1], origin if counted.metric == "refugees" else None
    for level, (lo, hi) in enumerate(
        (segs.clause(mention.start), segs.sentence(mention.start), segs.paragraph(mention.start))
    ):
        i0 = bisect.bisect_left(starts, lo)
        best: PlaceMatch | None = None
        best_distance = 10**9
        best_country: PlaceMatch | None = None
        country_distance = 10**9
        hosts: set[str] = set()
        for p in candidates[i0:]:
            if p.start >= hi:
                break
            if excluded[0] <= p.start < excluded[1]:
                continue
            if level == 2 and p.start >= mention.end and "\n" in segs.text[mention.end : p.start]:
                continue  # a place on a later line of a list says where a later item is
            before = segs.text[max(0, p.start - 6) : p.start].lower()
            if counted.metric in {"refugees", "returnees"} and (
                before.endswith(("from ", "fled "))
                or _FROM_CHAIN.search(segs.text, max(0, p.start - 40), p.start)
            ):
                # "crossed from Myanmar's Rakhine State into Bangladesh", "returns from Iran":
                # where they came from, not where they are
                if counted.metric == "refugees":
                    # "14,300 from Somalia, 9,700 from Ethiopia": each item's own origin
                    # (a country, not "12,000 from Adjumani", a place in the host country)
                    right_after = p.level == "country" and _FROM_RIGHT_AFTER.fullmatch(
                        segs.text, mention.end, p.start
                    )
                    origin = p.code[:2] if right_after else origin or p.code[:2]
                continue
            # the gap between the place and the figure, on whichever side of it the place is;
            # "38,000 in Togo's Savanes region" is where the figure is, whatever came before
            distance = p.start - mention.end if p.start >= mention.end else mention.start - p.end
            if p.start >= mention.end and _IN_THE.fullmatch(segs.text, mention.end, p.start):
                distance = -1
            if p.start >= mention.end:
                hosts.add(p.code[:2])
            if p.level == "country":
                if distance < country_distance:
                    best_country, country_distance = p, distance
            elif distance < best_distance:
                best, best_distance = p, distance
        best = best or best_country
        if (
            counted.metric == "refugees"
            and level == 0
            and len(hosts - {origin}) > 1
            and _TO_SEVERAL.search(segs.text, mention.end, hi)
        ):
            # "have fled Ukraine to Poland, Romania and Moldova": several hosts, none of them
            # the place of the whole figure
            return None, None, origin
        if best is not None:
            if (
                counted.metric in {"idps", "displaced"}
                and origin
                and (
                    level == 2
                    or (
                        best.level == "country"
                        and best.code[:2] != origin
                        # not "strikes in Lebanon have displaced 30,000 Syrians"
                        and not _IN_BEFORE_PLACE.search(
                            segs.text, max(0, best.start - 4), best.start
                        )
                    )
                )
            ):
                # "displaced Syrians", with a place only in the paragraph, or with only another
                # country ("Turkey ... faces what happens to 1 million displaced Syrians"): in
                # their own; not "A fire in Cox's Bazar displaced 12,000 Rohingya"
                return None, origin, None
            return best.written, best.code, origin if counted.metric == "refugees" else None
        if counted.metric in {"idps", "displaced"} and origin:
            return None, origin, None
    if counted.metric == "refugees":
        if (
            origin is None
            and refugees_of_text is not None
            and refugees_of_text[0] is not None
            and not _ALL_ORIGINS.search(segs.text, *segs.clause(mention.start))
        ):
            # "Kule camp: 52,900" in an update on South Sudanese refugees in Ethiopia
            origin, default_country = refugees_of_text
        # "4.3 million people have fled Ukraine": where they are is not said
        return None, None if default_country == origin else default_country, origin
    return None, default_country, None


# a line of a list that opens on its figure and says where: "8,604 in Cacanda reception centre"
_OPENING_WORDS: Final = re.compile(r"\s*(?:[A-Za-z]+\s+){0,3}")
# the place must say it is one: "- Borena zone, 135,000", not "- Partners: 14", "- Deaths, 14,600"
_PLACE_LINE_OPENING: Final = re.compile(
    r"[ \t]*[-•*–·][ \t]*(?:[A-Z][\w'’.-]*[ \t]+){1,3}(?i:zone|region|district|province|state"
    r"|county|governorate|department|municipality|prefecture|oblast|camp|site|city|town"
    r"|village)[ \t]*[,:–—][ \t]*"
)
_LINE_ENDS: Final = re.compile(r"[ \t]*[.;]?[ \t]*(?:\n|$)")
_LINE_OPENING: Final = re.compile(r"[ \t]*(?:[-•*–·][ \t]*)?")
_WHERE_AFTER: Final = re.compile(
    r"\s+(?:(?:in|at)\s+(?:the\s+)?[A-Z]|(?:hosted\s+by|living\s+in|staying\s+in)\s)"
)


# "(est.)" closing a line, "people estimated to have been displaced"
_EST_LINE_END: Final = re.compile(r"\((?:est\.?|estimated|estimate)\)[ \t]*$", re.IGNORECASE)
_ESTIMATED_AFTER: Final = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:(?:are|were|is|was)\s+)?estimated\s+to\b", re.IGNORECASE
)


# a qualifier in brackets: after the figure ("Killed ........ 18 (at least)"), or at the end of
# the figure's label ("Population of Iraq (estimate):   38.1 million", "of whom children
# (minimum) .... 157")
_BRACKET_QUALIFIER: Final = (
    r"\([ \t]*(at\s+least|minimum|min\.|approx\.|approximately|about|estimated|estimate"
    r"|est\.|at\s+most|maximum|max\.)[ \t]*\)"
)
_QUALIFIER_AFTER: Final = re.compile(rf"[ \t]*{_BRACKET_QUALIFIER}", re.IGNORECASE)
_LABEL_QUALIFIER: Final = re.compile(
    rf"{_BRACKET_QUALIFIER}[ \t]*(?::|[ \t]*\.{{3,}}|…+)[ \t]*$", re.IGNORECASE
)
_QUALIFIER_IN_BRACKETS: Final[dict[str, Qualifier]] = {
    "at least": "at_least", "minimum": "at_least", "min": "at_least", "approx": "approx",
    "approximately": "approx", "about": "approx", "estimated": "approx", "est": "approx",
    "at most": "at_most", "maximum": "at_most", "max": "at_most", "estimate": "approx",
}  # fmt: skip


def _estimated(text: str, mention: Mention) -> bool:
    """Whether the words after a figure say it is an estimate."""
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    return bool(
        _EST_LINE_END.search(text, mention.end, line_end)
        or _ESTIMATED_AFTER.match(text, mention.end, min(line_end, mention.end + 40))
    )


def _dated_in(dating: _Dating, lo: int, hi: int) -> bool:
    """Whether a date of the text lies in ``text[lo:hi]``."""
    i = bisect.bisect_left(dating.starts, lo)
    return i < len(dating.starts) and dating.starts[i] < hi


# a row's label that is a year or a month: "2021" in a table, "2008: 38", "July 219 / 1,018",
# "January ........ 17 320", "  2019 – 412"
_TIME_LABEL: Final = re.compile(
    rf"[ \t•*-]*(?:(?P<year>(?:19|20)\d\d)|(?P<month>{MONTH_NAME})(?:[ \t]+(?P<my>(?:19|20)\d\d))?)"
    r"[ \t]*(?::|\.{2,}|[–—-]|(?<=[a-z0-9])(?=[ \t]))?[ \t]*",
    re.IGNORECASE,
)
# the figures of a row before another: "219 / ", "38 / 31 / "
_CELLS_BEFORE: Final = re.compile(r"(?:[~≈]?\d[\d,.\u00a0]*\+?[ \t]*[/|–—][ \t]*)*")
_YEAR_IN_LINE: Final = re.compile(r"\b(?:19|20)\d\d\b")


def _row_period(
    text: str, mention: Mention, cell: TableCell | None, published: date | None
) -> tuple[date, date] | None:
    """The year or month that labels the row of a figure (its table row's first cell, or the
    words that open its line), when the label is nothing else: a month without a year takes
    the year of the heading over the rows, else the latest before publication."""
    if cell is not None:
        if cell.column == 0:
            return None
        label = _TIME_LABEL.fullmatch(text, *cell.row_label)
    else:
        line_start = text.rfind("\n", max(0, mention.start - 40), mention.start) + 1
        if line_start == 0 and mention.start > 40:
            return None
        label = _TIME_LABEL.match(text, line_start, mention.start)
        if label is not None and not _CELLS_BEFORE.fullmatch(text, label.end(), mention.start):
            return None  # not the row's first figure, nor one after it: "July 219 / 1,018"
    if label is None:
        return None
    if label["year"]:
        year = int(label["year"])
        return date(year, 1, 1), date(year, 12, 31)
    year_text = label["my"] or _heading_year(text, label.start())
    return month_window(
        int(year_text) if year_text is not None else None, label["month"], published
    )


def _heading_year(text: str, line_start: int) -> str | None:
    """The year the heading over a block of rows names: "CIVILIAN CASUALTIES BY MONTH, 2024"."""
    block = text.rfind("\n\n", max(0, line_start - 6000), line_start)
    if block < 0 and line_start > 6000:
        return None
    heading_end = text.find("\n", block + 2 if block >= 0 else 0)
    heading = text[block + 2 if block >= 0 else 0 : heading_end if heading_end >= 0 else None]
    years = _YEAR_IN_LINE.findall(heading)
    return years[-1] if len(set(years)) == 1 else None


def _column_dates(dating: _Dating, cell: TableCell | None) -> DateExpr | None:
    """The one window or day a table's column header gives ("new cases, week 38",
    "Deaths (1–15 May)"), when it gives one."""
    if cell is None or cell.header is None:
        return None
    lo, hi = cell.header
    i = bisect.bisect_left(dating.starts, lo)
    inside = []
    while i < len(dating.dates) and dating.dates[i].start_offset < hi:
        inside.append(dating.dates[i])
        i += 1
    if len(inside) != 1 or inside[0].end_offset > hi:
        return None
    only = inside[0]
    if only.role not in {"window", "point"} or only.start is None or only.end is None:
        return None
    return only


_LABEL_TO_FIGURE: Final = re.compile(r"[ \t]*[:=][ \t]*")


def _dated_label(text: str, dating: _Dating, position: int) -> bool:
    """Whether a date labels the figure at ``position``: "(EW 18: 10,227)", "2021: 159"."""
    i = bisect.bisect_left(dating.starts, position) - 1
    return i >= 0 and bool(_LABEL_TO_FIGURE.fullmatch(text, dating.dates[i].end_offset, position))


def _list_line(text: str, mention: Mention, sentence_start: int, previous_end: int) -> bool:
    """Whether the figure opens a line of a list right below the line of the figure before it,
    and says where."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    return (
        line_start > 0
        and line_start >= sentence_start
        and text.count("\n", previous_end, line_start) == 1
        and (
            (
                _LINE_OPENING.fullmatch(text, line_start, mention.start) is not None
                and _WHERE_AFTER.match(text, mention.end) is not None
            )
            # "- East Hararghe zone hosts about 257,000 IDPs / - Borena zone, 135,000"
            or (
                _PLACE_LINE_OPENING.fullmatch(text, line_start, mention.start) is not None
                and _LINE_ENDS.match(text, mention.end) is not None
            )
        )
    )


def _past_aside(segs: Segments, clause: tuple[int, int]) -> tuple[int, int]:
    """The clause of a figure, carried on past an aside in brackets that ends it, to the end of
    the clause after the brackets when that holds no figure: "Some 80,000 people (most of them
    farmers) have been affected" is one statement, not "Some 80,000 people (" alone."""
    text = segs.text
    start, end = clause
    if end < 1 or text[end - 1] != "(":
        return clause
    close = text.find(")", end, end + 80)
    if close < 0 or "\n" in text[end:close] or "(" in text[end:close]:
        return clause
    after = close + 1
    while after < len(text) and text[after] in " \t":
        after += 1
    rest = segs.clause(after)
    if rest[0] != after:
        return clause
    if segs.sentence(after)[0] != segs.sentence(start)[0]:
        return clause
    figure = _DIGIT.search(text, *rest)
    if figure is None:
        return start, rest[1]
    # "(about 11,500 people) crossed, and 40 died": up to the comma before the next figure
    comma = text.rfind(",", after, figure.start())
    return (start, comma) if comma > after else clause


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
    written = text  # the quotes come from the text as written
    text = _unbracketed(text)
    source_id, published, _precision = _publication(source)
    segs = Segments.of(text)
    dates = list(find_dates(text, published))
    dating = _Dating.of(text, segs, dates)
    masked = [(d.start_offset, d.end_offset) for d in dates if d.role != "then"]
    found_places = list(gaz.find(text))
    places = [p for p in found_places if not p.demonym]
    # the origin of the refugees a text is about ("South Sudanese refugees"), and the country
    # they are in: the one the text names most, other than where they came from
    demonyms = Counter(
        p.code[:2] for p in found_places if p.demonym and _REFUGEES_AFTER.match(text, p.end)
    )
    # the origin most of the text's refugees have: named twice at least, and more than all
    # the other origins together
    top = demonyms.most_common(1)[0] if demonyms else None
    text_origin = (
        top[0] if top is not None and top[1] >= 2 and top[1] * 2 > demonyms.total() else None
    )
    place_starts = [p.start for p in places]
    named = _Places(places, place_starts)
    countries = Counter(p.code[:2] for p in places)
    default_country = countries.most_common(1)[0][0] if countries else None
    host_country = next((c for c, _n in countries.most_common() if c != text_origin), None)
    rows: list[dict[str, Any]] = []
    topics = _topics(text)
    about_returns = topics["returns"] > max(1, topics["refugees"])
    about_refugees = topics["refugees"] > max(1, topics["idps"])
    refugees_of_text = (text_origin, host_country) if about_refugees and host_country else None
    dots_group = _dots_group_thousands(text)
    about_idps = topics["idps"] > max(1, topics["refugees"])
    # a text about migrants ("Migrant arrivals from the Horn of Africa"): people who arrive or
    # cross are on the move whatever their status, unless the clause calls them refugees
    about_migrants = topics["migrants"] > max(1, topics["refugees"])
    mentions = find_mentions(text, masked)
    attributions: dict[tuple[int, int], tuple[str | None, tuple[int, int]]] = {}
    previous_counted: tuple[int, _Counted, int] | None = None
    previous_period: tuple[date | None, date | None] | None = None
    last_figure: _Counted | None = None
    #: sites counted after a count of people in the same sentence, which stays the count the
    #: sentence goes on with: (sentence start, what the sites count, how many)
    sites: tuple[int, _Counted, float] | None = None
    for index, mention in enumerate(mentions):
        # a range written with a spaced dash ("15 – 20 people") runs over a clause break
        clause = (
            segs.clause(mention.start)[0],
            segs.clause(max(mention.start, mention.end - 1))[1],
        )
        if (in_cell := table_cell(text, mention.start)) is not None and in_cell.end > in_cell.start:
            clause = (in_cell.start, in_cell.end)  # the cell of a table is a clause of its own
            if in_cell.holds_no_figure_at(text, mention.start):
                continue  # a rate, a share, or a row's label by age or time
        next_start = mentions[index + 1].start if index + 1 < len(mentions) else len(text)
        sentence_start = segs.sentence(mention.start)[0]
        if previous_counted is not None and previous_counted[0] != sentence_start:
            # "... 1.1 million displaced. Of these, more than half a million are in ...": a
            # sentence that opens on the figure before it continues to count what it counts
            opener = (
                _PART_OF_LAST.match(text, sentence_start)
                or _list_line(text, mention, sentence_start, previous_counted[2])
                # "More than half a million of them are children."
                or (
                    _OPENING_WORDS.fullmatch(text, sentence_start, mention.start) is not None
                    and _OF_THEM.match(text, mention.end) is not None
                )
            )
            previous_counted = (
                (sentence_start, previous_counted[1], previous_counted[2]) if opener else None
            )
        before = previous_counted[1] if previous_counted else None
        if (
            sites is not None
            and sites[0] == sentence_start
            and _OF_THEM_WHERE.match(text, mention.end)
            and (part := mention.estimate(text)) is not None
            and part.value <= sites[2]
        ):
            # "20 012 people are accommodated in 31 centres, 26 of them in Sofala": the sites
            before = sites[1]
        counted = _count(
            text,
            mention,
            clause,
            lex,
            gaz,
            next_start,
            before,
            about_returns=about_returns,
            about_refugees=about_refugees,
            about_idps=about_idps,
            last_figure=last_figure,
            named=named,
        )
        if previous_counted is not None:
            counted = _restated(text, mention, counted, previous_counted[1], previous_counted[2])
            counted = _listed_part(
                text, mention, counted, previous_counted[1], previous_counted[2], lex
            )
            if (
                counted is None or counted.metric == previous_counted[1].metric or unnamed(counted)
            ) and _list_line(text, mention, sentence_start, previous_counted[2]):
                # "33,132 refugees registered in Lunda Norte\n8,604 in Cacanda reception centre"
                counted = _same_as(
                    previous_counted[1], [], "an item of the list above: counts what it counts"
                )
        if counted is None:
            continue
        if (
            counted.kind == "flow"
            and counted.metric in _MOVEMENT_METRICS
            and _MIXED_GROUP.match(text, mention.end)
        ):
            # "113,717 refugees and migrants arrived by sea": a movement of people of mixed
            # status is no count of refugees nor of the displaced (a stock of "refugees and
            # migrants from Venezuela" living abroad stays the refugees the response counts)
            counted = replace(
                counted,
                metric="other",
                notes=[*counted.notes, "refugees and migrants together: counted as other"],
            )
        if (
            counted.kind == "flow"
            and counted.metric in _MOVEMENT_METRICS
            and (about_migrants or _MIGRANTS.fullmatch(counted.subject or ""))
            and _moved_on(text, clause, segs.sentence(mention.start), counted)
        ):
            # "more than 46,000 migrants crossed the Darién": people on the move whatever their
            # status, not refugees nor displaced by the vocabulary's definitions
            counted = replace(
                counted,
                metric="other",
                notes=[*counted.notes, "migrants of mixed status: counted as other"],
            )
        e = mention.estimate(text)
        whole = (
            previous_period
            if previous_counted is not None
            and previous_period is not None
            and previous_counted[1].metric == counted.metric
            and previous_counted[1].kind == counted.kind == "flow"
            and not _dated_in(dating, *clause)
            and not _dated_label(text, dating, mention.start)
            else None
        )
        if not (
            counted.unit == "site"
            and previous_counted is not None
            and previous_counted[0] == sentence_start
            and previous_counted[1].unit in {"person", "household"}
        ):
            # "352 793 displaced, staying in thousands of evacuation points. They are in North
            # Lombok (198 846 people)": the sites a count of people is in leave it the count
            # the sentence goes on with
            previous_counted = (sentence_start, counted, mention.end)
        elif e is not None:
            sites = (sentence_start, counted, e.value)
        if counted.unit != "site" or last_figure is None:
            # "the count stood at nearly 70,000" names the last count of people, not the sites
            # they live in; "the figure had risen to 15,000" after houses counts houses
            last_figure = counted
        if e is None:
            continue
        e = _dot_grouped(text, mention, e, counted.unit, dots_group) or e
        notes = list(counted.notes)
        if (scaled := _heading_scaled(text, mention, e, in_cell)) is not None:
            # "PEOPLE IN NEED BY SECTOR (millions)" over "Health ........ 14.8"
            e = scaled
            notes.append("in the scale the heading over its rows gives")
        if e.qualifier == "exact" and _estimated(text, mention):
            # "515,000 people crossed since 23 September (est.)", "400,000 people estimated to
            # have been displaced": an estimate, about its value
            e = Estimate(e.value, "approx", precision=e.precision)
            notes.append("said to be an estimate")
        elif e.qualifier == "exact" and (
            (after := _QUALIFIER_AFTER.match(text, mention.end))
            or (
                after := _LABEL_QUALIFIER.search(
                    text,
                    max(
                        text.rfind("\n", max(0, mention.start - 160), mention.start) + 1,
                        mention.start - 160,
                    ),
                    mention.start,
                )
            )
        ):
            # "Killed ........ 18 (at least)", "157 (minimum)", "4,000 (approx.)": the
            # qualifier in brackets after the figure
            e = Estimate(e.value, _QUALIFIER_IN_BRACKETS[after.group(1).lower().rstrip(".")],
                         precision=e.precision)  # fmt: skip
        start: date | None
        end: date | None
        if (
            counted.kind == "flow"
            and not _dated_in(dating, min(clause[0], mention.start - 40), clause[1])
            and (row_period := _row_period(text, mention, in_cell, published))
        ):
            # "2021 | 159" in a table, "2008: 38 / 31 / 29", "July 219 / 1,018": the row's time
            start, end = row_period
            notes.append("dated by its row's label")
        elif counted.kind == "flow" and (header_dates := _column_dates(dating, in_cell)):
            # "new cases, week 38" over its column: the column's window
            start, end = header_dates.start, header_dates.end
            notes.append("dated by its column's header")
        elif whole is not None:
            # "53 people have died since the cyclone struck. Of the dead, 48 were in Nampula":
            # a part, or the next item of a count, holds over the period of the figure before it
            # (a stock may contrast: "3,000 lived there before; fewer than 300 remain")
            start, end = whole
            notes.append("period of the figure before it, which it breaks down or continues")
        else:
            start, end = _period(
                counted.kind, counted.metric, mention, segs, dating, published, notes
            )
        if end is None:
            # nothing in or about the text dates it: the figure was published by today at the latest
            end = date.today()
            notes.append(f"no publication date: period ends at extraction ({end.isoformat()})")
        if start is not None and start > end:
            notes.append(f"the period's start {start} falls after its end; start dropped")
            start = None
        if start is None and counted.kind == "stock":
            start = end
        previous_period = (start, end)
        sentence = segs.sentence(mention.start)
        if (attributed := attributions.get(sentence)) is None:
            # the figures of one sentence share its originator: looked up once per sentence
            attributed = attributions[sentence] = _attribution(text, sentence)
        who, who_span = attributed
        location, code, origin = _place(
            mention,
            counted,
            segs,
            places,
            place_starts,
            default_country,
            who_span,
            refugees_of_text,
        )
        q_start, q_end = segs.trimmed(*_past_aside(segs, clause))
        if in_cell is not None and in_cell.column > 0:
            # a cell says nothing of its row and column: the note names them
            row = text[in_cell.row_label[0] : in_cell.row_label[1]]
            column = text[in_cell.header[0] : in_cell.header[1]] if in_cell.header else ""
            notes.append(
                f"a cell of a table: row '{row}'" + (f", column '{column}'" * bool(column))
            )
        if not (q_start <= mention.start and mention.end <= q_end):
            q_start, q_end = min(q_start, mention.start), max(q_end, mention.end)
        if (after := _QUALIFIER_AFTER.match(text, mention.end)) is not None:
            q_end = max(q_end, after.end())  # "18 (at least)": the words that qualify it
        if q_start > 0 and written[q_start - 1] == "(" and text[q_start - 1] == " ":
            q_start -= 1  # "(6) further bodies": the quote keeps the figure's brackets
        if written.startswith(")", q_end) and text[q_end] == " ":
            q_end += 1
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
                "quote": written[q_start:q_end],
                "quote_start": q_start,
                "quote_end": q_end,
                "attributed_to": who,
                "credibility": 6,
                "status": "extracted",
                "notes": "; ".join(notes) or None,
            }
        )
    forget_labels()  # the readings kept while this text's lists were read
    forget_verbs()
    forget_words()
    if not rows:
        return ClaimSet()
    frame = pd.DataFrame(rows, columns=list(CLAIM_DTYPES))
    for name, dtype in CLAIM_DTYPES.items():
        frame[name] = frame[name].astype(dtype)  # type: ignore[call-overload]
    # every row is built here from checked parts; the tests validate extractions in full
    return ClaimSet._trusted(frame)

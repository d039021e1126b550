"""Dates and periods in text: explicit dates, intervals, "since", months and relative days.

Each expression is found in one pass and resolved against the publication
date: a date without a year takes the publication's year, or the year before
when that would put it after publication; "this week" runs from the Monday
of the publication's week to publication; "last month" is the whole month
before; "on Sunday" is the latest Sunday on or before publication.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Final

from humtrack.extract._scan import lowered, word_matches, word_scan
from humtrack.extract._trie import trie_pattern

__all__ = ["MONTH_NAME", "DateExpr", "find_dates", "month_window"]

_MONTHS: Final = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_WEEKDAYS: Final = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_M: Final = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
#: a month's name or its abbreviation, as the date expression reads it
MONTH_NAME: Final = _M
_D: Final = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY: Final = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_Y: Final = r"(?:19|20)\d\d"
# a count after a number that could end a run of years: "2010-2030 civilians were killed"
_COUNTED_AFTER: Final = (
    r"\s*(?:people|persons|families|households|civilians|children|refugees|migrants|idps"
    r"|deaths|dead|cases|homes|houses|residents|individuals)\b"
)
_DAY_FIRST: Final = rf"{_D}\s+{_M}(?:,?\s+{_Y})?"
_MONTH_FIRST: Final = rf"{_M}\s+{_D}(?:,?\s+{_Y})?(?!\d)"
_ONE_DAY: Final = rf"(?:{_DAY_FIRST}|{_MONTH_FIRST})(?:\s+(?:last|this)\s+year)?"
_PATTERN: Final = re.compile(
    # "between 1 and 16 May", "from May 1 to 16"; "23 September – 31 October 2024" (a dash
    # between two days with their months)
    rf"(?P<between>(?:\b(?:between|from)\s+"
    rf"|(?=\b{_D}\s+{_M}(?:,?\s+{_Y})?\s*[-–]\s*{_D}\s+{_M})"
    rf"|(?=\b{_M}\s+{_D}(?:,?\s+{_Y})?\s*[-–]\s*{_M}\s+{_D}(?!,?\d))"
    # "May 1-16"; not "On May 12-1,500 people arrived"
    rf"|(?=\b{_M}\s+{_D}[-–]\d{{1,2}}\b(?!,\d)))"
    rf"(?:(?P<bm1>{_M})\s+(?P<bd1>{_D})|(?P<bd1b>{_D})(?:\s+(?P<bm1b>{_M}))?)"
    rf"(?:,?\s+(?P<by1>{_Y}))?(?:\s+(?:and|to|until)\s+|\s*[-–]\s*)(?:(?P<bm2>{_M})\s+)?(?P<bd2>{_D})(?!,?\d)(?:\s+(?P<bm2b>{_M}))?(?:,?\s+(?P<by>{_Y}))?)"
    # "between December and the end of June", "from the start of March to mid-April"
    rf"|(?P<months>\b(?:(?:between|from)\s+)?(?:the\s+(?P<ma_edge>beginning|start|end)\s+of\s+)?"
    rf"(?P<mm_a>{_M})(?:\s+(?P<my_a>{_Y}))?"
    rf"(?:\s+(?:and|to|until)\s+|\s*[–-]\s*)(?:the\s+(?P<mb_edge>beginning|start|end)\s+of\s+)?"
    rf"(?P<mm_b>{_M})\b(?:\s+(?P<my_b>{_Y}))?(?!\s*{_D}\b))"
    rf"|(?P<dash>\b(?P<dd1>{_D})\s*(?:[-–]|and|to)\s*(?P<dd2>{_D})\s+(?P<dm>{_M})(?:\s+(?P<dy>{_Y}))?)"
    # "between 2014 and 2017", "from 2009 to 2012", "2009–2012", "2015-16": whole years
    rf"|(?P<years>\b(?:(?:between|from)\s+(?P<ya>{_Y})\s*(?:and|to|until|[-–])\s*"
    rf"|(?<![\d+]\s)(?P<yd>{_Y})\s*[-–]\s*)(?P<yb>{_Y}|\d\d)(?![\d%]|[.,]\d|[-–/]\d|{_COUNTED_AFTER}))"
    # "epidemiological week 35", "EW 19, 2023", "in week 36", "weeks 1–18", "since week 1"
    # (not "the week 12 people died")
    rf"|(?P<epiweek>\b(?:(?P<wsince>since)\s+|(?:between|from)\s+)?"
    # a week's number after a word that leads to a date, or as a label; not "the first week 12
    # people died", "within weeks 40 families fled", "Week 2 of the war"
    rf"(?:(?:epi(?:demiological)?[\s-]?weeks?|ew|sem(?:ana)?\s+epidemiol[oó]gica)\s*"
    rf"|(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bsince\s)|(?<=\bfrom\s)|(?<=\bbetween\s)|(?<=\bfor\s)"
    rf"|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bto\s)|(?<=\bof\s)|(?<=\(|\n)|^|(?<=[,:;|]\s))week\s*"
    rf"|(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bfor\s)|(?<=\(|\n)|^|(?<=[,:;|]\s))weeks\s*(?=\d+\s*(?:[-–]|to|and)\s*\d))"
    rf"(?:\((?:ew|se)\)\s*)?(?:no\.?\s*)?(?P<w1>\d{{1,2}})(?![\d%]|[.,]\d)"
    # "week 38 of 2018 to week 08 of 2019"
    rf"(?:\s+of\s+(?P<wy1>{_Y})(?=\s*(?:[-–]|to|until)\s*(?:ew|week)))?"
    rf"(?:\s*(?:[-–]|to|and|until)\s*(?:(?:ew|week)\s*)?(?P<w2>\d{{1,2}})(?![\d%]|[.,]\d))?"
    rf"(?:(?:,\s*|\s+(?:of\s+)?)(?P<wy>{_Y})(?![\d,.]))?"
    # and no word of a count after it: "in week 36 people fled"
    rf"(?![ \t]+(?!(?:to|and|until|in|at|through|ending|alone|only)\b)(?-i:[a-z])))"
    rf"|(?P<since>\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+(?P<since_rel>the\s+year|this\s+year|"
    rf"the\s+month|this\s+month))?(?P<since_what>{_ONE_DAY}|{_M}(?:\s+{_Y})?|{_Y}|then|{_WEEKDAY})?)"
    rf"|(?P<days>\b(?:between|from|on)\s+(?P<wd1>{_WEEKDAY})\s+(?:and|to|until)\s+(?P<wd2>{_WEEKDAY})\b)"
    # "in the first week of May", "the first ten days of December", "the last two weeks of July"
    rf"|(?P<part>\bthe\s+(?P<pord>first|last)\s+(?:(?P<pn>two|three|ten|fifteen|\d{{1,2}})\s+"
    rf"(?P<pu>days|weeks)|(?P<pu1>week|fortnight|half))\s+of\s+(?P<pm>{_M})(?:,?\s+(?P<py>{_Y}))?\b)"
    rf"|(?P<monthend>\b(?:at\s+)?the\s+end\s+of\s+(?:(?P<me>{_M})(?:\s+(?P<mey>{_Y}))?|(?P<yend>{_Y})\b))"
    rf"|(?P<weekto>\b(?:in\s+)?the\s+week\s+(?:to|ending)\s+(?P<wt>{_ONE_DAY}))"
    rf"|(?P<asof>\bas\s+(?:of|at)\s+(?P<asof_what>{_ONE_DAY}))"
    rf"|(?P<day>\b{_ONE_DAY})"
    rf"|(?P<iso>\b(?P<iy>{_Y})-(?P<im>\d\d)-(?P<id>\d\d)\b)"
    rf"|(?P<month>\b(?:(?:in|during|by|until|through|throughout|early|late|of|since|last|this)\s+|mid-?\s*)"
    rf"(?P<mm>{_M})(?:\s+(?P<my>{_Y}))?\b(?!\s+{_D}\b)(?!(?:\s+(?:and|to|until)\s+|\s*[–-]\s*){_M})"
    rf"|\b(?P<mm2>{_M})\s+(?P<my2>{_Y})\b)"
    rf"|(?P<year>\b(?:in|during|since|throughout|of)\s+(?P<yy>{_Y})\b)"
    rf"|(?P<later>\b(?P<ln>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<lu>days?|weeks?)"
    rf"\s+later\b)"
    rf"|(?P<tod>\b(?P<tod_asof>as\s+(?:of|at)\s+(?:[\w:.]+\s+(?:o['’]clock|a\.?m\.?|p\.?m\.?|hours?)\s+)?)?"
    rf"(?:this\s+(?:morning|afternoon|evening)|tonight)\b)"
    rf"|(?P<rel>\b(?:today|yesterday|last\s+night|this\s+week|last\s+week|this\s+month|last\s+month|this\s+year|"
    rf"last\s+year|(?:over|in)\s+the\s+(?:past|last)\s+(?:(?P<pastn>\d+|two|three|four|five|six|seven|"
    # ("in the last days of March", "the last hours before the border closed": not up to now)
    rf"ten)\s+)?(?P<pastu>days?|weeks?|months?|hours?|years?)(?!\s+(?:of|before|after)\b)"
    # "the early hours of Monday", "spent Sunday night in shelters", "late Tuesday"
    rf"|(?:on|last|since|by|as\s+of|(?:hours|morning|afternoon|evening|night)\s+of|spent|early"
    rf"|late)\s+"
    rf"(?P<wd>{_WEEKDAY})(?!,?\s+(?:the\s+)?{_D}\s+{_M}|,?\s+{_M}\s+{_D})"
    rf"|(?P<wdp>{_WEEKDAY})(?=(?:\s+(?:morning|afternoon|evening|night))?['’]s\b))\b)",
    re.IGNORECASE,
)
_SINCE_BEFORE: Final = re.compile(r"\bsince\s+$", re.IGNORECASE)
_SMALL: Final = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression: its span, how it bounds a period, and the window it names.

    ``role`` is ``"since"`` (a start), ``"window"`` (a whole period), ``"point"``
    (a day or an instant), ``"then"`` ("since then") or ``"later"`` ("five days
    later", ``offset_days`` after the date given before); the last two are
    resolved by the caller against the text's previous date.
    ``start``/``end`` are ``None`` when the expression cannot be resolved
    without a publication date.
    """

    start_offset: int
    end_offset: int
    role: str
    start: date | None
    end: date | None
    exact_year: bool
    offset_days: int = 0
    #: a window named by the number of an epidemiological week ("EW 19"), in ISO weeks (Monday
    #: to Sunday) unless the text dates one of its weeks otherwise
    epi_week: bool = False


def _month(text: str | None) -> int | None:
    if not text:
        return None
    return _MONTHS.get(text.lower().rstrip("."))


def _day(text: str | None) -> int | None:
    if not text:
        return None
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _dated(year: int | None, month: int, day: int, published: date | None) -> date | None:
    """A calendar date; without a year, the latest one not after publication."""
    try:
        if year is not None:
            return date(year, month, day)
        if published is None:
            return None
        candidate = date(published.year, month, day)
        return candidate if candidate <= published else date(published.year - 1, month, day)
    except ValueError:
        return None


def month_window(year: int | None, name: str, published: date | None) -> tuple[date, date] | None:
    """The first and last day of the month ``name`` ("July", "Jul."), in ``year`` or else the
    latest that does not begin after publication."""
    month = _month(name)
    return None if month is None else _month_window(year, month, published)


def _month_window(year: int | None, month: int, published: date | None) -> tuple[date, date] | None:
    if year is None:
        if published is None:
            return None
        year = published.year if month <= published.month else published.year - 1
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _one_day(groups: str, published: date | None) -> tuple[date | None, bool]:
    m = re.fullmatch(
        rf"(?:(?P<d1>{_D})\s+(?P<m1>{_M})|(?P<m2>{_M})\s+(?P<d2>{_D}))(?:,?\s+(?P<y>{_Y}))?"
        r"(?:\s+(?P<rel>last|this)\s+year)?",
        groups.strip(),
        re.IGNORECASE,
    )
    if not m:
        return None, False
    month = _month(m["m1"] or m["m2"])
    day = _day(m["d1"] or m["d2"])
    year = int(m["y"]) if m["y"] else None
    if year is None and m["rel"] and published is not None:
        year = published.year - (1 if m["rel"].lower() == "last" else 0)  # "24 February last year"
    assert month is not None
    assert day is not None
    return _dated(year, month, day, published), year is not None


#: the longest run of years "between 2014 and 2017" names
_LONGEST_YEARS: Final = 50


def _week_window(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    """The Monday to Sunday of ISO weeks ``w1`` (to ``w2``) of the year the text gives, else of
    the latest year that puts them on or before publication."""
    first, last = int(m["w1"]), int(m["w2"] or m["w1"])
    if m["wy1"]:
        # "week 38 of 2018 to week 08 of 2019", "week 52 of 2018 to week 2": weeks of two years
        first_year = int(m["wy1"])
        last_year = int(m["wy"]) if m["wy"] else first_year + (last < first)
        try:
            start = date.fromisocalendar(first_year, first, 1)
            end = date.fromisocalendar(last_year, last, 7)
        except ValueError:
            return None
        return (start, end) if start <= end else None
    if not 1 <= first <= last <= 53:
        return None
    years = [int(m["wy"])] if m["wy"] else [published.year, published.year - 1] if published else []
    for year in years:
        try:
            start = date.fromisocalendar(year, first, 1)
            end = date.fromisocalendar(year, last, 7)
        except ValueError:
            continue  # no week 53 that year
        # a week ends by publication, or a bulletin issued in the week it counts
        if m["wy"] or published is None or end <= published + timedelta(days=6):
            return start, end
    return None


def _latest_weekday(name: str, on_or_before: date) -> date:
    """The latest date named ``name`` (a weekday) on or before ``on_or_before``."""
    back = (on_or_before.weekday() - _WEEKDAYS.index(name.lower())) % 7
    return on_or_before - timedelta(days=back)


def _relative(
    m: re.Match[str], published: date | None
) -> tuple[str, date | None, date | None] | None:
    if published is None:
        return "window", None, None
    phrase = " ".join(m.group("rel").lower().split())
    if phrase == "today":
        return "point", published, published
    if phrase in {"yesterday", "last night"}:
        day = published - timedelta(days=1)
        return "point", day, day
    monday = published - timedelta(days=published.weekday())
    if phrase == "this week":
        return "window", monday, published
    if phrase == "last week":
        return "window", monday - timedelta(days=7), monday - timedelta(days=1)
    if phrase == "this month":
        return "window", published.replace(day=1), published
    if phrase == "last month":
        last = published.replace(day=1) - timedelta(days=1)
        return "window", last.replace(day=1), last
    if phrase == "this year":
        return "window", date(published.year, 1, 1), published
    if phrase == "last year":
        return "window", date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
    weekday = m.group("wd") or m.group("wdp")
    if weekday:
        target = _WEEKDAYS.index(weekday.lower())
        back = (published.weekday() - target) % 7
        if phrase.startswith("last") and back == 0:
            back = 7
        day = published - timedelta(days=back)
        if phrase.startswith("since"):
            return "since", day, None
        if phrase.startswith(("by", "as")):
            return "by", day, day
        return "point", day, day
    unit = (m.group("pastu") or "").lower().rstrip("s")
    count_text = (m.group("pastn") or "1").lower()
    count = int(count_text) if count_text.isdigit() else _SMALL.get(count_text, 1)
    if unit == "hour":
        # "in the last 24 hours": since the same hour of the day before, two days on the calendar
        back = -(-count // 24)
    else:
        back = max({"day": 1, "week": 7, "month": 30, "year": 365}.get(unit, 1) * count - 1, 0)
    if back > _LONGEST_WINDOW_DAYS:
        # "the worst drought in the last 3000 years": a comparison over ages, not a window (and
        # no day of the calendar)
        return None
    return "window", published - timedelta(days=back), published


#: the longest window "in the past N years" opens: a century
_LONGEST_WINDOW_DAYS: Final = 36_525


_ANCHOR_WORDS: Final = (
    [name for name in _MONTHS if len(name) > 2]
    + _WEEKDAYS
    + ["since", "today", "tonight", "yesterday", "night", "morning", "afternoon", "evening"]
    + ["week", "month", "year", "past", "last", "later", "end", "weeks", "ew", "semana"]
)
_ANCHOR: Final = re.compile(rf"\b(?=[A-Za-z]){trie_pattern(_ANCHOR_WORDS)}\b|\b(?:19|20)\d\d\b")
# _ANCHOR's two kinds of match, each found in a scan the matcher can skip through: the words by
# a scan of the lowered text, _ANCHOR tried only there; the years at their first digit (the
# boundary before it looked at after the "19" or "20", so that the scan starts on a literal)
_ANCHOR_WORD_SCAN: Final = word_scan(_ANCHOR_WORDS)
_YEAR_ANCHOR: Final = re.compile(r"(?:19|20)(?<!\w\d\d)\d\d\b")


def _anchors(text: str, low: bytes) -> list[re.Match[str]]:
    """The matches of ``_ANCHOR.finditer(text)`` (``low`` is the lowered text): a year is never
    inside a word, nor a word inside a year, so the two kinds do not hide one another and are
    merged as they are."""
    words = word_matches(_ANCHOR, _ANCHOR_WORD_SCAN, text, low)
    return sorted([*words, *_YEAR_ANCHOR.finditer(text)], key=re.Match.start)


_WORD_START: Final = re.compile(r"\b\w")
#: the words a branch of _PATTERN opens on, whole ("mid" also runs into its month: "midMay")
_OPENING_WORDS: Final = (
    list(_MONTHS)
    + _WEEKDAYS
    + ["between", "from", "on", "at", "the", "in", "as", "since", "during", "by", "until"]
    + ["through", "throughout", "early", "late", "of", "last", "this", "today", "yesterday"]
    + ["tonight", "over", "a", "one", "two", "three", "four", "five", "six", "seven", "eight"]
    + ["nine", "ten", "spent", "hours", "morning", "afternoon", "evening", "night"]
    + ["week", "weeks", "ew", "epi", "epidemiological", "sem", "semana"]
)
# whether _PATTERN may match at a word, read in the lowered text: the word opens on a digit or
# is one of the opening words, or a code point past Latin-1 (a "?") comes within its first ten
# characters, where a dotless i, a long s or a Kelvin sign would match "i", "s" or "k" when case
# is ignored, or a digit past ASCII would be a digit; _PATTERN is tried only at such a word,
# since at most others it is many times slower to fail than this is
_MAY_OPEN: Final = re.compile(
    rb"[0-9]|mid|" + trie_pattern(_OPENING_WORDS, ignore_case=False).encode() + rb"(?!\w)"
    rb"|.{0,9}\?",
    re.DOTALL,
)


def _anchored(text: str) -> Iterator[re.Match[str]]:
    """Matches of the date expression near the words every date contains (months, days, years ...)."""
    last_end = 0
    n = len(text)
    low = lowered(text)
    for anchor in _anchors(text, low):
        position = anchor.start()
        if position < last_end:
            continue
        lo, hi = max(last_end, position - 40), min(n, anchor.end() + 60)
        # every branch of the expression starts a word: trying it at the starts of the words
        # before the anchor finds what a search of the window would, at a tenth of the cost
        at = lo
        while at <= position:
            m = None
            for word in _WORD_START.finditer(text, at, position + 1):
                if not _MAY_OPEN.match(low, word.start() + 1):
                    continue  # the lowered text has a byte more before it
                m = _PATTERN.match(text, word.start(), hi)
                if m is not None:
                    break
            if m is None:
                break
            if m.end() > position:
                last_end = m.end()
                yield m
                break
            at = m.end() if m.end() > at else at + 1


# "the deadliest since June 2022, when more than 1,000 people were killed": the date of a
# past event the text compares with, not the start of a period that runs to today ("at which
# point" too: what follows happened at the time of the date before it)
_WHEN_AFTER: Final = re.compile(r",?\s+(?:when|at\s+which\s+(?:point|time))\b", re.IGNORECASE)
# "the deadliest since", "the worst flooding in the region since": a comparison, not a count
# "since 7 October, when Hamas attacked"
_COMPARED_SINCE: Final = re.compile(
    r"\b(?:deadliest|worst|largest|biggest|highest|lowest|heaviest|strongest|greatest|fiercest"
    r"|longest|costliest|bloodiest|severest|most\s+[a-z]+|first|only)\b(?:\s+[\w'’-]+){0,6}?\s+$",
    re.IGNORECASE,
)
_DAY_WRITTEN: Final = re.compile(r"(?<![\d,.])(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d,.])")


#: people counted right after a number that could be a year: "12 of 2000 residents" counts
COUNTED_AFTER_YEAR: Final = re.compile(
    r"\s+(?:people|persons|refugees|families|households|children|civilians|residents"
    r"|inhabitants|individuals)\b"
)
_ONLY_A_YEAR: Final = re.compile(r"(?:[A-Za-z]+\s+)?(?:1[89]|20|21)\d\d")
# "12 of 2000", "about 2000": a count leads to the number; not "in 2020", "since 2015"
_COUNT_LEAD_BEFORE: Final = re.compile(
    r"(?:\d\s+of|\b(?:about|some|around|nearly|almost|over|approximately|roughly|than))\s+$",
    re.IGNORECASE,
)


def find_dates(text: str, published: date | None) -> Iterator[DateExpr]:
    """Yield the date expressions of ``text`` in order, resolved against ``published``."""
    found_dates = list(_dates(text, published))
    shift = _week_shift(text, found_dates)
    for found in found_dates:
        if shift and found.epi_week and found.start is not None:
            # "EW 19, 2023 – 7 to 13 May 2023": the text counts its weeks from a Sunday
            yield replace(
                found,
                start=found.start + shift,
                end=found.end + shift if found.end is not None else None,
            )
        else:
            yield found


#: what may come between a week's number and the days it runs: "week 18 (27 April – 3 May
#: 2015)", "EW 19, 2023 – 7 to 13 May 2023"
_WEEK_DAYS_BETWEEN: Final = re.compile(r"\s*(?:[(–—:-]|,)?\s*(?:from\s+)?")


def _week_shift(text: str, dates: list[DateExpr]) -> timedelta:
    """How far the text's epidemiological weeks fall from ISO weeks, when it gives the days of
    one of them: some days back for a week counted from a Sunday (as the Americas count them),
    else none."""
    for week, days in itertools.pairwise(dates):
        if (
            week.epi_week
            and week.start is not None
            and week.end is not None
            and days.role == "window"
            and days.start is not None
            and days.end is not None
            and _WEEK_DAYS_BETWEEN.fullmatch(text, week.end_offset, days.start_offset)
            and days.end - days.start == week.end - week.start
            and 0 < abs((days.start - week.start).days) < 7
        ):
            return days.start - week.start
    return timedelta(0)


def _dates(text: str, published: date | None) -> Iterator[DateExpr]:
    for found in _find_dates(text, published):
        if (
            _ONLY_A_YEAR.fullmatch(text, found.start_offset, found.end_offset)
            and COUNTED_AFTER_YEAR.match(text, found.end_offset)
            and _COUNT_LEAD_BEFORE.search(
                text, max(0, found.start_offset - 20), found.end_offset - 4
            )
        ):
            continue  # "killed 12 of 2000 residents": a count of people, not a year
        if (
            found.role == "since"
            and found.start is not None
            and _WHEN_AFTER.match(text, found.end_offset)
            and _COMPARED_SINCE.search(text, max(0, found.start_offset - 80), found.start_offset)
        ):
            written = text[found.start_offset : found.end_offset]
            begins = found.start
            if _DAY_WRITTEN.search(written):
                ends = begins
            elif begins.month == 1 and not any(m in written.lower() for m in ("jan", "janv")):
                ends = date(begins.year, 12, 31)
            else:
                following = date(begins.year + begins.month // 12, begins.month % 12 + 1, 1)
                ends = following - timedelta(days=1)
            yield replace(found, role="window", end=ends)
        else:
            yield found


def _find_dates(text: str, published: date | None) -> Iterator[DateExpr]:
    for m in _anchored(text):
        s, e = m.span()
        if m.group("between"):
            year = int(m["by"]) if m["by"] else None
            month2 = _month(m["bm2"] or m["bm2b"] or m["bm1"] or m["bm1b"])
            month1 = _month(m["bm1"] or m["bm1b"]) or month2
            if month1 is None or month2 is None:
                continue  # "between 15 and 20": numbers, not dates
            end = _dated(year, month2, _day(m["bd2"]) or 1, published)
            start = _dated(
                int(m["by1"]) if m["by1"] else year if year else (end.year if end else None),
                month1,
                _day(m["bd1"] or m["bd1b"]) or 1,
                published,
            )
            if start and end and start > end:
                start = date(start.year - 1, start.month, start.day)
            yield DateExpr(s, e, "window", start, end, year is not None)
        elif m.group("months"):
            first, last = _month(m["mm_a"]), _month(m["mm_b"])
            assert first is not None
            assert last is not None
            year_b = int(m["my_b"]) if m["my_b"] else None
            window_b = _month_window(year_b, last, published)
            year_a = int(m["my_a"]) if m["my_a"] else (window_b[0].year if window_b else None)
            if window_b and year_a is not None and first > last and not m["my_a"]:
                year_a -= 1
            window_a = (
                _month_window(year_a, first, published) if year_a is not None or published else None
            )
            last_day = window_b[1] if window_b else None
            if window_b and m["mb_edge"] and m["mb_edge"].lower() != "end":
                last_day = window_b[0]  # "from March to the beginning of May"
            first_day = window_a[0] if window_a else None
            if window_a and m["ma_edge"] and m["ma_edge"].lower() == "end":
                first_day = window_a[1]  # "between the end of January and April"
            yield DateExpr(
                s,
                e,
                "window",
                first_day,
                last_day,
                year_b is not None,
            )
        elif m.group("years"):
            first_year = int(m["ya"] or m["yd"])
            last_text = m["yb"]
            last_year = (
                int(last_text) if len(last_text) == 4 else first_year // 100 * 100 + int(last_text)
            )
            if not first_year < last_year <= first_year + _LONGEST_YEARS:
                continue  # "2015-10", "1990–2090": no run of years
            yield DateExpr(s, e, "window", date(first_year, 1, 1), date(last_year, 12, 31), True)
        elif m.group("epiweek"):
            weeks = _week_window(m, published)
            if weeks is None:
                continue
            role = "since" if m["wsince"] else "window"
            yield DateExpr(
                s,
                e,
                role,
                weeks[0],
                None if role == "since" else weeks[1],
                m["wy"] is not None,
                epi_week=True,
            )
        elif m.group("dash"):
            year = int(m["dy"]) if m["dy"] else None
            month = _month(m["dm"])
            assert month is not None
            end = _dated(year, month, _day(m["dd2"]) or 1, published)
            start = _dated(end.year if end else year, month, _day(m["dd1"]) or 1, published)
            yield DateExpr(s, e, "window", start, end, year is not None)
        elif m.group("since"):
            what = m.group("since_what")
            if m.group("since_rel"):
                if published is None:
                    yield DateExpr(s, e, "since", None, None, False)
                elif "year" in m.group("since_rel").lower():
                    yield DateExpr(s, e, "since", date(published.year, 1, 1), None, False)
                else:
                    yield DateExpr(s, e, "since", published.replace(day=1), None, False)
            elif what is None:
                continue
            elif what.lower() == "then":
                yield DateExpr(s, e, "then", None, None, False)
            elif what.lower() in _WEEKDAYS:
                since_day = _latest_weekday(what, published) if published else None
                yield DateExpr(s, e, "since", since_day, None, since_day is not None)
            elif re.fullmatch(_Y, what):
                yield DateExpr(s, e, "since", date(int(what), 1, 1), None, True)
            elif re.fullmatch(rf"{_M}(?:\s+{_Y})?", what, re.IGNORECASE):
                parts = what.split()
                month = _month(parts[0])
                assert month is not None
                window = _month_window(int(parts[1]) if len(parts) > 1 else None, month, published)
                yield DateExpr(s, e, "since", window[0] if window else None, None, len(parts) > 1)
            else:
                day, exact = _one_day(what, published)
                yield DateExpr(s, e, "since", day, None, exact)
        elif m.group("days"):
            if published is None:
                yield DateExpr(s, e, "window", None, None, False)
                continue
            last_day = _latest_weekday(m["wd2"], published)
            first_day = _latest_weekday(m["wd1"], last_day)
            yield DateExpr(s, e, "window", first_day, last_day, True)
        elif m.group("part"):
            month = _month(m["pm"])
            assert month is not None
            window = _month_window(int(m["py"]) if m["py"] else None, month, published)
            if window is None:
                yield DateExpr(s, e, "window", None, None, False)
                continue
            unit = (m["pu"] or m["pu1"]).lower().rstrip("s")
            count_text = (m["pn"] or "1").lower()
            count = int(count_text) if count_text.isdigit() else _SMALL.get(count_text, 15)
            days = (window[1] - window[0]).days + 1
            span = {"day": count, "week": 7 * count, "fortnight": 14 * count}.get(unit, days // 2)
            span = min(max(span, 1), days)
            if m["pord"].lower() == "first":
                opens, closes = window[0], window[0] + timedelta(days=span - 1)
            else:
                opens, closes = window[1] - timedelta(days=span - 1), window[1]
            yield DateExpr(s, e, "window", opens, closes, m["py"] is not None)
        elif m.group("monthend") and m["yend"]:
            year_end = date(int(m["yend"]), 12, 31)  # "at the end of 2023"
            yield DateExpr(s, e, "point", year_end, year_end, True)
        elif m.group("monthend"):
            month = _month(m["me"])
            assert month is not None
            window = _month_window(int(m["mey"]) if m["mey"] else None, month, published)
            month_end = window[1] if window else None
            yield DateExpr(s, e, "point", month_end, month_end, m["mey"] is not None)
        elif m.group("weekto"):
            day, exact = _one_day(m["wt"], published)
            start = day - timedelta(days=6) if day else None
            yield DateExpr(s, e, "window", start, day, exact)
        elif m.group("asof"):
            day, exact = _one_day(m.group("asof_what"), published)
            yield DateExpr(s, e, "point", day, day, exact)
        elif m.group("day"):
            one, exact = _one_day(m.group("day"), published)
            if one is not None or published is None:
                by = re.search(
                    r"\b(?:by|until|as\s+of)\s+$", text[max(0, s - 10) : s], re.IGNORECASE
                )
                yield DateExpr(s, e, "by" if by else "point", one, one, exact)
        elif m.group("iso"):
            try:
                day = date(int(m["iy"]), int(m["im"]), int(m["id"]))
            except ValueError:
                continue
            yield DateExpr(s, e, "point", day, day, True)
        elif m.group("month"):
            month = _month(m["mm"] or m["mm2"])
            year_text = m["my"] or m["my2"]
            assert month is not None
            window = _month_window(int(year_text) if year_text else None, month, published)
            since = (
                m.group(0).lower().startswith("since")
                or _SINCE_BEFORE.search(text, max(0, s - 12), s) is not None
            )
            role = "since" if since else "window"
            part = m.group(0).lower()
            if window is not None and part.startswith(("early", "mid", "late")):
                # "early August": the 1st to the 10th; "mid-August" the 11th to the 20th; "late
                # August" the 21st to the month's end
                first = 1 if part.startswith("early") else 11 if part.startswith("mid") else 21
                last = 10 if first == 1 else 20 if first == 11 else window[1].day
                window = (window[0].replace(day=first), window[1].replace(day=last))
            yield DateExpr(
                s,
                e,
                role,
                window[0] if window else None,
                None if role == "since" else (window[1] if window else None),
                year_text is not None,
            )
        elif m.group("year"):
            year = int(m["yy"])
            role = "since" if m.group(0).lower().startswith("since") else "window"
            yield DateExpr(
                s, e, role, date(year, 1, 1), None if role == "since" else date(year, 12, 31), True
            )
        elif m.group("later"):
            count_text = m["ln"].lower()
            count = int(count_text) if count_text.isdigit() else _SMALL.get(count_text, 1)
            days = count * (7 if m["lu"].lower().startswith("week") else 1)
            yield DateExpr(s, e, "later", None, None, False, days)
        elif m.group("tod"):
            # "this morning": the publication day; "as of eight o'clock this morning": a count
            role = "by" if m["tod_asof"] else "point"
            yield DateExpr(s, e, role, published if role == "point" else None, published, True)
        elif m.group("rel"):
            relative = _relative(m, published)
            if relative is None:
                continue
            role, start, end = relative
            if role == "by" and text.startswith(("'s", "’s"), e):
                role = "point"  # "killed by Monday's earthquakes": caused by, not counted by
            yield DateExpr(s, e, role, start, end, True)

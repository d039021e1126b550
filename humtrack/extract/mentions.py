"""Finding the numbers of a text that may be figures: digits, words, ranges, vague words.

One compiled expression finds every candidate in a single pass; each is then
read with :meth:`humtrack.Estimate.parse`, so extraction and analysts' typing
share one reading of numbers and qualifiers. Spans that are certainly not
figures (dates, times, money, percentages, phone numbers, identifiers, ages,
durations, magnitudes) are rejected by :func:`not_a_figure`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from humtrack._data import read_data_csv, read_data_text
from humtrack.errors import ParseError
from humtrack.estimate import Estimate
from humtrack.extract._cues import _phrases
from humtrack.extract._scan import FOLDS_TO_ASCII, Worded, lowered, word_matches, word_scan
from humtrack.extract._trie import trie_pattern
from humtrack.extract.dates import _WEEKDAY, COUNTED_AFTER_YEAR
from humtrack.vocab import QUALIFIER_PHRASES, VAGUE

__all__ = ["Mention", "find_mentions", "not_a_figure", "slashed_row"]

_UNIT_WORDS: Final = [
    r["word"] for r in read_data_csv("number_words.csv") if r["kind"] != "fraction"
]
_WORD: Final = "|".join(
    sorted((w for w in _UNIT_WORDS if w not in {"a", "an"}), key=len, reverse=True)
)
_SCALE_WORDS: Final = "hundred|thousand|million|billion|dozen"
_WORDS: Final = (
    rf"(?:(?:a|an)\s+(?:{_SCALE_WORDS})|(?:{_WORD}))"
    rf"(?:(?:\s+and\s+|[\s-]+)(?:{_WORD})){{0,5}}"
)
_FRACTION: Final = (
    r"(?:(?:a|one|two|three)\s+)?(?:half|quarters?|thirds?)\s+(?:of\s+)?(?:a|an|one)\s+"
    r"(?:thousand|million|billion)"
)
_DIGITS: Final = (
    r"(?<![\w.,$€£])(?:\d{1,3}(?:\.\d{3}){2,}(?![\d.])(?:,\d+)?"
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])(?:\.\d+)?"
    r"|\d{1,3}(?:(?:,|[ \u00a0\u202f])\d{3}|,\s000)+(?!\d)(?:\.\d+)?|\d+(?:[.,]\d+)?)"
    r"(?:\s?(?:million|billion|thousand|mn|bn|lakhs?|crores?)\b|(?:m|k|b)\b)?"
)
_NUMBER: Final = rf"(?:{_FRACTION}|{_DIGITS}|\b{_WORDS}\b)"
_QUALIFIER: Final = "|".join(
    re.escape(p) for p in sorted(QUALIFIER_PHRASES, key=len, reverse=True) if p[0].isalpha()
)
_VAGUE: Final = "|".join(re.escape(w) for w in sorted(VAGUE, key=len, reverse=True))
_MENTION: Final = re.compile(
    rf"(?:\b(?P<qual>{_QUALIFIER})\s+|(?P<tilde>~)\s?)?"
    rf"(?:\bbetween\s+(?P<a>{_NUMBER})\s+and\s+(?P<b>{_NUMBER})"
    rf"|(?P<x>{_NUMBER})(?:\s*(?:-|–|\bto\b)\s*(?P<y>{_NUMBER}))?(?P<plus>\+)?)"
    rf"|\b(?P<vague>{_VAGUE})\b",
    re.IGNORECASE,
)


def _money_words() -> tuple[list[str], list[str]]:
    before, after = [], []
    for line in read_data_text("extract_money_words.txt").splitlines():
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if word.startswith("before:"):
            before.append(word.removeprefix("before:"))
        else:
            after.append(word)
            before.append(word)
    return before, after


_MONEY_BEFORE, _MONEY_AFTER = _money_words()
# the words before a number that make it an age, a magnitude, the number of a label or a phone:
# "aged 12", "Article 5", "Phase 3", "dial 112" ("urged to call 4455")
_NOT_FIGURE_LABELS: Final = (
    "aged", "age", "ages", "magnitude", "resolution", "route", "article", "section", "chapter",
    "no.", "number", "phase", "level", "category", "flight", "highway", "decree", "law",
    "version", "grade", "page", "para", "epi-week", "epiweek", "stage", "ew", "paragraph",
    "annex", "item", "rule", "model", "unit", "line", "hotline", "helpline", "phone", "tel",
    "tel.", "telephone", "fax", "whatsapp", "call", "dial", "sms",
)  # fmt: skip
# (the money words a trie, the expression being asked only whether it matches)
_AFTER_NOT_FIGURE: Final = re.compile(
    # not onto a next line that opens on a capital: "Friday 8 February ..... 640" over "Week
    # total ..... 32,220" ("of whom 60\n% are children" is one line wrapped)
    r"(?:[^\S\n]*\n(?![ \t]*[A-Z]))?[^\S\n]*"
    r"(?:%|per\s?cent\b|percent\b|pc\b|-?years?[- ]old\b|-?(?:year|month|week|day|hour|minute|decade)s?\b"
    r"|and\s+a\s+half\s+(?:year|month|week|day|hour|decade)s?\b"
    r"|(?:(?:lakh|crore|million|billion)\s+)?(?-i:[A-Z][a-z]+\s+)?(?:us\s)?"
    rf"{trie_pattern(_MONEY_AFTER, ignore_case=False)}\b"
    r"|-?magnitude\b|a\.m\.|p\.m\.|am\b|pm\b"
    # "report people in need of rescue through the 1784 hotline": a number to call
    r"|hotline\b|helpline\b|toll-free\b"
    r"|gmt\b|utc\b|hrs\b|(?:st|nd|rd|th)\b|times\b|[:/]\d|\.\d"
    # "fled two or three times": how often, not how many
    r"|(?:or|to)\s+[a-z]+\s+times\b"
    # "Order 033 of 2021": the number of a document of that year
    r"|of\s+(?:19|20)\d\d\b(?!['’]s)"
    r"(?=\s*(?:[,.;:)]|$|(?:on|in|by|and|of|to|for|from|which|that|issued|adopted)\b))"
    # "a 15-storey block", "a 200-bed hospital": the size of a thing, not a count
    r"|-(?:storey|story|floor|bed|room|metre|meter|foot|kilometre|kilometer|mile|page|seat)\b"
    # speeds and rainfall; shares of a whole ("two thirds of the refugees")
    r"|km/h|kph\b|mph\b|knots\b|mm\b|millimet|cm\b|centimet|met(?:re|er)s?\b"
    # temperatures: "around 0 °C", "44.8 degrees"
    r"|°|º|degrees?\b"
    # ("150,000 third-country nationals" are people)
    r"|-?(?:thirds?|quarters?|fifths?|tenths?)\b(?!-))",
    re.IGNORECASE,
)
# a rate ("1.4 deaths per 10,000 people per day"), its denominator, and a quake's depth
_RATE_OR_DEPTH_BEFORE: Final = re.compile(r"\b(?:per|depth\s+of(?:\s+about|\s+some)?)\s+$", re.I)
_RATE_AFTER: Final = re.compile(
    r"\s+[a-z]+\s+per\s+(?:\d|10|100|1,000|100,000)"
    # "9 litres per person per day", "771,8 litres per square metre", "2,100 kcal per person":
    # a measure per head, area or day
    r"|\s+(?:litres|liters|l|kg|kilograms|grams|g|kcal|kilocalories|calories|tonnes|m2|m²"
    r"|(?:square|cubic)\s+met(?:re|er)s)(?:\s+of\s+[a-z]+)?\s+per\s+(?:person|capita|head|day"
    r"|square|m2|hectare)\b",
    re.I,
)
# "against a standard of 15", "the emergency standard of 15 litres": a norm, not a count
_STANDARD_BEFORE: Final = re.compile(r"\bstandard\s+of\s+$", re.I)
_TIME_WITH_ZONE: Final = re.compile(
    r"\d{1,2}\.\d{2}\s*(?:[A-Z]{3,4}\b|local\s+time\b|hours\b|h\b).*", re.S
)
# "between 2014 and 2017", "2014-2017": years, not a range of figures
_TITLE_NUMBER: Final = re.compile(
    r"\b(?:Report|Update|Bulletin|Sitrep|SitRep|Round|Issue|Edition|Volume|Vol\.)\s$"
)
_WIRE_UPDATE_BEFORE: Final = re.compile(r"\b(?:UPDATE|WRAPUP)\s$")
_YEAR_RANGE: Final = re.compile(
    r"(?:between\s+|from\s+)?(?:1[89]|20|21)\d\d\s*(?:-|–|to|and)\s*(?:1[89]|20|21)\d\d",
    re.IGNORECASE,
)
# (a trie of each word list, the expression being asked only whether it matches)
_BEFORE_NOT_FIGURE: Final = re.compile(
    # money: "US$ 40.4 million", "Rs 500", "€2 million"
    rf"(?:(?<![a-z]){trie_pattern(_MONEY_BEFORE, ignore_case=False)}\s?|\bage\s+of\s?"
    r"|\b(?:children|child|boys|girls|those|people|aged)\s+(?:under|over|below|above)\s"
    # "within a day or two": a duration
    r"|\bday\s|\b(?:a|an|one)\s+(?:day|week|month|year|hour|night)\s+or\s"
    # "children as young as 10": an age
    r"|\bas\s+(?:young|old)\s+as\s"
    rf"|\b(?:{trie_pattern(_NOT_FIGURE_LABELS, ignore_case=False)}|(?:epi|epidemic)\s+weeks?)"
    r"\s?|[a-z]-|:|/"
    # "all times Mecca (GMT+3)": a time zone
    r"|\b(?:GMT|UTC)\s?[+−-]"
    # "in a survey of 1,000 households": a sample, not a count of what happened
    r"|\b(?:survey|sample|poll)\s+of\s|\b(?:surveyed|polled)\s)$",
    re.IGNORECASE,
)


# what each match of _BEFORE_NOT_FIGURE ends on, but for the spaces after it: a word (in any
# case) or a mark
_BEFORE_NOT_FIGURE_ENDS: Final = (
    *{w.lower() for w in (*_MONEY_BEFORE, *_NOT_FIGURE_LABELS)},
    *("of", "under", "over", "below", "above", "day", "or", "as", "week", "weeks"),
    *("surveyed", "polled", "-", ":", "/", "+", "−"),
)


def _before_not_figure(before: str) -> bool:
    """``_BEFORE_NOT_FIGURE.search(before)``, tried only when ``before`` ends on what a match
    can end on (letters that match ASCII ones in any case, as "ſ" does "s", leave it to the
    expression)."""
    if not before.rstrip().lower().endswith(_BEFORE_NOT_FIGURE_ENDS) and not any(
        c in before for c in FOLDS_TO_ASCII
    ):
        return False
    return _BEFORE_NOT_FIGURE.search(before) is not None


# "the people injured ... number 388", "Injuries numbered 541": a verb, not "number 10"
_NUMBER_AS_VERB: Final = re.compile(r"[a-z]{3}s\s+(?:number|numbered)\s$")


_AGE_LIMIT_BEFORE: Final = re.compile(
    r"\b(?:children|child|boys|girls|infants)\s+in\s+\w+\s+(?:under|over|below|above)\s+$",
    re.IGNORECASE,
)


_AGES_BEFORE: Final = re.compile(r"\baged\s+\d{1,3}\s*(?:and|to|-|–)\s*$", re.IGNORECASE)
# "in week 3", "Week 12", "epi week 35": the number of a week; not "Last week 300 people"
_WEEK_NUMBER_BEFORE: Final = Worded(
    re.compile(
        r"(?:\b(?:in|of|during|since|for|by|from|to|until|and)\s+(?:epi(?:demiological)?\s+)?[Ww]eeks?"
        r"|\bepi\s+weeks?|(?<!Last )(?<!This )(?<!Next )(?<!Each )(?<!Every )(?<!Per )\bWeeks?"
        # "Cases wk 7": a column of the week's cases, headed by its week
        r"|\b[Ww]ks?\.?)\s$"
    ),
    ("week", "wk"),
)
# "a child of twelve", "a boy of 14": an age
_AGE_OF_BEFORE: Final = re.compile(
    r"\b(?:an?|the)\s+(?:child|boy|girl|baby|toddler|teenager|son|daughter|man|woman|youth)\s+of\s+$",
    re.IGNORECASE,
)
# "One man, 45, was killed", "a woman, aged 30,": a person's age between commas
_PERSON_BEFORE_AGE: Final = re.compile(
    r"\b(?:man|woman|boy|girl|child|teenager|person|civilian|farmer|driver|mother|father"
    r"|resident|worker|journalist|doctor|nurse|teacher|student|soldier|officer),\s+(?:aged\s+)?$",
    re.IGNORECASE,
)
# "a mother of three", "the father of five young children": how many children a parent has
_PARENT_OF_BEFORE: Final = re.compile(
    r"\b(?:an?|the|his|her|their)\s+(?:[\w-]+\s+)?(?:(?:grand)?(?:mother|father|parent)|mum|mom|dad"
    r"|widow|widower)\s+of\s+$",
    re.IGNORECASE,
)
_TARGET_OR_TEAM_BEFORE: Final = Worded(
    re.compile(
        r"\btarget(?:ed)?\s+(?:population|group)\s+of\s+(?:(?:some|about|around|nearly)\s+)?$"
        # a target or the people reached, in a dashboard's cells: "| target 12,500 households |
        # reached 8,320 households |"
        r"|(?:^|\|)[ \t]*(?:targets?|reached)[ \t]+$"
        r"|\b(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?team\s+of\s+$",
        re.IGNORECASE,
    ),
    ("target", "reached", "team"),
)
_FOREIGN_MONTH_AFTER: Final = re.compile(
    r"[ \t\u00a0]+(?:de[ \t]+)?" + _phrases("extract_foreign_months.txt") + r"(?![-’'\w])",
    re.IGNORECASE,
)
_STREET_WORDS: Final = (
    r"(?:Blvd|Boulevard|St|Street|Ave|Avenue|Road|Rd|Drive|Dr|Lane|Ln|Highway|Hwy|Parkway|Pkwy)"
)
# "10850 West Pico Blvd": the number of a building in a street
_STREET_AFTER: Final = re.compile(
    rf"[ \t]+(?:[NSEW]\.[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+){{1,3}}{_STREET_WORDS}\b"
    r"\.?(?=[ \t]*(?:[,;)\n]|$))"
)
# "..., Los Angeles 90064": a postcode after a street and a town
_POSTCODE_BEFORE: Final = re.compile(
    rf"\b{_STREET_WORDS}\.?,[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){{0,2}},?[ \t]+(?:[A-Z]{{2}}[ \t]+)?$"
)
# "said Juma Seiko, 27, who ...": a person's first and last names, then an age between commas
_NAME_BEFORE: Final = re.compile(
    # "said Olena, 67, who returned in May": one name after a verb of speech
    r"\b(?:said|says|told|recalled|recalls|explained|added|asked)\s+[A-Z][a-zà-ÿ'’-]+,\s$|"
    r"\b[A-Z][a-zà-ÿ'’-]+\s+(?:[A-Z][a-zà-ÿ'’-]+\s+)?[A-Z][a-zà-ÿ'’-]+,\s$"
)
_AGE_APPOSITION_AFTER: Final = re.compile(
    r",\s+(?:who|a|an|from|said|says|told|whose|lost|fled|recalled)\b"
)
# "IPC Phases 3, 4 and 5", "weeks 3 to 5": the later numbers of a list of phases, weeks,
# rounds; a comma joins only inside such a list ("In week 35, 3,416 new cases" is a figure)
_LISTED_LABELS_BEFORE: Final = re.compile(
    r"\b(?:phases?|levels?|categor(?:y|ies)|weeks?|rounds?|grades?|stages?|articles?)"
    r"\s+\d{1,2}(?:\s*,\s*\d{1,2})*\s*(?:(?P<comma>,)|and|or|to)\s*$",
    re.IGNORECASE,
)
_LIST_GOES_ON: Final = re.compile(r"\s*(?:,\s*\d+\s*)*,?\s*(?:and|or)\s+\d")
_ENUMERATION_AFTER: Final = re.compile(r"[.)]\s")
_SECTION_NUMBER: Final = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?")
# a capitalised word after a section's number, not a scale ("2.1 Million people")
_SECTION_TITLE_AFTER: Final = re.compile(
    r"[ \t]+(?!(?i:million|billion|thousand|hundred|lakh|crore|mn|bn|m|k)\b)[A-Z]"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A number in the text that reads as a figure, with its span in code points."""

    start: int
    end: int
    vague: bool

    def estimate(self, text: str) -> Estimate | None:
        """Read the figure; ``None`` when the words do not make a number after all."""
        try:
            return Estimate.parse(text[self.start : self.end])
        except ParseError:
            return None


_YEAR: Final = re.compile(r"(?:1[89]|20|21)\d\d")
# "between 2014 and 2016 residents fled" dates the flight; "2000-3000 people" counts
_PEOPLE_AFTER_YEARS: Final = re.compile(
    r"\s+(?:people|persons|refugees|families|children|civilians)\b"
)
_KM_AFTER: Final = re.compile(r"[a-zA-Z]*km\b")
# a ratio: "nine out of ten of the people", "eight in ten of them", "1 in 5 children"; not
# "12 in four villages" (a count, and where)
_RATIO_NUMBER: Final = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
_RATIO_AFTER: Final = re.compile(
    rf"\s+(?:out\s+of|in)\s+(?:every\s+)?({_RATIO_NUMBER})"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:of|people|persons|children|adults|women|men|households"
    r"|families|residents|respondents)\b)",
    re.IGNORECASE,
)
_RATIO_BEFORE: Final = re.compile(
    rf"(?<![\d.,])\b({_RATIO_NUMBER})\s+(?:out\s+of|in)\s+(?:every\s+)?$", re.IGNORECASE
)
#: four numbers of at most 255 split by dots: an address on a network, not a figure
IP_ADDRESS: Final = re.compile(r"(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)")
# the number words of units (humtrack/data/number_words.csv): "nine" in "nine out of ten"
_SMALL_NUMBERS: Final = {
    r["word"]: int(r["value"])
    for r in read_data_csv("number_words.csv")
    if r["kind"] == "unit" and r["word"] not in {"a", "an"}
}


def _small_number(written: str) -> int:
    """The value of a small whole number written in digits or as a word; -1 if it is not one."""
    word = written.strip().lower()
    if word.isdigit():
        return int(word)
    return _SMALL_NUMBERS.get(word, -1)


def _ratio(written: str, after: str, before: str) -> bool:
    """Whether the number is a term of a ratio, the first smaller than the second: "nine out of
    ten", "eight in ten of them", "1 in 5 children"; not "800 in 45 families"."""
    if (m := _RATIO_AFTER.match(after)) is not None:
        first, second = _small_number(written), _small_number(m.group(1))
    elif (m := _RATIO_BEFORE.search(before)) is not None:
        first, second = _small_number(m.group(1)), _small_number(written)
    else:
        return False
    return 0 <= first < second


#: dot leaders between a row's label and its figure: four dots or more, three after a space, or
#: two between spaces ("Killed .......... 18", "of whom refugees .. 46,343"; the label rules
#: take two dots only before a figure that ends its line), not an ellipsis ("the water kept
#: rising... 12 people drowned")
DOT_LEADER: Final = (
    r"(?:[ \t]+\.{3,}|[ \t]+\.\.(?=[ \t]|$)|\.{4,}|[ \t]+…+|…{2,}"
    # one spaced dot where a long label leaves no room for more, before a figure that ends the
    # line: "United Republic of Tanzania . 243,600 (provisional)"
    r"|[ \t]+\.(?=[ \t]*$|[ \t]+\d[\d,.]*(?:[ \t]*\([^()\n]*\))?[ \t]*(?:\n|$)))"
)
# the dots between a row's label and its page in a table of contents, and the signs of one:
# a line opening on a section number or a part's name, or a "Contents" heading above
_DOT_LEADER_BEFORE: Final = re.compile(rf"{DOT_LEADER}[ \t]*$")
_CONTENTS_LINE: Final = re.compile(
    r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})*\.?[ \t]|(?i:chapter|table|figure|annex|appendix|part"
    r"|section|map|box)\b)"
)
_CONTENTS: Final = re.compile(r"(?im)^[ \t]*(?:table\s+of\s+)?contents[ \t]*:?[ \t]*$")
_WEEKDAY_LIST: Final = re.compile(
    rf"\b{_WEEKDAY}\s*\(\s*\d+\s*\)\s*[,;]|[,;]\s*{_WEEKDAY}\s*\(", re.IGNORECASE
)
WEEKDAY_BRACKET: Final = re.compile(rf"\b{_WEEKDAY}\s*\(\s*$", re.IGNORECASE)


_ITEM_AFTER_ENUMERATOR: Final = re.compile(r"\)\s+[^\W\d]")
_NAME_BEFORE_BRACKET: Final = re.compile(r"\b[A-Z][\w'’.\-]*\s*\($")


def enumerator(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` numbers an item of an enumeration: "(2)" in
    "to (1) restore water, (2) reopen clinics and (3) monitor prices"."""
    written = text[start:end]
    if not (
        start > 0
        and text[start - 1] == "("
        # an item follows, not "Egypt (1), Greece (1), the Netherlands (2)"
        and _ITEM_AFTER_ENUMERATOR.match(text, end)
        and len(written) <= 2
        and written.isdigit()
        # not "the Netherlands (2) and the United States (2)": a count after each name
        and not _NAME_BEFORE_BRACKET.search(text, max(0, start - 30), start)
    ):
        return False
    n = int(written)
    if n > 1:
        return f"({n - 1})" in text[max(0, start - 601) : start - 1]
    return "(2)" in text[end : end + 600]


#: a label naming several counts split by slashes, then as many figures split by slashes:
#: "deaths/injured/missing: 94/41/12", "relief centres/persons accommodated: 163/41,860"
_SLASHED_LABEL: Final = re.compile(
    r"[ \t]*(?:[-–—•*·][ \t]+)?(?P<names>[^\W\d_][^\n:/\d]{0,60}(?:/[^\n:/\d]{1,60}){1,5}):"
    r"[ \t]*(?P<figures>[~≈]?\d[\d,.\u00a0]*\+?(?:[ \t]*/[ \t]*[~≈]?\d[\d,.\u00a0]*\+?){1,5})"
    r"[ \t\r]*(?:\n|$)"
)


_LEADING_ZERO: Final = re.compile(r"(?:^|/)[ \t]*0\d")


def slashed_row(text: str, start: int) -> re.Match[str] | None:
    """The slashed row whose figures hold the number at ``start``, if it is in one."""
    line_start = text.rfind("\n", max(0, start - 500), start) + 1
    if line_start == 0 and start > 500:
        return None
    row = _SLASHED_LABEL.match(text, line_start)
    if row is None or not row.start("figures") <= start < row.end("figures"):
        return None
    figures = row.group("figures")
    if row.group("names").count("/") != figures.count("/") or _LEADING_ZERO.search(figures):
        # "killed/injured: 12/05/2024", "Killed/injured: 12/05": a date, not two counts
        return None
    return row


def not_a_figure(text: str, start: int, end: int) -> bool:
    """Tell whether the number at ``text[start:end]`` is a date part, money, an age, a duration ..."""
    before = text[max(0, start - 18) : start]
    after = text[end : end + 24]
    if (
        (_before_not_figure(before) and not _NUMBER_AS_VERB.search(before))
        or _AFTER_NOT_FIGURE.match(after)
    ) and ((not before.endswith("/") and after[:1] != "/") or slashed_row(text, start) is None):
        return True
    if _TITLE_NUMBER.search(before) or (
        _WIRE_UPDATE_BEFORE.search(before) and text.startswith("-", end)
    ):
        # "Flash Report 2", "Situation Update 4", "Round 5", a wire story's "UPDATE 6-Egypt
        # mosque attack ...": the number of a document
        return True
    if (
        _RATE_OR_DEPTH_BEFORE.search(before)
        or _RATE_AFTER.match(text, end, end + 40)
        or _STANDARD_BEFORE.search(before)
    ):
        return True  # "1.4 deaths per 10,000 people per day", "at a depth of 57 km": no count
    if enumerator(text, start, end):
        return True
    if _ratio(text[start:end], after, before):
        return True  # "nine out of ten of the people it infects", "eight in ten of them"
    if (
        text.startswith(")", end)
        and WEEKDAY_BRACKET.search(before)
        and 1 <= _small_number(text[start:end]) <= 31
        and not _WEEKDAY_LIST.search(text, max(0, start - 40), min(len(text), end + 40))
    ):
        return True  # "on Saturday (22)": the day of the month, as Brazilian sources write it
    if (
        ("." in before or "…" in before)
        and _DOT_LEADER_BEFORE.search(before)
        and (
            _CONTENTS_LINE.match(
                text, max(text.rfind("\n", max(0, start - 160), start) + 1, start - 160, 0)
            )
            or _CONTENTS.search(text, max(0, start - 1500), start)
        )
    ):
        return True  # "2. People killed and injured ....... 5": a page in a table of contents
    if _TIME_WITH_ZONE.fullmatch(text, start, min(len(text), end + 12)):
        return True  # "at 12.25 WITA", "at 07.30 local time"
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_@#"):
        return True
    number = text[start:end]
    if IP_ADDRESS.fullmatch(number):
        return True  # "10.100.200.150": an address on a network
    if _AGE_LIMIT_BEFORE.search(text, max(0, start - 30), start):
        return True  # "one child in four under five": an age, not a count
    if _AGES_BEFORE.search(text, max(0, start - 24), start):
        return True  # "two brothers, aged 9 and 12"
    if _WEEK_NUMBER_BEFORE.search(text, max(0, start - 30), start):
        return True  # "compared with 3 907 cases in week 3"
    if _TARGET_OR_TEAM_BEFORE.search(text, max(0, start - 40), start):
        return True  # "the target population of 23.5 million", "a team of four members"
    if _FOREIGN_MONTH_AFTER.match(text, end):
        return True  # "le 12 janvier", "Stade du 28 Septembre": a day of the month
    if _STREET_AFTER.match(text, end) or (
        end - start == 5 and _POSTCODE_BEFORE.search(text, max(0, start - 60), start)
    ):
        return True  # "10850 West Pico Blvd, Los Angeles 90064": an address
    if _AGE_OF_BEFORE.search(text, max(0, start - 24), start):
        return True  # "killed a child of twelve"
    if (
        end - start <= 3
        and text.startswith(",", end)
        and _PERSON_BEFORE_AGE.search(text, max(0, start - 30), start)
    ):
        return True  # "One man, 45, was killed": his age
    if _PARENT_OF_BEFORE.search(text, max(0, start - 40), start):
        return True  # "one woman, a mother of three, was found dead": her children
    if (
        end - start <= 3
        and _NAME_BEFORE.search(text, max(0, start - 60), start)
        and _AGE_APPOSITION_AFTER.match(text, end)
    ):
        return True  # "said Juma Seiko, 27, who was treated for cuts": an age
    if (
        end - start <= 2
        and (listed := _LISTED_LABELS_BEFORE.search(text, max(0, start - 40), start))
        and (not listed.group("comma") or _LIST_GOES_ON.match(text, end))
    ):
        return True  # "IPC Phases 3, 4 and 5"
    if (start == 0 or text[start - 1] == "\n") and (
        _ENUMERATION_AFTER.match(text, end)
        or (_SECTION_NUMBER.fullmatch(number) and _SECTION_TITLE_AFTER.match(text, end))
    ):
        # "1. SEARCH AND RESCUE", "2.1 The floods that began ...": the number of a section or
        # a list item
        return True
    if _YEAR_RANGE.fullmatch(number):
        return not _PEOPLE_AFTER_YEARS.match(after)
    if _YEAR.fullmatch(number):  # a year, unless a counted noun follows
        return not COUNTED_AFTER_YEAR.match(after)
    return bool(end < len(text) and text[end].isalpha() and not _KM_AFTER.match(after))


_START_WORDS: Final = frozenset(
    # "approx.", "ca.": the word before the dot starts a mention
    {p.split()[0].rstrip(".") for p in QUALIFIER_PHRASES if p[0].isalpha()}
    | {w.split()[0] for w in VAGUE}
    | {w for w in _UNIT_WORDS if w not in {"a", "an"}}
    | {"between", "half", "quarter", "quarters", "third", "thirds"}
)


_ANCHOR: Final = re.compile(
    rf"\d+|~|\b(?=[A-Za-z]){trie_pattern(_START_WORDS)}\b"
    r"|\b(?:[Aa]n?|AN?)\s+(?i:dozen|hundred|thousand|million|billion|few|quarter|half|third)\b"
)
# the three kinds of start _ANCHOR finds, each in a scan the matcher can skip through: runs of
# digits and tildes start at their own characters; words are found by a scan of the lowered
# text, and _ANCHOR is tried only there
_DIGITS_RUN: Final = re.compile(r"\d+")
_TILDE: Final = re.compile("~")
_START_WORD_SCAN: Final = word_scan(_START_WORDS)


def _anchor_starts(text: str) -> list[int]:
    """Where ``_ANCHOR.finditer(text)`` finds its matches, in order.

    A digit or a tilde is never inside a word, nor a word inside a run of digits, so the three
    kinds of start do not hide one another and are merged as they are.
    """
    words = word_matches(_ANCHOR, _START_WORD_SCAN, text, lowered(text))
    return sorted(
        [
            *(m.start() for m in words),
            *(m.start() for m in _DIGITS_RUN.finditer(text)),
            *(m.start() for m in _TILDE.finditer(text)),
        ]
    )


def _anchored(text: str, masked: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """Run the mention expression only where a mention can start: digits and number-ish words.

    Trying a long alternation at every position of a text is what makes naive
    scanning slow; anchoring keeps it to the few places where it can match.
    A match that overlaps a masked span (a date) is dropped, and scanning goes on
    right after that span: in "since 27 May 2025 to 1,239" the figure after the
    date is still found.
    """
    mask_starts = [s for s, _ in masked]
    last_end = 0
    for position in _anchor_starts(text):
        if position < last_end:
            continue
        m = _MENTION.match(text, position)
        if m is None or m.end() == position:
            continue
        i = bisect.bisect_right(mask_starts, m.end() - 1) - 1
        if i >= 0 and masked[i][1] > position:
            # resume after the last mask the match runs into: what follows it is free of
            # masks, so each character is scanned a bounded number of times
            last_end = max(position + 1, masked[i][1])
            continue
        last_end = m.end()
        yield m


#: "three armoured vehicles, a tank, three vehicles": in a list of counts, "a" counts one
#: ("a(?<!\wa)nd": "and" at the start of a word, written so that the matcher skips quickly)
_LIST_ARTICLE: Final = re.compile(
    r"(?:,\s+|a(?<!\wa)nd\s+)(an?)\s+"
    # "and a further ten people": the article of the figure after it, not one of something
    r"(?!(?:further|total|maximum|minimum|record|combined|cumulative|number)\b)(?=[a-z])"
)


def _list_articles(text: str, mentions: list[Mention]) -> list[Mention]:
    """Articles that count one thing in a list whose other items are numbers."""
    starts = [m.start for m in mentions]
    out = []
    for m in _LIST_ARTICLE.finditer(text):
        i = bisect.bisect_left(starts, m.start(1))
        before = mentions[i - 1] if i > 0 else None
        after = mentions[i] if i < len(mentions) else None
        if after is not None and after.start <= m.start(1) < after.end:
            continue  # the article begins a figure of its own: "a dozen shops"
        near_before = before is not None and 0 <= m.start(1) - before.end <= 40
        near_after = after is not None and 0 <= after.start - m.end(1) <= 40
        if near_before or near_after:
            out.append(Mention(m.start(1), m.end(1), False))
    return out


#: telephone numbers: a leading zero or a country prefix, then three or more digit groups
#: ("0 800 331 545", "0801 00 47 47", "+249 91 234 5678")
#: (each branch starts with its character and looks behind it after, so that the matcher skips
#: quickly over text without a plus, a zero or a one)
_PHONE: Final = re.compile(
    r"(?:\+(?<![\d,.]\+)\d{1,3}|0(?<![\d,.]0)\d{0,4})(?:[ .-]\d{2,4}){2,}(?![\d,])"
    r"|1(?<![\d,.]1)-\d{3}-\d{3}-\d{4}(?![\d,])"
    # an area code in brackets; after a country code, three groups ("(+12) 45 500" is a
    # change in brackets and a figure)
    r"|\((?:0\d{1,4}\)[ .-]?\d{2,4}(?:[ .-]\d{2,4})+|\+\d{1,3}\)[ .-]?\d{2,4}(?:[ .-]\d{2,4}){2,})"
    r"(?![\d,])"
)  # "+41 22 917 1234", "0800 123 456", "1-800-621-3362", "(0361) 251 177"


_TIMES: Final = re.compile(r"\s*times\b", re.IGNORECASE)
_NOT_BEFORE: Final = re.compile(r"\bnot\s+(?:even\s+)?$", re.IGNORECASE)


# "took control over 21 locations": "over" is a preposition there, not "more than"
_CONTROL_OVER: Final = re.compile(
    r"\b(?:control|authority|power|jurisdiction|sovereignty|command|influence)\s+$", re.I
)
_CHANGED_FROM: Final = re.compile(
    r"\b(?:rose|risen|rises|rising|increased|jumped|climbed|fell|fallen|dropped|decreased|"
    r"declined|grew|grown|went(?:\s+up)?|gone(?:\s+up)?|revised(?:\s+(?:up|down)(?:wards?)?)?"
    r"|raised|lowered)"
    r"\s+(?:from|by)\s+$",
    re.IGNORECASE,
)


def _reached(text: str, m: re.Match[str]) -> bool:
    """Whether the second number of "by X to Y" is at least twice the first: the count a change
    of X reached, not the top of a range."""
    low = Mention(m.start("x"), m.end("x"), False).estimate(text)
    high = Mention(m.start("y"), m.end(), False).estimate(text)
    return (
        low is not None
        and high is not None
        and low.value is not None
        and high.value is not None
        and high.value >= 2 * low.value
    )


# a row of a table written as text: a label, then cells after spaced dashes
_LABEL_NAME_BEFORE: Final = re.compile(
    r"(?:^|[\n:;.]\s*)(?!(?:Between|About|Some|From|Around|Over|Nearly|Almost|Up|An?|The)\b)"
    r"[A-Z][a-z]+\s+$"
)
_CELL_GAP: Final = re.compile(r"[ \t]+[—–][ \t]+")
_ROW_HEAD: Final = re.compile(r"[^\d\n]{2,80}[ \t][—–][ \t]+(?:[^\d\n]{0,20})")
_SCALED: Final = re.compile(r"[A-Za-z]")  # "25 million", "2.3m": a scale written after the digits


def find_mentions(text: str, masked: list[tuple[int, int]]) -> list[Mention]:
    """Every candidate figure in order, skipping spans that overlap ``masked`` (dates, times ...)."""
    phones = [m.span() for m in _PHONE.finditer(text)]
    if phones:
        masked = sorted([*masked, *phones])
    found = list(_numbers(text, masked))
    articles = _list_articles(text, found)
    if articles:
        found = sorted([*found, *articles], key=lambda m: m.start)
    return found


# none at all: "Katwa – 0 – 645", "zero deaths"
_NONE: Final = frozenset({"0", "zero", "nil"})


def _numbers(text: str, masked: list[tuple[int, int]]) -> Iterator[Mention]:
    for m in _anchored(text, masked):
        start, end = m.span()
        core_start = m.start("qual") if m.group("qual") else start
        if (
            m.group("qual")
            and m.group("qual").lower() == "over"
            and _CONTROL_OVER.search(text, max(0, start - 24), start)
        ):
            core_start = m.start("x") if m.group("x") else core_start  # "control over 21 towns"
        number_start = m.start("a") if m.group("a") else (m.start("x") if m.group("x") else start)
        if text[start:end].lower() in _NONE:
            continue  # "Katwa – 0 – 645": none is no figure to review, as "no deaths" is not
        if m.group("vague") and _TIMES.match(text, end):
            continue  # "displaced several times"
        if m.group("vague") and m.group("vague").lower() == "few":
            continue  # "few guarantees": not many, not a count ("a few" is one)
        if m.group("vague") and _NOT_BEFORE.search(text, max(0, start - 12), start):
            continue  # "in the dozens, not hundreds": a number said not to be
        if (
            m.group("y")
            and not m.group("vague")
            and _CELL_GAP.fullmatch(text, m.end("x"), m.start("y"))
            and (
                not_a_figure(text, number_start, m.end("x"))
                # "Zone 3 – 15 killed", "Week 12 – 4,500 new cases": a label's number
                or _LABEL_NAME_BEFORE.search(text, max(0, start - 30), start) is not None
            )
        ):
            # "Phase 3 – 290,000", "Round 12 – 4,500": the number of a label, then a figure
            if not not_a_figure(text, m.start("y"), end - (1 if m.group("plus") else 0)):
                yield Mention(m.start("y"), end, False)
            continue
        if not m.group("vague") and not_a_figure(
            text, number_start, end - (1 if m.group("plus") else 0)
        ):
            continue
        if (
            m.group("y")
            and _CELL_GAP.fullmatch(text, m.end("x"), m.start("y"))
            and _ROW_HEAD.fullmatch(text, text.rfind("\n", 0, start) + 1, start)
        ):
            # "Hela – 290,000 – 145,000": the cells of a table row written as text, not a range
            if text[core_start : m.end("x")].strip().lower() not in _NONE:
                yield Mention(core_start, m.end("x"), False)
            if text[m.start("y") : end].strip().lower() not in _NONE:
                yield Mention(m.start("y"), end, False)
            continue
        if (
            m.group("y")
            and text[m.end("x") : m.start("y")].strip().lower() == "to"
            and (changed := _CHANGED_FROM.search(text, max(0, start - 40), start))
            # "rose by 2,000 to 15,000": a change and the count it reached; "rose by 10 to 15
            # people a day" is still a range
            and (not changed.group().lower().rstrip().endswith("by") or _reached(text, m))
        ):
            # "the toll rose from 12 to 15", "from 18 to 25 million": two counts, not a range, and
            # "rose by 2,000 to 15,000" a change and the count it reached;
            # the earlier one is a figure too when it does not borrow the later one's scale
            # ("from 18 to 25 million" gives only the 25 million)
            if _SCALED.search(m.group("x")) or not _SCALED.search(m.group("y")):
                yield Mention(m.start("x"), m.end("x"), False)
            yield Mention(m.start("y"), end, False)
            continue
        yield Mention(core_start, end, bool(m.group("vague")))

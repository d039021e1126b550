"""When a figure holds: the dates of a text told apart (events, reports, "as of" headings)
and the period each figure takes from its clause, sentence, paragraph or event."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from humtrack.extract._cues import (
    _APPROX_LEAD,
    _AS_OF,
    _DATELINE,
    _EVENT_CUES,
    _REPORT_CUES,
    _SINCE,
    _TOLL_METRICS,
    _last,
)
from humtrack.extract._labels import _BULLET, _label_before
from humtrack.extract.dates import _WHEN_AFTER, DateExpr
from humtrack.extract.mentions import Mention
from humtrack.extract.text import Segments

#: Between a day and an event word after it, words that make the event another day's.
_NOT_THE_EVENT: Final = re.compile(r"\b(?:after|before|since|following|ago)\b", re.I)
_SPEECH_AFTER: Final = re.compile(r"[ ,]*(?:said|told|reported|announced|confirmed)\b", re.I)
#: "On 9 October, the Minister of Humanitarian Affairs told reporters": a day a speaker gave
#: a count; words only between them, so "On 9 May, an attack killed 20, officials said" is not
_SPEAKER_SPEECH_AFTER: Final = re.compile(
    r",?\s+(?:[A-Za-z][\w'’.-]*\s+){1,8}?(?:said|told|reported|announced|confirmed"
    r"|(?:gave|given)\s+an?\s+(?:[\w-]+\s+)?(?:figure|toll|count)|put\s+the\s+(?:toll|figure|number))\b"
)
_OPENS_SENTENCE: Final = re.compile(r"[^\w]*(?:On\s+)?", re.IGNORECASE)
#: A clause that counts since some start, or up to now ("have been hit"), is not one event's toll.
_CUMULATIVE: Final = re.compile(r"\b(?:since|have|has|so\s+far|to\s+date|in\s+total)\b", re.I)
_RUNNING_TOTAL: Final = re.compile(r"\b(?:cumulative(?:ly)?|in\s+total|to\s+date|so\s+far)\b", re.I)
_RECENT_WINDOW: Final = re.compile(r"(?:over|in)\s+the\s+(?:past|last)\b", re.I)
# "4 419 new cases, compared with 3 907 cases in week 3": a later date is the compared figure's
_COMPARED_AFTER: Final = re.compile(
    r"\b(?:compared\s+(?:with|to)|up\s+from|down\s+from|versus|vs\.?)\s", re.I
)
_SINCE_BEFORE: Final = re.compile(r"\bsince\b(?:\s+[^\s.;]+){0,8}?\s+$", re.IGNORECASE)
_AS_OF_BEFORE: Final = re.compile(r"\bas\s+(?:of|at)\s+(?:\d\d?[:.]\d\d\s+)?$", re.IGNORECASE)
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
    stem = what.lower().rstrip("s")
    word = re.compile(rf"\b{re.escape(stem)}s?\b", re.IGNORECASE)
    kin = next((group for group in _SAME_EVENT if stem in group), ())
    others = [w for w in kin if w != stem]
    other_word = (
        re.compile(rf"\b(?:{'|'.join(map(re.escape, others))})s?\b", re.IGNORECASE)
        if others
        else None
    )
    fallback: DateExpr | None = None
    for d in dating.dates:
        if d.role not in {"point", "window"} or d.start is None:
            continue
        if _DATELINE.match(segs.text, d.end_offset):
            continue
        lo, hi = segs.sentence(d.start_offset)
        if d.start_offset in dating.reported and not _BEGAN_WORDS.search(segs.text, lo, hi):
            continue  # "the ministry said on 20 May that the outbreak was spreading"
        if (lo, hi) == own:
            continue
        if word.search(segs.text, lo, hi):
            return d
        if (
            fallback is None
            and other_word is not None
            and other_word.search(segs.text, lo, hi)
            and _BEGAN_WORDS.search(segs.text, lo, hi)
        ):
            # another word for the event, with a verb that says it began: "fighting erupted"
            fallback = d
    return fallback


#: words a text uses in turn for one event: "since the clashes began" counts from the day
#: "fighting erupted"; "since the floods" from the day "heavy rains began" (the text's own word
#: first; another word of the group only in a sentence that says the event began)
_SAME_EVENT: Final = (
    ("war", "conflict", "fighting", "clashe", "hostilitie", "offensive", "escalation"),
    ("flood", "rain"),
    ("storm", "cyclone"),
)


_BEFORE_EVENT: Final = re.compile(
    r"\bbefore\s+(?:the|this|its|their)\s+(?:[\w-]+\s+){0,2}?(?P<what>war|conflict|fighting|"
    r"clashes|offensive|escalation|hostilities|violence|crisis|bombardment|siege|invasion|"
    r"earthquake|floods?|storm|cyclone|influx|attacks?|assault|takeover|coup|occupation|exodus)\b",
    re.IGNORECASE,
)
_PRESENT: Final = re.compile(r"\b(?:now|currently|today|hosts|remains?|is|are)\b", re.IGNORECASE)
# "declared an outbreak of Ebola disease", "the cholera outbreak began": the day cases count from
_DECLARED: Final = re.compile(
    r"\b(?:declared|confirmed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:outbreak|epidemic)\b"
    r"|\b(?:outbreak|epidemic)\s+(?:began|started|erupted|broke\s+out)\b"
    r"|\bfirst\s+(?:confirmed\s+|suspected\s+)?cases?\s+(?:was|were)\s+(?:reported|confirmed|"
    r"detected|recorded)\b",
    re.IGNORECASE,
)
_OVER: Final = re.compile(r"\b(?:over|ended|end\s+of)\b", re.IGNORECASE)


def _declared(dating: _Dating, position: int) -> DateExpr | None:
    """The day, before ``position``, a sentence says the text's outbreak began."""
    first = dating.declared[0] if dating.declared else None
    return first if first is not None and first.start_offset < position else None


# "before 21 January", "before the full-scale invasion of 24 February 2022", "before the
# conflict began in March 2011", "before the conflict reached it in December 2012"
_BEFORE_DAY: Final = re.compile(
    r"\b(?:before|prior\s+to)\s+(?:on\s+)?$"
    r"|\b(?:before|prior\s+to)\s+(?:the|this|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:war|conflict|fighting|clashes|offensive|escalation|hostilities|violence|crisis|siege|"
    r"invasion|earthquake|floods?|storm|cyclone|influx|attacks?|assault|takeover|coup|occupation)"
    # (the date may hold its own "in" or "on": "in March 2011")
    r"\s+(?:(?:of|on|in)\s+|(?:began|started|broke\s+out|erupted|struck|reached\s+\w+)\s+"
    r"(?:(?:on|in)\s+)?)?$",
    re.IGNORECASE,
)


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
    #: days a sentence says an outbreak was declared or began, in text order
    declared: tuple[DateExpr, ...] = ()
    #: for each heading of ``headings_as_of``, where the next heading in capitals starts
    headings_reach: tuple[int, ...] = ()
    #: the window the text's title gives its report ("Situation Report No. 28 (3 – 9 April
    #: 2017)", "Dadaab Operational Update – February 2023")
    title_window: DateExpr | None = None
    #: where the text's title ends: its first blank line, within the first lines
    title_end: int = 0

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
            if _AS_OF_BEFORE.search(
                text, max(lo, d.start_offset - 12), d.start_offset
            ) or _AS_OF.match(text, d.start_offset):
                reported.add(d.start_offset)  # "As of 10:00 today": the day of the count
                continue
            before = text[max(lo, d.start_offset - 100) : d.start_offset]
            after = text[d.end_offset : min(hi, d.end_offset + 40)]
            if _POSSESSIVE_EVENT.match(after):
                events.append(d)  # "the toll from yesterday's explosion", whoever says it
                continue
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
            elif _SPEECH_AFTER.match(after) or (
                _OPENS_SENTENCE.fullmatch(text, lo, d.start_offset)
                and (speech := _SPEAKER_SPEECH_AFTER.match(text, d.end_offset, hi)) is not None
                and not _EVENT_CUES.search(text, d.end_offset, speech.end())
            ):
                reported.add(d.start_offset)
        starts = Counter(d.start for d in dates if d.role == "since" and d.start is not None)
        common = starts.most_common(1)[0] if starts else None
        since = (
            next(d for d in dates if d.role == "since" and d.start == common[0])
            if common and common[1] > 1
            else None
        )
        as_of = []
        reach: list[int] = []
        caps: list[int] | None = None  # the starts of the lines in capitals, found once
        for d in dates:
            opening = text.rfind("(", text.rfind("\n", 0, d.start_offset) + 1, d.start_offset)
            bracketed = (
                d.role in {"point", "window"}
                and opening >= 0
                # "(31 January)", "(households / individuals, site tracking of 21 January)"
                and _NO_FIGURE_OR_BRACKET.fullmatch(text, opening + 1, d.start_offset) is not None
                # a heading, not a figure's line with its source: "883,000+ IDPs (IOM, 29 October)"
                and (
                    opening + 1 == d.start_offset
                    or not _ANY_DIGIT.search(text, _heading_words(text, opening), opening)
                )
                and _BRACKET_ENDS_LINE.match(text, d.end_offset) is not None
            )  # "Displacement camps by district (31 January):"
            if (
                d.start is None
                or d.end is None
                or not (_AS_OF.match(text, d.start_offset) or bracketed)
            ):
                continue
            line_end = text.find("\n", d.end_offset)
            line = text[
                text.rfind("\n", 0, d.start_offset) + 1 : len(text) if line_end < 0 else line_end
            ]
            if not line.rstrip().endswith((".", ";")):
                as_of.append(d)
                # a window holds down to the next heading in capitals ("KEY FIGURES (20 – 26
                # May)" over its rows, not over "CUMULATIVE FIGURES" further down)
                if caps is None:
                    caps = [m.start() for m in _CAPS_LINE.finditer(text)]
                below = bisect.bisect_left(caps, len(text) if line_end < 0 else line_end)
                reach.append(caps[below] if below < len(caps) else len(text))
        first = _FIRST_LINE.match(text)
        declared = []
        seen_sentences: set[tuple[int, int]] = set()
        for d in dates:
            if d.role not in {"point", "window"} or d.start is None:
                continue
            sentence = segs.sentence(d.start_offset)
            if sentence in seen_sentences:
                continue
            seen_sentences.add(sentence)
            said = _DECLARED.search(text, *sentence)
            if said is not None and not _OVER.search(text, sentence[0], said.end()):
                declared.append(d)  # not "declared the outbreak over"
        return cls(
            dates,
            [d.start_offset for d in dates],
            events,
            frozenset(reported),
            since,
            tuple(as_of),
            tuple(declared),
            tuple(reach),
            _title_window(text, first, dates),
            _title_end(text, first),
        )

    def heading_as_of(self, position: int, published: date | None = None) -> DateExpr | None:
        """The day the last heading before ``position`` says its figures stand at, or the
        window it gives them, while no heading in capitals intervenes and the window has
        ended by publication (not "RESPONSE PLAN TARGETS (January – December 2019)")."""
        before = [i for i, d in enumerate(self.headings_as_of) if d.start_offset < position]
        if not before:
            return None
        heading = self.headings_as_of[before[-1]]
        if heading.role == "window" and (
            position >= self.headings_reach[before[-1]]
            or (published is not None and heading.end is not None and heading.end > published)
        ):
            return None
        return heading

    def report_window(self, text: str, sentence: tuple[int, int]) -> tuple[date, date, str] | None:
        """The window of the text's title (its first and last day, and its words) for a figure
        in ``sentence`` with no date of its own; none for a running total ("Since the war
        began, 1.2 million have fled", "a total of"), which no report's window holds."""
        title = self.title_window
        if (
            title is None
            or title.start is None
            or title.end is None
            or _RUNNING.search(text, *sentence) is not None
        ):
            return None
        return title.start, title.end, text[title.start_offset : title.end_offset]

    def title_as_of(self, text: str) -> DateExpr | None:
        """The day the text's title says its figures stand at ("Flash Update No. 4 (as of 17
        March 2022)"): a heading's single day before the text's first blank line, not in a
        heading in capitals ("KEY FIGURES (as of 30 April)" dates the list below it only)."""
        for d in self.headings_as_of:
            if d.start_offset > self.title_end:
                return None
            words = text[text.rfind("\n", 0, d.start_offset) + 1 : d.start_offset]
            if (
                d.role == "point"
                and d.start is not None
                and d.start == d.end
                and _not_capitals(words)
            ):
                return d
        return None

    def event_for(self, position: int, published: date | None) -> DateExpr | None:
        """The event a figure at ``position`` most likely counts: the last one before it, else
        the first after it, if that one is recent (a headline's toll of the strike the story
        dates later, not of an attack years before that a background paragraph recalls)."""
        before = [d for d in self.events if d.start_offset < position]
        if before:
            return before[-1]
        if not self.events:
            return None
        first = self.events[0]
        old = (
            published is not None
            and first.start is not None
            and (published - first.start).days > _RECENT_DAYS
        )
        return None if old else first


def _title_window(text: str, first: re.Match[str] | None, dates: list[DateExpr]) -> DateExpr | None:
    """The window of days a text's title gives its report: a window on its ``first`` line,
    when that line is a title (short, not a sentence, not a heading in capitals), not a
    single day."""
    if first is None or len(first.group(1)) > _LONGEST_TITLE:
        return None
    lo, hi = first.span(1)
    if text[lo:hi].rstrip().endswith((".", ";", ",")):
        return None  # a sentence
    found: DateExpr | None = None
    for d in dates:
        if d.start_offset >= hi:
            break
        if (
            d.start_offset >= lo
            and d.role == "window"
            and d.start is not None
            and d.end is not None
            and d.start < d.end
            and (d.end - d.start).days <= _LONGEST_REPORT_WINDOW
        ):
            # the last window of the line: "Sudan: April 2023 Conflict – Weekly Update (3 – 9
            # June 2023)" reports on the week, not on the month the conflict began
            found = d
    if found is None:
        return None
    words = text[lo : found.start_offset]
    # not a heading in capitals ("KEY FIGURES (20 – 26 May)"), whose window holds only down to
    # the next heading (see ``headings_reach``)
    return found if _not_capitals(words) else None


def _not_capitals(words: str) -> bool:
    """Whether the words before a date on a line are no heading in capitals (none at all is
    none: "3 – 9 April 2024: Situation Report")."""
    return not words.strip() or words.upper() != words


def _title_end(text: str, first: re.Match[str] | None) -> int:
    """Where the title block of a text ends: its first blank line after its ``first`` line,
    if that comes within the first few hundred characters; else nowhere (0)."""
    if first is None:
        return 0
    blank = _BLANK_LINE.search(text, first.end(1))
    return blank.start() if blank is not None and blank.start() <= _LONGEST_TITLE_BLOCK else 0


_FIRST_LINE: Final = re.compile(r"\s*([^\n]+)")
_BLANK_LINE: Final = re.compile(r"\n[ \t\r]*\n")
_LONGEST_TITLE_BLOCK: Final = 400
#: a count since some start or of all so far, which no report's window holds: "Since the war
#: began, 1.2 million have fled", "To date, 1.2 million", "a total of 1.5 million"
_RUNNING: Final = re.compile(
    rf"{_RUNNING_TOTAL.pattern}|\b(?:since|total|overall|altogether|all\s+told)\b", re.IGNORECASE
)
_LONGEST_TITLE: Final = 200
#: a report's window is a week, a month, a quarter, a half-year or a year; not a plan's decade
_LONGEST_REPORT_WINDOW: Final = 366
_ANY_DIGIT: Final = re.compile(r"\d")
# a heading in capitals on a line of its own: "CUMULATIVE FIGURES", "ANNEX: 2018 FIGURES"
_CAPS_LINE: Final = re.compile(r"^[^a-z\n]*[A-Z]{3}[^a-z\n]*$", re.MULTILINE)
_SECTION_NUMBER: Final = re.compile(r"[ \t]*\d{1,2}(?:\.\d{1,2})*\.?[ \t]+")


def _heading_words(text: str, position: int) -> int:
    """Where the words of the line holding ``position`` start, past a section number."""
    start = text.rfind("\n", 0, position) + 1
    number = _SECTION_NUMBER.match(text, start, position)
    return number.end() if number is not None else start


_ABBREVIATION_ENDS: Final = re.compile(r"\b(?:ind|HH|hh|est|approx)\.$")
_NO_FIGURE_OR_BRACKET: Final = re.compile(r"[^\d()\n]{0,60}")
_BRACKET_ENDS_LINE: Final = re.compile(r"\):?[ \t]*(?:\n|$)")
#: how long before publication an event the text names only after a figure may still be its event
_RECENT_DAYS: Final = 60

# "yesterday's explosion", "Sunday's deadly blast", "Sunday evening's strike"
_POSSESSIVE_EVENT: Final = re.compile(
    rf"(?:\s+(?:morning|afternoon|evening|night))?['’]s\s+(?:[a-z-]+\s+){{0,2}}?(?:{_EVENT_CUES.pattern})",
    re.IGNORECASE,
)
_BEGAN_WORDS: Final = re.compile(
    r"\b(?:declared|began|begun|started|erupted|broke\s+out|sparked|struck|hit)\b", re.IGNORECASE
)
# "the toll rose to 229 on Wednesday", "233 on Sunday, up from 272": when a toll was counted
_TOLL_COUNTED: Final = re.compile(
    r"\b(?:toll|tally|count|rose|risen|rises|climbed|reached|stood|stands|up\s+from|put\s+the)\b",
    re.IGNORECASE,
)


def _report_day(
    text: str, dating: _Dating, sentence: tuple[int, int], since: DateExpr
) -> DateExpr | None:
    """The day a sentence says its count was given ("As of 5 September", "On 9 October,
    the minister told reporters"), when it falls after the day the count runs since."""
    i = bisect.bisect_left(dating.starts, sentence[0])
    for d in dating.dates[i : bisect.bisect_left(dating.starts, sentence[1])]:
        if (
            (d.start_offset in dating.reported or _AS_OF.match(text, d.start_offset))
            # before the sentence's figures: not "107 000 refugees were present as of 30 April,
            # of more than 800,000 who have crossed since 24 February"
            and not any(c.isdigit() for c in text[sentence[0] : d.start_offset])
            and d.role in {"point", "by"}
            and d.end is not None
            and since.start is not None
            and d.end > since.start
        ):
            return d
    return None


def _on_bullet(segs: Segments, mention: Mention) -> bool:
    """Whether the figure is on a bulleted line: "• Of these, about 44,000 live in Azraq camp."
    is a line of a list under its heading, though it is written as a sentence."""
    return _BULLET.match(segs.text, segs.text.rfind("\n", 0, mention.start) + 1) is not None


def _in_list(segs: Segments, mention: Mention) -> bool:
    """Whether the figure is on a line of a list (a key-figures line), not in running prose."""
    line_end = segs.text.find("\n", mention.end)
    rest = segs.text[mention.end : len(segs.text) if line_end < 0 else line_end].rstrip()
    # "3,870 HH / 15,240 ind.": an abbreviation, not the end of a sentence
    return not rest.endswith(".") or _ABBREVIATION_ENDS.search(rest) is not None


def _running_total(text: str, start: int, position: int) -> bool:
    """Whether the figure at ``position`` is said to be a running total ("Deaths: cumulative
    406", "so far 25,000 people have fled"): the word before it in its clause, no other figure
    before the word ("1,300 cases so far, 12 deaths" leaves the 12 alone)."""
    total = _RUNNING_TOTAL.search(text, start, position)
    return total is not None and _NO_DIGIT.fullmatch(text, start, total.start()) is not None


def _held_before(
    segs: Segments,
    mention: Mention,
    chosen: DateExpr,
    sentence: tuple[int, int],
    clause: tuple[int, int],
) -> bool:
    """Whether the stock at ``mention`` is said to hold before the day ``chosen`` names: the
    figure, then "before" the day with no other figure between ("17,000 people before the
    invasion of 24 February"), or the "before" phrase opening the sentence or clause ("Before
    the offensive of 19 September, about 120,000 ..."); not a stock at the time of the event
    (", when 40,000 people were sheltering"), nor one after a "before" in the middle of its
    sentence ("The camp, set up before the floods of 2022, now hosts 45,000 people")."""
    text = segs.text
    before = _BEFORE_DAY.search(text, max(0, chosen.start_offset - 70), chosen.start_offset)
    if before is None or _WHEN_AFTER.match(text, chosen.end_offset):
        return False
    if mention.end <= before.start():
        return _NO_DIGIT.fullmatch(text, mention.end, before.start()) is not None
    return chosen.end_offset <= mention.start and (
        _OPENS.fullmatch(text, sentence[0], before.start()) is not None
        or _OPENS.fullmatch(text, clause[0], before.start()) is not None
    )


_NO_DIGIT: Final = re.compile(r"[^\d]*")
_OPENS: Final = re.compile(r"[\s\"“‘'(]*")


def _period(
    kind: str,
    metric: str,
    mention: Mention,
    segs: Segments,
    dating: _Dating,
    published: date | None,
    notes: list[str],
) -> tuple[date | None, date | None]:
    """The period of a figure: from its clause, sentence, paragraph or event, then kept
    within what the text can know (nothing after its publication; a stock at one day)."""
    start, end = _period_of(kind, metric, mention, segs, dating, published, notes)
    if (
        kind == "flow"
        and start is not None
        and end is not None
        and end == published
        and _in_list(segs, mention)
    ):
        heading = dating.heading_as_of(mention.start, published)
        if heading is not None and heading.end is not None and start <= heading.end < end:
            # "257,000 people displaced since 19 February" in a report "as of 9 April"
            words = segs.text[heading.start_offset : heading.end_offset]
            notes.append(f"ends on the day the report's figures stand at ('{words}')")
            end = heading.end
    if (
        published is not None
        and start is not None
        and end is not None
        and start <= published < end
        and (end - start).days > 31
    ):
        # "need humanitarian assistance in 2023", in June 2023 (a month named stays whole)
        notes.append("period cut at publication: the text cannot report what is to come")
        end = published
    if (
        kind == "stock"
        and metric != "in_need"
        and start is not None
        and end is not None
        and (end - start).days > 31
    ):
        # "some 5.1 million people are internally displaced" in a sentence about 2023:
        # a stock holds on a day, the last of the window the text can know
        notes.append("a stock dated at the end of the window its sentence names")
        start = end
    return start, end


#: a key-figures label is short; a longer one is a sentence that ends in a colon
_LONGEST_LABEL: Final = 70
# between a label and its figure, only the colon and a qualifier: not a dateline's dash, nor
# "revised from 92,000 (NDMO, 9 April) to"
_LABEL_COLON: Final = re.compile(rf"[ \t]*:[ \t]*{_APPROX_LEAD}", re.IGNORECASE)


def _period_of(
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
    label = _label_before(segs.text, mention.start)
    if (
        label is not None
        and label[0] < clause[0]
        and label[1] - label[0] <= _LONGEST_LABEL
        and _LABEL_COLON.fullmatch(segs.text, label[1], mention.start)
    ):
        # "People in need of relief food assistance in 2016:      10.2 million": the label
        # is the figure's clause
        clause = (label[0], clause[1])
    sentence = segs.sentence(mention.start)
    paragraph = segs.paragraph(mention.start)
    chosen: DateExpr | None = None
    chosen_level = -1
    for level, (lo, hi) in enumerate((clause, sentence, paragraph)):
        i0 = bisect.bisect_left(date_starts, lo)
        in_window = [
            d for d in dates[i0 : bisect.bisect_left(date_starts, hi)] if d.end_offset <= hi
        ]
        if level < 2 and in_window and in_window[-1].start_offset > mention.end:
            compared = _COMPARED_AFTER.search(segs.text, mention.end, in_window[-1].start_offset)
            if compared is not None:
                in_window = [d for d in in_window if d.start_offset < compared.start()]
        if kind == "stock" and any(d.role != "since" for d in in_window):
            # "107 000 refugees were present as of 30 April, of 800,000 who have crossed since
            # 24 February": a stock holds on a day, not since one
            in_window = [d for d in in_window if d.role != "since"]
        elif level == 0 and any(d.role in {"since", "window"} for d in in_window):
            in_window = [d for d in in_window if d.role in {"since", "window"}]
        as_of = [d for d in in_window if level < 2 and _AS_OF.match(segs.text, d.start_offset)]
        if as_of and not any(d.role in {"since", "window"} for d in in_window):
            # "As of 15 May, cases stood at 12,400, with the first reported on 2 January": the
            # day the count stands at, not another day the sentence names
            in_window = as_of
        elif any(d.start_offset not in dating.reported for d in in_window):
            # "said on Monday it had confirmed 7,000 deaths since Feb. 24": not the day reported
            in_window = [d for d in in_window if d.start_offset not in dating.reported]
        if level > 0 and _running_total(segs.text, clause[0], mention.start):
            # "Deaths: cumulative 406; in the last 24 hours, 48": the last hours the sentence
            # names are the other figure's, not the running total's
            in_window = [
                d
                for d in in_window
                if not _RECENT_WINDOW.match(segs.text, d.start_offset, d.end_offset)
            ]
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
        event = dating.event_for(mention.start, published)
        own_event = _EVENT_CUES.search(segs.text, *clause) is not None
        cumulative = _CUMULATIVE.search(segs.text, *clause) is not None
        # "As of 4 December, a cumulative total of 142 cases": the day the count stands at
        is_report = chosen is not None and (
            chosen.start_offset in dating.reported
            or chosen.role == "by"
            or _AS_OF.match(segs.text, chosen.start_offset) is not None
        )
        later = (
            event is not None
            and chosen is not None
            and (
                chosen_level > 0
                or (
                    metric in _TOLL_METRICS
                    and event.start_offset < mention.start
                    and _TOLL_COUNTED.search(segs.text, *clause)
                    and chosen.start is not None
                    and event.start is not None
                    # "the toll rose to 229 on Wednesday", days after the landslide; not "on
                    # 20 May the overall toll stood at 35,000", weeks after a strike
                    and (chosen.start - event.start).days <= 7
                )
            )
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
        declared = (
            _declared(dating, mention.start) if undated and (chosen is None or is_report) else None
        )
        if declared is not None and declared.start is not None:
            # "On 20 September 2022, the ministry declared an outbreak ... As of 4 December, a
            # cumulative total of 142 confirmed cases have been reported": from the declaration
            words = segs.text[declared.start_offset : declared.end_offset]
            notes.append(f"start taken from the day the text says it began ('{words}')")
            return declared.start, chosen.end if chosen is not None else published
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
    if kind == "stock" and (chosen is None or chosen_level > 0):
        # in the figure's clause, or opening its sentence ("Before the invasion, the town was
        # home to 37,000 people"), not after a semicolon ("...; fewer than 300 remain")
        opening = max(sentence[0], segs.text.rfind(";", sentence[0], mention.start) + 1)
        before_event = _BEFORE_EVENT.search(segs.text, opening, clause[1])
        if before_event is not None and _PRESENT.search(segs.text, opening, clause[1]):
            before_event = None  # "now hosts 460,000 refugees ... overstretched before the war"
        began = (
            _began(segs, dating, before_event.group("what"), sentence)
            if before_event is not None
            else None
        )
        if began is None and before_event is not None:
            began = dating.since or next(
                (d for d in dating.dates if d.role == "since" and d.start is not None), None
            )
        if began is not None and began.start is not None and before_event is not None:
            # "Before the invasion, the town was home to about 37,000 people": the day before
            # the day the text gives the invasion, or the day its counts run since
            day = began.start - timedelta(days=1)
            words = segs.text[began.start_offset : began.end_offset]
            notes.append(
                f"a stock said to hold before the {before_event.group('what').lower()} is dated"
                f" on the day before it began ('{words}')"
            )
            return day, day
    if kind == "stock":
        if (
            chosen is not None
            and chosen.role in {"point", "window"}
            and chosen.start is not None
            and _held_before(segs, mention, chosen, sentence, clause)
        ):
            # "home to roughly 20,000 people before 21 January", "before the offensive of 19
            # September", "before November 2020": the day before the day or month begins
            day = chosen.start - timedelta(days=1)
            notes.append("a stock said to hold before a day is dated on the day before it")
            return day, day
        if (
            chosen is not None
            and chosen.role in {"point", "window", "by"}
            and chosen.start is not None
        ):
            return chosen.start, chosen.end or chosen.start
        if chosen is not None and chosen.role == "by" and chosen.end is not None:
            # "by 10 February, some 350 families were stranded in makeshift camps": the day
            # the stock is said to hold by
            return chosen.end, chosen.end
        heading = dating.heading_as_of(mention.start, published)
        if (
            heading is not None
            and heading.start is not None
            and (_in_list(segs, mention) or _on_bullet(segs, mention))
        ):
            # a key-figures line under "KEY FIGURES (as of 31 May 2024)"; "about 44,000 live in
            # Azraq camp" under "REGISTRATION FIGURES (UNHCR, as of 31 July)"
            words = segs.text[heading.start_offset : heading.end_offset]
            notes.append(f"stock dated by the heading's '{words}'")
            return heading.end, heading.end
        title_day = dating.title_as_of(segs.text)
        if (
            title_day is not None
            and title_day.end is not None
            and (heading is None or heading is title_day)
            and (published is None or title_day.end <= published)
        ):
            # "Flash Update No. 4 (as of 17 March 2022)" over "Some 23,000 people are staying
            # in 45 accommodation centres": the day the report's figures stand at
            words = segs.text[title_day.start_offset : title_day.end_offset]
            notes.append(f"stock dated by the day of the report's title ('{words}')")
            return title_day.end, title_day.end
        if published is None:
            notes.append("no publication date: reference date unknown")
            return None, None
        notes.append("stock dated at publication")
        return published, published
    if chosen is None:
        heading = dating.heading_as_of(mention.start, published)
        if heading is not None and heading.end is not None and _in_list(segs, mention):
            # "KEY FIGURES (1 June – 11 July 2025)" over "Returns from Iran: 720,000+": the
            # heading's window; under "(as of 31 May)", up to that day
            words = segs.text[heading.start_offset : heading.end_offset]
            notes.append(f"dated by the heading's '{words}'")
            return (heading.start if heading.role == "window" else None), heading.end
        window = dating.report_window(segs.text, sentence)
        if window is not None and (published is None or window[1] <= published):
            # "Situation Report No. 28 (3 – 9 April 2017)" over "1,200 people fled Mosul":
            # a report's figure with no date of its own counts within the report's window
            notes.append(f"dated by the window of the report's title ('{window[2]}')")
            return window[0], window[1]
        if published is None:
            notes.append("no date in the text and no publication date")
            return None, None
        notes.append("start unknown; period ends at publication")
        return None, published
    if chosen.role == "by":
        window = dating.report_window(segs.text, sentence) if kind == "flow" else None
        if window is not None and chosen.end is not None and window[0] <= chosen.end <= window[1]:
            # "2,000 households had arrived by 22 June" in a report on "18-24 June 2022":
            # since the report's window opened
            notes.append(f"starts when the window of the report's title opens ('{window[2]}')")
            return window[0], chosen.end
        return None, chosen.end
    if chosen.role == "since":
        end = published if published is not None else None
        counted = _report_day(segs.text, dating, sentence, chosen)
        if counted is not None:
            # "On 9 October, the minister told reporters that more than 600 people had died
            # since June": the count stands on the day it was given
            words = segs.text[counted.start_offset : counted.end_offset]
            notes.append(f"ends on the day the count was given ('{words}')")
            end = counted.end
        if end is None:
            notes.append("'since': end unknown without a publication date")
        return chosen.start, end
    return chosen.start, chosen.end

"""Figures named by a label rather than a sentence: key-figures lines ("Displaced: over 1
million"), tables written as text ("Ménaka — 24,618") and the headings above them."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from humtrack.extract._cues import _HOMES_LOST, _data_lines, _not_adjectival, _phrases, _verbs
from humtrack.extract._tables import TableCell, forget_tables, table_cell
from humtrack.extract.lexicon import Lexicon
from humtrack.extract.mentions import DOT_LEADER, Mention, slashed_row


def _label_before(text: str, position: int) -> tuple[int, int] | None:
    """The span of a label ending in a colon (or a spaced dash, as in a table written as text)
    right before ``position`` ("Displaced: ...", "Ménaka — 24,618"), worked out once per
    position of a text (the rules about a figure ask it again)."""
    found = _labels_before(text)
    if position not in found:
        found[position] = _label_before_of(text, position)
    return found[position]


@lru_cache(maxsize=4)
def _labels_before(text: str) -> dict[int, tuple[int, int] | None]:
    return {}


def _label_before_of(text: str, position: int) -> tuple[int, int] | None:
    line_start = max(text.rfind("\n", 0, position) + 1, position - 140)
    head = text[line_start:position].rstrip()
    separator = _LABEL_END.search(head) if head[-1:] in _LABEL_END_LAST else None
    if separator is None:
        piped = _piped_label(text, position)
        if piped is not None:
            return piped
        aligned = _ALIGNED_LABEL.match(text, line_start) if _after_gap(text, position) else None
        if aligned is None or position not in {aligned.end(), aligned.end("gap")}:
            slashed = (
                _SLASH_ROW.match(text, line_start)
                if _SLASHED_CELLS_AT.match(text, position)
                else None
            )
            if slashed is not None and slashed.end() == position:
                # "Kherson region 52 / 168", "July 219 / 1,018": a row of cells split by
                # slashes, its label before the first
                return slashed.span("label")
            return None
        # "   Sirajganj        20.4 lakh": a table whose columns are aligned with spaces
        return aligned.span("label")
    if separator.group().strip() in {".", ".."} and not _FIGURE_ENDS_LINE.match(text, position):
        # one or two dots lead to a figure that ends its line, not "days .. 300 were"
        return None
    if separator.group().strip() == "." and not _LEADERS_AROUND.search(
        text, max(0, line_start - 200), min(len(text), position + 200)
    ):
        # one dot leads only among rows with longer leaders: "United Republic of Tanzania .
        # 243,600" under "Kenya ....... 489,747", not "Casualties in Gaza . 5"
        return None
    body = head[: separator.start()]
    # "Kostanay region: 32 410 / 1 952": the second cell's label runs over the first cell
    marks = ".;" if separator.group() == " /" else ".;:"
    cut = max(body.rfind(mark) for mark in marks)
    start, end = line_start + cut + 1, line_start + len(body)
    return (start, end) if 2 <= len(text[start:end].strip()) <= 120 else None


def _after_gap(text: str, position: int) -> bool:
    """Whether ``position`` may follow the gap of a row of a table aligned with spaces, or a
    qualifier after it ("   Sirajganj        20.4 lakh", "Kalma      about 90,000"): where the
    figure of an ``_ALIGNED_LABEL`` match can start."""
    if text.endswith(("  ", "\t"), 0, position):
        return True
    end = position
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    return end < position and text.endswith(_ALIGNED_QUALIFIERS, 0, end)


def _piped_label(text: str, position: int) -> tuple[int, int] | None:
    """The label of a figure in a line of labelled figures split by pipes, as a map or chart
    gives them: "Khartoum 118,000 | Blue Nile 95,000 | Sennar 88,000"."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > 600 or not _PIPED_LINE.fullmatch(text, line_start, line_end):
        return None
    cell_start = text.rfind("|", line_start, position) + 1 or line_start
    cell_end = text.find("|", position, line_end)
    cell = _PIPED_CELL.fullmatch(text, cell_start, line_end if cell_end < 0 else cell_end)
    if cell is None or cell.start("figure") != position:
        return None
    return cell.span("label")


# a cell of a line of figures split by pipes: a label of words, then its figure
_PIPED_CELL_BODY: Final = (
    r"[ \t]*({label}[^\W\d_][^\d\n|:]{{0,50}}?)[ \t]+({figure}\d[\d,.\u00a0]*)"
    r"(?:[ \t]+(?:lakh|million|thousand))?[ \t]*"
)
_PIPED_CELL: Final = re.compile(_PIPED_CELL_BODY.format(label="?P<label>", figure="?P<figure>"))
# two cells or more, and nothing else on the line: not a pipe table, which opens on a pipe
_PIPED_LINE: Final = re.compile(
    rf"(?!\s*\|){_PIPED_CELL_BODY.format(label='?:', figure='?:')}"
    rf"(?:\|{_PIPED_CELL_BODY.format(label='?:', figure='?:')})+"
)
# a row of words, then figures split by slashes that end the line: "Kherson region 52 / 168"
_SLASHED_CELLS: Final = (
    r"[~≈]?\d[\d,.\u00a0]*\+?(?:[ \t]*/[ \t]*[~≈]?\d[\d,.\u00a0]*\+?)+[ \t]*(?:\n|$)"
)
_SLASH_ROW: Final = re.compile(
    r"[ \t]*(?:[-–—•*·][ \t]+)?(?P<label>[^\W\d_][^\d\n:;|()/—–]{0,60}?)[ \t]+"
    rf"(?={_SLASHED_CELLS})"
)
# the cells of such a row, from its first figure on
_SLASHED_CELLS_AT: Final = re.compile(_SLASHED_CELLS)
_LEADERS_AROUND: Final = re.compile(r"[ \t]\.{3,}[ \t]*[~≈]?\d")
_FIGURE_ENDS_LINE: Final = re.compile(
    r"[ \t]*[~≈]?\d[\d,.  \u00a0]*\+?(?:[ \t]*\([^()\n]*\))?[ \t]*(?:\n|$)"
)
# a row of a table aligned with spaces: a label of words (no figure, no run of spaces) at
# the start of the line, then a run of spaces or a tab before the figure, which ends the line;
# not the page furniture "Page  2", "Table  3", "Annex  1", nor "Week  21      300"
_ALIGNED_WORDS: Final = (
    r"(?!(?i:page|table|annex|figure|fig|week|round|section|chapter|source|note)\b)"
    r"[^\W\d_](?:[^\s\d:;|]|[ ](?=[^\s\d])){0,60}"
)
_ALIGNED_QUALIFIERS: Final = ("about", "some", "over", "nearly", "almost", "approximately")
_ALIGNED_LABEL: Final = re.compile(
    rf"[ \t]*(?P<label>{_ALIGNED_WORDS})(?P<gap> {{2,}}|\t+)"
    rf"(?:(?:{'|'.join(_ALIGNED_QUALIFIERS)})[ \t]+)?"
    # the figure ends the line, with at most its unit: "20.4 lakh", "14.2 lakh hectares"
    r"(?=\d[\d.,\u00a0\u202f]*(?: \d{3}(?!\d))*\+?(?:[ \t]+[A-Za-z%]+){0,3}[ \t]*(?:\n|$))"
)

# a label that names a population: "Population of Iraq (estimate)", "Total population"
_POPULATION_LABEL: Final = re.compile(
    r"[ \t]*(?:[-–—•*·][ \t]+)?(?:(?:total|estimated|pre-crisis|host)\s+)?(population)"
    r"(?:\s+of\s+[A-Z][^\n:]*|\s*\([^()\n]*\))?[ \t]*$",
    re.IGNORECASE,
)
# the header row of a table aligned with spaces: "County           People in Phase 5"
_ALIGNED_HEADER: Final = re.compile(
    rf"[ \t]*{_ALIGNED_WORDS}(?: {{2,}}|\t+)(?P<cells>[^\W\d_][^\n]*?)[ \t]*"
)
#: how many rows of a list a row looks up for what the list counts (a bound on the work)
_ROWS_UP: Final = 40
Cue = tuple[int, int, str]
# a word, hyphenated ones whole ("asylum-seekers")
_WORD: Final = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
# "MAIN HOST COUNTRIES", "REGISTERED IDPs BY REGION": capitals, bar the plural of an acronym
_HEADING: Final = re.compile(r"^(?:[^a-z\n]|(?<=[A-Z][A-Z])s(?![A-Za-z])){3,80}$")
_OF_ORIGIN: Final = re.compile(r"\b(?:AREAS?|LOCATIONS?|PLACES?|DISTRICTS?)\s+OF\s+ORIGIN\b", re.I)
_PARENTHESES: Final = re.compile(r"\([^()\n]*\)")
# a row labelled by a year: "  2008:  38 / 31 / 29"
_YEAR_ROW: Final = re.compile(r"[ \t]*(?:19|20)\d\d\b")
# a line that names a group of rows: "Afghanistan", "Sri Lanka", "Bosnia and Herzegovina"
_GROUP_NAME: Final = re.compile(
    r"[ \t]*[A-Z][\w'’.\-]*(?:[ \t]+(?:[A-Z][\w'’.\-]*|and|of|de|the)){0,3}[ \t]*"
)
_LABEL_LINE: Final = re.compile(
    rf"^(?:[^\n:]{{2,120}}(?::|\s[—–]|{DOT_LEADER})\s*[~≈]?\s*(?:about|some|over|nearly|almost)?\s*\d"
    rf"|[ \t]*{_ALIGNED_WORDS}(?: {{2,}}|\t+)(?:about[ \t]+)?\d)"
)
# a row of a list told in a sentence after its label: "Oromia: the largest caseload. About
# 3.7 million people, most of them in ..."; not a caption ("Table 1: IDPs by state (Round 3)")
_PROSE_ROW: Final = re.compile(
    r"[ \t]*(?:[-–—•*·][ \t]+)?(?!(?i:table|figure|chart|map|annex|box)[ \t]+[\dA-Z]{1,4}\b)"
    r"[A-Z][^\n:.;]{1,40}:[ \t]+[^\n]*\d"
)
# a colon, a spaced em or en dash (an ASCII hyphen between words is too common to mark one),
# or dot leaders ("Killed .......... 18")
_LABEL_SEPARATOR: Final = re.compile(rf":|\s[—–]|{DOT_LEADER}")
_BULLET: Final = re.compile(r"[ \t]*[-–—•*·▪◦‣][ \t]+")
# a heading over a table of places: "DISPLACEMENT BY PROVINCE", "PEOPLE CONFINED, BY MUNICIPALITY"
_AREAS: Final = [w.lower() for w in _data_lines("extract_area_nouns.txt")]
#: a column of how many administrative divisions a row covers ("| State | LGAs | Wards |"):
#: the reach of an assessment, unlike villages, camps or sites, which may be the ones hit
_DIVISIONS: Final = frozenset(_AREAS) - {
    "villages", "towns", "cities", "camps", "sites", "islands", "areas", "zones", "countries"
}  # fmt: skip
# "DISPLACEMENT BY PROVINCE", "Number of Affected Families / Persons per Region"
_BY_AREA: Final = re.compile(
    r"\bBY\s+[A-Z]|\bper\s+(?:"
    + "|".join(w[:-3] + "y" if w.endswith("ies") else w[:-1] for w in _AREAS)
    + r")\b",
    re.IGNORECASE,
)
_TABLE_HEADER_SPLIT: Final = re.compile(r"\s[—–]\s|:\s*")
# a cell before the figure in a row split by slashes: a figure, or a dash for none
_SLASH_CELL: Final = re.compile(r"(?:(?<=\d)|(?<=\s[-–—])) / ")
# "Deaths: cumulative 406": a word of the column may stand between the label and its figure;
# "people affected: revised from 92,000 (NDMO, 9 April) to 159,000": a revision of the row,
# both figures counting what the label counts
_REVISED_FROM: Final = r"[ \t]+(?:revised(?:[ \t]+(?:up|down)(?:wards?)?)?[ \t]+)?from"
_LABEL_END: Final = re.compile(
    rf"(?::|\s[—–]|(?<=\d) /|(?<=\s[-–—]) /|{DOT_LEADER})"
    rf"(?:[ \t]+(?:cumulative|total|overall|new)|{_REVISED_FROM}"
    rf"|{_REVISED_FROM}[ \t]+\d[\d,. ]*(?:[ \t]*\([^()\n]{{0,40}}\))?[ \t]+to)?$",
    re.IGNORECASE,
)
# the characters a match of _LABEL_END can end on, in either case: a separator's last, or the
# last of a word after it ("cumulative", "total", "overall", "new", "from", "to")
_LABEL_END_LAST: Final = frozenset(":—–/.…elwmoELWMO")
# the header row of a table written as text: "Cercle — Internally displaced persons"
# "Cercle — Internally displaced persons", "Municipality: people confined"
_TABLE_HEADER: Final = re.compile(r"^[^\n\d:]{2,60}(?:\s[—–]\s|:\s*)[^\n\d:.]{2,80}$")


def _label_cue(
    text: str, lex: Lexicon, label: tuple[int, int], depth: int = 0, cell: int | None = None
) -> tuple[int, int, str] | None:
    """What a label counts (see ``_label_cue_of``), worked out once per label of a text: the
    rows of a long list each look up through the rows above them, which have been read."""
    cache = _label_cues(text)
    key = (id(lex), label, cell)
    if key not in cache:
        cue = _label_cue_of(text, lex, label, depth, cell)
        if (
            depth == 0
            and cue is not None
            and _cue_unit(lex, cue[2]) == "person"
            and lex.damage.search(text, *label) is not None
        ):
            # "UNRWA installations damaged ......... 12" under "Displaced: ~4,000": things
            # hit, whatever the rows above count of people
            cue = None
        elif (
            depth == 0
            and cue is not None
            and cue[0] < label[0]
            and _cue_unit(lex, cue[2]) == "item"
            and lex.damage.search(text, *label) is not None
        ):
            # "Educational institutions damaged  about 7,500" under "Livestock died": the
            # row's own damage, not the animals of the row above
            cue = None
        cache[key] = cue
    return cache[key]


def _animals_of(text: str, lex: Lexicon, label_start: int, verb: Cue) -> Cue | None:
    """The animals a verb of death or harm is said of, as its subject right before it:
    "Livestock perished: 1,874", "goats and sheep died" count animals, not casualties; not
    "Cattle raiders killed 25", whose subject is people."""
    if lex.verb_metric.get(verb[2], ("", ""))[0] not in {"killed", "injured", "missing"}:
        return None
    subject = _ANIMALS_BEFORE.search(text, label_start, verb[0])
    if subject is None:
        return None
    noun = lex.nouns.get(subject.group("noun").lower())
    if noun is None or noun.metric != "other" or noun.unit != "item":
        return None
    return (subject.start("noun"), subject.end("noun"), subject.group("noun").lower())


# the last word or two before a verb, as its subject: "Livestock ", "goats and sheep ", "head of
# cattle have "
_ANIMALS_BEFORE: Final = re.compile(
    r"(?P<noun>[A-Za-z]+(?:\s+(?:and|or)\s+[A-Za-z]+)?)"
    r"\s+(?:(?:have|has|had|were|was|also|reportedly)\s+){0,2}$"
)


def _cue_unit(lex: Lexicon, word: str) -> str:
    """The unit of what a cue counts: people for a verb of harm or flight, else its noun's."""
    noun = lex.nouns.get(word)
    if noun is not None:
        return noun.unit
    metric = lex.verb_metric.get(word, ("", ""))[0]
    return "person" if metric not in {"", "other", "facilities_damaged"} else ""


def forget_labels() -> None:
    """Drop what was kept while a text's lists were read (the text itself among it)."""
    _label_cues.cache_clear()
    _labels_before.cache_clear()
    _line_above_rows.cache_clear()
    forget_tables()


@lru_cache(maxsize=4)
def _label_cues(text: str) -> dict[tuple[int, tuple[int, int], int | None], Cue | None]:
    return {}


def _label_cue_of(
    text: str, lex: Lexicon, label: tuple[int, int], depth: int = 0, cell: int | None = None
) -> tuple[int, int, str] | None:
    """What a label counts: its own verb or noun, or, for a line of a key-figures list
    whose label names no metric ("Colombia: 2.86 million", "Of whom deported: 302,000",
    "Households: about 61,500"), what the line above it counts."""
    label_start, label_end = label
    if cell is None:
        # the column of the figure after the label: "Hela – 290,000 – " ends the third's label
        # ("Nova Friburgo: 428 / 96 / " ends the third's: the cells before it split by slashes)
        cell = len(_TABLE_HEADER_SPLIT.findall(text, label_start, label_end)) + len(
            _SLASH_CELL.findall(text, label_start, label_end)
        )
        row = _SLASH_ROW.match(text, text.rfind("\n", 0, label_start) + 1)
        if row is not None and label_end > row.end("label"):
            cell += 1  # "Kherson region 52 / " ends the second's label: the first is in it
    inline = _inline_column_cue(text, lex, label_start, label_end)
    if inline is not None:
        return inline
    cues = _not_adjectival(text, _verbs(text, lex, label_start, label_end))
    if cues:
        return _animals_of(text, lex, label_start, cues[-1]) or cues[-1]
    held = _PEOPLE_IN_SETTING.search(text, label_start, label_end)
    if held is not None:
        # "People in accommodation centres: 250,000", "Peak number in UNRWA shelters: 50,896":
        # the people the sites hold, displaced
        return (held.start(), held.end(), "idps")
    lost = _PEOPLE_WHOSE_HOMES_LOST.search(text, label_start, label_end)
    if lost is not None:
        # "FAMILIES WHOSE HOMES WERE DESTROYED OR LEFT UNINHABITABLE, BY CAMP": the families,
        # left without a home
        return (lost.start(), lost.end(), "displaced")
    if depth == 0 and (opening := _POPULATION_LABEL.match(text, label_start, label_end)):
        # "Population of Iraq (estimate): 38.1 million", "Total population: 1.2 million": the
        # people who live there, counted as inhabitants are
        return (opening.start(1), opening.end(1), "inhabitants")
    found = list(_WORD.finditer(text, label_start, label_end))
    for word in reversed([w for w in found if w.group().lower() in lex.nouns]):
        noun = word.group().lower()
        if (
            noun in _GENERIC_SITES
            # not "health centres", a kind of facility of its own
            and _compound(text, label_start, word.start(), noun) not in lex.nouns
            and _row_above(text, label_start)
        ):
            # "Okugo camp: 6,900" over "Entry points and transit centres: 23,700": where the
            # people the list counts are, not a count of sites; the rows above say what
            continue
        if lex.nouns[noun].metric:
            if (
                lex.nouns[noun].metric in _PLACE_METRICS
                # not "Incidents blamed on Coalition air strikes: 79", events, not a place
                and lex.nouns[noun].unit != "event"
                and _names_a_place(text[label_start : word.start()], noun)
            ):
                # "Amiriyat al-Fallujah camps: 34,800", "Batken regional hospital – 31": the
                # label names where; what the list counts, its lines above say
                from_above = _label_cue(text, lex, (label_start, label_start), depth, cell)
                if from_above is not None:
                    return from_above
            return (label_start, label_end, noun)
    if depth >= _ROWS_UP or _REPORT_LABEL_WORD.search(text, label_start, label_end):
        # "Sources: 7" under "Civilians killed: 8–12", "Partners: 45" under "Displaced:
        # 12,000": a row that counts something of its own, not what the rows above count
        return None
    # the line above, past blank lines and one heading ("MAIN HOST COUNTRIES (as of 31 May)")
    previous_end = text.rfind("\n", 0, label_start)
    headings = 0
    note: tuple[int, int] | None = None
    right_above = previous_end
    while previous_end > 0:
        previous_start = text.rfind("\n", 0, previous_end) + 1
        line = text[previous_start:previous_end]
        if (
            _LABEL_LINE.match(line)
            or (
                # right above, not past a blank line: "Shelter: ..." and "Logistics: ..." are
                # the paragraphs of a report by sector, not the rows of a list
                _PROSE_ROW.match(line) and previous_end == right_above
            )
            or _SLASH_ROW.match(line)
        ):
            break
        paren = _PAREN_HEADER.match(line) or _COLUMNS_NAMED.search(line)
        if paren is not None:
            # "(new confirmed cases on 30 July – cumulative confirmed cases – cumulative
            # confirmed deaths)" over "Beni – 5 – 598 – 367": one name per column of figures
            spans = _cell_spans(
                text, previous_start + paren.start("cells"), previous_start + paren.end("cells")
            )
            row_start = text.rfind("\n", 0, label_start) + 1
            row_end = text.find("\n", label_start)
            figures = len(
                _ROW_FIGURE.findall(text, row_start, len(text) if row_end < 0 else row_end)
            ) + (1 if _SLASH_ROW.match(text, row_start) else 0)  # "Kherson region 52 / 168"
            index = cell + (1 if len(spans) == figures + 1 else 0)
            if index >= len(spans):
                return None
            # a column that names no count ("totally / partially") counts what the line
            # before the brackets does: "Damaged houses by province (totally / partially):"
            named = (
                _column_cue(text, lex, *spans[index])
                or _last_counted_noun(
                    text, lex, previous_start, previous_start + paren.start("cells")
                )
                # "Internally displaced persons ... Each line gives: in sites / in host
                # families / total": the total counts what the line names
                or _counting_cue(text, lex, previous_start, previous_start + paren.start("cells"))
            )
            if named is None and (
                _title_cue(text, lex, previous_start, previous_start + paren.start("cells") - 1)
                is not None
            ):
                # "3. Largest sites (households / individuals)": columns of people the sites hold
                return (previous_start, previous_end, "idps")
            return named
        if (aligned_header := _ALIGNED_HEADER.fullmatch(line)) is not None and _ALIGNED_LABEL.match(
            text, previous_end + 1
        ) is not None:
            # "County           People in Phase 5" over "Pibor            31,000": the header
            # of a table aligned with spaces names what its column counts
            named_cells = (previous_start + aligned_header.start("cells"), previous_end)
            own = _column_cue(text, lex, *named_cells)
            if own is not None:
                return own
            if not _UNITS_ONLY.fullmatch(text, *named_cells):
                return None
            previous_end = previous_start - 1
            continue
        if _TABLE_HEADER.match(line.strip()):
            column = line.strip()
            cut = previous_start + line.index(column) + _TABLE_HEADER_SPLIT.search(column).end()  # type: ignore[union-attr]
            cells = list(_TABLE_HEADER_SPLIT.finditer(line))
            # "Province – people affected – people in need" over "Hela – 290,000 – 145,000":
            # the second figure of a row is in the third column
            index = cell
            if len(cells) > 1 and index < len(cells):
                cut = previous_start + cells[index].end()
                cell_end = (
                    previous_start + cells[index + 1].start()
                    if index + 1 < len(cells)
                    else previous_end
                )
                own = _column_cue(text, lex, cut, cell_end)
                if own is not None:
                    return own
            header = _verbs(text, lex, cut, previous_end)
            if header:
                return header[-1]
            words = [w.lower() for w in _WORD.findall(text, cut, previous_end)]
            for noun in reversed([w for w in words if w in lex.nouns and lex.nouns[w].metric]):
                return (cut, previous_end, noun)
            if not _UNITS_ONLY.fullmatch(text, cut, previous_end):
                return None
            # "Location – households – individuals": columns of units, under the heading that
            # says who they count ("DISPLACED PEOPLE BY LOCATION")
            previous_end = previous_start - 1
            continue
        if line.rstrip().endswith(":") and not headings and not _HEADING.match(line):
            # "Individuals counted in the new sites as of 22 August:" over "- Lycée Pétion:
            # 782": the line that introduces the list says what its rows count
            intro = _intro_line_cue(text, lex, previous_start, previous_end)
            if intro is not None:
                return intro
            # "Joint assessment by the Red Crescent, UNHCR and WFP, 26–31 October:" names no
            # count: a note on the list's source, under the heading that says what it counts
            previous_end = previous_start - 1
            continue
        if _PARENTHESES.fullmatch(line.strip()):
            # "POPULATION BY LOCATION / (new caseload, as of 21 August)": a note under a heading
            note = (previous_start, previous_end)
            previous_end = previous_start - 1
            continue
        if (
            previous_end == right_above
            and _YEAR_ROW.match(text, text.rfind("\n", 0, label_start) + 1)
            and _GROUP_NAME.fullmatch(line)
            and not _verbs(text, lex, previous_start, previous_end)
            and _counting_cue(text, lex, previous_start, previous_end) is None
        ):
            # "Pakistan" over "  2008:  11 / 14 / 6": the name of a group of rows by year,
            # which count what the rows of the groups above count
            previous_end = previous_start - 1
            continue
        if line.strip() and (headings or not _HEADING.match(_PARENTHESES.sub("", line))):
            # "Table A3. Houses damaged" over "Totally damaged: 550,928": a table's title
            if headings:
                return None
            title = _title_cue(text, lex, previous_start, previous_end)
            if (
                title is None
                and previous_end == right_above
                and not line.rstrip().endswith((".", "!", "?", ";"))
                and _PLACE_LIKE_LABEL.fullmatch(text, label_start, label_end)
                # not a table's title, which said what it could ("Table 2. Deaths and injuries
                # by district" names two counts)
                and not _TITLE.match(line.strip())
                and not _BY_TITLE.match(_PARENTHESES.sub("", line).strip())
            ):
                # "Schools burned or bombed, 2009–2012 (figures from the provincial education
                # offices)" right over "Narathiwat – 27": a line that introduces a list by place
                # without a colon; not "Our response for refugees" over "Hot meals: 1,200,000"
                return _intro_line_cue(text, lex, previous_start, previous_end, heading_above=False)
            return title
        if (
            line.strip()
            and not headings
            and (bracket := _PARENTHESES.search(line)) is not None
            and (said := _counting_cue(
                text, lex, previous_start + bracket.start(), previous_start + bracket.end()
            )) is not None
            and said[2] in lex.nouns
        ):  # fmt: skip
            # "CAMP POPULATION (registered refugees, 30 June 2009)" over "- Goldhap: 8,240":
            # the note in brackets says who the rows count
            return said
        if line.strip():
            # "DISPLACEMENT BY PROVINCE (since September 2023)" over "Rumonge — 14,307 individuals"
            heading = _not_adjectival(text, _verbs(text, lex, previous_start, previous_end))
            if heading and lex.verb_metric[heading[-1][2]][0] != "other" and _BY_AREA.search(line):
                return heading[-1]
            if (
                not headings
                and _HEADING.match(line)
                and not _BY_AREA.search(line)
                and _PLACE_LIKE_LABEL.fullmatch(text, label_start, label_end)
                and not _REPORT_LABEL_WORD.search(text, label_start, label_end)
                and (own := _counting_cue(text, lex, previous_start, previous_end)) is not None
                and _WHO_COUNTED.fullmatch(
                    text[previous_start : own[0]] + " " + text[own[1] : previous_end]
                )
            ):
                # "PEOPLE KILLED" or "INTERNALLY DISPLACED PEOPLE" right over "Aleppo: 7,000":
                # a heading in capitals that names only what the rows below it count, over rows
                # that name places; not "RESPONSE TO DISPLACED FAMILIES" over "Latrines built:
                # 450", nor "PEOPLE IN NEED" over "People targeted: 2.4 million"
                return own
            if not heading and _BY_AREA.search(line):
                # "NEW ARRIVALS IN JUNE 2024, BY ENTRY POINT": the counted noun of the heading
                label = (previous_start, previous_start + _BY_AREA.search(line).start())  # type: ignore[union-attr]
                named = _label_cue(text, lex, label, _ROWS_UP)
                if named is not None:
                    return named
                if note is not None and (in_note := _counting_cue(text, lex, *note)) is not None:
                    # "VENEZUELANS BY HOST COUNTRY / (refugees and migrants reported by host
                    # governments)": the note under the heading names who they are
                    return in_note
        headings += bool(line.strip())
        previous_end = previous_start - 1
    else:
        return None
    # past a bullet: "  – St Mary's Catholic Church: 1,412 households"
    bullet = _BULLET.match(line)
    separator = _LABEL_SEPARATOR.search(line, bullet.end() if bullet else 0)
    if separator is not None:
        above = _label_before(text, previous_start + separator.end())
    elif (aligned := _ALIGNED_LABEL.match(text, previous_start)) is not None:
        above = aligned.span("label")  # "   Kurigram        18.6 lakh" over "   Gaibandha ..."
    elif (slashed := _SLASH_ROW.match(text, previous_start)) is not None:
        above = slashed.span("label")  # "Kherson region 52 / 168" over "Kharkiv region ..."
    else:
        return None
    return _label_cue(text, lex, above, depth + 1, cell) if above is not None else None


def dash_header_cell(text: str, position: int) -> tuple[int, int] | None:
    """The header cell over the figure at ``position`` in a table written with spaced dashes
    ("Location – households – individuals" over "Al Qatrun – 1,180 – 5,900" gives 1,180 the
    cell "households"), looked for at most ``_ROWS_UP`` rows up."""
    row_start = text.rfind("\n", max(0, position - 300), position) + 1
    if row_start == 0 and position > 300:
        return None  # no line within reach: no table
    index = len(_TABLE_HEADER_SPLIT.findall(text, row_start, position))
    if index == 0:
        return None
    end = row_start - 1
    for _ in range(_ROWS_UP):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if not _LABEL_LINE.match(line):
            if not _TABLE_HEADER.match(line.strip()):
                return None
            cells = [start, *(m.end() for m in _TABLE_HEADER_SPLIT.finditer(text, start, end))]
            if index >= len(cells):
                return None
            cell_end = end
            if index + 1 < len(cells):
                cell_end = text.rfind("–", cells[index], cells[index + 1])
                cell_end = cell_end if cell_end >= 0 else cells[index + 1]
            return (cells[index], cell_end)
        end = start - 1
    return None


def _intro_line_cue(
    text: str, lex: Lexicon, start: int, end: int, heading_above: bool = True
) -> tuple[int, int, str] | None:
    """What a line ending in a colon says the list below it counts: its own verb or counted
    noun, else (with ``heading_above``) the heading right above it ("DISPLACEMENT SITES /
    Individuals counted in the new sites as of 22 August:"). People counted in sites, camps or
    shelters are IDPs."""
    cue = _unbracketed_cue(text, lex, start, end)
    if cue is None and lex.damage.search(text, start, end) is not None:
        # "The district-wise details of fully damaged houses are as under:": buildings hit;
        # not "People living in damaged houses", "Cost of repairing damaged houses (NPR
        # million)", "Schools damaged ..., with the number of pupils": the last thing the
        # line names is what its rows count
        named = [
            (word.start(), word.end(), word.group().lower())
            for word in _WORD.finditer(text, start, end)
            if word.group().lower() in lex.nouns or _NOT_BUILDINGS.fullmatch(word.group())
        ]
        if (
            named
            and named[-1][2] in lex.nouns
            and lex.nouns[named[-1][2]].metric == "facilities_damaged"
            # no word of money or people anywhere in the line
            and not any(w[2] not in lex.nouns or lex.nouns[w[2]].unit == "person" for w in named)
        ):
            cue = named[-1]
    if cue is None and (hosts := _HOSTS.search(text, start, end)) is not None:
        # "Host governments estimate the number of Iraqis on their territory as follows:":
        # people a country hosts, refugees
        return (hosts.start(), hosts.end(), "refugees")
    above_end = start - 1
    while cue is None and heading_above and above_end > 0:
        above_start = text.rfind("\n", 0, above_end) + 1
        above = text[above_start:above_end]
        if above.strip():
            if _HEADING.match(_PARENTHESES.sub("", above)):
                cue = _counting_cue(text, lex, above_start, above_end)
                start = above_start
            break
        above_end = above_start - 1
    if cue is not None and cue[2] in lex.verb_metric:
        metric = lex.verb_metric[cue[2]][0]
        if metric == "displaced" and _SETTING.search(text, start, end):
            return (cue[0], cue[1], "idps")
    return cue


# words that make a list of damaged buildings count something else: money, people
_NOT_BUILDINGS: Final = re.compile(
    r"cost|costs|value|million|billion|people|persons|individuals|households|families|pupils"
    r"|students|children|residents|occupants",
    re.IGNORECASE,
)


def _unbracketed_cue(text: str, lex: Lexicon, start: int, end: int) -> Cue | None:
    """What ``text[start:end]`` counts, read outside its brackets when it says so there:
    "Cumulative number of probable cases (deaths in brackets), by country:" counts cases; the
    note in brackets names what the figures in brackets count."""
    brackets = list(_PARENTHESES.finditer(text, start, end))
    if not brackets:
        return _counting_cue(text, lex, start, end)
    last: Cue | None = None
    at = start
    for bracket in [*brackets, None]:
        upto = bracket.start() if bracket is not None else end
        if upto > at and (cue := _counting_cue(text, lex, at, upto)) is not None:
            last = cue
        if bracket is not None:
            at = bracket.end()
    return last if last is not None else _counting_cue(text, lex, start, end)


def _counting_cue(text: str, lex: Lexicon, start: int, end: int) -> tuple[int, int, str] | None:
    """The last verb, or noun of people, in ``text[start:end]`` that says what the people
    counted are (not merely people): "which hosted about 78,000 refugees" ends on refugees."""
    verb = next(
        (
            cue
            for cue in reversed(_not_adjectival(text, _verbs(text, lex, start, end)))
            if lex.verb_metric[cue[2]][0] not in {"other", "population"}
        ),
        None,
    )
    words = list(_WORD.finditer(text, start, end))
    for word in reversed(words):
        if verb is not None and word.start() < verb[0]:
            break
        noun = lex.nouns.get(word.group().lower())
        # a noun of people: "camp" in "Relocations by camp" says where, not what is counted
        if noun is not None and noun.metric not in _NOT_WHAT_PEOPLE_ARE:
            return (word.start(), word.end(), word.group().lower())
    if verb is not None:
        return verb
    for word in reversed(words):
        noun = lex.nouns.get(word.group().lower())
        # "Suspected and confirmed cases by governorate:": people counted as something else
        if noun is not None and noun.metric == "other" and noun.unit == "person":
            return (word.start(), word.end(), word.group().lower())
    return None


# a row's label that may name a place: capitalised words and the small words of names ("Aleppo",
# "Jaraguá do Sul", "Deir ez-Zor"), or a total or the rest ("Total", "Other counties")
_PLACE_LIKE_LABEL: Final = re.compile(
    r"[ \t]*(?:[-–—•*·][ \t]+)?(?:(?:[A-Z][\w'’.-]*|de|do|da|dos|des|du|del|la|le|el|al|ez|as|of"
    r"|and|the|&|\([^()\n]*\)|other\s+[a-z]+)[ \t]*)+"
)
_REPORT_LABEL_WORD: Final = re.compile(
    rf"\b{_phrases('extract_report_labels.txt')}\b", re.IGNORECASE
)
# the words a heading may add to what it counts and still name nothing else: "NUMBER OF
# PEOPLE KILLED", "NEWLY DISPLACED HOUSEHOLDS (CUMULATIVE)"
_WHO_COUNTED: Final = re.compile(
    r"(?:\s|\([^()\n]*\)|[-–—:,]|(?i:number|of|the|total|new|newly|internally|cumulative"
    r"|reported|confirmed|estimated|people|persons|individuals|households|families|and|or)\b)*"
)
# the header cells of a table that name only units: "households – individuals"
_UNITS_ONLY: Final = re.compile(
    r"(?:[\s/,–—:-]|\([^()\n]*\)|(?i:households?|individuals|people|persons|families|HH|ind|and"
    r"|number|no)\b\.?)*"
)
_NOT_WHAT_PEOPLE_ARE: Final = frozenset({"", "other", "population", "facilities_damaged"})


def _last_counted_noun(text: str, lex: Lexicon, start: int, end: int) -> Cue | None:
    """The last noun in ``text[start:end]`` that the vocabulary gives a metric, of two words
    ("housing units") or one."""
    words = list(_WORD.finditer(text, start, end))
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if i > 0:
            pair = f"{words[i - 1].group().lower()} {word.group().lower()}"
            noun = lex.nouns.get(pair)
            if noun is not None and noun.metric:
                return (words[i - 1].start(), word.end(), pair)
        noun = lex.nouns.get(word.group().lower())
        if noun is not None and noun.metric:
            return (word.start(), word.end(), word.group().lower())
    return None


def _column_cue(text: str, lex: Lexicon, start: int, end: int) -> tuple[int, int, str] | None:
    """What the header of one column of a table counts ("people in need", "cumulative
    confirmed deaths", "houses damaged"): its people, else its last verb."""
    if (inmates := _INMATES_IN_SETTING.search(text, start, end)) is not None:
        return (inmates.start(), inmates.end(), "idps")  # "Inmates in relief camps"
    cue = _counting_cue(text, lex, start, end) or next(
        iter(_verbs(text, lex, start, end)[-1:]), None
    )
    if cue is None and (setting := _IN_SETTING_COLUMN.search(text, start, end)) is not None:
        return (setting.start(), setting.end(), "idps")
    return cue


_PEOPLE_WHOSE_HOMES_LOST: Final = re.compile(
    rf"\b(?:families|households|people|persons|individuals|residents){_HOMES_LOST.pattern}",
    re.IGNORECASE,
)
_PLACE_METRICS: Final = frozenset({"facilities_damaged", "other"})


_GENERIC_SITES: Final = frozenset({"centres", "centers", "sites", "points"})


def _compound(text: str, start: int, noun_start: int, noun: str) -> str:
    """The noun with the word before it ("health centres"), lower-cased."""
    before = text[start:noun_start].split()
    return f"{before[-1].lower()} {noun}" if before else noun


def _row_above(text: str, label_start: int) -> bool:
    """Whether the line right above the label's is a row of the same list ("Okugo camp:
    6,900" over "Entry points and transit centres: 23,700"): sites it names are where the
    people the list counts are, not a count of sites."""
    line_start = text.rfind("\n", 0, label_start) + 1
    if line_start == 0:
        return False
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    return _LABEL_LINE.match(text[above_start : line_start - 1]) is not None


def _names_a_place(before: str, noun: str) -> bool:
    """Whether the words before a label's noun make it the name of one place: "Khalidiya
    camp", "Batken regional hospital", "Amiriyat al-Fallujah camps"; not "Relief camps" or
    "Houses" (a kind of place, counted)."""
    words = before.replace("•", " ").replace("-", " ").split()
    if not any(w[:1].isupper() for w in words):
        return False
    if not noun.endswith("s"):
        return True  # a name, then one facility
    # a plural after a name of several words, one of them capitalised after the first
    return any(w[:1].isupper() for w in words[1:])


# sites, camps and shelters: where the people a list counts are displaced
_SETTING: Final = re.compile(r"\b(?:sites?|camps?|shelters?|centres?|centers?)\b", re.IGNORECASE)
_PEOPLE_IN_SETTING: Final = re.compile(
    r"\b(?:number(?:\s+of\s+(?:people|persons|individuals|IDPs|families|households))?"
    r"|people|persons|individuals|families|households|inmates)"
    r"\s+(?:staying\s+|living\s+|sheltering\s+)?(?:in|at)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:shelters|sites|camps|centres|centers)\b",
    re.IGNORECASE,
)


# "(new confirmed cases – cumulative cases)" on a line of its own, or closing the line that
# introduces the rows: "Situation by region (evacuated since 27 March / in temporary centres):"
_PAREN_HEADER: Final = re.compile(
    r"(?:[ \t]*|[^()\n]{2,80}\s)\((?P<cells>[^()\n]*?\s[—–/]\s[^()\n]*)\)[ \t]*:?[ \t]*$"
)
# "Table 1 - Human impact by municipality, written as text. Columns: deaths / missing /
# people in public shelters." over "Nova Friburgo: 428 / 96 / 3,142"
_COLUMNS_NAMED: Final = re.compile(
    r"(?:^|\s)(?:Columns?|Each\s+(?:line|row)\s+(?:gives|shows|lists)):"
    r"[ \t]*(?P<cells>[^\n]*?\s/\s[^\n]*?)[ \t]*[.:]?[ \t]*$",
    re.IGNORECASE,
)
_ROW_FIGURE: Final = re.compile(r"(?:\s[—–/]|:)[ \t]*[~≈]?[ \t]*\d")
# a cell's figure, qualified or not: ": about 12", " / over 30"
_QUALIFIED_CELL: Final = re.compile(
    r"(?:\s[—–/]|:)[ \t]*(?:[~≈]|(?:about|some|over|nearly|almost|around|approximately|"
    r"at\s+least|more\s+than)\s)?[ \t]*\d",
    re.IGNORECASE,
)
_HEADER_CELL_GAP: Final = re.compile(r"[ \t]+[—–/][ \t]+")
# "currently in temporary accommodation centres": people where the displaced live
#: the people a relief camp holds, as Indian disaster reports call them
_INMATES_IN_SETTING: Final = re.compile(
    r"\binmates\s+(?:in|of|at)\s+(?:[\w-]+\s+){0,3}?(?:camps?|centres?|centers?|shelters?)\b",
    re.IGNORECASE,
)
_IN_SETTING_COLUMN: Final = re.compile(
    rf"\b(?:in|at)\s+(?:[\w-]+\s+){{0,3}}{_SETTING.pattern}", re.IGNORECASE
)


def _cell_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the cells of ``text[start:end]``, split at spaced dashes."""
    spans, at = [], start
    for gap in _HEADER_CELL_GAP.finditer(text, start, end):
        spans.append((at, gap.start()))
        at = gap.end()
    spans.append((at, end))
    return spans


def _inline_column_cue(text: str, lex: Lexicon, start: int, end: int) -> Cue | None:
    """What one figure of a row counts when the row's own label names a column per figure:
    "Killed / injured / missing: 12 / 30 / 4" gives 30 the injured. Nothing unless the label
    has as many names as the row has figures ("Dead/missing: 12" may be one figure of both)."""
    colon = text.rfind(":", start, end)
    head_end = end if colon < 0 else colon
    spans = _cell_spans(text, start, head_end)
    if len(spans) < 2:
        return None
    row_start = text.rfind("\n", 0, start) + 1
    row_end = text.find("\n", end)
    figures = len(_QUALIFIED_CELL.findall(text, row_start, len(text) if row_end < 0 else row_end))
    # the figures of the row before this one: "...: 12 / 30" ends the label of the third
    index = len(_QUALIFIED_CELL.findall(text, head_end, end)) if colon >= 0 else 0
    if figures != len(spans) or index >= len(spans):
        return None
    return _column_cue(text, lex, *spans[index])


# "Table A3. Houses damaged", "Annex 2: People displaced": the title of a numbered table
_AND: Final = re.compile(r"\band\b|&")
# a title in sentence case over a list by some division: "1.2 People in need by sector"
_BY_TITLE: Final = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[A-Z][^\n.:;!?]{2,60}\s+by\s+(?:[a-z]+\s+)?"
    r"(?:sector|cluster|district|region|province|state|county|governorate|zone|department"
    r"|municipality|country|camp|site|oblast|prefecture)$"
)
# a numbered section heading in sentence case: "3. Largest sites (households / individuals)"
_NUMBERED_HEADING: Final = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z][^\n.:;!?]{2,100}$")
# a short title in sentence case on a line of its own: "Largest sites"
_SHORT_TITLE: Final = re.compile(r"^[A-Z][a-z]+(?:[ \t]+[a-z]+){0,3}$")
# a place named on a line of its own under a heading: "Pool department", "North Kivu province"
_SUBHEADING: Final = re.compile(
    r"^[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]+(?:department|province|region|district"
    r"|state|county|governorate|prefecture|oblast|division)$"
)
_DISPLACED_POPULATION: Final = re.compile(r"\bDISPLACED\s+POPULATION\b", re.I)
# sites and camps people live in, not centres or shelters of other kinds ("Health centres")
_SITES_TITLE: Final = re.compile(r"\b(?:sites?|camps?|settlements?)\b", re.IGNORECASE)
_FACILITY_TITLE: Final = re.compile(
    r"\b(?:health|treatment|damaged|destroyed|water|schools?|latrines?)\b", re.IGNORECASE
)
_BARE_NAME: Final = re.compile(r"^[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}$")
_DISPLACEMENT_STOCKS: Final = re.compile(r"^(?:(?:IDP|displacement)\s+)?stocks?\s+by\b", re.I)
_HOSTS: Final = re.compile(
    r"\bhost\s+(?:governments?|countries|country|states?)\b|\bon\s+their\s+(?:territory|soil)\b",
    re.I,
)
_TITLE: Final = re.compile(
    r"^(?:Table|Annex|Figure)\s+[A-Z]?\d+[a-z]?[.:]?\s+[^\n]{3,80}(?<![.!?;:,])$", re.IGNORECASE
)


def _title_cue(text: str, lex: Lexicon, start: int, end: int) -> tuple[int, int, str] | None:
    """What the title line of a numbered table counts ("Table A3. Houses damaged"): its one
    counted noun; nothing when it names several ("Deaths and injuries by district")."""
    line = text[start:end].strip()
    if (
        (
            _NUMBERED_HEADING.match(line)
            or _SHORT_TITLE.match(line)
            # "SITE LIST (households / individuals)": a short heading in capitals
            or (_HEADING.match(line) and len(line.split()) <= 4)
        )
        and _SITES_TITLE.search(line)
        and not _FACILITY_TITLE.search(line)
        and _counting_cue(text, lex, start, end) is None
        and not _verbs(text, lex, start, end)
    ):
        # "3. Largest sites (households / individuals, site tracking of 21 January)" over
        # "- Eldoret ASK Showground: 3,870 HH / 15,240 ind.": the people the sites hold
        return (start, end, "idps")
    by_title = _BY_TITLE.match(_PARENTHESES.sub("", line).strip()) is not None
    if by_title and _DISPLACEMENT_STOCKS.match(line):
        # "Stocks by province (as of 31 December 2008)": the people displaced as they stand
        return (start, end, "idps")
    if not _TITLE.match(line) and not by_title:
        return None
    words = _WORD.findall(line.lower())
    metrics = {lex.nouns[w].metric for w in words if w in lex.nouns and lex.nouns[w].metric}
    nouns = [w for w in words if w in lex.nouns and lex.nouns[w].metric]
    if not metrics and (by_title or _BY_AREA.search(line)) and not _AND.search(line):
        # "1.2 People in need by sector" over "Health: 4.7 million", "Table 1. Number of
        # Affected Families / Persons per Region": what its words say
        said = _not_adjectival(text, _verbs(text, lex, start, end))
        counts = {lex.verb_metric[c[2]][0] for c in said}
        # one count, not "People in need and targeted by sector"
        return said[-1] if len(counts) == 1 and "other" not in counts else None
    return (start, end, nouns[-1]) if len(metrics) == 1 else None


@lru_cache(maxsize=4)
def _line_above_rows(text: str) -> dict[int, int]:
    """For the start of each line, the end of the nearest line above it that is neither
    blank nor a labelled row ("Sinja town: 48,300"), found in one pass over the text so that
    the rows of a long table do not each walk up the whole table."""
    above: dict[int, int] = {}
    last = -1
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        above[start] = last if last >= 0 else 0
        line = text[start:end]
        if line.strip() and not _LABEL_LINE.match(line):
            last = end
        start = end + 1
    return above


def _intro_cue(text: str, lex: Lexicon, line_start: int) -> tuple[int, int, str] | None:
    """What the paragraph that introduces a table counts: above the rows, blank lines and one
    heading, the first verb of a count in it ("approximately 72,800 individuals were displaced
    ... / LOCATIONS OF ORIGIN / Sinja town: 48,300 individuals"; "The table below gives the
    displaced households ... / Hajjah: 1,402 households")."""
    end = _line_above_rows(text).get(line_start, line_start - 1)
    headings = 0
    origin: Cue | None = None
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if not line.strip() or _LABEL_LINE.match(line):
            end = start - 1
            continue
        if (
            not headings
            and (
                _SUBHEADING.match(line.strip())
                # "Brazzaville" between two groups of rows of the same list
                or (_BARE_NAME.match(line.strip()) and _row_above(text, start))
            )
            and _title_cue(text, lex, start, end) is None
            and not _verbs(text, lex, start, end)
            and _counting_cue(text, lex, start, end) is None
        ):
            # "2. DISPLACED POPULATION BY LOCATION / Pool department / - Kinkala: 3 412
            # households": a sub-heading that names where, under the heading that says what
            end = start - 1
            continue
        if (
            not headings
            and (
                _NUMBERED_HEADING.match(_PARENTHESES.sub("", line).strip())
                or _SHORT_TITLE.match(line.strip())
            )
            and (titled := _title_cue(text, lex, start, end)) is not None
        ):
            # "3. Largest sites (households / individuals)": a numbered heading in sentence
            # case that names where the people its rows count are
            return titled
        if _HEADING.match(_PARENTHESES.sub("", line)) and not headings:
            # "DISPLACED FAMILIES BY LOCATION (23 May – 27 June 2016)": a heading that says
            # what its rows count; else the paragraph above it says
            own = _counting_cue(text, lex, start, end)
            if (
                own is not None
                and own[2] in lex.verb_metric
                and lex.verb_metric[own[2]][0] == "displaced"
                and _DISPLACED_POPULATION.search(line)
            ):
                # "DISPLACED POPULATION IN SAFETY CENTRES BY DISTRICT": the displaced as they
                # stand, not the flight that made them so
                return (own[0], own[1], "idps")
            if own is not None:
                return own
            if _OF_ORIGIN.search(line):
                # "AREAS OF ORIGIN" over "Sinuni sub-district: 1,146 families": where the
                # displaced came from, whatever the paragraph above says of the fighting,
                # unless it counts people gone back there
                origin = (start, end, "displaced")
            headings += 1
            end = start - 1
            continue
        cues = [
            v
            for v in _not_adjectival(text, _verbs(text, lex, start, end))
            if lex.verb_metric[v[2]][0] != "other"
        ]
        if origin is not None and not (cues and lex.verb_metric[cues[0][2]][0] == "returnees"):
            return origin
        return cues[0] if cues else None
    return origin


def _column_of_cell_cue(text: str, lex: Lexicon, cell: TableCell) -> Cue | None:
    """What a figure in a cell of a pipe table counts: what its column's header says
    ("| Deaths |", "| Houses damaged |"); people or families in a table of camps or sites
    ("| Camp | District | Families |"); else what the title or paragraph over the table says
    ("TABLE 1 – IDPs BY PROVINCE" over "| HH | ind. |")."""
    if cell.header is not None:
        if text[cell.header[0] : cell.header[1]].strip().lower() in _DIVISIONS:
            return None  # "| State | LGAs | Wards | Households |": how many places, no figure
        if _HECTARES_HEADER.search(text, *cell.header):
            return (*cell.header, "hectares")  # "Area burnt (ha)": an area
        own = _column_cue(text, lex, *cell.header)
        if own is None or not (own[2] in lex.verb_metric or lex.nouns[own[2]].metric):
            own = _last_counted_noun(text, lex, *cell.header)  # "| Houses damaged |"
        if own is not None:
            return own
        titled = _unit_in_title(text, lex, cell.header, cell.table_start)
        if titled is not None:
            return titled
        if (
            cell.rows_header is not None
            and _SETTING.fullmatch(text, *cell.rows_header)
            and _PEOPLE_COLUMN.search(text, *cell.header)
        ):
            # "| Camp | District | Families | People |": the people the camps hold
            return (cell.rows_header[0], cell.rows_header[1], "idps")
    if cell.column > 0:
        # "| Indicator | Value |" over "| People killed | 12 |", or "| | Gaza |" over "| Killed
        # | 30,000 |": the row's label names what its cells count
        named = _column_cue(text, lex, *cell.row_label) or _last_counted_noun(
            text, lex, *cell.row_label
        )
        if named is not None and named[2] not in lex.verb_metric:
            # the noun with its label's words, as a label of a list gives it: "Houses fully
            # damaged" counts houses damaged, not houses
            return (cell.row_label[0], cell.row_label[1], named[2])
        if named is not None:
            return named
    return _label_cue(text, lex, (cell.table_start, cell.table_start))


def _unit_in_title(
    text: str, lex: Lexicon, header: tuple[int, int], table_start: int
) -> Cue | None:
    """What a column that names only its unit counts, when the title over the table says it
    of that unit: "Households" under "Affected households and deaths by province" counts
    households affected, not the deaths the title names last."""
    unit = text[header[0] : header[1]].strip()
    title_end = text.rfind("\n", 0, table_start)
    if not unit or not _UNITS_ONLY.fullmatch(unit) or title_end < 0:
        return None
    title_start = text.rfind("\n", 0, title_end) + 1
    title = text[title_start:title_end].rstrip()
    if title.endswith((".", ";")) or len(title) > 160:
        return None  # a sentence of prose over the table, not its title
    for word in re.finditer(rf"\b{re.escape(unit)}\b", title, re.I):
        if title.rfind("(", 0, word.start()) > title.rfind(")", 0, word.start()):
            continue  # "(people killed are shown in Annex 2)": an aside about other figures
        start, end = title_start + word.start(), title_start + word.end()
        before = _verbs(text, lex, max(title_start, start - 30), start)
        if before and not text[before[-1][1] : start].strip():
            return before[-1]  # "Affected households"
        after = _verbs(text, lex, end, min(title_end, end + 30))
        if after and not text[end : after[0][0]].strip():
            return after[0]  # "households displaced"
    return None


_PEOPLE_COLUMN: Final = re.compile(
    r"\b(?:people|persons|individuals|ind|families|households|HH)\b", re.IGNORECASE
)


_DOTS_TO_FIGURE: Final = re.compile(rf"{DOT_LEADER}[ \t]*(?:[~≈][ \t]*)?$")


_HECTARES_HEADER: Final = re.compile(r"\((?:ha|hectares)\)|\bhectares\b")
_SLASH: Final = re.compile(r"[ \t]*/[ \t]*")
#: how badly, in a slashed label: "houses fully/partly damaged"
_DEGREE: Final = re.compile(
    r"[ \t]*(?:fully|partly|partially|totally|completely|severely|slightly|moderately"
    r"|heavily|minor|major)?(?:[ \t]+(?:damaged|destroyed|affected))?[ \t]*",
    re.IGNORECASE,
)


def _slashed_label_cue(text: str, lex: Lexicon, mention: Mention, row: re.Match[str]) -> Cue | None:
    """What a figure of a slashed row counts: the name in the same place of the label's
    slashes ("injured" for 41 in "deaths/injured/missing: 94/41/12"), else what the whole
    label counts ("partly damaged" in "houses fully/partly damaged: 1,210/18,744")."""
    names = _stretches(text, *row.span("names"))
    figures = _stretches(text, *row.span("figures"))
    index = next((i for i, (a, b) in enumerate(figures) if a <= mention.start < b), None)
    if index is None:
        return None
    if _HOUSED_NAME.fullmatch(text, *names[index]) and any(
        _SETTING.search(text, *name) for name in names
    ):
        # "relief centres/persons accommodated: 163/41,860": the people the centres hold
        return (*names[index], "idps")
    if any(
        (noun := lex.nouns.get(w.lower())) is not None
        and noun.unit == "person"
        and noun.group != "all"
        for w in _WORD.findall(text, *names[index])
    ):
        return None  # "Men/women/children killed: 10/20/30": groups a label's count would lose
    own = _column_cue(text, lex, *names[index]) or _last_counted_noun(text, lex, *names[index])
    if own is not None and (
        # a verb of damage needs the thing damaged: "partly damaged" counts the label's houses
        lex.verb_metric[own[2]][0] not in _PLACE_METRICS
        if own[2] in lex.verb_metric
        else lex.nouns[own[2]].metric
    ):
        return own
    if not _DEGREE.fullmatch(text, *names[index]):
        # "People in need/targeted", "Cases/deaths/CFR", "Men/women/children killed": a name
        # that counts nothing of its own, or a group the label's count would lose
        return None
    whole = row.span("names")
    return _last_counted_noun(text, lex, *whole) or _column_cue(text, lex, *whole)


_HOUSED_NAME: Final = re.compile(
    r"[ \t]*(?:persons|people|individuals|families|households|inmates)[ \t]+"
    r"(?:accommodated|sheltered|housed|staying|hosted)[ \t]*",
    re.IGNORECASE,
)


def _stretches(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` between slashes."""
    cuts = list(_SLASH.finditer(text, start, end))
    return list(
        zip([start, *(m.end() for m in cuts)], [*(m.start() for m in cuts), end], strict=True)
    )


def _label_or_parenthesis(
    text: str, lex: Lexicon, mention: Mention, clause: tuple[int, int]
) -> tuple[int, int, str] | None:
    """What a bare number counts when a label or the words before a parenthesis say it.

    "Displaced: over 1 million", "Individuals returned since 15 September: 471 926",
    "Most returnees crossed at Torkham (about 344,000)".
    """
    cell = table_cell(text, mention.start)
    if cell is not None and (cell.column > 0 or cell.holds_figure(text)):
        # a cell of figures; "| 12 | 30 | 4 |" under "| Killed | Injured | Missing |" too
        return _column_of_cell_cue(text, lex, cell)
    if (
        cell is not None
        and cell.header is not None
        and mention.end == cell.end
        # the label leads to the figure with dots, not "Camp 12" or "Zone 1"
        and _DOTS_TO_FIGURE.search(text, cell.start, mention.start)
        and (named := _column_cue(text, lex, *cell.header)) is not None
    ):
        # "Niamey I ........ 684 |  41 |  6.0" under "Columns: cumulative cases | cumulative
        # deaths | CFR (%)": the first cell holds the row's label and the first column's figure
        return named
    if (row := slashed_row(text, mention.start)) is not None:
        # each figure of "deaths/injured/missing: 94/41/12" has its own name, or none known
        return _slashed_label_cue(text, lex, mention, row)
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


# a heading that says no more than who lives where: "POPULATION BY LOCATION", "PEOPLE BY
# SITE", "POPULATION OF THE NEW CAMPS", or a note in brackets under one, "(new caseload, as of 21 August)"
_GENERIC_PEOPLE: Final = re.compile(
    r"^(?:population|caseload|people|persons|individuals)\s+(?:by|per|in"
    r"|of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:camps|sites|settlements|centres|centers)\b)\b",
    re.IGNORECASE,
)
_GENERIC_NOTE: Final = re.compile(r"^\((?:[\w-]+\s+)?caseload\b", re.IGNORECASE)


def _generic_heading(text: str, line_start: int) -> bool:
    """Whether a row of a list at ``line_start`` sits under a heading that names people only
    generically ("POPULATION BY LOCATION / (new caseload, as of 21 August)"): the first line of
    its block, with the notes in brackets under it. Rows are not walked one by one, so a long
    table costs no more per row than a short one."""
    block = text.rfind("\n\n", 0, line_start)
    block = 0 if block < 0 else block + 2
    lines: list[str] = []
    at = block
    while at < line_start and len(lines) < 3:  # the heading and two lines under it, at most
        end = text.find("\n", at, line_start)
        end = line_start if end < 0 else end
        lines.append(text[at:end].strip())
        at = end + 1
    heading = lines[0] if lines else ""
    notes = [line for line in lines[1:] if _PARENTHESES.fullmatch(line)]
    return bool(
        _HEADING.match(_PARENTHESES.sub("", heading))
        and (_GENERIC_PEOPLE.match(heading) or any(_GENERIC_NOTE.match(n) for n in notes))
    )

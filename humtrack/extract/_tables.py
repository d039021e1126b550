"""Tables written as lines of cells: with pipes between the cells, as Markdown and many
reports print them,

    | District | Deaths | Injured |
    |---|---|---|
    | Bagh (AJK) | 8,150 | 11,700 |

or in columns aligned with runs of spaces, as bulletins pasted from a spreadsheet are,

    Province            Dead   Missing
    Quang Tri             49         4

Each cell of such a table is found once per text, with the header of its column, so that a
figure in a cell counts what its column says."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

#: a rule under a table's header: "|---|:--:|", "--- | ---"
# (each cell's dashes between mandatory pipes, so that a line that is no rule fails at once)
_RULE: Final = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t\r]*")
#: the gap between two aligned columns: a tab, or two spaces or more
_COLUMN_GAP: Final = re.compile(r"\t+|[ \t]{2,}")
#: a cell of figures: "49", "1 412", "-" (none)
_FIGURE: Final = r"[~≈]?\d[\d,.  \u00a0]*\+?"
_FIGURE_ONLY: Final = re.compile(_FIGURE)
_FIGURE_CELL: Final = re.compile(rf"{_FIGURE}|[-–—]")
_FIGURE_START: Final = re.compile(r"[~≈]?\d|[-–—]$")
#: the label of a note under a table ("Notes:", "Source", "NB")
_NOTE_CELL: Final = re.compile(
    r"(?:notes?|sources?|remarks?|comments?|footnotes?|n\.?\s?b\.?)[ \t]*:?", re.IGNORECASE
)
Span = tuple[int, int]
_BRACKETS: Final = re.compile(r"\([^()]*\)")
_SHARE_IN_BRACKETS: Final = re.compile(r"\(\s*%\s*\)")
#: the header of a column of row labels that are ages or times: it opens with the word ("Age
#: group", "Epi week"), not "Columns: cumulative cases, weeks 1–38"
_AGE_OR_TIME_HEADER: Final = re.compile(
    r"[ \t|]*(?:epi(?:demiological)?\s+)?"
    r"(?:ages?|age\s+group|years?|months?|weeks?|days?|dates?|periods?|rounds?)\b",
    re.I,
)
#: the header of a column of rates or shares
_RATE_HEADER: Final = re.compile(
    r"%|\bper\s+(?:cent|1|10|100|thousand|million|capita)\b|\b(?:rates?|ratios?|CFR|incidence|"
    r"averages?|shares?|proportions?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell of a table: its span, its column (0 for the row's label), the span of its
    column's header, if the table has one, and where the table starts."""

    start: int
    end: int
    column: int
    header: Span | None
    #: the header of the table's first column, which names its rows ("District", "Camp")
    rows_header: Span | None
    #: the first cell of the cell's row: what the row is about ("Bagh (AJK)")
    row_label: Span
    table_start: int

    def holds_no_figure_at(self, text: str, start: int) -> bool:
        """Whether the number at ``start`` in this cell is no figure: in a column of rates or
        shares ("CFR (%)", "Incidence per 100 000", "Attack rate"; not "Cases n (%)"), a share
        in brackets under "n (%)" ("12 (40)"), or a row's label under a header of ages or times
        ("0-4" under "Age group", "2019" under "Year")."""
        if self.column == 0:
            return (
                self.rows_header is not None
                and _AGE_OR_TIME_HEADER.match(text, *self.rows_header) is not None
            )
        if self.header is None:
            return False
        header = text[self.header[0] : self.header[1]]
        if start > self.start and text[start - 1] == "(" and _SHARE_IN_BRACKETS.search(header):
            return True
        # what the header names outside its brackets
        return _RATE_HEADER.search(_BRACKETS.sub("", header)) is not None

    def holds_figure(self, text: str) -> bool:
        """Whether the cell holds a figure and nothing else ("8,150", "~300")."""
        return _FIGURE_ONLY.fullmatch(text, self.start, self.end) is not None


def _pipe_cells(text: str, start: int, end: int) -> list[Span]:
    """The spans of the cells of the line ``text[start:end]``, without the pipes at its ends
    and the spaces around each cell."""
    line = text[start:end]
    left = len(line) - len(line.lstrip())
    right = len(line.rstrip())
    if line.startswith("|", left):
        left += 1
    if line.endswith("|", 0, right) and right > left:
        right -= 1
    spans = []
    at = left
    while True:
        bar = line.find("|", at, right)
        cut = right if bar < 0 else bar
        cell = line[at:cut]
        spans.append((start + at + len(cell) - len(cell.lstrip()), start + at + len(cell.rstrip())))
        if bar < 0:
            return spans
        at = bar + 1


def _aligned_cells(text: str, start: int, end: int) -> list[Span]:
    """The spans of the cells of a line whose columns are aligned with runs of spaces."""
    line = text[start:end]
    left = len(line) - len(line.lstrip())
    right = len(line.rstrip())
    spans, at = [], left
    for gap in _COLUMN_GAP.finditer(line, left, right):
        spans.append((start + at, start + gap.start()))
        at = gap.end()
    spans.append((start + at, start + right))
    return spans


def _cells_of(
    text: str, rows: list[list[Span]], header: list[Span] | None, table_start: int
) -> list[TableCell]:
    cells = []
    first = header[0] if header is not None else None
    for row in rows:
        for column, (s, e) in enumerate(row):
            named = header[column] if header is not None and column < len(header) else None
            cells.append(TableCell(s, e, column, named, first, row[0], table_start))
    return cells


def _pipe_table(text: str, lines: list[Span]) -> list[TableCell]:
    """The cells of a run of lines with pipes, when they make a table: a header over a rule,
    or at least three lines with the same number of cells (not "Source: OCHA | Published: 17
    October", a line of a page's header)."""
    rows = [_pipe_cells(text, s, e) for s, e in lines]
    ruled = len(lines) > 1 and _RULE.fullmatch(text, *lines[1]) is not None
    if not ruled and (len(rows) < 3 or len({len(r) for r in rows}) > 1 or len(rows[0]) < 2):
        return []
    header: list[Span] | None = rows[0]
    body = rows[2:] if ruled else rows[1:]
    if not ruled and any(_FIGURE_START.match(text, s, e) for s, e in rows[0][1:]):
        header, body = None, rows  # no header: every line is a row of figures
    return _cells_of(text, body, header, lines[0][0])


def _aligned_table(text: str, lines: list[Span]) -> list[TableCell]:
    """The cells of a run of lines split into columns by runs of spaces, when they make a
    table: the same number of cells (two or more) on every line, a header line with no cell
    that opens on a figure over at least two rows, and a cell of figures on every row (not
    prose that puts two spaces after its full stops)."""
    rows = [_aligned_cells(text, s, e) for s, e in lines]
    while (
        len(rows) > 3 and len(rows[-1]) != len(rows[0]) and _NOTE_CELL.fullmatch(text, *rows[-1][0])
    ):
        rows.pop()  # "Notes:<tab>Fatalities are deaths caused by the fires": a note under it
    if len(rows) < 3 or len(rows[0]) < 2 or len({len(r) for r in rows}) > 1:
        return []
    if any(_FIGURE_START.match(text, s, e) for s, e in rows[0]):
        # a header names its columns ("Incidence per 100 000"); a line that opens a cell on a
        # figure ("Total affected    250,000 people") is a row
        return []
    body = rows[1:]
    if not all(any(_FIGURE_CELL.fullmatch(text, s, e) for s, e in row[1:]) for row in body):
        return []
    return _cells_of(text, body, rows[0], lines[0][0])


#: a line that may belong to a table: one with a pipe, or with a wide gap between two words
_CANDIDATE_LINE: Final = re.compile(r"[^\n]*?(?:\||\S(?:\t|[ \t]{2,})\S)")
#: what every such line holds: a pipe, a tab or two spaces
_TABLE_MARKS: Final = ("|", "\t", "  ")
#: the same lines, matched over the rest of a text that has many of them
_TABLE_LINE: Final = re.compile(rf"^{_CANDIDATE_LINE.pattern}[^\n]*$", re.MULTILINE)
#: how many marked lines are looked at one by one before the rest of the text is matched whole
_MARKED_LINES_ONE_BY_ONE: Final = 64


def _candidate_lines(text: str) -> Iterator[Span]:
    """The (start, end) of the lines that may belong to a table, in one pass over the text.

    Only the lines with a mark of a table are matched; the marks are found with ``str.find``,
    which skips plain prose many times faster than a regular expression. A text with many
    marked lines (a long table) is matched whole from there on, which is faster line for line."""
    at = 0
    nexts = [text.find(mark) for mark in _TABLE_MARKS]
    looked = 0
    while live := [n for n in nexts if n >= 0]:
        looked += 1
        if looked > _MARKED_LINES_ONE_BY_ONE:
            yield from (line.span() for line in _TABLE_LINE.finditer(text, at))
            return
        position = min(live)
        start = text.rfind("\n", 0, position) + 1
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        if _CANDIDATE_LINE.match(text, start, end):
            yield start, end
        at = end + 1
        nexts = [
            n if n < 0 or n >= at else text.find(mark, at)
            for n, mark in zip(nexts, _TABLE_MARKS, strict=True)
        ]


@lru_cache(maxsize=4)
def _table_cells(text: str) -> tuple[list[int], list[TableCell]]:
    """Every cell of every table of a text, in text order, with the cells' starts; only the
    lines that may belong to a table are looked at, found in one pass."""
    cells: list[TableCell] = []
    runs: list[tuple[bool, list[Span]]] = []  # (with pipes, consecutive lines)
    for start, end in _candidate_lines(text):
        piped = "|" in text[start:end]
        if runs and runs[-1][0] == piped and runs[-1][1][-1][1] + 1 == start:
            runs[-1][1].append((start, end))
        else:
            runs.append((piped, [(start, end)]))
    for piped, lines in runs:
        cells.extend(_pipe_table(text, lines) if piped else _aligned_table(text, lines))
    return [c.start for c in cells], cells


def table_cell(text: str, position: int) -> TableCell | None:
    """The cell of a table that holds ``position``, if any."""
    starts, cells = _table_cells(text)
    i = bisect.bisect_right(starts, position) - 1
    if i >= 0 and cells[i].start <= position < max(cells[i].end, cells[i].start + 1):
        return cells[i]
    return None


def forget_tables() -> None:
    """Drop the cells kept while a text was read (the text itself among them)."""
    _table_cells.cache_clear()

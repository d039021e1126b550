"""Tables written with pipes between their cells, as Markdown and many reports print them:

    | District | Deaths | Injured |
    |---|---|---|
    | Bagh (AJK) | 8,150 | 11,700 |

Each cell of such a table is found once per text, with the header of its column, so that a
figure in a cell counts what its column says."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

#: a rule under a table's header: "|---|:--:|", "--- | ---"
_RULE: Final = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|?)+[ \t]*")
_DIGIT: Final = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class PipeCell:
    """One cell of a table written with pipes: its span, its column (0 for the row's label),
    the span of its column's header, if the table has one, and where the table starts."""

    start: int
    end: int
    column: int
    header: tuple[int, int] | None
    #: the header of the table's first column, which names its rows ("District", "Camp")
    rows_header: tuple[int, int] | None
    #: the first cell of the cell's row: what the row is about ("Bagh (AJK)")
    row_label: tuple[int, int]
    table_start: int


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
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


def _table(text: str, lines: list[tuple[int, int]]) -> list[PipeCell]:
    """The cells of a run of lines with pipes, when they make a table: a header over a rule,
    or at least three lines with the same number of cells (not "Source: OCHA | Published: 17
    October", a line of a page's header)."""
    rows = [_cells(text, s, e) for s, e in lines]
    ruled = len(lines) > 1 and _RULE.fullmatch(text, *lines[1]) is not None
    if not ruled and (len(rows) < 3 or len({len(r) for r in rows}) > 1 or len(rows[0]) < 2):
        return []
    header: list[tuple[int, int]] | None = rows[0]
    body = rows[2:] if ruled else rows[1:]
    if not ruled and any(_DIGIT.search(text, s, e) for s, e in rows[0][1:]):
        header, body = None, rows  # no header: every line is a row of figures
    table_start = lines[0][0]
    cells = []
    for row in body:
        for column, (s, e) in enumerate(row):
            named = header[column] if header is not None and column < len(header) else None
            first = header[0] if header is not None else None
            cells.append(PipeCell(s, e, column, named, first, row[0], table_start))
    return cells


@lru_cache(maxsize=4)
def _pipe_cells(text: str) -> tuple[list[int], list[PipeCell]]:
    """Every cell of every pipe table of a text, in text order, with the cells' starts."""
    cells: list[PipeCell] = []
    run: list[tuple[int, int]] = []
    at = text.find("|")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if run and start == run[-1][1] + 1:
            run.append((start, end))  # the next line of the run
        else:
            if run:
                cells.extend(_table(text, run))
            run = [(start, end)]
        at = text.find("|", end)
    if run:
        cells.extend(_table(text, run))
    return [c.start for c in cells], cells


def pipe_cell(text: str, position: int) -> PipeCell | None:
    """The cell of a pipe table that holds ``position``, if any."""
    if "|" not in text:
        return None
    starts, cells = _pipe_cells(text)
    i = bisect.bisect_right(starts, position) - 1
    if i >= 0 and cells[i].start <= position < max(cells[i].end, cells[i].start + 1):
        return cells[i]
    return None


def forget_pipes() -> None:
    """Drop the cells kept while a text was read (the text itself among them)."""
    _pipe_cells.cache_clear()

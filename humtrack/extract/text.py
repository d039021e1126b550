"""Paragraphs, sentences and clauses of a text, found once and looked up by offset.

Every boundary search is a single regular-expression pass over the text, and
every window is bounded (:data:`MAX_SPAN` code points), so that text without
full stops still costs linear time.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from humtrack.extract._scan import matches_at, merged

__all__ = ["MAX_SPAN", "Segments"]

#: The longest sentence or clause considered; longer runs are cut at a space.
MAX_SPAN: Final = 400
#: The longest paragraph considered; a text without blank lines is cut into windows of this size.
MAX_PARAGRAPH: Final = 4 * MAX_SPAN

_PARAGRAPH: Final = re.compile(r"\n[ \t]*\n\s*")
# a full stop, "!" or "?" (and the quotes or brackets closing on it) before a capital or a digit,
# or a line's end; one scan for each first character, which the matcher searches for as quickly
# as str.find (an alternation of them would be tried at every position); not the last dot of
# the dot leaders before a row's figure ("Killed .......... 18": four dots or more, or three
# after a space), though an ellipsis still ends a sentence ("kept rising... 12 drowned")
_SENTENCE_ENDS: Final = (
    re.compile(r"\.(?!(?:(?<=\.\.\.\.)|(?<=\s\.\.\.))\s+\d)[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])"),
    *(re.compile(rf"{re.escape(c)}[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])") for c in "!?"),
    re.compile("\n"),
)
_ABBREVIATION: Final = re.compile(
    r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|No|Nos|vs|e\.g|i\.e|Gen|Gov|Col|Lt|Sgt|Rep|Sen|Prof|approx|ca|ind"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$"
)
# a dash breaks a clause unless it joins two digits ("15–20"); one scan for each first
# character, so that the matcher skips quickly over the text between them
_CLAUSE_BREAKS: Final = tuple(
    re.compile(p)
    for p in (
        r";(?=\s)\s*",
        r":(?=\s)\s*",
        r"—(?:(?<!\d—)|(?!\d))\s*",
        r"–(?:(?<!\d–)|(?!\d))\s*",
        r",\s+(?=(?:while|but|whereas|although|though)\b)",
        r"\((?=\S)",
        r"\)\s*",
        # "Khartoum 118,000 | Blue Nile 95,000": cells of a row split by pipes, each a label
        # and its figure; not "Total deaths | 45" nor "45 | killed | 120 | injured", a label
        # and its figure
        r"\|(?<=\d[ \t]\|)[ \t]*(?=[^\W\d_][^|\n\d]{0,50}\d)",
    )
)


# an aside between two dashes: without figures, or the figure before it restated in people or
# households, the clause going on after it ("6,121 households – some 33,100 people – have
# fled"); not a table row ("Hela – 290,000 – 145,000") nor a part ("40 people – 25 of them
# seriously – and killed 6")
#: the words of an aside that gives a share ("about 55 per cent of the population"), between
#: two dashes; the clause goes on after it
SHARE_ASIDE: Final = (
    r"(?:(?:about|some|around|nearly|almost|roughly|more\s+than|over|close\s+to)\s+)?"
    r"\d[\d.,]*\s*(?:%|per\s*cent|percent)\s[^—–\n.;:!?\d]{0,60}?"
)
_DASH_ASIDE: Final = re.compile(
    r"\s([—–])\s[^—–\n.;:!?\d]{1,80}?\s(\1)\s"
    r"|\s([—–])\s(?:or\s+|some\s+|about\s+|around\s+|nearly\s+|roughly\s+)?\d[\d,.\u00a0 ]*"
    r"(?:million\s+)?(?:people|persons|individuals|families|households)\s(\3)\s(?=[a-z])"
    # "24.4 million people – 55 per cent of the population – are estimated to need"
    rf"|\s([—–])\s{SHARE_ASIDE}\s(\5)\s(?=[a-z])"
)
_DASHES: Final = (re.compile("—"), re.compile("–"))


def _dash_asides(text: str) -> Iterator[re.Match[str]]:
    """The matches of _DASH_ASIDE, which start on the space before a dash: tried only there."""
    return matches_at(_DASH_ASIDE, (m.start() - 1 for m in merged(_DASHES, text)), text)


def _cut_long(starts: list[int], text_len: int, text: str, span: int = MAX_SPAN) -> list[int]:
    """Insert extra boundaries so that no span exceeds ``span`` (cut at a space when possible)."""
    out: list[int] = []
    bounds = [*starts, text_len]
    for begin, end in itertools.pairwise(bounds):
        out.append(begin)
        position = begin
        while end - position > span:
            cut = text.rfind(" ", position + span // 2, position + span)
            position = cut + 1 if cut > position else position + span
            out.append(position)
    return out


@dataclass(frozen=True)
class Segments:
    """Start offsets of the paragraphs, sentences and clauses of one text."""

    text: str
    paragraphs: list[int]
    sentences: list[int]
    clauses: list[int]

    @classmethod
    def of(cls, text: str) -> Segments:
        """Segment ``text`` in three linear passes."""
        n = len(text)
        paragraphs = _cut_long(
            [0, *(m.end() for m in _PARAGRAPH.finditer(text) if m.end() < n)],
            n,
            text,
            MAX_PARAGRAPH,
        )
        sentence_starts = {0, *paragraphs}
        skipped_to = 0
        for m in merged(_SENTENCE_ENDS, text):
            if m.start() < skipped_to:
                continue  # inside a run of blank space already skipped: linear on long runs
            if m.group() != "\n" and _ABBREVIATION.search(text, max(0, m.start() - 8), m.start()):
                continue
            end = m.end()
            while end < n and text[end] in " \t\n":
                end += 1
            skipped_to = end
            sentence_starts.add(end)
        sentences = _cut_long(sorted(s for s in sentence_starts if s < n or s == 0), n, text)
        clause_starts = set(sentences)
        # "231,000 people — the refugees and their hosts — need support": an aside between two
        # dashes does not end the clause that carries on after it
        asides = {m.start(i) for m in _dash_asides(text) for i in (1, 2, 3, 4, 5, 6) if m.group(i)}
        for m in merged(_CLAUSE_BREAKS, text):
            if m.start() not in asides:
                clause_starts.add(m.end())
        clauses = _cut_long(sorted(c for c in clause_starts if c < n or c == 0), n, text)
        return cls(text, paragraphs, sentences, clauses)

    @staticmethod
    def _span(starts: list[int], position: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, position) - 1
        start = starts[max(i, 0)]
        stop = starts[i + 1] if i + 1 < len(starts) else end
        return start, stop

    def paragraph(self, position: int) -> tuple[int, int]:
        """(start, end) of the paragraph holding ``position``."""
        return self._span(self.paragraphs, position, len(self.text))

    def sentence(self, position: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``position``."""
        return self._span(self.sentences, position, len(self.text))

    def clause(self, position: int) -> tuple[int, int]:
        """(start, end) of the clause holding ``position``."""
        return self._span(self.clauses, position, len(self.text))

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """Shrink a span to exclude surrounding blanks and closing punctuation."""
        text = self.text
        while start < end and text[start] in ' \t\r\n,;:—–("“|.…)':
            start += 1
        while end > start and text[end - 1] in ' \t\r\n,;:—–.)("”|':
            end -= 1
        return start, end

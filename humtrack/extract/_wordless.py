"""Numbers with no word around them that could say what they count.

A figure needs words: a noun after it, a verb beside it, a label before it on its line, a
heading over its table. On a long line of digits and number words alone ("4,000 22 seven
thousand 5 000 333 ..."), a number far from any other word can be none of these, and every
rule of :mod:`humtrack.extract._counting` would be tried on it only to give nothing. The test
here tells such numbers apart cheaply, so that text made of numbers costs no more per number
than prose does. Words that only make or qualify a number (number words, scales, vague
quantities, qualifiers, "and", "to") are not words that say what is counted.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

from humtrack._data import read_data_csv
from humtrack.extract._trie import trie_pattern
from humtrack.vocab import QUALIFIER_PHRASES

__all__ = ["NUMBER_WORDS", "Wordless"]

#: the shortest line that a number on it may be taken as wordless: shorter lines are the rows
#: of tables and lists, whose words are in a heading or a row above
LONG_LINE: Final = 400
#: how far from the number, on its line, a word of any other kind is looked for
REACH: Final = 160

#: the words that only make or qualify a number, in lower case (what the number-word, scale,
#: vague-quantity and qualifier tables hold, word by word)
NUMBER_WORDS: Final = (
    frozenset(
        token
        for name in ("number_words.csv", "scales.csv", "vague.csv")
        for row in read_data_csv(name)
        for token in re.findall(r"[^\W\d_]+", row["word"].lower())
    )
    | frozenset(
        token for phrase in QUALIFIER_PHRASES for token in re.findall(r"[^\W\d_]+", phrase.lower())
    )
    | frozenset({"and", "or", "to", "between"})
)

# a word of two letters at least, in any script, that is not made of the words above alone
# ("thousandone" is two number words run together)
_OTHER_WORD: Final = re.compile(
    r"(?<![^\W\d_])(?!(?:" + trie_pattern(NUMBER_WORDS) + r")+(?![^\W\d_]))[^\W\d_]{2}"
)
#: the text is looked at in blocks of this many characters, each once at most
_BLOCK: Final = 80


class Wordless:
    """Tells, for the numbers of one text, whether each stands on a long line with no word
    within :data:`REACH` characters (or up to a block more) that is not a number word, a
    scale, a vague quantity or a qualifier.

    Whether a block of the text holds such a word is found once per block, so that a text of
    numbers alone is read once, not once for each number in it.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._breaks = [m.start() for m in re.finditer("\n", text)]
        self._worded: dict[int, bool] = {}

    def _block_worded(self, block: int) -> bool:
        known = self._worded.get(block)
        if known is None:
            lo = block * _BLOCK
            # a word that starts in the block is read whole (up to a point: a longer one is
            # taken for a word of another kind)
            found = _OTHER_WORD.search(self._text, lo, lo + 2 * _BLOCK)
            known = found is not None and found.start() < lo + _BLOCK
            self._worded[block] = known
        return known

    def __call__(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._breaks, start)
        line_start = self._breaks[i - 1] + 1 if i > 0 else 0
        line_end = self._breaks[i] if i < len(self._breaks) else len(self._text)
        if line_end - line_start < LONG_LINE:
            return False
        first = max(0, start - REACH) // _BLOCK
        last = min(len(self._text) - 1, end + REACH) // _BLOCK
        return not any(self._block_worded(b) for b in range(first, last + 1))

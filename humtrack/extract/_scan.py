"""Quick scans: the matches of an expression, found without trying it at every position.

Python's matcher skips quickly through a text only to a first character it
knows: one literal character (searched for as fast as ``str.find``), or, more
slowly, one of a set of characters. An expression that opens on a word boundary,
a class such as ``\\s``, or branches that do not all open on a literal character
is tried at every position instead, which is most of the cost of scanning prose.
The scans here find the same matches from places found quickly: a search for
each literal first character on its own, or a scan of a lowered byte copy of the
text for the words of a word list; the expression is then tried at those places
alone. ``tests/test_extract_scanning.py`` holds each scan to the plain
expression it replaces.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from typing import Final

from humtrack.extract._trie import trie_pattern

__all__ = [
    "FOLDS_TO_ASCII",
    "Worded",
    "forget_words",
    "lowered",
    "matches_at",
    "may_hold",
    "merged",
    "word_matches",
    "word_scan",
]


def merged(patterns: Iterable[re.Pattern[str]], text: str) -> list[re.Match[str]]:
    """The matches of several expressions in ``text``, in the order they start.

    The same as the matches of their alternation when each opens on a character of its own
    and none goes on over a character another opens on: no match then hides another.
    """
    return sorted((m for p in patterns for m in p.finditer(text)), key=re.Match.start)


def matches_at(
    pattern: re.Pattern[str], stops: Iterable[int], text: str
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, with ``pattern`` tried only at ``stops`` (in
    increasing order): the same matches when every one starts at a stop and none is empty."""
    last_end = 0
    for at in stops:
        if at < last_end:
            continue  # inside the last match, where a search of the text goes on after it
        found = pattern.match(text, at)
        if found is not None:
            last_end = found.end()
            yield found


def lowered(text: str) -> bytes:
    """``text`` as a :func:`word_scan` reads it: one byte a code point, so that offsets stay
    those of ``text``; ASCII letters lowered (and only they: no Unicode case rule moves a
    letter); every code point past Latin-1 a ``?``; and a space before it all, so that a scan's
    match, which starts on the character before its word, starts at the word's offset in
    ``text``.
    """
    return b" " + text.encode("latin-1", "replace").lower()


def word_scan(words: Iterable[str]) -> re.Pattern[bytes]:
    """A scan of :func:`lowered` text that stops where one of ``words`` (ASCII, in any case)
    begins a word.

    Its matches start at a character other than a letter, digit or underscore, which lets the
    matcher skip straight to the next one instead of trying a word boundary at every position.
    A match of one word goes on over it, since no word starts inside a word; a list with a
    phrase ("killed or injured") keeps each match to that one character, so that the words
    inside a phrase are tried too.
    """
    listed = [w.lower() for w in words]
    if not all(w.isascii() for w in listed):
        raise ValueError("word_scan() lists ASCII words only")
    body = trie_pattern(listed, ignore_case=False).encode("ascii")
    if all(w.isalpha() for w in listed):
        return re.compile(rb"\W" + body + rb"\b")  # a third quicker than looking ahead
    return re.compile(rb"\W(?=" + body + rb"\b)")


def word_matches(
    pattern: re.Pattern[str], scan: re.Pattern[bytes], text: str, low: bytes
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, with ``pattern`` tried only where ``scan``
    (over ``low``, the :func:`lowered` text) stops.

    The same matches when every match of ``pattern`` is one of the scan's words, not empty, in
    ASCII letters of either case, after a word boundary: the scan stops at each such place,
    since a character that is no word character to ``pattern`` is none to the scan either (an
    ASCII one is itself; a Latin-1 letter and the ``?`` of a later code point are no ASCII word
    characters), and ``pattern`` rejects the extra stops.
    """
    return matches_at(pattern, (stop.start() for stop in scan.finditer(low)), text)


#: the letters other than ASCII ones that a case-blind expression reads as ASCII ones ("İ" and
#: "ı" as "i", "ſ" as "s", the Kelvin sign as "k"), which :func:`lowered` turns into "?"
FOLDS_TO_ASCII: Final = "\u0130\u0131\u017f\u212a"


class _Words:
    """A text's :func:`lowered` copy, kept to look words up in while the text is read, and
    whether every word a case-blind expression finds in the text is in the copy as well."""

    __slots__ = ("complete", "low", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = lowered(text)
        self.complete = not any(c in text for c in FOLDS_TO_ASCII)


_LAST_WORDS: list[_Words] = []


def forget_words() -> None:
    """Drop the lowered copy kept while a text was read (the text itself with it)."""
    _LAST_WORDS.clear()


def _words(text: str) -> _Words:
    """The lowered copy of ``text``, made once while it is read."""
    found = _LAST_WORDS[0] if _LAST_WORDS else None
    if found is None or found.text is not text:
        found = _Words(text)
        _LAST_WORDS[:] = [found]
    return found


def may_hold(text: str, lo: int, hi: int, words: tuple[bytes, ...]) -> bool:
    """Whether one of ``words`` (lowered ASCII) may lie wholly inside ``text[lo:hi]``, in any
    case: False only when none does, so that an expression that cannot match there without
    one of them need not be tried."""
    found = _words(text)
    if not found.complete:
        return True
    low = found.low
    for word in words:  # noqa: SIM110 - quicker than any() over a generator
        if low.find(word, lo + 1, hi + 1) >= 0:
            return True
    return False


class Worded:
    """An expression and the words (ASCII, in any case) one of which each of its matches holds:
    searched for only in stretches of text that hold one of them, most of the stretches before
    the figures of text crowded with numbers holding none."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: re.Pattern[str], words: Iterable[str]) -> None:
        self.pattern = pattern
        self.words = tuple(w.lower().encode("ascii") for w in words)

    def holds(self, text: str, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]`` may hold a match: False only when it holds none of the
        words."""
        return may_hold(text, max(0, lo), min(hi, len(text)), self.words)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``self.pattern.search(text, pos, endpos)``, the same match or none."""
        found = _words(text)
        if found.complete:
            low, lo, hi = found.low, max(0, pos) + 1, min(endpos, len(text)) + 1
            for word in self.words:
                if low.find(word, lo, hi) >= 0:
                    break
            else:
                return None
        return self.pattern.search(text, pos, endpos)

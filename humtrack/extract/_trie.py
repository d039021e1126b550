"""Regular expressions for large word lists, built as tries.

Python's matcher tries each branch of an alternation in turn at every
position; a trie shares the common prefixes ("more", "most", "million"), so a
position that cannot start any word is rejected after one character.

A word-list expression that starts with a word boundary gives the matcher no
first character to skip to, so it still tries every position of a text. The
quick scans here read a lowered copy of the text in bytes instead, stopping
only at a character before a listed word; the expression is then tried at
those stops alone, which finds the same matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["lowered", "trie_pattern", "word_matches", "word_scan"]


def trie_pattern(words: Iterable[str], *, ignore_case: bool = True) -> str:
    """A non-capturing pattern matching any of ``words`` (ASCII letters matched in either case).

    Examples
    --------
    >>> p = re.compile(rf"\\b{trie_pattern(['more', 'most', 'million'])}\\b")
    >>> [m.group() for m in p.finditer("More than a million, mostly")]
    ['More', 'million']
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = []
        for ch in sorted(k for k in node if k):
            head = (
                f"[{ch.lower()}{ch.upper()}]"
                if ignore_case and ch.isascii() and ch.isalpha()
                else re.escape(ch)
            )
            branches.append(head + build(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def lowered(text: str) -> bytes:
    """``text`` as quick scans read it: one byte a code point, so that offsets stay those of
    ``text``; ASCII letters lowered (and only they: no Unicode case rule moves a letter); every
    code point past Latin-1 a ``?``; and a space before it all, so that a :func:`word_scan`
    match, which starts on the character before its word, starts at the word's offset in ``text``.
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
    last_end = 0
    for stop in scan.finditer(low):
        at = stop.start()
        if at < last_end:
            continue  # inside the last match, where a search of the text goes on after it
        found = pattern.match(text, at)
        if found is not None:
            last_end = found.end()
            yield found

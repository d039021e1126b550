"""Regular expressions for large word lists, built as tries.

Python's matcher tries each branch of an alternation in turn at every
position; a trie shares the common prefixes ("more", "most", "million"), so a
position that cannot start any word is rejected after one character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_pattern"]


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

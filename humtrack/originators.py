"""Who a figure comes from: the originator behind each claim, for independence counts.

Two sources that repeat one originator are one confirmation, not two. A claim's
originator is the party it is attributed to (``attributed_to``, compared without
case, a leading "the" or punctuation); a claim attributed to nobody is its own
source's. Claims that quote the same words (compared without case or spacing)
repeat one originator too: the named one among them whose name sorts first,
or, when none is named, the words themselves (one originator per repeated
quote), so that the result never depends on the order of the rows.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({
...     "source_id": ["s1", "s2", "s3", "s4"],
...     "attributed_to": ["the UN", "UN.", None, None],
...     "quote": ["200 killed", "over 200 killed", "Over 200  killed", "a new toll"],
... })
>>> originators(frame).tolist()
['un', 'un', 'un', 'source s4']
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

__all__ = ["originator_codes", "originators", "per_distinct"]


def per_distinct(values: pd.Series, normalise: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``normalise`` applied once per distinct value (repeated quotes and names are common)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    done = normalise(pd.Series(uniques, dtype=object)).to_numpy(dtype=object)
    out = np.full(len(codes), None, dtype=object)
    out[codes >= 0] = done[codes[codes >= 0]]
    return pd.Series(out, index=values.index, dtype=object)


def _names(who: pd.Series) -> pd.Series:
    return who.str.lower().str.replace(r"^the\s+|[.,]", "", regex=True).str.strip()


def _spacing_and_case(quotes: pd.Series) -> pd.Series:
    return pd.Series(
        [" ".join(q.lower().split()) for q in quotes], index=quotes.index, dtype=object
    )


def originator_codes(
    frame: pd.DataFrame, sources: tuple[np.ndarray, np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """An integer per originator for every row, and the originators' names by code.

    Works on integer codes throughout, so that counting independent originators
    over a million claims costs a few factorisations. ``sources`` may pass the
    factorised ``source_id`` column when the caller has it already.
    """
    raw_codes, raw_names = pd.factorize(frame["attributed_to"])
    normal = _names(pd.Series(np.asarray(raw_names, dtype=object), dtype=object))
    merged, who_names = pd.factorize(normal.replace("", None))
    # a name that normalises to nothing ("the") counts as no attribution
    who_codes = (
        np.where(raw_codes >= 0, merged[np.maximum(raw_codes, 0)], -1) if len(merged) else raw_codes
    )
    source_codes, source_names = (
        sources if sources is not None else pd.factorize(frame["source_id"].astype(object))
    )
    n_who = len(who_names)
    codes = np.where(who_codes >= 0, who_codes, n_who + np.maximum(source_codes, 0)).astype(
        np.int64
    )
    codes = np.where((who_codes < 0) & (source_codes < 0), n_who + len(source_names), codes)
    names = np.concatenate(
        [
            np.asarray(who_names, dtype=object),
            np.asarray(["source " + str(s) for s in source_names], dtype=object),
            np.asarray(["no source"], dtype=object),
        ]
    )
    quoted = frame["quote"].notna().to_numpy(dtype=bool)
    if quoted.any():
        # claims that share a quote word for word repeat one originator: the one whose name
        # sorts first among them, so that the order of the rows does not matter
        quote_codes, _ = pd.factorize(
            per_distinct(frame["quote"].astype(object)[quoted], _spacing_and_case)
        )
        rows = np.flatnonzero(quoted)
        # a named originator before a claim's own source, then by name
        fallback = np.arange(len(names)) >= n_who
        rank = np.argsort(np.lexsort((names.astype(str), fallback)), kind="stable")
        quoted_rank = rank[codes[rows]]
        best = pd.Series(quoted_rank).groupby(quote_codes).transform("min").to_numpy()
        by_rank = np.empty(len(rank), dtype=np.int64)
        by_rank[rank] = np.arange(len(rank))
        chosen = by_rank[best]
        # words repeated by several claims and named for nobody are their own originator,
        # one per quote: a source's name for them would merge unrelated quotes it shares
        shared = np.bincount(quote_codes)[quote_codes] > 1
        unnamed = (chosen >= n_who) & shared
        if unnamed.any():
            groups, first = np.unique(quote_codes[unnamed], return_index=True)
            witness = chosen[unnamed][first]
            extra = np.array(
                [f"the words first given by {names[w]}" for w in witness], dtype=object
            )
            position = np.searchsorted(groups, quote_codes[unnamed])
            chosen[unnamed] = len(names) + position
            names = np.concatenate([names, extra])
        codes[rows] = chosen
    return codes, names


def originators(frame: pd.DataFrame) -> pd.Series:
    """The originator of each row of a claims table (``source_id``, ``attributed_to``, ``quote``)."""
    codes, names = originator_codes(frame)
    return pd.Series(names[codes], index=frame.index, dtype=object)

"""Who a figure comes from: the originator behind each claim, for independence counts.

Two sources that repeat one originator are one confirmation, not two. A claim's
originator is the party it is attributed to (``attributed_to``, compared without
case, a leading "the" or punctuation); a claim attributed to nobody is its own
source's. Claims that quote the same words (compared without case or spacing)
repeat one originator too: the first such claim's.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({
...     "source_id": ["s1", "s2", "s3"],
...     "attributed_to": ["the UN", "UN.", None],
...     "quote": ["200 killed", "over 200 killed", "Over 200  killed"],
... })
>>> originators(frame).tolist()
['un', 'un', 'un']
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

__all__ = ["originators"]


def per_distinct(values: pd.Series, normalise: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``normalise`` applied once per distinct value (repeated quotes and names are common)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    done = normalise(pd.Series(uniques, dtype=object)).to_numpy(dtype=object)
    out = np.full(len(codes), None, dtype=object)
    out[codes >= 0] = done[codes[codes >= 0]]
    return pd.Series(out, index=values.index, dtype=object)


def originators(frame: pd.DataFrame) -> pd.Series:
    """The originator of each row of a claims table (``source_id``, ``attributed_to``, ``quote``)."""
    who = per_distinct(
        frame["attributed_to"].astype(object),
        lambda u: u.str.lower().str.replace(r"^the\s+|[.,]", "", regex=True).str.strip(),
    )
    quote = per_distinct(
        frame["quote"].astype(object),
        lambda u: u.str.lower().str.replace(r"\s+", " ", regex=True).str.strip(),
    )
    source = "source " + frame["source_id"].astype(object).fillna("(none)").astype(str)
    originator = who.where(who.notna() & (who != ""), source)
    # claims that share a quote word for word repeat one originator
    first_by_quote = originator.groupby(quote, sort=False).transform("first")
    return first_by_quote.where(quote.notna(), originator).astype(object)

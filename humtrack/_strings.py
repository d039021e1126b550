"""Fast whole-column text checks for the validation hot path.

Stripping a million Python strings one by one is the slowest part of
validating a clean table. Most columns need no stripping at all, and that can
be told in one pass: join the column with a separator and let one regular
expression look for whitespace or emptiness next to a separator.
"""

from __future__ import annotations

import re
from typing import Final

import numpy as np
import pandas as pd

__all__ = ["needs_trim", "not_blank", "rows_containing", "trim"]

_SEPARATOR: Final = "\x00"
#: A separator followed by whitespace or by another separator (an empty value). Searched in
#: the joined text and in its reverse, so that the pattern starts with a literal and the
#: search can skip ahead.
_UNTRIMMED: Final = re.compile(r"\x00[\s\x00]")


def needs_trim(series: pd.Series) -> bool:
    """True when some present value of a text column is blank or has surrounding whitespace."""
    values = np.asarray(series.array)
    missing = series.isna().to_numpy(dtype=bool)
    present = values[~missing] if missing.any() else values
    if len(present) == 0:
        return False
    try:
        joined = _SEPARATOR + _SEPARATOR.join(present) + _SEPARATOR
    except TypeError:  # not all text: let the caller's full path decide
        return True
    if joined.count(_SEPARATOR) != len(present) + 1:
        return True  # a value holds the separator itself: no shortcut
    return _UNTRIMMED.search(joined) is not None or _UNTRIMMED.search(joined[::-1]) is not None


def trim(series: pd.Series) -> pd.Series:
    """Strip surrounding whitespace; blank values become missing. Unchanged when nothing to do."""
    if not needs_trim(series):
        return series
    stripped = series.str.strip()
    return stripped.mask(stripped == "")


def not_blank(series: pd.Series) -> pd.Series:
    """Element-wise: the value is missing or has a non-space character."""
    if not needs_trim(series):
        return pd.Series(np.ones(len(series), dtype=bool), index=series.index)
    ok: pd.Series = series.isna() | (series.str.strip() != "")
    return ok


def rows_containing(series: pd.Series, words: tuple[str, ...]) -> np.ndarray:
    """Element-wise: does the value contain one of ``words`` (ASCII, any case; missing: no)?

    The column is joined once and encoded; each word is then found with the byte
    search built into Python, occurrence by occurrence, and given to its row by
    the positions of the separators.
    """
    values = np.asarray(series.array, dtype=object)
    missing = series.isna().to_numpy(dtype=bool)
    texts = np.where(missing, "", values)
    try:
        joined = _SEPARATOR.join(texts)
        try:
            data = joined.encode("utf-8").lower()
        except UnicodeEncodeError:  # lone surrogates
            data = joined.encode("utf-8", "surrogatepass").lower()
    except TypeError:
        lowered = [str(v).lower() for v in texts]
        return np.array([any(w in t for w in words) for t in lowered], dtype=bool)
    separators = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 0)
    if len(separators) != len(texts) - 1:  # a value holds the separator itself
        lowered = [str(v).lower() for v in texts]
        return np.array([any(w in t for w in words) for t in lowered], dtype=bool)
    hits: list[int] = []
    for word in words:
        needle = word.lower().encode("ascii")
        at = data.find(needle)
        while at >= 0:
            hits.append(at)
            at = data.find(needle, at + 1)
    out = np.zeros(len(texts), dtype=bool)
    if hits:
        out[np.searchsorted(separators, np.asarray(hits, dtype=np.int64), side="left")] = True
    out &= ~missing
    return out

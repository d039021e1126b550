"""Provenance rules (P): the claim against its source text and its own quote.

The quote rules (P003, P004, P005) run over whole columns: numpy's string
functions find each row's value, written in digits, in its quote, and read
the qualifier words just before it. Only the quotes they cannot settle (number
words, scale words, decimal commas, ranges, vague words) are read one by one
with the extractor's number reader.
"""

from __future__ import annotations

import math
import re
from typing import Final

import numpy as np
import pandas as pd

from humtrack._strings import rows_containing
from humtrack.checks._found import found, none_found
from humtrack.checks.context import Context
from humtrack.checks.rules import register
from humtrack.estimate import Estimate
from humtrack.extract.mentions import find_mentions
from humtrack.vocab import QUALIFIER_PHRASES

__all__: list[str] = []

_S: Final = np.dtypes.StringDType()
_SEPARATORS: Final = (",", "\u00a0", "\u202f", "\u2009")
#: Qualifier phrases, longest first, as they may end the text before a number.
_PHRASES: Final = sorted(QUALIFIER_PHRASES.items(), key=lambda kv: -len(kv[0]))
_PHRASES_BY_LAST_WORD: Final = {
    last: [(p, q) for p, q in _PHRASES if p.split()[-1] == last]
    for last in {p.split()[-1] for p, _ in _PHRASES if p[0].isalpha()}
}
_BOUNDED: Final = frozenset({"more_than", "at_least", "at_most", "less_than"})
_HOUSEHOLDS: Final = re.compile(
    r"\d[\d,.\u00a0\u202f ]*\s+(?:[\w’'-]+\s+){0,2}?(?:households?|famil(?:y|ies))\b", re.IGNORECASE
)


# -- P001, P002, P008: the source text -----------------------------------------------------


@register("P001")
def _source_changed(ctx: Context) -> pd.DataFrame:
    if ctx.sources is None or not ctx.texts:
        return none_found()
    recorded = dict(
        zip(
            ctx.sources["source_id"].astype(object),
            ctx.sources["sha256"].astype(object),
            strict=True,
        )
    )
    first_row = ctx.claims.reset_index().groupby("source_id", observed=True)["index"].first()
    rows: list[list[int]] = []
    messages: list[str] = []
    ids: list[str] = []
    for sid, (_text, digest, _why) in sorted(ctx.texts.items()):
        want = recorded.get(sid)
        if digest is None or want is None or pd.isna(want) or digest == want:
            continue
        rows.append([int(first_row[sid])] if sid in first_row.index else [])
        ids.append(sid)
        messages.append(
            f"source {sid}: the text hashes to {digest[:12]}…, but the sources table records "
            f"{str(want)[:12]}…: it changed after the claims were recorded"
        )
    return found(rows, messages, source_ids=ids)


@register("P008")
def _text_unavailable(ctx: Context) -> pd.DataFrame:
    if ctx.sources is None and not ctx.texts_given:
        return none_found()
    rows: list[list[int]] = []
    messages: list[str] = []
    ids: list[str] = []
    for sid, (text, _digest, why) in sorted(ctx.texts.items()):
        if text is None:
            rows.append([])
            ids.append(sid)
            messages.append(f"source {sid}: text not checked ({why})")
    return found(rows, messages, source_ids=ids)


def _nearest(text: str, quote: str, start: int) -> int:
    """Offset of the occurrence of ``quote`` nearest ``start``, or -1."""
    best, at = -1, text.find(quote)
    while at >= 0:
        if best < 0 or abs(at - start) < abs(best - start):
            best = at
        at = text.find(quote, at + 1)
    return best


@register("P002")
def _quote_not_at_offsets(ctx: Context) -> pd.DataFrame:
    if ctx.sources is None and not ctx.texts_given:
        return none_found()
    c = ctx.claims
    has = (c["quote"].notna() & c["quote_start"].notna() & c["source_id"].notna()).to_numpy()
    rows_idx = np.flatnonzero(has)
    if not len(rows_idx):
        return none_found()
    sids = c["source_id"].astype(object).to_numpy()
    quotes = c["quote"].astype(object).to_numpy()
    starts = c["quote_start"].to_numpy(dtype=float, na_value=np.nan)
    ends = c["quote_end"].to_numpy(dtype=float, na_value=np.nan)
    rows, messages = [], []
    for i in rows_idx:  # one comparison per quote whose text is at hand
        text = ctx.texts.get(str(sids[i]), (None, None, ""))[0]
        if text is None:
            continue
        s, e, q = int(starts[i]), int(ends[i]), str(quotes[i])
        if text[s:e] == q:
            continue
        at = _nearest(text, q, s)
        where = f"it is at {at}-{at + len(q)}" if at >= 0 else "it occurs nowhere in the text"
        rows.append([int(i)])
        messages.append(
            f"claim {ctx.cell(i, 'claim_id')}: the quote {_short(q)!r} is not at {s}-{e} of source "
            f"{sids[i]}; {where}"
        )
    return found(rows, messages)


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# -- P003, P004: the number and qualifier written in the quote ----------------------------


def _digits(values: np.ndarray) -> np.ndarray:
    """Whole numbers written in plain digits ("200000"); others get a needle found nowhere."""
    whole = np.isfinite(values) & (values >= 0) & (values < 1e18) & (values % 1 == 0)
    needles = np.where(whole, values, 0).astype(np.int64).astype(_S)
    return np.where(whole, needles, np.array("\x00", dtype=_S))


def _found_at(quotes: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Where each value, in plain digits, stands alone in its normalised quote (-1: nowhere)."""
    needles = _digits(values)
    pos = np.strings.find(quotes, needles)
    ok = pos >= 0
    length = np.strings.str_len(needles)
    p = np.where(ok, pos, 0)
    before = np.strings.slice(quotes, np.maximum(p - 1, 0), p)
    after = np.strings.slice(quotes, p + length, p + length + 1)
    alone = ~np.strings.isdigit(before) & ~np.strings.isdigit(after)
    alone &= ~((before == ".") & (p > 0)) & ~np.strings.startswith(after, ".")
    # "3.2 million" must not pass as 3: a scale word right after the digits changes the number
    after_word = np.strings.lstrip(np.strings.slice(quotes, p + length, p + length + 9))
    scaled = np.zeros(len(quotes), dtype=bool)
    for word in ("million", "billion", "thousand", "bn", "m ", "k "):
        scaled |= np.strings.startswith(after_word, word)
    return np.where(ok & alone & ~scaled, pos, -1)


def _qualifier_before(quotes: np.ndarray, pos: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The qualifier the words right before (or a "+" right after) the number say."""
    p = np.maximum(pos, 0)
    before = np.strings.lower(np.strings.rstrip(np.strings.slice(quotes, np.maximum(p - 30, 0), p)))
    padded = np.strings.add(np.array(" ", dtype=_S), before)
    qual = np.full(len(quotes), "exact", dtype=object)
    # group the phrases by their last word, and test each row only against its own last word's
    last_word = np.strings.rpartition(padded, np.array(" ", dtype=_S))[2]
    for word, phrases in _PHRASES_BY_LAST_WORD.items():
        rows = np.flatnonzero(last_word == word)
        if not len(rows):
            continue
        settled = np.zeros(len(rows), dtype=bool)
        for phrase, q in phrases:  # longest first
            hit = ~settled & np.strings.endswith(padded[rows], " " + phrase)
            qual[rows[hit]] = q
            settled |= hit
    tilde = np.strings.endswith(before, "~")
    qual[tilde & (qual == "exact")] = "approx"
    length = np.strings.str_len(_digits(values))
    plus = np.strings.slice(quotes, p + length, p + length + 1) == "+"
    qual[(qual == "exact") & plus] = "at_least"  # "200,000+", as Estimate.parse reads it
    return qual


def _normalised(quotes: pd.Series) -> np.ndarray:
    """The quotes with thousands separators removed ("200,000" reads "200000")."""
    q = quotes.astype(object).where(quotes.notna(), "").to_numpy()
    joined = "\x00".join(q)
    if joined.count("\x00") != max(len(q) - 1, 0):  # a quote holds the separator itself
        arr = q.astype(_S)
        for sep in _SEPARATORS:
            arr = np.strings.replace(arr, sep, "")
        return arr
    for sep in _SEPARATORS:
        joined = joined.replace(sep, "")
    return np.array(joined.split("\x00") if len(q) else [], dtype=_S)


def _read_slowly(quote: str) -> list[Estimate]:
    """Every figure the extractor's number reader finds in a quote."""
    out = []
    for m in find_mentions(quote, []):
        e = m.estimate(quote)
        if e is not None:
            out.append(e)
    return out


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None or (isinstance(b, float) and math.isnan(b)):
        return False
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _matches(e: Estimate, value: float, lower: float, upper: float, qualifier: str) -> bool:
    if qualifier == "range":
        return _same(e.lower, lower) and _same(e.upper, upper)
    return any(_same(x, value) for x in (e.value, e.lower, e.upper)) or (
        e.qualifier == "range" and (_same(e.lower, lower) or _same(e.upper, upper))
    )


class _QuoteReading:
    """For every claim with a quote: is its value written there, and with which qualifier."""

    def __init__(self, ctx: Context) -> None:
        c = ctx.claims
        self.rows = np.flatnonzero(c["quote"].notna().to_numpy())
        sub = c.iloc[self.rows]
        quotes = _normalised(sub["quote"])
        q = sub["qualifier"].astype(object).to_numpy()
        value = sub["value"].to_numpy(dtype=float)
        lower = sub["lower"].to_numpy(dtype=float, na_value=np.nan)
        upper = sub["upper"].to_numpy(dtype=float, na_value=np.nan)
        fast = ~np.isin(q, ["range", "vague"])
        pos = np.where(fast, _found_at(quotes, np.where(fast, value, np.nan)), -1)
        self.stated = pos >= 0
        self.quote_qualifier = _qualifier_before(quotes, pos, value)
        self.quote_qualifier[~self.stated] = None
        # the rest, one by one: number words, scale words, ranges, vague words, odd separators
        raw = sub["quote"].astype(object).to_numpy()
        for k in np.flatnonzero(~self.stated):
            for e in _read_slowly(str(raw[k])):
                if _matches(e, value[k], lower[k], upper[k], q[k]):
                    self.stated[k] = True
                    self.quote_qualifier[k] = e.qualifier
                    break
        self.recorded_qualifier = q
        self.value = value


def _reading(ctx: Context) -> _QuoteReading:
    cached = ctx.__dict__.get("_quote_reading")
    if cached is None:
        cached = _QuoteReading(ctx)
        ctx.__dict__["_quote_reading"] = cached
    assert isinstance(cached, _QuoteReading)
    return cached


@register("P003")
def _number_not_in_quote(ctx: Context) -> pd.DataFrame:
    r = _reading(ctx)
    bad = r.rows[~r.stated]
    c = ctx.claims
    messages = [
        f"claim {ctx.cell(i, 'claim_id')}: the quote {_short(str(ctx.cell(i, 'quote')))!r} does not state "
        f"the recorded {ctx.figure(int(i))}"
        for i in bad
    ]
    return found([[int(i)] for i in bad], messages, value=c["value"].to_numpy()[bad])


@register("P004")
def _qualifier_not_in_quote(ctx: Context) -> pd.DataFrame:
    r = _reading(ctx)
    quoted, recorded = r.quote_qualifier, r.recorded_qualifier
    differs = r.stated & (quoted != recorded)
    # an approximate figure may be written without "about": rounding is the analyst's call
    differs &= ~((quoted == "exact") & (recorded == "approx"))
    differs &= ~np.isin(recorded, ["range", "vague"]) | (quoted != "exact")
    bad = np.flatnonzero(differs)
    rows, messages = [], []
    for k in bad:
        i = int(r.rows[k])
        said = "no qualifier" if quoted[k] == "exact" else f"qualifier {quoted[k]}"
        rows.append([i])
        messages.append(
            f"claim {ctx.cell(i, 'claim_id')}: the quote {_short(str(ctx.cell(i, 'quote')))!r} says {said}, "
            f"but the claim records {recorded[k]}"
        )
    return found(rows, messages, value=r.value[bad])


@register("P005")
def _households_as_people(ctx: Context) -> pd.DataFrame:
    c = ctx.claims
    person = (c["unit"].astype(object) == "person").to_numpy()
    # a cheap whole-column filter first, then the exact pattern on the few that pass
    maybe = np.flatnonzero(person & rows_containing(c["quote"], ("household", "famil")))
    quotes = c["quote"].astype(object).to_numpy()
    bad = [int(i) for i in maybe if _HOUSEHOLDS.search(str(quotes[i]))]
    messages = [
        f"claim {ctx.cell(i, 'claim_id')}: the quote {_short(str(quotes[i]))!r} counts households or "
        "families, but the unit is person"
        for i in bad
    ]
    return found([[i] for i in bad], messages, value=c["value"].to_numpy()[bad])


@register("P006")
def _no_quote(ctx: Context) -> pd.DataFrame:
    c = ctx.claims
    bad = np.flatnonzero(c["quote"].isna().to_numpy())
    ids = c["claim_id"].astype(object).to_numpy()[bad]
    return found(
        [[int(i)] for i in bad],
        [f"claim {i}: no quote; the figure cannot be traced to its words" for i in ids],
    )


@register("P007")
def _no_source(ctx: Context) -> pd.DataFrame:
    c = ctx.claims
    missing = c["source_id"].isna().to_numpy()
    unlisted = np.zeros(ctx.n, dtype=bool)
    if ctx.sources is not None:
        unlisted = ~missing & ~ctx.source_rows["listed"].to_numpy(dtype=bool)
    bad = np.flatnonzero(missing | unlisted)
    ids = c["claim_id"].astype(object).to_numpy()
    sids = c["source_id"].astype(object).to_numpy()
    messages = [
        f"claim {ids[i]}: no source_id"
        if missing[i]
        else f"claim {ids[i]}: source {sids[i]} is not in the sources table"
        for i in bad
    ]
    return found([[int(i)] for i in bad], messages)

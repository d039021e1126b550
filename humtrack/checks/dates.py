"""Date rules (D): periods against publication and against the dates the quote gives."""

from __future__ import annotations

import re
from datetime import date
from typing import Final

import numpy as np
import pandas as pd

from humtrack._strings import rows_containing
from humtrack.checks._found import found, none_found
from humtrack.checks.context import Context
from humtrack.checks.rules import register
from humtrack.extract.dates import find_dates

__all__: list[str] = []

_S: Final = np.dtypes.StringDType()
_MONTH_WORDS: Final = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
_DAY_WORDS: Final = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\b(?!\d)|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|today|yesterday|week)",
    re.IGNORECASE,
)
_MONTH_NAME: Final = re.compile(r"\b(?:" + "|".join(_MONTH_WORDS) + r")", re.IGNORECASE)
_RANK: Final = {"day": 0, "month": 1, "year": 2}


def _day(ts: object) -> date | None:
    if ts is None or pd.isna(ts):  # type: ignore[call-overload]
        return None
    assert isinstance(ts, pd.Timestamp)
    return ts.date()


@register("D001")
def _flow_after_publication(ctx: Context) -> pd.DataFrame:
    return _after_publication(ctx, "flow")


@register("D002")
def _stock_after_publication(ctx: Context) -> pd.DataFrame:
    return _after_publication(ctx, "stock")


def _after_publication(ctx: Context, kind: str) -> pd.DataFrame:
    c = ctx.claims
    limit = ctx.published_end
    late = (c["kind"].astype(object) == kind).to_numpy() & (c["period_end"] > limit).fillna(
        False
    ).to_numpy(dtype=bool)
    bad = np.flatnonzero(late)
    published = ctx.source_rows["published"]
    precision = ctx.source_rows["published_precision"]
    what = (
        "it counts events that had not happened yet"
        if kind == "flow"
        else "a forecast, to be reported as one"
    )
    messages = []
    for i in bad:
        p = published.iloc[i]
        when = (
            p.strftime("%Y-%m-%d")
            if precision.iloc[i] in (None, "day")
            else (p.strftime("%Y-%m") if precision.iloc[i] == "month" else p.strftime("%Y"))
        )
        messages.append(
            f"{ctx.describe(int(i))}, but source {ctx.cell(i, 'source_id')} was published {when}: {what}"
        )
    return found(
        [[int(i)] for i in bad],
        messages,
        value=c["value"].to_numpy()[bad],
    )


def _reference_day(ctx: Context, i: int) -> date | None:
    end = ctx.published_end.iloc[i]
    if pd.isna(end):
        end = ctx.claims.at[i, "period_end"]
    return _day(end)


def _quotes_containing(ctx: Context, words: tuple[str, ...]) -> np.ndarray:
    rows: np.ndarray = np.flatnonzero(rows_containing(ctx.claims["quote"], words))
    return rows


@register("D003")
def _start_before_since(ctx: Context) -> pd.DataFrame:
    rows, messages, values = [], [], []
    for i in _quotes_containing(ctx, ("since",)):
        start = _day(ctx.cell(i, "period_start"))
        if start is None:
            continue
        quote = str(ctx.cell(i, "quote"))
        since = [
            d
            for d in find_dates(quote, _reference_day(ctx, int(i)))
            if d.role == "since" and d.start is not None
        ]
        if not since:
            continue
        first = min(since, key=lambda d: d.start or date.max)
        assert first.start is not None
        if start < first.start:
            words = quote[first.start_offset : first.end_offset]
            rows.append([int(i)])
            values.append(float(ctx.cell(i, "value")))
            messages.append(
                f"claim {ctx.cell(i, 'claim_id')}: the quote counts '{words}' ({first.start}), but the "
                f"period starts {start}: it claims events the source does not count"
            )
    return found(rows, messages, value=values)


def _precision_of(words: str) -> str:
    if _DAY_WORDS.search(words):
        return "day"
    if _MONTH_NAME.search(words):
        return "month"
    return "year"


def _period_precision(start: date, end: date) -> str:
    if start.day == 1 and start.month == 1 and end.month == 12 and end.day == 31:
        return "year" if start.year == end.year else "day"
    next_day = end + pd.Timedelta(days=1)
    if start.day == 1 and next_day.day == 1 and (start.year, start.month) == (end.year, end.month):
        return "month"
    return "day"


@register("D004")
def _finer_than_text(ctx: Context) -> pd.DataFrame:
    # month and day words, and a year after the words that introduce one ("in 2019")
    years = tuple(
        f"{w} {c}" for w in ("in", "of", "since", "during", "until") for c in ("19", "20")
    )
    words = (*_MONTH_WORDS, "day", "week", "month", *years)
    rows, messages, values = [], [], []
    for i in _quotes_containing(ctx, words):
        start, end = _day(ctx.cell(i, "period_start")), _day(ctx.cell(i, "period_end"))
        if start is None or end is None:
            continue
        quote = str(ctx.cell(i, "quote"))
        expressions = [
            d
            for d in find_dates(quote, _reference_day(ctx, int(i)))
            if d.role in {"point", "window", "since", "by"}
        ]
        if not expressions:
            continue
        finest = min(
            (_precision_of(quote[d.start_offset : d.end_offset]) for d in expressions),
            key=_RANK.__getitem__,
        )
        recorded = _period_precision(start, end)
        if _RANK[recorded] < _RANK[finest]:
            rows.append([int(i)])
            values.append(float(ctx.cell(i, "value")))
            said = ", ".join(f"'{quote[d.start_offset : d.end_offset]}'" for d in expressions)
            messages.append(
                f"claim {ctx.cell(i, 'claim_id')}: the period {ctx.period(int(i))} is given to the "
                f"{recorded}, but the quote only says {said} (to the {finest})"
            )
    if not rows:
        return none_found()
    return found(rows, messages, value=values)

"""Figures on a calendar: flows spread over the periods they cover, stocks carried forward.

:func:`timeseries` first triangulates the claims (one figure per quantity),
then, for each series (metric, group, kind, unit, subject of "other" and
place), puts the figures on calendar periods of the chosen frequency:

- a flow is spread evenly over the days of its window: a calendar period
  gets the share of the flow's days that fall in it (a count of 300 over 30
  days gives 100 to each 10 days), bounds included; an open upper bound stays
  open in every period it touches. Flows of one series whose windows share
  days would be counted twice and raise :class:`~humtrack.errors.AggregationError`
  unless ``resolve`` says which to keep (as in :func:`total`). A flow with no
  start cannot be spread: it comes out on a row of its own, with no period
  start and ``spread`` False, so that nothing is lost;
- a stock is carried forward: each calendar period gets the last figure known
  on or before its last day, with its ``age_days`` (how old the figure is at
  the end of the period); periods before the first figure get nothing.

Spreading evenly is an assumption: a toll reported for a month may have
happened in one day. The bounds say how large the figure is, not when.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from humtrack._groups import group_codes
from humtrack.aggregate.totals import _days, _items, _resolve
from humtrack.aggregate.triangulation import QUANTITY
from humtrack.errors import UsageError
from humtrack.tables import ClaimsLike, SourcesLike

__all__ = ["SERIES", "TIMESERIES_COLUMNS", "timeseries"]

#: The columns that name a series (a quantity without its period).
SERIES: Final = tuple(k for k in QUANTITY if k not in ("period_start", "period_end"))
#: The columns :func:`timeseries` returns after the series columns.
TIMESERIES_COLUMNS: Final = (
    "period_start",
    "period_end",
    "lower",
    "upper",
    "central",
    "n_quantities",
    "spread",
    "age_days",
    "claim_ids",
    "left_out",
)


_DAY_NANOS: Final = 86_400 * 10**9


def _calendar(
    first: np.datetime64, last: np.datetime64, freq: str
) -> tuple[np.ndarray, np.ndarray]:
    """First and last days of the calendar periods that cover first..last."""
    try:
        offset = pd.tseries.frequencies.to_offset(freq)
    except ValueError as error:
        raise UsageError(
            f"unknown frequency {freq!r}: use a pandas offset such as MS, W-MON, D"
        ) from error
    probe = pd.Timestamp("2020-01-06")  # a Monday at midnight
    if (isinstance(offset, pd.offsets.Tick) and offset.nanos % _DAY_NANOS) or (
        probe + offset != (probe + offset).normalize()  # business hours ("bh") and the like
    ):
        raise UsageError(
            f"frequency {freq!r} cuts days into parts; periods are whole days: use D or a "
            "longer frequency (W-MON, MS, QS, YS)"
        )
    if offset.rule_code.endswith("E") or "E-" in offset.rule_code:
        raise UsageError(
            f"frequency {freq!r} marks the ends of periods; use the start form "
            "(MS, QS, YS) so that each period starts on its first day"
        )
    start = offset.rollback(pd.Timestamp(first))
    starts = pd.date_range(start, pd.Timestamp(last), freq=offset)
    bounds = pd.date_range(starts[0], periods=len(starts) + 1, freq=offset)
    begin = bounds[:-1].to_numpy().astype("datetime64[D]")
    return begin, bounds[1:].to_numpy().astype("datetime64[D]") - np.timedelta64(1, "D")


def timeseries(
    claims: ClaimsLike | pd.DataFrame,
    *,
    freq: str = "MS",
    resolve: str | None = None,
    sources: SourcesLike | None = None,
) -> pd.DataFrame:
    """Put figures on calendar periods: flows spread over their days, stocks carried forward.

    Parameters
    ----------
    claims
        Claims (a :class:`ClaimSet`, a DataFrame or a path) or a table from
        :func:`triangulate`.
    freq
        The calendar periods, as a pandas frequency that starts periods:
        ``"MS"`` months (the default), ``"W-MON"`` weeks from Monday, ``"D"``
        days, ``"QS"`` quarters, ``"YS"`` years.
    resolve
        For flows whose windows share days: ``None`` (raise), ``"widest"`` or
        ``"narrowest"``, as in :func:`total`.
    sources
        The sources table, passed to :func:`triangulate`.

    Returns
    -------
    pandas.DataFrame
        The series columns, then ``period_start`` and ``period_end`` (the
        calendar period), ``lower``, ``upper`` and ``central`` (the figure
        for that period), ``n_quantities`` (how many figures contribute),
        ``spread`` (True for shares of spread flows; False for stocks and
        for flows with no start, which are left whole),
        ``age_days`` (stocks: days from the figure's date to the period's
        end), ``claim_ids`` and ``left_out`` (the claims of the series that
        ``resolve`` set aside). Sorted by series and period.

    Examples
    --------
    >>> import pandas as pd, humtrack as ht
    >>> claims = pd.DataFrame({
    ...     "claim_id": ["a"], "metric": "killed", "kind": "flow", "value": [300.0],
    ...     "lower": [300.0], "upper": [300.0], "qualifier": "exact", "precision": 1.0,
    ...     "location_code": "SY07", "period_start": pd.Timestamp("2019-04-21"),
    ...     "period_end": pd.Timestamp("2019-05-20"),
    ... })
    >>> series = ht.timeseries(claims, freq="MS")
    >>> series[["period_start", "central"]].to_string(index=False)
    'period_start  central\\n  2019-04-01    100.0\\n  2019-05-01    200.0'
    """
    items = _items(claims, sources)
    if items.empty:
        return _empty(items)
    flows = (items["kind"] == "flow").to_numpy(dtype=bool)
    parts = []
    if flows.any():
        parts.append(_flows(items[flows].reset_index(drop=True), freq, resolve))
    if (~flows).any():
        parts.append(_stocks(items[~flows].reset_index(drop=True), freq))
    out = pd.concat(parts, ignore_index=True)
    out = out.sort_values([*SERIES, "period_start"], kind="stable", na_position="last")
    return out.reset_index(drop=True)


def _empty(items: pd.DataFrame) -> pd.DataFrame:
    out = items.iloc[:0][list(SERIES)].copy()
    for name in TIMESERIES_COLUMNS:
        out[name] = pd.Series(dtype=object)
    return out


def _flows(items: pd.DataFrame, freq: str, resolve: str | None) -> pd.DataFrame:
    series, n_series = group_codes(items, list(SERIES))
    s, e = _days(items)
    # a flow with no start may reach back to any day, so it takes part in the overlap
    # rules like any other; if it survives, it is kept whole rather than spread
    work = pd.DataFrame(
        {
            "total": series,
            "code": "",  # the series already keeps places apart: only periods can overlap
            "s": s,
            "e": e,
            "item": np.arange(len(items)),
            "claim_ids": items["claim_ids"].astype(object),
        }
    )
    left_out = _resolve(work, resolve)
    # every row of a series says which of its claims a resolution set aside
    aside: list[list[str]] = [[] for _ in range(n_series)]
    for sid, ids in zip(series[left_out].tolist(), items["claim_ids"][left_out], strict=True):
        aside[sid].extend(str(ids).split(", "))
    label = np.array([", ".join(sorted(a)) or None for a in aside], dtype=object)
    items = items.assign(left_out=label[series])
    kept = ~left_out
    dated = np.isfinite(s) & kept
    undated = items[~np.isfinite(s) & kept]
    rows = []
    if dated.any():
        rows.append(_spread(items[dated].reset_index(drop=True), s[dated], e[dated], freq))
    if len(undated):
        rows.append(
            undated[list(SERIES)]
            .assign(
                period_start=pd.NaT,
                period_end=undated["period_end"],
                lower=undated["lower"],
                upper=undated["upper"],
                central=undated["central"],
                n_quantities=1,
                spread=False,
                age_days=np.nan,
                claim_ids=undated["claim_ids"],
                left_out=undated["left_out"],
            )
            .reset_index(drop=True)
        )
    return pd.concat(rows, ignore_index=True)


def _spread(items: pd.DataFrame, s: np.ndarray, e: np.ndarray, freq: str) -> pd.DataFrame:
    """Each dated flow cut at the calendar's period boundaries, then added up per period."""
    begin, finish = _calendar(
        items["period_start"].min().to_datetime64(), items["period_end"].max().to_datetime64(), freq
    )
    bin_start = begin.astype(np.int64).astype(float)
    bin_end = finish.astype(np.int64).astype(float)
    first = np.searchsorted(bin_start, s, side="right") - 1
    last = np.searchsorted(bin_start, e, side="right") - 1
    count = last - first + 1
    item = np.repeat(np.arange(len(items)), count)
    b = np.repeat(first, count) + (
        np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    )
    days = np.minimum(e[item], bin_end[b]) - np.maximum(s[item], bin_start[b]) + 1
    share = days / (e[item] - s[item] + 1)
    lower = items["lower"].to_numpy(dtype=float)[item] * share
    upper = items["upper"].to_numpy(dtype=float)[item] * share
    central = items["central"].to_numpy(dtype=float)[item] * share
    series, _ = group_codes(items, list(SERIES))
    pieces = pd.DataFrame(
        {
            "series": series[item],
            "bin": b,
            "item": item,
            "lower": lower,
            "upper": upper,
            "central": central,
            "claim_ids": items["claim_ids"].astype(object).to_numpy()[item],
        }
    )
    grouped = pieces.groupby(["series", "bin"], sort=True)
    sums = grouped[["lower", "upper", "central"]].sum()
    firsts = grouped["item"].first().to_numpy()
    ids = grouped["claim_ids"].agg(lambda x: ", ".join(sorted(", ".join(x).split(", "))))
    out = items.iloc[firsts][list(SERIES)].reset_index(drop=True)
    bins_used = sums.index.get_level_values("bin").to_numpy()
    out["period_start"] = begin[bins_used].astype("datetime64[s]")
    out["period_end"] = finish[bins_used].astype("datetime64[s]")
    out["lower"] = sums["lower"].to_numpy()
    out["upper"] = sums["upper"].to_numpy()
    out["central"] = sums["central"].to_numpy()
    out["n_quantities"] = grouped.size().to_numpy()
    out["spread"] = True
    out["age_days"] = np.nan
    out["claim_ids"] = ids.to_numpy(dtype=object)
    out["left_out"] = items["left_out"].to_numpy(dtype=object)[firsts]
    return out


def _stocks(items: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Each series' last known stock at the end of each calendar period, from its first
    figure to the period of its last one (a grid per series, not series x calendar)."""
    series, n_series = group_codes(items, list(SERIES))
    day = items["period_end"].to_numpy().astype("datetime64[D]")
    begin, finish = _calendar(day.min(), day.max(), freq)
    known = pd.DataFrame({"series": series, "day": day, "item": np.arange(len(items))})
    span = known.groupby("series")["day"].agg(["min", "max"])
    first_bin = np.searchsorted(begin, span["min"].to_numpy(), side="right") - 1
    last_bin = np.searchsorted(begin, span["max"].to_numpy(), side="right") - 1
    count = last_bin - first_bin + 1
    grid_series = np.repeat(np.arange(n_series), count)
    offset = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    grid = pd.DataFrame({"series": grid_series, "bin": np.repeat(first_bin, count) + offset})
    grid["day"] = finish[grid["bin"].to_numpy()]
    grid = grid.sort_values("day", kind="stable")
    known = known.sort_values(["day", "item"], kind="stable")
    matched = pd.merge_asof(grid, known, on="day", by="series", direction="backward")
    matched = matched.sort_values(["series", "bin"], kind="stable")
    at = matched["item"].to_numpy(dtype=np.int64)
    out = items.iloc[at][list(SERIES)].reset_index(drop=True)
    out["period_start"] = begin[matched["bin"].to_numpy()].astype("datetime64[s]")
    out["period_end"] = matched["day"].to_numpy().astype("datetime64[s]")
    for column in ("lower", "upper", "central"):
        out[column] = items[column].to_numpy(dtype=float)[at]
    out["n_quantities"] = 1
    out["spread"] = False
    out["age_days"] = (matched["day"].to_numpy() - day[at]).astype("timedelta64[D]").astype(float)
    out["claim_ids"] = items["claim_ids"].astype(object).to_numpy()[at]
    out["left_out"] = None
    return out

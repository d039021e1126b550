"""Totals that keep their bounds and never count people twice.

:func:`total` first triangulates the claims, so that several claims about one
quantity count once (with the hull of their effective intervals and the median
of their values), then adds the quantities up across places, periods or both,
under the rules of stocks and flows:

- flows add over disjoint places and disjoint periods;
- stocks add over disjoint places at one instant, never over time;
- a stock never adds to a flow, nor one metric, group or unit to another (each
  total is for one metric, group, kind, unit and, for metric "other", subject).

Places are disjoint unless one p-code is a prefix of the other (SY07 Idlib is
inside SY); periods are disjoint unless their inclusive windows share a day (a
flow with an unknown start may reach back to any day). Figures that are not
disjoint raise :class:`~humtrack.errors.AggregationError` naming the claims,
unless ``resolve`` says what to keep:

- ``"widest"``: of two figures where one's place and period contain the
  other's, keep the containing one (the whole country, the whole month);
- ``"narrowest"``: keep the contained ones (the governorates, the weeks).

Figures that overlap without one containing the other (1-15 May and 10-31 May)
cannot be resolved either way and still raise.

Bounds add as intervals: the lower bounds add up, the upper bounds add up, and
one open upper bound ("more than 200") leaves the total open.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np
import pandas as pd

from humtrack._groups import group_codes
from humtrack.aggregate.triangulation import QUANTITY, TRIANGULATED_COLUMNS, triangulate
from humtrack.errors import AggregationError, UsageError
from humtrack.tables import ClaimsLike, SourcesLike

__all__ = ["RESOLUTIONS", "TOTAL_COLUMNS", "total"]

#: What ``resolve`` accepts.
RESOLUTIONS: Final = ("widest", "narrowest")
#: The columns :func:`total` adds after the columns it keeps.
TOTAL_COLUMNS: Final = (
    "n_quantities",
    "n_claims",
    "lower",
    "upper",
    "central",
    "claim_ids",
    "left_out",
)
_OVER: Final = {"location": ("location_code",), "period": ("period_start", "period_end")}


def _over(over: Sequence[str] | str) -> list[str]:
    chosen = [over] if isinstance(over, str) else list(over)
    unknown = [o for o in chosen if o not in _OVER]
    if unknown or not chosen:
        raise UsageError(
            f"total over {', '.join(map(repr, chosen)) or 'nothing'}: "
            "choose 'location', 'period' or both"
        )
    return chosen


def _items(claims: ClaimsLike | pd.DataFrame, sources: SourcesLike | None) -> pd.DataFrame:
    """One row per quantity: the triangulated table (made here from claims if need be)."""
    if isinstance(claims, pd.DataFrame) and all(c in claims.columns for c in TRIANGULATED_COLUMNS):
        missing = [k for k in QUANTITY if k not in claims.columns]
        if missing:
            raise UsageError(
                "a triangulated table made with by=[...] lacks "
                f"{', '.join(missing)}; triangulate with the default grouping to total it"
            )
        return claims.reset_index(drop=True)
    return triangulate(claims, sources=sources)


def _days(items: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each item's period as float day numbers; an unknown start reaches back forever."""
    start = items["period_start"].to_numpy().astype("datetime64[D]")
    end = items["period_end"].to_numpy().astype("datetime64[D]")
    s = np.where(np.isnat(start), -np.inf, start.astype(np.int64).astype(float))
    return s, end.astype(np.int64).astype(float)


def _ancestor_pairs(work: pd.DataFrame) -> pd.DataFrame:
    """Pairs (outer, inner) of items of one total whose places nest and periods overlap."""
    coded = work[work["code"].notna().to_numpy(dtype=bool)]
    codes = coded["code"].astype(str)
    lengths = codes.str.len().to_numpy()
    parts = []
    for length in range(2, int(lengths.max(initial=0))):
        longer = lengths > length
        if longer.any():
            inner = coded[longer]
            parts.append(
                pd.DataFrame(
                    {
                        "total": inner["total"].to_numpy(),
                        "code": codes[longer].str[:length].to_numpy(),
                        "inner": inner["item"].to_numpy(),
                        "s_in": inner["s"].to_numpy(),
                        "e_in": inner["e"].to_numpy(),
                    }
                )
            )
    if not parts:
        return pd.DataFrame({"outer": [], "inner": []}, dtype=np.int64)
    wanted = pd.concat(parts, ignore_index=True)
    outer = pd.DataFrame(
        {
            "total": coded["total"].to_numpy(),
            "code": codes.to_numpy(),
            "outer": coded["item"].to_numpy(),
            "s_out": coded["s"].to_numpy(),
            "e_out": coded["e"].to_numpy(),
        }
    )
    pairs = _overlapping(wanted, outer)
    contains = (pairs["s_out"] <= pairs["s_in"]) & (pairs["e_out"] >= pairs["e_in"])
    return pd.DataFrame(
        {
            "outer": pairs["outer"].to_numpy(dtype=np.int64),
            "inner": pairs["inner"].to_numpy(dtype=np.int64),
            "contains": contains.to_numpy(dtype=bool),
        }
    )


def _overlapping(wanted: pd.DataFrame, outer: pd.DataFrame) -> pd.DataFrame:
    """Every (inner, outer) of one total and ancestor code whose periods share a day.

    Where the outer figures of a place do not overlap one another (the usual case:
    a country's figure for each day or month), they are sorted by start, so the
    ones an inner period meets form one run found by two binary searches: the
    work grows with the pairs found, not with every combination. Places whose
    outer figures overlap each other fall back to comparing each pair.
    """
    # (total, code) as one integer: the code's number among the outer codes, then the total
    code_ids, code_names = pd.factorize(outer["code"])
    width = len(code_names) + 1
    outer_key = outer["total"].to_numpy(dtype=np.int64) * width + code_ids
    wanted_codes = pd.Index(code_names).get_indexer(pd.Index(wanted["code"]))
    wanted_key = wanted["total"].to_numpy(dtype=np.int64) * width + wanted_codes
    unique_keys, group = np.unique(outer_key, return_inverse=True)
    at = np.searchsorted(unique_keys, wanted_key)
    found_key = (wanted_codes >= 0) & (at < len(unique_keys))
    found_key[found_key] = unique_keys[at[found_key]] == wanted_key[found_key]
    outer = outer.assign(group=group)
    wanted = wanted.assign(group=np.where(found_key, at, -1))
    wanted = wanted[found_key]
    outer = outer.sort_values(["group", "s_out", "e_out"], kind="stable").reset_index(drop=True)
    g = outer["group"].to_numpy()
    start, end = outer["s_out"].to_numpy(), outer["e_out"].to_numpy()
    same = np.r_[False, g[1:] == g[:-1]]
    # groups whose outer figures overlap among themselves: compare pair by pair
    tangled_at = same & (start <= np.r_[-np.inf, end[:-1]])
    tangled = np.unique(g[tangled_at])
    simple = ~np.isin(wanted["group"].to_numpy(), tangled)
    found = []
    if (~simple).any():
        slow = wanted[~simple].merge(outer[np.isin(g, tangled)], on=["total", "code", "group"])
        found.append(slow[(slow["s_out"] <= slow["e_in"]) & (slow["s_in"] <= slow["e_out"])])
    fast = wanted[simple]
    if len(fast):
        # one sorted axis for all groups: group number, then day (finite stand-ins for -inf)
        floor = (
            float(
                np.nanmin(
                    np.r_[
                        start[np.isfinite(start)],
                        fast["s_in"].to_numpy()[np.isfinite(fast["s_in"].to_numpy())],
                        0.0,
                    ]
                )
            )
            - 1
        )
        span = float(np.nanmax(np.r_[end, fast["e_in"].to_numpy(), 0.0])) - floor + 2

        def axis(groups: np.ndarray, days: np.ndarray) -> np.ndarray:
            return groups * span + (np.where(np.isfinite(days), days, floor) - floor)

        starts_axis = axis(g, start)
        ends_axis = axis(g, end)  # sorted too, since the group's periods do not overlap
        fg = fast["group"].to_numpy()
        lo = np.searchsorted(ends_axis, axis(fg, fast["s_in"].to_numpy()), side="left")
        hi = np.searchsorted(starts_axis, axis(fg, fast["e_in"].to_numpy()), side="right")
        count = np.maximum(hi - lo, 0)
        rows = np.repeat(np.arange(len(fast)), count)
        offsets = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
        hit = outer.iloc[np.repeat(lo, count) + offsets].reset_index(drop=True)
        matched = fast.iloc[rows].reset_index(drop=True)
        found.append(pd.concat([matched, hit[["outer", "s_out", "e_out"]]], axis=1))
    columns = ["outer", "inner", "s_out", "e_out", "s_in", "e_in"]
    if not found:
        return pd.DataFrame({c: [] for c in columns})
    return pd.concat([f[columns] for f in found], ignore_index=True)


def _same_place_pairs(work: pd.DataFrame) -> pd.DataFrame:
    """Pairs (earlier, later) of items of one total, at one place, whose periods overlap.

    A sweep, not all pairs: with the items of a place sorted by start (the longer
    first on ties), an item overlaps the earlier ones when it starts on or before
    the latest end so far; that item is reported with the one holding that end.
    ``contains`` says whether the earlier one's period holds the later one's.
    """
    s = work.sort_values(["total", "code", "s", "e"], ascending=[True, True, True, False])
    by = [s["total"], s["code"].fillna("\x00")]
    latest_end = s.groupby(by, sort=False)["e"].cummax()
    holder = s["item"].where(s["e"] == latest_end)
    holder = holder.groupby(by, sort=False).ffill()
    previous_end = latest_end.groupby(by, sort=False).shift()
    previous_holder = holder.groupby(by, sort=False).shift()
    hit = (s["s"] <= previous_end).fillna(False).to_numpy(dtype=bool)
    return pd.DataFrame(
        {
            "outer": previous_holder.to_numpy()[hit].astype(np.int64),
            "inner": s["item"].to_numpy()[hit].astype(np.int64),
            "contains": (s["e"] <= previous_end).to_numpy(dtype=bool)[hit],
        }
    )


def _overlaps(work: pd.DataFrame) -> pd.DataFrame:
    return pd.concat([_ancestor_pairs(work), _same_place_pairs(work)], ignore_index=True)


def _describe(
    items: pd.DataFrame, pairs: pd.DataFrame, limit: int = 3
) -> tuple[str, list[tuple[str, str]]]:
    ids = items["claim_ids"].astype(object).to_numpy()
    named = [
        (str(ids[a]), str(ids[b])) for a, b in zip(pairs["outer"], pairs["inner"], strict=True)
    ]
    shown = "; ".join(f"[{a}] and [{b}]" for a, b in named[:limit])
    more = f" and {len(named) - limit} more" if len(named) > limit else ""
    return shown + more, named


def _check_kinds(items: pd.DataFrame, gid: np.ndarray, over: list[str]) -> None:
    if "period" not in over:
        return
    stocks = (items["kind"] == "stock").to_numpy(dtype=bool)
    if not stocks.any():
        return
    periods = items.loc[stocks, ["period_start", "period_end"]].astype("int64")
    frame = pd.DataFrame(
        {"g": gid[stocks], "s": periods["period_start"], "e": periods["period_end"]}
    )
    distinct = frame.drop_duplicates().groupby("g").size()
    bad = distinct[distinct > 1].index
    if len(bad):
        rows = np.flatnonzero(stocks)[np.isin(gid[stocks], bad)]
        ids = items["claim_ids"].astype(object).to_numpy()[rows]
        raise AggregationError(
            f"stocks do not add over time: {len(rows)} stock figures of "
            f"{len(bad)} total(s) stand at different instants (claims {'; '.join(map(str, ids[:4]))}"
            f"{' ...' if len(ids) > 4 else ''}); use humtrack.timeseries for stocks over time",
            code="stocks_over_time",
            claim_ids=[tuple(str(i).split(", ")) for i in ids],
        )


def _check_places(work: pd.DataFrame) -> None:
    """A figure without a place code cannot be shown disjoint from the others of its total."""
    uncoded = work["code"].isna().to_numpy(dtype=bool)
    if not uncoded.any():
        return
    size = work.groupby("total")["item"].transform("size").to_numpy()
    bad = uncoded & (size > 1)
    if bad.any():
        ids = work["claim_ids"].to_numpy(dtype=object)[bad]
        raise AggregationError(
            f"{int(bad.sum())} figure(s) have no place code ({'; '.join(map(str, ids[:4]))}"
            f"{' ...' if len(ids) > 4 else ''}), so nothing shows that they do not count the "
            "same people as the others of their total; give them a location_code or total "
            "them apart",
            code="unknown_place",
            claim_ids=[tuple(str(i).split(", ")) for i in ids],
        )


def _resolve(work: pd.DataFrame, resolve: str | None) -> np.ndarray:
    """The items left out so that no two remaining ones overlap; raises when that fails.

    Resolution repeats until no pair where one contains the other is left (a
    month, a week inside it and a day inside that); what still overlaps then
    overlaps without containment, and raises.
    """
    dropped = np.zeros(len(work), dtype=bool)
    pairs = _overlaps(work)
    while resolve is not None and len(pairs):
        nested = pairs[pairs["contains"].to_numpy(dtype=bool)]
        if nested.empty:
            break
        victims = nested["inner"] if resolve == "widest" else nested["outer"]
        dropped[victims.to_numpy(dtype=np.int64)] = True
        pairs = _overlaps(work[~dropped])
    return dropped if not len(pairs) else _raise(work, pairs, resolve)


def _raise(work: pd.DataFrame, pairs: pd.DataFrame, resolve: str | None) -> np.ndarray:
    items = work.set_index("item", drop=False)
    text, named = _describe(items, pairs)
    hint = (
        "they overlap without one containing the other, which no resolution settles"
        if resolve is not None
        else "choose resolve='widest' or 'narrowest' to keep the containing or the contained"
    )
    raise AggregationError(
        f"{len(pairs)} pair(s) of figures would count the same people twice (places that nest "
        f"or periods that share days): {text}; {hint}",
        code="overlap",
        claim_ids=[tuple(a.split(", ") + b.split(", ")) for a, b in named],
    )


def total(
    claims: ClaimsLike | pd.DataFrame,
    *,
    over: Sequence[str] | str = "location",
    resolve: str | None = None,
    sources: SourcesLike | None = None,
) -> pd.DataFrame:
    """Add figures up across places, periods or both, with honest bounds.

    Parameters
    ----------
    claims
        Claims (a :class:`ClaimSet`, a DataFrame or a path) or a table from
        :func:`triangulate`. Claims are triangulated first, so that each
        quantity counts once.
    over
        ``"location"``, ``"period"`` or both: what the totals add across. One
        total comes out for each combination of the other columns of a
        quantity (metric, group, kind, unit, subject of "other", and the period
        or the place that is kept).
    resolve
        ``None`` (overlapping figures raise), ``"widest"`` or ``"narrowest"``;
        see the module documentation.
    sources
        The sources table, passed to :func:`triangulate`.

    Returns
    -------
    pandas.DataFrame
        The columns kept, then ``n_quantities`` and ``n_claims`` added,
        ``lower`` and ``upper`` (the interval of the total; ``inf`` when open),
        ``central`` (the sum of the medians), ``claim_ids`` and ``left_out``
        (the claims a resolution set aside). ``Estimate.from_interval(central,
        lower, upper)`` turns a row into an :class:`Estimate`.

    Raises
    ------
    AggregationError
        When figures would be counted twice or stocks added over time.

    Examples
    --------
    >>> import pandas as pd, humtrack as ht
    >>> claims = pd.DataFrame({
    ...     "claim_id": ["a", "b"], "metric": "killed", "kind": "flow",
    ...     "value": [200.0, 45.0], "lower": [200.0, 45.0], "upper": [float("nan"), 45.0],
    ...     "qualifier": ["more_than", "exact"], "precision": 1.0,
    ...     "location_code": ["SY07", "SY02"],
    ...     "period_start": pd.Timestamp("2019-05-01"), "period_end": pd.Timestamp("2019-05-16"),
    ... })
    >>> row = ht.total(claims, over="location").iloc[0]
    >>> str(ht.Estimate.from_interval(row["central"], row["lower"], row["upper"]))
    'at least 244.5 (central 245, precision 0)'
    >>> row["claim_ids"]
    'a, b'
    """
    chosen = _over(over)
    if resolve is not None and resolve not in RESOLUTIONS:
        raise UsageError(f"unknown resolution {resolve!r}; choose from {', '.join(RESOLUTIONS)}")
    items = _items(claims, sources)
    dropped_columns = {c for o in chosen for c in _OVER[o]}
    keys = [k for k in QUANTITY if k not in dropped_columns]
    if items.empty:
        return _result(items.iloc[:0][keys], np.zeros(0, np.int64), items.iloc[:0], 0)
    gid, n_totals = group_codes(items, keys)
    _check_kinds(items, gid, chosen)
    s, e = _days(items)
    work = pd.DataFrame(
        {
            "total": gid,
            "code": items["location_code"].astype(object),
            "s": s,
            "e": e,
            "item": np.arange(len(items)),
            "claim_ids": items["claim_ids"].astype(object),
        }
    )
    if "location" in chosen:
        _check_places(work)
    left_out = _resolve(work, resolve)
    return _result(items[keys], gid, items, n_totals, left_out)


def _result(
    kept: pd.DataFrame,
    gid: np.ndarray,
    items: pd.DataFrame,
    n_totals: int,
    left_out: np.ndarray | None = None,
) -> pd.DataFrame:
    """The totals table: one row per total, in the order of its keys."""
    if n_totals == 0:
        out = kept.reset_index(drop=True)
        for name in TOTAL_COLUMNS:
            out[name] = pd.Series(
                dtype="float64" if name in ("lower", "upper", "central") else object
            )
        out["n_quantities"] = out["n_quantities"].astype(np.int64)
        out["n_claims"] = out["n_claims"].astype(np.int64)
        return out
    used = ~left_out if left_out is not None else np.ones(len(items), dtype=bool)
    _, first = np.unique(gid, return_index=True)  # the first item of each total
    frame = pd.DataFrame(
        {
            "total": gid,
            "used": used,
            "lower": np.where(used, items["lower"].to_numpy(dtype=float), 0.0),
            "upper": np.where(used, items["upper"].to_numpy(dtype=float), 0.0),
            "central": np.where(used, items["central"].to_numpy(dtype=float), 0.0),
            "n_claims": np.where(used, items["n_claims"].to_numpy(dtype=np.int64), 0),
        }
    )
    sums = frame.groupby("total", sort=True).sum()
    ids = items["claim_ids"].astype(object).to_numpy()
    kept_ids: list[list[str]] = [[] for _ in range(n_totals)]
    out_ids: list[list[str]] = [[] for _ in range(n_totals)]
    for g, row_ids, is_used in zip(gid.tolist(), ids.tolist(), used.tolist(), strict=True):
        (kept_ids if is_used else out_ids)[g].extend(str(row_ids).split(", "))
    out = kept.iloc[first].reset_index(drop=True)
    out["n_quantities"] = sums["used"].to_numpy(dtype=np.int64)
    out["n_claims"] = sums["n_claims"].to_numpy(dtype=np.int64)
    out["lower"] = sums["lower"].to_numpy(dtype=float)
    out["upper"] = sums["upper"].to_numpy(dtype=float)
    out["central"] = sums["central"].to_numpy(dtype=float)
    out["claim_ids"] = [", ".join(sorted(i)) for i in kept_ids]
    out["left_out"] = [", ".join(sorted(i)) or None for i in out_ids]
    text = pd.StringDtype("python", na_value=pd.NA)
    for name in ("claim_ids", "left_out"):
        out[name] = out[name].astype(text)
    return out

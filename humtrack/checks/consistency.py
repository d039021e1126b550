"""Rules between claims (C, I, W): conflicts, independence, parts and wholes.

Every rule here groups and sorts; none compares all pairs. Claims are about
the same quantity when they share metric, group, kind, unit and place; the
rules then compare claims with the same period (C001, I001, W001, W002),
stocks whose window holds another's day (C001), and flows whose windows share
a start or an end (C002).
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import pandas as pd

from humtrack._groups import group_join, group_lists
from humtrack.checks._found import found, none_found
from humtrack.checks._ranges import range_best
from humtrack.checks.context import Context, as_text, cat
from humtrack.checks.rules import register
from humtrack.numbers import format_number
from humtrack.originators import originators
from humtrack.vocab import GROUPS

__all__ = ["code_holds"]

_QUANTITY: Final = ["metric", "group", "kind", "unit", "what", "location_code"]
_NAT: Final = np.datetime64("1677-09-22")  # stands for an unknown start in group keys


def _keyed(ctx: Context, *, need_place: bool = True) -> pd.DataFrame:
    """The columns the rules group on, with the effective bounds and row numbers.

    Text keys are replaced by integer codes once per check (grouping on integers and
    categories is several times faster than on strings): ``what`` (the subject of
    metric "other", 0 otherwise), ``location_code`` (-1 when missing) and ``place``
    (the code, or the place name when there is no code). :func:`_place_names`
    turns codes back into names.
    """
    memo = ctx.memo.get(("keyed", need_place))
    if memo is not None:
        return memo  # type: ignore[no-any-return]
    c = ctx.claims
    # metric "other" counts anything: its subject says what ("tanks", "trucks")
    other = (c["metric"] == "other").to_numpy(dtype=bool)
    what = np.zeros(ctx.n, dtype=np.int64)
    if other.any():
        subjects = c["subject"].astype(object)[other].str.lower().fillna("")
        what[other] = pd.factorize(subjects)[0] + 1
    code = c["location_code"].astype(object)
    place = code.where(code.notna(), c["location"].astype(object)).fillna("")
    place_codes, place_names = pd.factorize(place)
    ctx.memo["place_names"] = place_names
    frame = pd.DataFrame(
        {
            "metric": c["metric"],
            "group": c["group"],
            "kind": c["kind"],
            "unit": c["unit"],
            "what": what,
            "location_code": np.where(code.notna().to_numpy(dtype=bool), place_codes, -1),
            "place": place_codes,
            "start": c["period_start"].fillna(pd.Timestamp(_NAT)),
            "end": c["period_end"],
            "lo": ctx.lo,
            "hi": ctx.hi,
            "row": np.arange(ctx.n),
        }
    )
    usable = frame["metric"].notna() & frame["end"].notna()
    if need_place:
        usable &= frame["location_code"] >= 0
    frame = frame[usable.to_numpy(dtype=bool)]
    ctx.memo[("keyed", need_place)] = frame
    return frame


def code_holds(whole: str, part: str) -> bool:
    """Whether the place coded ``whole`` holds the place coded ``part``, which it begins.

    P-codes nest by prefix ("SY0702" in "SY07" in "SY"), but a code on an alpha-3 country
    code is not in the country its first two letters name ("CHL13" is Chile's, not in "CH").
    """
    return not (len(whole) == 2 and len(part) > 2 and part[2].isalpha())


def _place_names(ctx: Context, codes: Any) -> np.ndarray:
    """The place names of codes from :func:`_keyed`."""
    names = ctx.memo["place_names"]
    return as_text(np.asarray(names, dtype=object)[np.asarray(codes, dtype=np.int64)])


def _num(x: float) -> str:
    return "no upper bound" if not np.isfinite(x) else format_number(float(x))


def _nums(values: np.ndarray) -> np.ndarray:
    return as_text([_num(float(x)) for x in values])


def _spreads(floor: np.ndarray, ceiling: np.ndarray) -> np.ndarray:
    return as_text(
        [
            "the ceiling is zero" if c <= 0 else f"the floor is {f / c:.2g} times the ceiling"
            for f, c in zip(floor, ceiling, strict=True)
        ]
    )


def _pairs(
    ctx: Context, first: np.ndarray, second: np.ndarray, compared: np.ndarray, message: np.ndarray
) -> pd.DataFrame:
    """Findings about two claims each: ``first`` (its floor) against ``second``."""
    first = np.asarray(first, dtype=np.int64)
    second = np.asarray(second, dtype=np.int64)
    return found(
        np.stack([first, second], axis=1).tolist(),
        message.astype(object),
        value=ctx.lo[first],
        compared_to=compared,
    )


def _conflicts_of(
    ctx: Context, high: np.ndarray, low: np.ndarray, count: np.ndarray, relation: str
) -> pd.DataFrame:
    """C001 findings: the floor of claim ``high`` is above the ceiling of claim ``low``."""
    high = np.asarray(high, dtype=np.int64)
    low = np.asarray(low, dtype=np.int64)
    others = np.where(
        count > 2,
        cat(" (", as_text(count), " claims for it in all)"),
        "",
    )
    message = cat(
        ctx.describe_many(high),
        "; ",
        ctx.describe_many(low),
        relation,
        ": the ranges do not overlap (",
        _spreads(ctx.lo[high], ctx.hi[low]),
        ")",
        others,
    )
    return _pairs(ctx, high, low, ctx.hi[low], message)


@register("C001")
def _conflicts(ctx: Context) -> pd.DataFrame:
    k = _keyed(ctx)
    flows_known = (k["kind"] != "flow") | (k["start"] != pd.Timestamp(_NAT))
    k = k[flows_known.to_numpy(dtype=bool)]
    parts: list[pd.DataFrame] = []
    # 1. the same period: the highest floor against the lowest ceiling of each group
    keys = [*_QUANTITY, "start", "end"]
    g = k.groupby(keys, sort=False, dropna=False)
    size = g["row"].transform("size").to_numpy()
    multi = k[size > 1]
    if len(multi):
        g = multi.groupby(keys, sort=False, dropna=False)
        top = multi.loc[g["lo"].idxmax(), ["row", "lo"]].to_numpy()
        bottom = multi.loc[g["hi"].idxmin(), ["row", "hi"]].to_numpy()
        n = g["row"].size().to_numpy()
        bad = top[:, 1] > bottom[:, 1]
        parts.append(
            _conflicts_of(
                ctx, top[bad, 0], bottom[bad, 0], n[bad], " for the same place and period"
            )
        )
    # 2. stocks: a window against the single days inside it
    stocks = k[(k["kind"] == "stock").to_numpy(dtype=bool)]
    windows = stocks[(stocks["start"] < stocks["end"]).to_numpy(dtype=bool)]
    days = stocks[(stocks["start"] == stocks["end"]).to_numpy(dtype=bool)]
    if len(windows) and len(days):
        codes = stocks.groupby(_QUANTITY, sort=False, dropna=False).ngroup()
        key_of = pd.Series(codes.to_numpy(dtype=np.int64), index=stocks.index)
        day_key = key_of[days.index].to_numpy(dtype=np.int64)
        day_num = days["end"].to_numpy().astype("datetime64[D]").astype(np.int64)
        order = np.lexsort((day_num, day_key))
        d_key, d_num = day_key[order], day_num[order]
        d_lo, d_hi = days["lo"].to_numpy()[order], days["hi"].to_numpy()[order]
        d_row = days["row"].to_numpy()[order]
        composite = d_key * 10**7 + d_num
        w_key = key_of[windows.index].to_numpy(dtype=np.int64)
        w_start = windows["start"].to_numpy().astype("datetime64[D]").astype(np.int64)
        w_end = windows["end"].to_numpy().astype("datetime64[D]").astype(np.int64)
        left = np.searchsorted(composite, w_key * 10**7 + w_start, side="left")
        right = np.searchsorted(composite, w_key * 10**7 + w_end, side="right")
        has = right > left  # only windows with days inside them
        left, right = left[has], right[has]
        w_lo, w_hi = windows["lo"].to_numpy()[has], windows["hi"].to_numpy()[has]
        w_row = windows["row"].to_numpy()[has]
        top = range_best(d_lo, left, right, largest=True)
        bottom = range_best(d_hi, left, right, largest=False)
        day_above = d_lo[top] > w_hi
        window_above = ~day_above & (w_lo > d_hi[bottom])
        high = np.concatenate([d_row[top[day_above]], w_row[window_above]])
        low = np.concatenate([w_row[day_above], d_row[bottom[window_above]]])
        parts.append(
            _conflicts_of(
                ctx, high, low, np.full(len(high), 2), " for the same place, on a day in the window"
            )
        )
    return pd.concat(parts, ignore_index=True) if parts else none_found()


def _windows(k: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct window of each quantity: its highest floor and lowest ceiling."""
    keys = [*_QUANTITY, "start", "end"]
    g = k.groupby(keys, sort=False, dropna=False)
    w = g.agg(lo=("lo", "max"), hi=("hi", "min")).reset_index()
    w["lo_row"] = k.loc[g["lo"].idxmax(), "row"].to_numpy()
    w["hi_row"] = k.loc[g["hi"].idxmin(), "row"].to_numpy()
    return w


@register("C002")
def _cumulative_falls(ctx: Context) -> pd.DataFrame:
    k = _keyed(ctx)
    k = k[((k["kind"] == "flow") & (k["start"] != pd.Timestamp(_NAT))).to_numpy(dtype=bool)]
    if k.empty:
        return none_found()
    w = _windows(k)
    pairs: list[pd.DataFrame] = []
    # windows sharing a start: a later end contains an earlier one; sharing an end: an earlier
    # start contains a later one. The lowest ceiling of every containing window is a running min.
    for shared, along, ascending in (("start", "end", False), ("end", "start", True)):
        group_keys = [*_QUANTITY, shared]
        s = w.sort_values([*group_keys, along], ascending=[True] * len(group_keys) + [ascending])
        s = s.reset_index(drop=True)
        by = [s[c] for c in group_keys]
        ceiling = s.groupby(by, sort=False, dropna=False)["hi"].cummin()
        # which window holds the running minimum: the last one that set it
        owner = s["hi_row"].where(s["hi"] == ceiling)
        owner = owner.groupby(by, sort=False, dropna=False).ffill()
        previous = ceiling.groupby(by, sort=False, dropna=False).shift()
        previous_owner = owner.groupby(by, sort=False, dropna=False).shift()
        bad = (s["lo"] > previous).fillna(False).to_numpy(dtype=bool)
        pairs.append(
            pd.DataFrame(
                {
                    "inner": s["lo_row"].to_numpy()[bad],
                    "outer": previous_owner.to_numpy()[bad].astype(np.int64),
                    "limit": previous.to_numpy()[bad],
                }
            )
        )
    found_pairs = pd.concat(pairs, ignore_index=True).drop_duplicates(["inner", "outer"])
    if found_pairs.empty:
        return none_found()
    inner = found_pairs["inner"].to_numpy(dtype=np.int64)
    outer = found_pairs["outer"].to_numpy(dtype=np.int64)
    message = cat(
        ctx.describe_many(inner),
        "; ",
        ctx.describe_many(outer),
        ", over a window that contains the first: a count over the shorter window cannot "
        "exceed the longer one's",
    )
    return _pairs(ctx, inner, outer, found_pairs["limit"].to_numpy(dtype=float), message)


@register("I001")
def _repeated_originator(ctx: Context) -> pd.DataFrame:
    k = _keyed(ctx, need_place=False)
    c = ctx.claims
    k = k.assign(source=c["source_id"].astype(object)[k.index])
    k = k[k["source"].notna().to_numpy(dtype=bool)]
    k = k.assign(source_code=pd.factorize(k["source"])[0])
    keys = ["metric", "group", "kind", "unit", "what", "place", "start", "end"]
    n_sources = k.groupby(keys, sort=False, dropna=False)["source_code"].transform("nunique")
    k = k[(n_sources > 1).to_numpy(dtype=bool)]
    if k.empty:
        return none_found()
    originator = originators(c.loc[k.index, ["source_id", "attributed_to", "quote"]])
    k = k.assign(originator=originator, originator_code=pd.factorize(originator)[0])
    g = k.groupby(keys, sort=False, dropna=False)
    counts = g.agg(n_src=("source_code", "nunique"), n_orig=("originator_code", "nunique"))
    flagged = counts[(counts["n_orig"] < counts["n_src"]).to_numpy(dtype=bool)]
    if flagged.empty:
        return none_found()
    k = k.join(flagged, on=keys, how="inner")
    k = k.assign(gid=k.groupby(keys, sort=False, dropna=False).ngroup())
    head = k.groupby("gid", sort=True).agg(
        n_src=("n_src", "first"),
        n_orig=("n_orig", "first"),
        first=("row", "first"),
        place=("place", "first"),
    )
    gid = k["gid"].to_numpy(dtype=np.int64)
    rows = group_lists(gid, k["row"].to_numpy(), len(head))
    sources = _joined(k, "source", ", ", len(head))
    names = _joined(k, "originator", "; ", len(head))
    first = head["first"].to_numpy(dtype=np.int64)
    n_src = head["n_src"].to_numpy(dtype=np.int64)
    n_orig = head["n_orig"].to_numpy(dtype=np.int64)
    place = _place_names(ctx, head["place"])
    place[place == ""] = "an unnamed place"
    message = cat(
        as_text(n_src),
        " sources (",
        sources,
        ") give ",
        ctx.texts_of(first, "metric"),
        " in ",
        place,
        " ",
        ctx.periods(first),
        ", but only ",
        as_text(n_orig),
        np.where(n_orig == 1, " independent originator (", " independent originators ("),
        names,
        "): not ",
        as_text(n_src),
        " confirmations",
    )
    return found(
        rows,
        message.astype(object),
        value=n_src.astype(float),
        compared_to=n_orig.astype(float),
    )


def _joined(k: pd.DataFrame, column: str, sep: str, n_groups: int) -> np.ndarray:
    """The distinct values of ``column`` in each group ``gid``, sorted and joined."""
    distinct = k[["gid", column]].astype({column: str}).drop_duplicates()
    distinct = distinct.sort_values(["gid", column])
    return group_join(distinct["gid"].to_numpy(), distinct[column].to_numpy(), sep, n_groups)


def _listed(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Per group of ``keys`` (in order of appearance): its rows and its labels joined."""
    g = frame.groupby(keys, sort=False, dropna=False)
    codes = g.ngroup().to_numpy(dtype=np.int64)
    index = g.size().index
    rows = frame["row"].to_numpy()
    return pd.DataFrame(
        {
            "rows": group_lists(codes, rows, len(index)),
            "label": group_join(codes, frame["label"].to_numpy(), ", ", len(index)),
        },
        index=index,
    )


@register("W001")
def _places_exceed_whole(ctx: Context) -> pd.DataFrame:
    k = _keyed(ctx)
    # the nearest place of the table that each p-code sits in: its longest proper prefix
    # that is itself a code here ("SY0702" in "SY07", or in "SY" when SY07 has no figure;
    # "NG001" in "NG"), -1 if none
    names = [str(n) for n in ctx.memo["place_names"]]
    coded = set(ctx.claims["location_code"].dropna().astype(str))
    position = {name: i for i, name in enumerate(names)}
    parent_of = np.full(len(names), -1, dtype=np.int64)
    for i, name in enumerate(names):  # once per distinct place, not per claim
        if name in coded:
            parent = next(
                (
                    name[:n]
                    for n in range(len(name) - 1, 1, -1)
                    if name[:n] in coded and code_holds(name[:n], name)
                ),
                None,
            )
            parent_of[i] = position[parent] if parent is not None else -1
    k = k.assign(parent=parent_of[k["location_code"].to_numpy(dtype=np.int64)])
    keys = ["metric", "group", "kind", "unit", "what", "start", "end"]
    parts = k[(k["parent"] >= 0).to_numpy(dtype=bool)]
    if parts.empty:
        return none_found()
    # one figure per part (its lowest floor), added up per parent
    g = parts.groupby([*keys, "parent", "location_code"], sort=False, dropna=False)
    per_part = parts.loc[g["lo"].idxmin()]
    sums = per_part.groupby([*keys, "parent"], sort=False, dropna=False).agg(
        total=("lo", "sum"), n=("row", "size")
    )
    wholes = k.assign(parent=k["location_code"])
    wg = wholes.groupby([*keys, "parent"], sort=False, dropna=False)
    whole = wholes.loc[wg["hi"].idxmin()].set_index([*keys, "parent"])[["hi", "row"]]
    joined = sums.join(whole, how="inner")
    bad = joined[(joined["total"] > joined["hi"]).to_numpy(dtype=bool)]
    if bad.empty:
        return none_found()
    # the parts of the flagged wholes only, listed per whole
    flagged_parts = per_part.join(bad[[]], on=[*keys, "parent"], how="inner")
    part_rows = flagged_parts["row"].to_numpy(dtype=np.int64)
    flagged_parts = flagged_parts.assign(
        label=cat(ctx.texts_of(part_rows, "location_code"), " ", ctx.figures(part_rows)).astype(
            object
        )
    )
    bad = bad.join(_listed(flagged_parts, [*keys, "parent"]))
    whole_rows = bad["row"].to_numpy(dtype=np.int64)
    message = cat(
        ctx.describe_many(whole_rows),
        "; the places inside ",
        _place_names(ctx, bad.index.get_level_values("parent")),
        " add up to at least ",
        _nums(bad["total"].to_numpy(dtype=float)),
        " (",
        as_text(bad["label"]),
        "), above its ceiling ",
        _nums(bad["hi"].to_numpy(dtype=float)),
    )
    return found(
        [[int(w), *(int(x) for x in r)] for w, r in zip(whole_rows, bad["rows"], strict=True)],
        message.astype(object),
        value=bad["total"].to_numpy(dtype=float),
        compared_to=bad["hi"].to_numpy(dtype=float),
    )


@register("W002")
def _groups_exceed_total(ctx: Context) -> pd.DataFrame:
    k = _keyed(ctx, need_place=False)
    keys = ["metric", "kind", "unit", "what", "place", "start", "end"]
    totals = k[(k["group"] == "all").to_numpy(dtype=bool)]
    parts = k[(k["group"] != "all").to_numpy(dtype=bool)]
    if totals.empty or parts.empty:
        return none_found()
    tg = totals.groupby(keys, sort=False, dropna=False)
    total = totals.loc[tg["hi"].idxmin()].set_index(keys)[["hi", "row"]]
    partition = parts["group"].map(lambda g: GROUPS[g].partition if g in GROUPS else "")
    parts = parts.assign(partition=partition.fillna(""))
    pg = parts.groupby([*keys, "group"], sort=False, dropna=False)
    per_group = parts.loc[pg["lo"].idxmin()]
    # each part alone, then the parts of one partition (women, men, children) added up
    single = per_group.merge(
        total, left_on=keys, right_index=True, suffixes=("", "_total"), how="inner"
    )
    single = single[(single["lo"] > single["hi_total"]).to_numpy(dtype=bool)]
    part = single["row"].to_numpy(dtype=np.int64)
    whole = single["row_total"].to_numpy(dtype=np.int64)
    results = [
        _pairs(
            ctx,
            part,
            whole,
            single["hi_total"].to_numpy(dtype=float),
            cat(
                ctx.describe_many(part),
                "; ",
                ctx.describe_many(whole),
                ": a part cannot exceed the total",
            ),
        )
    ]
    shared = per_group[(per_group["partition"] != "").to_numpy(dtype=bool)]
    if len(shared):
        rows = shared["row"].to_numpy(dtype=np.int64)
        shared = shared.assign(
            label=cat(ctx.texts_of(rows, "group"), " ", ctx.figures(rows)).astype(object)
        )
        sums = shared.groupby([*keys, "partition"], sort=False, dropna=False).agg(
            lo=("lo", "sum"), n=("row", "size")
        )
        sums = sums.join(_listed(shared, [*keys, "partition"]))
        sums = sums[(sums["n"] > 1).to_numpy(dtype=bool)].reset_index()
        both = sums.merge(
            total, left_on=keys, right_index=True, suffixes=("", "_total"), how="inner"
        )
        both = both[(both["lo"] > both["hi"]).to_numpy(dtype=bool)]
        whole = both["row"].to_numpy(dtype=np.int64)
        message = cat(
            ctx.describe_many(whole),
            "; its parts ",
            as_text(both["label"]),
            " add up to at least ",
            _nums(both["lo"].to_numpy(dtype=float)),
            ", above the total's ceiling ",
            _nums(both["hi"].to_numpy(dtype=float)),
        )
        results.append(
            found(
                [[int(w), *(int(x) for x in r)] for w, r in zip(whole, both["rows"], strict=True)],
                message.astype(object),
                value=both["lo"].to_numpy(dtype=float),
                compared_to=both["hi"].to_numpy(dtype=float),
            )
        )
    return pd.concat(results, ignore_index=True)

"""Rules between claims (C, I, W): conflicts, independence, parts and wholes.

Every rule here groups and sorts; none compares all pairs. Claims are about
the same quantity when they share metric, group, kind, unit and place; the
rules then compare claims with the same period (C001, I001, W001, W002),
stocks whose window holds another's day (C001), and flows whose windows share
a start or an end (C002).
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from humtrack.checks._found import found, none_found
from humtrack.checks.context import Context
from humtrack.checks.rules import register
from humtrack.numbers import format_number
from humtrack.vocab import GROUPS

__all__: list[str] = []

_QUANTITY: Final = ["metric", "group", "kind", "unit", "what", "location_code"]
_NAT: Final = np.datetime64("1677-09-22")  # stands for an unknown start in group keys


def _keyed(ctx: Context, *, need_place: bool = True) -> pd.DataFrame:
    """The columns the rules group on, with the effective bounds and row numbers."""
    c = ctx.claims
    frame = pd.DataFrame(
        {
            "metric": c["metric"].astype(object),
            "group": c["group"].astype(object),
            "kind": c["kind"].astype(object),
            "unit": c["unit"].astype(object),
            # metric "other" counts anything: its subject says what ("tanks", "trucks")
            "what": c["subject"]
            .astype(object)
            .str.lower()
            .where((c["metric"].astype(object) == "other").to_numpy(dtype=bool), "")
            .fillna(""),
            "location_code": c["location_code"].astype(object),
            "start": c["period_start"].fillna(pd.Timestamp(_NAT)),
            "end": c["period_end"],
            "lo": ctx.lo,
            "hi": ctx.hi,
            "row": np.arange(ctx.n),
        }
    )
    usable = frame["metric"].notna() & frame["end"].notna()
    if need_place:
        usable &= frame["location_code"].notna()
    return frame[usable.to_numpy(dtype=bool)]


def _num(x: float) -> str:
    return "no upper bound" if not np.isfinite(x) else format_number(float(x))


def _spread(floor: float, ceiling: float) -> str:
    if ceiling <= 0:
        return "the ceiling is zero"
    return f"the floor is {floor / ceiling:.2g} times the ceiling"


def _conflict_message(ctx: Context, high: int, low: int, n: int, relation: str) -> str:
    others = f" ({n} claims for it in all)" if n > 2 else ""
    return (
        f"{ctx.describe(high)}; {ctx.describe(low)}{relation}: the ranges do not overlap "
        f"({_spread(float(ctx.lo[high]), float(ctx.hi[low]))}){others}"
    )


@register("C001")
def _conflicts(ctx: Context) -> pd.DataFrame:
    k = _keyed(ctx)
    flows_known = (k["kind"] != "flow") | (k["start"] != pd.Timestamp(_NAT))
    k = k[flows_known.to_numpy(dtype=bool)]
    rows: list[list[int]] = []
    messages: list[str] = []
    values: list[float] = []
    compared: list[float] = []
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
        for (hr, hlo), (lr, lhi), count in zip(top[bad], bottom[bad], n[bad], strict=True):
            rows.append([int(hr), int(lr)])
            values.append(float(hlo))
            compared.append(float(lhi))
            messages.append(
                _conflict_message(
                    ctx, int(hr), int(lr), int(count), " for the same place and period"
                )
            )
    # 2. stocks: a window against the single days inside it
    stocks = k[(k["kind"] == "stock").to_numpy(dtype=bool)]
    windows = stocks[(stocks["start"] < stocks["end"]).to_numpy(dtype=bool)]
    days = stocks[(stocks["start"] == stocks["end"]).to_numpy(dtype=bool)]
    if len(windows) and len(days):
        codes, _ = pd.factorize(pd.MultiIndex.from_frame(stocks[_QUANTITY].astype(str)), sort=False)
        key_of = pd.Series(codes, index=stocks.index)
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
        has = right > left
        w_lo, w_hi = windows["lo"].to_numpy(), windows["hi"].to_numpy()
        w_row = windows["row"].to_numpy()
        for j in np.flatnonzero(has):  # only windows with days inside them
            lo_slice, hi_slice = d_lo[left[j] : right[j]], d_hi[left[j] : right[j]]
            a, b = int(np.argmax(lo_slice)), int(np.argmin(hi_slice))
            if lo_slice[a] > w_hi[j]:
                high, low = int(d_row[left[j] + a]), int(w_row[j])
            elif w_lo[j] > hi_slice[b]:
                high, low = int(w_row[j]), int(d_row[left[j] + b])
            else:
                continue
            rows.append([high, low])
            values.append(float(ctx.lo[high]))
            compared.append(float(ctx.hi[low]))
            messages.append(
                _conflict_message(ctx, high, low, 2, " for the same place, on a day in the window")
            )
    return found(rows, messages, value=values, compared_to=compared)


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
    rows: list[list[int]] = []
    messages: list[str] = []
    values: list[float] = []
    compared: list[float] = []
    seen: set[tuple[int, int]] = set()
    # windows sharing a start: a later end contains an earlier one; sharing an end: an earlier
    # start contains a later one. The lowest ceiling of every containing window is a running min.
    for shared, along, ascending in (("start", "end", False), ("end", "start", True)):
        group_keys = [*_QUANTITY, shared]
        s = w.sort_values([*group_keys, along], ascending=[True] * len(group_keys) + [ascending])
        s = s.reset_index(drop=True)
        grouped = s.groupby(group_keys, sort=False, dropna=False)
        ceiling = grouped["hi"].cummin()
        # which window holds the running minimum: the last one that set it
        owner = s["hi_row"].where(s["hi"] == ceiling)
        owner = owner.groupby([s[c] for c in group_keys], sort=False, dropna=False).ffill()
        by = [s[c] for c in group_keys]
        previous = ceiling.groupby(by, sort=False, dropna=False).shift()
        previous_owner = owner.groupby(by, sort=False, dropna=False).shift()
        bad = np.flatnonzero((s["lo"] > previous).fillna(False).to_numpy(dtype=bool))
        for j in bad:
            inner = int(s["lo_row"].to_numpy()[j])
            limit = float(previous.iloc[j])
            outer = int(previous_owner.iloc[j])
            if (inner, outer) in seen:
                continue
            seen.add((inner, outer))
            rows.append([inner, outer])
            values.append(float(ctx.lo[inner]))
            compared.append(limit)
            messages.append(
                f"{ctx.describe(inner)}; {ctx.describe(outer)}, over a window that contains "
                f"the first: a count over the shorter window cannot exceed the longer one's"
            )
    return found(rows, messages, value=values, compared_to=compared)


@register("I001")
def _repeated_originator(ctx: Context) -> pd.DataFrame:
    k = _keyed(ctx, need_place=False)
    c = ctx.claims
    k = k.assign(
        place=k["location_code"].fillna(c["location"].astype(object)[k.index].fillna("")),
        source=c["source_id"].astype(object)[k.index],
    )
    k = k[k["source"].notna().to_numpy(dtype=bool)]
    keys = ["metric", "group", "kind", "unit", "what", "place", "start", "end"]
    n_sources = k.groupby(keys, sort=False, dropna=False)["source"].transform("nunique")
    k = k[(n_sources > 1).to_numpy(dtype=bool)]
    if k.empty:
        return none_found()
    who = c["attributed_to"].astype(object)[k.index]
    normal_who = who.str.lower().str.replace(r"^the\s+|[.,]", "", regex=True).str.strip()
    quote = c["quote"].astype(object)[k.index]
    normal_quote = quote.str.lower().str.replace(r"\s+", " ", regex=True).str.strip()
    originator = normal_who.where(normal_who.notna() & (normal_who != ""), "source " + k["source"])
    # sources that share a quote word for word repeat one originator
    first_by_quote = originator.groupby(normal_quote, sort=False).transform("first")
    originator = first_by_quote.where(normal_quote.notna(), originator)
    k = k.assign(originator=originator)
    g = k.groupby(keys, sort=False, dropna=False)
    counts = g.agg(n_src=("source", "nunique"), n_orig=("originator", "nunique"))
    flagged = counts[(counts["n_orig"] < counts["n_src"]).to_numpy(dtype=bool)]
    if flagged.empty:
        return none_found()
    k = k.join(flagged, on=keys, how="inner")
    rows: list[list[int]] = []
    messages: list[str] = []
    values: list[float] = []
    compared: list[float] = []
    for _, group in k.groupby(keys, sort=False, dropna=False):  # only the flagged groups
        n_src = int(group["n_src"].iloc[0])
        n_orig = int(group["n_orig"].iloc[0])
        first = int(group["row"].iloc[0])
        names = sorted(str(x) for x in group["originator"].unique())
        rows.append([int(r) for r in group["row"]])
        values.append(float(n_src))
        compared.append(float(n_orig))
        messages.append(
            f"{n_src} sources ({', '.join(sorted(group['source'].unique()))}) give "
            f"{ctx.cell(first, 'metric')} in {group['place'].iloc[0] or 'an unnamed place'} "
            f"{ctx.period(first)}, but only {n_orig} independent originator"
            f"{'' if n_orig == 1 else 's'} ({'; '.join(names)}): not {n_src} confirmations"
        )
    return found(rows, messages, value=values, compared_to=compared)


@register("W001")
def _places_exceed_whole(ctx: Context) -> pd.DataFrame:
    k = _keyed(ctx)
    code = k["location_code"].astype(str)
    k = k.assign(parent=code.str[:-2].where(code.str.len() > 2))
    keys = ["metric", "group", "kind", "unit", "what", "start", "end"]
    parts = k[k["parent"].notna().to_numpy(dtype=bool)]
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
    # the parts of the flagged wholes only
    flagged_parts = per_part.join(bad[[]], on=[*keys, "parent"], how="inner")
    part_rows_of = flagged_parts.groupby([*keys, "parent"], sort=False, dropna=False)["row"].agg(
        list
    )
    bad = bad.join(part_rows_of.rename("rows"))
    rows: list[list[int]] = []
    messages: list[str] = []
    for _, r in bad.reset_index().iterrows():
        parent = str(r["parent"])
        whole_row = int(r["row"])
        part_rows = [int(x) for x in r["rows"]]
        places = ", ".join(f"{ctx.cell(p, 'location_code')} {ctx.figure(p)}" for p in part_rows)
        rows.append([whole_row, *part_rows])
        messages.append(
            f"{ctx.describe(whole_row)}; the places inside {parent} add up to at least "
            f"{_num(float(r['total']))} ({places}), above its ceiling {_num(float(r['hi']))}"
        )
    return found(
        rows,
        messages,
        value=bad["total"].to_numpy(dtype=float),
        compared_to=bad["hi"].to_numpy(dtype=float),
    )


@register("W002")
def _groups_exceed_total(ctx: Context) -> pd.DataFrame:
    k = _keyed(ctx, need_place=False)
    c = ctx.claims
    k = k.assign(place=k["location_code"].fillna(c["location"].astype(object)[k.index].fillna("")))
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
    rows: list[list[int]] = []
    messages: list[str] = []
    values: list[float] = []
    compared: list[float] = []
    # each part alone, then the parts of one partition (women, men, children) added up
    single = per_group.merge(
        total, left_on=keys, right_index=True, suffixes=("", "_total"), how="inner"
    )
    for _, r in single[(single["lo"] > single["hi_total"]).to_numpy(dtype=bool)].iterrows():
        part, whole = int(r["row"]), int(r["row_total"])
        rows.append([part, whole])
        values.append(float(r["lo"]))
        compared.append(float(r["hi_total"]))
        messages.append(
            f"{ctx.describe(part)}; {ctx.describe(whole)}: a part cannot exceed the total"
        )
    shared = per_group[(per_group["partition"] != "").to_numpy(dtype=bool)]
    if len(shared):
        sums = shared.groupby([*keys, "partition"], sort=False, dropna=False).agg(
            lo=("lo", "sum"), n=("row", "size"), rows=("row", list)
        )
        sums = sums[(sums["n"] > 1).to_numpy(dtype=bool)].reset_index()
        both = sums.merge(
            total, left_on=keys, right_index=True, suffixes=("", "_total"), how="inner"
        )
        for _, r in both[(both["lo"] > both["hi"]).to_numpy(dtype=bool)].iterrows():
            whole = int(r["row"])
            part_rows = [int(x) for x in r["rows"]]
            listed = ", ".join(f"{ctx.cell(p, 'group')} {ctx.figure(p)}" for p in part_rows)
            rows.append([whole, *part_rows])
            values.append(float(r["lo"]))
            compared.append(float(r["hi"]))
            messages.append(
                f"{ctx.describe(whole)}; its parts {listed} add up to at least "
                f"{_num(float(r['lo']))}, above the total's ceiling {_num(float(r['hi']))}"
            )
    return found(rows, messages, value=values, compared_to=compared)

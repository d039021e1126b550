"""W003: a part above a whole that holds it in place, group and period at once.

W001 compares places inside a place for one group and period, W002 groups inside
group "all" for one place and period, and C002 flows whose windows share a start
or an end. A part can sit inside its whole along several of these at once (Idlib
from 1 to 10 January against Syria for all of January; children in Idlib against
everyone in Syria), or inside a window without sharing either end; this rule
compares those. For each part it finds the lowest ceiling among the claims that
contain it, by a dominance search over (start, end) per quantity, never by
comparing pairs.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from humtrack._groups import group_join, group_lists
from humtrack.checks._containing import lowest_containing
from humtrack.checks._found import found, none_found
from humtrack.checks.consistency import _NAT, _keyed, code_holds
from humtrack.checks.context import Context, as_text, cat
from humtrack.checks.rules import register

__all__: list[str] = []

_SAME: Final = ["metric", "kind", "unit", "what"]

# How much wider than the part a whole's window must be, by how the two differ
# elsewhere: a whole that differs in nothing else is C001's or C002's to compare,
# one in the part's nearest place or in group "all" with the same window W001's or
# W002's. (start shift, end shift) pairs: any one of them qualifies.
_ANY: Final = ((0, 0),)
_WIDER: Final = ((-1, 0), (0, 1))
_WIDER_BOTH: Final = ((-1, 1),)


def _ancestors(ctx: Context, k: pd.DataFrame) -> pd.DataFrame:
    """Every place containing each place of ``k``, itself included.

    Columns ``place`` and ``whole_place`` (codes from :func:`_keyed`), ``nearest``
    (the closest containing place with a code in the table, as W001 takes it) and
    ``same``. P-codes nest by prefix; a place without a code contains only itself.
    """
    names = [str(n) for n in ctx.memo["place_names"]]
    coded = {str(x) for x in pd.unique(ctx.claims["location_code"].dropna())}
    position = {name: i for i, name in enumerate(names)}
    rows: list[tuple[int, int, bool]] = []
    has_code = {int(x) for x in np.unique(k["place"].to_numpy()[k["location_code"] >= 0])}
    for place in pd.unique(k["place"]):  # once per distinct place, not per claim
        rows.append((int(place), int(place), False))
        if place not in has_code:
            continue
        name = names[int(place)]
        first = True
        for n in range(len(name) - 1, 1, -1):
            if name[:n] in coded and name[:n] in position and code_holds(name[:n], name):
                rows.append((int(place), position[name[:n]], first))
                first = False
    table = pd.DataFrame(rows, columns=["place", "whole_place", "nearest"])
    return table.assign(same=table["place"] == table["whole_place"])


@register("W003")
def _part_exceeds_containing_whole(ctx: Context) -> pd.DataFrame:
    k = _keyed(ctx, need_place=False)
    # a claim with no place at all is about no place known: it holds no other claim's
    nameless = np.flatnonzero(np.asarray(ctx.memo["place_names"], dtype=object) == "")
    k = k[((k["start"] != pd.Timestamp(_NAT)) & ~k["place"].isin(nameless)).to_numpy(dtype=bool)]
    if len(k) < 2:
        return none_found()
    start = k["start"].to_numpy().astype("datetime64[D]").astype(np.int64)
    end = k["end"].to_numpy().astype("datetime64[D]").astype(np.int64)
    first_day = int(start.min())
    span = int(end.max()) - first_day + 3  # room for the one-day shifts below
    k = k.assign(s=start - first_day + 1, e=end - first_day + 1)
    # the parts: the highest floor of each distinct quantity, place, group and window
    part_keys = [*_SAME, "group", "place", "s", "e"]
    g = k.groupby(part_keys, sort=False, dropna=False, observed=True)
    parts = k.loc[g["lo"].idxmax(), [*part_keys, "lo"]].reset_index(drop=True)
    # every whole each part could sit in: its place and the places holding it, its group
    # and "all"
    parts = parts.merge(_ancestors(ctx, k), on="place", how="inner")
    everyone = parts[(parts["group"] != "all").to_numpy(dtype=bool)].assign(whole_group="all")
    parts = pd.concat([parts.assign(whole_group=parts["group"]), everyone], ignore_index=True)
    parts["whole_group"] = parts["whole_group"].astype(k["group"].dtype)
    same_group = (parts["whole_group"] == parts["group"]).to_numpy(dtype=bool)
    same_place = parts["same"].to_numpy(dtype=bool)
    stock = (parts["kind"] == "stock").to_numpy(dtype=bool)
    nearest = parts["nearest"].to_numpy(dtype=bool)
    coded = parts["place"].isin(k.loc[k["location_code"] >= 0, "place"]).to_numpy(dtype=bool)
    queries: list[pd.DataFrame] = []
    for mask, shifts in (
        # C002 compares flows of one coded place that share a start or an end; W003 the rest
        (same_place & same_group & ~stock & coded, _WIDER_BOTH),
        # C001 and C002 leave places without a code out: any wider window, here
        (same_place & same_group & ~stock & ~coded, _WIDER),
        ((same_place & ~same_group) | (nearest & same_group), _WIDER),
        (~same_place & ~(nearest & same_group), _ANY),
    ):
        for ds, de in shifts:
            queries.append(parts[mask].assign(qs=parts["s"][mask] + ds, qe=parts["e"][mask] + de))
    q = pd.concat(queries, ignore_index=True)
    if q.empty:
        return none_found()
    # one integer per quantity, place and group, shared by parts and wholes, puts each
    # quantity's days in a band of its own: only claims of one band contain each other
    whole_keys = [*_SAME, "place", "group"]
    per_window = k.groupby([*whole_keys, "s", "e"], sort=False, dropna=False, observed=True)
    wholes = k.loc[per_window["hi"].idxmin(), [*whole_keys, "s", "e", "hi", "row"]]
    asked = q[[*_SAME, "whole_place", "whole_group"]].set_axis(whole_keys, axis=1)
    both = pd.concat([wholes[whole_keys], asked], ignore_index=True)
    band_of = both.groupby(whole_keys, sort=False, dropna=False, observed=True).ngroup()
    band = band_of.to_numpy(dtype=np.int64) * span
    w_band, q_band = band[: len(wholes)], band[len(wholes) :]
    hit = lowest_containing(
        w_band + wholes["s"].to_numpy(dtype=np.int64),
        w_band + wholes["e"].to_numpy(dtype=np.int64),
        wholes["hi"].to_numpy(dtype=float),
        q_band + q["qs"].to_numpy(dtype=np.int64),
        q_band + q["qe"].to_numpy(dtype=np.int64),
    )
    ceiling = np.where(hit >= 0, wholes["hi"].to_numpy(dtype=float)[np.maximum(hit, 0)], np.inf)
    q = q.assign(ceiling=ceiling, whole=np.where(hit >= 0, wholes["row"].to_numpy()[hit], -1))
    # each part against its lowest ceiling; every claim of the part above it is reported
    q = q[(q["lo"] > q["ceiling"]).to_numpy(dtype=bool)]
    if q.empty:
        return none_found()
    q = q.sort_values("ceiling", kind="stable").drop_duplicates(part_keys)
    flagged = k.merge(q[[*part_keys, "ceiling", "whole"]], on=part_keys, how="inner")
    flagged = flagged[(flagged["lo"] > flagged["ceiling"]).to_numpy(dtype=bool)]
    return _findings(ctx, flagged)


_LISTED: Final = 3  # parts named in a message; the rest are counted


def _findings(ctx: Context, flagged: pd.DataFrame) -> pd.DataFrame:
    """One finding per whole: the claims inside it above its ceiling, highest first.

    A whole that is too low (or counts something narrower) sits below every part
    it holds; one finding names it once, with its highest parts.
    """
    flagged = flagged.sort_values(["whole", "lo"], ascending=[True, False], kind="stable")
    whole_of = flagged["whole"].to_numpy(dtype=np.int64)
    wholes, gid = np.unique(whole_of, return_inverse=True)
    part = flagged["row"].to_numpy(dtype=np.int64)
    rank = np.arange(len(gid)) - np.searchsorted(gid, gid, side="left")
    shown = rank < _LISTED
    c = ctx.claims
    code = c["location_code"].astype(object).fillna(c["location"].astype(object))
    place = code.fillna("").to_numpy(dtype=object)
    group = c["group"].astype(object).to_numpy()
    p, w = part[shown], whole_of[shown]
    label = cat(
        "claim ",
        ctx.texts_of(p, "claim_id"),
        " says ",
        ctx.figures(p),
        " ",
        ctx.texts_of(p, "metric"),
        np.where(group[p] != group[w], cat(" (", as_text(group[p]), ")"), ""),
        np.where(place[p] == "", "", cat(" in ", as_text(place[p]))),
        " ",
        ctx.periods(p),
    )
    n = len(wholes)
    listed = group_join(gid[shown], label, "; ", n)
    count = np.bincount(gid, minlength=n)
    more = count - np.minimum(count, _LISTED)
    highest = flagged.groupby(gid, sort=True)["lo"].max().to_numpy(dtype=float)
    ceiling = flagged.groupby(gid, sort=True)["ceiling"].first().to_numpy(dtype=float)
    message = cat(
        ctx.describe_many(wholes),
        np.where(
            count == 1,
            "; a claim inside it (its place, group and period hold the claim's) says more: ",
            cat(
                "; ",
                as_text(count),
                " claims inside it (its place, group and period hold theirs) say more: ",
            ),
        ),
        listed,
        np.where(more > 0, cat("; and ", as_text(more), " more"), ""),
        ": a part cannot exceed the whole",
    )
    rows = group_lists(gid, part, n)
    return found(
        [[int(x), *r] for x, r in zip(wholes, rows, strict=True)],
        message,
        value=highest,
        compared_to=ceiling,
    )

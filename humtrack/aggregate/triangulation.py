"""One defensible figure per quantity out of many claims.

:func:`triangulate` groups claims about the same quantity (by default: metric,
group, kind, unit, place and period) and reports, per group, how many claims,
sources and independent originators stand behind it, the hull of their
effective intervals, the median, the latest and the preferred figure, and
whether the claims contradict each other.

The preferred claim of a group is chosen by, in order (``prefer`` can reorder
or shorten the list):

1. ``credibility``: the best Admiralty information grade (1 confirmed ... 6
   cannot be judged);
2. ``reliability``: the best source reliability (A ... F; an unknown source last);
3. ``recency``: the latest publication (the latest period end when the
   publication is unknown);
4. ``precision``: the narrowest effective interval;

and finally the smallest claim_id, so that the choice never depends on the
order of the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np
import pandas as pd

from humtrack._groups import grouped_order
from humtrack.errors import UsageError
from humtrack.intervals import effective_bounds
from humtrack.originators import originator_codes
from humtrack.schema import CLAIM_DTYPES
from humtrack.tables import ClaimsLike, SourcesLike, claims_frame, sources_frame

__all__ = ["PREFERENCES", "QUANTITY", "TRIANGULATED_COLUMNS", "triangulate", "with_what"]

#: The columns that say which quantity a claim is about. ``what`` is derived: for
#: metric "other", which counts anything, the subject in lower case ("tanks");
#: empty for every other metric.
QUANTITY: Final = (
    "metric",
    "group",
    "kind",
    "unit",
    "what",
    "location_code",
    "period_start",
    "period_end",
)
#: The criteria of the preferred claim, in their default order.
PREFERENCES: Final = ("credibility", "reliability", "recency", "precision")
#: The columns :func:`triangulate` adds after the grouping keys.
TRIANGULATED_COLUMNS: Final = (
    "n_claims",
    "n_sources",
    "n_independent",
    "lower",
    "upper",
    "central",
    "latest",
    "latest_claim_id",
    "preferred",
    "preferred_claim_id",
    "conflict",
    "claim_ids",
)
_RELIABILITY_RANK: Final = {grade: i for i, grade in enumerate("ABCDEF")}


def with_what(frame: pd.DataFrame) -> pd.DataFrame:
    """The claims table with the derived ``what`` column (see :data:`QUANTITY`)."""
    other = (frame["metric"] == "other").to_numpy(dtype=bool)
    codes = np.zeros(len(frame), dtype=np.int64)
    names = [""]
    if other.any():
        subjects = frame.loc[other, "subject"].astype(object).str.lower().replace("", None)
        found, uniques = pd.factorize(subjects, sort=True)  # no subject: -1, then ""
        codes[other] = found + 1
        names += [str(u) for u in uniques]
    # a category: every other metric shares "", so grouping on it costs nothing
    what = pd.Categorical.from_codes(codes, categories=pd.Index(names))
    return frame.assign(what=pd.Series(what, index=frame.index))


def _place_keyed(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The table to group on: a claim without a place code is keyed by its place's name
    (lower case), so that claims about Aleppo and about Gaza never merge."""
    if "location_code" not in keys or frame["location_code"].notna().all():
        return frame
    code = frame["location_code"]
    named = "?" + frame["location"].astype("string").str.lower().fillna("")
    return frame.assign(location_code=code.fillna(named))


def _is_triangulated(frame: pd.DataFrame) -> bool:
    return all(c in frame.columns for c in TRIANGULATED_COLUMNS)


def _prefer(prefer: Sequence[str] | str) -> list[str]:
    chosen = [prefer] if isinstance(prefer, str) else list(prefer)
    unknown = [p for p in chosen if p not in PREFERENCES]
    if unknown:
        raise UsageError(
            f"unknown preference {', '.join(map(repr, unknown))}; "
            f"choose from {', '.join(PREFERENCES)}"
        )
    return chosen


def _publication_days(frame: pd.DataFrame, sources: pd.DataFrame | None) -> np.ndarray:
    """Days since the epoch each claim was published (its period end when unknown)."""
    end = frame["period_end"].to_numpy().astype("datetime64[D]").astype(np.int64)
    if sources is None or sources.empty:
        return end
    s = sources.drop_duplicates("source_id").set_index("source_id")
    at = s.index.get_indexer(pd.Index(frame["source_id"].astype(object)))
    published = s["published"].to_numpy().astype("datetime64[D]")
    days = np.where(at >= 0, published[np.maximum(at, 0)], np.datetime64("NaT"))
    known = ~np.isnat(days)
    return np.where(known, days.astype(np.int64), end)


def _reliability(frame: pd.DataFrame, sources: pd.DataFrame | None) -> np.ndarray:
    """Rank of each claim's source reliability (A = 0 ... F = 5; unknown 6)."""
    if sources is None or sources.empty:
        return np.full(len(frame), 6, dtype=np.int64)
    grades = sources.drop_duplicates("source_id").set_index("source_id")["reliability"]
    ranks = grades.astype(object).map(_RELIABILITY_RANK)
    at = ranks.index.get_indexer(pd.Index(frame["source_id"].astype(object)))
    values = ranks.to_numpy(dtype=float, na_value=6.0)
    return np.where(at >= 0, values[np.maximum(at, 0)], 6.0).astype(np.int64)


def _distinct_per_group(codes: np.ndarray, starts: np.ndarray, gid: np.ndarray) -> np.ndarray:
    """How many distinct ``codes`` each group holds (rows sorted by group; gid per row)."""
    width = int(codes.max(initial=0)) + 1
    pairs = np.sort(gid * width + codes)
    new = np.empty(len(pairs), dtype=bool)
    new[:1] = True
    new[1:] = pairs[1:] != pairs[:-1]
    return np.add.reduceat(new.astype(np.int64), starts) if len(pairs) else np.zeros(0, np.int64)


def _combined(criteria: list[np.ndarray]) -> list[np.ndarray]:
    """Consecutive whole-number criteria folded into one key (fewer passes, same order)."""
    out: list[np.ndarray] = []
    foldable = False  # whether out[-1] is a whole-number key that can take the next one
    for values in criteria:
        whole = bool(np.isfinite(values).all() and (values == np.round(values)).all())
        if foldable and whole and _span(out[-1]) * _span(values) < 2**52:
            out[-1] = (out[-1] - out[-1].min()) * _span(values) + (values - values.min())
        else:
            out.append(values)
        foldable = whole
    return out


def _span(values: np.ndarray) -> float:
    return float(values.max() - values.min() + 1) if len(values) else 1.0


class _Ids:
    """The claim ids of rows sorted by group: per group, the ids listed in order and the
    row of the smallest, which settles ties."""

    def __init__(self, ids: np.ndarray, starts: np.ndarray, counts: np.ndarray) -> None:
        self.ids = ids.tolist()
        ends = (starts + counts).tolist()
        listed: list[str] = []
        smallest: list[int] = []
        for a, b in zip(starts.tolist(), ends, strict=True):
            ordered = sorted(self.ids[a:b])
            listed.append(", ".join(ordered))
            smallest.append(self.ids.index(ordered[0], a, b))
        self.listed = np.empty(len(listed), dtype=object)
        self.listed[:] = listed
        self.smallest = np.asarray(smallest, dtype=np.int64)


def _best(
    criteria: list[np.ndarray], starts: np.ndarray, counts: np.ndarray, gid: np.ndarray, ids: _Ids
) -> np.ndarray:
    """Per group (rows sorted by group), the row with the smallest criteria, in order.

    Each criterion keeps the rows that reach its group minimum; the smallest
    claim id settles what is still tied.
    """
    alive = np.ones(len(gid), dtype=bool)
    for values in criteria:
        masked = np.where(alive, values, np.inf)
        alive &= masked == np.minimum.reduceat(masked, starts)[gid]
    n_alive = np.add.reduceat(alive.astype(np.int64), starts)
    first = np.flatnonzero(alive)[np.concatenate([[0], np.cumsum(n_alive)[:-1]])]
    everyone = n_alive == counts  # the whole group is tied: its smallest id
    first[everyone & (counts > 1)] = ids.smallest[everyone & (counts > 1)]
    tied = np.flatnonzero((n_alive > 1) & ~everyone)
    if len(tied):
        rows = np.flatnonzero(alive & np.isin(gid, tied))
        spans = np.searchsorted(gid[rows], tied), np.searchsorted(gid[rows], tied, side="right")
        candidates = [ids.ids[r] for r in rows.tolist()]
        for group, a, b in zip(tied.tolist(), *(x.tolist() for x in spans), strict=True):
            some = candidates[a:b]
            first[group] = rows[a + some.index(min(some))]
    return np.asarray(first, dtype=np.int64)


def triangulate(
    claims: ClaimsLike,
    *,
    sources: SourcesLike | None = None,
    by: Sequence[str] | None = None,
    prefer: Sequence[str] | str = PREFERENCES,
) -> pd.DataFrame:
    """One row per quantity: how many say it, its honest range, and the figure to use.

    Parameters
    ----------
    claims
        A :class:`ClaimSet`, a claims DataFrame or a path; or a table this
        function returned, which comes back unchanged when grouped the same way.
    sources
        The sources table (DataFrame or path): publication dates for ``latest``
        and recency, reliability grades for ``preferred``.
    by
        The columns to group on instead of :data:`QUANTITY`.
    prefer
        The order of the criteria that choose the preferred claim (see the
        module documentation); ties always end on the smallest claim_id.

    Returns
    -------
    pandas.DataFrame
        The grouping columns, then ``n_claims``, ``n_sources``,
        ``n_independent`` (distinct originators: see :mod:`humtrack.originators`),
        ``lower`` (the lowest effective lower bound), ``upper`` (the highest
        effective upper bound; infinite when any claim is open-ended),
        ``central`` (the median of the stated values), ``latest`` and
        ``latest_claim_id`` (from the latest publication), ``preferred`` and
        ``preferred_claim_id``, ``conflict`` (True when some claims' effective
        intervals do not overlap) and ``claim_ids`` (sorted, comma-separated).
        Rows are sorted by the grouping columns.

    Examples
    --------
    >>> import humtrack as ht
    >>> table = ht.triangulate("seeds/claims.csv", sources="seeds/sources.csv")
    >>> row = table[table["metric"] == "refugees"].iloc[0]
    >>> row["location_code"], int(row["n_claims"]), float(row["lower"]), float(row["upper"])
    ('TR', 1, 3150000.0, 3250000.0)
    """
    keys = list(by) if by is not None else list(QUANTITY)
    if isinstance(claims, pd.DataFrame) and _is_triangulated(claims):
        return _retriangulate(claims, keys)
    frame = with_what(claims_frame(claims, purpose="triangulating figures"))
    unknown = [k for k in keys if k not in frame.columns]
    if unknown:
        raise UsageError(
            f"cannot group on {', '.join(map(repr, unknown))}: not a column of the claims table"
        )
    order_of = _prefer(prefer)
    source_table, _ = sources_frame(sources)
    if frame.empty:
        return _result(frame.iloc[:0][keys].reset_index(drop=True), _EMPTY)
    # every per-group step below works on the rows sorted by group
    # nothing below depends on the order of the rows within a group (ties end on claim ids)
    order, gid, n_groups = grouped_order(_place_keyed(frame, keys), keys, stable=False)
    counts = np.bincount(gid, minlength=n_groups)
    starts = (np.cumsum(counts) - counts).astype(np.int64)
    lo_all, hi_all = effective_bounds(frame)
    lo, hi = lo_all[order], hi_all[order]
    value = frame["value"].to_numpy(dtype=float)[order]
    claim_id = frame["claim_id"].astype(object).to_numpy()[order]
    central = pd.Series(value).groupby(gid, sort=True).median().to_numpy(dtype=float)

    source_codes, source_names = pd.factorize(frame["source_id"])
    origin_codes = originator_codes(frame, (source_codes, np.asarray(source_names)))[0][order]
    source_codes = np.maximum(source_codes[order], 0)

    published = _publication_days(frame, source_table)[order].astype(float)
    ids = _Ids(claim_id, starts, counts)
    if source_table is None and "period_end" in keys:
        latest_rows = ids.smallest  # without publication dates, a group's ends are all one day
    else:
        latest_rows = _best([-published], starts, counts, gid, ids)
    criteria = {
        "credibility": frame["credibility"].to_numpy(dtype=float, na_value=6.0)[order],
        "reliability": _reliability(frame, source_table)[order].astype(float),
        "recency": -published,
        "precision": np.where(np.isfinite(hi - lo), hi - lo, np.inf),
    }
    chosen = _combined([criteria[c] for c in order_of])
    preferred_rows = _best(chosen, starts, counts, gid, ids)

    out = frame[keys].iloc[order[starts]].reset_index(drop=True)
    return _result(
        out,
        {
            "n_claims": counts.astype(np.int64),
            "n_sources": _distinct_per_group(source_codes, starts, gid),
            "n_independent": _distinct_per_group(origin_codes, starts, gid),
            "lower": np.minimum.reduceat(lo, starts),
            "upper": np.maximum.reduceat(hi, starts),
            "central": central,
            "latest": value[latest_rows],
            "latest_claim_id": claim_id[latest_rows],
            "preferred": value[preferred_rows],
            "preferred_claim_id": claim_id[preferred_rows],
            "conflict": np.maximum.reduceat(lo, starts) > np.minimum.reduceat(hi, starts),
            "claim_ids": ids.listed,
        },
    )


_EMPTY: Final = {
    "n_claims": np.zeros(0, np.int64),
    "n_sources": np.zeros(0, np.int64),
    "n_independent": np.zeros(0, np.int64),
    "lower": np.zeros(0),
    "upper": np.zeros(0),
    "central": np.zeros(0),
    "latest": np.zeros(0),
    "latest_claim_id": np.zeros(0, dtype=object),
    "preferred": np.zeros(0),
    "preferred_claim_id": np.zeros(0, dtype=object),
    "conflict": np.zeros(0, dtype=bool),
    "claim_ids": np.zeros(0, dtype=object),
}


def _result(keys: pd.DataFrame, columns: dict[str, np.ndarray]) -> pd.DataFrame:
    text = CLAIM_DTYPES["claim_id"]
    added = {
        name: pd.array(columns[name], dtype=text)  # type: ignore[call-overload]
        if name in ("latest_claim_id", "preferred_claim_id", "claim_ids")
        else columns[name]
        for name in TRIANGULATED_COLUMNS
    }
    return pd.concat([keys, pd.DataFrame(added, index=keys.index)], axis=1)


def _retriangulate(table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """A triangulated table grouped again the same way: itself."""
    own = list(table.columns[: list(table.columns).index("n_claims")])
    if keys != own or table.duplicated(keys).any():
        raise UsageError(
            "a triangulated table can only be triangulated again on its own grouping; "
            "to group differently, triangulate the claims with by=[...]"
        )
    return table.sort_values(keys, kind="stable", na_position="last").reset_index(drop=True)

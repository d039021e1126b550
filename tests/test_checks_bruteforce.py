"""The grouped and sorted conflict rules agree with comparing every pair, on random tables."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import humtrack as ht
from humtrack.checks._containing import lowest_containing
from humtrack.checks._ranges import range_best
from humtrack.intervals import effective_bounds


@given(
    st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=60),
    st.data(),
    st.booleans(),
)
def test_range_best_is_the_best_of_each_range(
    values: list[float], data: st.DataObject, largest: bool
) -> None:
    n = len(values)
    left = data.draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=20))
    right = [data.draw(st.integers(a + 1, n)) for a in left]
    got = range_best(np.array(values), np.array(left), np.array(right), largest=largest)
    pick = max if largest else min
    for g, a, b in zip(got, left, right, strict=True):
        assert a <= g < b
        assert values[g] == pick(values[a:b])


def random_claims(seed: int, n: int) -> pd.DataFrame:
    """Claims on few places, metrics and days, so that many share a quantity."""
    rng = np.random.default_rng(seed)
    metric = np.array(["killed", "idps"])[rng.integers(0, 2, n)]
    kind = np.where(metric == "idps", "stock", "flow")
    value = rng.integers(1, 40, n).astype(float) * 10
    qualifier = np.array(["exact", "approx", "more_than", "range"])[rng.integers(0, 4, n)]
    lower = np.where(qualifier == "approx", np.nan, value)
    upper = np.where(qualifier == "exact", value, np.nan)
    upper = np.where(qualifier == "range", value + rng.integers(0, 5, n) * 10, upper)
    start = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 6, n), unit="D")
    end = start + pd.to_timedelta(rng.integers(0, 4, n), unit="D")
    frame = pd.DataFrame(
        {
            "claim_id": [f"c{i}" for i in range(n)],
            "source_id": [f"s{i % 7}" for i in range(n)],
            "metric": metric,
            "kind": kind,
            "value": value,
            "lower": lower,
            "upper": upper,
            "qualifier": qualifier,
            "precision": 10.0,
            "location": "somewhere",
            "location_code": np.array(["SY07", "SY02"])[rng.integers(0, 2, n)],
            "period_start": start,
            "period_end": end,
        }
    )
    return ht.ClaimSet(frame).frame


def _same_quantity(f: pd.DataFrame, i: int, j: int) -> bool:
    return all(
        f.at[i, c] == f.at[j, c] for c in ("metric", "group", "kind", "unit", "location_code")
    )


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.integers(2, 60))
def test_conflicts_match_every_pair(seed: int, n: int) -> None:
    f = random_claims(seed, n)
    lo, hi = effective_bounds(f)
    start, end = f["period_start"], f["period_end"]
    same_period: set[tuple[object, ...]] = set()
    window_days: set[str] = set()
    for i, j in itertools.permutations(range(n), 2):
        if not _same_quantity(f, i, j) or lo[i] <= hi[j]:
            continue
        if start[i] == start[j] and end[i] == end[j]:
            same_period.add(
                tuple(f.loc[i, ["metric", "location_code", "period_start", "period_end"]])
            )
        elif f.at[i, "kind"] == "stock":
            # a stock window against a single day inside it, either way round
            for w, d in ((i, j), (j, i)):
                if start[w] < end[w] and start[d] == end[d] and start[w] <= end[d] <= end[w]:
                    window_days.add(str(f.at[w, "claim_id"]))
    findings = ht.check(f, select=["C001"]).frame
    got_periods: set[tuple[object, ...]] = set()
    got_windows: set[str] = set()
    by_id = f.set_index("claim_id")
    for ids, message in zip(findings["claim_ids"], findings["message"], strict=True):
        first, second = ids.split(", ")
        if "on a day in the window" in message:
            window = (
                first if by_id.at[first, "period_start"] < by_id.at[first, "period_end"] else second
            )
            got_windows.add(window)
        else:
            got_periods.add(
                tuple(by_id.loc[first, ["metric", "location_code", "period_start", "period_end"]])
            )
    assert got_periods == same_period
    assert got_windows == window_days


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.integers(2, 60))
def test_shorter_windows_above_longer_ones_match_every_pair(seed: int, n: int) -> None:
    f = random_claims(seed, n)
    lo, hi = effective_bounds(f)
    start, end = f["period_start"], f["period_end"]
    expected: set[tuple[object, ...]] = set()
    for i, j in itertools.permutations(range(n), 2):
        if f.at[i, "kind"] != "flow" or not _same_quantity(f, i, j):
            continue
        inside = (start[i] == start[j] and end[i] < end[j]) or (
            end[i] == end[j] and start[i] > start[j]
        )
        if inside and lo[i] > hi[j]:
            expected.add((f.at[i, "metric"], f.at[i, "location_code"], start[i], end[i]))
    findings = ht.check(f, select=["C002"]).frame
    by_id = f.set_index("claim_id")
    got = set()
    for ids in findings["claim_ids"]:
        inner = ids.split(", ")[0]
        got.add(tuple(by_id.loc[inner, ["metric", "location_code", "period_start", "period_end"]]))
    assert got == expected


@given(
    st.lists(
        st.tuples(st.integers(0, 30), st.integers(0, 10), st.floats(0, 100, allow_nan=False)),
        max_size=60,
    ),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=30),
)
def test_lowest_containing_is_the_lowest_of_every_containing_interval(
    intervals: list[tuple[int, int, float]], asked: list[tuple[int, int]]
) -> None:
    starts = np.array([s for s, _, _ in intervals], dtype=np.int64)
    ends = starts + np.array([n for _, n, _ in intervals], dtype=np.int64)
    values = np.array([v for _, _, v in intervals], dtype=float)
    q_starts = np.array([s for s, _ in asked], dtype=np.int64)
    q_ends = q_starts + np.array([n for _, n in asked], dtype=np.int64)
    got = lowest_containing(starts, ends, values, q_starts, q_ends)
    for g, qs, qe in zip(got, q_starts, q_ends, strict=True):
        holding = [j for j in range(len(starts)) if starts[j] <= qs and ends[j] >= qe]
        if not holding:
            assert g == -1
        else:
            assert g in holding
            assert values[g] == min(values[j] for j in holding)


def nested_claims(seed: int, n: int) -> pd.DataFrame:
    """Claims on nested places, groups and windows, so that many contain each other."""
    rng = np.random.default_rng(seed)
    f = random_claims(seed, n)
    codes = np.array(["SY", "SY07", "SY0702", "SY02", "SY0202", None], dtype=object)
    f["location_code"] = codes[rng.integers(0, len(codes), n)]
    f["location"] = np.where(pd.isna(f["location_code"]), "Camp 4", "somewhere")
    f["group"] = pd.Series(
        np.array(["all", "children", "women"])[rng.integers(0, 3, n)], dtype=f["group"].dtype
    )
    return ht.ClaimSet(f).frame


def _contains(rec: list[dict[str, Any]], coded: set[str], i: int, j: int) -> bool:
    """Whether claim j is a whole W003 compares part i with, written pair by pair."""
    p, w = rec[i], rec[j]
    if any(p[c] != w[c] for c in ("metric", "kind", "unit")):
        return False
    ci, cj = p["location_code"], w["location_code"]
    if pd.isna(ci) or pd.isna(cj):
        if not (pd.isna(ci) and pd.isna(cj) and p["location"] == w["location"]):
            return False
    elif not str(ci).startswith(str(cj)):
        return False
    if w["group"] not in (p["group"], "all"):
        return False
    si, ei, sj, ej = p["period_start"], p["period_end"], w["period_start"], w["period_end"]
    if not (sj <= si and ej >= ei):
        return False
    same_place = (pd.isna(ci) and pd.isna(cj)) or ci == cj
    same_group, same_window = p["group"] == w["group"], (si, ei) == (sj, ej)
    if same_place and same_group:
        if p["kind"] != "flow":
            return False  # C001's
        if pd.isna(ci):  # C001 and C002 leave places without a code out
            return not same_window
        return bool(sj < si and ej > ei)  # C002 compares windows that share an end
    nearest = None
    if not pd.isna(ci):
        code = str(ci)
        nearest = next((code[:k] for k in range(len(code) - 1, 1, -1) if code[:k] in coded), None)
    # with the same window, W002 compares the same place and W001 the nearest one
    return not ((same_place or (same_group and cj == nearest)) and same_window)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.integers(2, 50))
def test_parts_above_containing_wholes_match_every_pair(seed: int, n: int) -> None:
    f = nested_claims(seed, n)
    lo, hi = effective_bounds(f)
    coded = set(f["location_code"].dropna().astype(str))
    rec = f.to_dict("records")
    expected: dict[str, float] = {}
    for i in range(n):
        ceilings = [hi[j] for j in range(n) if j != i and _contains(rec, coded, i, j)]
        if ceilings and lo[i] > min(ceilings):
            expected[str(f.at[i, "claim_id"])] = min(ceilings)
    findings = ht.check(f, select=["W003"]).frame
    row_of = {str(c): i for i, c in enumerate(f["claim_id"])}
    got = {}
    for ids, ceiling in zip(findings["claim_ids"], findings["compared_to"], strict=True):
        whole, *parts = ids.split(", ")  # one finding per whole, with the parts above it
        assert hi[row_of[whole]] == ceiling
        for part in parts:
            assert _contains(rec, coded, row_of[part], row_of[whole])
            assert part not in got
            got[part] = ceiling
    assert got == expected

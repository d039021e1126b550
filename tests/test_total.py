"""Totals: interval sums under the stock and flow rules, never counting anyone twice."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import humtrack as ht
from humtrack.errors import AggregationError, UsageError
from humtrack.intervals import effective_bounds
from humtrack.testing import crowded_claim_sets

MAY = (pd.Timestamp("2019-05-01"), pd.Timestamp("2019-05-16"))


def claim(claim_id: str, value: float, place: str | None, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "claim_id": claim_id,
        "metric": "killed",
        "kind": "flow",
        "value": value,
        "lower": value,
        "upper": value,
        "qualifier": "exact",
        "precision": 1.0,
        "location_code": place,
        "period_start": MAY[0],
        "period_end": MAY[1],
    }
    row.update(extra)
    return row


def table(*rows: dict[str, object]) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def test_flows_add_over_disjoint_places_and_open_ends_stay_open() -> None:
    claims = table(
        claim("a", 200.0, "SY07", qualifier="more_than", upper=np.nan),
        claim("b", 45.0, "SY02"),
        claim("c", 50.0, "SY02", source_id="s2"),  # another claim about b's quantity
    )
    row = ht.total(claims, over="location").iloc[0]
    assert row["n_quantities"] == 2
    assert row["n_claims"] == 3
    assert row["lower"] == 200 + 44.5  # more than 200, and 44.5 from "45" or "50" in SY02
    assert math.isinf(row["upper"])
    assert row["claim_ids"] == "a, b, c"
    assert ht.Estimate.from_interval(row["central"], row["lower"], row["upper"]).is_open


def test_nested_places_raise_naming_the_claims_unless_resolved() -> None:
    claims = table(claim("whole", 300.0, "SY"), claim("part", 200.0, "SY07"))
    with pytest.raises(AggregationError, match=r"\[whole\] and \[part\]") as caught:
        ht.total(claims, over="location")
    assert caught.value.code == "overlap"
    assert caught.value.claim_ids == [("whole", "part")]
    widest = ht.total(claims, over="location", resolve="widest").iloc[0]
    assert (widest["lower"], widest["claim_ids"], widest["left_out"]) == (299.5, "whole", "part")
    narrowest = ht.total(claims, over="location", resolve="narrowest").iloc[0]
    assert (narrowest["claim_ids"], narrowest["left_out"]) == ("part", "whole")


def test_flows_add_over_disjoint_periods_but_not_overlapping_ones() -> None:
    first = claim("first", 10.0, "SY07")
    second = claim(
        "second",
        20.0,
        "SY07",
        period_start=pd.Timestamp("2019-05-17"),
        period_end=pd.Timestamp("2019-05-31"),
    )
    row = ht.total(table(first, second), over="period").iloc[0]
    assert (row["lower"], row["upper"]) == (29.0, 31.0)
    month = claim(
        "month",
        40.0,
        "SY07",
        period_start=pd.Timestamp("2019-05-01"),
        period_end=pd.Timestamp("2019-05-31"),
    )
    with pytest.raises(AggregationError, match="twice"):
        ht.total(table(first, second, month), over="period")
    assert ht.total(table(first, second, month), over="period", resolve="widest")[
        "claim_ids"
    ].tolist() == ["month"]
    partial = claim(
        "partial",
        5.0,
        "SY07",
        period_start=pd.Timestamp("2019-05-10"),
        period_end=pd.Timestamp("2019-05-20"),
    )
    with pytest.raises(AggregationError, match="without one containing the other"):
        ht.total(table(first, partial), over="period", resolve="widest")
    # a flow with an unknown start may reach back to any day
    open_start = claim("open", 5.0, "SY07", period_start=pd.NaT, period_end=MAY[1])
    with pytest.raises(AggregationError):
        ht.total(table(second, open_start, first), over="period")


def test_stocks_add_over_places_at_one_instant_never_over_time() -> None:
    day = pd.Timestamp("2019-05-16")
    stock = {"metric": "idps", "kind": "stock", "period_start": day, "period_end": day}
    a = claim("a", 1000.0, "SY07", **stock)
    b = claim("b", 500.0, "SY02", **stock)
    assert ht.total(table(a, b), over="location")["lower"].tolist() == [1499.0]
    later = claim("later", 900.0, "SY07", **{**stock, "period_start": day + pd.Timedelta(days=7),
                                            "period_end": day + pd.Timedelta(days=7)})  # fmt: skip
    with pytest.raises(AggregationError, match="stocks do not add over time") as caught:
        ht.total(table(a, later), over="period")
    assert caught.value.code == "stocks_over_time"
    # a stock and a flow are never added: they are separate totals
    flow = claim("flow", 30.0, "SY07")
    assert len(ht.total(table(a, flow), over="location")) == 2


def test_bad_arguments() -> None:
    claims = table(claim("a", 1.0, "SY07"))
    with pytest.raises(UsageError, match="choose 'location', 'period' or both"):
        ht.total(claims, over="region")
    with pytest.raises(UsageError, match="unknown resolution"):
        ht.total(claims, resolve="loudest")
    with pytest.raises(UsageError, match="default grouping"):
        ht.total(ht.triangulate(claims, by=["metric", "kind"]))


def test_an_empty_table_has_no_totals() -> None:
    out = ht.total(ht.ClaimSet(), over=["location", "period"])
    assert len(out) == 0
    assert list(out.columns[-3:]) == ["central", "claim_ids", "left_out"]


@settings(max_examples=80, deadline=None)
@given(crowded_claim_sets(min_size=1, max_size=25), st.data())
def test_a_total_contains_any_sum_of_values_inside_the_claims(
    claim_set: ht.ClaimSet, data: st.DataObject
) -> None:
    frame = claim_set.frame
    try:
        totals = ht.total(frame, over="location", resolve="widest")
    except AggregationError:
        return  # overlaps that no resolution settles are the caller's to untangle
    lo, hi = effective_bounds(frame)
    position = {cid: i for i, cid in enumerate(frame["claim_id"])}
    triangulated = ht.triangulate(frame).set_index("claim_ids")
    for _, row in totals.iterrows():
        drawn = 0.0
        for quantity_ids in triangulated.index:
            ids = quantity_ids.split(", ")
            if ids[0] not in row["claim_ids"].split(", "):
                continue
            # one value for the quantity, from inside one of its claims' intervals
            i = position[data.draw(st.sampled_from(ids))]
            top = hi[i] if math.isfinite(hi[i]) else lo[i] + 1e6
            drawn += data.draw(st.floats(lo[i], top, allow_nan=False))
        assert row["lower"] <= drawn * (1 + 1e-9) + 1e-6
        assert drawn <= row["upper"] * (1 + 1e-9) + 1e-6
        if any(math.isinf(hi[position[c]]) for c in row["claim_ids"].split(", ")):
            assert math.isinf(row["upper"])  # open bounds stay open


@settings(max_examples=60, deadline=None)
@given(crowded_claim_sets(min_size=1, max_size=25), st.integers(0, 2**31))
def test_totals_do_not_depend_on_the_order_of_the_claims(claim_set: ht.ClaimSet, seed: int) -> None:
    frame = claim_set.frame
    shuffled = frame.sample(frac=1.0, random_state=np.random.RandomState(seed))
    outcomes = []
    for version in (frame, shuffled):
        try:
            outcomes.append(ht.total(version, over="location", resolve="narrowest"))
        except AggregationError as error:
            outcomes.append(error.claim_ids)
    if isinstance(outcomes[0], pd.DataFrame):
        assert isinstance(outcomes[1], pd.DataFrame)
        pd.testing.assert_frame_equal(outcomes[1], outcomes[0])
    else:
        assert outcomes[1] == outcomes[0]  # the same claims named, in the same order


def test_vague_figures_keep_their_convention() -> None:
    # "dozens" is at least 12 (ACLED's convention) with no upper end; a total keeps both
    claims = table(
        claim("a", 12.0, "SY07", qualifier="vague", lower=12.0, upper=np.nan),
        claim("b", 5.0, "SY02"),
    )
    row = ht.total(claims, over="location").iloc[0]
    assert row["lower"] == 12 + 4.5
    assert math.isinf(row["upper"])


def test_figures_without_a_place_code_cannot_be_added_to_others() -> None:
    claims = table(
        claim("aleppo", 300.0, None, location="Aleppo"),
        claim("gaza", 10.0, None, location="Gaza"),
    )
    with pytest.raises(AggregationError, match="no place code") as caught:
        ht.total(claims, over="location")
    assert caught.value.code == "unknown_place"
    alone = ht.total(claims.iloc[[0]], over="location").iloc[0]
    assert alone["claim_ids"] == "aleppo"  # one figure alone is its own total


def test_periods_nested_three_deep_resolve_either_way() -> None:
    claims = table(
        claim("month", 300.0, "SY07", period_start=pd.Timestamp("2019-05-01"),
              period_end=pd.Timestamp("2019-05-31")),
        claim("week", 100.0, "SY07", period_start=pd.Timestamp("2019-05-01"),
              period_end=pd.Timestamp("2019-05-07")),
        claim("day", 10.0, "SY07", period_start=pd.Timestamp("2019-05-03"),
              period_end=pd.Timestamp("2019-05-03")),
    )  # fmt: skip
    widest = ht.total(claims, over="period", resolve="widest").iloc[0]
    assert (widest["claim_ids"], widest["left_out"]) == ("month", "day, week")
    narrowest = ht.total(claims, over="period", resolve="narrowest").iloc[0]
    assert (narrowest["claim_ids"], narrowest["left_out"]) == ("day", "month, week")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 1),
            st.sampled_from(["SY", "SY07", "SY0701", "SY02", None]),
            st.one_of(st.none(), st.integers(0, 30)),
            st.integers(0, 10),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_nested_overlaps_are_found_as_comparing_every_pair_would(
    rows: list[tuple[int, str | None, int | None, int]],
) -> None:
    from humtrack.aggregate.totals import _ancestor_pairs

    start = [-np.inf if s is None else float(s) for _, _, s, _ in rows]
    end = [(0.0 if s is None else float(s)) + length for _, _, s, length in rows]
    work = pd.DataFrame(
        {
            "total": [t for t, _, _, _ in rows],
            "code": pd.Series([c for _, c, _, _ in rows], dtype=object),
            "s": start,
            "e": end,
            "item": range(len(rows)),
            "claim_ids": [f"c{i}" for i in range(len(rows))],
        }
    )
    found = set(zip(*(_ancestor_pairs(work)[c].tolist() for c in ("outer", "inner")), strict=True))
    expected = {
        (a, b)
        for a in range(len(rows))
        for b in range(len(rows))
        if rows[a][0] == rows[b][0]
        and rows[a][1] is not None
        and rows[b][1] is not None
        and rows[b][1] != rows[a][1]
        and rows[b][1].startswith(rows[a][1])
        and start[a] <= end[b]
        and start[b] <= end[a]
    }
    assert found == expected

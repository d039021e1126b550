"""Triangulation: one row per quantity, honest ranges, a documented preferred figure."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import humtrack as ht
from humtrack.aggregate import TRIANGULATED_COLUMNS
from humtrack.errors import UsageError
from humtrack.intervals import effective_bounds
from humtrack.testing import crowded_claim_sets
from tests.conftest import SEEDS


def claims(*rows: dict[str, object]) -> pd.DataFrame:
    """Claims about killed in SY07 on 1-16 May 2019 unless a row says otherwise."""
    base = {
        "metric": "killed",
        "kind": "flow",
        "qualifier": "exact",
        "precision": 1.0,
        "location_code": "SY07",
        "period_start": pd.Timestamp("2019-05-01"),
        "period_end": pd.Timestamp("2019-05-16"),
    }
    frame = pd.DataFrame([{**base, **row} for row in rows])
    exact = frame["qualifier"] == "exact"
    frame["lower"] = frame.get("lower", pd.Series(np.nan, index=frame.index))
    frame["upper"] = frame.get("upper", pd.Series(np.nan, index=frame.index))
    frame.loc[exact, "lower"] = frame.loc[exact, "value"]
    frame.loc[exact, "upper"] = frame.loc[exact, "value"]
    return frame


def test_the_seeds_triangulate_one_row_per_quantity() -> None:
    table = ht.triangulate(SEEDS / "claims.csv", sources=SEEDS / "sources.csv")
    assert list(table.columns[-len(TRIANGULATED_COLUMNS) :]) == list(TRIANGULATED_COLUMNS)
    assert table["n_claims"].sum() == 17
    assert not table["conflict"].any()
    displaced = table[table["metric"] == "displaced"].iloc[0]
    # "more than 200,000": the floor stays, the ceiling stays open
    assert (displaced["lower"], displaced["upper"]) == (200000.0, np.inf)
    # the Jisr al-Shughur losses are five quantities (tanks, vehicles, missiles ...), not a conflict
    assert (table["location_code"] == "SY050204").sum() == 5


def test_a_group_reports_its_hull_median_sources_and_originators() -> None:
    frame = claims(
        {"claim_id": "a", "source_id": "s1", "value": 200.0, "attributed_to": "SOHR"},
        {"claim_id": "b", "source_id": "s2", "value": 240.0, "attributed_to": "the SOHR."},
        {"claim_id": "c", "source_id": "s3", "value": 300.0, "qualifier": "approx",
         "precision": 10.0},
    )  # fmt: skip
    row = ht.triangulate(frame).iloc[0]
    assert row["n_claims"] == 3
    assert row["n_sources"] == 3
    assert row["n_independent"] == 2  # SOHR twice, source s3 once
    assert (row["lower"], row["upper"], row["central"]) == (199.5, 310.0, 240.0)
    assert row["conflict"]  # 200 and about 300 cannot both be right
    assert row["claim_ids"] == "a, b, c"


def test_the_preferred_claim_follows_the_documented_order() -> None:
    frame = claims(
        {"claim_id": "old-good", "source_id": "s1", "value": 100.0, "credibility": 2},
        {"claim_id": "new-good", "source_id": "s2", "value": 110.0, "credibility": 2},
        {"claim_id": "new-poor", "source_id": "s3", "value": 120.0, "credibility": 5},
    )
    sources = pd.DataFrame(
        {
            "source_id": ["s1", "s2", "s3"],
            "published": pd.to_datetime(["2019-05-17", "2019-05-20", "2019-05-21"]),
            "reliability": ["B", "B", "A"],
        }
    )
    row = ht.triangulate(frame, sources=sources).iloc[0]
    assert row["latest_claim_id"] == "new-poor"
    assert row["preferred_claim_id"] == "new-good"  # credibility, then reliability, then recency
    first_reliability = ht.triangulate(frame, sources=sources, prefer=["reliability"]).iloc[0]
    assert first_reliability["preferred_claim_id"] == "new-poor"
    # all else equal, the smallest claim id: never the order of the rows
    tied = claims({"claim_id": "z", "value": 1.0}, {"claim_id": "m", "value": 1.0})
    assert ht.triangulate(tied).iloc[0]["preferred_claim_id"] == "m"


def test_bad_arguments_are_usage_errors() -> None:
    frame = claims({"claim_id": "a", "value": 1.0})
    with pytest.raises(UsageError, match="unknown preference 'loudness'"):
        ht.triangulate(frame, prefer=["loudness"])
    with pytest.raises(UsageError, match="'region'"):
        ht.triangulate(frame, by=["metric", "region"])
    table = ht.triangulate(frame)
    with pytest.raises(UsageError, match="triangulate the claims"):
        ht.triangulate(table, by=["metric"])


def test_by_changes_the_grouping() -> None:
    frame = claims(
        {"claim_id": "a", "value": 10.0, "location_code": "SY07"},
        {"claim_id": "b", "value": 20.0, "location_code": "SY02"},
    )
    assert len(ht.triangulate(frame)) == 2
    by_metric = ht.triangulate(frame, by=["metric", "kind"])
    assert list(by_metric.columns[:2]) == ["metric", "kind"]
    assert by_metric["n_claims"].tolist() == [2]


def test_an_empty_table_triangulates_to_an_empty_table() -> None:
    table = ht.triangulate(ht.ClaimSet())
    assert len(table) == 0
    assert list(table.columns[-len(TRIANGULATED_COLUMNS) :]) == list(TRIANGULATED_COLUMNS)


@settings(max_examples=60, deadline=None)
@given(crowded_claim_sets(min_size=1), st.integers(0, 2**31))
def test_order_does_not_matter_and_triangulating_again_changes_nothing(
    claim_set: ht.ClaimSet, seed: int
) -> None:
    frame = claim_set.frame
    table = ht.triangulate(frame)
    shuffled = frame.sample(frac=1.0, random_state=np.random.RandomState(seed))
    pd.testing.assert_frame_equal(ht.triangulate(shuffled), table)
    pd.testing.assert_frame_equal(ht.triangulate(table), table)


@settings(max_examples=60, deadline=None)
@given(crowded_claim_sets(min_size=1))
def test_each_row_agrees_with_its_claims(claim_set: ht.ClaimSet) -> None:
    frame = claim_set.frame
    lo, hi = effective_bounds(frame)
    table = ht.triangulate(frame)
    assert table["n_claims"].sum() == len(frame)
    listed = list(itertools.chain.from_iterable(ids.split(", ") for ids in table["claim_ids"]))
    assert sorted(listed) == sorted(frame["claim_id"])
    position = {cid: i for i, cid in enumerate(frame["claim_id"])}
    for _, row in table.iterrows():
        rows = [position[c] for c in row["claim_ids"].split(", ")]
        assert row["lower"] == lo[rows].min()
        assert row["upper"] == hi[rows].max()
        assert row["central"] == np.median(frame["value"].to_numpy()[rows])
        assert row["lower"] <= row["central"] <= row["upper"]
        # a conflict is exactly: some two claims' effective intervals do not overlap
        pairwise = any(lo[i] > hi[j] for i in rows for j in rows)
        assert row["conflict"] == pairwise
        assert row["preferred_claim_id"] in row["claim_ids"].split(", ")
        assert row["n_independent"] <= row["n_claims"]


def test_claims_without_a_place_code_are_kept_apart_by_their_place_name() -> None:
    frame = claims(
        {"claim_id": "aleppo", "value": 300.0, "location_code": None, "location": "Aleppo"},
        {"claim_id": "gaza", "value": 10.0, "location_code": None, "location": "Gaza"},
    )
    table = ht.triangulate(frame)
    assert table["claim_ids"].tolist() == ["aleppo", "gaza"]
    assert not table["conflict"].any()
    assert table["location_code"].isna().all()


def quoted(cid: str, source: str, place: str, quote: str) -> dict[str, object]:
    """A claim of 100 killed with its quote."""
    return {"claim_id": cid, "source_id": source, "value": 100.0, "location_code": place,
            "quote": quote, "quote_start": 0, "quote_end": len(quote)}  # fmt: skip


def test_a_quote_shared_across_quantities_does_not_make_the_result_depend_on_row_order() -> None:
    rows = [
        quoted("x", "s1", "SY07", "100 killed"),
        quoted("z", "s2", "SY07", "a hundred dead"),
        quoted("y", "s2", "SY08", "100 killed"),
    ]
    results = {
        tuple(ht.triangulate(claims(*order))["n_independent"])
        for order in itertools.permutations(rows)
    }
    assert results == {(2, 1)}


def test_sources_repeating_different_words_stay_independent() -> None:
    rows = [
        # s1 gave two different sentences elsewhere; s5 repeats one, s7 the other
        quoted("a", "s1", "SY02", "100 killed in the shelling"),
        quoted("b", "s1", "SY05", "a hundred dead after the strike"),
        quoted("c", "s5", "SY07", "100 killed in the shelling"),
        quoted("d", "s7", "SY07", "a hundred dead after the strike"),
    ]
    table = ht.triangulate(claims(*rows)).set_index("location_code")
    assert table.loc["SY07", "n_sources"] == 2
    assert table.loc["SY07", "n_independent"] == 2

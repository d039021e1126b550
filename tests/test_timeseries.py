"""Time series: flows spread over the days they cover, stocks carried forward with their age."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import humtrack as ht
from humtrack.errors import AggregationError, UsageError


def flow(
    claim_id: str, value: float, start: str | None, end: str, **extra: object
) -> dict[str, object]:
    return {
        "claim_id": claim_id,
        "metric": "killed",
        "kind": "flow",
        "value": value,
        "lower": value,
        "upper": value,
        "qualifier": "exact",
        "precision": 1.0,
        "location_code": "SY07",
        "period_start": pd.Timestamp(start) if start else pd.NaT,
        "period_end": pd.Timestamp(end),
        **extra,
    }


def stock(claim_id: str, value: float, day: str) -> dict[str, object]:
    return {
        **flow(claim_id, value, day, day),
        "metric": "idps",
        "kind": "stock",
    }


def test_a_flow_is_spread_over_its_days_and_open_bounds_stay_open() -> None:
    rows = [
        flow("a", 300.0, "2019-04-21", "2019-05-20"),
        flow("b", 50.0, "2019-06-01", "2019-06-10", qualifier="more_than", upper=np.nan),
    ]
    series = ht.timeseries(pd.DataFrame(rows))
    assert series["period_start"].dt.strftime("%Y-%m").tolist() == ["2019-04", "2019-05", "2019-06"]
    assert series["central"].tolist() == [100.0, 200.0, 50.0]
    assert math.isinf(series["upper"].iloc[2])
    assert series["spread"].all()


def test_a_flow_without_a_start_is_kept_whole_and_may_overlap_the_others() -> None:
    dated = flow("a", 300.0, "2019-04-21", "2019-05-20")
    elsewhere = flow("u", 20.0, None, "2019-07-10", location_code="SY02")
    series = ht.timeseries(pd.DataFrame([dated, elsewhere]))
    undated = series[~series["spread"]]
    assert undated["claim_ids"].tolist() == ["u"]
    assert undated["period_start"].isna().all()
    assert undated["central"].tolist() == [20.0]
    # in the same place, a toll "so far" may hold the dated one: counted twice unless resolved
    same_place = pd.DataFrame([dated, {**elsewhere, "location_code": "SY07"}])
    with pytest.raises(AggregationError, match=r"\[u\] and \[a\]"):
        ht.timeseries(same_place)
    kept = ht.timeseries(same_place, resolve="widest")
    assert kept["claim_ids"].tolist() == ["u"]
    assert kept["left_out"].tolist() == ["a"]  # what was set aside is said, not lost


def test_stocks_are_carried_forward_with_their_age() -> None:
    series = ht.timeseries(
        pd.DataFrame([stock("s1", 1000.0, "2019-04-15"), stock("s2", 1500.0, "2019-06-15")])
    )
    assert series["claim_ids"].tolist() == ["s1", "s1", "s2"]
    assert series["age_days"].tolist() == [15.0, 46.0, 15.0]
    assert series["period_end"].dt.strftime("%m-%d").tolist() == ["04-30", "05-31", "06-30"]


def test_overlapping_flows_raise_unless_resolved_and_bad_frequencies_are_named() -> None:
    rows = [
        flow("may", 300.0, "2019-05-01", "2019-05-31"),
        flow("week", 50.0, "2019-05-06", "2019-05-12"),
    ]
    with pytest.raises(AggregationError, match=r"\[may\] and \[week\]"):
        ht.timeseries(pd.DataFrame(rows))
    weekly = ht.timeseries(pd.DataFrame(rows), freq="W-MON", resolve="narrowest")
    assert weekly["claim_ids"].tolist() == ["week"]
    assert weekly["period_start"].dt.strftime("%Y-%m-%d").tolist() == ["2019-05-06"]
    with pytest.raises(UsageError, match="unknown frequency"):
        ht.timeseries(pd.DataFrame(rows[:1]), freq="fortnightly")


@settings(max_examples=100, deadline=None)
@given(
    st.dates(date(2000, 1, 1), date(2030, 1, 1)),
    st.integers(0, 400),
    st.floats(0, 1e7, allow_nan=False),
    st.sampled_from(["MS", "W-MON", "D", "QS", "YS"]),
)
def test_the_shares_of_a_flow_add_up_to_it(start: date, days: int, value: float, freq: str) -> None:
    end = start + timedelta(days=days)
    series = ht.timeseries(pd.DataFrame([flow("a", value, str(start), str(end))]), freq=freq)
    assert series["central"].sum() == pytest.approx(value, rel=1e-9, abs=1e-6)
    covered = (series["period_end"] - series["period_start"]).dt.days + 1
    assert series["period_start"].iloc[0].date() <= start
    assert series["period_end"].iloc[-1].date() >= end
    assert covered.sum() >= days + 1


@pytest.mark.parametrize("freq", ["h", "12h", "36h", "min", "bh"])
def test_frequencies_finer_than_a_day_are_refused(freq: str) -> None:
    flow = {
        "claim_id": "a", "metric": "killed", "value": 300.0, "qualifier": "exact",
        "precision": 1.0, "location_code": "SY07", "period_start": "2020-01-17",
        "period_end": "2020-02-15",
    }  # fmt: skip
    with pytest.raises(ht.HumtrackError, match="periods are whole days"):
        ht.timeseries(pd.DataFrame([flow]), freq=freq)
    assert ht.timeseries(pd.DataFrame([flow]), freq="2D")["central"].sum() == pytest.approx(300)

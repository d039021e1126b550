"""Households to people: the size in force, applied through the unit registry, and recorded."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import humtrack as ht
from humtrack.errors import AggregationError, UsageError


def households(*rows: tuple[str, str, float, str]) -> pd.DataFrame:
    """(claim_id, place, value, end day) household figures, plus one figure in people."""
    frame = pd.DataFrame(
        [
            {
                "claim_id": cid,
                "metric": "idps",
                "kind": "stock",
                "value": value,
                "lower": value,
                "upper": value,
                "qualifier": "exact",
                "precision": 100.0,
                "unit": "household",
                "location_code": place,
                "period_start": pd.Timestamp(day),
                "period_end": pd.Timestamp(day),
            }
            for cid, place, value, day in rows
        ]
    )
    people = frame.iloc[[0]].assign(claim_id="people", unit="person", notes="as written")
    return pd.concat([frame, people], ignore_index=True)


SIZES = pd.DataFrame(
    {
        "country": ["SY", "SY", "AF", None],
        "year": [2015, 2022, np.nan, np.nan],
        "household_size": [5.5, 4.9, 7.2, 5.0],
        "source": ["survey A", "survey B", "survey C", "default"],
    }
)


def test_each_claim_takes_its_countrys_size_for_its_year() -> None:
    frame = households(
        ("old", "SY07", 1000.0, "2019-05-01"),
        ("new", "SY02", 1000.0, "2024-05-01"),
        ("early", "SY", 1000.0, "2010-01-01"),
        ("afg", "AF", 1000.0, "2024-05-01"),
        ("else", "UA", 1000.0, "2024-05-01"),
    )
    out = ht.normalize(frame, household_size=SIZES).frame.set_index("claim_id")
    assert out.loc[["old", "new", "early", "afg", "else"], "value"].tolist() == [
        5500.0,
        4900.0,
        5500.0,  # before any survey: the earliest there is
        7200.0,
        5000.0,  # no row for UA: the row for everywhere
    ]
    assert (out.loc[["old", "new"], "unit"] == "person").all()
    assert out.loc["old", "precision"] == 550.0
    assert (
        out.loc["old", "notes"]
        == "converted from households x 5.5 (household size: SY, 2015, survey A)"
    )
    assert out.loc["people", "value"] == 1000.0  # already people: untouched
    assert out.loc["people", "notes"] == "as written"


def test_open_bounds_stay_open_and_a_table_can_be_a_file(tmp_path: Path) -> None:
    frame = households(("a", "SY07", 1000.0, "2019-05-01"))
    frame.loc[0, ["qualifier", "upper"]] = ["more_than", np.nan]
    path = tmp_path / "sizes.csv"
    SIZES.to_csv(path, index=False)
    claim = ht.normalize(frame, household_size=path)[0]
    assert str(claim.estimate) == "more than 5,500 (precision 550)"


def test_a_country_without_a_size_is_named() -> None:
    frame = households(("a", "UA14", 10.0, "2024-01-01"), ("b", "SY07", 10.0, "2024-01-01"))
    with pytest.raises(AggregationError, match=r"no household size for 1 .*\(a\)") as caught:
        ht.normalize(frame, household_size={"SY": 5.0})
    assert caught.value.code == "no_household_size"
    with pytest.raises(UsageError, match="row 2: household_size must be a positive number"):
        ht.normalize(
            frame, household_size=pd.DataFrame({"country": ["SY", "UA"], "household_size": [5, -1]})
        )
    with pytest.raises(UsageError, match="needs the columns country and household_size"):
        ht.normalize(frame, household_size=pd.DataFrame({"size": [5]}))


@given(st.floats(0.5, 20), st.floats(0, 1e7), st.sampled_from(["exact", "approx", "at_least"]))
def test_the_interval_scales_by_the_size(size: float, value: float, qualifier: str) -> None:
    frame = households(("a", "SY07", value, "2019-05-01"))
    frame.loc[0, "qualifier"] = qualifier
    if qualifier != "exact":
        frame.loc[0, "upper"] = np.nan
    if qualifier == "approx":
        frame.loc[0, "lower"] = np.nan
    before = ht.ClaimSet(frame)[0].estimate.interval()
    after = ht.normalize(frame, household_size=size)[0].estimate.interval()
    assert after.lower == pytest.approx(before.lower * size)
    assert after.upper == pytest.approx(before.upper * size)


def test_alpha3_countries_rows_without_a_year_and_rows_for_everywhere() -> None:
    frame = households(("a", "SY07", 100.0, "2019-05-01"), ("b", "UA14", 100.0, "2019-05-01"))
    sizes = pd.DataFrame(
        {
            "country": ["SYR", "SYR", None],
            "year": [None, 2021, None],
            "household_size": [5.0, 6.0, 4.0],
        }
    )
    out = ht.normalize(frame, household_size=sizes).frame.set_index("claim_id")
    # SYR is Syria; a 2019 figure takes Syria's size without a year, not 2021's
    assert out.loc["a", "value"] == 500.0
    assert out.loc["a", "notes"] == "converted from households x 5 (household size: SY)"
    assert out.loc["b", "value"] == 400.0
    assert out.loc["b", "notes"] == "converted from households x 4 (household size: everywhere)"

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given

import humtrack as ht
from humtrack.schema import CLAIM_COLUMNS, CLAIM_DTYPES
from humtrack.testing import claim_sets
from tests.conftest import SEEDS


def test_frame_has_exactly_the_canonical_columns_and_dtypes() -> None:
    frame = ht.read("seeds/claims.csv").frame
    assert tuple(frame.columns) == CLAIM_COLUMNS
    assert {c: frame[c].dtype for c in frame} == CLAIM_DTYPES
    ht.ClaimSchema.validate(frame)


@given(claim_sets(max_size=15))
def test_objects_and_table_convert_both_ways(claims: ht.ClaimSet) -> None:
    objects = claims.to_claims()
    assert ht.ClaimSet.from_claims(objects) == claims
    assert list(claims) == objects
    assert ht.ClaimSet(claims.frame) == claims


def test_bulk_objects_equal_checked_objects() -> None:
    claims = ht.read("seeds/claims.csv")
    for fast in claims:
        checked = ht.Claim(**{f: getattr(fast, f) for f in CLAIM_COLUMNS})
        assert checked == fast
        assert type(checked.credibility) is int


def test_filter_getitem_and_concat() -> None:
    claims = ht.read("seeds/claims.csv")
    flows = claims.filter(kind="flow")
    stocks = claims.filter(kind="stock")
    assert len(flows) + len(stocks) == len(claims)
    assert {c.kind for c in flows} == {"flow"}
    joined = ht.ClaimSet.concat([flows, stocks])
    assert sorted(joined.frame["claim_id"]) == sorted(claims.frame["claim_id"])
    assert isinstance(joined.frame["metric"].dtype, pd.CategoricalDtype)
    assert claims[0].claim_id == "s000-c01"
    assert claims[-1].claim_id == claims.frame["claim_id"].iloc[-1]
    assert len(claims[2:5]) == 3
    assert len(claims[(claims.frame["metric"] == "killed").to_numpy()]) == 1
    with pytest.raises(IndexError):
        claims[100]
    with pytest.raises(ht.SchemaError, match="more than one set"):
        ht.ClaimSet.concat([claims, claims])
    with pytest.raises(KeyError):
        claims.filter(colour="red")


def test_invalid_frame_raises_with_every_problem_and_the_valid_rows(
    seed_raw: pd.DataFrame,
) -> None:
    seed_raw.loc[0, "value"] = "-5"
    seed_raw.loc[3, "metric"] = "kiled"
    with pytest.raises(ht.SchemaError) as info:
        ht.ClaimSet(seed_raw)
    err = info.value
    assert err.report is not None
    assert err.valid is not None
    assert set(err.report.invalid_rows) == {0, 3}
    assert len(err.valid) == len(seed_raw) - 2


def test_claims_with_the_same_id_cannot_make_a_set() -> None:
    claim = ht.read("seeds/claims.csv")[0]
    with pytest.raises(ht.SchemaError, match="more than once"):
        ht.ClaimSet.from_claims([claim, claim])


def test_empty_claimset() -> None:
    empty = ht.ClaimSet()
    assert len(empty) == 0
    assert list(empty) == []
    assert tuple(empty.frame.columns) == CLAIM_COLUMNS


def test_a_claim_set_shows_as_a_readable_html_table() -> None:
    claims = ht.read(SEEDS / "claims.csv")
    html = claims._repr_html_()
    assert html.startswith("<p>ClaimSet(17 claims from 3 sources)</p><table")
    assert "<td>more than 200,000</td>" in html  # the figure as a phrase
    assert "<td>2019-05-01/2019-05-16</td>" in html  # the period in one cell
    many = ht.ClaimSet(pd.concat([claims.frame] * 5, ignore_index=True).assign(
        claim_id=[f"c{i}" for i in range(85)]
    ))  # fmt: skip
    assert "first 60 shown" in many._repr_html_()
    hostile = claims.frame.copy()
    hostile.loc[0, "quote"] = "<script>alert(1)</script>"
    hostile.loc[0, ["quote_start", "quote_end"]] = [0, 25]
    assert "<script>" not in ht.ClaimSet(hostile)._repr_html_()

"""Defects found in review, each pinned by a test."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import humtrack as ht
from humtrack.cli import main


def test_filter_aligns_a_boolean_series_on_the_index() -> None:
    claims = ht.read("seeds/claims.csv")
    reordered = claims.frame.sort_values("value")
    small = claims.filter(reordered["value"] < 100)
    assert sorted(small.frame["value"]) == sorted(v for v in claims.frame["value"] if v < 100)
    assert len(claims[claims.frame["value"] < 100]) == len(small)
    with pytest.raises(TypeError):
        claims[True]  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        claims[[0, 1]]  # type: ignore[call-overload]


def test_filter_by_date_objects() -> None:
    claims = ht.read("seeds/claims.csv")
    assert (
        len(claims.filter(period_end=date(2017, 10, 8)))
        == len(claims.filter(period_end="2017-10-08"))
        > 0
    )


def test_trailing_commas_are_read_without_shifting_columns(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("claim_id,metric,value,period_end\nc1,killed,5,2019-01-01,\n", encoding="utf-8")
    both = tmp_path / "both.csv"
    both.write_text(
        "claim_id,metric,value,period_end,\nc1,killed,5,2019-01-01,\n", encoding="utf-8"
    )
    for path in (rows, both):
        claim = ht.read(path)[0]
        assert (claim.claim_id, claim.metric, claim.value) == ("c1", "killed", 5.0)
    extra = tmp_path / "extra.csv"
    extra.write_text(
        "claim_id,metric,value,period_end\nc1,killed,5,2019-01-01,lost\n", encoding="utf-8"
    )
    with pytest.raises(ht.ReadError, match="line 2 has 5 fields"):
        ht.read(extra)


def test_duplicate_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text(
        "claim_id,metric,value,value,period_end\nc1,killed,5,6,2019-01-01\n", encoding="utf-8"
    )
    with pytest.raises(ht.ReadError, match="more than once"):
        ht.read(path)


def test_carriage_returns_survive_csv(tmp_path: Path) -> None:
    claim = ht.Claim(
        claim_id="c1",
        metric="killed",
        value=5.0,
        period_end=date(2019, 1, 1),
        notes="a\rb",
        quote="x\ry",
        quote_start=0,
        quote_end=3,
    )
    ht.write(ht.ClaimSet([claim]), tmp_path / "c.csv")
    pd.testing.assert_frame_equal(ht.read(tmp_path / "c.csv").frame, ht.ClaimSet([claim]).frame)


@pytest.mark.parametrize(
    "estimate",
    [
        ht.Estimate(5e6, "range", lower=500, upper=1e7),
        ht.Estimate(1.5e6, "range", lower=1, upper=2e6),
        ht.Estimate.parse("up to 2 million") + ht.Estimate.parse("100-1,000"),
    ],
)
def test_wide_ranges_write_and_read_back(estimate: ht.Estimate) -> None:
    assert ht.Estimate.parse(str(estimate)) == estimate


def test_between_mixed_scales() -> None:
    e = ht.Estimate.parse("between 500 and 10 million")
    assert (e.lower, e.upper) == (500, 10_000_000)


def test_nested_json_and_huge_integers_are_reported_not_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.json"
    path.write_text(
        json.dumps(
            [
                {"claim_id": "c1", "metric": ["killed"], "value": 5, "period_end": "2019-01-01"},
                {
                    "claim_id": "c2",
                    "metric": "killed",
                    "value": 5,
                    "period_end": "2019-01-01",
                    "credibility": 1e19,
                },
            ]
        ),
        encoding="utf-8",
    )
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "unknown metric" in out
    assert "not a whole number" in out


def test_one_bad_cell_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "claim_id,metric,value,period_end\nc1,killed,five,2019-01-01\nc2,killd,5,2019-01-01\n"
        "c3,killed,-5,2019-01-01\nc4,killed,inf,2019-01-01\nc5,killed,,2019-01-01\nc6,killed,1e309,2019-01-01\n",
        encoding="utf-8",
    )
    report = ht.validate(path)
    assert list(report.failures.groupby("row").size()) == [1, 1, 1, 1, 1, 1]


def test_hand_built_claims_are_normalised_like_table_rows() -> None:
    claim = ht.Claim(
        claim_id=" c1 ",
        metric="displaced",
        value=200_000.0,
        period_end=date(2019, 5, 16),
        location_code="syr",
        subject="",
        quote="abc",
        quote_start=pd.Series([0]).iloc[0],
        quote_end=3,
    )
    assert (claim.claim_id, claim.location_code, claim.subject, claim.precision) == (
        "c1",
        "SY",
        None,
        100_000.0,
    )
    assert type(claim.quote_start) is int
    claims = ht.ClaimSet([claim])
    assert ht.validate(claims).ok
    ht.ClaimSchema.validate(claims.frame)
    with pytest.raises(ht.SchemaError, match="must be text"):
        ht.Claim(claim_id="c2", metric="killed", value=1.0, period_end=date(2019, 1, 1), notes=5)  # type: ignore[arg-type]


def test_period_with_endpoints_of_different_precision() -> None:
    p = ht.Period.parse("2019-05-03/2019-06")
    assert (p.start, p.end, p.precision) == (date(2019, 5, 3), date(2019, 6, 30), "day")
    assert ht.Period.parse(str(p)) == p


def test_value_column_may_be_absent_for_ranges() -> None:
    raw = pd.DataFrame(
        {
            "claim_id": ["c1"],
            "metric": ["killed"],
            "lower": ["10"],
            "upper": ["20"],
            "qualifier": ["range"],
            "period_end": ["2019-01-01"],
        }
    )
    assert ht.ClaimSet(raw)[0].value == 15


def test_month_precision_source_must_start_on_the_first(tmp_path: Path) -> None:
    path = tmp_path / "sources.csv"
    path.write_text(
        "source_id,published,published_precision\ns1,2017-10-15,month\n", encoding="utf-8"
    )
    with pytest.raises(ht.SchemaError) as info:
        ht.read_sources(path)
    assert info.value.report is not None
    assert list(info.value.report.failures["check"]) == ["published_boundary"]


def test_a_nullable_boolean_mask_selects_claims_and_missing_answers_do_not() -> None:
    # frame["location_code"].str.startswith(...) is a nullable boolean with <NA> where the code
    # is missing; it was refused as "a mask must be boolean, not boolean"
    claims = ht.read("seeds/claims.csv")
    codes = claims.frame["location_code"].astype("string")
    codes.iloc[0] = pd.NA
    mask = codes.str.startswith("SY07")
    assert str(mask.dtype) == "boolean"
    assert mask.isna().sum() == 1
    chosen = claims.filter(mask)
    assert len(chosen) == int(mask.fillna(False).sum()) == 9
    assert set(chosen.frame["location_code"]) == {"SY07"}
    assert len(claims[mask]) == len(chosen)
    arrow = mask.astype("bool[pyarrow]")
    assert len(claims.filter(arrow)) == len(chosen)
    with pytest.raises(TypeError, match="must be boolean, not int64"):
        claims.filter(pd.Series(range(len(claims)), index=claims.frame.index))


def test_a_plus_after_a_number_is_at_least_for_the_checks_as_for_the_parser() -> None:
    # P004 read "100,000+" as more_than while Estimate.parse reads it as at_least
    assert ht.Estimate.parse("100,000+").qualifier == "at_least"
    claims = ht.read("seeds/claims.csv").frame.iloc[[4]].copy()
    quote = "more than 100,000+ people fled"[10:]
    claims[["value", "lower", "qualifier", "precision"]] = [100000.0, 100000.0, "at_least", 1000.0]
    claims[["quote", "quote_start", "quote_end"]] = [quote, 0, len(quote)]
    assert len(ht.check(claims, select=["P003", "P004"])) == 0
    claims["qualifier"] = "more_than"
    assert ht.check(claims, select=["P004"]).frame["code"].tolist() == ["P004"]

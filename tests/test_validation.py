"""Every kind of bad input is reported with its row and column, and valid rows still read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import humtrack as ht
from humtrack.validation import FAILURE_COLUMNS


def _set(row: int, column: str, value: str) -> Callable[[pd.DataFrame], None]:
    def spoil(frame: pd.DataFrame) -> None:
        frame.loc[row, column] = value

    return spoil


def _duplicate_id(frame: pd.DataFrame) -> None:
    frame.loc[3, "claim_id"] = frame.loc[2, "claim_id"]


BAD_CELLS = [
    # (spoiler, rows reported, column, check)
    (_set(0, "value", "-5"), {0}, "value", "non_negative"),
    (_set(1, "lower", "2000000"), {1}, "lower", "bounds_order"),
    (_set(9, "value", "25"), {9}, "value", "value_in_bounds"),
    (_set(4, "period_start", "2019-06-01"), {4}, "period_start", "period_order"),
    (_set(0, "metric", "kiled"), {0}, "metric", "unknown_metric"),
    (_set(0, "qualifier", "roughly-ish"), {0}, "qualifier", "unknown_qualifier"),
    (_set(0, "kind", "stocks and flows"), {0}, "kind", "unknown_kind"),
    (_set(0, "unit", "furlong"), {0}, "unit", "unknown_unit"),
    (_set(5, "credibility", "9"), {5}, "credibility", "credibility_range"),
    (_set(5, "credibility", "2.5"), {5}, "credibility", "not_an_integer"),
    (_duplicate_id, {2, 3}, "claim_id", "field_uniqueness"),
    (_set(6, "period_end", "2019-05-32"), {6}, "period_end", "not_a_date"),
    (_set(6, "period_end", "16 May 2019"), {6}, "period_end", "not_a_date"),
    (_set(7, "value", "two hundred"), {7}, "value", "not_a_number"),
    (_set(7, "quote_end", "10"), {7}, "quote_end", "quote_span"),
    (_set(8, "qualifier", "approx"), {8}, "qualifier", "bounds_qualifier"),
    (_set(0, "period_start", ""), {0}, "period_start", "stock_start"),
]


@pytest.mark.parametrize(("spoil", "rows", "column", "check"), BAD_CELLS)
def test_bad_cell_is_reported_with_row_and_column(
    seed_raw: pd.DataFrame,
    spoil: Callable[[pd.DataFrame], None],
    rows: set[int],
    column: str,
    check: str,
) -> None:
    spoil(seed_raw)
    report = ht.validate(seed_raw)
    assert not report.ok
    hits = report.failures[report.failures["check"] == check]
    assert set(hits["row"].astype(int)) == rows, report
    assert set(hits["column"]) == {column}
    assert hits["message"].str.len().min() > 10
    assert set(report.invalid_rows) == rows
    with pytest.raises(ht.SchemaError) as info:
        ht.ClaimSet(seed_raw)
    valid = info.value.valid
    assert valid is not None
    assert len(valid) == len(seed_raw) - len(rows)


def test_failures_table_has_its_documented_columns(seed_raw: pd.DataFrame) -> None:
    seed_raw.loc[0, "value"] = "abc"
    failures = ht.validate(seed_raw).failures
    assert tuple(failures.columns) == FAILURE_COLUMNS
    first = failures.iloc[0]
    assert (first["row"], first["claim_id"], first["column"], first["value"]) == (
        0,
        "s000-c01",
        "value",
        "abc",
    )
    assert "not a number" in first["message"]


def test_validation_is_lazy_every_problem_is_reported(seed_raw: pd.DataFrame) -> None:
    chosen = [BAD_CELLS[i] for i in (0, 1, 3, 2, 8, 11, 13)]  # rows 0, 1, 4, 9, 5, 6, 7
    for spoil, *_ in chosen:
        spoil(seed_raw)
    report = ht.validate(seed_raw)
    expected = set().union(*(rows for _, rows, _, _ in chosen))
    assert set(report.invalid_rows) == expected
    assert {str(c) for c in report.failures["check"]} >= {check for *_, check in chosen}


def test_unknown_metric_suggests_the_close_one(seed_raw: pd.DataFrame) -> None:
    seed_raw.loc[0, "metric"] = "kiled"
    message = ht.validate(seed_raw).failures["message"].iloc[0]
    assert "did you mean 'killed'" in message


def test_missing_required_column_is_reported_for_the_table(seed_raw: pd.DataFrame) -> None:
    report = ht.validate(seed_raw.drop(columns=["metric"]))
    missing = report.failures[report.failures["check"] == "column_missing"]
    assert list(missing["column"]) == ["metric"]
    assert missing["row"].isna().all()


def test_extra_column_is_reported_and_left_out(seed_raw: pd.DataFrame) -> None:
    seed_raw["reviewer"] = "ana"
    report = ht.validate(seed_raw)
    extra = report.failures[report.failures["check"] == "unknown_column"]
    assert list(extra["column"]) == ["reviewer"]
    assert report.invalid_rows == []
    with pytest.raises(ht.SchemaError) as info:
        ht.ClaimSet(seed_raw)
    assert info.value.valid is not None
    assert len(info.value.valid) == len(seed_raw)
    assert "reviewer" not in info.value.valid.frame


def test_optional_columns_get_their_defaults() -> None:
    raw = pd.DataFrame(
        {
            "metric": ["killed", "idps", "displaced"],
            "value": ["200", "1000000", ""],
            "qualifier": ["more than", "", "range"],
            "lower": ["", "", "15"],
            "upper": ["", "", "20"],
            "period_start": ["2017-09-19", "2017-10-08", "2019-05-01"],
            "period_end": ["2017-10-08", "2017-10-08", "2019-05-16"],
        }
    )
    frame = ht.ClaimSet(raw).frame
    assert list(frame["kind"]) == ["flow", "stock", "flow"]
    assert list(frame["group"]) == ["all"] * 3
    assert list(frame["status"]) == ["recorded"] * 3
    assert list(frame["credibility"]) == [6] * 3
    assert list(frame["qualifier"]) == ["more_than", "exact", "range"]
    assert list(frame["lower"]) == [200, 1_000_000, 15]
    assert frame["upper"].isna().iloc[0]
    assert list(frame["precision"]) == [100, 1_000_000, 0.1]
    assert frame.loc[2, "value"] == 17.5
    assert frame["claim_id"].is_unique
    assert ht.ClaimSet(raw).frame["claim_id"].tolist() == frame["claim_id"].tolist()


def test_empty_file_and_non_utf8_are_read_errors(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "latin1.csv").write_bytes("metric,location\nkilled,Hom\xe9\n".encode("latin-1"))
    with pytest.raises(ht.ReadError, match="empty"):
        ht.validate(tmp_path / "empty.csv")
    with pytest.raises(ht.ReadError, match="not UTF-8"):
        ht.validate(tmp_path / "latin1.csv")


def test_sources_table_is_validated_too() -> None:
    raw = pd.read_csv("seeds/sources.csv", dtype=str, keep_default_na=False)
    raw.loc[1, "sha256"] = "xyz"
    raw.loc[2, "reliability"] = "G"
    with pytest.raises(ht.SchemaError) as info:
        ht.write_sources(raw, "/dev/null/never.csv")
    assert info.value.report is not None
    failures = info.value.report.failures
    assert set(zip(failures["row"], failures["column"], strict=True)) == {
        (1, "sha256"),
        (2, "reliability"),
    }

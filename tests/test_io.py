from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

import humtrack as ht
from humtrack.testing import claim_sets


@pytest.mark.parametrize("ext", ["csv", "json", "parquet"])
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(claims=claim_sets(max_size=10))
def test_round_trip_is_lossless(tmp_path: Path, ext: str, claims: ht.ClaimSet) -> None:
    path = tmp_path / f"claims.{ext}"
    ht.write(claims, path)
    back = ht.read(path)
    pd.testing.assert_frame_equal(back.frame, claims.frame)


def test_seed_claims_survive_every_format(tmp_path: Path) -> None:
    claims = ht.read("seeds/claims.csv")
    for ext in ("csv", "json", "parquet"):
        ht.write(claims, tmp_path / f"c.{ext}")
        pd.testing.assert_frame_equal(ht.read(tmp_path / f"c.{ext}").frame, claims.frame)


def test_namibia_is_not_missing(tmp_path: Path) -> None:
    claims = ht.read("seeds/claims.csv").to_frame()
    claims.loc[0, "location_code"] = "NA"
    ht.write(claims, tmp_path / "c.csv")
    assert ht.read(tmp_path / "c.csv").frame.loc[0, "location_code"] == "NA"


def test_alpha3_codes_are_normalised() -> None:
    raw = pd.read_csv("seeds/claims.csv", dtype=str, keep_default_na=False)
    raw.loc[0, "location_code"] = "tur"
    raw.loc[0, "origin_code"] = "SYR"
    frame = ht.ClaimSet(raw).frame
    assert (frame.loc[0, "location_code"], frame.loc[0, "origin_code"]) == ("TR", "SY")


def test_sources_round_trip(tmp_path: Path) -> None:
    sources = ht.read_sources("seeds/sources.csv")
    for ext in ("csv", "json", "parquet"):
        ht.write_sources(sources, tmp_path / f"s.{ext}")
        pd.testing.assert_frame_equal(ht.read_sources(tmp_path / f"s.{ext}"), sources)
    objects = ht.sources_from_frame(sources)
    pd.testing.assert_frame_equal(ht.sources_to_frame(objects), sources)


@pytest.mark.parametrize(
    ("content", "name", "error", "match"),
    [
        (None, "missing.csv", ht.ReadError, "no such file"),
        (b"", "empty.csv", ht.ReadError, "empty"),
        (b"  \n", "blank.json", ht.ReadError, "empty"),
        (b"metric,value\n\xff\xfe,1\n", "latin.csv", ht.ReadError, "not UTF-8.*line 2"),
        (b"metric,value\n", "claims.txt", ht.FormatError, "unknown extension"),
        (b"{not json", "bad.json", ht.ReadError, "not valid JSON"),
        (b'{"a": 1}', "obj.json", ht.ReadError, "array of objects"),
        (b"PAR1 not really", "fake.parquet", ht.ReadError, "not a readable Parquet file"),
    ],
)
def test_unreadable_input_gets_a_clear_error(
    tmp_path: Path, content: bytes | None, name: str, error: type[Exception], match: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(error, match=match):
        ht.read(path)


def test_errors_are_also_builtin_errors() -> None:
    assert issubclass(ht.ReadError, OSError)
    assert issubclass(ht.SchemaError, ValueError)
    assert issubclass(ht.ParseError, ValueError)
    assert issubclass(ht.FormatError, ht.HumtrackError)


def test_header_only_file_is_an_empty_valid_table(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("claim_id,metric,value,period_end\n", encoding="utf-8")
    assert len(ht.read(path)) == 0


def test_csv_cells_a_spreadsheet_would_run_are_neutralised_and_restored(tmp_path: Path) -> None:
    claims = ht.read("seeds/claims.csv").frame.copy()
    risky = ['=HYPERLINK("x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "'=already", "-5"]
    for i, text in enumerate(risky):
        claims.loc[i, "subject"] = text
    claims.loc[0, "notes"] = "=1+1"
    path = tmp_path / "claims.csv"
    ht.write(claims, path)
    written = path.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in written
    assert "'+cmd" in written
    assert "'@SUM" in written
    assert "''=already" in written
    assert ",-5," in written  # a number is not a formula: left as it is
    back = ht.read(path).frame
    assert back["subject"].tolist()[: len(risky)] == risky
    assert back.loc[0, "notes"] == "=1+1"

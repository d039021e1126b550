from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

import humtrack as ht
from humtrack.io import read_raw
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


@pytest.mark.parametrize(
    "options",
    [
        {},  # as humtrack writes it
        {"row_group_size": 4},  # one dictionary per row group
        {"row_group_size": 5, "use_dictionary": False},  # plain strings
        {"index": True},  # an index stored beside the columns
    ],
)
def test_parquet_text_columns_come_back_exactly(tmp_path: Path, options: dict[str, object]) -> None:
    frame = ht.read("seeds/claims.csv").to_frame()
    frame.loc[3, "notes"] = "a\x00b “x”\n"  # text with a NUL, curly quotes, a newline
    frame.loc[:5, "subject"] = pd.NA  # missing in some row groups, present in others
    frame.loc[8:, "subject"] = "people"
    frame["location"] = "Idlib"  # one value in every row
    if options.get("index"):
        frame.index = pd.Index([f"r{i}" for i in range(len(frame))])
    path = tmp_path / "c.parquet"
    frame.to_parquet(path, engine="pyarrow", **options)  # type: ignore[call-overload]
    back = ht.read(path).frame
    expected = ht.ClaimSet(frame.reset_index(drop=True)).frame
    pd.testing.assert_frame_equal(back, expected)
    assert (back.dtypes == expected.dtypes).all()


def test_a_parquet_file_of_text_made_by_another_tool_is_read(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {
        "metric": ["Killed", None],
        "value": ["12", "about"],
        "period_end": ["2020-01-01"] * 2,
    }
    pq.write_table(pa.table(columns), tmp_path / "c.parquet")  # no pandas metadata, all text
    raw = read_raw(tmp_path / "c.parquet")
    assert raw.astype(object).where(raw.notna(), None).to_dict("list") == columns
    with pytest.raises(ht.SchemaError) as info:
        ht.read(tmp_path / "c.parquet")
    assert info.value.report is not None
    assert set(info.value.report.failures["check"]) == {"not_a_number", "not_nullable"}


def test_row_checks_report_what_plain_pandera_checks_report() -> None:
    # the schemas' row checks answer one True when every row passes (humtrack.schema._row_check);
    # on a table with failing rows they must report exactly what plain checks would
    import copy

    import pandera.pandas as pa
    from pandera.errors import SchemaErrors

    from humtrack import schema

    plain = copy.deepcopy(ht.ClaimSchema)
    plain.checks = [
        pa.Check(function, name=name, error=name)
        for function, name in (
            (schema._bounds_order, "bounds_order"),
            (schema._value_in_bounds, "value_in_bounds"),
            (schema._bounds_match_qualifier, "bounds_qualifier"),
            (schema._period_order, "period_order"),
            (schema._start_only_for_flows, "stock_start"),
            (schema._quote_span, "quote_span"),
        )
    ]
    assert [c.name for c in plain.checks] == [c.name for c in ht.ClaimSchema.checks]
    good = ht.read("seeds/claims.csv").to_frame()
    ht.ClaimSchema.validate(good)
    plain.validate(good)
    bad = good.copy()
    bad.loc[0, ["lower", "upper"]] = [300.0, 100.0]  # bounds the wrong way round
    bad.loc[1, "value"] = 1e9  # outside its bounds
    bad.loc[2, "period_start"] = pd.Timestamp("2030-01-01")  # after its end
    bad.loc[3, ["quote_start", "quote_end"]] = pd.NA  # a quote without offsets
    bad.loc[4, ["subject", "notes", "upper", "lower"]] = [pd.NA, pd.NA, 1.0, 2.0]
    reports = []
    for candidate in (ht.ClaimSchema, plain):
        with pytest.raises(SchemaErrors) as info:
            candidate.validate(bad, lazy=True)
        cases = info.value.failure_cases.astype(str)
        reports.append(cases.sort_values(list(cases.columns)).reset_index(drop=True))
    pd.testing.assert_frame_equal(reports[0], reports[1])
    assert {"bounds_order", "value_in_bounds", "period_order", "quote_span"} <= set(
        reports[0]["check"]
    )


def test_a_sources_frame_reads_its_texts_from_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = Path("seeds").resolve()
    claims = ht.read(seeds / "claims.csv").frame.copy()
    claims.loc[0, ["quote_start", "quote_end"]] += 5  # a quote at the wrong place
    sources = ht.read_sources(seeds / "sources.csv")
    monkeypatch.chdir(tmp_path)  # far from the texts
    by_path = ht.check(claims, sources=seeds / "sources.csv")
    by_frame = ht.check(claims, sources=sources)
    assert "P002" in set(by_frame.frame["code"])
    assert not by_frame.ok
    assert by_frame.frame["code"].tolist() == by_path.frame["code"].tolist()


def test_generated_ids_tell_apart_figures_with_no_quote(tmp_path: Path) -> None:
    path = tmp_path / "hand.csv"
    path.write_text(
        "source_id,metric,period_end,value,location_code\n"
        "s1,killed,2020-01-01,5,SY07\ns1,killed,2020-01-02,5,SY05\ns1,killed,2020-01-03,7,SY05\n",
        encoding="utf-8",
    )
    ids = ht.read(path).frame["claim_id"]
    assert ids.is_unique
    assert len(ids) == 3
    # the same rows get the same ids again
    assert ht.read(path).frame["claim_id"].tolist() == ids.tolist()
    # rows that repeat each other still share one
    path.write_text(
        "source_id,metric,period_end,value\ns1,killed,2020-01-01,5\ns1,killed,2020-01-01,5\n",
        encoding="utf-8",
    )
    with pytest.raises(ht.SchemaError) as raised:
        ht.read(path)
    assert raised.value.report is not None
    assert set(raised.value.report.failures["check"]) == {"field_uniqueness"}


def test_dates_with_a_time_zone_are_read_as_their_day(tmp_path: Path) -> None:
    zoned = pd.to_datetime(["2020-01-01", "2020-03-05"]).tz_localize("Asia/Damascus")
    frame = pd.DataFrame(
        {
            "claim_id": ["a", "b"],
            "metric": ["killed", "killed"],
            "value": [5.0, 6.0],
            "period_end": zoned,
        }
    )
    assert ht.validate(frame).ok
    assert ht.ClaimSet(frame).frame["period_end"].dt.strftime("%Y-%m-%d").tolist() == [
        "2020-01-01",
        "2020-03-05",
    ]
    frame.to_parquet(tmp_path / "zoned.parquet")
    assert len(ht.read(tmp_path / "zoned.parquet")) == 2
    # a time of day is still refused, and the message shows it
    timed = frame.assign(period_end=pd.to_datetime(["2020-01-01 23:30", "2020-03-05 00:00"]))
    report = ht.validate(timed)
    assert not report.ok
    assert "23:30" in report.failures["message"].iloc[0]


def test_a_generated_id_depends_on_its_own_row_alone(tmp_path: Path) -> None:
    one = tmp_path / "one.csv"
    one.write_text(
        "source_id,metric,period_end,value,location_code\ns1,killed,2020-01-01,5,SY07\n",
        encoding="utf-8",
    )
    grown = tmp_path / "grown.csv"
    grown.write_text(
        "source_id,metric,period_end,value,location_code\n"
        "s1,killed,2020-01-01,5,SY07\ns1,killed,2020-01-02,5,SY05\n",
        encoding="utf-8",
    )
    first = ht.read(one).frame["claim_id"].iloc[0]
    assert ht.read(grown).frame["claim_id"].iloc[0] == first


def test_a_line_of_separators_alone_is_skipped_like_a_blank_line(tmp_path: Path) -> None:
    with_separators = tmp_path / "a.csv"
    with_separators.write_text(
        "claim_id,metric,period_end,value\na,killed,2020-01-01,5\n,,,\nb,killed,2020-01-02,x\n",
        encoding="utf-8",
    )
    with_blank = tmp_path / "b.csv"
    with_blank.write_text(
        "claim_id,metric,period_end,value\na,killed,2020-01-01,5\n\nb,killed,2020-01-02,x\n",
        encoding="utf-8",
    )
    reports = [ht.validate(read_raw(p)) for p in (with_separators, with_blank)]
    assert [r.failures[["row", "column"]].values.tolist() for r in reports] == [[[1, "value"]]] * 2

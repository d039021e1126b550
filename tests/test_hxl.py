"""HXL: our own tagged files round-trip; HDX-style tables become one claim per figure cell."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

import humtrack as ht
from humtrack.errors import HumtrackWarning
from humtrack.testing import claim_sets

HDX = Path(__file__).parent / "data" / "hxl" / "syria-casualties-by-governorate.csv"


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)
@given(claims=claim_sets(max_size=10))
def test_our_hxl_files_round_trip_losslessly(tmp_path: Path, claims: ht.ClaimSet) -> None:
    path = tmp_path / "claims.hxl.csv"
    ht.write(claims, path)
    pd.testing.assert_frame_equal(ht.read(path).frame, claims.frame)


def test_the_hashtag_row_follows_the_header_and_names_each_metric(tmp_path: Path) -> None:
    path = tmp_path / "seeds.hxl"
    ht.write(ht.read("seeds/claims.csv"), path, sources="seeds/sources.csv")
    header, tags, first = path.read_text(encoding="utf-8").splitlines()[:3]
    tag_of = dict(zip(header.split(","), tags.split(","), strict=True))
    assert tag_of["killed"] == "#affected+killed"
    assert tag_of["idps"] == "#affected+idps"
    assert tag_of["refugees"] == "#affected+refugees"
    assert tag_of["population"] == "#population"
    assert tag_of["period_start"] == "#date+start"
    assert tag_of["adm1_code"] == "#adm1+code"
    assert tag_of["country_code"] == "#country+code"
    assert tag_of["source_published"] == "#date+reported"
    assert tag_of["source_url"] == "#meta+url"
    assert "3200000" in first
    with pytest.raises(ht.UsageError, match="HXL files only"):
        ht.write(ht.read("seeds/claims.csv"), tmp_path / "x.csv", sources="seeds/sources.csv")


def test_an_hdx_table_becomes_one_claim_per_figure_cell() -> None:
    with pytest.warns(HumtrackWarning, match="#x_reliability"):
        claims = ht.read(HDX).frame
    # 4 figures in the Idlib May row, 3 in Hama's, none in Aleppo's, 3 in Idlib June
    assert len(claims) == 10
    idlib_may = claims[claims["claim_id"].str.startswith(f"{HDX.name}:r3:")]
    assert set(idlib_may["metric"]) == {"killed", "injured", "displaced"}
    women = idlib_may[idlib_may["group"] == "women"].iloc[0]
    assert (women["metric"], women["value"]) == ("killed", 37.0)
    households = idlib_may[idlib_may["unit"] == "household"].iloc[0]
    assert (households["metric"], households["value"]) == ("displaced", 18200.0)
    assert set(claims["location_code"]) == {"SY07", "SY05"}
    june = claims[claims["period_end"] == pd.Timestamp("2019-06-30")]
    assert 1024.0 in set(june["value"])  # "1,024" with a thousands separator
    # provenance: the file, the row and the column, and the unknown hashtag's value kept
    first = claims.iloc[0]
    assert first["notes"].startswith(f"{HDX.name} row 3, column 'People killed' (#affected+killed)")
    assert "#x_reliability=verified by two teams" in first["notes"]
    assert set(claims["source_id"]) == {"monitor-a", "monitor-b"}


def test_a_file_without_hashtags_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plain.hxl"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ht.ReadError, match="no HXL hashtag row"):
        ht.read(path)
    path.write_text("Name,Note\n#adm1+name,#description\nIdlib,x\n", encoding="utf-8")
    with (
        pytest.raises(ht.ReadError, match="no column holds a figure"),
        pytest.warns(HumtrackWarning),
    ):
        ht.read(path)


def test_a_header_repeated_over_several_figures_keeps_every_figure(tmp_path: Path) -> None:
    path = tmp_path / "hdx.csv"
    path.write_text(
        "Province,Date,Total,Total,,\n"
        "#adm1+code,#date,#affected+killed,#affected+injured,#affected+killed+children,"
        "#affected+killed+children\nSY07,2020-01-15,10,20,3,4\n",
        encoding="utf-8",
    )
    frame = ht.read(path).frame
    assert frame["claim_id"].is_unique
    assert sorted(zip(frame["metric"].astype(str), frame["value"], strict=True)) == [
        ("injured", 20.0),
        ("killed", 3.0),
        ("killed", 4.0),
        ("killed", 10.0),
    ]


def test_a_stock_narrowed_to_the_end_of_its_window_says_so(tmp_path: Path) -> None:
    path = tmp_path / "hdx.csv"
    path.write_text(
        "Province,Start,End,IDPs\n#adm1+code,#date+start,#date+end,#affected+idps\n"
        "SY07,2020-01-01,2020-12-31,100\n",
        encoding="utf-8",
    )
    claim = ht.read(path).frame.iloc[0]
    assert str(claim["period_start"].date()) == str(claim["period_end"].date()) == "2020-12-31"
    assert "window 2020-01-01 to 2020-12-31" in claim["notes"]


def test_an_empty_column_with_a_repeated_header_renames_no_ids(tmp_path: Path) -> None:
    path = tmp_path / "hdx.csv"
    path.write_text(
        "Province,Date,Total,Total\n#adm1+code,#date,#affected+killed,#affected+injured\nSY07,2020-01-15,10,\n",
        encoding="utf-8",
    )
    assert ht.read(path).frame["claim_id"].tolist() == ["hdx.csv:r3:Total"]

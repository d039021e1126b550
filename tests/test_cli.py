from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from humtrack.cli import main


def test_validate_valid_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "seeds/claims.csv"]) == 0
    assert "valid" in capsys.readouterr().out


def test_validate_invalid_file_exits_1_with_the_failures_table(
    tmp_path: Path, seed_raw: pd.DataFrame, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_raw.loc[2, "value"] = "-1"
    seed_raw.loc[4, "metric"] = "kiled"
    path = tmp_path / "bad.csv"
    seed_raw.to_csv(path, index=False)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "s000-c03" in out
    assert "unknown metric 'kiled'" in out
    assert main(["validate", str(path), "--format", "csv"]) == 1
    table = capsys.readouterr().out
    assert table.splitlines()[0] == "row,claim_id,column,check,value,message"


@pytest.mark.parametrize(
    ("content", "name"),
    [(None, "missing.csv"), (b"", "empty.csv"), (b"\xff\xfe", "bin.csv"), (b"x", "x.xlsx")],
)
def test_unreadable_input_exits_2_with_one_line(
    tmp_path: Path, content: bytes | None, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("humtrack: ")
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_show_prints_every_claim_readably(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "seeds/claims.csv", "--width", "220"]) == 0
    out = capsys.readouterr().out
    assert "more than 200,000" in out
    assert "3.2 million" in out
    assert "2019-05-01/2019-05-16" in out
    assert out.rstrip().endswith("17 claims")


def test_show_of_invalid_file_exits_1(
    tmp_path: Path, seed_raw: pd.DataFrame, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_raw.loc[0, "value"] = "lots"
    path = tmp_path / "bad.csv"
    seed_raw.to_csv(path, index=False)
    assert main(["show", str(path)]) == 1
    assert "not a number" in capsys.readouterr().err


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2


def test_console_script_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "humtrack", "validate", "seeds/claims.csv"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_check_exit_codes_and_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    assert main(["check", str(seeds / "claims.csv"), "--sources", str(seeds / "sources.csv")]) == 0
    assert "K003" in capsys.readouterr().out
    bad = pd.read_csv(seeds / "claims.csv", dtype=str, keep_default_na=False)
    bad.loc[4, ["value", "lower"]] = "20000"  # the quote says "more than 200,000"
    path = tmp_path / "claims.csv"
    bad.to_csv(path, index=False)
    args = ["check", str(path), "--sources", str(seeds / "sources.csv")]
    assert main(args) == 1
    out = capsys.readouterr().out
    assert out.startswith("P003 error: claim s001-c01")
    assert main([*args, "--ignore", "P003", "--format", "csv"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].startswith("code,severity,rule,claim_ids")
    assert main([*args, "--select", "P003", "--format", "json"]) == 1
    assert '"code":"P003"' in capsys.readouterr().out.replace(" ", "")
    assert main(["check", str(tmp_path / "missing.csv")]) == 2
    assert main(["check", str(path), "--select", "nonsense"]) == 2
    assert "unknown rule" in capsys.readouterr().err


def test_rules_lists_and_explains(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert len(listing) >= 20
    assert listing[0].split()[:3] == ["P001", "error", "source-changed"]
    assert main(["rules", "C001"]) == 0
    text = capsys.readouterr().out
    assert "conflicting-figures (warning)" in text
    assert "Example:" in text
    assert main(["rules", "Z42"]) == 2


def test_triangulate_prints_and_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["triangulate", "seeds/claims.csv", "--sources", "seeds/sources.csv"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "at least 200,000" in out  # the range column
    assert "s001-c01" in out
    target = tmp_path / "quantities.csv"
    assert main([*args, "-o", str(target)]) == 0
    written = pd.read_csv(target)
    assert written["n_claims"].sum() == 17
    assert main([*args, "--prefer", "loudness"]) == 2
    assert "unknown preference" in capsys.readouterr().err


def test_total_filters_sums_and_reports_overlaps(
    tmp_path: Path, seed_raw: pd.DataFrame, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["total", "seeds/claims.csv", "--metric", "killed", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert table["claim_ids"].tolist() == ["s000-c03"]
    # a country-wide toll beside a governorate's: counted twice unless resolved
    whole = seed_raw.iloc[[2]].assign(claim_id="whole", location_code="SY", value="500")
    whole[["lower", "upper", "qualifier"]] = ["500", "500", "exact"]
    path = tmp_path / "claims.csv"
    pd.concat([seed_raw, whole]).to_csv(path, index=False)
    assert main(["total", str(path), "--metric", "killed"]) == 1
    err = capsys.readouterr().err
    assert "[whole] and [s000-c03]" in err
    assert main(["total", str(path), "--metric", "killed", "--resolve", "widest"]) == 0
    assert "s000-c03" in capsys.readouterr().out  # listed as left out
    assert main(["total", str(path), "--over", "place"]) == 2


def test_convert_between_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "seeds/claims.csv", str(tmp_path / "c.parquet")]) == 0
    assert main(["convert", str(tmp_path / "c.parquet"), str(tmp_path / "c.hxl")]) == 0
    assert main(["convert", str(tmp_path / "c.hxl"), str(tmp_path / "c.json")]) == 0
    import humtrack as ht

    pd.testing.assert_frame_equal(
        ht.read(tmp_path / "c.json").frame, ht.read("seeds/claims.csv").frame
    )
    assert main(["convert", "seeds/claims.csv", str(tmp_path / "c.xlsx")]) == 2
    assert "unknown extension" in capsys.readouterr().err


def test_ledger_add_log_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = str(tmp_path / "claims.sqlite")
    assert main(["ledger", "add", ledger, "seeds/claims.csv", "--by", "analyst"]) == 0
    assert "17 claims added" in capsys.readouterr().err
    assert main(["ledger", "add", ledger, "seeds/claims.csv"]) == 1
    assert "already in the ledger" in capsys.readouterr().err
    assert main(["ledger", "log", ledger, "s000-c03"]) == 0
    out = capsys.readouterr().out
    assert "s000-c03" in out
    assert "more than 200" in out
    assert "analyst" in out
    target = tmp_path / "now.csv"
    assert main(["ledger", "export", ledger, str(target)]) == 0
    assert len(pd.read_csv(target)) == 17
    assert main(["ledger", "log", str(tmp_path / "missing.sqlite")]) == 2


def test_extract_writes_the_format_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    text = tmp_path / "a.txt"
    text.write_text(
        "Aid agencies said 45 people were killed in Hama on Sunday.\n", encoding="utf-8"
    )
    assert main(["extract", str(text), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [(r["value"], r["metric"]) for r in records] == [(45.0, "killed")]
    # a format that contradicts the file's extension is refused, not written into it
    assert main(["extract", str(text), "--format", "json", "-o", str(tmp_path / "x.csv")]) == 2
    assert "does not match the extension" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


def test_options_that_name_nothing_are_errors_not_empty_results(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["total", "seeds/claims.csv", "--metric", "kiled"]) == 2
    assert "did you mean 'killed'" in capsys.readouterr().err
    assert main(["total", "seeds/claims.csv", "--metric", "killed", "--group", "kids"]) == 2
    assert "unknown group 'kids'" in capsys.readouterr().err
    assert main(["check", "seeds/claims.csv", "--select", ","]) == 2
    assert "names no rule" in capsys.readouterr().err


def test_a_file_that_is_no_ledger_is_unreadable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "fake.sqlite"
    fake.write_bytes(b"hello, not a database")
    assert main(["ledger", "export", str(fake), str(tmp_path / "out.csv")]) == 2
    assert "is not a humtrack ledger" in capsys.readouterr().err
    ledger = tmp_path / "l.sqlite"
    assert main(["ledger", "add", str(ledger), "seeds/claims.csv"]) == 0
    assert (
        main(["ledger", "export", str(ledger), str(tmp_path / "o.csv"), "--as-of", "garbage"]) == 2
    )
    err = capsys.readouterr().err
    assert "'garbage' is not a date or time" in err
    assert "Traceback" not in err


@pytest.mark.filterwarnings("always")
def test_warnings_on_the_command_line_are_one_plain_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hxl = tmp_path / "t.csv"
    hxl.write_text(
        "Province,Date,IDPs,Other\n#adm1+code,#date,#affected+idps,#foo+bar\nSY07,2020-01-15,100,x\n",
        encoding="utf-8",
    )
    assert main(["validate", str(hxl)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("humtrack: warning: ")
    assert "#foo+bar" in err
    assert "humtrack/io" not in err
    assert "HumtrackWarning" not in err


def test_extract_refuses_outputs_that_would_be_mixed_or_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "a.txt"
    text.write_text(
        "Aid agencies said 45 people were killed in Hama on Sunday.\n", encoding="utf-8"
    )
    compare = ["--compare", "seeds/claims.csv"]
    assert main(["extract", str(text), "--format", "json", *compare]) == 2
    assert "write the candidates with -o" in capsys.readouterr().err
    assert main(["extract", str(text), "--format", "table", "-o", str(tmp_path / "x.csv")]) == 2
    assert "--format table prints to the terminal" in capsys.readouterr().err
    assert main(["total", "seeds/claims.csv", "--metric", ","]) == 2
    assert "names no metric" in capsys.readouterr().err

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_quickstart_runs_and_prints_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(ROOT / "examples" / "quickstart.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "17 claims" in out
    assert "more than 200,000" in out


def test_aggregating_example_shows_a_conflict_an_overlap_and_a_total(
    capsys: pytest.CaptureFixture[str],
) -> None:
    runpy.run_path(str(ROOT / "examples" / "aggregating.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "AggregationError" in out
    assert "[x-syria] and [x-hama]" in out
    assert "Idlib + Hama, 1-16 May 2019: at least 195,000" in out
    assert "left out: x-syria" in out


def test_pictures_example_writes_three_pngs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["pictures.py", str(tmp_path)])
    runpy.run_path(str(ROOT / "examples" / "pictures.py"), run_name="__main__")
    written = sorted(p.name for p in tmp_path.glob("*.png"))
    assert written == ["seed_claims.png", "seed_quantities.png", "seed_timeline.png"]
    assert all((tmp_path / name).read_bytes().startswith(b"\x89PNG") for name in written)

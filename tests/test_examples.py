from __future__ import annotations

import json
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


def _outputs(notebook: object) -> str:
    """Everything the executed notebook's code cells printed or showed as text."""
    texts: list[str] = []
    for cell in notebook.cells:  # type: ignore[attr-defined]
        for out in cell.get("outputs", []):
            if out["output_type"] == "stream":
                texts.append(out["text"])
            elif "text/plain" in out.get("data", {}):
                texts.append(out["data"]["text/plain"])
    return "\n".join(texts)


def test_the_idlib_notebook_runs_end_to_end() -> None:
    written = ROOT / "build" / "idlib-report.html"
    written.unlink(missing_ok=True)  # the notebook must write it anew
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(ROOT / "examples" / "idlib.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), (
        "the notebook is kept without outputs; clear them before committing"
    )
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT / "examples")}},
        # a print reaches the kernel's stream in pieces when the machine is busy;
        # merged, one print is one output wherever the flushes fell
        coalesce_streams=True,
    )
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    shown = _outputs(notebook)
    # each step of the analysis says what the seeds really hold
    assert "ClaimSet(9 claims from 2 sources)" in shown
    assert "precision 1.00, recall 1.00" in shown
    assert "K003" in shown
    assert "does not state the recorded about 20,000" in shown  # the planted typo is caught
    assert "the ranges do not overlap" in shown  # the made-up second report conflicts
    assert "at least 195,000" in shown  # Idlib + Hama, open above
    assert "AggregationError: 2 pair(s) of figures would count the same people twice" in shown
    assert any(
        "image/png" in out.get("data", {})
        for cell in notebook.cells
        for out in cell.get("outputs", [])
    )
    assert written.read_text(encoding="utf-8").count("<mark>") == 9


def test_a_tool_using_humtrack_sets_aside_bad_rows_keeps_the_rest_and_publishes_ranges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "feed.json"
    monkeypatch.setattr("sys.argv", ["as_a_dependency.py", str(out)])
    with pytest.raises(SystemExit) as done:
        runpy.run_path(str(ROOT / "examples" / "as_a_dependency.py"), run_name="__main__")
    assert done.value.code == 0
    printed = capsys.readouterr().out
    # the two bad rows are named, with what is wrong in them
    assert "set aside: row 5: figure 'a lot'" in printed
    assert "set aside: row 4: period_end '2019-05-32'" in printed
    assert "C001 warning: claim feed-0" in printed
    entries = json.loads(out.read_text(encoding="utf-8"))
    by_place = {e["place"]: e for e in entries}
    assert sorted(by_place) == ["SY05", "SY07"]
    # the four valid rows are all there: two claims for each place
    assert [by_place[p]["claims"] for p in ("SY05", "SY07")] == [2, 2]
    assert by_place["SY07"] == {
        "place": "SY07", "day": "2019-05-16", "killed": "at least 40", "lower": 40.0,
        "upper": None, "claims": 2, "independent": 2, "conflict": True,
    }  # fmt: skip
    assert by_place["SY05"]["killed"] == "20-40"  # "about 30" and "thirty-one"

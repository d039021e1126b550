from __future__ import annotations

import runpy

import pytest

from tests.conftest import ROOT


def test_quickstart_runs_and_prints_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(ROOT / "examples" / "quickstart.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "17 claims" in out
    assert "more than 200,000" in out

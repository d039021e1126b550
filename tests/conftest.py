"""Shared fixtures: the project's root, the seeds and a writable copy of the seed claims."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def _run_in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Doctests and examples name paths relative to the project's root."""
    monkeypatch.chdir(ROOT)


@pytest.fixture
def seed_raw() -> pd.DataFrame:
    """The seed claims as text cells, ready to be spoiled by a test."""
    return pd.read_csv(SEEDS / "claims.csv", dtype=str, keep_default_na=False)

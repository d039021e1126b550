"""The ledger: nothing overwritten, all-or-nothing writes, safe under concurrency and SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import humtrack as ht
from humtrack.ledger import SCHEMA_VERSION
from tests.conftest import ROOT, SEEDS


def seeds() -> ht.ClaimSet:
    return ht.read(SEEDS / "claims.csv")


def many(n: int, prefix: str) -> pd.DataFrame:
    """N valid claims with ids prefix-0 .. prefix-(n-1)."""
    base = seeds().frame.iloc[[2]]
    frame = pd.concat([base] * n, ignore_index=True)
    frame["claim_id"] = [f"{prefix}-{i}" for i in range(n)]
    return frame


def test_add_correct_retract_and_read_back(tmp_path: Path) -> None:
    with ht.Ledger(tmp_path / "l.sqlite") as ledger:
        assert ledger.add(seeds(), sources=SEEDS / "sources.csv", by="analyst") == 17
        pd.testing.assert_frame_equal(ledger.current().frame, seeds().frame)
        before = pd.Timestamp.now(tz="UTC")
        time.sleep(0.01)
        corrected = ledger.correct("s000-c03", reason="the ministry's later toll", value=210.0,
                                   lower=210.0, by="reviewer")  # fmt: skip
        assert corrected[0].value == 210.0
        ledger.retract("s000-c04", reason="not a casualty figure")
        now = ledger.current()
        assert len(now) == 16
        assert now.frame.set_index("claim_id").loc["s000-c03", "value"] == 210.0
        # the past is still there
        then = ledger.as_of(before)
        pd.testing.assert_frame_equal(then.frame, seeds().frame)
        history = ledger.history("s000-c03")
        assert history["action"].tolist() == ["add", "correct"]
        assert history["value"].tolist() == [200.0, 210.0]
        assert history["reason"].isna().tolist() == [True, False]
        assert history["reason"].iloc[1] == "the ministry's later toll"
        assert history["recorded_by"].tolist() == ["analyst", "reviewer"]
        assert ledger.history("s000-c04")["action"].tolist() == ["add", "retract"]
        assert list(ledger.sources()["source_id"]) == ["s000", "s001", "s002"]
        # a retracted claim may come back
        ledger.add(seeds().frame[seeds().frame["claim_id"] == "s000-c04"])
        assert len(ledger.current()) == 17


def test_refusals_name_what_is_wrong_and_change_nothing(tmp_path: Path) -> None:
    with ht.Ledger(tmp_path / "l.sqlite") as ledger:
        ledger.add(seeds())
        mixed = pd.concat([many(3, "new"), seeds().frame.iloc[[0]]], ignore_index=True)
        with pytest.raises(
            ht.LedgerError, match=r"1 claim\(s\) are already in the ledger \(s000-c01\)"
        ):
            ledger.add(mixed)
        assert len(ledger.current()) == 17  # none of the three new ones went in
        with pytest.raises(ht.LedgerError, match="needs a reason"):
            ledger.correct("s000-c01", reason=" ", value=1.0)
        with pytest.raises(ht.LedgerError, match="breaks the schema"):
            ledger.correct("s000-c01", reason="typo", value=-1.0, lower=-1.0, upper=-1.0)
        with pytest.raises(ht.LedgerError, match="not in the ledger"):
            ledger.retract("nope", reason="x")
        with pytest.raises(ht.LedgerError, match="cannot change colour"):
            ledger.correct("s000-c01", reason="x", colour="red")
        assert len(ledger.history()) == 17


def test_the_schema_version_is_recorded_and_a_newer_one_refused(tmp_path: Path) -> None:
    path = tmp_path / "l.sqlite"
    with ht.Ledger(path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(ht.LedgerError, match="newer humtrack"):
        ht.Ledger(path)
    (tmp_path / "not.sqlite").write_text("hello", encoding="utf-8")
    with pytest.raises(ht.LedgerError, match="not a humtrack ledger"):
        ht.Ledger(tmp_path / "not.sqlite")


_WRITER = """
import sys, pandas as pd, humtrack as ht
sys.path.insert(0, {root!r})
from tests.test_ledger import many
path, prefix, n, batches = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
first = int(sys.argv[5]) if len(sys.argv) > 5 else n
with ht.Ledger(path) as ledger:
    for b in range(batches):
        if b == batches - 1:
            print("last batch", flush=True)
        ledger.add(many(n if b == batches - 1 else first, f"{{prefix}}{{b}}"))
print("done", flush=True)
"""


def _writer(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    script = tmp_path / "writer.py"
    script.write_text(_WRITER.format(root=str(ROOT)), encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(script), *args],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "l.sqlite"
    ht.Ledger(path).close()
    writers = [_writer(tmp_path, str(path), name, "300", "5") for name in ("a", "b")]
    for w in writers:
        out, _ = w.communicate(timeout=300)
        assert w.returncode == 0, out
    with ht.Ledger(path) as ledger:
        ids = set(ledger.current().frame["claim_id"])
    assert len(ids) == 2 * 5 * 300


def _write_locked(path: Path) -> bool:
    """Whether another connection holds the ledger's write lock (a write transaction is open)."""
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


def test_a_writer_killed_mid_add_leaves_every_committed_revision_and_none_of_its_own(
    tmp_path: Path,
) -> None:
    path = tmp_path / "l.sqlite"
    writer = _writer(tmp_path, str(path), "k", "200000", "2", "1000")  # small, then large
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "last batch"
    deadline = time.monotonic() + 120
    while not _write_locked(path) and time.monotonic() < deadline:
        time.sleep(0.005)  # until the large add holds the write lock: its transaction is open
    time.sleep(0.1)
    assert _write_locked(path)  # still inside the transaction
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=60)
    writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL
    with ht.Ledger(path) as ledger:
        ids = ledger.current().frame["claim_id"]
    assert len(ids) == 1000  # the first batch, committed
    assert ids.str.startswith("k0-").all()  # nothing of the killed one

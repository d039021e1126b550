"""The ledger: nothing overwritten, all-or-nothing writes, safe under concurrency and SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

import humtrack as ht
import humtrack.ledger as ledger_module
from humtrack.ledger import SCHEMA_VERSION
from humtrack.schema import CLAIM_COLUMNS, SOURCE_COLUMNS
from humtrack.testing import claim_sets
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
import os, sys, time, pandas as pd, humtrack as ht
sys.path.insert(0, {root!r})
from tests.test_ledger import many
path, prefix, n, batches = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
first = int(sys.argv[5]) if len(sys.argv) > 5 else n
stall = len(sys.argv) > 6 and sys.argv[6] == "stall"
with ht.Ledger(path) as ledger:
    for b in range(batches):
        claims = many(n if b == batches - 1 else first, f"{{prefix}}{{b}}")
        if b == batches - 1:
            print("last batch", flush=True)
            if stall:
                # a small page cache makes SQLite spill the add's pages to the write-ahead log
                # before it commits; once 16 MB of them are there (past the first block of claims),
                # stop inside the add and wait to be killed
                wal, grown = path + "-wal", os.path.getsize(path + "-wal") + 16 * 2**20
                ledger._db.execute("PRAGMA cache_size = 64")
                def halfway():
                    if os.path.getsize(wal) > grown:
                        print("half-written", flush=True)
                        time.sleep(600)
                    return 0
                ledger._db.set_progress_handler(halfway, 10_000)
        ledger.add(claims)
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
    writer = _writer(tmp_path, str(path), "k", "200000", "2", "1000", "stall")  # small, large
    assert writer.stdout is not None
    try:
        assert writer.stdout.readline().strip() == "last batch"
        # the large add stops once 16 MB of its pages are in the write-ahead log, uncommitted
        assert writer.stdout.readline().strip() == "half-written"
        assert _write_locked(path)  # still inside the transaction
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=60)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait(timeout=60)
        writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL
    with ht.Ledger(path) as ledger:
        ids = ledger.current().frame["claim_id"]
    assert len(ids) == 1000  # the first batch, committed
    assert ids.str.startswith("k0-").all()  # nothing of the killed one


# -- the storage layout: blocks of columns, and the migration from version 1 -------------------


def test_claims_spread_over_many_blocks_read_back_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_module, "BLOCK_SIZE", 4)  # 17 seeds: blocks of 4, 4, 4, 4, 1
    claims = seeds().frame
    with ht.Ledger(tmp_path / "l.sqlite") as ledger:
        ledger.add(claims)
        before = pd.Timestamp.now(tz="UTC")
        time.sleep(0.01)
        ledger.correct("s000-c03", reason="later toll", value=210.0, lower=210.0)
        ledger.retract("s001-c02", reason="duplicate")
        ledger.correct("s000-c01", reason="typo", notes="checked")
        extra = many(6, "x")
        ledger.add(extra)
        expected = pd.concat([claims, extra], ignore_index=True)
        expected.loc[expected["claim_id"] == "s000-c03", ["value", "lower"]] = 210.0
        expected.loc[expected["claim_id"] == "s000-c01", "notes"] = "checked"
        expected = expected[expected["claim_id"] != "s001-c02"].reset_index(drop=True)
        pd.testing.assert_frame_equal(ledger.current().frame, ht.ClaimSet(expected).frame)
        pd.testing.assert_frame_equal(ledger.as_of(before).frame, seeds().frame)
        history = ledger.history()
        assert history["rev"].tolist() == list(range(1, 27))
        assert (
            history["action"].tolist()
            == ["add"] * 17 + ["correct", "retract", "correct"] + ["add"] * 6
        )
        assert history["claim_id"].iloc[17:20].tolist() == ["s000-c03", "s001-c02", "s000-c01"]
        assert ledger.history("s000-c03")["value"].tolist() == [200.0, 210.0]
        with sqlite3.connect(tmp_path / "l.sqlite") as db:
            assert db.execute("SELECT COUNT(*) FROM blocks").fetchone()[0] == 5 + 3 + 2


def test_blocks_with_few_labels_each_add_up_to_many(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 300 distinct ids in blocks of 50: one-byte codes per block, 300 labels end to end
    monkeypatch.setattr(ledger_module, "BLOCK_SIZE", 50)
    claims = ht.ClaimSet(many(300, "m"))
    with ht.Ledger(tmp_path / "l.sqlite") as ledger:
        ledger.add(claims)
        ledger.correct("m-7", reason="x", notes="later")
        now = ledger.current().frame
    assert now["claim_id"].tolist() == claims.frame["claim_id"].tolist()
    assert now["notes"].iloc[7] == "later"
    pd.testing.assert_frame_equal(now.drop(index=7), claims.frame.drop(index=7))


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(claims=claim_sets(max_size=12))
def test_any_claim_set_comes_back_exactly(claims: ht.ClaimSet) -> None:
    with tempfile.TemporaryDirectory() as folder, ht.Ledger(Path(folder) / "l.sqlite") as ledger:
        assert ledger.add(claims) == len(claims)
        pd.testing.assert_frame_equal(ledger.current().frame, claims.frame)
        history = ledger.history()
        pd.testing.assert_frame_equal(history[list(claims.frame.columns)], claims.frame)
        if len(claims):
            with pytest.raises(ht.LedgerError, match="already in the ledger"):
                ledger.add(claims)


def test_ids_that_differ_after_a_nul_stay_apart(tmp_path: Path) -> None:
    # SQLite's JSON functions cut text at a NUL: such ids are indexed and compared exactly
    frame = many(3, "n")
    frame.loc[0, "claim_id"] = "n\x00a"
    frame.loc[1, "claim_id"] = "n"
    with ht.Ledger(tmp_path / "l.sqlite") as ledger:
        assert ledger.add(frame) == 3
        with pytest.raises(ht.LedgerError, match=r"1 claim\(s\) are already"):
            ledger.add(frame.iloc[[0]])
        ledger.retract("n", reason="x")
        assert ledger.current().frame["claim_id"].tolist() == ["n\x00a", "n-2"]
        assert ledger.history("n\x00a")["action"].tolist() == ["add"]


def test_a_damaged_file_is_reported_not_read(tmp_path: Path) -> None:
    path = tmp_path / "l.sqlite"
    with ht.Ledger(path) as ledger:
        ledger.add(seeds())
    damages = [
        ("UPDATE block_columns SET data = substr(data, 1, 8) WHERE name = 'value'", "values for"),
        ("UPDATE block_columns SET labels = '[1, 2, 3]' WHERE name = 'source_id'", "strings"),
        ("UPDATE block_columns SET dtype = '<f4' WHERE name = 'lower'", "unknown type"),
        ("DELETE FROM block_columns WHERE name = 'notes'", "no column 'notes'"),
        ("UPDATE revisions SET position = 99 WHERE rev = 3", "past the end"),
    ]
    for i, (damage, message) in enumerate(damages):
        copy = tmp_path / f"copy{i}.sqlite"
        copy.write_bytes(path.read_bytes())
        db = sqlite3.connect(copy, isolation_level=None)
        db.execute(damage)
        db.close()
        with ht.Ledger(copy) as ledger, pytest.raises(ht.LedgerError, match=message):
            ledger.current()
    # a value the schema forbids, written behind the ledger's back: validation on reading says so
    db = sqlite3.connect(path, isolation_level=None)
    data = db.execute("SELECT data FROM block_columns WHERE name = 'value'").fetchone()[0]
    negative = np.frombuffer(data, dtype="<f8").copy()
    negative[0] = -1.0
    db.execute("UPDATE block_columns SET data = ? WHERE name = 'value'", (negative.tobytes(),))
    db.close()
    with ht.Ledger(path) as ledger, pytest.raises(ht.LedgerError, match="holds invalid claims"):
        ledger.current()


#: How humtrack 0.1 (ledger schema version 1) wrote a ledger, kept here as it was: one row of
#: every claim column per revision, dates as text.
def _v1_schema() -> str:
    claim_columns = ", ".join(f'"{c}"' for c in CLAIM_COLUMNS)
    source_columns = ", ".join(f'"{c}"' for c in SOURCE_COLUMNS)
    return f"""
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS revisions (
            rev INTEGER PRIMARY KEY AUTOINCREMENT,
            action TEXT NOT NULL CHECK (action IN ('add', 'correct', 'retract')),
            recorded_at TEXT NOT NULL,
            recorded_by TEXT,
            reason TEXT,
            {claim_columns}
        );
        CREATE INDEX IF NOT EXISTS revisions_claim ON revisions (claim_id, rev);
        CREATE INDEX IF NOT EXISTS revisions_time ON revisions (recorded_at);
        CREATE TABLE IF NOT EXISTS source_revisions (
            rev INTEGER PRIMARY KEY AUTOINCREMENT,
            recorded_at TEXT NOT NULL,
            {source_columns}
        );
        CREATE INDEX IF NOT EXISTS source_revisions_id ON source_revisions (source_id, rev);
        INSERT INTO meta VALUES ('schema_version', '1');
        """


def _v1_cells(frame: pd.DataFrame, columns: tuple[str, ...]) -> list[list[object]]:
    out = []
    for name in columns:
        column = frame[name]
        if name in ("period_start", "period_end", "published"):
            text = column.dt.strftime("%Y-%m-%d")
            values = text.astype(object).where(text.notna(), None).tolist()
        elif pd.api.types.is_float_dtype(column.dtype):
            values = [None if np.isnan(x) else x for x in column.to_numpy(dtype=float).tolist()]
        else:
            values = column.astype(object).where(column.notna(), None).tolist()
        out.append(values)
    return out


def _v1_write(
    db: sqlite3.Connection,
    frame: pd.DataFrame,
    action: str,
    at: str,
    by: str | None = None,
    reason: str | None = None,
) -> None:
    columns = ("action", "recorded_at", "recorded_by", "reason", *CLAIM_COLUMNS)
    n = len(frame)
    rows = zip(
        [action] * n,
        [at] * n,
        [by] * n,
        [reason] * n,
        *_v1_cells(frame, CLAIM_COLUMNS),
        strict=True,
    )
    names = ", ".join(f'"{c}"' for c in columns)
    db.executemany(
        f"INSERT INTO revisions ({names}) VALUES ({', '.join('?' for _ in columns)})", rows
    )


def _v1_ledger(path: Path, *, broken: bool = False) -> None:
    """A version 1 ledger: the seeds and their sources added, one claim corrected, one retracted."""
    claims = seeds().frame
    with sqlite3.connect(path, isolation_level=None) as db:
        db.execute("PRAGMA journal_mode = WAL")
        for statement in _v1_schema().split(";"):
            if statement.strip():
                db.execute(statement)
        _v1_write(db, claims, "add", "2026-01-01T00:00:00.000000Z", "analyst")
        sources = ht.read_sources(SEEDS / "sources.csv")
        names = ", ".join(f'"{c}"' for c in ("recorded_at", *SOURCE_COLUMNS))
        rows = zip(
            ["2026-01-01T00:00:00.000000Z"] * len(sources),
            *_v1_cells(sources, SOURCE_COLUMNS),
            strict=True,
        )
        db.executemany(
            f"INSERT INTO source_revisions ({names}) VALUES ({', '.join('?' * 12)})", rows
        )
        corrected = claims[claims["claim_id"] == "s000-c03"].copy()
        corrected[["value", "lower"]] = -1.0 if broken else 210.0
        _v1_write(db, corrected, "correct", "2026-01-02T00:00:00.000000Z", "reviewer", "toll")
        retracted = claims[claims["claim_id"] == "s000-c04"]
        _v1_write(db, retracted, "retract", "2026-01-03T00:00:00.000000Z", None, "not a toll")
    db.close()


@pytest.mark.parametrize("block_size", [ledger_module.BLOCK_SIZE, 5])
def test_a_version_1_ledger_is_migrated_with_every_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block_size: int
) -> None:
    monkeypatch.setattr(ledger_module, "BLOCK_SIZE", block_size)  # 5: the add spans 4 blocks
    path = tmp_path / "v1.sqlite"
    _v1_ledger(path)
    with ht.Ledger(path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION == 2
        history = ledger.history()
        assert history["rev"].tolist() == list(range(1, 20))
        assert history["action"].tolist() == ["add"] * 17 + ["correct", "retract"]
        assert history["recorded_by"].iloc[-3:-1].tolist() == ["analyst", "reviewer"]
        assert pd.isna(history["recorded_by"].iloc[-1])
        assert history["reason"].iloc[-2:].tolist() == ["toll", "not a toll"]
        assert history["recorded_at"].iloc[-1] == pd.Timestamp("2026-01-03", tz="UTC")
        pd.testing.assert_frame_equal(
            history[list(CLAIM_COLUMNS)].iloc[:17].reset_index(drop=True), seeds().frame
        )
        pd.testing.assert_frame_equal(ledger.as_of("2026-01-01T12:00").frame, seeds().frame)
        now = ledger.current().frame
        assert len(now) == 16
        assert "s000-c04" not in set(now["claim_id"])
        assert now.set_index("claim_id").loc["s000-c03", "value"] == 210.0
        pd.testing.assert_frame_equal(ledger.sources(), ht.read_sources(SEEDS / "sources.csv"))
        ledger.add(many(2, "new"))  # numbering goes on after the migrated revisions
        assert ledger.history()["rev"].tolist()[-2:] == [20, 21]
        ledger.add(seeds().frame[seeds().frame["claim_id"] == "s000-c04"])  # retracted: may return
        with pytest.raises(ht.LedgerError, match="already in the ledger"):
            ledger.add(seeds().frame.iloc[[0]])
    with sqlite3.connect(path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        batches = db.execute("SELECT action, recorded_by FROM batches ORDER BY batch").fetchall()
    assert "revisions_v1" not in tables
    # one batch per call that wrote the version 1 rows, then the two adds made since
    assert batches[:3] == [("add", "analyst"), ("correct", "reviewer"), ("retract", None)]
    assert len(batches) == 5


def test_a_version_1_ledger_that_cannot_migrate_is_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    _v1_ledger(path, broken=True)
    with pytest.raises(ht.LedgerError, match=r"cannot migrate.*revision 18 holds an invalid"):
        ht.Ledger(path)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta").fetchone()[0] == "1"
        assert db.execute("SELECT COUNT(*) FROM revisions").fetchone()[0] == 19


def test_a_new_ledger_is_made_at_the_current_version_like_a_migrated_one(tmp_path: Path) -> None:
    def layout(path: Path) -> set[tuple[str, str]]:
        with sqlite3.connect(path) as db:
            return {
                (kind, name)
                for kind, name in db.execute("SELECT type, name FROM sqlite_master")
                if not name.startswith("sqlite_")
            }

    new, old = tmp_path / "new.sqlite", tmp_path / "v1.sqlite"
    with ht.Ledger(new) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION
    _v1_ledger(old)
    with ht.Ledger(old):
        pass
    # the same tables and indexes, whether made new or converted from version 1
    assert layout(new) == layout(old)
    assert ("table", "revisions_v1") not in layout(new)

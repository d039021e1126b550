"""A claims ledger: every claim ever recorded, every correction, nothing overwritten.

:class:`Ledger` keeps claims in a SQLite file (nothing to install). Each change
is a new *revision* of a claim, with the time it was recorded, who made it and
why: ``add`` records new claims, ``correct`` records a changed copy of a claim,
``retract`` records that a claim no longer stands. Nothing is updated in place
or deleted, so the state at any past moment can be read back (``as_of``), and
the ``history`` of a claim shows how it came to be what it is.

Integrity: every call that writes is one transaction (all of it is recorded or
none of it); the file uses SQLite's write-ahead log, so readers never block the
writer and a writer killed half-way leaves every committed revision readable and
none of the half-written ones; writers from several processes wait for each
other (a busy timeout) rather than fail. The file records its schema version,
and opening an older file migrates it.

Examples
--------
>>> import humtrack as ht, tempfile, pathlib
>>> folder = tempfile.mkdtemp()
>>> with ht.Ledger(pathlib.Path(folder) / "claims.sqlite") as ledger:
...     _ = ledger.add(ht.read("seeds/claims.csv"), sources="seeds/sources.csv", by="analyst")
...     _ = ledger.correct("s000-c03", reason="the toll was 210", value=210.0, lower=210.0)
...     ledger.current()[2].value, len(ledger.history("s000-c03"))
(210.0, 2)
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Final

import numpy as np
import pandas as pd

from humtrack.claimset import ClaimSet, as_claimset
from humtrack.errors import HumtrackError
from humtrack.schema import CLAIM_DTYPES, SOURCE_COLUMNS
from humtrack.tables import PathLike
from humtrack.validation import coerce_claims, coerce_sources

__all__ = ["SCHEMA_VERSION", "Ledger", "LedgerError"]

#: The version of the ledger's tables this humtrack writes.
SCHEMA_VERSION: Final = 1
_CLAIM_COLUMNS: Final = tuple(CLAIM_DTYPES)
_DATES: Final = frozenset({"period_start", "period_end", "published"})


class LedgerError(HumtrackError):
    """A ledger refused a change (a claim added twice, a claim that does not exist ...)."""


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _when(moment: str | datetime | pd.Timestamp) -> str:
    """A moment as the ledger writes it (UTC, ISO, microseconds)."""
    stamp = pd.Timestamp(moment)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _create_v1(db: sqlite3.Connection) -> None:
    claim_columns = ", ".join(f'"{c}"' for c in _CLAIM_COLUMNS)
    source_columns = ", ".join(f'"{c}"' for c in SOURCE_COLUMNS)
    script = f"""
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
        """
    # one statement at a time: executescript() would commit the migration's transaction
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


#: How to bring a ledger from each version to the next: version -> migration.
MIGRATIONS: Final[dict[int, Callable[[sqlite3.Connection], None]]] = {0: _create_v1}


def _cells(frame: pd.DataFrame, columns: tuple[str, ...]) -> list[list[Any]]:
    """Columns as lists of plain Python values for SQLite (dates as YYYY-MM-DD, missing as None)."""
    out = []
    for name in columns:
        column = frame[name]
        if name in _DATES:
            text = column.dt.strftime("%Y-%m-%d")
            values = text.astype(object).where(text.notna(), None).tolist()
        elif pd.api.types.is_float_dtype(column.dtype):
            array = column.to_numpy(dtype=float)
            values = [None if np.isnan(x) else x for x in array.tolist()]
        else:
            values = column.astype(object).where(column.notna(), None).tolist()
        out.append(values)
    return out


def _typed(records: list[tuple[Any, ...]], columns: list[str]) -> pd.DataFrame:
    """Rows from SQLite as a table with the canonical dtypes, column by column."""
    values = list(zip(*records, strict=True)) if records else [() for _ in columns]
    out: dict[str, Any] = {}
    for name, column in zip(columns, values, strict=True):
        dtype = CLAIM_DTYPES.get(name)
        if name in _DATES:
            out[name] = pd.to_datetime(pd.Series(column, dtype=object), format="%Y-%m-%d").astype(
                "datetime64[s]"
            )
        elif dtype is not None:
            out[name] = pd.Series(column, dtype=object).astype(dtype)  # type: ignore[call-overload]
        else:
            out[name] = pd.Series(column, dtype=object)
    return pd.DataFrame(out, columns=columns)


class Ledger:
    """A SQLite file that keeps every revision of every claim (see the module documentation).

    Parameters
    ----------
    path
        The ledger file; created when it does not exist.
    timeout
        Seconds a writer waits for another process's transaction to finish.
    """

    def __init__(self, path: PathLike, *, timeout: float = 60.0) -> None:
        self.path = Path(path)
        if self.path.exists() and self.path.is_dir():
            raise LedgerError(f"{self.path} is a directory, not a ledger file", code="not_a_file")
        try:
            self._db = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            self._db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA cache_size = -262144")  # 256 MB: large adds stay in memory
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise LedgerError(
                f"{self.path} is not a humtrack ledger: {exc}", code="not_a_ledger"
            ) from None

    # -- plumbing ----------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is recorded, or none of it."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _migrate(self) -> None:
        with self._transaction() as db:
            has_meta = db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
            ).fetchone()
            version = 0
            if has_meta:
                row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise LedgerError(
                    f"{self.path} was written by a newer humtrack (ledger schema {version}; "
                    f"this one knows up to {SCHEMA_VERSION}); upgrade humtrack to open it",
                    code="newer_schema",
                )
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](db)
                version += 1
            db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                (str(version),),
            )

    def close(self) -> None:
        """Close the file (the ledger stays as it is on disk)."""
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        claims, revisions = self._db.execute(
            "SELECT COUNT(DISTINCT claim_id), COUNT(*) FROM revisions"
        ).fetchone()
        return f"Ledger({os.fspath(self.path)!r}: {claims} claims, {revisions} revisions)"

    @property
    def schema_version(self) -> int:
        """The version of the ledger's tables."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0])

    # -- writing -----------------------------------------------------------------------------

    def _insert(
        self,
        db: sqlite3.Connection,
        frame: pd.DataFrame,
        action: str,
        at: str,
        by: str | None,
        reason: str | None,
    ) -> None:
        columns = ("action", "recorded_at", "recorded_by", "reason", *_CLAIM_COLUMNS)
        placeholders = ", ".join("?" for _ in columns)
        names = ", ".join(f'"{c}"' for c in columns)
        n = len(frame)
        cells = _cells(frame, _CLAIM_COLUMNS)
        rows = zip([action] * n, [at] * n, [by] * n, [reason] * n, *cells, strict=True)
        db.executemany(f"INSERT INTO revisions ({names}) VALUES ({placeholders})", rows)

    def _standing(self, db: sqlite3.Connection, ids: list[str]) -> set[str]:
        """Which of ``ids`` are claims of the ledger that have not been retracted."""
        db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (claim_id TEXT PRIMARY KEY)")
        db.execute("DELETE FROM wanted")
        db.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((i,) for i in ids))
        rows = db.execute(
            """
            SELECT r.claim_id FROM revisions r
            JOIN (SELECT claim_id, MAX(rev) AS rev FROM revisions
                  WHERE claim_id IN (SELECT claim_id FROM wanted) GROUP BY claim_id) l
              ON r.rev = l.rev
            WHERE r.action != 'retract'
            """
        ).fetchall()
        return {r[0] for r in rows}

    def add(
        self,
        claims: ClaimSet | pd.DataFrame | PathLike,
        *,
        sources: pd.DataFrame | PathLike | None = None,
        by: str | None = None,
        reason: str | None = None,
    ) -> int:
        """Record new claims (and their sources), all of them or none; returns how many.

        A claim whose id the ledger already holds (and has not retracted) is
        refused, with every such id named: change a claim with :meth:`correct`.
        A retracted claim may be added again.
        """
        if isinstance(claims, ClaimSet | pd.DataFrame):
            claim_set = as_claimset(claims)
        else:
            from humtrack.io import read

            claim_set = read(claims)
        frame = claim_set.frame
        source_frame = self._sources_frame(sources)
        at = _now()
        with self._transaction() as db:
            taken = sorted(self._standing(db, frame["claim_id"].astype(object).tolist()))
            if taken:
                shown = ", ".join(taken[:5]) + (" ..." if len(taken) > 5 else "")
                raise LedgerError(
                    f"{len(taken)} claim(s) are already in the ledger ({shown}); "
                    "use correct() to change a claim; nothing was added",
                    code="exists",
                )
            self._insert(db, frame, "add", at, by, reason)
            if source_frame is not None:
                self._insert_sources(db, source_frame, at)
        return len(frame)

    def _sources_frame(self, sources: pd.DataFrame | PathLike | None) -> pd.DataFrame | None:
        if sources is None:
            return None
        if isinstance(sources, pd.DataFrame):
            typed, report = coerce_sources(sources)
            if not report.ok:
                raise LedgerError(f"invalid sources table: {report.summary()}", code="sources")
            return typed
        from humtrack.io import read_sources

        return read_sources(sources)

    def _insert_sources(self, db: sqlite3.Connection, sources: pd.DataFrame, at: str) -> None:
        columns = ("recorded_at", *SOURCE_COLUMNS)
        names = ", ".join(f'"{c}"' for c in columns)
        placeholders = ", ".join("?" for _ in columns)
        cells = _cells(sources, tuple(SOURCE_COLUMNS))
        rows = zip([at] * len(sources), *cells, strict=True)
        db.executemany(f"INSERT INTO source_revisions ({names}) VALUES ({placeholders})", rows)

    def _latest(self, db: sqlite3.Connection, claim_id: str) -> pd.DataFrame:
        frame = self._revisions("WHERE claim_id = ? ORDER BY rev DESC LIMIT 1", (claim_id,), db)
        if frame.empty or frame["action"].iloc[0] == "retract":
            state = "was retracted" if len(frame) else "is not in the ledger"
            raise LedgerError(f"claim {claim_id!r} {state}", code="no_claim")
        return frame

    def correct(
        self, claim_id: str, *, reason: str, by: str | None = None, **changes: Any
    ) -> ClaimSet:
        """Record a corrected copy of a claim; returns it. The earlier revision stays.

        ``changes`` are canonical columns and their new values (``value=210.0``,
        ``qualifier="approx"``); the result must pass the schema.
        """
        if not reason or not str(reason).strip():
            raise LedgerError("a correction needs a reason", code="reason")
        unknown = sorted(set(changes) - set(_CLAIM_COLUMNS) - {"claim_id"})
        if unknown or "claim_id" in changes:
            what = ", ".join(unknown) if unknown else "claim_id"
            raise LedgerError(
                f"cannot change {what}: not a column a correction can set", code="column"
            )
        with self._transaction() as db:
            latest = self._latest(db, claim_id)[list(_CLAIM_COLUMNS)].copy()
            for column, value in changes.items():
                latest[column] = pd.Series([value], index=latest.index).astype(object)
            typed, report = coerce_claims(latest)
            if not report.ok:
                raise LedgerError(
                    f"the corrected claim {claim_id!r} breaks the schema: {report.failures['message'].iloc[0]}",
                    code="schema",
                )
            self._insert(db, typed, "correct", _now(), by, reason)
        return ClaimSet._trusted(typed)

    def retract(self, claim_id: str, *, reason: str, by: str | None = None) -> None:
        """Record that a claim no longer stands (its revisions stay in the history)."""
        if not reason or not str(reason).strip():
            raise LedgerError("a retraction needs a reason", code="reason")
        with self._transaction() as db:
            latest = self._latest(db, claim_id)[list(_CLAIM_COLUMNS)]
            typed, _ = coerce_claims(latest)
            self._insert(db, typed, "retract", _now(), by, reason)

    # -- reading -----------------------------------------------------------------------------

    def _revisions(
        self, where: str, parameters: tuple[Any, ...] = (), db: sqlite3.Connection | None = None
    ) -> pd.DataFrame:
        cursor = (db or self._db).execute(f"SELECT * FROM revisions {where}", parameters)
        names = [d[0] for d in cursor.description]
        return pd.DataFrame.from_records(cursor.fetchall(), columns=names)

    def history(self, claim_id: str | None = None) -> pd.DataFrame:
        """Every revision (of one claim, or of all), oldest first: when, what, who, why, and the
        claim as it stood after that revision."""
        if claim_id is None:
            frame = self._revisions("ORDER BY rev")
        else:
            frame = self._revisions("WHERE claim_id = ? ORDER BY rev", (claim_id,))
        text = pd.StringDtype("python", na_value=pd.NA)
        claims, _ = coerce_claims(frame[list(_CLAIM_COLUMNS)].reset_index(drop=True))
        head = pd.DataFrame(
            {
                "rev": frame["rev"].astype("int64"),
                "action": frame["action"].astype(text),
                "recorded_at": pd.to_datetime(frame["recorded_at"], format="ISO8601", utc=True),
                "recorded_by": frame["recorded_by"].astype(object).astype(text),
                "reason": frame["reason"].astype(object).astype(text),
            }
        ).reset_index(drop=True)
        return pd.concat([head, claims], axis=1)

    def _state(self, until: str | None) -> ClaimSet:
        condition = "WHERE recorded_at <= ?" if until is not None else ""
        parameters: tuple[Any, ...] = (until,) if until is not None else ()
        columns = ", ".join(f'r."{c}"' for c in _CLAIM_COLUMNS)
        cursor = self._db.execute(
            f"""
            SELECT r.action, {columns} FROM revisions r
            JOIN (SELECT claim_id, MAX(rev) AS rev, MIN(rev) AS first FROM revisions {condition}
                  GROUP BY claim_id) l ON r.rev = l.rev
            ORDER BY l.first
            """,
            parameters,
        )
        records = cursor.fetchall()
        frame = _typed(records, ["action", *_CLAIM_COLUMNS])
        frame = frame[(frame["action"] != "retract").to_numpy(dtype=bool)].drop(columns="action")
        typed, report = coerce_claims(frame.reset_index(drop=True))
        if not report.ok:  # pragma: no cover - only valid claims are ever written
            raise LedgerError(
                f"{self.path} holds invalid claims: {report.summary()}", code="corrupt"
            )
        return ClaimSet._trusted(typed)

    def current(self) -> ClaimSet:
        """The claims as they stand now: the latest revision of each, retracted ones left out,
        in the order they were first recorded."""
        return self._state(None)

    def as_of(self, moment: str | datetime | pd.Timestamp) -> ClaimSet:
        """The claims as they stood at ``moment`` (a naive moment is read as UTC)."""
        return self._state(_when(moment))

    def sources(self) -> pd.DataFrame:
        """The latest record of every source the ledger was given."""
        names = ", ".join(f's."{c}"' for c in SOURCE_COLUMNS)
        cursor = self._db.execute(
            f"""
            SELECT {names} FROM source_revisions s
            JOIN (SELECT source_id, MAX(rev) AS rev FROM source_revisions GROUP BY source_id) l
              ON s.rev = l.rev ORDER BY s.rev
            """
        )
        frame = pd.DataFrame.from_records(cursor.fetchall(), columns=list(SOURCE_COLUMNS))
        return coerce_sources(frame)[0]

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

Storage (schema version 2). Each write is a *batch* (``batches``: action, when,
who, why). The claims are stored column by column in *blocks* of up to
:data:`BLOCK_SIZE` claims (``blocks``, ``block_columns``), not one SQLite row
per claim: each cell of ``block_columns`` holds one column of one block as a
little-endian NumPy array whose type is named by ``dtype`` (``<f8`` figures,
``<M8[s]`` dates, ``<i8`` offsets and grades with a ``missing`` mask of ``|b1``),
or, when ``labels`` is given, as integer codes into ``labels``, a JSON array of
strings (text and categories; code -1 is missing). A narrow ``revisions`` table
indexes every revision of every claim: its number (``rev``), ``claim_id``, batch,
block and position in the block. Claim-level questions (is this id taken? what
is the latest revision of each claim?) are answered by SQLite on that index;
the columns are decoded in bulk with NumPy. Version 1 kept one row of 29 cells
per revision; opening a version 1 file converts it (same revision numbers,
times, authors, reasons and claims) in one transaction.

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

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import repeat
from pathlib import Path
from types import TracebackType
from typing import Any, Final

import numpy as np
import pandas as pd

from humtrack.claimset import ClaimSet, as_claimset
from humtrack.errors import HumtrackError, UsageError
from humtrack.schema import CLAIM_DTYPES, DATE_DTYPE, SOURCE_COLUMNS, TEXT_DTYPE, empty_claims
from humtrack.tables import PathLike
from humtrack.validation import coerce_claims, coerce_sources

__all__ = ["BLOCK_SIZE", "MIGRATIONS", "SCHEMA_VERSION", "Ledger", "LedgerError"]

#: The version of the ledger's tables this humtrack writes.
SCHEMA_VERSION: Final = 2
#: Claims per block: a batch's columns are stored in blocks of at most this many claims.
BLOCK_SIZE: Final = 65_536
_CLAIM_COLUMNS: Final = tuple(CLAIM_DTYPES)
_DATES: Final = frozenset({"period_start", "period_end", "published"})
_INT_DTYPE: Final = pd.Int64Dtype()
_FLOAT_DTYPE: Final = np.dtype("float64")
#: The array types a cell of ``block_columns`` may hold (little-endian, as written).
_CELL_DTYPES: Final = frozenset({"|i1", "<i2", "<i4", "<i8", "<f8", "<M8[s]", "|b1"})


class LedgerError(HumtrackError):
    """A ledger refused a change (a claim added twice, a claim that does not exist ...)."""


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _when(moment: str | datetime | pd.Timestamp) -> str:
    """A moment as the ledger writes it (UTC, ISO, microseconds)."""
    parsed: object
    try:
        parsed = pd.Timestamp(moment)
    except (ValueError, TypeError):
        parsed = None
    if not isinstance(parsed, pd.Timestamp) or pd.isna(parsed):
        raise UsageError(
            f"{moment!r} is not a date or time (write 2024-05-01 or 2024-05-01T12:00:00Z)",
            code="moment",
            value=str(moment),
        )
    stamp = parsed.tz_localize("UTC") if parsed.tzinfo is None else parsed.tz_convert("UTC")
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _run(db: sqlite3.Connection, script: str) -> None:
    # one statement at a time: executescript() would commit the migration's transaction
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


# -- schema versions and migrations ----------------------------------------------------------


def _create_v1(db: sqlite3.Connection) -> None:
    """Version 1: one row of every claim column per revision (kept to migrate old files)."""
    claim_columns = ", ".join(f'"{c}"' for c in _CLAIM_COLUMNS)
    source_columns = ", ".join(f'"{c}"' for c in SOURCE_COLUMNS)
    _run(
        db,
        f"""
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
        """,
    )


_V2_TABLES: Final = """
    CREATE TABLE batches (
        batch INTEGER PRIMARY KEY AUTOINCREMENT,
        action TEXT NOT NULL CHECK (action IN ('add', 'correct', 'retract')),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT,
        reason TEXT
    );
    CREATE INDEX batches_time ON batches (recorded_at);
    CREATE TABLE blocks (
        block INTEGER PRIMARY KEY AUTOINCREMENT,
        claims INTEGER NOT NULL CHECK (claims > 0)
    );
    CREATE TABLE block_columns (
        block INTEGER NOT NULL REFERENCES blocks (block),
        name TEXT NOT NULL,
        dtype TEXT NOT NULL,
        data BLOB NOT NULL,
        labels TEXT,
        missing BLOB,
        PRIMARY KEY (block, name)
    );
    CREATE TABLE revisions (
        rev INTEGER PRIMARY KEY AUTOINCREMENT,
        claim_id TEXT NOT NULL,
        batch INTEGER NOT NULL REFERENCES batches (batch),
        block INTEGER NOT NULL REFERENCES blocks (block),
        position INTEGER NOT NULL CHECK (position >= 0)
    );
    CREATE INDEX revisions_claim ON revisions (claim_id, rev, batch)
"""


def _v1_to_v2(db: sqlite3.Connection) -> None:
    """Version 1 to 2: the rows of ``revisions`` become column blocks and batches.

    Consecutive revisions with the same action, time, author and reason were written by one
    call and become one batch. Revision numbers, times, authors, reasons and every claim cell
    are kept; the version 1 table is dropped once copied (all in the caller's transaction, so
    a file that cannot be migrated is left as it was).
    """
    db.execute("ALTER TABLE revisions RENAME TO revisions_v1")
    db.execute("DROP INDEX IF EXISTS revisions_claim")
    db.execute("DROP INDEX IF EXISTS revisions_time")
    _run(db, _V2_TABLES)
    columns = ", ".join(f'"{c}"' for c in _CLAIM_COLUMNS)
    head = ["action", "recorded_at", "recorded_by", "reason"]
    batch = 0
    last: tuple[str | None, ...] | None = None
    after = -1
    while True:  # a block of revisions at a time
        cursor = db.execute(
            f"SELECT rev, {', '.join(head)}, {columns} FROM revisions_v1 WHERE rev > ? "
            "ORDER BY rev LIMIT ?",
            (after, BLOCK_SIZE),
        )
        records = cursor.fetchall()
        if not records:
            break
        frame = _typed(records, [d[0] for d in cursor.description])
        revs = frame["rev"].astype("int64")
        after = int(revs.iloc[-1])
        typed, report = coerce_claims(frame[list(_CLAIM_COLUMNS)])
        # the same claim twice among the revisions is history, not a problem
        failures = report.failures[report.failures["check"] != "field_uniqueness"]
        if not failures.empty:
            row, message = int(failures["row"].iloc[0]), failures["message"].iloc[0]
            raise LedgerError(
                f"cannot migrate the ledger: revision {revs.iloc[row]} holds an invalid claim: "
                f"{message}",
                code="corrupt",
            )
        # a run of rows with the same action, time, author and reason: one call wrote them
        starts = np.zeros(len(frame), dtype=bool)
        starts[0] = True
        for name in head:
            missing = frame[name].isna().to_numpy(dtype=bool)
            values = frame[name].astype(object).where(~missing, "").to_numpy(dtype=object)
            starts[1:] |= (missing[1:] != missing[:-1]) | (values[1:] != values[:-1])
        first_rows = np.flatnonzero(starts)
        text = frame[head].astype(object)
        meta = text.where(text.notna(), None).to_numpy()
        runs = []
        for row in first_rows.tolist():  # one per run, not per claim
            key = tuple(None if x is None else str(x) for x in meta[row])
            if key != last:
                batch = _new_batch(db, str(key[0]), str(key[1]), key[2], key[3])
                last = key
            runs.append(batch)
        batches = np.repeat(runs, np.diff([*first_rows.tolist(), len(frame)]))
        _write_blocks(db, batches.tolist(), _encode(typed), revs.tolist())
    db.execute("DROP TABLE revisions_v1")


def _create_current(db: sqlite3.Connection) -> None:
    """A new ledger, made at the current version at once (no version 1 tables to convert)."""
    source_columns = ", ".join(f'"{c}"' for c in SOURCE_COLUMNS)
    _run(
        db,
        f"""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE source_revisions (
            rev INTEGER PRIMARY KEY AUTOINCREMENT,
            recorded_at TEXT NOT NULL,
            {source_columns}
        );
        CREATE INDEX source_revisions_id ON source_revisions (source_id, rev);
        """,
    )
    _run(db, _V2_TABLES)


#: How to bring a ledger from each version to the next: version -> migration.
MIGRATIONS: Final[dict[int, Callable[[sqlite3.Connection], None]]] = {
    0: _create_v1,
    1: _v1_to_v2,
}


# -- encoding claims as column blocks ----------------------------------------------------------


@dataclass(frozen=True)
class _Cell:
    """One column of one block, as ``block_columns`` stores it."""

    name: str
    dtype: str
    data: bytes
    labels: str | None = None
    missing: bytes | None = None


@dataclass(frozen=True)
class _Block:
    """Up to :data:`BLOCK_SIZE` claims, column by column, with their ids as a JSON array."""

    claims: int
    ids: str
    cells: tuple[_Cell, ...]


def _code_dtype(n_labels: int) -> np.dtype[Any]:
    for code in ("|i1", "<i2", "<i4"):
        if n_labels <= np.iinfo(np.dtype(code)).max:
            return np.dtype(code)
    return np.dtype("<i8")


def _labelled(name: str, codes: np.ndarray, labels: list[str]) -> _Cell:
    data = codes.astype(_code_dtype(len(labels))).tobytes()
    return _Cell(name, _code_dtype(len(labels)).str, data, json.dumps(labels, ensure_ascii=False))


def _encode_column(name: str, column: pd.Series) -> _Cell:
    dtype = column.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        labels = [str(c) for c in dtype.categories]
        return _labelled(name, column.cat.codes.to_numpy(), labels)
    if isinstance(dtype, pd.StringDtype):
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        return _labelled(name, codes, np.asarray(uniques, dtype=object).tolist())
    if isinstance(dtype, pd.Int64Dtype):
        missing = column.isna().to_numpy(dtype=bool)
        values = column.to_numpy(dtype="<i8", na_value=0)
        return _Cell(
            name, "<i8", values.tobytes(), None, missing.tobytes() if missing.any() else None
        )
    if dtype == DATE_DTYPE:
        return _Cell(name, "<M8[s]", column.to_numpy(dtype="<M8[s]").tobytes())
    if dtype == _FLOAT_DTYPE:
        return _Cell(name, "<f8", column.to_numpy(dtype="<f8").tobytes())
    raise TypeError(f"column {name!r} has dtype {dtype}, not one the ledger stores")


def _encode(frame: pd.DataFrame) -> list[_Block]:
    """A canonical claims table as blocks of columns (vectorised, one block at a time)."""
    blocks = []
    for start in range(0, len(frame), BLOCK_SIZE):
        part = frame.iloc[start : start + BLOCK_SIZE]
        cells = tuple(_encode_column(name, part[name]) for name in _CLAIM_COLUMNS)
        ids = part["claim_id"]
        id_labels = cells[_CLAIM_COLUMNS.index("claim_id")].labels
        if ids.is_unique and id_labels is not None:
            ids_json = id_labels  # distinct ids: the labels are the ids, in order
        else:
            ids_json = json.dumps(ids.astype(object).tolist(), ensure_ascii=False)
        blocks.append(_Block(len(part), ids_json, cells))
    return blocks


def _cell_array(dtype: str, data: bytes, claims: int) -> np.ndarray:
    if dtype not in _CELL_DTYPES:
        raise LedgerError(f"a block column has an unknown type {dtype!r}", code="corrupt")
    stored = np.dtype(dtype)
    array = np.frombuffer(data, dtype=stored)
    if len(array) != claims:
        raise LedgerError(
            f"a block column holds {len(array)} values for {claims} claims", code="corrupt"
        )
    return array.astype(stored.newbyteorder("="), copy=False)


def _labels_array(labels: list[Any], name: str) -> np.ndarray:
    """Decoded labels as an object array, checked to be strings (in C, not label by label)."""
    table = np.empty(len(labels), dtype=object)
    try:
        table[:] = labels
    except ValueError:
        table = np.empty(0, dtype=object)
    if len(table) != len(labels) or pd.api.types.infer_dtype(table, skipna=False) not in (
        "string",
        "empty",
    ):
        raise LedgerError(f"the labels of {name!r} are not all strings", code="corrupt")
    return table


def _pick(values: np.ndarray, rows: np.ndarray | None) -> np.ndarray:
    return values if rows is None else values[rows]


def _codes(
    cells: list[tuple[Any, ...]], sizes: list[int], name: str
) -> tuple[np.ndarray, list[Any]]:
    """The codes of labelled cells as codes into their labels put end to end (-1: missing)."""
    decoded = []
    n_labels = 0
    for (dtype, data, text, _), size in zip((c[1:5] for c in cells), sizes, strict=True):
        codes = _cell_array(dtype, data, size)
        block_labels = json.loads(text)
        if not isinstance(block_labels, list):
            raise LedgerError(f"the labels of {name!r} are not a list", code="corrupt")
        if len(codes) and (codes.min() < -1 or codes.max() >= len(block_labels)):
            raise LedgerError(f"a code of {name!r} has no label", code="corrupt")
        decoded.append((codes, block_labels, n_labels))
        n_labels += len(block_labels)
    out = np.empty(sum(sizes), dtype=np.int32 if n_labels < 2**31 else np.int64)
    labels: list[Any] = []
    start = 0
    for codes, block_labels, offset in decoded:
        part = out[start : start + len(codes)]
        np.add(codes, offset, out=part, dtype=part.dtype, casting="unsafe")
        part[codes < 0] = -1
        labels.extend(block_labels)
        start += len(codes)
    return out, labels


def _decode_column(
    name: str, cells: list[tuple[Any, ...]], sizes: np.ndarray, rows: np.ndarray | None
) -> Any:
    """One claim column of several blocks (``cells`` in block order), at the rows ``rows`` of
    their concatenation (``None``: all of them, in order), with the column's canonical dtype."""
    canonical = CLAIM_DTYPES[name]
    labelled = [c[3] is not None for c in cells]
    if all(labelled):
        all_codes, labels = _codes(cells, sizes.tolist(), name)
        table = _labels_array(labels, name)
        codes = _pick(all_codes, rows)
        if isinstance(canonical, pd.CategoricalDtype):
            known = canonical.categories.get_indexer(pd.Index(table, dtype=object))
            if (known >= 0).all():
                known = np.append(known, -1)  # code -1 picks the last: missing
                return pd.Categorical.from_codes(known[codes], dtype=canonical)
            # a label this humtrack does not know: left as text for validation to report
            return np.take(np.append(table, np.array([pd.NA], dtype=object)), codes)
        if canonical != TEXT_DTYPE:
            raise LedgerError(f"the blocks of {name!r} hold labels", code="corrupt")
        return pd.array(table, dtype=TEXT_DTYPE).take(codes, allow_fill=True)
    if any(labelled):
        raise LedgerError(f"the blocks of {name!r} mix codes and values", code="corrupt")
    values = _pick(
        np.concatenate(
            [_cell_array(c[1], c[2], size) for c, size in zip(cells, sizes.tolist(), strict=True)]
        ),
        rows,
    )
    if canonical == _INT_DTYPE:
        missing = np.concatenate(
            [
                np.zeros(size, dtype=bool) if c[4] is None else _cell_array("|b1", c[4], size)
                for c, size in zip(cells, sizes.tolist(), strict=True)
            ]
        )
        return pd.arrays.IntegerArray(values.astype(np.int64, copy=False), _pick(missing, rows))
    expected = DATE_DTYPE if canonical == DATE_DTYPE else _FLOAT_DTYPE
    if values.dtype != expected:
        raise LedgerError(f"the blocks of {name!r} hold {values.dtype} values", code="corrupt")
    return values


def _ints(text: str) -> np.ndarray:
    return np.asarray(json.loads(text), dtype=np.int64)


def _read_rows(db: sqlite3.Connection, blocks: np.ndarray, positions: np.ndarray) -> pd.DataFrame:
    """The claims at ``(blocks[i], positions[i])``, in that order, with the canonical dtypes."""
    if len(blocks) == 0:
        return empty_claims()
    wanted = np.unique(blocks)
    wanted_json = json.dumps(wanted.tolist())
    found = db.execute(
        "SELECT block, claims FROM blocks WHERE block IN (SELECT value FROM json_each(?)) "
        "ORDER BY block",
        (wanted_json,),
    ).fetchall()
    if len(found) != len(wanted):
        raise LedgerError("a revision points to a block that is missing", code="corrupt")
    sizes = np.array([size for _, size in found], dtype=np.int64)
    where = np.searchsorted(wanted, blocks)
    if ((positions < 0) | (positions >= sizes[where])).any():
        raise LedgerError("a revision points past the end of its block", code="corrupt")
    picked = np.concatenate([[0], np.cumsum(sizes)[:-1]])[where] + positions
    every = len(picked) == sizes.sum() and picked[0] == 0 and bool((np.diff(picked) == 1).all())
    rows = None if every else picked  # every claim of the blocks in order: nothing to pick
    columns = {}
    for name in _CLAIM_COLUMNS:
        cells = db.execute(
            "SELECT block, dtype, data, labels, missing FROM block_columns "
            "WHERE name = ? AND block IN (SELECT value FROM json_each(?)) ORDER BY block",
            (name, wanted_json),
        ).fetchall()
        if [c[0] for c in cells] != wanted.tolist():
            raise LedgerError(f"a block has no column {name!r}", code="corrupt")
        columns[name] = _decode_column(name, cells, sizes, rows)
    return pd.DataFrame(columns)


# -- writing batches ---------------------------------------------------------------------------


def _new_batch(
    db: sqlite3.Connection, action: str, at: str, by: str | None, reason: str | None
) -> int:
    cursor = db.execute(
        "INSERT INTO batches (action, recorded_at, recorded_by, reason) VALUES (?, ?, ?, ?)",
        (action, at, by, reason),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _plain_json(ids: str) -> bool:
    """Whether SQLite's ``json_each`` reads these ids back exactly (it cuts text at a NUL)."""
    return "\\u0000" not in ids


def _write_blocks(
    db: sqlite3.Connection,
    batch: int | list[int],
    blocks: list[_Block],
    revs: list[int] | None = None,
) -> None:
    """Store blocks of claims and index their revisions: all of ``batch`` (or each of its own
    batch, as a list), numbered ``revs`` (or next)."""
    done = 0
    for block in blocks:
        cursor = db.execute("INSERT INTO blocks (claims) VALUES (?)", (block.claims,))
        number = cursor.lastrowid
        db.executemany(
            "INSERT INTO block_columns (block, name, dtype, data, labels, missing) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(number, c.name, c.dtype, c.data, c.labels, c.missing) for c in block.cells],
        )
        if isinstance(batch, int) and revs is None and _plain_json(block.ids):
            db.execute(
                "INSERT INTO revisions (claim_id, batch, block, position) "
                "SELECT value, ?, ?, key FROM json_each(?) ORDER BY key",
                (batch, number, block.ids),
            )
        else:
            span = slice(done, done + block.claims)
            db.executemany(
                "INSERT INTO revisions (rev, claim_id, batch, block, position) "
                "VALUES (?, ?, ?, ?, ?)",
                zip(
                    repeat(None) if revs is None else revs[span],
                    json.loads(block.ids),
                    repeat(batch) if isinstance(batch, int) else batch[span],
                    repeat(number),
                    range(block.claims),
                ),
            )
        done += block.claims


# -- version 1 rows (read by the migration) ----------------------------------------------------


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

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: every query inside sees the same committed state."""
        self._db.execute("BEGIN")
        try:
            yield self._db
        finally:
            self._db.execute("ROLLBACK")

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
            if version == 0:
                _create_current(db)  # a new file
                version = SCHEMA_VERSION
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

    def _record(
        self,
        db: sqlite3.Connection,
        frame: pd.DataFrame,
        action: str,
        at: str,
        by: str | None,
        reason: str | None,
        blocks: list[_Block] | None = None,
    ) -> None:
        if len(frame):
            batch = _new_batch(db, action, at, by, reason)
            _write_blocks(db, batch, _encode(frame) if blocks is None else blocks)

    def _standing(self, db: sqlite3.Connection, blocks: list[_Block]) -> list[str]:
        """Which of the blocks' ids are claims of the ledger that have not been retracted."""
        taken: list[str] = []
        for block in blocks:
            if _plain_json(block.ids):
                wanted = "SELECT value AS claim_id FROM json_each(:ids)"
                parameters: dict[str, str] = {"ids": block.ids}
            else:  # ids with a NUL: compared exactly through a temporary table
                db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (claim_id TEXT PRIMARY KEY)")
                db.execute("DELETE FROM wanted")
                db.executemany(
                    "INSERT OR IGNORE INTO wanted VALUES (?)", zip(json.loads(block.ids))
                )
                wanted, parameters = "SELECT claim_id FROM temp.wanted", {}
            rows = db.execute(
                f"""
                SELECT w.claim_id FROM ({wanted}) AS w
                JOIN batches AS b ON b.batch = (
                    SELECT r.batch FROM revisions AS r WHERE r.claim_id = w.claim_id
                    ORDER BY r.rev DESC LIMIT 1)
                WHERE b.action != 'retract'
                """,
                parameters,
            ).fetchall()
            taken.extend(r[0] for r in rows)
        return taken

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
        blocks = _encode(frame)  # before the transaction: the lock is held for the writes only
        at = _now()
        with self._transaction() as db:
            taken = sorted(self._standing(db, blocks))
            if taken:
                shown = ", ".join(taken[:5]) + (" ..." if len(taken) > 5 else "")
                raise LedgerError(
                    f"{len(taken)} claim(s) are already in the ledger ({shown}); "
                    "use correct() to change a claim; nothing was added",
                    code="exists",
                )
            self._record(db, frame, "add", at, by, reason, blocks)
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
        """The latest revision of a claim that stands (canonical, one row)."""
        row = db.execute(
            """
            SELECT r.block, r.position, b.action FROM revisions AS r
            JOIN batches AS b ON b.batch = r.batch
            WHERE r.claim_id = ? ORDER BY r.rev DESC LIMIT 1
            """,
            (claim_id,),
        ).fetchone()
        if row is None or row[2] == "retract":
            state = "was retracted" if row is not None else "is not in the ledger"
            raise LedgerError(f"claim {claim_id!r} {state}", code="no_claim")
        return _read_rows(db, np.array([row[0]]), np.array([row[1]]))

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
            self._record(db, typed, "correct", _now(), by, reason)
        return ClaimSet._trusted(typed)

    def retract(self, claim_id: str, *, reason: str, by: str | None = None) -> None:
        """Record that a claim no longer stands (its revisions stay in the history)."""
        if not reason or not str(reason).strip():
            raise LedgerError("a retraction needs a reason", code="reason")
        with self._transaction() as db:
            latest = self._latest(db, claim_id)[list(_CLAIM_COLUMNS)]
            typed, _ = coerce_claims(latest)
            self._record(db, typed, "retract", _now(), by, reason)

    # -- reading -----------------------------------------------------------------------------

    def history(self, claim_id: str | None = None) -> pd.DataFrame:
        """Every revision (of one claim, or of all), oldest first: when, what, who, why, and the
        claim as it stood after that revision."""
        condition, parameters = (
            ("", ()) if claim_id is None else ("WHERE r.claim_id = ?", (claim_id,))
        )
        with self._snapshot() as db:
            cursor = db.execute(
                f"""
                SELECT r.rev, b.action, b.recorded_at, b.recorded_by, b.reason, r.block, r.position
                FROM revisions AS r JOIN batches AS b ON b.batch = r.batch
                {condition} ORDER BY r.rev
                """,
                parameters,
            )
            names = [d[0] for d in cursor.description]
            frame = pd.DataFrame.from_records(cursor.fetchall(), columns=names)
            stored = _read_rows(
                db,
                frame["block"].to_numpy(dtype=np.int64),
                frame["position"].to_numpy(dtype=np.int64),
            )
        text = TEXT_DTYPE
        claims, _ = coerce_claims(stored)
        head = pd.DataFrame(
            {
                "rev": frame["rev"].astype("int64"),
                "action": frame["action"].astype(object).astype(text),
                "recorded_at": pd.to_datetime(frame["recorded_at"], format="ISO8601", utc=True),
                "recorded_by": frame["recorded_by"].astype(object).astype(text),
                "reason": frame["reason"].astype(object).astype(text),
            }
        ).reset_index(drop=True)
        return pd.concat([head, claims], axis=1)

    def _state(self, until: str | None) -> ClaimSet:
        condition = (
            "WHERE batch IN (SELECT batch FROM batches WHERE recorded_at <= ?)"
            if until is not None
            else ""
        )
        parameters: tuple[Any, ...] = (until,) if until is not None else ()
        with self._snapshot() as db:
            # the latest revision of every claim, as three aligned JSON arrays: SQLite groups
            # the narrow index; the claims themselves are decoded from their blocks in bulk
            first, blocks, positions = db.execute(
                f"""
                SELECT json_group_array(first), json_group_array(block),
                       json_group_array(position) FROM (
                    SELECT l.first AS first, r.block AS block, r.position AS position
                    FROM (SELECT MAX(rev) AS last, MIN(rev) AS first FROM revisions {condition}
                          GROUP BY claim_id) AS l
                    JOIN revisions AS r ON r.rev = l.last
                    JOIN batches AS b ON b.batch = r.batch
                    WHERE b.action != 'retract')
                """,
                parameters,
            ).fetchone()
            order = np.argsort(_ints(first), kind="stable")  # in the order first recorded
            frame = _read_rows(db, _ints(blocks)[order], _ints(positions)[order])
        typed, report = coerce_claims(frame)
        if not report.ok:
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

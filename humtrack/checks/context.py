"""Everything the rules share, computed once per :func:`~humtrack.check` call."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import repeat
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from humtrack.intervals import effective_bounds
from humtrack.numbers import format_number
from humtrack.vocab import VAGUE

__all__ = ["Context", "as_text", "cat"]

_PREFIX: Final = {
    "approx": "about ",
    "at_least": "at least ",
    "more_than": "more than ",
    "at_most": "up to ",
    "less_than": "fewer than ",
}


def _publication_end(published: pd.Series, precision: pd.Series) -> pd.Series:
    """The last day a publication date with its precision may stand for."""
    p = precision.astype(object)
    month_end = published + pd.offsets.MonthEnd(0)
    year_end = published + pd.offsets.YearEnd(0)
    end = published.where(~(p == "month").to_numpy(dtype=bool), month_end)
    return end.where(~(p == "year").to_numpy(dtype=bool), year_end)


@dataclass
class Context:
    """A checked claims table with what the rules need: intervals, publication dates, texts."""

    claims: pd.DataFrame
    sources: pd.DataFrame | None
    reference: pd.DataFrame
    texts_given: Mapping[str, str | bytes] = field(default_factory=dict)
    base_dir: Path | None = None

    def __post_init__(self) -> None:
        self.claims = self.claims.reset_index(drop=True)
        self.lo, self.hi = effective_bounds(self.claims)
        self.n = len(self.claims)
        self._cells: dict[str, np.ndarray] = {}
        #: what one rule computed that others reuse (grouping keys), by name
        self.memo: dict[object, Any] = {}

    # -- per-claim columns from the sources table ----------------------------------------

    @cached_property
    def source_rows(self) -> pd.DataFrame:
        """The sources table row of each claim (all missing when not given or not listed)."""
        if self.sources is None or self.sources.empty:
            return pd.DataFrame(
                {
                    "published": pd.Series(pd.NaT, index=self.claims.index, dtype="datetime64[s]"),
                    "published_precision": pd.Series(None, index=self.claims.index, dtype=object),
                    "listed": np.zeros(self.n, dtype=bool),
                }
            )
        s = self.sources.drop_duplicates("source_id").set_index("source_id")
        ids = self.claims["source_id"].astype(object)
        positions = s.index.get_indexer(pd.Index(ids))
        listed = positions >= 0
        take = np.where(listed, positions, 0)
        published = s["published"].to_numpy()[take]
        precision = s["published_precision"].astype(object).to_numpy()[take]
        return pd.DataFrame(
            {
                "published": pd.Series(published).where(listed, pd.NaT).astype("datetime64[s]"),
                "published_precision": pd.Series(precision, dtype=object).where(listed, None),
                "listed": listed,
            }
        )

    @cached_property
    def published_end(self) -> pd.Series:
        """Last day of each claim's publication window (NaT when unknown)."""
        rows = self.source_rows
        return _publication_end(rows["published"], rows["published_precision"])

    # -- source texts ---------------------------------------------------------------------

    @cached_property
    def texts(self) -> dict[str, tuple[str | None, str | None, str]]:
        """source_id -> (text, sha256 of its bytes, why not read) for every source claimed."""
        wanted = pd.unique(self.claims["source_id"].dropna().astype(object))
        out: dict[str, tuple[str | None, str | None, str]] = {}
        paths: dict[str, object] = {}
        if self.sources is not None and "path" in self.sources.columns:
            paths = dict(
                zip(
                    self.sources["source_id"].astype(object),
                    self.sources["path"].astype(object),
                    strict=True,
                )
            )
        for sid in wanted:
            sid = str(sid)
            if sid in self.texts_given:
                given = self.texts_given[sid]
                data = given if isinstance(given, bytes) else given.encode("utf-8")
                out[sid] = (data.decode("utf-8-sig"), hashlib.sha256(data).hexdigest(), "")
                continue
            path = paths.get(sid)
            if path is None or pd.isna(path):  # type: ignore[call-overload]
                out[sid] = (None, None, "no path in the sources table")
                continue
            full = Path(str(path))
            if not full.is_absolute() and self.base_dir is not None:
                full = self.base_dir / full
            try:
                data = full.read_bytes()
                out[sid] = (data.decode("utf-8-sig"), hashlib.sha256(data).hexdigest(), "")
            except (OSError, UnicodeDecodeError) as exc:
                reason = "no such file" if isinstance(exc, FileNotFoundError) else str(exc)
                where = (
                    " (read from the current folder: pass the sources table's path, or the "
                    "frame read_sources returns, so that paths are read from its folder)"
                    if self.base_dir is None and not full.is_absolute()
                    else ""
                )
                out[sid] = (None, None, f"{reason}: {os.fspath(full)}{where}")
        return out

    # -- helpers for messages (called on the few rows a rule reports) ----------------------

    def cell(self, row: int | np.integer[Any] | np.ndarray, column: str) -> Any:
        """One cell of the claims table (columns are kept as object arrays for fast lookups)."""
        values = self._cells.get(column)
        if values is None:
            values = self.claims[column].to_numpy(dtype=object)
            self._cells[column] = values
        return values[row]

    # -- the same, for many rows at once (rules with many findings) ------------------------

    def texts_of(self, rows: np.ndarray, column: str) -> np.ndarray:
        """A text column at ``rows`` as a numpy string array, missing cells as ""."""
        values = self.cell(np.asarray(rows, dtype=np.intp), column)
        return pd.Series(values, dtype=object).fillna("").to_numpy(dtype=object)

    def figures(self, rows: np.ndarray) -> np.ndarray:
        """:meth:`figure` for many rows: whole numbers below a million are written directly."""
        rows = np.asarray(rows, dtype=np.intp)
        q = self.cell(rows, "qualifier")
        value, lower, upper = (
            np.asarray(self.cell(rows, c), dtype=np.float64) for c in ("value", "lower", "upper")
        )
        shown = np.where(np.isin(q, ["at_least", "more_than"]) & ~np.isnan(lower), lower, value)
        shown = np.where(np.isin(q, ["at_most", "less_than"]) & ~np.isnan(upper), upper, shown)
        finite = np.isfinite(shown)
        simple = ~np.isin(q, ["range", "vague"]) & finite
        simple[simple] &= (shown[simple] == np.floor(shown[simple])) & (np.abs(shown[simple]) < 1e6)
        out = np.empty(len(rows), dtype=object)
        prefix = pd.Series(q, dtype=object).map(_PREFIX).fillna("").to_numpy(dtype=object)
        out[simple] = [
            p + f"{int(x):,}" for p, x in zip(prefix[simple], shown[simple], strict=True)
        ]
        out[~simple] = [self.figure(int(r)) for r in rows[~simple]]
        return out

    def periods(self, rows: np.ndarray) -> np.ndarray:
        """:meth:`period` for many rows."""
        rows = np.asarray(rows, dtype=np.intp)
        start = self.claims["period_start"].to_numpy()[rows].astype("datetime64[D]")
        end = self.claims["period_end"].to_numpy()[rows].astype("datetime64[D]")
        s = np.datetime_as_string(start).astype(object)
        e = np.where(np.isnat(end), "", np.datetime_as_string(end)).astype(object)
        return np.where(np.isnat(start), cat("..", e), np.where(s == e, s, cat(s, "..", e)))

    def describe_many(self, rows: np.ndarray) -> np.ndarray:
        """:meth:`describe` for many rows, as a numpy string array."""
        rows, back = np.unique(np.asarray(rows, dtype=np.intp), return_inverse=True)
        return self._describe_rows(rows)[back]

    def _describe_rows(self, rows: np.ndarray) -> np.ndarray:
        source = self.texts_of(rows, "source_id")
        by = self.texts_of(rows, "attributed_to")
        who = np.where(source == "", "no source", cat("source ", source))
        who = np.where(by == "", who, cat(who, ", citing ", by))
        place = self.texts_of(rows, "location_code")
        place = np.where(place == "", self.texts_of(rows, "location"), place)
        where = np.where(place == "", "", cat(" in ", place))
        return cat(
            "claim ",
            self.texts_of(rows, "claim_id"),
            " (",
            who,
            ") says ",
            self.figures(rows),
            " ",
            self.texts_of(rows, "metric"),
            where,
            " ",
            self.periods(rows),
        )

    def figure(self, row: int) -> str:
        """The figure of claim ``row`` as a phrase ("more than 200,000")."""
        q = self.cell(row, "qualifier")
        value, lower, upper = (self.cell(row, c) for c in ("value", "lower", "upper"))
        step = self.cell(row, "precision")
        step = None if pd.isna(step) else float(step)
        if q == "range" and not (pd.isna(lower) or pd.isna(upper)):
            return f"{format_number(float(lower))}-{format_number(float(upper))}"
        if q == "vague" and not pd.isna(lower):
            words = [w for w, v in VAGUE.items() if v.value == float(lower)]
            return words[0] if words else f"vague {format_number(float(lower))}"
        if q in ("at_least", "more_than") and not pd.isna(lower):
            value = lower
        if q in ("at_most", "less_than") and not pd.isna(upper):
            value = upper
        return _PREFIX.get(str(q), "") + format_number(float(value), step)

    def period(self, row: int) -> str:
        """The period of claim ``row`` as ``start..end`` (one day when they are equal)."""
        start, end = self.cell(row, "period_start"), self.cell(row, "period_end")
        e = "" if pd.isna(end) else end.strftime("%Y-%m-%d")
        if pd.isna(start):
            return f"..{e}"
        s = start.strftime("%Y-%m-%d")
        return s if s == e else f"{s}..{e}"

    def who(self, row: int) -> str:
        """Who says claim ``row``: its source, and the originator it cites."""
        source = self.cell(row, "source_id")
        by = self.cell(row, "attributed_to")
        text = "no source" if pd.isna(source) else f"source {source}"
        return text if pd.isna(by) else f"{text}, citing {by}"

    def describe(self, row: int) -> str:
        """ "claim X says more than 200,000 displaced in SY07 2019-05-01..16 (source s001)"."""
        place = self.cell(row, "location_code")
        place = self.cell(row, "location") if pd.isna(place) else place
        where = "" if pd.isna(place) else f" in {place}"
        return (
            f"claim {self.cell(row, 'claim_id')} ({self.who(row)}) says {self.figure(row)} "
            f"{self.cell(row, 'metric')}{where} {self.period(row)}"
        )


def as_text(values: Any) -> np.ndarray:
    """Any array of values as an object array of ``str`` (numbers written plainly)."""
    return np.asarray([str(v) for v in np.asarray(values, dtype=object)], dtype=object)


def cat(*parts: str | np.ndarray) -> np.ndarray:
    """Element-wise concatenation of text arrays and constants, as an object array of ``str``.

    Joining Python strings row by row is several times faster than numpy's
    string addition, which copies the growing result once per part.
    """
    n = max(len(p) for p in parts if not isinstance(p, str))
    columns = [repeat(p, n) if isinstance(p, str) else p for p in parts]
    out = np.empty(n, dtype=object)
    out[:] = ["".join(row) for row in zip(*columns, strict=False)]
    return out

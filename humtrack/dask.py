"""The same work on Dask, for corpora and claim tables that outgrow one machine.

Needs the ``dask`` extra (``pip install 'humtrack[dask]'``). Every function
returns what its pandas counterpart returns, computed partition by partition:

- :func:`extract_corpus`: one task per text file, as a Dask DataFrame of
  candidate claims (the same rows :func:`humtrack.extract_files` gives);
- :func:`validate`: each partition validated, the reports joined (rows
  numbered across the whole table);
- :func:`check` and :func:`triangulate`: claims are first shuffled so that
  every claim about one metric in one country (the first two letters of the
  place code, or the place's name) lands in one partition, since conflicts,
  independence and parts and wholes compare such claims with each other;
  then each partition is checked or triangulated and the results joined.

To run on a cluster, create a ``distributed.Client`` pointed at its
scheduler before calling these (``Client("tcp://scheduler:8786")``); Dask
then sends the tasks there. The files of a corpus must be readable at the
same paths by every worker (a shared file system or object store).

Examples
--------
>>> import humtrack.dask as hd
>>> from pathlib import Path
>>> claims = hd.extract_corpus(sorted(Path("seeds").glob("*.txt")), sources="seeds/sources.csv")
>>> len(claims.compute())
17
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from humtrack.aggregate.triangulation import PREFERENCES
from humtrack.aggregate.triangulation import triangulate as _triangulate
from humtrack.checks import Findings
from humtrack.checks import check as _check
from humtrack.errors import UsageError
from humtrack.schema import CLAIM_DTYPES
from humtrack.validation import ValidationReport, coerce_claims

__all__ = ["check", "extract_corpus", "sorted_findings", "triangulate", "validate"]


def _dask() -> tuple[Any, Any, Any]:
    try:
        import dask
        import dask.bag as db
        import dask.dataframe as dd
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise UsageError("humtrack.dask needs Dask: pip install 'humtrack[dask]'") from error
    return dask, db, dd


def _meta() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=d) for c, d in CLAIM_DTYPES.items()})  # type: ignore[call-overload]


def _extract_one(path: str, sources: pd.DataFrame | None) -> pd.DataFrame:
    from humtrack.extract.files import extract_files

    return extract_files([Path(path)], sources=sources).frame.reset_index(drop=True)


def extract_corpus(
    paths: Iterable[str | os.PathLike[str]],
    *,
    sources: pd.DataFrame | str | os.PathLike[str] | None = None,
) -> Any:
    """Candidate claims of every text file, one task per file, as a Dask DataFrame."""
    dask, _, dd = _dask()
    from humtrack.io import read_sources

    table = read_sources(sources) if isinstance(sources, str | os.PathLike) else sources
    parts = [dask.delayed(_extract_one)(os.fspath(p), table) for p in paths]
    if not parts:
        return dd.from_pandas(_meta(), npartitions=1)
    return dd.from_delayed(parts, meta=_meta(), verify_meta=False)


def _partitions(claims: Any) -> Any:
    _, _, dd = _dask()
    if isinstance(claims, pd.DataFrame):
        return dd.from_pandas(claims, npartitions=max(1, min(32, len(claims) // 50_000 or 1)))
    return claims


def validate(claims: Any) -> ValidationReport:
    """Validate a Dask (or pandas) claims table partition by partition; one joined report."""
    dask, _, _ = _dask()
    frame = _partitions(claims)
    reports = dask.compute(*[dask.delayed(_report)(p) for p in frame.to_delayed()])
    return _joined_reports(list(reports))


def _report(part: pd.DataFrame) -> tuple[int, ValidationReport]:
    return len(part), coerce_claims(part.reset_index(drop=True))[1]


def _joined_reports(parts: list[tuple[int, ValidationReport]]) -> ValidationReport:
    offset = 0
    tables = []
    for size, report in parts:
        failures = report.failures.copy()
        if "row" in failures:
            failures["row"] = failures["row"] + offset
        tables.append(failures)
        offset += size
    failures = pd.concat([t for t in tables if len(t)] or tables[:1], ignore_index=True)
    return ValidationReport(failures=failures, n_rows=offset)


def _country_key(part: pd.DataFrame) -> pd.Series:
    """What keeps claims that rules compare in one partition: metric and country (or name)."""
    code = part["location_code"].astype("string").str[:2]
    place = code.fillna(part["location"].astype("string").str.lower()).fillna("")
    return part["metric"].astype("string").fillna("") + "|" + place


def _grouped(claims: Any) -> Any:
    """The claims shuffled so that one metric in one country is in one partition."""
    frame = _partitions(claims)
    frame = frame.assign(_key=frame.map_partitions(_country_key, meta=("_key", "string")))
    return frame.shuffle("_key").map_partitions(
        lambda p: p.drop(columns="_key"), meta=frame._meta.drop(columns="_key")
    )


def check(
    claims: Any,
    *,
    sources: pd.DataFrame | str | os.PathLike[str] | None = None,
    reference: pd.DataFrame | str | os.PathLike[str] | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
) -> Findings:
    """:func:`humtrack.check` on a Dask (or pandas) claims table; the findings of every partition.

    Findings come out in the order of their rule code, then claim ids, as
    :meth:`Findings.sorted` orders the pandas path's findings.
    """
    dask, _, _ = _dask()
    grouped = _grouped(claims)

    def one(part: pd.DataFrame) -> pd.DataFrame:
        if part.empty:
            return Findings().frame
        return _check(
            part.reset_index(drop=True),
            sources=sources,
            reference=reference,
            select=select,
            ignore=ignore,
        ).frame

    frames = dask.compute(*[dask.delayed(one)(p) for p in grouped.to_delayed()])
    found = [f for f in frames if len(f)]
    return sorted_findings(Findings(pd.concat(found, ignore_index=True)) if found else Findings())


def sorted_findings(findings: Findings) -> Findings:
    """Findings in a fixed order (rule code, claim ids, message), to compare two runs."""
    frame = findings.frame.sort_values(["code", "claim_ids", "message"], kind="stable")
    return Findings(frame.reset_index(drop=True))


def triangulate(
    claims: Any,
    *,
    sources: pd.DataFrame | str | os.PathLike[str] | None = None,
    prefer: Sequence[str] | str = PREFERENCES,
) -> pd.DataFrame:
    """:func:`humtrack.triangulate` on a Dask (or pandas) claims table, by a grouped shuffle."""
    dask, _, _ = _dask()
    grouped = _grouped(claims)
    tasks = [
        dask.delayed(_triangulate)(part, sources=sources, prefer=prefer)
        for part in grouped.to_delayed()
    ]
    parts = dask.compute(*tasks)
    table = pd.concat([p for p in parts if len(p)] or list(parts[:1]), ignore_index=True)
    if "what" in table:  # each partition had its own categories: one set, as pandas gives
        what = table["what"].astype(str)
        categories = pd.Index(["", *sorted(set(what) - {""})])
        table["what"] = pd.Categorical(what, categories=categories)
    keys = list(table.columns[: list(table.columns).index("n_claims")])
    return _sorted_like_pandas(table, keys)


def _sorted_like_pandas(table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Rows in the order :func:`humtrack.triangulate` gives them (by the grouping keys)."""
    from humtrack._groups import grouped_order

    if table.empty:
        return table
    order, _, _ = grouped_order(table, keys)
    return table.iloc[order].reset_index(drop=True)

"""The claims and sources tables as the analysis functions take them.

:func:`humtrack.check`, :func:`humtrack.triangulate`, :func:`humtrack.total` and
the others accept a :class:`~humtrack.ClaimSet`, a DataFrame or a path; these
turn any of them into the canonical typed table, or say what is wrong with it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from humtrack.claimset import ClaimSet
from humtrack.errors import SchemaError
from humtrack.validation import coerce_claims, coerce_sources

__all__ = ["ClaimsLike", "PathLike", "SourcesLike", "claims_frame", "sources_frame"]

PathLike = str | os.PathLike[str]
ClaimsLike = ClaimSet | pd.DataFrame | PathLike
SourcesLike = pd.DataFrame | PathLike


def claims_frame(claims: ClaimsLike, *, purpose: str = "using it") -> pd.DataFrame:
    """The canonical claims table; a table that breaks the schema raises :class:`SchemaError`."""
    if isinstance(claims, ClaimSet):
        return claims.frame
    if isinstance(claims, pd.DataFrame):
        typed, report = coerce_claims(claims)
    else:
        from humtrack.io import read_raw

        typed, report = coerce_claims(read_raw(claims))
    if not report.ok:
        raise SchemaError(
            f"the claims table breaks the schema ({report.summary()}); "
            f"fix it (see `humtrack validate`) before {purpose}",
            report=report,
        )
    return typed


def sources_frame(sources: SourcesLike | None) -> tuple[pd.DataFrame | None, Path | None]:
    """The canonical sources table and the folder its paths are relative to (if known)."""
    if sources is None:
        return None, None
    if isinstance(sources, pd.DataFrame):
        typed, report = coerce_sources(sources)
        if not report.ok:
            raise SchemaError(f"invalid sources table: {report.summary()}", report=report)
        base = sources.attrs.get("base_dir")
        return typed, Path(base) if base else None
    from humtrack.io import read_sources

    return read_sources(sources), Path(sources).parent

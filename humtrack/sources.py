"""Converting the sources table to and from :class:`~humtrack.claim.Source` objects."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from humtrack.claim import Source
from humtrack.errors import SchemaError
from humtrack.schema import SOURCE_COLUMNS
from humtrack.validation import coerce_sources

__all__ = ["sources_from_frame", "sources_to_frame"]


def sources_from_frame(frame: pd.DataFrame) -> list[Source]:
    """Typed :class:`Source` records from a sources table (validated first).

    Examples
    --------
    >>> import humtrack as ht
    >>> [s.publisher for s in ht.sources_from_frame(ht.read_sources("seeds/sources.csv"))]
    ['EA WorldView', 'TRT World', 'ZeroHedge']
    """
    typed, report = coerce_sources(frame)
    if not report.ok:
        raise SchemaError(f"invalid sources table: {report.summary()}", report=report)
    out = []
    for row in typed.astype(object).where(typed.notna(), None).to_dict("records"):
        published = row["published"]
        row["published"] = published.date() if published is not None else None
        out.append(Source(**{str(k): v for k, v in row.items()}))
    return out


def sources_to_frame(sources: Iterable[Source]) -> pd.DataFrame:
    """The canonical sources table of some :class:`Source` records."""
    records = [{c: getattr(s, c) for c in SOURCE_COLUMNS} for s in sources]
    frame = pd.DataFrame.from_records(records, columns=list(SOURCE_COLUMNS))
    typed, report = coerce_sources(frame)
    if not report.ok:  # pragma: no cover - Source objects check themselves
        raise SchemaError(f"invalid sources: {report.summary()}", report=report)
    return typed

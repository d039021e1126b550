"""``humtrack.check``: run the selected rules over a claims table."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import chain

import numpy as np
import pandas as pd

from humtrack.checks import (  # noqa: F401 - registers the rules
    consistency,
    dates,
    nesting,
    plausibility,
    provenance,
)
from humtrack.checks.context import Context, cat
from humtrack.checks.findings import FINDING_COLUMNS, Findings
from humtrack.checks.rules import RULES, implementation, select_rules
from humtrack.reference import reference_populations
from humtrack.tables import ClaimsLike, PathLike, SourcesLike, claims_frame, sources_frame

__all__ = ["check"]


def _ids(
    ctx: Context, flat: np.ndarray, lengths: np.ndarray, given: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The claim ids and the distinct source ids of each finding, joined with commas."""
    ids = ctx.texts_of(flat, "claim_id")
    src = ctx.texts_of(flat, "source_id")
    if len(lengths) and (lengths == 2).all():  # most findings compare two claims
        a, b = src[0::2], src[1::2]
        both = np.where(a == b, a, cat(a, ", ", b))
        both = np.where(a == "", b, np.where(b == "", a, both))
        sources = np.where(pd.isna(given), both, given)
        claim_ids = cat(ids[0::2], ", ", ids[1::2])
    else:
        ends = np.cumsum(lengths)
        bounds = list(zip((ends - lengths).tolist(), ends.tolist(), strict=True))
        id_list, src_list = ids.tolist(), src.tolist()
        claim_ids = np.array([", ".join(id_list[i:j]) for i, j in bounds], dtype=object)
        sources = np.array(
            [
                g if g is not None else ", ".join(dict.fromkeys(x for x in src_list[i:j] if x))
                for g, (i, j) in zip(given, bounds, strict=True)
            ],
            dtype=object,
        )
    claim_ids[claim_ids == ""] = None
    sources[pd.isna(sources) | (sources == "")] = None
    return claim_ids, sources


def _assemble(ctx: Context, code: str, out: pd.DataFrame) -> pd.DataFrame:
    rule = RULES[code]
    rows = list(out["rows"])
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=int(lengths.sum()))
    starts = np.cumsum(lengths) - lengths
    has = lengths > 0
    first = np.where(has, flat[np.minimum(starts, max(len(flat) - 1, 0))] if len(flat) else 0, -1)
    claim_ids, source_ids = _ids(ctx, flat, lengths, out["source_ids"].to_numpy(dtype=object))
    take = np.where(has, first, 0)
    c = ctx.claims
    period = ctx.periods(take)

    def first_of(column: str, values: np.ndarray | None = None) -> pd.Series:
        data = c[column].astype(object).to_numpy()[take] if values is None else values
        return pd.Series(data, dtype=object).where(has, None)

    return pd.DataFrame(
        {
            "code": code,
            "severity": rule.severity,
            "rule": rule.name,
            "claim_ids": claim_ids,
            "source_ids": source_ids,
            "metric": first_of("metric"),
            "location_code": first_of("location_code"),
            "period": first_of("period", np.asarray(period, dtype=object)),
            "value": out["value"].to_numpy(dtype=float),
            "compared_to": out["compared_to"].to_numpy(dtype=float),
            "message": out["message"].to_numpy(dtype=object),
        }
    )


def check(
    claims: ClaimsLike,
    *,
    sources: SourcesLike | None = None,
    reference: pd.DataFrame | PathLike | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    texts: Mapping[str, str | bytes] | None = None,
) -> Findings:
    """Check figures against their sources, against each other and against the world.

    Parameters
    ----------
    claims
        A :class:`ClaimSet`, a claims DataFrame or a path to a claims table. It must
        pass the schema (:func:`humtrack.validate`) first.
    sources
        The sources table (DataFrame or path). Gives publication dates (rules D001,
        D002) and the texts' paths, relative to the table, for the rules that read
        them (P001, P002).
    reference
        A reference population table (DataFrame or path) with ``location_code``,
        ``population`` and ``year``; the shipped one by default.
    select, ignore
        Rule codes, code prefixes (``"P"``, ``"C0"``) or rule names to run or to
        leave out; all rules by default. ``humtrack rules`` lists them.
    texts
        Source texts by source_id, used before the paths of the sources table.

    Returns
    -------
    Findings
        One row per finding; ``.ok`` is False when an error-level finding remains.

    Examples
    --------
    >>> import humtrack as ht
    >>> claims = ht.read("seeds/claims.csv")
    >>> bad = claims.frame.copy()
    >>> bad.loc[0, ["value", "lower", "upper"]] = 2200000.0  # the quote says 3.2 million
    >>> findings = ht.check(bad, sources="seeds/sources.csv", select=["P003"])
    >>> findings.frame["code"].tolist()
    ['P003']
    """
    frame = claims_frame(claims, purpose="checking figures")
    source_frame, base_dir = sources_frame(sources)
    ctx = Context(
        frame,
        source_frame,
        reference_populations(reference),
        texts_given=dict(texts or {}),
        base_dir=base_dir,
    )
    parts = []
    for code in select_rules(select, ignore):
        out = implementation(code)(ctx)
        if len(out):
            parts.append(_assemble(ctx, code, out))
    if not parts:
        return Findings()
    result = pd.concat(parts, ignore_index=True)
    text = pd.StringDtype("python", na_value=pd.NA)
    for column in FINDING_COLUMNS:
        if column not in ("value", "compared_to"):
            result[column] = (
                result[column].astype(object).where(result[column].notna(), None).astype(text)
            )
    return Findings(result)

"""The canonical tables: column names, dtypes and the pandera schemas.

:data:`ClaimSchema` and :data:`SourceSchema` are public so that other tools
can validate their own frames against the same contract::

    import humtrack as ht
    ht.ClaimSchema.validate(frame, lazy=True)

The schemas check frames that already have the canonical dtypes; turning raw
text (a CSV read by hand, a spreadsheet) into that form, with every cell that
cannot be read reported, is the job of :func:`humtrack.validate`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import numpy as np
import pandas as pd
import pandera.pandas as pa

from humtrack._strings import not_blank
from humtrack.vocab import category_dtype

__all__ = [
    "CLAIM_COLUMNS",
    "CLAIM_DTYPES",
    "DATE_DTYPE",
    "REQUIRED_CLAIM_COLUMNS",
    "REQUIRED_SOURCE_COLUMNS",
    "SOURCE_COLUMNS",
    "SOURCE_DTYPES",
    "TEXT_DTYPE",
    "ClaimSchema",
    "SourceSchema",
    "empty_claims",
    "empty_sources",
]

#: The one text dtype: pandas' nullable string with ``pd.NA`` for missing values.
TEXT_DTYPE: Final = pd.StringDtype("python", na_value=pd.NA)
#: Dates are midnight timestamps at second resolution (covers years 1–9999).
DATE_DTYPE: Final = np.dtype("datetime64[s]")
FLOAT_DTYPE: Final = np.dtype("float64")
#: Offsets and grades: nullable integers (a claim may lack a quote).
INT_DTYPE: Final = pd.Int64Dtype()

CLAIM_DTYPES: Final[dict[str, object]] = {
    "claim_id": TEXT_DTYPE,
    "source_id": TEXT_DTYPE,
    "metric": category_dtype("metric"),
    "subject": TEXT_DTYPE,
    "group": category_dtype("group"),
    "kind": category_dtype("kind"),
    "value": FLOAT_DTYPE,
    "lower": FLOAT_DTYPE,
    "upper": FLOAT_DTYPE,
    "qualifier": category_dtype("qualifier"),
    "precision": FLOAT_DTYPE,
    "unit": category_dtype("unit"),
    "location": TEXT_DTYPE,
    "location_code": TEXT_DTYPE,
    "origin_code": TEXT_DTYPE,
    "period_start": DATE_DTYPE,
    "period_end": DATE_DTYPE,
    "quote": TEXT_DTYPE,
    "quote_start": INT_DTYPE,
    "quote_end": INT_DTYPE,
    "attributed_to": TEXT_DTYPE,
    "credibility": INT_DTYPE,
    "status": category_dtype("status"),
    "notes": TEXT_DTYPE,
}
CLAIM_COLUMNS: Final[tuple[str, ...]] = tuple(CLAIM_DTYPES)
#: Columns a claims table must have; every other column may be absent and is then empty or defaulted.
REQUIRED_CLAIM_COLUMNS: Final[tuple[str, ...]] = ("metric", "period_end")

SOURCE_DTYPES: Final[dict[str, object]] = {
    "source_id": TEXT_DTYPE,
    "path": TEXT_DTYPE,
    "title": TEXT_DTYPE,
    "publisher": TEXT_DTYPE,
    "author": TEXT_DTYPE,
    "url": TEXT_DTYPE,
    "published": DATE_DTYPE,
    "published_precision": category_dtype("published_precision"),
    "sha256": TEXT_DTYPE,
    "reliability": category_dtype("reliability"),
    "notes": TEXT_DTYPE,
}
SOURCE_COLUMNS: Final[tuple[str, ...]] = tuple(SOURCE_DTYPES)
REQUIRED_SOURCE_COLUMNS: Final[tuple[str, ...]] = ("source_id",)


# -- row checks (vectorised; each returns True where the row is fine) ---------------------


def _nan_or(mask: pd.Series, *cols: pd.Series) -> pd.Series:
    out = mask.copy()
    for c in cols:
        out = out | c.isna()
    return out


def _bounds_order(df: pd.DataFrame) -> pd.Series:
    return _nan_or(df["lower"] <= df["upper"], df["lower"], df["upper"])


def _value_in_bounds(df: pd.DataFrame) -> pd.Series:
    above = _nan_or(df["value"] >= df["lower"], df["lower"], df["value"])
    below = _nan_or(df["value"] <= df["upper"], df["upper"], df["value"])
    return above & below


def _labels(series: pd.Series) -> pd.Series:
    """A vocabulary column to compare with its words: a categorical as it is (comparing its codes
    is fast, and gives what comparing its labels as objects gives: False where missing), anything
    else as Python objects."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series
    return series.astype("object")


def _bounds_match_qualifier(df: pd.DataFrame) -> pd.Series:
    q = _labels(df["qualifier"])
    lo_na, hi_na = df["lower"].isna(), df["upper"].isna()
    ok = pd.Series(True, index=df.index)
    exact = q == "exact"
    ok &= ~exact | ((df["lower"] == df["value"]) & (df["upper"] == df["value"]))
    ok &= ~(q == "approx") | (lo_na & hi_na)
    open_upper = q.isin(["at_least", "more_than", "vague"])
    ok &= ~open_upper | (~lo_na & hi_na)
    open_lower = q.isin(["at_most", "less_than"])
    ok &= ~open_lower | (lo_na & ~hi_na)
    ok &= ~(q == "range") | (~lo_na & ~hi_na)
    return ok | q.isna()


def _period_order(df: pd.DataFrame) -> pd.Series:
    return _nan_or(df["period_start"] <= df["period_end"], df["period_start"], df["period_end"])


def _start_only_for_flows(df: pd.DataFrame) -> pd.Series:
    return df["period_start"].notna() | (_labels(df["kind"]) == "flow") | df["kind"].isna()


def _quote_span(df: pd.DataFrame) -> pd.Series:
    start, end = df["quote_start"], df["quote_end"]
    has_quote = df["quote"].notna()
    has_start, has_end = start.notna(), end.notna()
    together = (has_quote == has_start) & (has_start == has_end)
    length = df["quote"].str.len()
    fits = ((end - start) == length).fillna(True).astype(bool)
    ordered = ((start >= 0) & (end >= start)).fillna(True).astype(bool)
    return together & fits & ordered


def _published_on_boundary(df: pd.DataFrame) -> pd.Series:
    """A month-precision date is written as the 1st of its month, a year-precision one as 1 January."""
    published = df["published"]
    precision = df["published_precision"].astype(object)
    first_of_month = published.dt.day == 1
    first_of_year = first_of_month & (published.dt.month == 1)
    ok = published.isna() | (precision == "day") | precision.isna()
    ok |= (precision == "month") & first_of_month
    ok |= (precision == "year") & first_of_year
    result: pd.Series = ok.fillna(True).astype(bool)
    return result


def _midnight(s: pd.Series) -> pd.Series:
    ok: pd.Series = s.isna() | (s == s.dt.normalize())
    return ok


def _row_check(check: Callable[[pd.DataFrame], pd.Series], name: str) -> pa.Check:
    """A check across the columns of each row, answered with one ``True`` when every row passes.

    Given the rows' answers, pandera marks rows whose cells are all missing as passing with an
    ``isna`` of the whole table, per check: a third of the time of validating a million valid
    claims. One ``True`` skips that; when a row fails, the rows' answers go to pandera as before,
    so what fails and how it is reported do not change.
    """

    def whole_table(frame: pd.DataFrame) -> pd.Series | bool:
        rows = check(frame)
        return True if bool(rows.all()) else rows

    return pa.Check(whole_table, name=name, error=name)


def _date_check(name: str, error: str) -> pa.Check:
    return pa.Check(_midnight, name=name, error=error)


_NON_NEGATIVE: Final = pa.Check.ge(0, name="non_negative", error="non_negative")
_FINITE: Final = pa.Check(lambda s: np.isfinite(s) | s.isna(), name="finite", error="finite")


def _text(*, nullable: bool = True, unique: bool = False) -> pa.Column:
    checks = [pa.Check(not_blank, name="not_blank", error="not_blank")]
    return pa.Column(TEXT_DTYPE, checks=checks, nullable=nullable, unique=unique, required=True)


def _category(column: str, *, nullable: bool = False) -> pa.Column:
    return pa.Column(category_dtype(column), nullable=nullable, required=True)


def _number(*, nullable: bool) -> pa.Column:
    return pa.Column(FLOAT_DTYPE, checks=[_NON_NEGATIVE, _FINITE], nullable=nullable)


ClaimSchema: Final = pa.DataFrameSchema(
    {
        "claim_id": _text(nullable=False, unique=True),
        "source_id": _text(),
        "metric": _category("metric"),
        "subject": _text(),
        "group": _category("group"),
        "kind": _category("kind"),
        "value": _number(nullable=False),
        "lower": _number(nullable=True),
        "upper": _number(nullable=True),
        "qualifier": _category("qualifier"),
        "precision": _number(nullable=False),
        "unit": _category("unit"),
        "location": _text(),
        "location_code": _text(),
        "origin_code": _text(),
        "period_start": pa.Column(
            DATE_DTYPE, checks=[_date_check("date_only", "date_only")], nullable=True
        ),
        "period_end": pa.Column(
            DATE_DTYPE, checks=[_date_check("date_only", "date_only")], nullable=False
        ),
        "quote": pa.Column(TEXT_DTYPE, nullable=True),
        "quote_start": pa.Column(INT_DTYPE, nullable=True),
        "quote_end": pa.Column(INT_DTYPE, nullable=True),
        "attributed_to": _text(),
        "credibility": pa.Column(
            INT_DTYPE,
            checks=[pa.Check.in_range(1, 6, name="credibility_range", error="credibility_range")],
            nullable=False,
        ),
        "status": _category("status"),
        "notes": pa.Column(TEXT_DTYPE, nullable=True),
    },
    checks=[
        _row_check(_bounds_order, "bounds_order"),
        _row_check(_value_in_bounds, "value_in_bounds"),
        _row_check(_bounds_match_qualifier, "bounds_qualifier"),
        _row_check(_period_order, "period_order"),
        _row_check(_start_only_for_flows, "stock_start"),
        _row_check(_quote_span, "quote_span"),
    ],
    strict=True,
    ordered=True,
    name="ClaimSchema",
    description="One row per quantitative claim (see the design's canonical table).",
)

SourceSchema: Final = pa.DataFrameSchema(
    {
        "source_id": _text(nullable=False, unique=True),
        "path": _text(),
        "title": _text(),
        "publisher": _text(),
        "author": _text(),
        "url": _text(),
        "published": pa.Column(
            DATE_DTYPE, checks=[_date_check("date_only", "date_only")], nullable=True
        ),
        "published_precision": pa.Column(category_dtype("published_precision"), nullable=True),
        "sha256": pa.Column(
            TEXT_DTYPE,
            checks=[pa.Check.str_matches(r"^[0-9a-f]{64}$", name="sha256_hex", error="sha256_hex")],
            nullable=True,
        ),
        "reliability": pa.Column(category_dtype("reliability"), nullable=True),
        "notes": pa.Column(TEXT_DTYPE, nullable=True),
    },
    checks=[_row_check(_published_on_boundary, "published_boundary")],
    strict=True,
    ordered=True,
    name="SourceSchema",
    description="One row per source document.",
)


def empty_claims() -> pd.DataFrame:
    """An empty claims table with the canonical columns and dtypes."""
    return pd.DataFrame({c: pd.Series([], dtype=d) for c, d in CLAIM_DTYPES.items()})  # type: ignore[call-overload]


def empty_sources() -> pd.DataFrame:
    """An empty sources table with the canonical columns and dtypes."""
    return pd.DataFrame({c: pd.Series([], dtype=d) for c, d in SOURCE_DTYPES.items()})  # type: ignore[call-overload]

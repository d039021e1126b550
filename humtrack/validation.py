"""Turning any table into the canonical one, and reporting every problem.

:func:`validate` takes a :class:`~humtrack.claimset.ClaimSet`, a DataFrame
(typed, or raw text as read from a spreadsheet) or a path, and returns a
:class:`ValidationReport` whose ``failures`` table has one row per problem:
row number, claim_id, column, check, offending value and a message. It is
lazy: every problem is reported, not only the first.

Row numbers are 0-based positions in the table (``row 0`` is the first
record under the header), the same as ``DataFrame.iloc``.

Decisions documented here:

* Unknown extra columns are reported (check ``unknown_column``) and left out
  of the canonical table; nothing is dropped silently.
* Empty optional cells get defaults: ``group`` → ``all``, ``status`` →
  ``recorded``, ``credibility`` → 6, ``kind`` and ``unit`` → the metric's
  own, ``qualifier`` → ``exact``, ``precision`` → the rounding step of the
  value as written; the bounds a qualifier implies are filled from the value;
  an empty ``claim_id`` gets a stable id hashed from source, span, metric,
  group and value.
* Vocabulary values are matched without regard to case, surrounding spaces
  or the spelling of separators ("More than" → ``more_than``); ISO alpha-3
  country codes become alpha-2 in ``location_code`` and ``origin_code``.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from humtrack._strings import needs_trim
from humtrack.places import normalize_codes
from humtrack.schema import (
    CLAIM_DTYPES,
    DATE_DTYPE,
    INT_DTYPE,
    REQUIRED_CLAIM_COLUMNS,
    REQUIRED_SOURCE_COLUMNS,
    SOURCE_DTYPES,
    TEXT_DTYPE,
    ClaimSchema,
    SourceSchema,
)
from humtrack.vocab import METRICS, vocabulary

__all__ = ["FAILURE_COLUMNS", "ValidationReport", "coerce_claims", "coerce_sources"]

FAILURE_COLUMNS: Final = ("row", "claim_id", "column", "check", "value", "message")

_CLAIM_KINDS: Final[dict[str, str]] = {
    "claim_id": "id",
    "source_id": "id",
    "metric": "category",
    "subject": "text",
    "group": "category",
    "kind": "category",
    "value": "number",
    "lower": "number",
    "upper": "number",
    "qualifier": "category",
    "precision": "number",
    "unit": "category",
    "location": "text",
    "location_code": "code",
    "origin_code": "code",
    "period_start": "date",
    "period_end": "date",
    "quote": "verbatim",
    "quote_start": "int",
    "quote_end": "int",
    "attributed_to": "text",
    "credibility": "int",
    "status": "category",
    "notes": "verbatim",
}
_SOURCE_KINDS: Final[dict[str, str]] = {
    "source_id": "id",
    "path": "text",
    "title": "text",
    "publisher": "text",
    "author": "text",
    "url": "text",
    "published": "date",
    "published_precision": "category",
    "sha256": "hex",
    "reliability": "upper_category",
    "notes": "verbatim",
}


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating a table.

    Attributes
    ----------
    failures
        One row per problem, with columns ``row`` (0-based position, empty for
        a problem with the whole table), ``claim_id``, ``column``, ``check``,
        ``value`` and ``message``.
    n_rows
        How many records the table had.
    table
        ``"claims"`` or ``"sources"``.
    """

    failures: pd.DataFrame
    n_rows: int
    table: str = "claims"

    @property
    def ok(self) -> bool:
        """True when there is no problem at all."""
        return self.failures.empty

    @property
    def invalid_rows(self) -> list[int]:
        """Positions of the rows that have at least one problem."""
        rows = self.failures["row"].dropna().unique()
        return sorted(int(r) for r in rows)

    def summary(self) -> str:
        """One line: how many rows, how many problems, in how many rows."""
        if self.ok:
            return f"{self.n_rows} {self.table} rows: valid"
        n_bad = len(self.invalid_rows)
        table_level = int(self.failures["row"].isna().sum())
        in_rows = len(self.failures) - table_level
        parts = []
        if in_rows:
            parts.append(
                f"{in_rows} problem{'s' if in_rows != 1 else ''} in {n_bad} of {self.n_rows} rows"
            )
        if table_level:
            parts.append(
                f"{table_level} problem{'s' if table_level != 1 else ''} with the table itself"
            )
        return f"{self.n_rows} {self.table} rows: " + "; ".join(parts)

    def __str__(self) -> str:
        if self.ok:
            return self.summary()
        shown = self.failures.astype(object).where(self.failures.notna(), "")
        return self.summary() + "\n" + shown.to_string(index=False)


def _empty_failures() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "row": pd.Series([], dtype=INT_DTYPE),
            **{c: pd.Series([], dtype=TEXT_DTYPE) for c in FAILURE_COLUMNS[1:]},
        }
    )


def _failures(
    rows: Any, column: str | None, check: str, values: Any, messages: Any
) -> pd.DataFrame:
    return pd.DataFrame(
        {"row": rows, "column": column, "check": check, "value": values, "message": messages}
    )


def _as_text(series: pd.Series, *, strip: bool = False) -> pd.Series:
    """Any column as nullable text, with empty or blank cells missing (and stripped if asked)."""
    if series.dtype == TEXT_DTYPE:
        text = series
    elif pd.api.types.is_datetime64_any_dtype(series.dtype):
        text = series.dt.strftime("%Y-%m-%d").astype(TEXT_DTYPE)
    else:
        obj = series.astype(object)
        text = obj.where(obj.notna(), None).astype(TEXT_DTYPE)
    if not needs_trim(text):
        return text
    stripped = text.str.strip()
    blank = stripped == ""
    return (stripped if strip else text).mask(blank)


def _objects(series: pd.Series) -> np.ndarray:
    """A column as an object array with ``None`` for missing values."""
    out = series.to_numpy(dtype=object)
    out[series.isna().to_numpy(dtype=bool)] = None
    return out


def _spread(per_unique: np.ndarray, codes: np.ndarray, missing: Any) -> np.ndarray:
    """Give each row the value computed for its distinct value (``codes`` from factorize)."""
    padded = np.append(per_unique, np.array([missing], dtype=per_unique.dtype))
    return padded[np.where(codes >= 0, codes, len(per_unique))]


def _suggest(word: str, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else f" (expected one of {', '.join(choices)})"


class _Coercer:
    """Coerce one table column by column, collecting every cell that cannot be read."""

    def __init__(
        self,
        raw: pd.DataFrame,
        dtypes: Mapping[str, object],
        kinds: Mapping[str, str],
        required: tuple[str, ...],
        table: str,
    ) -> None:
        self.raw = raw.reset_index(drop=True)
        self.raw.columns = [str(c).strip() for c in self.raw.columns]
        self.dtypes, self.kinds, self.required, self.table = dtypes, kinds, required, table
        self.n = len(self.raw)
        self.problems: list[pd.DataFrame] = []
        self.bad_cells: set[tuple[int, str]] = set()

    def fail(
        self,
        mask: pd.Series,
        column: str,
        check: str,
        values: pd.Series,
        message: pd.Series | Callable[[pd.Series], pd.Series],
    ) -> None:
        """Record the cells of ``mask``; a callable ``message`` is given only their values."""
        if not mask.any():
            return
        rows = np.flatnonzero(mask.to_numpy(dtype=bool))
        bad_values = values.iloc[rows]
        texts = message(bad_values) if callable(message) else message.iloc[rows]
        self.problems.append(
            _failures(rows, column, check, bad_values.to_numpy(), np.asarray(texts, dtype=object))
        )
        self.bad_cells.update((int(r), column) for r in rows)

    def table_problem(self, column: str, check: str, message: str) -> None:
        self.problems.append(_failures([pd.NA], column, check, [None], [message]))

    def column(self, name: str) -> pd.Series:
        kind = self.kinds[name]
        if name not in self.raw.columns:
            if name in self.required and len(self.raw.columns) > 0:
                self.table_problem(
                    name,
                    "column_missing",
                    f"required column {name!r} is missing from the {self.table} table",
                )
            if kind == "date":
                return pd.Series(np.full(self.n, np.datetime64("NaT"), dtype=DATE_DTYPE))
            missing = np.nan if kind == "number" else pd.NA
            empty: pd.Series = pd.Series(missing, index=range(self.n), dtype=self.dtypes[name])  # type: ignore[call-overload]
            return empty
        series = self.raw[name]
        if isinstance(series, pd.DataFrame):  # duplicated header
            self.table_problem(name, "duplicate_column", f"column {name!r} appears more than once")
            series = series.iloc[:, 0]
        handler = getattr(self, f"_{kind}")
        result: pd.Series = handler(name, series)
        return result

    # -- one handler per kind of column ---------------------------------------------------

    def _verbatim(self, name: str, series: pd.Series) -> pd.Series:
        if series.dtype == TEXT_DTYPE:
            return series.mask(series == "")
        obj = series.astype(object)
        text = obj.where(obj.notna(), None).astype(TEXT_DTYPE)
        return text.mask(text == "")

    def _text(self, name: str, series: pd.Series) -> pd.Series:
        return _as_text(series)

    def _id(self, name: str, series: pd.Series) -> pd.Series:
        return _as_text(series, strip=True)

    def _code(self, name: str, series: pd.Series) -> pd.Series:
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        normal = normalize_codes(_as_text(pd.Series(np.asarray(uniques, dtype=object))))
        return pd.Series(_spread(_objects(normal), codes, None), dtype=TEXT_DTYPE)

    def _hex(self, name: str, series: pd.Series) -> pd.Series:
        return _as_text(series, strip=True).str.lower()

    def _number(self, name: str, series: pd.Series) -> pd.Series:
        if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(
            series.dtype
        ):
            return series.astype("float64")
        text = _as_text(series, strip=True)
        num = pd.to_numeric(text.astype(object).where(text.notna(), np.nan), errors="coerce")
        num = num.astype("float64")
        bad = text.notna() & num.isna()
        self.fail(
            bad,
            name,
            "not_a_number",
            text,
            lambda v: (
                "'" + v.fillna("") + f"' is not a number ({name} takes plain digits, e.g. 200000)"
            ),
        )
        return num

    def _int(self, name: str, series: pd.Series) -> pd.Series:
        num = self._number(name, series)
        with np.errstate(invalid="ignore"):
            bad = num.notna() & ((num % 1 != 0) | ~np.isfinite(num) | (num.abs() >= 2**62))
        self.fail(
            bad,
            name,
            "not_an_integer",
            num,
            lambda v: v.astype(str) + f" is not a whole number ({name} takes an integer)",
        )
        return num.where(~bad).round().astype(INT_DTYPE)

    def _date(self, name: str, series: pd.Series) -> pd.Series:
        if isinstance(series.dtype, pd.DatetimeTZDtype):
            # a zoned time (as Parquet and pyarrow often store dates): its day is the day on
            # the clock of its own zone
            series = series.dt.tz_localize(None)
        if pd.api.types.is_datetime64_any_dtype(series.dtype):
            return series.astype(DATE_DTYPE)
        text = _as_text(series, strip=True)
        day_part = text.str.extract(r"^(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$")[0]
        parsed = pd.to_datetime(
            day_part.astype(object).where(day_part.notna(), None),
            format="%Y-%m-%d",
            errors="coerce",
        )
        bad = text.notna() & parsed.isna()
        self.fail(
            bad,
            name,
            "not_a_date",
            text,
            lambda v: "'" + v.fillna("") + f"' is not a date ({name} takes YYYY-MM-DD)",
        )
        return parsed.astype(DATE_DTYPE)

    def _category(self, name: str, series: pd.Series, *, upper: bool = False) -> pd.Series:
        # normalise each distinct spelling once, then spread the result over the rows
        dtype = self.dtypes[name]
        assert isinstance(dtype, pd.CategoricalDtype)
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        text = _as_text(pd.Series(np.asarray(uniques, dtype=object), dtype=object)).str.strip()
        spelled = text.str.upper() if upper else text.str.lower()
        key = spelled.str.replace(r"[\s\-]+", "_", regex=True)
        category_codes = dtype.categories.get_indexer(pd.Index(key.astype(object)))
        row_codes = _spread(category_codes, codes, -1)
        unknown = (text.notna() & (category_codes < 0)).to_numpy(dtype=bool)
        bad = pd.Series(_spread(unknown, codes, False))
        if bad.any():
            choices = vocabulary(name)
            messages = pd.Series(
                [
                    f"unknown {name} {t!r}{_suggest(k, choices)}" if u else ""
                    for t, k, u in zip(text.fillna(""), key.fillna(""), unknown, strict=True)
                ],
                dtype=object,
            )
            self.fail(
                bad,
                name,
                f"unknown_{name}",
                pd.Series(_spread(_objects(text), codes, None)),
                pd.Series(_spread(messages.to_numpy(), codes, "")),
            )
        return pd.Series(pd.Categorical.from_codes(row_codes, dtype=dtype))

    def _upper_category(self, name: str, series: pd.Series) -> pd.Series:
        return self._category(name, series, upper=True)

    def problems_frame(self) -> pd.DataFrame:
        if not self.problems:
            return _empty_failures()
        return pd.concat(self.problems, ignore_index=True)


# -- claims ---------------------------------------------------------------------------------


#: Cells filled from another column, and that column: a problem there is reported there only.
_DERIVED_FROM: Final[dict[str, str]] = {
    "kind": "metric",
    "unit": "metric",
    "lower": "value",
    "upper": "value",
    "precision": "value",
    "value": "lower",
}
#: Row checks that only repeat a problem already reported for one of these cells.
_ROW_CHECK_INPUTS: Final[tuple[str, ...]] = ("value", "lower", "upper", "qualifier", "precision")


def _fill_claim_defaults(df: pd.DataFrame, present: set[str]) -> dict[str, np.ndarray]:
    """Fill the defaults of empty optional cells, in place (vectorised); returns what was filled."""
    before = {c: df[c].isna().to_numpy() for c in _DERIVED_FROM}
    # every fill below runs only where something is missing: a complete table costs little
    metric = df["metric"].astype(object)
    if before["kind"].any():
        default_kind = metric.map({m: v.default_kind for m, v in METRICS.items()})
        df["kind"] = df["kind"].fillna(default_kind.astype(df["kind"].dtype))
    if before["unit"].any():
        default_unit = metric.map({m: v.unit for m, v in METRICS.items()})
        df["unit"] = df["unit"].fillna(default_unit.astype(df["unit"].dtype))
    for column, default in (("group", "all"), ("status", "recorded"), ("credibility", 6)):
        if df[column].hasnans:
            df[column] = df[column].fillna(default)
    if "qualifier" not in present:
        df["qualifier"] = df["qualifier"].fillna("exact")
    elif df["qualifier"].hasnans:
        # an empty qualifier with no bounds is exact; with bounds it is left for the schema to flag
        plain = df["lower"].isna() & df["upper"].isna()
        df.loc[plain & df["qualifier"].isna(), "qualifier"] = "exact"
    q = df["qualifier"].astype(object)
    if before["value"].any():
        v = df["value"]
        range_mid = (df["lower"] + df["upper"]) / 2
        df["value"] = v.where(v.notna() | (q != "range"), range_mid)
    v = df["value"]
    lower_missing, upper_missing = df["lower"].isna(), df["upper"].isna()
    fill_lower = lower_missing & q.isin(["exact", "at_least", "more_than", "vague"])
    fill_upper = upper_missing & q.isin(["exact", "at_most", "less_than"])
    if fill_lower.any():
        df["lower"] = df["lower"].where(~fill_lower, v)
    if fill_upper.any():
        df["upper"] = df["upper"].where(~fill_upper, v)
    if before["precision"].any():
        missing = df["precision"].isna()
        df.loc[missing, "precision"] = rounding_steps(df.loc[missing, "value"])
    missing_id = df["claim_id"].isna()
    if missing_id.any():
        df.loc[missing_id, "claim_id"] = stable_ids(df.loc[missing_id])
    return before


def rounding_steps(values: pd.Series) -> pd.Series:
    """Vectorised rounding step of each value written in plain digits (see :mod:`humtrack.numbers`)."""
    with np.errstate(all="ignore"):
        return _rounding_steps(values)


def _rounding_steps(values: pd.Series) -> pd.Series:
    v = values.to_numpy(dtype="float64", na_value=np.nan)
    out = np.full(v.shape, np.nan)
    finite = np.isfinite(v)
    integral = finite & (np.mod(v, 1) == 0)
    out[integral] = 1.0
    for k in range(1, 16):  # largest power of ten that divides the value
        step = 10.0**k
        divides = integral & (v != 0) & (np.mod(v, step) == 0)
        out[divides] = step
    fractional = finite & ~integral
    for k in range(15, 0, -1):  # fewest decimals that write the value exactly
        scaled = v * 10.0**k
        exact = fractional & (np.round(scaled) == scaled)
        out[exact] = 10.0**-k
    out[fractional & np.isnan(out)] = 1e-15
    return pd.Series(out, index=values.index)


_ID_KEY: Final = ("source_id", "quote_start", "quote_end", "metric", "group", "value")
# what else tells two figures apart when they share a source, a span (often none), a metric and
# a value: "5 killed in Idlib on 1 January" and "5 killed in Hama on 2 January"
_ID_KEY_MORE: Final = (
    *_ID_KEY, "kind", "unit", "qualifier", "lower", "upper", "precision", "period_start",
    "period_end", "location", "location_code", "origin_code", "subject", "attributed_to",
)  # fmt: skip


def _hashed_ids(df: pd.DataFrame, columns: tuple[str, ...]) -> pd.Series:
    key = df[[c for c in columns if c in df.columns]].astype(str)
    hashed = pd.util.hash_pandas_object(key, index=False).to_numpy(dtype="uint64")
    return pd.Series([f"c{h:016x}" for h in hashed], index=df.index, dtype=TEXT_DTYPE)


def stable_ids(df: pd.DataFrame) -> pd.Series:
    """Stable claim ids for rows that have none: a hash of source, quote span, metric, group
    and value; a row with no quote span hashes its period, place and other fields too, so that
    figures with no quote differ unless the rows repeat each other. Each id depends on its own
    row alone: adding rows to a table never changes the ids of the rows already in it."""
    ids = _hashed_ids(df, _ID_KEY)
    no_span = df["quote_start"].isna().to_numpy(dtype=bool)
    if no_span.any():
        ids[no_span] = _hashed_ids(df[no_span], _ID_KEY_MORE)
    return ids


_MESSAGES: Final[dict[str, str]] = {
    "non_negative": "{column} must not be negative: {value}",
    "finite": "{column} must be a finite number: {value}",
    "credibility_range": "credibility must be 1-6 (Admiralty grade), not {value}",
    "not_blank": "{column} is blank",
    "date_only": "{column} must be a date without a time of day: {value}",
    "not_nullable": "{column} is empty but required",
    "field_uniqueness": "{column} {value} appears more than once",
    "sha256_hex": "sha256 must be 64 hexadecimal digits: {value}",
}
_ROW_CHECK_COLUMNS: Final[dict[str, str]] = {
    "bounds_order": "lower",
    "value_in_bounds": "value",
    "bounds_qualifier": "qualifier",
    "period_order": "period_start",
    "stock_start": "period_start",
    "quote_span": "quote_end",
    "published_boundary": "published",
}
_QUALIFIER_NEEDS: Final[dict[str, str]] = {
    "exact": "lower = upper = value",
    "approx": "no bounds",
    "at_least": "a lower bound and no upper bound",
    "more_than": "a lower bound and no upper bound",
    "vague": "a lower bound (its convention) and no upper bound",
    "at_most": "an upper bound and no lower bound",
    "less_than": "an upper bound and no lower bound",
    "range": "both bounds",
}


def _fmt(x: Any) -> str:
    if x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and np.isnan(x)):
        return "(empty)"
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    if isinstance(x, pd.Timestamp):
        if pd.isna(x):
            return "(empty)"
        # a time of day is shown, since it may be what a message is about
        return x.date().isoformat() if x == x.normalize() else x.isoformat(sep=" ")
    return str(x)


def _row_message(check: str, row: pd.Series) -> str:
    if check == "bounds_order":
        return f"lower {_fmt(row['lower'])} is above upper {_fmt(row['upper'])}"
    if check == "value_in_bounds":
        return (
            f"value {_fmt(row['value'])} lies outside its bounds "
            f"{_fmt(row['lower'])}..{_fmt(row['upper'])}"
        )
    if check == "bounds_qualifier":
        q = str(row["qualifier"])
        article = "an" if q[0] in "aeiou" else "a"
        return (
            f"{article} {q} figure has {_QUALIFIER_NEEDS.get(q, '?')}; found lower={_fmt(row['lower'])}, "
            f"upper={_fmt(row['upper'])}, value={_fmt(row['value'])}"
        )
    if check == "period_order":
        return f"period_start {_fmt(row['period_start'])} is after period_end {_fmt(row['period_end'])}"
    if check == "published_boundary":
        return (
            f"a {row['published_precision']} precision date is written as the first day of its "
            f"{row['published_precision']}, not {_fmt(row['published'])}"
        )
    if check == "stock_start":
        return "a stock needs period_start (only a flow whose start is unknown may leave it empty)"
    if check == "quote_span":
        quote, start, end = row["quote"], row["quote_start"], row["quote_end"]
        if pd.isna(quote) or pd.isna(start) or pd.isna(end):
            return "quote, quote_start and quote_end must be given together"
        if start < 0 or end < start:
            return f"quote offsets {start}..{end} run backwards or below zero"
        return (
            f"quote_end - quote_start = {end - start} but the quote has {len(quote)} code points "
            "(offsets count Unicode code points, end exclusive)"
        )
    return check


def _without_blank_checks(schema: pa.DataFrameSchema) -> pa.DataFrameSchema:
    """The schema minus its not-blank checks, which coercion makes true (blanks become missing)."""
    return schema.update_columns(
        {
            name: {"checks": [c for c in column.checks if c.name != "not_blank"]}
            for name, column in schema.columns.items()
            if any(c.name == "not_blank" for c in column.checks)
        }
    )


_AFTER_COERCION: Final = {
    id(ClaimSchema): _without_blank_checks(ClaimSchema),
    id(SourceSchema): _without_blank_checks(SourceSchema),
}


def _schema_failures(
    schema: pa.DataFrameSchema, typed: pd.DataFrame, skip: set[tuple[int, str]]
) -> pd.DataFrame:
    try:
        schema.validate(typed, lazy=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases
    else:
        return _empty_failures()
    cases = cases[cases["index"].notna()].copy()
    if cases.empty:
        return _empty_failures()
    cases["row"] = cases["index"].astype("int64")
    frame_level = cases["schema_context"] == "DataFrameSchema"
    out: list[pd.DataFrame] = []
    col_cases = cases[~frame_level]
    if not col_cases.empty:
        keep = [
            (int(r), str(c)) not in skip
            for r, c in zip(col_cases["row"], col_cases["column"], strict=True)
        ]
        col_cases = col_cases[keep]
        templates = col_cases["check"].map(
            lambda c: _MESSAGES.get(c.split("(")[0], "{column}: " + c)
        )
        messages = [
            t.format(column=c, value=_fmt(v))
            for t, c, v in zip(
                templates, col_cases["column"], col_cases["failure_case"], strict=True
            )
        ]
        checks = col_cases["check"].map(lambda c: c.split("(")[0])
        out.append(
            _failures(
                col_cases["row"].to_numpy(), None, "", col_cases["failure_case"].map(_fmt), messages
            ).assign(column=col_cases["column"].to_numpy(), check=checks.to_numpy())
        )
    row_cases = cases[frame_level].drop_duplicates(["row", "check"])
    # a row whose cells could not be read fails cross-column checks only as a consequence
    bad_rows = {r for r, _ in skip}
    row_cases = row_cases[~row_cases["row"].isin(bad_rows)]
    if not row_cases.empty:
        rows = row_cases["row"].to_numpy()
        checks = row_cases["check"].to_numpy()
        messages = [_row_message(c, typed.loc[r]) for r, c in zip(rows, checks, strict=True)]
        columns = [_ROW_CHECK_COLUMNS.get(c, "") for c in checks]
        values = [
            _fmt(typed.loc[r, col]) if col else "" for r, col in zip(rows, columns, strict=True)
        ]
        out.append(
            pd.DataFrame(
                {
                    "row": rows,
                    "column": columns,
                    "check": checks,
                    "value": values,
                    "message": messages,
                }
            )
        )
    if not out:
        return _empty_failures()
    return pd.concat(out, ignore_index=True)


def _finish(problems: pd.DataFrame, typed: pd.DataFrame, id_column: str) -> pd.DataFrame:
    """Order the failures table, attach ids and give it its dtypes."""
    if problems.empty:
        return _empty_failures()
    problems = problems.copy()
    rows = problems["row"]
    ids = typed[id_column].astype(object)
    problems["claim_id"] = [ids.iloc[int(r)] if pd.notna(r) else None for r in rows]
    problems = problems[list(FAILURE_COLUMNS)]
    problems["row"] = problems["row"].astype(INT_DTYPE)
    for c in FAILURE_COLUMNS[1:]:
        problems[c] = problems[c].astype(object).where(problems[c].notna(), None).astype(TEXT_DTYPE)
    problems = problems.sort_values(["row", "column"], na_position="first", kind="stable")
    if id_column != "claim_id":
        problems = problems.rename(columns={"claim_id": id_column})
    return problems.reset_index(drop=True)


def _coerce_table(
    raw: pd.DataFrame,
    *,
    table: str,
    dtypes: Mapping[str, object],
    kinds: Mapping[str, str],
    required: tuple[str, ...],
    schema: pa.DataFrameSchema,
    id_column: str,
    fill: Callable[[pd.DataFrame, set[str]], dict[str, np.ndarray]],
) -> tuple[pd.DataFrame, ValidationReport]:
    """Coerce a table column by column, fill its defaults, then run its schema lazily."""
    coercer = _Coercer(raw, dtypes, kinds, required, table)
    for column in coercer.raw.columns:
        if column not in dtypes:
            coercer.table_problem(
                column,
                "unknown_column",
                f"unknown column {column!r} is not part of the {table} table; it was left out "
                "(keep extra information in notes or a side table)",
            )
    typed = pd.DataFrame({name: coercer.column(name) for name in dtypes})
    was_empty = fill(typed, set(coercer.raw.columns))
    for name, dtype in dtypes.items():
        if typed[name].dtype != dtype:
            typed[name] = typed[name].astype(dtype)  # type: ignore[call-overload]
    problems = pd.concat(
        [coercer.problems_frame(), _schema_failures(schema, typed, coercer.bad_cells)],
        ignore_index=True,
    )
    problems = _without_echoes(problems, was_empty)
    report = ValidationReport(_finish(problems, typed, id_column), coercer.n, table)
    return typed, report


def _without_echoes(problems: pd.DataFrame, was_empty: dict[str, np.ndarray]) -> pd.DataFrame:
    """Drop failures that only echo another: a cell filled from a bad cell, a row check on it."""
    if problems.empty or not was_empty:
        return problems
    rows = problems["row"]
    failed = {
        (int(r), str(c))
        for r, c, check in zip(rows, problems["column"], problems["check"], strict=True)
        if pd.notna(r) and check not in _ROW_CHECK_COLUMNS
    }
    keep = []
    for r, column, check in zip(rows, problems["column"], problems["check"], strict=True):
        if pd.isna(r):
            keep.append(True)
            continue
        row = int(r)
        source = _DERIVED_FROM.get(str(column))
        filled = source is not None and bool(was_empty[str(column)][row])
        if filled and (row, source) in failed:
            keep.append(False)
            continue
        if check in _ROW_CHECK_COLUMNS and any(
            (row, c) in failed and c != _ROW_CHECK_COLUMNS[str(check)] for c in _ROW_CHECK_INPUTS
        ):
            keep.append(False)
            continue
        keep.append(True)
    return problems[keep]


def coerce_claims(raw: pd.DataFrame) -> tuple[pd.DataFrame, ValidationReport]:
    """Turn any claims table into the canonical typed one, reporting every problem.

    Returns the typed table (all rows, with problem cells empty) and the report.
    Use ``typed.drop(report.invalid_rows)`` for the valid rows.
    """
    return _coerce_table(
        raw,
        table="claims",
        dtypes=CLAIM_DTYPES,
        kinds=_CLAIM_KINDS,
        required=REQUIRED_CLAIM_COLUMNS,
        schema=_AFTER_COERCION[id(ClaimSchema)],
        id_column="claim_id",
        fill=_fill_claim_defaults,
    )


def _fill_source_defaults(typed: pd.DataFrame, present: set[str]) -> dict[str, np.ndarray]:
    """A publication date without a precision is taken to the day."""
    typed["published_precision"] = typed["published_precision"].where(
        typed["published"].isna() | typed["published_precision"].notna(), "day"
    )
    return {}


def coerce_sources(raw: pd.DataFrame) -> tuple[pd.DataFrame, ValidationReport]:
    """Turn any sources table into the canonical typed one, reporting every problem."""
    return _coerce_table(
        raw,
        table="sources",
        dtypes=SOURCE_DTYPES,
        kinds=_SOURCE_KINDS,
        required=REQUIRED_SOURCE_COLUMNS,
        schema=_AFTER_COERCION[id(SourceSchema)],
        id_column="source_id",
        fill=_fill_source_defaults,
    )

"""The :class:`ClaimSet`: the canonical claims table and its typed records.

A ClaimSet holds a pandas DataFrame with exactly the canonical columns and
dtypes (:mod:`humtrack.schema`), always valid. It converts to and from
:class:`~humtrack.claim.Claim` objects in bulk, iterates, filters and
concatenates. Functions that take claims accept a ClaimSet or a DataFrame.

Examples
--------
>>> import humtrack as ht
>>> claims = ht.read("seeds/claims.csv")
>>> len(claims)
17
>>> claims.filter(metric="refugees")[0].value
3200000.0
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from html import escape
from operator import attrgetter
from typing import Any, Final, overload

import numpy as np
import pandas as pd

from humtrack.claim import CLAIM_FIELDS, Claim, make_unchecked
from humtrack.errors import SchemaError
from humtrack.schema import CLAIM_COLUMNS, CLAIM_DTYPES, DATE_DTYPE, empty_claims
from humtrack.validation import coerce_claims

__all__ = ["ClaimSet", "as_claimset"]

_FLOATS = ("value", "lower", "upper", "precision")
_INTS = ("quote_start", "quote_end", "credibility")
_DATES = ("period_start", "period_end")


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many new objects are made.

    Allocating a hundred thousand claim objects otherwise triggers repeated
    full collections that cost more than the allocation itself; the objects
    hold no reference cycles. The collector's previous state is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _python_column(series: pd.Series) -> list[Any]:
    """A column as a list of plain Python values with ``None`` for missing (vectorised)."""
    name = series.name
    if name in _DATES:
        days = series.to_numpy(dtype=DATE_DTYPE).astype("datetime64[D]")
        out = days.astype(object)  # numpy turns datetime64[D] into datetime.date
        out[np.isnat(days)] = None
        return list(out)
    if name in _FLOATS:
        values = series.to_numpy(dtype="float64")
        obj = values.astype(object)
        obj[np.isnan(values)] = None
        return list(obj)
    if name in _INTS:
        return series.astype(object).where(series.notna(), None).tolist()
    if isinstance(series.dtype, pd.CategoricalDtype):
        cats = np.asarray(series.cat.categories, dtype=object)
        codes = series.cat.codes.to_numpy()
        picked = cats[codes].copy()
        picked[codes < 0] = None
        return list(picked)
    return series.astype(object).where(series.notna(), None).tolist()


class ClaimSet:
    """A validated table of claims.

    Parameters
    ----------
    data
        A DataFrame (typed or raw text), a ClaimSet, an iterable of
        :class:`~humtrack.claim.Claim`, or ``None`` for an empty set.

    Raises
    ------
    SchemaError
        When the table breaks the schema. The error's ``report`` lists every
        problem and its ``valid`` attribute holds the rows that passed.
    """

    __slots__ = ("_frame",)

    def __init__(self, data: pd.DataFrame | ClaimSet | Iterable[Claim] | None = None) -> None:
        if data is None:
            frame = empty_claims()
        elif isinstance(data, ClaimSet):
            frame = data._frame
        elif isinstance(data, pd.DataFrame):
            frame = _checked(data)
        elif isinstance(data, str | bytes) or hasattr(data, "__fspath__"):
            raise TypeError(
                "ClaimSet() takes a table or claims; to read a file use humtrack.read(path)"
            )
        else:
            frame = _frame_from_claims(list(data))
        self._frame: pd.DataFrame = frame

    @classmethod
    def _trusted(cls, frame: pd.DataFrame) -> ClaimSet:
        """Wrap a frame known to be canonical and valid (no checks)."""
        obj = cls.__new__(cls)
        obj._frame = frame.reset_index(drop=True)
        return obj

    # -- conversion ------------------------------------------------------------------------

    @classmethod
    def from_claims(cls, claims: Iterable[Claim]) -> ClaimSet:
        """Build a ClaimSet from Claim objects (each already checked when it was built)."""
        return cls._trusted(_frame_from_claims(list(claims)))

    def to_claims(self) -> list[Claim]:
        """All claims as typed objects, built in bulk from the validated columns."""
        columns = [_python_column(self._frame[name]) for name in CLAIM_FIELDS]
        with _gc_paused():
            return list(map(make_unchecked, *columns))

    @property
    def frame(self) -> pd.DataFrame:
        """The canonical table itself (treat it as read-only; use :meth:`to_frame` for a copy)."""
        return self._frame

    def to_frame(self) -> pd.DataFrame:
        """A copy of the canonical table."""
        return self._frame.copy()

    # -- collection behaviour --------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._frame)

    def __iter__(self) -> Iterator[Claim]:
        chunk = 10_000
        for start in range(0, len(self._frame), chunk):
            yield from ClaimSet._trusted(self._frame.iloc[start : start + chunk]).to_claims()

    @overload
    def __getitem__(self, key: int) -> Claim: ...
    @overload
    def __getitem__(self, key: slice | pd.Series | np.ndarray | list[bool]) -> ClaimSet: ...

    def __getitem__(
        self, key: int | slice | pd.Series | np.ndarray | list[bool]
    ) -> Claim | ClaimSet:
        if isinstance(key, bool | np.bool_):
            raise TypeError("select claims with an int, a slice or a boolean mask, not a bool")
        if isinstance(key, int | np.integer):
            n = len(self._frame)
            if not -n <= int(key) < n:
                raise IndexError(f"claim index {key} out of range for {n} claims")
            return ClaimSet._trusted(self._frame.iloc[[int(key)]]).to_claims()[0]
        if isinstance(key, slice):
            return ClaimSet._trusted(self._frame.iloc[key])
        return ClaimSet._trusted(self._frame.loc[self._mask(key)])

    def _mask(self, key: pd.Series | np.ndarray | list[bool]) -> np.ndarray:
        """A boolean mask over the rows; a Series is aligned on the table's index, as pandas does."""
        if isinstance(key, pd.Series):
            if not key.index.equals(self._frame.index):
                if not key.index.isin(self._frame.index).all() or len(key) != len(self._frame):
                    raise KeyError("the boolean Series' index does not match the claims table's")
                key = key.reindex(self._frame.index)
            if not pd.api.types.is_bool_dtype(key.dtype):
                raise TypeError(f"a mask must be boolean, not {key.dtype}")
            if key.dtype != bool:
                # nullable booleans (pandas' or pyarrow's), as ``.str.startswith`` gives over
                # missing cells: a missing answer does not select the row
                return key.fillna(False).to_numpy(dtype=bool)
            return key.to_numpy(dtype=bool)
        mask = np.asarray(key)
        if mask.dtype != bool or mask.shape != (len(self._frame),):
            raise TypeError(
                f"select claims with an int, a slice or a boolean mask of length {len(self._frame)}"
            )
        return mask

    def filter(self, mask: pd.Series | np.ndarray | None = None, **equals: Any) -> ClaimSet:
        """Keep the claims where ``mask`` is true and every ``column=value`` holds.

        A value may be a list or set, meaning "any of these".

        Examples
        --------
        >>> import humtrack as ht
        >>> claims = ht.read("seeds/claims.csv")
        >>> len(claims.filter(kind="flow", location_code=["SY07", "SY"]))
        9
        """
        keep = np.ones(len(self._frame), dtype=bool)
        if mask is not None:
            keep &= self._mask(mask)
        for column, wanted in equals.items():
            if column not in CLAIM_COLUMNS:
                raise KeyError(f"no column {column!r} in the claims table")
            series = self._frame[column]
            many = isinstance(wanted, list | tuple | set | frozenset | np.ndarray | pd.Index)
            values = list(wanted) if many else [wanted]
            if column in _DATES:
                values = [pd.Timestamp(v) if v is not None else pd.NaT for v in values]
            hit = series.isin(values) if many else series == values[0]
            keep &= hit.fillna(False).to_numpy(dtype=bool)
        return ClaimSet._trusted(self._frame.loc[keep])

    @classmethod
    def concat(cls, sets: Iterable[ClaimSet | pd.DataFrame]) -> ClaimSet:
        """Join several sets into one; claim ids must stay unique."""
        if isinstance(sets, ClaimSet | pd.DataFrame):
            raise TypeError("ClaimSet.concat takes a list of ClaimSets or DataFrames")
        frames = [as_claimset(s)._frame for s in sets]
        if not frames:
            return cls()
        joined = pd.concat(frames, ignore_index=True)
        dup = joined["claim_id"].duplicated(keep=False)
        if dup.any():
            ids = sorted(set(joined.loc[dup, "claim_id"]))
            raise SchemaError(
                f"claim ids appear in more than one set: {', '.join(ids[:5])}"
                f"{' ...' if len(ids) > 5 else ''}",
                code="field_uniqueness",
                column="claim_id",
            )
        return cls._trusted(joined)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ClaimSet):
            return NotImplemented
        return self._frame.equals(other._frame)

    __hash__ = None  # type: ignore[assignment]

    def _repr_html_(self) -> str:
        """How a ClaimSet shows in a notebook: its claims as a readable table."""
        return _html(self)

    def __repr__(self) -> str:
        n = len(self._frame)
        if n == 0:
            return "ClaimSet(0 claims)"
        sources = self._frame["source_id"].nunique()
        return f"ClaimSet({n} claim{'s' if n != 1 else ''} from {sources} source{'s' if sources != 1 else ''})"


#: The columns a person reads first, with the figure as a phrase and the period in one cell.
DISPLAY_COLUMNS: Final = (
    "claim_id",
    "metric",
    "group",
    "kind",
    "figure",
    "unit",
    "location",
    "location_code",
    "period",
    "source_id",
    "attributed_to",
    "quote",
)
_HTML_ROWS: Final = 60


def period_text(frame: pd.DataFrame) -> pd.Series:
    """Each row's period as one cell: ``2019-05-01/2019-05-16``, one day as itself,
    an open start as ``../2019-05-31``."""
    start = frame["period_start"].dt.strftime("%Y-%m-%d").fillna("..")
    end = frame["period_end"].dt.strftime("%Y-%m-%d")
    joined: pd.Series = (start + "/" + end).where(start != end, end)
    return joined


def display_frame(claims: ClaimSet) -> pd.DataFrame:
    """The claims with ``figure`` (the estimate as a phrase) and ``period`` columns added."""
    view = claims.frame.copy()
    view["figure"] = pd.Series([str(c.estimate) for c in claims], index=view.index, dtype="string")
    view["period"] = period_text(view)
    return view


def _html(claims: ClaimSet) -> str:
    """A readable HTML table: the figure as a phrase, the period as one cell, long quotes cut."""
    frame = claims.frame
    head = ClaimSet._trusted(frame.iloc[:_HTML_ROWS])
    view = display_frame(head)
    view["quote"] = [
        q if not isinstance(q, str) or len(q) <= 90 else q[:89] + "…" for q in view["quote"]
    ]
    columns = list(DISPLAY_COLUMNS)
    shown = view[columns].astype(object).where(view[columns].notna(), "")
    more = len(frame) - len(head)
    caption = f"<p>{escape(repr(claims))}{f'; first {len(head)} shown' if more else ''}</p>"
    return caption + str(shown.to_html(index=False, escape=True))


def _checked(frame: pd.DataFrame) -> pd.DataFrame:
    typed, report = coerce_claims(frame)
    if not report.ok:
        valid = ClaimSet._trusted(typed.drop(index=report.invalid_rows))
        raise SchemaError(f"invalid claims table: {report.summary()}", report=report, valid=valid)
    return typed


def _frame_from_claims(claims: list[Claim]) -> pd.DataFrame:
    if not claims:
        return empty_claims()
    data: dict[str, Any] = {}
    with _gc_paused():
        columns = {name: list(map(attrgetter(name), claims)) for name in CLAIM_COLUMNS}
    for name, values in columns.items():
        dtype = CLAIM_DTYPES[name]
        if name in _DATES:
            days = pd.DatetimeIndex(np.array(values, dtype=object))
            data[name] = days.to_numpy().astype(DATE_DTYPE)
        elif isinstance(dtype, pd.CategoricalDtype):
            codes = dtype.categories.get_indexer(pd.Index(values, dtype=object))
            data[name] = pd.Categorical.from_codes(codes, dtype=dtype)
        elif name in _FLOATS:
            data[name] = np.array([np.nan if v is None else v for v in values], dtype="float64")
        else:
            data[name] = pd.array(values, dtype=dtype)  # type: ignore[call-overload]
    frame = pd.DataFrame(data)
    dup = frame["claim_id"].duplicated(keep=False)
    if dup.any():
        ids = sorted(set(frame.loc[dup, "claim_id"]))
        raise SchemaError(
            f"claim ids appear more than once: {', '.join(ids[:5])}{' ...' if len(ids) > 5 else ''}",
            code="field_uniqueness",
            column="claim_id",
        )
    return frame


def as_claimset(claims: ClaimSet | pd.DataFrame | Iterable[Claim]) -> ClaimSet:
    """Accept a ClaimSet, a DataFrame or Claim objects wherever claims are taken."""
    if isinstance(claims, ClaimSet):
        return claims
    return ClaimSet(claims)

"""The controlled vocabularies: metrics, groups, kinds, qualifiers, statuses, units.

Everything here is loaded from the CSV files in ``humtrack/data`` so that the
vocabularies are data, documented with their sources, not literals in code.

Examples
--------
>>> from humtrack import vocab
>>> vocab.METRICS["idps"].default_kind
'stock'
>>> vocab.METRICS["killed"].hxl
'#affected+killed'
>>> vocab.VAGUE["dozens"].value
12.0
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal, get_args

import pandas as pd

from humtrack._data import read_data_csv

__all__ = [
    "GROUPS",
    "KINDS",
    "METRICS",
    "PRECISIONS",
    "QUALIFIERS",
    "QUALIFIER_PHRASES",
    "RELIABILITIES",
    "SCALES",
    "STATUSES",
    "UNITS",
    "VAGUE",
    "Group",
    "Kind",
    "Metric",
    "Qualifier",
    "Status",
    "VagueConvention",
    "category_dtype",
]

Kind = Literal["stock", "flow"]
Qualifier = Literal[
    "exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague"
]
Status = Literal["extracted", "recorded", "reviewed"]
DatePrecision = Literal["day", "week", "month", "year"]

KINDS: Final[tuple[str, ...]] = get_args(Kind)
STATUSES: Final[tuple[str, ...]] = get_args(Status)
PRECISIONS: Final[tuple[str, ...]] = get_args(DatePrecision)
RELIABILITIES: Final[tuple[str, ...]] = ("A", "B", "C", "D", "E", "F")


@dataclass(frozen=True, slots=True)
class Metric:
    """One metric of the vocabulary: what is counted and how it adds up."""

    name: str
    default_kind: str
    unit: str
    dimension: str
    hxl: str
    definition: str


@dataclass(frozen=True, slots=True)
class Group:
    """A group narrowing what a metric counts (civilians, schools ...)."""

    name: str
    counts: str
    definition: str
    #: Groups that share a partition do not overlap (women, men, children): their figures add up.
    partition: str = ""


@dataclass(frozen=True, slots=True)
class VagueConvention:
    """The conservative number a vague word stands for, and where it comes from."""

    word: str
    value: float
    source: str


def _load_metrics() -> dict[str, Metric]:
    return {
        r["metric"]: Metric(
            r["metric"], r["default_kind"], r["unit"], r["dimension"], r["hxl"], r["definition"]
        )
        for r in read_data_csv("metrics.csv")
    }


METRICS: Final = MappingProxyType(_load_metrics())
GROUPS: Final = MappingProxyType(
    {
        r["group"]: Group(r["group"], r["counts"], r["definition"], r["partition"])
        for r in read_data_csv("groups.csv")
    }
)
QUALIFIERS: Final[tuple[str, ...]] = tuple(r["qualifier"] for r in read_data_csv("qualifiers.csv"))
QUALIFIER_PHRASES: Final = MappingProxyType(
    {r["phrase"]: r["qualifier"] for r in read_data_csv("qualifier_phrases.csv")}
)
VAGUE: Final = MappingProxyType(
    {
        r["word"]: VagueConvention(r["word"], float(r["value"]), r["source"])
        for r in read_data_csv("vague.csv")
    }
)
SCALES: Final = MappingProxyType(
    {r["word"]: float(r["factor"]) for r in read_data_csv("scales.csv")}
)
UNITS: Final[tuple[str, ...]] = tuple(r["unit"] for r in read_data_csv("units.csv"))

if set(QUALIFIERS) != set(get_args(Qualifier)):  # pragma: no cover - guards the data file
    raise RuntimeError("humtrack/data/qualifiers.csv does not match the Qualifier type")

_VOCABULARIES: Final[dict[str, tuple[str, ...]]] = {
    "metric": tuple(METRICS),
    "group": tuple(GROUPS),
    "kind": KINDS,
    "qualifier": QUALIFIERS,
    "unit": UNITS,
    "status": STATUSES,
    "published_precision": ("day", "month", "year"),
    "reliability": RELIABILITIES,
}


def category_dtype(column: str) -> pd.CategoricalDtype:
    """Return the one fixed categorical dtype used everywhere for ``column``.

    Using the same categories in every frame keeps concatenation categorical.

    Examples
    --------
    >>> list(category_dtype("kind").categories)
    ['stock', 'flow']
    """
    return pd.CategoricalDtype(list(_VOCABULARIES[column]), ordered=False)


def vocabulary(column: str) -> tuple[str, ...]:
    """Return the allowed values of a categorical column."""
    return _VOCABULARIES[column]

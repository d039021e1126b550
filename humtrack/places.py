"""Place codes: ISO 3166-1 countries and OCHA p-codes that nest by prefix.

Countries are written as ISO alpha-2 codes, as OCHA p-codes do (``SY``,
``TR``); ISO alpha-3 codes are accepted on input and normalised. The country
table is ``humtrack/data/countries.csv`` (ISO 3166-1, from the iso-codes
database as packaged by pycountry).

Examples
--------
>>> normalize_code("syr")
'SY'
>>> normalize_code(" sy07 ")
'SY07'
>>> contains("SY", "SY07"), contains("SY07", "SY")
(True, False)
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

import pandas as pd

from humtrack._data import read_data_csv

__all__ = [
    "ALPHA3_TO_ALPHA2",
    "COUNTRY_NAMES",
    "contains",
    "is_country",
    "normalize_code",
    "normalize_codes",
]

_ROWS: Final = read_data_csv("countries.csv")
ALPHA3_TO_ALPHA2: Final = MappingProxyType({r["alpha3"]: r["alpha2"] for r in _ROWS})
COUNTRY_NAMES: Final = MappingProxyType({r["alpha2"]: r["name"] for r in _ROWS})


def normalize_code(code: str) -> str:
    """Upper-case a place code and turn an ISO alpha-3 country code into alpha-2."""
    code = code.strip().upper()
    return ALPHA3_TO_ALPHA2.get(code, code)


def normalize_codes(codes: pd.Series) -> pd.Series:
    """Vectorised :func:`normalize_code` over a text column (missing values stay missing)."""
    upper = codes.str.strip().str.upper()
    mapped = upper.map(dict(ALPHA3_TO_ALPHA2))
    return mapped.where(mapped.notna(), upper).astype(codes.dtype)


def contains(outer: str, inner: str) -> bool:
    """Tell whether the place ``inner`` lies inside ``outer`` (p-codes nest by prefix)."""
    return inner.startswith(outer)


def is_country(code: str) -> bool:
    """Tell whether ``code`` is an ISO alpha-2 country code."""
    return code in COUNTRY_NAMES

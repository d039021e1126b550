"""humtrack: typed records, checks and honest sums for the figures humanitarian reports carry.

Examples
--------
>>> import humtrack as ht
>>> claims = ht.read("seeds/claims.csv")
>>> ht.validate(claims).ok
True
>>> str(ht.Estimate.parse("more than 200,000"))
'more than 200,000'
"""

from humtrack.aggregate import normalize, timeseries, total, triangulate
from humtrack.checks import Findings, Rule, check, rules
from humtrack.claim import Claim, Quote, Source
from humtrack.claimset import ClaimSet
from humtrack.errors import (
    AggregationError,
    FormatError,
    HumtrackError,
    HumtrackWarning,
    ParseError,
    ReadError,
    SchemaError,
    UsageError,
)
from humtrack.estimate import Estimate, Interval
from humtrack.extract import Gazetteer, extract, extract_files
from humtrack.io import read, read_sources, validate, write, write_sources
from humtrack.ledger import Ledger, LedgerError
from humtrack.period import Period
from humtrack.reference import reference_populations
from humtrack.schema import ClaimSchema, SourceSchema
from humtrack.sources import sources_from_frame, sources_to_frame
from humtrack.units import ureg
from humtrack.validation import ValidationReport

__version__ = "0.1.0"

__all__ = [
    "AggregationError",
    "Claim",
    "ClaimSchema",
    "ClaimSet",
    "Estimate",
    "Findings",
    "FormatError",
    "Gazetteer",
    "HumtrackError",
    "HumtrackWarning",
    "Interval",
    "Ledger",
    "LedgerError",
    "ParseError",
    "Period",
    "Quote",
    "ReadError",
    "Rule",
    "SchemaError",
    "Source",
    "SourceSchema",
    "UsageError",
    "ValidationReport",
    "__version__",
    "check",
    "extract",
    "extract_files",
    "normalize",
    "read",
    "read_sources",
    "reference_populations",
    "rules",
    "sources_from_frame",
    "sources_to_frame",
    "timeseries",
    "total",
    "triangulate",
    "ureg",
    "validate",
    "write",
    "write_sources",
]

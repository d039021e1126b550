"""Honest aggregation: one figure per quantity, totals that keep their bounds, time series."""

from humtrack.aggregate.normalize import HOUSEHOLD_SIZE_COLUMNS, normalize
from humtrack.aggregate.timeseries import SERIES, TIMESERIES_COLUMNS, timeseries
from humtrack.aggregate.totals import RESOLUTIONS, TOTAL_COLUMNS, total
from humtrack.aggregate.triangulation import (
    PREFERENCES,
    QUANTITY,
    TRIANGULATED_COLUMNS,
    triangulate,
)

__all__ = [
    "HOUSEHOLD_SIZE_COLUMNS",
    "PREFERENCES",
    "QUANTITY",
    "RESOLUTIONS",
    "SERIES",
    "TIMESERIES_COLUMNS",
    "TOTAL_COLUMNS",
    "TRIANGULATED_COLUMNS",
    "normalize",
    "timeseries",
    "total",
    "triangulate",
]

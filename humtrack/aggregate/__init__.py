"""Honest aggregation: one figure per quantity, totals that keep their bounds, time series."""

from humtrack.aggregate.triangulation import (
    PREFERENCES,
    QUANTITY,
    TRIANGULATED_COLUMNS,
    triangulate,
)

__all__ = ["PREFERENCES", "QUANTITY", "TRIANGULATED_COLUMNS", "triangulate"]

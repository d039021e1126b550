"""Building a rule's findings frame."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["found", "none_found"]


def found(
    rows: Sequence[Sequence[int]],
    messages: Sequence[str] | np.ndarray,
    *,
    value: Sequence[float] | np.ndarray | None = None,
    compared_to: Sequence[float] | np.ndarray | None = None,
    source_ids: Sequence[str | None] | None = None,
) -> pd.DataFrame:
    """A rule's findings: the claim rows involved (first the one it is about), messages, numbers."""
    n = len(messages)
    return pd.DataFrame(
        {
            "rows": list(rows),
            "message": list(messages),
            "value": np.full(n, np.nan) if value is None else np.asarray(value, dtype=float),
            "compared_to": np.full(n, np.nan)
            if compared_to is None
            else np.asarray(compared_to, dtype=float),
            "source_ids": [None] * n if source_ids is None else list(source_ids),
        }
    )


def none_found() -> pd.DataFrame:
    """No findings."""
    return found([], [])

"""Access to the data files shipped inside the package."""

from __future__ import annotations

import csv
import io
from importlib import resources

__all__ = ["read_data_csv", "read_data_text"]


def read_data_text(name: str) -> str:
    """Return the text of ``humtrack/data/<name>``."""
    return resources.files("humtrack").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def read_data_csv(name: str) -> list[dict[str, str]]:
    """Return the rows of a CSV data file as dictionaries of text."""
    return list(csv.DictReader(io.StringIO(read_data_text(name))))

"""Parquet (needs the ``parquet`` extra: pyarrow): columnar, typed, compressed.

The canonical dtypes travel as Parquet types: text as strings, categories as
dictionary-encoded strings, figures as doubles, dates as day-precision
timestamps and offsets and grades as nullable 64-bit integers. Reading gives
back the typed table, which the validator checks like any other.

Text columns are read as dictionaries (``read_dictionary``): Parquet stores
most text columns dictionary-encoded, so a column with few distinct values (a
source id, a place code) becomes a handful of Python strings shared by its
rows instead of one new string per row; a column of distinct values (claim
ids) is decoded as it is. Either way the column is pandas' text dtype with
``pd.NA`` for missing cells, exactly as the validator expects.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from humtrack.errors import ReadError, UsageError
from humtrack.schema import TEXT_DTYPE

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["read_raw", "write_frame"]


def _pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise UsageError(
            "Parquet needs pyarrow: pip install 'humtrack[parquet]'", code="missing_extra"
        ) from error


def _is_text(kind: pa.DataType) -> bool:
    import pyarrow as pa

    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))


def _text_values(dictionary: pa.Array) -> np.ndarray:
    """A (small) dictionary's strings as an object array, ``pd.NA`` where missing."""
    values: np.ndarray = dictionary.to_numpy(zero_copy_only=False).astype(object, copy=False)
    if dictionary.null_count:
        values = values.copy()
        values[dictionary.is_null().to_numpy(zero_copy_only=False)] = pd.NA
    return values


def _text_chunk(chunk: pa.Array, shared: list[tuple[pa.Array, np.ndarray]]) -> np.ndarray:
    """One chunk of a text column as Python strings (``pd.NA`` for missing)."""
    import pyarrow as pa

    if chunk.null_count == len(chunk):
        return np.full(len(chunk), pd.NA, dtype=object)
    if pa.types.is_dictionary(chunk.type):
        dictionary = chunk.dictionary
        if len(dictionary) < len(chunk):
            # fewer distinct values than rows: make each string once and share it by position
            if not shared or not shared[0][0].equals(dictionary):
                shared[:] = [(dictionary, _text_values(dictionary))]
            codes = chunk.indices.fill_null(0).to_numpy(zero_copy_only=False)
            piece: np.ndarray = shared[0][1][codes]
        else:
            piece = _text_values(chunk.dictionary_decode())
    else:
        return _text_values(chunk)
    if chunk.null_count:
        piece[chunk.is_null().to_numpy(zero_copy_only=False)] = pd.NA
    return piece


def _text_column(column: pa.ChunkedArray) -> pd.arrays.StringArray:
    """A text column as pandas' text dtype (python strings, ``pd.NA`` for missing)."""
    empty: pd.arrays.StringArray = pd.array([], dtype=TEXT_DTYPE)
    if column.null_count == len(column):
        return empty.take(np.full(len(column), -1), allow_fill=True)
    shared: list[tuple[pa.Array, np.ndarray]] = []
    pieces = [_text_chunk(chunk, shared) for chunk in column.chunks if len(chunk)]
    array: pd.arrays.StringArray = pd.array(np.concatenate(pieces), dtype=TEXT_DTYPE)
    return array


def read_raw(path: Path) -> pd.DataFrame:
    """Read the typed table as stored."""
    _pyarrow()
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
        names = schema.names
        index: set[str] = set()
        for entry in (schema.pandas_metadata or {}).get("index_columns", []):
            if isinstance(entry, str):
                index.add(entry)
        text = [
            field.name
            for field in schema
            if _is_text(field.type) and field.name not in index and names.count(field.name) == 1
        ]
        table = pq.read_table(path, read_dictionary=text)
    except (pa.ArrowInvalid, OSError) as exc:
        raise ReadError(
            f"{path} is not a readable Parquet file: {exc}", code="bad_parquet", value=str(path)
        ) from None
    # the other columns as pandas makes them: dictionaries as categories, nulls as missing
    mapping: dict[Any, Any] = {pa.string(): TEXT_DTYPE, pa.large_string(): TEXT_DTYPE}
    frame: pd.DataFrame = table.drop_columns(text).to_pandas(types_mapper=mapping.get)
    if len(frame) != table.num_rows:  # no other column to give the rows
        frame = pd.DataFrame(index=pd.RangeIndex(table.num_rows))
    for position, name in enumerate(n for n in names if n not in index):
        if name in text:
            frame.insert(position, name, pd.Series(_text_column(table[name]), index=frame.index))
    return frame


def write_frame(frame: pd.DataFrame, path: Path) -> None:
    """Write a canonical frame as Parquet (zstd-compressed, no index)."""
    _pyarrow()
    frame.to_parquet(path, engine="pyarrow", index=False, compression="zstd")

"""HXL: CSV with a row of hashtags under the header (the Humanitarian Exchange Language).

Writing (``.hxl`` or ``.hxl.csv``): one row per claim. The figure goes in the
column of its metric, tagged as the metric's HXL hashtag (``#affected+killed``,
``#affected+idps``, ``#inneed`` ...; ``+hh`` when counted in households, the
unit as an attribute when it is not the metric's usual one). The other
columns carry the claim's fields under the hashtags in ``data/hxl.csv``
(``#date+start``, ``#date+end``, ``#meta+source``, ``#loc+code`` ...), with
``#country+code`` and ``#adm1+code`` beside the place code for tools that
look for those. Reading such a file gives the claims back unchanged.

Reading tables made by others: an HDX-style table with one column per metric
(``#affected+killed``, ``#affected+injured+f``, ``#inneed+hh`` ...) and columns
for the place (``#adm1+code``, ``#country+code``, ``#adm1+name`` ...) and the
date (``#date``, ``#date+start``, ``#date+end``) becomes one claim per
non-empty figure cell: the metric from the hashtag, the group from ``+f``,
``+m`` or ``+children``, the unit from ``+hh``/``+ind``, the most specific
place code of the row, and provenance pointing at the file, row and column
(the claim id ``<file>:r<row>:<column>``, and the notes). A column whose
hashtag humtrack does not know is not dropped: its value goes into the notes
of the row's claims, and a :class:`~humtrack.errors.HumtrackWarning` names
the hashtags.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections import Counter
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd

from humtrack._data import read_data_csv
from humtrack.errors import HumtrackWarning, ReadError
from humtrack.io import csv as _csv
from humtrack.io._text import read_text
from humtrack.vocab import METRICS, UNITS

__all__ = ["COLUMN_TAGS", "read_raw", "write_frame"]

#: The hashtag of each canonical column (``data/hxl.csv``).
COLUMN_TAGS: Final = {r["column"]: r["hashtag"] for r in read_data_csv("hxl.csv")}
_COLUMN_OF_TAG: Final = {tag: column for column, tag in COLUMN_TAGS.items()}
_METRIC_OF_TAG: Final = {m.hxl: name for name, m in METRICS.items()}
_GROUP_OF_ATTRIBUTE: Final = {"f": "women", "m": "men", "children": "children"}
_DERIVED: Final = {"#country+code", "#adm1+code", "#date+reported", "#meta+url", "#org+publisher"}
_TAG: Final = re.compile(r"^\s*#[A-Za-z][A-Za-z0-9_]*(?:\s*\+\s*[A-Za-z][A-Za-z0-9_]*)*\s*$")


def _unit_attribute(unit: str) -> str:
    if unit == "household":
        return "hh"
    if unit == "person":
        return "ind"
    return re.sub(r"[^a-z0-9]+", "", unit.lower())


_UNIT_OF_ATTRIBUTE: Final = {_unit_attribute(u): u for u in UNITS}


def _normal(tag: str) -> tuple[str, frozenset[str]]:
    """(base hashtag, attributes) of a hashtag, lower case, spaces removed."""
    parts = [p.strip().lower() for p in tag.strip().split("+")]
    return parts[0], frozenset(p for p in parts[1:] if p)


def _value_tag(metric: str, unit: str) -> str:
    tag = METRICS[metric].hxl
    if unit != METRICS[metric].unit:
        tag += "+" + _unit_attribute(unit)
    return tag


def write_frame(frame: pd.DataFrame, path: Path, sources: pd.DataFrame | None = None) -> None:
    """Write claims (or sources, which have no figures) as an HXL-tagged CSV."""
    if "metric" not in frame.columns:  # a sources table: its columns under #meta tags
        meta = {c: f"#meta+{re.sub(r'[^a-z0-9]+', '_', c.lower())}" for c in frame.columns}
        _write(frame, meta, path)
        return
    out = pd.DataFrame(index=frame.index)
    tags: dict[str, str] = {}
    metric = frame["metric"].astype(object)
    unit = frame["unit"].astype(object)
    for m, u in sorted(set(zip(metric, unit, strict=True))):
        header = m if u == METRICS[m].unit else f"{m} ({u})"
        here = ((metric == m) & (unit == u)).to_numpy(dtype=bool)
        out[header] = frame["value"].where(here)
        tags[header] = _value_tag(m, u)
    for column, tag in COLUMN_TAGS.items():
        out[column] = frame[column]
        tags[column] = tag
        if column == "location_code":
            code = frame["location_code"].astype("string")
            out["country_code"] = code.str[:2]
            tags["country_code"] = "#country+code"
            out["adm1_code"] = code.where(code.str.len() >= 4).str[:4]
            tags["adm1_code"] = "#adm1+code"
    if sources is not None:
        known = sources.drop_duplicates("source_id").set_index("source_id")
        ids = frame["source_id"].astype(object)
        for name, tag in (("published", "#date+reported"), ("url", "#meta+url"),
                          ("publisher", "#org+publisher")):  # fmt: skip
            if name in known:
                out[f"source_{name}"] = ids.map(known[name].astype(object).to_dict())
                tags[f"source_{name}"] = tag
    _write(out, tags, path)


def _write(out: pd.DataFrame, tags: dict[str, str], path: Path) -> None:
    buffer = io.StringIO()
    _csv.write_frame(out, path)  # the CSV rules: spreadsheet safety, quoting, numbers, dates
    text = path.read_bytes().decode("utf-8")  # as written: a lone \r in a cell stays a \r
    header, _, body = text.partition("\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([tags[c] for c in out.columns])
    path.write_bytes(f"{header}\n{buffer.getvalue()}{body}".encode())


def _tag_row(rows: list[list[str]]) -> int:
    """The index of the hashtag row: the first row whose non-empty cells are mostly hashtags."""
    for i, row in enumerate(rows[:25]):
        cells = [c for c in row if c.strip()]
        if cells and sum(bool(_TAG.match(c)) for c in cells) >= max(1, len(cells) // 2):
            return i
    return -1


def is_tagged(path: Path) -> bool:
    """Whether the second line of a CSV file is an HXL hashtag row."""
    with path.open("rb") as handle:
        head = handle.read(65536)
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False  # the CSV reader says what is wrong with the file
    rows = list(csv.reader(io.StringIO(text)))[:2]
    return len(rows) == 2 and _tag_row(rows) == 1


def read_raw(path: Path) -> pd.DataFrame:
    """Read an HXL-tagged table into claims (as text cells, for the validator)."""
    text = read_text(path)
    rows = list(csv.reader(io.StringIO(text)))
    at = _tag_row(rows)
    if at < 0:
        raise ReadError(
            f"{path}: no HXL hashtag row (a row of #tags under the header) in the first 25 rows",
            code="bad_hxl",
            value=str(path),
        )
    tags = rows[at]
    width = len(tags)
    data = [r + [""] * (width - len(r)) if len(r) < width else r[:width] for r in rows[at + 1 :]]
    frame = pd.DataFrame(data, columns=[f"c{i}" for i in range(width)], dtype=object)
    frame = frame.apply(lambda column: _csv.restore(column.astype("string")))
    headers = rows[at - 1] if at > 0 else [""] * width
    headers = headers + [""] * (width - len(headers))
    normal = [_normal(t) if t.strip() else ("", frozenset()) for t in tags]
    if any(t.strip().lower() == COLUMN_TAGS["claim_id"] for t in tags):
        return _read_own(frame, tags)
    return _read_wide(frame, tags, headers, normal, path, first_row=at + 2)


_METRIC_UNIT_OF_TAG: Final = {_value_tag(m, u): (m, u) for m in METRICS for u in UNITS}


def _read_own(frame: pd.DataFrame, tags: list[str]) -> pd.DataFrame:
    """A file this module wrote: columns back by hashtag, the figure and metric from the
    metric column that holds it."""
    out = pd.DataFrame(index=frame.index)
    value = pd.Series(pd.NA, index=frame.index, dtype="string")
    metric = pd.Series(pd.NA, index=frame.index, dtype="string")
    for i, tag in enumerate(tags):
        key = tag.strip().lower()
        cell = frame[f"c{i}"].replace("", pd.NA)
        if key in _COLUMN_OF_TAG:
            out[_COLUMN_OF_TAG[key]] = cell
        elif key in _METRIC_UNIT_OF_TAG:
            value = value.fillna(cell)
            metric = metric.mask(cell.notna() & metric.isna(), _METRIC_UNIT_OF_TAG[key][0])
    out["value"] = value
    out["metric"] = metric
    return out


def _column_labels(
    figures: list[tuple[int, str, str, str]], headers: list[str], tags: list[str]
) -> dict[int, str]:
    """A label per figure column for its claims' ids: its header, unless another figure column
    has the same one ("Total" under killed and under injured); then the header and hashtag,
    and the column's number where even those repeat."""
    header = {i: headers[i].strip() or tags[i].strip() for i, *_ in figures}
    seen = Counter(header.values())
    labels = {
        i: h if seen[h] == 1 else f"{headers[i].strip()}{tags[i].strip()}"
        for i, h in header.items()
    }
    again = Counter(labels.values())
    return {i: h if again[h] == 1 else f"{h}@{i + 1}" for i, h in labels.items()}


def _read_wide(
    frame: pd.DataFrame,
    tags: list[str],
    headers: list[str],
    normal: list[tuple[str, frozenset[str]]],
    path: Path,
    first_row: int,
) -> pd.DataFrame:
    """An HDX-style table: one claim per non-empty figure cell."""
    figures: list[tuple[int, str, str, str]] = []  # column, metric, group, unit
    place: dict[str, int] = {}
    names: dict[str, int] = {}
    dates: dict[str, int] = {}
    unknown: list[int] = []
    source_column = url_column = -1
    for i, (base, attributes) in enumerate(normal):
        if not base:
            continue
        metric = _metric_of(base, attributes)
        if metric is not None:
            unit_attribute = next((a for a in attributes if a in _UNIT_OF_ATTRIBUTE), None)
            unit = _UNIT_OF_ATTRIBUTE[unit_attribute] if unit_attribute else METRICS[metric].unit
            group = next(
                (_GROUP_OF_ATTRIBUTE[a] for a in attributes if a in _GROUP_OF_ATTRIBUTE), "all"
            )
            figures.append((i, metric, group, unit))
        elif (
            base in {"#country", "#adm1", "#adm2", "#adm3", "#adm4", "#loc"}
            and "code" in attributes
        ):
            place[base] = i
        elif (
            base in {"#country", "#adm1", "#adm2", "#adm3", "#adm4", "#loc"}
            and "name" in attributes
        ):
            names[base] = i
        elif base == "#date":
            dates[
                "start" if "start" in attributes else "end" if "end" in attributes else "date"
            ] = i
        elif base == "#meta" and "source" in attributes:
            source_column = i
        elif base == "#meta" and "url" in attributes:
            url_column = i
        else:
            unknown.append(i)
    if unknown:
        listed = ", ".join(tags[i].strip() for i in unknown)
        warnings.warn(
            f"{path}: hashtags humtrack does not know ({listed}); their values are kept in the "
            "claims' notes",
            HumtrackWarning,
            stacklevel=4,
        )
    if not figures:
        raise ReadError(
            f"{path}: no column holds a figure humtrack knows (hashtags such as "
            "#affected+killed, #affected+idps, #inneed, #population)",
            code="bad_hxl",
            value=str(path),
        )
    levels = ["#adm4", "#adm3", "#adm2", "#adm1", "#country", "#loc"]
    code = _first_present(frame, [place[k] for k in levels if k in place])
    name = _first_present(frame, [names[k] for k in levels if k in names])
    end = _first_present(frame, [dates[k] for k in ("end", "date") if k in dates])
    start = _first_present(frame, [dates["start"]] if "start" in dates else [])
    stem = path.name
    extra = _notes(frame, tags, unknown)
    # ids from the columns that hold figures: an empty column renames no other column's ids
    filled_columns = [f for f in figures if (frame[f"c{f[0]}"].fillna("").str.strip() != "").any()]
    labels = _column_labels(filled_columns, headers, tags)
    parts = []
    for column, metric, group, unit in figures:
        cells = frame[f"c{column}"]
        filled = cells.fillna("").str.strip() != ""
        if not filled.any():
            continue
        rows = np.flatnonzero(filled.to_numpy(dtype=bool))
        header = headers[column].strip() or tags[column].strip()
        kind = METRICS[metric].default_kind
        claim_start = start.iloc[rows] if kind == "flow" else end.iloc[rows]
        row_numbers = rows + first_row
        provenance = [
            f"{stem} row {r}, column {header!r} ({tags[column].strip()})" for r in row_numbers
        ]
        if kind == "stock":
            # a stock holds on a day: the row's window is narrowed to its end, and says so
            given = start.iloc[rows].fillna("").str.strip().to_numpy()
            ends = end.iloc[rows].fillna("").str.strip().to_numpy()
            provenance = [
                f"{p}; a stock, dated on the last day of the row's window {a} to {b}"
                if a and a != b
                else p
                for p, a, b in zip(provenance, given, ends, strict=True)
            ]
        parts.append(
            pd.DataFrame(
                {
                    "claim_id": [f"{stem}:r{r}:{labels[column]}" for r in row_numbers],
                    "source_id": (
                        frame[f"c{source_column}"].iloc[rows].fillna(stem).to_numpy()
                        if source_column >= 0
                        else stem
                    ),
                    "metric": metric,
                    "subject": header,
                    "group": group,
                    "kind": kind,
                    "value": _plain_number(cells.iloc[rows]).to_numpy(),
                    "qualifier": "exact",
                    "precision": "1",
                    "unit": unit,
                    "location": name.iloc[rows].to_numpy(),
                    "location_code": code.iloc[rows].to_numpy(),
                    "period_start": claim_start.to_numpy(),
                    "period_end": end.iloc[rows].to_numpy(),
                    "notes": [
                        p if not n else f"{p}; {n}"
                        for p, n in zip(provenance, extra.iloc[rows], strict=True)
                    ],
                    "url": frame[f"c{url_column}"].iloc[rows].to_numpy()
                    if url_column >= 0
                    else None,
                }
            )
        )
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    if "url" in out and url_column >= 0:
        out["notes"] = [
            n if pd.isna(u) or not u else f"{n}; url {u}"
            for n, u in zip(out["notes"], out["url"], strict=True)
        ]
    return out.drop(columns=["url"], errors="ignore")


_THOUSANDS: Final = r"^\s*\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?\s*$"


def _plain_number(cells: pd.Series) -> pd.Series:
    """Figures as plain digits: "1,024" and "37 000" lose their thousands separators."""
    text = cells.astype("string").str.strip()
    grouped = text.str.match(_THOUSANDS, na=False)
    return text.where(~grouped, text.str.replace(r"[,\u00a0\u202f ]", "", regex=True))


def _metric_of(base: str, attributes: frozenset[str]) -> str | None:
    """The metric a figure hashtag counts: the longest known tag its parts contain."""
    best: tuple[int, str] | None = None
    for tag, metric in _METRIC_OF_TAG.items():
        tag_base, tag_attributes = _normal(tag)
        if tag_base == base and tag_attributes <= attributes:
            if tag_base == "#meta":
                continue  # "#meta+figure" is ours for "other"; a #meta column is not a figure
            if best is None or len(tag_attributes) > best[0]:
                best = (len(tag_attributes), metric)
    return best[1] if best else None


def _first_present(frame: pd.DataFrame, columns: list[int]) -> pd.Series:
    """Per row, the first non-empty cell among ``columns`` (most specific first)."""
    out = pd.Series(pd.NA, index=frame.index, dtype="string")
    for column in columns:
        cells = frame[f"c{column}"].astype("string").str.strip()
        out = out.fillna(cells.mask(cells == ""))
    return out


def _notes(frame: pd.DataFrame, tags: list[str], columns: list[int]) -> pd.Series:
    """The values of unknown hashtag columns, as "#tag=value" per row."""
    out = pd.Series("", index=frame.index, dtype=object)
    for column in columns:
        cells = frame[f"c{column}"].fillna("").astype(str)
        label = tags[column].strip()
        piece = cells.map(lambda v, label=label: f"{label}={v}" if v.strip() else "")
        out = out.str.cat(piece, sep="; ").str.strip("; ")
    return out

"""Pictures of figures and their uncertainty (needs the ``plot`` extra: matplotlib).

- :func:`forest`: one line per claim (or per quantity of a triangulated
  table), its effective interval as a bar, an open upper end as an arrow, the
  stated value as a dot, labelled by claim and source and grouped by quantity.
- :func:`timeline`: figures over time; flows as bands over their windows,
  stocks as points with their interval, or a :func:`~humtrack.timeseries`
  table as steps with a band between its bounds.

Both return a :class:`matplotlib.figure.Figure` (:func:`forest` draws on
``ax`` when given; :func:`timeline` makes one panel per metric) and never
touch pyplot's global state, so they work in scripts, servers and notebooks
alike.

Examples
--------
>>> import humtrack as ht
>>> from humtrack.plot import forest
>>> figure = forest("seeds/claims.csv", sources="seeds/sources.csv")
>>> figure.savefig("/dev/null", format="png")
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from humtrack.aggregate.triangulation import QUANTITY, TRIANGULATED_COLUMNS, with_what
from humtrack.errors import HumtrackError, UsageError
from humtrack.estimate import Estimate
from humtrack.intervals import effective_bounds
from humtrack.numbers import format_number
from humtrack.tables import ClaimsLike, SourcesLike, claims_frame, sources_frame

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["forest", "timeline"]

_PALETTE: Final = ("#1b6ca8", "#d1495b", "#2e8b57", "#edae49", "#6a4c93", "#00798c", "#8d6a9f")
_OPEN: Final = "#888888"


def _matplotlib() -> Any:
    try:
        import matplotlib

        from humtrack._figure import ShownFigure
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise UsageError("humtrack.plot needs matplotlib: pip install 'humtrack[plot]'") from error
    return matplotlib, ShownFigure


def _canvas(ax: Axes | None, rows: int, width: float = 10.0) -> tuple[Figure, Axes]:
    _, figure_class = _matplotlib()
    if ax is not None:
        return ax.figure, ax  # type: ignore[return-value]
    figure = figure_class(figsize=(width, max(2.5, 0.38 * rows + 1.4)), layout="constrained")
    return figure, figure.add_subplot()


def _period_text(start: Any, end: Any) -> str:
    e = pd.Timestamp(end).strftime("%Y-%m-%d") if not pd.isna(end) else "?"
    if pd.isna(start):
        return f"..{e}"
    s = pd.Timestamp(start).strftime("%Y-%m-%d")
    return e if s == e else f"{s}..{e}"


def _quantity_text(row: pd.Series) -> str:
    what = row.get("what") or ""
    place = row.get("location_code")
    place_text = "" if pd.isna(place) else f" in {place}"
    group = "" if row.get("group") in (None, "all") else f" ({row['group']})"
    name = what if what else str(row["metric"])
    return (
        f"{name}{group}{place_text}, {_period_text(row.get('period_start'), row.get('period_end'))}"
    )


def _axis_limit(
    lo: np.ndarray, hi: np.ndarray, value: np.ndarray, log: bool
) -> tuple[float, float]:
    finite = np.concatenate([lo, value, hi[np.isfinite(hi)]])
    top = float(finite.max()) if len(finite) else 1.0
    if log:
        positive = finite[finite > 0]
        bottom = float(positive.min()) / 2 if len(positive) else 0.5
        return bottom, top * 3
    return 0.0, top * 1.15 if top > 0 else 1.0


def forest(
    data: ClaimsLike | pd.DataFrame,
    *,
    sources: SourcesLike | None = None,
    log: bool | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """One line per claim, grouped by quantity: interval bar, open ends as arrows, value dot.

    Parameters
    ----------
    data
        Claims (a :class:`ClaimSet`, a DataFrame or a path): one line per claim,
        labelled with its claim id and source (and whom it cites). Or a table
        from :func:`~humtrack.triangulate`: one line per quantity, its hull as
        the bar, the median as the dot and the preferred figure as a diamond.
    sources
        The sources table, for publishers in the labels.
    log
        Logarithmic value axis; by default when the figures span more than a
        factor of 1,000.
    ax
        Draw on these axes instead of a new figure.
    title
        A title for the picture.
    """
    if isinstance(data, pd.DataFrame) and all(c in data.columns for c in TRIANGULATED_COLUMNS):
        return _forest_of_quantities(data, log=log, ax=ax, title=title)
    frame = with_what(claims_frame(data, purpose="plotting"))
    source_table, _ = sources_frame(sources)
    publisher: dict[str, str] = {}
    if source_table is not None and "publisher" in source_table:
        publisher = {
            str(k): str(v)
            for k, v in zip(source_table["source_id"], source_table["publisher"], strict=True)
            if not pd.isna(v)
        }
    lo_all, hi_all = effective_bounds(frame)
    frame = frame.assign(_lo=lo_all, _hi=hi_all)
    keys = list(QUANTITY)
    frame = frame.sort_values(keys, kind="stable", na_position="last").reset_index(drop=True)
    lines: list[
        tuple[str, float, float, float, str, bool]
    ] = []  # label, lo, hi, value, colour, header
    headers: list[tuple[int, str]] = []
    for number, (_, group) in enumerate(
        frame.groupby(keys, sort=False, dropna=False, observed=True)
    ):
        headers.append((len(lines), _quantity_text(group.iloc[0])))
        colour = _PALETTE[number % len(_PALETTE)]
        for _, row in group.iterrows():  # one line per claim: a picture, not a bulk path
            source = row["source_id"]
            who = publisher.get(str(source), str(source) if not pd.isna(source) else "no source")
            if not pd.isna(row["attributed_to"]):
                who += f", citing {row['attributed_to']}"
            figure_text = _figure_text(row)
            lines.append(
                (
                    f"{row['claim_id']} · {who} · {figure_text}",
                    row["_lo"],
                    row["_hi"],
                    row["value"],
                    colour,
                    False,
                )
            )
    return _draw_forest(lines, headers, log, ax, title)


def _figure_text(row: pd.Series) -> str:
    def cell(name: str) -> float | None:
        value = row[name]
        return None if pd.isna(value) else float(value)

    try:
        estimate = Estimate(
            float(row["value"]),
            str(row["qualifier"]),  # type: ignore[arg-type]
            lower=cell("lower"),
            upper=cell("upper"),
            precision=cell("precision") or 0.0,
        )
    except HumtrackError:  # the label is a courtesy; the bar carries the numbers
        return format_number(float(row["value"]))
    return str(estimate).split(" (")[0]


def _forest_of_quantities(
    table: pd.DataFrame, *, log: bool | None, ax: Axes | None, title: str | None
) -> Figure:
    lines = []
    headers: list[tuple[int, str]] = []
    for number, (_, row) in enumerate(table.iterrows()):
        colour = "#d1495b" if row["conflict"] else _PALETTE[number % len(_PALETTE)]
        label = (
            f"{_quantity_text(row)} · {row['n_claims']} claim{'s' if row['n_claims'] != 1 else ''}"
            f", {row['n_independent']} independent" + (" · conflict" if row["conflict"] else "")
        )
        lines.append((label, row["lower"], row["upper"], row["central"], colour, False))
    figure = _draw_forest(lines, headers, log, ax, title)
    axes = figure.axes[0] if ax is None else ax
    preferred = table["preferred"].to_numpy(dtype=float)
    axes.scatter(preferred, np.arange(len(table)), marker="D", s=34, facecolors="none", edgecolors="black", zorder=4,
                 label="preferred")  # fmt: skip
    axes.legend(loc="lower right", fontsize=8, frameon=False)
    return figure


def _draw_forest(
    lines: Sequence[tuple[str, float, float, float, str, bool]],
    headers: Sequence[tuple[int, str]],
    log: bool | None,
    ax: Axes | None,
    title: str | None,
) -> Figure:
    # rows: a header row above each quantity's lines
    positions: list[float] = []
    header_rows: list[tuple[float, str]] = []
    y = 0.0
    header_at = dict(headers)
    for index in range(len(lines)):
        if index in header_at:
            if index:
                y += 0.5
            header_rows.append((y, header_at[index]))
            y += 1
        positions.append(y)
        y += 1
    figure, axes = _canvas(ax, int(y) + 1)
    lo = np.array([line[1] for line in lines], dtype=float)
    hi = np.array([line[2] for line in lines], dtype=float)
    value = np.array([line[3] for line in lines], dtype=float)
    if log is None:
        finite = np.concatenate([lo[lo > 0], value[value > 0], hi[np.isfinite(hi) & (hi > 0)]])
        log = bool(len(finite) and finite.max() / finite.min() > 1000)
    left, right = _axis_limit(lo, hi, value, log)
    if log:
        axes.set_xscale("log")
    for (_label, low, high, v, colour, _header), at in zip(lines, positions, strict=True):
        start = max(low, left)
        if math.isinf(high):
            axes.annotate(
                "",
                xy=(right, at),
                xytext=(start, at),
                arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2.2, "alpha": 0.55},
            )
        else:
            axes.plot(
                [start, max(high, start)],
                [at, at],
                color=colour,
                lw=5,
                alpha=0.45,
                solid_capstyle="butt",
            )
        axes.plot([v], [at], "o", color=colour, ms=6, zorder=3)
    axes.set_xlim(left, right)
    axes.set_yticks(positions, [line[0] for line in lines], fontsize=8)
    for at, text in header_rows:
        axes.text(0.0, at, text, transform=axes.get_yaxis_transform(), fontsize=9,
                  fontweight="bold", va="center", ha="left")  # fmt: skip
    axes.set_ylim(y - 0.5, -0.7)
    axes.grid(axis="x", color="#dddddd", lw=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_xlabel("figure (bar: effective interval; arrow: no upper bound; dot: as stated)")
    if title:
        axes.set_title(title, loc="left", fontsize=11)
    return figure


def timeline(
    data: ClaimsLike | pd.DataFrame,
    *,
    log: bool | None = None,
    title: str | None = None,
) -> Figure:
    """Figures over time: one panel per metric, one colour per group and place.

    Claims: a flow is a band over its window, from its lower to its upper
    bound, with its stated value as a line; a stock is a point on its day with
    its interval as a bar; a flow with no start is a square on its last day;
    an open upper end is an arrow. A table from :func:`~humtrack.timeseries`:
    one step line per series (the central figure of each calendar period) with
    a band between its bounds. A panel's value axis is logarithmic when its
    figures span more than a factor of 1,000 (``log`` forces either way).
    """
    if isinstance(data, pd.DataFrame) and "spread" in data.columns and "age_days" in data.columns:
        return _timeline_of_series(data, log=bool(log), title=title)
    frame = with_what(claims_frame(data, purpose="plotting"))
    lo_all, hi_all = effective_bounds(frame)
    frame = frame.assign(_lo=lo_all, _hi=hi_all)
    metrics = [m for m in frame["metric"].cat.categories if (frame["metric"] == m).any()]
    _, figure_class = _matplotlib()
    figure: Figure = figure_class(
        figsize=(10, 2.3 * max(1, len(metrics)) + 0.8), layout="constrained"
    )
    panels = figure.subplots(max(1, len(metrics)), 1, squeeze=False)[:, 0]
    for axes, metric in zip(panels, metrics, strict=False):
        rows = frame[(frame["metric"] == metric).to_numpy(dtype=bool)]
        _timeline_panel(axes, rows, log)
        axes.set_title(str(metric), loc="left", fontsize=10, fontweight="bold")
    if title:
        figure.suptitle(title, x=0.01, ha="left", fontsize=11)
    return figure


#: what tells two series of one metric apart in a timeline panel
_SERIES_KEYS: Final = ["group", "what", "location_code", "kind", "unit"]


def _series_label(key: Any, name: Any, place: str) -> str:
    """ "children in SY07", with the kind and unit when a panel mixes them."""
    kind, unit = key[3], key[4]
    extra = f" ({kind}, {unit})" if unit not in ("person",) else f" ({kind})"
    return f"{name} in {place}{extra}".strip()


def _timeline_panel(axes: Axes, rows: pd.DataFrame, log: bool | None) -> None:
    values = np.concatenate(
        [rows["_lo"].to_numpy(), rows["value"].to_numpy(dtype=float), rows["_hi"].to_numpy()]
    )
    finite = values[np.isfinite(values) & (values > 0)]
    use_log = (
        bool(log) if log is not None else bool(len(finite) and finite.max() / finite.min() > 1000)
    )
    top = float(finite.max()) if len(finite) else 1.0
    ceiling = top * (4 if use_log else 1.25)
    for number, (key, group) in enumerate(
        rows.groupby(_SERIES_KEYS, sort=True, dropna=False, observed=True)
    ):
        colour = _PALETTE[number % len(_PALETTE)]
        place = key[2] if isinstance(key[2], str) else "?"
        name = key[1] if isinstance(key[1], str) and key[1] else ("" if key[0] == "all" else key[0])
        label = _series_label(key, name, place)
        first = True
        for _, row in group.iterrows():  # a picture of a few claims, not a bulk path
            end = np.datetime64(pd.Timestamp(row["period_end"]), "s")
            known_start = not pd.isna(row["period_start"])
            start = np.datetime64(pd.Timestamp(row["period_start"]), "s") if known_start else end
            low, high, value = float(row["_lo"]), float(row["_hi"]), float(row["value"])
            shown_high = (
                high
                if math.isfinite(high)
                else min(ceiling, max(low, value) * (3 if use_log else 1.15))
            )
            if row["kind"] == "flow" and known_start and start < end:
                window = np.array([start, end])
                axes.fill_between(window, [low, low], [shown_high, shown_high], color=colour,
                                  alpha=0.25, lw=0, label=label if first else None)  # fmt: skip
                axes.plot(window, [value, value], color=colour, lw=1.6)
                at = start + (end - start) / 2
            else:
                axes.errorbar(np.array([end]), [value], yerr=[[value - low], [max(shown_high - value, 0)]],
                              fmt="o" if known_start else "s", color=colour, capsize=3, ms=5,
                              label=label if first else None)  # fmt: skip
                at = end
            if not math.isfinite(high):
                axes.annotate("", xy=(at, shown_high), xytext=(at, max(value, low)),
                              arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.4})  # fmt: skip
            first = False
    if use_log:
        axes.set_yscale("log")
    else:
        axes.set_ylim(0, ceiling)
    axes.grid(color="#dddddd", lw=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    starts = rows["period_start"].fillna(rows["period_end"])
    _dates_axis(axes, starts.min(), rows["period_end"].max())


def _dates_axis(axes: Axes, first: pd.Timestamp, last: pd.Timestamp) -> None:
    """Readable dates on the x axis, with room around a single day."""
    import matplotlib.dates as mdates

    pad = max((last - first) * 0.06, pd.Timedelta(days=5))
    axes.set_xlim(np.datetime64(first - pad, "s"), np.datetime64(last + pad, "s"))  # type: ignore[arg-type]
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def _timeline_of_series(data: pd.DataFrame, *, log: bool, title: str | None) -> Figure:
    dated = data[data["period_start"].notna()]
    metrics = list(pd.unique(dated["metric"].astype(object)))
    _, figure_class = _matplotlib()
    figure: Figure = figure_class(
        figsize=(10, 2.3 * max(1, len(metrics)) + 0.8), layout="constrained"
    )
    panels = figure.subplots(max(1, len(metrics)), 1, squeeze=False)[:, 0]
    for axes, metric in zip(panels, metrics, strict=False):
        rows = dated[(dated["metric"].astype(object) == metric).to_numpy(dtype=bool)]
        finite = rows["upper"].to_numpy(dtype=float)
        finite = finite[np.isfinite(finite)]
        cap = float(max(finite.max() if len(finite) else 0.0, rows["central"].max())) * 1.25 or 1.0
        for number, (key, group) in enumerate(
            rows.groupby(_SERIES_KEYS, sort=True, dropna=False, observed=True)
        ):
            colour = _PALETTE[number % len(_PALETTE)]
            group = group.sort_values("period_start")
            starts = np.array(
                [*group["period_start"], group["period_end"].iloc[-1] + pd.Timedelta(days=1)],
                dtype="datetime64[s]",
            )
            central = [*group["central"], group["central"].iloc[-1]]
            lower = [*group["lower"], group["lower"].iloc[-1]]
            upper = [u if math.isfinite(u) else cap for u in group["upper"]]
            upper.append(upper[-1])
            place = key[2] if isinstance(key[2], str) else "?"
            name = (
                key[1]
                if isinstance(key[1], str) and key[1]
                else ("" if key[0] == "all" else key[0])
            )
            axes.step(
                starts,
                central,
                where="post",
                color=colour,
                lw=1.8,
                label=_series_label(key, name, place),
            )
            axes.fill_between(starts, lower, upper, step="post", color=colour, alpha=0.2, lw=0)
        if log:
            axes.set_yscale("log")
        else:
            axes.set_ylim(bottom=0)
        axes.set_title(f"{metric} per calendar period (band: bounds; capped where open)", loc="left",
                       fontsize=10)  # fmt: skip
        axes.grid(color="#dddddd", lw=0.6)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        _dates_axis(axes, rows["period_start"].min(), rows["period_end"].max())
    if title:
        figure.suptitle(title, x=0.01, ha="left", fontsize=11)
    return figure

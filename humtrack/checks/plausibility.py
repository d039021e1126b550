"""Rules against the world (R) and about stock and flow (K)."""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from humtrack.checks._found import found, none_found
from humtrack.checks.context import Context
from humtrack.checks.rules import register
from humtrack.numbers import format_number

__all__: list[str] = []

#: Stocks of people a place's population bounds.
_PEOPLE_STOCKS: Final = ("idps", "refugees", "population", "affected", "in_need")
#: How far (in years) a reference population may be from a stock it judges.
MAX_REFERENCE_AGE: Final = 5
_STOCK_METRICS: Final = ("idps", "population", "in_need", "affected")


def _population_for(
    ctx: Context, codes: pd.Series, years: np.ndarray, *, any_year: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(population, year, source) of the reference row nearest in time for each code."""
    ref = ctx.reference
    n = len(codes)
    pop = np.full(n, np.nan)
    year = np.full(n, np.nan)
    source = np.full(n, None, dtype=object)
    if ref.empty or n == 0:
        return pop, year, source
    frame = pd.DataFrame({"code": codes.astype(object).to_numpy(), "y": years, "i": np.arange(n)})
    frame = frame[frame["code"].notna().to_numpy(dtype=bool)]
    merged = frame.merge(
        ref[["location_code", "population", "year", "source"]],
        left_on="code",
        right_on="location_code",
        how="inner",
    )
    if merged.empty:
        return pop, year, source
    merged["gap"] = (merged["year"] - merged["y"]).abs()
    merged = merged.sort_values(["i", "gap"], kind="stable").drop_duplicates("i")
    if not any_year:
        merged = merged[(merged["gap"] <= MAX_REFERENCE_AGE).to_numpy(dtype=bool)]
    idx = merged["i"].to_numpy()
    pop[idx] = merged["population"].to_numpy(dtype=float)
    year[idx] = merged["year"].to_numpy(dtype=float)
    source[idx] = merged["source"].astype(object).to_numpy()
    return pop, year, source


def _above(
    ctx: Context, mask: np.ndarray, codes: pd.Series, *, any_year: bool, what: str
) -> pd.DataFrame:
    rows_all = np.flatnonzero(mask)
    if not len(rows_all):
        return none_found()
    years = ctx.claims["period_end"].to_numpy()[rows_all].astype("datetime64[Y]").astype(int) + 1970
    pop, year, source = _population_for(ctx, codes.iloc[rows_all], years, any_year=any_year)
    lo = ctx.lo[rows_all]
    bad = np.flatnonzero(np.isfinite(pop) & (lo > pop))
    rows, messages = [], []
    for j in bad:
        i = int(rows_all[j])
        place = codes.iloc[i]
        rows.append([i])
        messages.append(
            f"{ctx.describe(i)}: {what} {place} has {format_number(pop[j])} people "
            f"({source[j] or 'reference'}, {int(year[j])})"
        )
    return found(rows, messages, value=lo[bad], compared_to=pop[bad])


@register("R001")
def _stock_above_population(ctx: Context) -> pd.DataFrame:
    c = ctx.claims
    mask = (
        (c["kind"].astype(object) == "stock")
        & c["metric"].astype(object).isin(_PEOPLE_STOCKS)
        & (c["unit"].astype(object) == "person")
    ).to_numpy(dtype=bool)
    return _above(
        ctx, mask, c["location_code"], any_year=False, what="more than all who live there:"
    )


@register("R002")
def _deaths_above_population(ctx: Context) -> pd.DataFrame:
    c = ctx.claims
    mask = (
        (c["metric"].astype(object) == "killed") & (c["unit"].astype(object) == "person")
    ).to_numpy(dtype=bool)
    return _above(ctx, mask, c["location_code"], any_year=True, what="more deaths than people:")


@register("R003")
def _displacement_empties_place(ctx: Context) -> pd.DataFrame:
    c = ctx.claims
    metric = c["metric"].astype(object)
    flow = (c["kind"].astype(object) == "flow") & (c["unit"].astype(object) == "person")
    displaced = (flow & (metric == "displaced")).to_numpy(dtype=bool)
    leaving = (flow & (metric == "refugees") & c["origin_code"].notna()).to_numpy(dtype=bool)
    # refugees leave their country of origin; new displacement leaves the place it names
    codes = c["location_code"].where(~pd.Series(leaving), c["origin_code"])
    return _above(ctx, displaced | leaving, codes, any_year=True, what="it would empty the place:")


@register("K001")
def _stock_over_long_window(ctx: Context) -> pd.DataFrame:
    c = ctx.claims
    days = (c["period_end"] - c["period_start"]).dt.days
    bad = np.flatnonzero(
        ((c["kind"].astype(object) == "stock") & (days > 31)).fillna(False).to_numpy(dtype=bool)
    )
    messages = [
        f"{ctx.describe(int(i))}: a stock counts people at an instant, but this window runs "
        f"{int(days.iloc[i]) + 1} days; give the reference date"
        for i in bad
    ]
    return found([[int(i)] for i in bad], messages, value=c["value"].to_numpy()[bad])


@register("K002")
def _stock_metric_as_flow(ctx: Context) -> pd.DataFrame:
    c = ctx.claims
    bad = np.flatnonzero(
        (
            (c["kind"].astype(object) == "flow") & c["metric"].astype(object).isin(_STOCK_METRICS)
        ).to_numpy(dtype=bool)
    )
    messages = [
        f"{ctx.describe(int(i))}: {ctx.cell(i, 'metric')} counts people in a state, a stock; "
        "new displacement is metric displaced"
        for i in bad
    ]
    return found([[int(i)] for i in bad], messages, value=c["value"].to_numpy()[bad])


@register("K003")
def _flow_without_start(ctx: Context) -> pd.DataFrame:
    c = ctx.claims
    bad = np.flatnonzero(
        ((c["kind"].astype(object) == "flow") & c["period_start"].isna()).to_numpy(dtype=bool)
    )
    ids = c["claim_id"].astype(object).to_numpy()
    metric = c["metric"].astype(object).to_numpy()
    end = c["period_end"].dt.strftime("%Y-%m-%d").astype(object).to_numpy()
    messages = [
        f"claim {ids[i]}: {metric[i]} up to {end[i]} with no start: it cannot be added or "
        "compared over time"
        for i in bad
    ]
    return found([[int(i)] for i in bad], messages, value=c["value"].to_numpy()[bad])

"""Pictures: each plot draws what it promises for the seed figures, and renders to PNG."""

from __future__ import annotations

import io

import numpy as np

import humtrack as ht
from humtrack.plot import forest, timeline
from tests.conftest import SEEDS

CLAIMS = SEEDS / "claims.csv"
SOURCES = SEEDS / "sources.csv"


def png(figure: object) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=60)  # type: ignore[attr-defined]
    return buffer.getvalue()


def test_forest_has_a_line_per_claim_an_arrow_per_open_end_and_renders() -> None:
    figure = forest(CLAIMS, sources=SOURCES)
    axes = figure.axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert len(labels) == 17
    assert any(label.startswith("s001-c01 · TRT World · more than 200,000") for label in labels)
    open_claims = sum(1 for c in ht.read(CLAIMS) if c.estimate.is_open)
    arrows = [a for a in axes.texts if getattr(a, "arrow_patch", None) is not None]
    assert len(arrows) == open_claims == 5
    assert axes.get_xscale() == "log"  # the seeds span 1 to 3.5 million
    assert png(figure).startswith(b"\x89PNG")


def test_forest_of_quantities_marks_the_preferred_figure() -> None:
    table = ht.triangulate(CLAIMS, sources=SOURCES)
    figure = forest(table, log=False)
    axes = figure.axes[0]
    assert len(axes.get_yticklabels()) == len(table)
    preferred = axes.collections[-1].get_offsets()
    assert np.allclose(np.asarray(preferred)[:, 0], table["preferred"].to_numpy())
    assert axes.get_xscale() == "linear"


def test_forest_draws_on_given_axes() -> None:
    from matplotlib.figure import Figure

    figure = Figure()
    axes = figure.add_subplot()
    assert forest(CLAIMS, ax=axes) is figure


def test_timeline_has_a_panel_per_metric_and_renders() -> None:
    figure = timeline(CLAIMS, title="Seeds")
    metrics = {c.metric for c in ht.read(CLAIMS)}
    assert [a.get_title(loc="left") for a in figure.axes] == [
        m for m in ht.read(CLAIMS).frame["metric"].cat.categories if m in metrics
    ]
    assert png(figure).startswith(b"\x89PNG")


def test_timeline_of_a_time_series_draws_a_step_per_series() -> None:
    series = ht.timeseries(CLAIMS, freq="MS")
    figure = timeline(series)
    killed = figure.axes[0]
    assert killed.get_title(loc="left").startswith("killed per calendar period")
    assert len(killed.get_lines()) == 1
    assert png(figure).startswith(b"\x89PNG")


def test_a_figure_shows_itself_in_a_notebook_without_pyplot() -> None:
    # IPython shows an object through its _repr_png_; humtrack never imports pyplot, so without
    # this a notebook showed "<Figure size ...>" as text
    pictures = [forest(CLAIMS, sources=SOURCES), timeline(CLAIMS)]
    for figure in pictures:
        picture = figure._repr_png_()  # type: ignore[attr-defined]
        assert picture.startswith(b"\x89PNG")
        assert len(picture) > 10_000


def test_a_figure_can_be_pickled_like_any_matplotlib_figure() -> None:
    import pickle

    figure = forest(CLAIMS, sources=SOURCES)
    again = pickle.loads(pickle.dumps(figure))
    assert type(again) is type(figure)
    assert again._repr_png_().startswith(b"\x89PNG")

from __future__ import annotations

import pandas as pd

from humtrack import vocab


def test_each_metric_has_a_kind_a_hashtag_and_a_definition() -> None:
    for metric in vocab.METRICS.values():
        assert metric.default_kind in vocab.KINDS
        assert metric.hxl.startswith("#")
        assert metric.definition


def test_stock_and_flow_defaults_follow_the_design() -> None:
    kinds = {name: m.default_kind for name, m in vocab.METRICS.items()}
    assert kinds["idps"] == kinds["refugees"] == kinds["population"] == "stock"
    assert kinds["killed"] == kinds["displaced"] == "flow"


def test_vague_conventions_name_their_source() -> None:
    assert vocab.VAGUE["dozens"].value == 12
    assert vocab.VAGUE["tens"].value == 10
    assert vocab.VAGUE["hundreds"].value == 100
    assert "ACLED" in vocab.VAGUE["dozens"].source
    assert all(c.source for c in vocab.VAGUE.values())


def test_one_categorical_dtype_per_vocabulary_keeps_concatenation_categorical() -> None:
    a = pd.Series(["killed"], dtype=vocab.category_dtype("metric"))
    b = pd.Series(["idps"], dtype=vocab.category_dtype("metric"))
    assert isinstance(pd.concat([a, b]).dtype, pd.CategoricalDtype)

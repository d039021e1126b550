from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from humtrack import Claim, Quote, SchemaError, Source

BASE: dict[str, Any] = {
    "claim_id": "c1",
    "source_id": "s1",
    "metric": "killed",
    "value": 200.0,
    "qualifier": "more_than",
    "precision": 100.0,
    "period_start": date(2017, 9, 19),
    "period_end": date(2017, 10, 8),
}


def test_defaults_fill_from_the_metric() -> None:
    c = Claim(**BASE)
    assert (c.kind, c.unit, c.group, c.status, c.credibility) == (
        "flow",
        "person",
        "all",
        "recorded",
        6,
    )
    assert c.lower == 200.0
    assert c.upper is None
    assert str(c.estimate) == "more than 200"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"metric": "kiled"}, "unknown_metric"),
        ({"group": "elves"}, "unknown_group"),
        ({"unit": "furlong"}, "unknown_unit"),
        ({"kind": "stockflow"}, "unknown_kind"),
        ({"value": -3.0, "qualifier": "exact", "precision": 1.0}, "negative"),
        ({"period_start": date(2018, 1, 1)}, "period_order"),
        ({"credibility": 7}, "credibility_range"),
        ({"quote": "abc", "quote_start": 0, "quote_end": 5}, "quote_span"),
        ({"quote": "abc"}, "quote_span"),
        ({"kind": "stock", "period_start": None}, "stock_start"),
        ({"claim_id": " "}, "claim_id"),
    ],
)
def test_invalid_claims_are_refused_with_a_code(change: dict[str, Any], code: str) -> None:
    with pytest.raises(SchemaError) as info:
        Claim(**{**BASE, **change})
    assert info.value.code == code


def test_period_reports_the_coarsest_precision() -> None:
    c = Claim(**{**BASE, "period_start": date(2019, 5, 1), "period_end": date(2019, 5, 31)})
    assert str(c.period) == "2019-05"


def test_quote_offsets_count_code_points() -> None:
    text = "Turkey — which already hosts 3.2 million Syrian refugees"
    q = Quote.find(text, "3.2 million")
    assert text[q.start : q.end] == "3.2 million"
    assert q.matches(text)
    assert not Quote("3.2 million", q.start + 1, q.end + 1).matches(text)


def test_source_publication_window_and_hash() -> None:
    s = Source("s1", published=date(2019, 5, 1), published_precision="month", reliability="F")
    window = s.publication_window
    assert window is not None
    assert (window.start, window.end) == (date(2019, 5, 1), date(2019, 5, 31))
    assert len(Source.hash_text("abc")) == 64
    with pytest.raises(SchemaError):
        Source("s1", published=date(2019, 5, 2), published_precision="month")
    with pytest.raises(SchemaError):
        Source("s1", reliability="Z")

from __future__ import annotations

import contextlib
import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from humtrack import Estimate, Interval, ParseError
from humtrack.testing import estimates


@pytest.mark.parametrize(
    ("text", "qualifier", "value", "lower", "upper", "precision"),
    [
        ("3.2 million", "exact", 3_200_000, 3_200_000, 3_200_000, 100_000),
        ("more than 200,000", "more_than", 200_000, 200_000, None, 100_000),
        ("200,000+", "at_least", 200_000, 200_000, None, 100_000),
        ("at least 500", "at_least", 500, 500, None, 100),
        ("up to 1,000", "at_most", 1_000, None, 1_000, 1_000),
        ("as many as 200,000", "at_most", 200_000, None, 200_000, 100_000),
        ("fewer than 50", "less_than", 50, None, 50, 10),
        ("about 2,050", "approx", 2_050, None, None, 10),
        ("an estimated 3,000", "approx", 3_000, None, None, 1_000),
        ("15-20", "range", 17.5, 15, 20, 1),
        ("15–20", "range", 17.5, 15, 20, 1),
        ("between 15 and 20", "range", 17.5, 15, 20, 1),
        ("15 to 20", "range", 17.5, 15, 20, 1),
        ("1.5bn", "exact", 1_500_000_000, 1_500_000_000, 1_500_000_000, 100_000_000),
        ("half a million", "exact", 500_000, 500_000, 500_000, 100_000),
        ("dozens", "vague", 12, 12, None, 1),
        ("hundreds", "vague", 100, 100, None, 1),
        ("tens of thousands", "vague", 10_000, 10_000, None, 1),
        ("several", "vague", 3, 3, None, 1),
    ],
)
def test_parse_follows_the_qualifier_table(
    text: str,
    qualifier: str,
    value: float,
    lower: float | None,
    upper: float | None,
    precision: float,
) -> None:
    e = Estimate.parse(text)
    assert (e.qualifier, e.value, e.lower, e.upper, e.precision) == (
        qualifier,
        value,
        lower,
        upper,
        precision,
    )


@pytest.mark.parametrize(
    "text",
    [
        "3.2 million",
        "more than 200,000",
        "at least 500",
        "up to 1,000",
        "about 2,050",
        "15-20",
        "dozens",
    ],
)
def test_str_writes_the_phrase_back(text: str) -> None:
    assert str(Estimate.parse(text)) == text


@given(estimates())
def test_parse_of_str_is_identity(e: Estimate) -> None:
    assert Estimate.parse(str(e)) == e


@given(st.text(max_size=40))
def test_parse_never_crashes(text: str) -> None:
    with contextlib.suppress(ParseError):
        Estimate.parse(text)


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("3.2 million", (3_150_000, 3_250_000)),  # exact: ± half a rounding step
        ("21", (20.5, 21.5)),
        ("about 2,050", (2_040, 2_060)),  # approx: ± one rounding step
        ("about 200,000", (100_000, 300_000)),
        ("more than 200", (200, math.inf)),
        ("at least 500", (500, math.inf)),
        ("up to 1,000", (0, 1_000)),
        ("fewer than 50", (0, 50)),
        ("15-20", (15, 20)),
        ("dozens", (12, math.inf)),
        ("about 5", (4, 6)),
    ],
)
def test_effective_interval_conventions(text: str, interval: tuple[float, float]) -> None:
    assert Estimate.parse(text).interval() == Interval(*interval)


def test_lower_end_never_below_zero() -> None:
    assert Estimate.parse("about 50").scale(0.1).interval().lower >= 0
    assert Estimate(0.0, "approx", precision=10).interval().lower == 0


@given(st.lists(estimates(max_value=1e9), min_size=1, max_size=6), st.data())
def test_sum_interval_contains_any_sum_of_values_drawn_inside(
    parts: list[Estimate], data: st.DataObject
) -> None:
    total = Estimate.sum(parts).interval()
    drawn = 0.0
    for e in parts:
        lo, hi = e.interval()
        hi = min(hi, lo + 1e9)  # a finite stand-in for an open end
        drawn += data.draw(st.floats(lo, hi, allow_nan=False)) if hi > lo else lo
    tolerance = 1e-9 * max(1.0, drawn)
    assert total.lower <= drawn + tolerance
    assert drawn <= total.upper + tolerance


@given(st.lists(estimates(), min_size=1, max_size=5))
def test_open_upper_bound_stays_open_through_sums(parts: list[Estimate]) -> None:
    total = Estimate.sum(parts)
    assert total.is_open == any(p.is_open for p in parts)
    assert (total.upper is None) == total.is_open


@given(st.lists(estimates(), min_size=2, max_size=5))
def test_sum_does_not_depend_on_order(parts: list[Estimate]) -> None:
    forward = Estimate.sum(parts).interval()
    backward = Estimate.sum(reversed(parts)).interval()
    assert forward.lower == pytest.approx(backward.lower)
    assert forward.upper == pytest.approx(backward.upper)


def test_builtin_sum_and_plus_agree() -> None:
    parts = [Estimate.parse("more than 200"), Estimate.parse("50"), Estimate.parse("about 10")]
    assert sum(parts) == Estimate.sum(parts)
    assert str(Estimate.sum(parts)) == "at least 245 (central 260, precision 0)"
    assert Estimate.sum([]) == Estimate(0.0, precision=0.0)


@given(estimates(max_value=1e9), st.floats(0, 1000, allow_nan=False))
def test_scale_scales_the_interval(e: Estimate, factor: float) -> None:
    assume(factor > 0)
    scaled = e.scale(factor).interval()
    lo, hi = e.interval()
    assert scaled.lower == pytest.approx(max(0.0, lo * factor), rel=1e-9, abs=1e-9)
    assert (scaled.upper == math.inf) == (hi == math.inf)
    if hi != math.inf:
        assert scaled.upper == pytest.approx(hi * factor, rel=1e-9, abs=1e-9)


def test_scale_rejects_negative_factor() -> None:
    with pytest.raises(ParseError, match="non-negative"):
        Estimate.parse("200").scale(-1)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"value": -1.0}, "negative"),
        ({"value": math.nan}, "finite"),
        ({"value": 5.0, "qualifier": "range", "lower": 10.0, "upper": 20.0}, "range"),
        ({"value": 5.0, "qualifier": "approx", "lower": 1.0}, "no bounds"),
        ({"value": 5.0, "qualifier": "exact", "lower": 4.0}, "exact"),
        ({"value": 5.0, "qualifier": "more_than", "upper": 9.0}, "no upper bound"),
        ({"value": 5.0, "qualifier": "perhaps"}, "unknown qualifier"),
    ],
)
def test_invalid_estimates_are_refused(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(ParseError, match=match):
        Estimate(**kwargs)  # type: ignore[arg-type]


def test_estimates_are_frozen_and_hashable() -> None:
    e = Estimate.parse("more than 200")
    assert hash(e) == hash(Estimate.parse("more than 200"))
    with pytest.raises(AttributeError):
        e.value = 3.0  # type: ignore[misc]


@pytest.mark.parametrize(
    "text", ["an estimated 8,000-9,000", "about 8,000-9,000", "some 8,000 to 9,000"]
)
def test_an_approximate_range_is_a_range(text: str) -> None:
    e = Estimate.parse(text)
    assert (e.qualifier, e.lower, e.upper, e.value) == ("range", 8000.0, 9000.0, 8500.0)
    assert Estimate.parse(str(e)) == e

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from humtrack import ParseError, Period
from humtrack.testing import periods


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "length"),
    [
        ("2017-10-08", date(2017, 10, 8), date(2017, 10, 8), "day", 1),
        ("2019-05", date(2019, 5, 1), date(2019, 5, 31), "month", 31),
        ("2017", date(2017, 1, 1), date(2017, 12, 31), "year", 365),
        ("2019-05-01/2019-05-16", date(2019, 5, 1), date(2019, 5, 16), "day", 16),
        ("2019-W19", date(2019, 5, 6), date(2019, 5, 12), "week", 7),
        ("../2024-11-30", None, date(2024, 11, 30), "day", None),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29), "month", 29),
    ],
)
def test_parse(
    text: str, start: date | None, end: date, precision: str, length: int | None
) -> None:
    p = Period.parse(text)
    assert (p.start, p.end, p.precision, p.length) == (start, end, precision, length)
    assert str(p) == text


@given(periods())
def test_str_round_trips(p: Period) -> None:
    assert Period.parse(str(p)) == p


def test_overlaps_and_contains() -> None:
    may = Period.parse("2019-05")
    first_half = Period.parse("2019-05-01/2019-05-16")
    june = Period.parse("2019-06")
    assert may.overlaps(first_half)
    assert first_half.overlaps(may)
    assert not may.overlaps(june)
    assert may.contains(first_half)
    assert not first_half.contains(may)
    assert may.contains(date(2019, 5, 31))
    open_start = Period.parse("../2019-05-03")
    assert open_start.overlaps(first_half)
    assert not open_start.overlaps(june)
    assert not may.contains(open_start)


@pytest.mark.parametrize(
    "text", ["2019-13", "2019-02-30", "May 2019", "2019-05-16/2019-05-01", "", "2019/05"]
)
def test_bad_periods_are_refused(text: str) -> None:
    with pytest.raises(ParseError):
        Period.parse(text)


def test_coarse_precision_needs_aligned_ends() -> None:
    with pytest.raises(ParseError, match="boundaries"):
        Period(date(2019, 5, 2), date(2019, 5, 31), "month")


def test_a_period_that_is_not_text_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="written as text"):
        Period.parse(None)  # type: ignore[arg-type]

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from humtrack.errors import ParseError
from humtrack.numbers import format_number, parse_number, rounding_step


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("200,000", 200_000, 100_000),
        ("37 000", 37_000, 1_000),
        ("37\u00a0000", 37_000, 1_000),
        ("37\u202f000", 37_000, 1_000),
        ("100, 000", 100_000, 100_000),
        ("2,050", 2_050, 10),
        ("21", 21, 1),
        ("1,4 million", 1_400_000, 100_000),
        ("3.2 million", 3_200_000, 100_000),
        ("2.3m", 2_300_000, 100_000),
        ("1.5bn", 1_500_000_000, 100_000_000),
        ("200k", 200_000, 100_000),
        ("half a million", 500_000, 100_000),
        ("a quarter of a million", 250_000, 10_000),
        ("three", 3, 1),
        ("twenty-one", 21, 1),
        ("twenty", 20, 10),
        ("one hundred", 100, 100),
        ("a dozen", 12, 1),
        ("two thousand", 2_000, 1_000),
        ("17.5", 17.5, 0.1),
    ],
)
def test_parse_number_reads_what_analysts_write(text: str, value: float, precision: float) -> None:
    parsed = parse_number(text)
    assert parsed.value == value
    assert parsed.precision == precision


@pytest.mark.parametrize("text", ["", "   ", "abc", "12 apples", "1.2.3", "million"])
def test_parse_number_rejects_non_numbers_with_parse_error(text: str) -> None:
    with pytest.raises(ParseError):
        parse_number(text)


@given(st.text(max_size=30))
def test_parse_number_never_crashes(text: str) -> None:
    try:
        parsed = parse_number(text)
    except ParseError:
        return
    assert parsed.value >= 0
    assert parsed.precision > 0


@given(st.integers(0, 10**15).map(float))
def test_format_number_reads_back_integers(value: float) -> None:
    assert parse_number(format_number(value)).value == value


@given(st.floats(0, 1e12, allow_nan=False))
def test_format_number_reads_back_floats(value: float) -> None:
    assert parse_number(format_number(value)).value == value


def test_rounding_step_of_plain_digits() -> None:
    assert [rounding_step(v) for v in (200_000.0, 2_050.0, 21.0, 0.0, 17.5)] == [
        100_000.0,
        10.0,
        1.0,
        1.0,
        0.1,
    ]


@pytest.mark.parametrize(
    "text", ["one one", "a thousand thousand", "one million million", "twenty thirty"]
)
def test_number_words_that_do_not_make_a_number_are_refused(text: str) -> None:
    with pytest.raises(ParseError):
        parse_number(text)


def test_number_words_are_exact_to_their_last_word() -> None:
    assert parse_number("one thousand two hundred") == (1200, 100)
    assert parse_number("three million two hundred thousand") == (3_200_000, 100_000)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("17.500.000", 17_500_000, 100_000),
        ("2.350.000", 2_350_000, 10_000),
        ("1.234.567,5", 1_234_567.5, 0.1),
        ("9.910", 9.91, 0.001),  # one group: a decimal point, as it is alone
    ],
)
def test_thousands_grouped_by_dots_are_read_when_two_groups_leave_no_doubt(
    text: str, value: float, precision: float
) -> None:
    parsed = parse_number(text)
    assert parsed.value == pytest.approx(value)
    assert parsed.precision == pytest.approx(precision)

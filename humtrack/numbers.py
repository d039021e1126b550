"""Reading and writing the numbers that humanitarian texts write.

:func:`parse_number` reads digits with thousands separators ("200,000",
"37 000", "100, 000"), the decimal comma ("1,4 million"), decimals with scale
words or abbreviations ("3.2 million", "2.3m", "1.5bn"), fractions of scales
("half a million", "a quarter of a million") and number words ("three",
"twenty-one", "one hundred", "a dozen"). It returns the value and the
*precision*: the rounding step of the number as written.

Precision rule (documented convention): the step of the last written digit,
times the scale. "200,000" has step 100,000; "2,050" step 10; "21" step 1;
"3.2 million" step 100,000; "1 million" step 1,000,000. Fractions of a scale
count as their decimal form ("half a million" = 0.5 million, step 100,000);
number words are exact to their last word ("twenty-one" step 1, "twenty"
step 10, "one hundred" step 100, "a dozen" step 1).

Examples
--------
>>> parse_number("3.2 million")
ParsedNumber(value=3200000.0, precision=100000.0)
>>> parse_number("200,000")
ParsedNumber(value=200000.0, precision=100000.0)
>>> parse_number("1,4 million")
ParsedNumber(value=1400000.0, precision=100000.0)
>>> parse_number("twenty-one")
ParsedNumber(value=21.0, precision=1.0)
>>> format_number(3200000.0, 100000.0)
'3.2 million'
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final, NamedTuple

from humtrack._data import read_data_csv
from humtrack.errors import ParseError
from humtrack.vocab import SCALES

__all__ = ["ParsedNumber", "format_number", "normalize_text", "parse_number", "rounding_step"]


class ParsedNumber(NamedTuple):
    """A number read from text: its value and the rounding step it was written with."""

    value: float
    precision: float


_WORDS: Final = {
    r["word"]: (Decimal(r["value"]), r["kind"]) for r in read_data_csv("number_words.csv")
}
_SPACES: Final = re.compile(r"[\s\u00a0\u202f\u2007\u2009]+")
_DASHES: Final = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-"})

# digits: "200,000", "37 000", "100, 000", "1,4", "3.2", "1e6", the Indian grouping of
# lakhs and crores, "1,08,208" (108,208) and "15,00,000" (1.5 million), and thousands
# grouped by dots where two or more groups leave no doubt, "17.500.000" and "1.234.567,5"
_DOT_GROUPED: Final = r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"
_NUMERIC: Final = re.compile(
    rf"(?P<num>{_DOT_GROUPED}|\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:\.\d+)?"
    r"|\d{1,3}(?:(?:,\s?|[ \u00a0\u202f])\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?(?:e[+-]?\d+)?)"
    r"\s*(?P<scale>[a-z]+)?",
)


def normalize_text(text: str) -> str:
    """Lower-case, unify dashes and collapse every kind of space to one blank."""
    return _SPACES.sub(" ", text.translate(_DASHES)).strip().lower()


def _decimal_digits(num: str) -> tuple[Decimal, Decimal]:
    """Return (value, step) of a digit string, handling separators and the decimal comma."""
    if re.fullmatch(_DOT_GROUPED, num):
        num = num.replace(".", "").replace(",", ".")  # "17.500.000", "1.234.567,5"
    if re.fullmatch(r"\d+,\d{1,2}", num) or re.fullmatch(r"\d+,\d{4,}", num):
        num = num.replace(",", ".")  # a decimal comma: "1,4" or "2,25"
    compact = re.sub(r"[,\s\u00a0\u202f]", "", num)
    try:
        value = Decimal(compact)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only numbers
        raise ParseError(f"not a number: {num!r}", code="number") from exc
    exponent = int(value.as_tuple().exponent)
    if exponent < 0:
        step = Decimal(1).scaleb(exponent)
    else:
        digits = compact.split("e")[0].split(".")[0]
        stripped = digits.rstrip("0")
        zeros = len(digits) - len(stripped) if stripped else 0
        step = Decimal(1).scaleb(zeros + exponent)
    return value, step


def _parse_words(words: list[str]) -> tuple[Decimal, Decimal] | None:
    """Parse number words ("twenty-one", "one hundred", "half a million", "a dozen")."""
    if not words or any(
        w not in _WORDS and w not in {"and", "of", "quarters", "thirds"} for w in words
    ):
        return None
    # fractions of a scale: "half a million", "a quarter of a million", "three quarters of a million"
    text = " ".join(words)
    m = re.fullmatch(
        r"(?:(?P<n>a|an|one|two|three) )?(?P<frac>half|quarter|quarters|third|thirds)"
        r"(?: of)? (?:a|an|one) (?P<scale>thousand|million|billion)",
        text,
    )
    if m:
        frac_word = m["frac"].rstrip("s")
        count = _WORDS[m["n"]][0] if m["n"] and m["n"] not in {"a", "an"} else Decimal(1)
        fraction = count * _WORDS[frac_word][0]
        if frac_word == "third":
            fraction = fraction.quantize(Decimal("0.01"))
        scale = _WORDS[m["scale"]][0]
        value = fraction * scale
        exponent = int(fraction.normalize().as_tuple().exponent)
        return value, scale * Decimal(1).scaleb(min(exponent, 0))
    if _WORDS.get(words[0], (0, ""))[1] == "multiplier":
        return None  # "million" alone is a scale, not a number
    total = Decimal(0)
    current = Decimal(0)
    step = Decimal(1)
    seen_any = False
    previous_kind = ""
    last_big = Decimal(10) ** 12
    for word in words:
        if word == "and":
            continue
        if word not in _WORDS:
            return None
        number, kind = _WORDS[word]
        if kind == "fraction":
            return None
        # "one one", "twenty thirty", "a thousand thousand": not a number
        if kind == "unit" and previous_kind == "unit":
            return None
        if kind == "tens" and previous_kind in {"unit", "tens"}:
            return None
        if kind == "multiplier" and number >= 1000:
            if number >= last_big:
                return None
            last_big = number
        previous_kind = kind
        seen_any = True
        if kind in {"unit", "tens"}:
            current += number
            step = Decimal(10) if (kind == "tens" and number % 10 == 0) else Decimal(1)
        elif word == "dozen":
            current = (current or Decimal(1)) * number
            step = Decimal(1)
        elif number == 100:
            current = (current or Decimal(1)) * number
            step = Decimal(100) if step >= 1 and current % 100 == 0 else step
        else:  # thousand, million, billion
            total += (current or Decimal(1)) * number
            step = step * number
            current = Decimal(0)
    if not seen_any:
        return None
    value = total + current
    if current and total:  # "one thousand two hundred": exact to its last word
        step = min(step, _decimal_digits(str(int(current)))[1])
    return value, step


def parse_number(text: str) -> ParsedNumber:
    """Read one number as an analyst writes it.

    Parameters
    ----------
    text
        The number alone: "200,000", "3.2 million", "1.5bn", "half a million", "three".

    Raises
    ------
    ParseError
        When ``text`` is not a number humtrack can read; the message quotes it.

    Examples
    --------
    >>> parse_number("1.5bn").value
    1500000000.0
    >>> parse_number("half a million")
    ParsedNumber(value=500000.0, precision=100000.0)
    >>> parse_number("37\u00a0000").value
    37000.0
    """
    norm = normalize_text(text)
    if not norm:
        raise ParseError("empty text where a number was expected", code="number", value=text)
    m = _NUMERIC.fullmatch(norm)
    if m:
        value, step = _decimal_digits(m["num"])
        scale_word = m["scale"]
        if scale_word:
            if scale_word not in SCALES:
                raise ParseError(
                    f"unknown scale word {scale_word!r} in {text!r}", code="number", value=text
                )
            factor = Decimal(str(int(SCALES[scale_word])))
            value, step = value * factor, step * factor
        return ParsedNumber(float(value), float(step))
    words = norm.replace("-", " ").split(" ")
    parsed = _parse_words(words)
    if parsed is None:
        raise ParseError(f"not a number: {text!r}", code="number", value=text)
    return ParsedNumber(float(parsed[0]), float(parsed[1]))


def rounding_step(value: float) -> float:
    """Return the rounding step of ``value`` written in plain digits.

    Examples
    --------
    >>> rounding_step(200000.0), rounding_step(2050.0), rounding_step(21.0), rounding_step(17.5)
    (100000.0, 10.0, 1.0, 0.1)
    """
    if value != value or value in (float("inf"), float("-inf")):
        raise ParseError(f"no rounding step for {value!r}", code="number", value=value)
    if value < 0:
        return rounding_step(-value)
    return float(_decimal_digits(_plain(value))[1])


def _plain(value: float) -> str:
    """Write a non-negative float in plain digits, exactly and without exponent."""
    if value.is_integer() and abs(value) < 2**63:
        return str(int(value))
    return format(Decimal(repr(value)), "f")


def format_number(value: float, precision: float | None = None) -> str:
    """Write ``value`` so that :func:`parse_number` reads it back, preferring the
    analyst's style ("3.2 million", "200,000").

    When ``precision`` is given, a written form that reads back with that
    precision is preferred; if none exists the plain digits are returned.
    """
    candidates: list[str] = []
    if value >= 1e6 and value.is_integer():
        for word, factor in (("billion", Decimal(10**9)), ("million", Decimal(10**6))):
            scaled = Decimal(_plain(value)) / factor
            if 1 <= scaled < 10**6 and (scaled * 1000) % 1 == 0:
                candidates.append(f"{format(scaled.normalize(), 'f')} {word}")
    if value.is_integer() and abs(value) < 2**63:
        candidates.append(f"{int(value):,}")
    else:
        candidates.append(_plain(value))
    for candidate in candidates:
        parsed = parse_number(candidate)
        if parsed.value == value and (precision is None or parsed.precision == precision):
            return candidate
    return candidates[-1]

"""Estimates: a stated figure with its qualifier, asserted bounds and rounding.

The asserted bounds follow the statement (design table): "more than 200"
asserts a lower bound of 200 and no upper bound; "about 2,050" asserts none.

The *effective interval* (:meth:`Estimate.interval`) is what checks and sums
use. Its conventions, all documented and tested:

=========================  ==================================================
qualifier                  effective interval
=========================  ==================================================
exact                      value ± half a rounding step ("3.2 million" →
                           3.15–3.25 million)
approx                     value ± one rounding step ("about 2,050" →
                           2,040–2,060)
at_least, more_than        [lower, open)
vague                      [convention, open) — "dozens" → [12, open)
at_most, less_than         [0, upper]
range                      [lower, upper] as stated
=========================  ==================================================

Lower ends never go below zero (counts are never negative); an open upper
end is ``math.inf`` in the interval and ``None`` in the object, and it stays
open through sums and scaling.

Examples
--------
>>> e = Estimate.parse("more than 200,000")
>>> e.qualifier, e.lower, e.upper
('more_than', 200000.0, None)
>>> str(e)
'more than 200,000'
>>> Estimate.parse("3.2 million").interval()
Interval(lower=3150000.0, upper=3250000.0)
>>> str(Estimate.parse("about 50") + Estimate.parse("15-20"))
'55-80 (precision 0)'
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final, NamedTuple, cast

from humtrack.errors import ParseError
from humtrack.numbers import format_number, normalize_text, parse_number
from humtrack.vocab import QUALIFIER_PHRASES, QUALIFIERS, VAGUE, Qualifier

__all__ = ["Estimate", "Interval"]

_OPEN_UPPER: Final = ("at_least", "more_than", "vague")
_OPEN_LOWER: Final = ("at_most", "less_than")
_PHRASES: Final = sorted(QUALIFIER_PHRASES, key=len, reverse=True)
_VAGUE_WORDS: Final = sorted(VAGUE, key=len, reverse=True)
_WRITE_PREFIX: Final[dict[str, str]] = {
    "approx": "about ",
    "at_least": "at least ",
    "more_than": "more than ",
    "at_most": "up to ",
    "less_than": "fewer than ",
}
_SUFFIX: Final = re.compile(r"\s*\((?P<body>[^()]*)\)\s*$")
_RANGE: Final = re.compile(r"(?:between\s+)?(?P<a>.+?)\s*(?:-|\bto\b|\band\b)\s*(?P<b>.+)")


class Interval(NamedTuple):
    """An effective interval; ``upper`` is ``math.inf`` when open."""

    lower: float
    upper: float


def _plain_digits(x: float) -> str:
    return f"{int(x):,}" if x.is_integer() and abs(x) < 2**63 else repr(x)


def _exact_repr(x: float) -> str:
    return str(int(x)) if x.is_integer() and abs(x) < 2**63 else repr(x)


@dataclass(frozen=True, slots=True)
class Estimate:
    """A figure as stated: central value, qualifier, asserted bounds and rounding step.

    Parameters
    ----------
    value
        The central figure as stated (for a range, the midpoint unless stated).
    qualifier
        One of exact, approx, at_least, more_than, at_most, less_than, range, vague.
    lower, upper
        The bounds the statement asserts; ``None`` when it asserts none. When
        left out, the bound the qualifier implies is filled from ``value``
        (exact: both; at_least, more_than, vague: lower; at_most, less_than: upper).
    precision
        The rounding step of the number as written (``1`` by default).

    Raises
    ------
    ParseError
        When the bounds contradict the qualifier, a figure is negative or not
        finite, or the value lies outside its own bounds.
    """

    value: float
    qualifier: Qualifier = "exact"
    lower: float | None = field(default=None, kw_only=True)
    upper: float | None = field(default=None, kw_only=True)
    precision: float = field(default=1.0, kw_only=True)

    def __post_init__(self) -> None:
        q = self.qualifier
        if q not in QUALIFIERS:
            raise ParseError(
                f"unknown qualifier {q!r} (expected one of {', '.join(QUALIFIERS)})",
                code="qualifier",
                value=q,
            )
        for name in ("value", "lower", "upper", "precision"):
            x = getattr(self, name)
            if x is None and name in {"lower", "upper"}:
                continue
            if isinstance(x, bool) or not isinstance(x, int | float) or not math.isfinite(x):
                raise ParseError(
                    f"{name} must be a finite number, not {x!r}", code="number", value=x
                )
            if x < 0:
                raise ParseError(f"{name} must not be negative: {x!r}", code="negative", value=x)
            object.__setattr__(self, name, float(x))
        if q == "exact":
            self._fill("lower", self.value)
            self._fill("upper", self.value)
        elif q in _OPEN_UPPER:
            self._fill("lower", self.value)
        elif q in _OPEN_LOWER:
            self._fill("upper", self.value)
        self._check_shape()

    def _fill(self, name: str, value: float) -> None:
        if getattr(self, name) is None:
            object.__setattr__(self, name, value)

    def _check_shape(self) -> None:
        q, v, lo, hi = self.qualifier, self.value, self.lower, self.upper
        problem = None
        if q == "exact" and not (lo == v == hi):
            problem = "an exact figure has lower = upper = value"
        elif q == "approx" and (lo is not None or hi is not None):
            problem = "an approximate figure asserts no bounds"
        elif q in _OPEN_UPPER and (hi is not None or lo is None or lo > v):
            problem = f"a {q} figure asserts a lower bound at or below the value and no upper bound"
        elif q in _OPEN_LOWER and (lo is not None or hi is None or hi < v):
            problem = (
                f"a {q} figure asserts an upper bound at or above the value and no lower bound"
            )
        elif q == "range" and (lo is None or hi is None or not lo <= v <= hi):
            problem = "a range asserts lower <= value <= upper"
        if problem:
            raise ParseError(
                f"{problem} (value={v!r}, lower={lo!r}, upper={hi!r})", code="bounds", value=v
            )

    # -- reading and writing ------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> Estimate:
        """Read a figure as analysts type it.

        Accepts "3.2 million", "more than 200,000", "200,000+", "at least 500",
        "up to 1,000", "about 2,050", "15-20", "between 15 and 20", "1.5bn",
        "half a million", vague words ("dozens", "hundreds"), and the suffix
        "(central V, precision P)" that :meth:`__str__` writes when the central
        value or the rounding step cannot be read from the phrase itself.

        Examples
        --------
        >>> Estimate.parse("200,000+")
        Estimate(value=200000.0, qualifier='at_least', lower=200000.0, upper=None, precision=100000.0)
        >>> Estimate.parse("between 15 and 20").value
        17.5
        >>> Estimate.parse("dozens").lower
        12.0
        >>> str(Estimate.parse("an estimated 8,000-9,000"))  # a range needs no "about"
        '8,000-9,000'
        """
        if not isinstance(text, str):
            raise ParseError(
                f"expected text, not {type(text).__name__}", code="estimate", value=text
            )
        norm = normalize_text(text)
        central: float | None = None
        precision: float | None = None
        if m := _SUFFIX.search(norm):
            norm = norm[: m.start()]
            for item in m["body"].split(","):
                key, _, number = item.strip().partition(" ")
                try:
                    if key == "central":
                        central = float(number)
                    elif key == "precision":
                        precision = float(number)
                    else:
                        raise ValueError(key)
                except ValueError:
                    raise ParseError(
                        f"cannot read {item.strip()!r} in {text!r} (expected 'central N' or 'precision N')",
                        code="estimate",
                        value=text,
                    ) from None
        try:
            est = cls._parse_phrase(norm)
        except ParseError as exc:
            raise ParseError(
                f"cannot read {text!r} as a figure: {exc}", code="estimate", value=text
            ) from None
        if central is None and precision is None:
            return est
        return cls(
            central if central is not None else est.value,
            est.qualifier,
            lower=est.lower,
            upper=est.upper,
            precision=precision if precision is not None else est.precision,
        )

    @classmethod
    def _parse_phrase(cls, norm: str) -> Estimate:
        if not norm:
            raise ParseError("empty text", code="estimate")
        if norm in VAGUE:
            conv = VAGUE[norm].value
            return cls(conv, "vague", lower=conv, precision=1.0)
        if norm.startswith("vague "):
            n = parse_number(norm[6:])
            return cls(n.value, "vague", precision=n.precision)
        for phrase in _PHRASES:
            if norm.startswith(phrase) and (
                len(norm) == len(phrase) or not phrase[-1].isalpha() or norm[len(phrase)] == " "
            ):
                rest = norm[len(phrase) :].strip()
                qualifier = cast(Qualifier, QUALIFIER_PHRASES[phrase])
                if qualifier == "approx" and _RANGE.fullmatch(rest):
                    # "an estimated 8,000-9,000", "some 15 to 20": the range says the uncertainty
                    try:
                        n = parse_number(rest)
                    except ParseError:
                        return cls._parse_phrase(rest)
                n = parse_number(rest)
                return cls(n.value, qualifier, precision=n.precision)
        suffixes: tuple[tuple[str, Qualifier], ...] = (
            ("+", "at_least"),
            (" or more", "at_least"),
            (" or fewer", "at_most"),
            (" or less", "at_most"),
        )
        for suffix, qualifier in suffixes:
            if norm.endswith(suffix):
                n = parse_number(norm[: -len(suffix)])
                return cls(n.value, qualifier, precision=n.precision)
        try:
            n = parse_number(norm)
        except ParseError:
            pass
        else:
            return cls(n.value, "exact", precision=n.precision)
        if m := _RANGE.fullmatch(norm):
            a_text, b_text = m["a"], m["b"]
            b = parse_number(b_text)
            try:
                a = parse_number(a_text)
            except ParseError:
                raise
            # "1-2 million": a scale written once applies to both ends, when that keeps the order
            scale_b = re.search(r"[a-z]+$", b_text)
            if scale_b and not re.search(r"[a-z]$", a_text) and b.value >= 1000 > a.value:
                scaled = parse_number(f"{a_text} {scale_b.group()}")
                if scaled.value <= b.value:
                    a = scaled
            if a.value > b.value:
                raise ParseError(f"range runs backwards: {a_text} > {b_text}", code="bounds")
            return cls(
                (a.value + b.value) / 2,
                "range",
                lower=a.value,
                upper=b.value,
                precision=min(a.precision, b.precision),
            )
        raise ParseError(
            "not a number, a qualified number, a range or a vague word", code="estimate"
        )

    def _phrase(self) -> str:
        q = self.qualifier
        if q == "vague":
            assert self.lower is not None
            for word in VAGUE:
                if VAGUE[word].value == self.lower:
                    return word
            return f"vague {format_number(self.lower)}"
        if q == "range":
            assert self.lower is not None
            assert self.upper is not None
            low, high = format_number(self.lower), format_number(self.upper)
            if high[-1].isalpha() and not low[-1].isalpha():
                high = _plain_digits(
                    self.upper
                )  # "1-2,000,000", never "1-2 million" (read as 1-2 million)
            return f"{low}-{high}"
        if q in _OPEN_UPPER:
            assert self.lower is not None
            return _WRITE_PREFIX[q] + format_number(self.lower, self.precision)
        if q in _OPEN_LOWER:
            assert self.upper is not None
            return _WRITE_PREFIX[q] + format_number(self.upper, self.precision)
        return _WRITE_PREFIX.get(q, "") + format_number(self.value, self.precision)

    @property
    def phrase(self) -> str:
        """The figure in the words a reader would write ("at least 195,000").

        Unlike ``str``, it leaves out the central value and precision that ``str`` adds where
        the words alone would not read back to an equal estimate.

        Examples
        --------
        >>> e = Estimate.from_interval(220000.0, 195000.0, float("inf"))
        >>> e.phrase, str(e)
        ('at least 195,000', 'at least 195,000 (central 220000, precision 0)')
        """
        return self._phrase()

    def __str__(self) -> str:
        """Write the figure as a phrase that :meth:`parse` reads back to an equal estimate."""
        phrase = self._phrase()
        plain = self._parse_phrase(phrase)
        if (plain.lower, plain.upper, plain.qualifier) != (self.lower, self.upper, self.qualifier):
            raise AssertionError(f"cannot write {self!r} as a phrase: it reads back as {plain!r}")
        extras = []
        if plain.value != self.value:
            extras.append(f"central {_exact_repr(self.value)}")
        if plain.precision != self.precision:
            extras.append(f"precision {_exact_repr(self.precision)}")
        return f"{phrase} ({', '.join(extras)})" if extras else phrase

    # -- uncertainty --------------------------------------------------------------------

    def interval(self) -> Interval:
        """Return the effective interval used by checks and sums (see the module docs).

        Examples
        --------
        >>> Estimate.parse("about 2,050").interval()
        Interval(lower=2040.0, upper=2060.0)
        >>> Estimate.parse("up to 1,000").interval()
        Interval(lower=0.0, upper=1000.0)
        """
        q, v, p = self.qualifier, self.value, self.precision
        if q == "exact":
            return Interval(max(0.0, v - p / 2), v + p / 2)
        if q == "approx":
            return Interval(max(0.0, v - p), v + p)
        if q in _OPEN_UPPER:
            assert self.lower is not None
            return Interval(self.lower, math.inf)
        if q in _OPEN_LOWER:
            assert self.upper is not None
            return Interval(0.0, self.upper)
        assert self.lower is not None
        assert self.upper is not None
        return Interval(self.lower, self.upper)

    @property
    def is_open(self) -> bool:
        """True when the effective interval has no upper end."""
        return self.qualifier in _OPEN_UPPER

    @classmethod
    def from_interval(cls, value: float, lower: float, upper: float) -> Estimate:
        """Build the estimate that states exactly an effective interval and a central value.

        An infinite ``upper`` gives an open "at least"; equal ends an exact
        figure; otherwise a range. The rounding step is 0 because the bounds
        are already effective.
        """
        value = min(max(value, lower), upper)
        if math.isinf(upper):
            return cls(value, "at_least", lower=lower, precision=0.0)
        if lower == upper:
            return cls(lower, "exact", precision=0.0)
        return cls(value, "range", lower=lower, upper=upper, precision=0.0)

    def __add__(self, other: Estimate) -> Estimate:
        """Sum two figures with interval arithmetic on their effective intervals."""
        if not isinstance(other, Estimate):
            return NotImplemented
        a, b = self.interval(), other.interval()
        return Estimate.from_interval(
            self.value + other.value, a.lower + b.lower, a.upper + b.upper
        )

    def __radd__(self, other: object) -> Estimate:
        if other == 0:  # lets the built-in sum() start from 0
            return self
        return NotImplemented

    @staticmethod
    def sum(estimates: Iterable[Estimate]) -> Estimate:
        """Sum many estimates; the sum of nothing is an exact zero.

        Examples
        --------
        >>> str(Estimate.sum([Estimate.parse("more than 200"), Estimate.parse("50")]))
        'at least 245 (central 250, precision 0)'
        """
        lower = upper = value = 0.0
        for e in estimates:
            iv = e.interval()
            lower, upper, value = lower + iv.lower, upper + iv.upper, value + e.value
        return Estimate.from_interval(value, lower, upper)

    def scale(self, factor: float) -> Estimate:
        """Multiply by a non-negative factor (a household size, a share); open bounds stay open.

        Examples
        --------
        >>> str(Estimate.parse("more than 1,000").scale(5))
        'more than 5,000 (precision 5000)'
        """
        if isinstance(factor, bool) or not math.isfinite(factor) or factor < 0:
            raise ParseError(
                f"scale factor must be a finite non-negative number, not {factor!r}",
                code="factor",
                value=factor,
            )
        return Estimate(
            self.value * factor,
            self.qualifier,
            lower=None if self.lower is None else self.lower * factor,
            upper=None if self.upper is None else self.upper * factor,
            precision=self.precision * factor,
        )

    def __mul__(self, factor: float) -> Estimate:
        if isinstance(factor, int | float) and not isinstance(factor, bool):
            return self.scale(factor)
        return NotImplemented

    __rmul__ = __mul__

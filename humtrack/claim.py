"""The typed records: :class:`Claim`, :class:`Source` and :class:`Quote`.

A :class:`Claim` has exactly the fields of a row of the canonical claims
table (see :mod:`humtrack.schema`), with ``None`` for empty cells, and checks
its invariants when built. Richer views are properties: :attr:`Claim.estimate`,
:attr:`Claim.period` and :attr:`Claim.span`.

Examples
--------
>>> from datetime import date
>>> c = Claim(
...     claim_id="c1", source_id="s1", metric="killed", kind="flow",
...     value=200.0, lower=200.0, qualifier="more_than", precision=100.0,
...     location="Idlib", location_code="SY07",
...     period_start=date(2017, 9, 19), period_end=date(2017, 10, 8),
...     quote="More than 200 people have been killed", quote_start=0, quote_end=37,
... )
>>> str(c.estimate), str(c.period)
('more than 200', '2017-09-19/2017-10-08')
"""

from __future__ import annotations

import hashlib
import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, Final

from humtrack.errors import ParseError, SchemaError
from humtrack.estimate import Estimate
from humtrack.numbers import rounding_step
from humtrack.period import Period
from humtrack.places import normalize_code
from humtrack.vocab import (
    GROUPS,
    KINDS,
    METRICS,
    RELIABILITIES,
    STATUSES,
    UNITS,
    DatePrecision,
    Kind,
    Qualifier,
    Status,
)

__all__ = ["Claim", "Quote", "Source"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A verbatim span of a source text: ``text[start:end] == quote`` in code points.

    Examples
    --------
    >>> q = Quote.find("hosts 3.2 million Syrian refugees", "3.2 million")
    >>> q
    Quote(text='3.2 million', start=6, end=17)
    >>> q.matches("hosts 3.2 million Syrian refugees")
    True
    """

    text: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not isinstance(self.text, str) or not self.text:
            raise ParseError("a quote must be non-empty text", code="quote", value=self.text)
        for name in ("start", "end"):
            x = getattr(self, name)
            if isinstance(x, bool) or not isinstance(x, numbers.Integral) or x < 0:
                raise ParseError(
                    f"quote {name} must be a non-negative integer, not {x!r}",
                    code="quote_span",
                    value=x,
                )
            object.__setattr__(self, name, int(x))
        if self.end - self.start != len(self.text):
            raise ParseError(
                f"quote offsets {self.start}..{self.end} span {self.end - self.start} code points "
                f"but the quote has {len(self.text)}",
                code="quote_span",
            )

    @classmethod
    def find(cls, source_text: str, quote: str, *, start: int = 0) -> Quote:
        """Locate ``quote`` in ``source_text`` (first occurrence at or after ``start``)."""
        at = source_text.find(quote, start)
        if at < 0:
            raise ParseError(
                f"quote not found in the text: {quote[:60]!r}", code="quote_missing", value=quote
            )
        return cls(quote, at, at + len(quote))

    def matches(self, source_text: str) -> bool:
        """Tell whether the source text holds this quote at these offsets."""
        return source_text[self.start : self.end] == self.text


def _check_choice(name: str, value: object, allowed: object, *, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    if value not in allowed:  # type: ignore[operator]
        choices = ", ".join(sorted(allowed))  # type: ignore[call-overload]
        raise SchemaError(
            f"unknown {name} {value!r} (expected one of {choices})",
            code=f"unknown_{name}",
            column=name,
            value=value,
        )


def _is_date(x: object) -> bool:
    return isinstance(x, date) and not isinstance(x, datetime)


def _coarsest_precision(start: date | None, end: date) -> DatePrecision:
    precisions: tuple[DatePrecision, ...] = ("year", "month")
    for precision in precisions:
        try:
            Period(start, end, precision)
        except ParseError:
            continue
        return precision
    return "day"


@dataclass(frozen=True, kw_only=True)
class Claim:
    """One quantitative claim with its provenance, period, place and uncertainty.

    The fields are the columns of the canonical claims table. Empty optional
    cells are ``None``; ``group`` defaults to ``all``, ``status`` to
    ``recorded`` and ``credibility`` to 6 (cannot be judged); ``kind`` and
    ``unit`` default to the metric's own and ``precision`` to the rounding step
    of the value (200,000 → 100,000), as for a table's rows. Place codes are
    upper-cased (ISO alpha-3 countries become alpha-2) and text is stripped.

    Raises
    ------
    SchemaError
        When a vocabulary value is unknown, the figure's bounds contradict the
        qualifier, the period runs backwards or the quote offsets do not fit
        the quote.
    """

    claim_id: str
    source_id: str | None = None
    metric: str
    subject: str | None = None
    group: str = "all"
    kind: Kind | None = None
    value: float
    lower: float | None = None
    upper: float | None = None
    qualifier: Qualifier = "exact"
    precision: float = math.nan
    unit: str | None = None
    location: str | None = None
    location_code: str | None = None
    origin_code: str | None = None
    period_start: date | None = None
    period_end: date
    quote: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None
    attributed_to: str | None = None
    credibility: int = 6
    status: Status = "recorded"
    notes: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.claim_id, str) or not self.claim_id.strip():
            raise SchemaError(
                "claim_id must be non-empty text",
                code="claim_id",
                column="claim_id",
                value=self.claim_id,
            )
        self._normalise_text()
        _check_choice("metric", self.metric, METRICS)
        if self.kind is None:
            object.__setattr__(self, "kind", METRICS[self.metric].default_kind)
        if self.unit is None:
            object.__setattr__(self, "unit", METRICS[self.metric].unit)
        _check_choice("group", self.group, GROUPS)
        _check_choice("kind", self.kind, KINDS)
        _check_choice("unit", self.unit, UNITS)
        _check_choice("status", self.status, STATUSES)
        try:
            estimate = Estimate(
                self.value,
                self.qualifier,
                lower=self.lower,
                upper=self.upper,
                precision=self.precision,
            )
        except ParseError as exc:
            raise SchemaError(
                f"claim {self.claim_id}: {exc}", code=exc.code, column="value", value=self.value
            ) from None
        object.__setattr__(self, "value", estimate.value)
        object.__setattr__(self, "lower", estimate.lower)
        object.__setattr__(self, "upper", estimate.upper)
        object.__setattr__(self, "precision", estimate.precision)
        if not _is_date(self.period_end) or not (
            self.period_start is None or _is_date(self.period_start)
        ):
            raise SchemaError(
                f"claim {self.claim_id}: period_start and period_end must be dates",
                code="not_a_date",
                column="period_end",
            )
        if self.period_start is not None and self.period_start > self.period_end:
            raise SchemaError(
                f"claim {self.claim_id}: period starts {self.period_start} after it ends {self.period_end}",
                code="period_order",
                column="period_start",
            )
        if self.period_start is None and self.kind != "flow":
            raise SchemaError(
                f"claim {self.claim_id}: only a flow may leave period_start empty",
                code="stock_start",
                column="period_start",
            )
        span = (self.quote, self.quote_start, self.quote_end)
        if any(x is not None for x in span):
            if any(x is None for x in span):
                raise SchemaError(
                    f"claim {self.claim_id}: quote, quote_start and quote_end go together",
                    code="quote_span",
                    column="quote",
                )
            self.span  # noqa: B018 - builds the Quote, which checks the offsets
        if isinstance(self.credibility, bool) or self.credibility not in range(1, 7):
            raise SchemaError(
                f"claim {self.claim_id}: credibility must be 1-6, not {self.credibility!r}",
                code="credibility_range",
                column="credibility",
                value=self.credibility,
            )

    def _normalise_text(self) -> None:
        """Give hand-built claims the same text forms a table's rows get when read."""
        for name in _STRIPPED:
            value = getattr(self, name)
            if value is None:
                continue
            if not isinstance(value, str):
                raise SchemaError(
                    f"claim {self.claim_id}: {name} must be text, not {value!r}",
                    code="not_text",
                    column=name,
                    value=value,
                )
            stripped = value.strip()
            object.__setattr__(self, name, stripped or None)
        for name in ("quote", "notes"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise SchemaError(
                    f"claim {self.claim_id}: {name} must be text, not {value!r}",
                    code="not_text",
                    column=name,
                    value=value,
                )
            if value == "":
                object.__setattr__(self, name, None)
        for name in ("location_code", "origin_code"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, normalize_code(value))
        for name in ("quote_start", "quote_end", "credibility"):
            value = getattr(self, name)
            if isinstance(value, numbers.Integral) and not isinstance(value, bool):
                object.__setattr__(self, name, int(value))
        if (
            isinstance(self.precision, float)
            and math.isnan(self.precision)
            and isinstance(self.value, int | float)
        ):
            object.__setattr__(
                self,
                "precision",
                rounding_step(float(self.value)) if math.isfinite(self.value) else 1.0,
            )

    @property
    def estimate(self) -> Estimate:
        """The figure with its qualifier, bounds and rounding step."""
        return Estimate(
            self.value, self.qualifier, lower=self.lower, upper=self.upper, precision=self.precision
        )

    @property
    def period(self) -> Period:
        """The period, with the coarsest precision its endpoints allow."""
        return Period(
            self.period_start,
            self.period_end,
            _coarsest_precision(self.period_start, self.period_end),
        )

    @property
    def span(self) -> Quote | None:
        """The verbatim quote with its offsets, or ``None`` when the claim has no quote."""
        if self.quote is None or self.quote_start is None or self.quote_end is None:
            return None
        try:
            return Quote(self.quote, self.quote_start, self.quote_end)
        except ParseError as exc:
            raise SchemaError(
                f"claim {self.claim_id}: {exc}", code="quote_span", column="quote_end"
            ) from None


CLAIM_FIELDS: Final[tuple[str, ...]] = tuple(f.name for f in fields(Claim))
_STRIPPED: Final = ("claim_id", "source_id", "subject", "location", "attributed_to")


def _unchecked_constructor() -> Callable[..., Claim]:
    """Build ``make(claim_id, source_id, ...) -> Claim`` that skips the checks.

    For rows of a table the schema has already validated in bulk; it fills the
    instance dictionary directly, the way ``dataclasses`` generates ``__init__``,
    which is several times faster than calling the checked constructor.
    """
    args = ", ".join(CLAIM_FIELDS)
    body = "\n".join(f"    d[{name!r}] = {name}" for name in CLAIM_FIELDS)
    source = (
        f"def make({args}):\n    obj = new(Claim)\n    d = obj.__dict__\n{body}\n    return obj\n"
    )
    namespace: dict[str, Any] = {"new": object.__new__, "Claim": Claim}
    exec(source, namespace)  # generated from the dataclass field names only
    make: Callable[..., Claim] = namespace["make"]
    return make


make_unchecked: Final = _unchecked_constructor()


@dataclass(frozen=True, slots=True)
class Source:
    """One source document: the row of the sources table.

    Examples
    --------
    >>> s = Source("s1", publisher="EA WorldView", published=date(2017, 10, 1),
    ...            published_precision="month")
    >>> s.publication_window
    Period(start=datetime.date(2017, 10, 1), end=datetime.date(2017, 10, 31), precision='month')
    """

    source_id: str
    path: str | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: date | None = None
    published_precision: DatePrecision | None = None
    sha256: str | None = None
    reliability: str | None = None
    notes: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.source_id, str) or not self.source_id.strip():
            raise SchemaError(
                "source_id must be non-empty text", code="source_id", column="source_id"
            )
        _check_choice("reliability", self.reliability, RELIABILITIES, nullable=True)
        _check_choice(
            "published_precision", self.published_precision, ("day", "month", "year"), nullable=True
        )
        if self.published is not None and not _is_date(self.published):
            raise SchemaError(
                f"source {self.source_id}: published must be a date",
                code="not_a_date",
                column="published",
            )
        if self.sha256 is not None and (
            len(self.sha256) != 64 or any(c not in "0123456789abcdef" for c in self.sha256)
        ):
            raise SchemaError(
                f"source {self.source_id}: sha256 must be 64 lower-case hex digits",
                code="sha256_hex",
                column="sha256",
            )
        if self.published is not None and self.published_precision not in (None, "day"):
            self.publication_window  # noqa: B018 - checks the date sits on the precision's boundary

    @property
    def publication_window(self) -> Period | None:
        """The days the publication may fall on, given the date's precision."""
        if self.published is None:
            return None
        precision = self.published_precision or "day"
        if precision == "day":
            return Period.day(self.published)
        text = (
            f"{self.published.year:04d}" if precision == "year" else self.published.isoformat()[:7]
        )
        window = Period.parse(text)
        if window.start != self.published:
            raise SchemaError(
                f"source {self.source_id}: a {precision} precision date is written as the first day "
                f"of its {precision} ({window.start}), not {self.published}",
                code="precision",
                column="published",
            )
        return window

    @staticmethod
    def hash_text(text: str) -> str:
        """The sha256 of a text as stored (UTF-8 bytes), as the sources table records it."""
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

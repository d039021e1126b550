"""Periods: inclusive date windows with the precision they are known to.

A flow's period is the window its events fell in; a stock's period is the
window in which its reference instant lies (start = end when the day is
known). The start may be open (``None``) only for a flow whose start is
unknown.

Examples
--------
>>> p = Period.parse("2019-05-01/2019-05-16")
>>> p.length
16
>>> Period.parse("2019-05").overlaps(p)
True
>>> str(Period.parse("2017"))
'2017'
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

from humtrack.errors import ParseError
from humtrack.vocab import PRECISIONS, DatePrecision

__all__ = ["Period"]

_DAY: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH: Final = re.compile(r"(\d{4})-(\d{2})")
_YEAR: Final = re.compile(r"(\d{4})")
_WEEK: Final = re.compile(r"(\d{4})-W(\d{2})")
_ORDER: Final = {"day": 0, "week": 1, "month": 2, "year": 3}


def _one(text: str) -> tuple[date, date, DatePrecision]:
    """Parse one endpoint form into the window it names."""
    try:
        if m := _DAY.fullmatch(text):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        if m := _WEEK.fullmatch(text):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + timedelta(days=6), "week"
        if m := _MONTH.fullmatch(text):
            year, month = int(m[1]), int(m[2])
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last), "month"
        if m := _YEAR.fullmatch(text):
            year = int(m[1])
            return date(year, 1, 1), date(year, 12, 31), "year"
    except ValueError as exc:
        raise ParseError(f"not a valid date: {text!r} ({exc})", code="date", value=text) from exc
    raise ParseError(
        f"not a date: {text!r} (expected YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www)",
        code="date",
        value=text,
    )


def _aligned(start: date | None, end: date, precision: str) -> bool:
    """Tell whether the endpoints fall on the boundaries of the precision's unit."""
    if precision == "week":
        ok_start = start is None or start.isoweekday() == 1
        return ok_start and end.isoweekday() == 7
    if precision == "month":
        ok_start = start is None or start.day == 1
        return ok_start and end.day == calendar.monthrange(end.year, end.month)[1]
    if precision == "year":
        ok_start = start is None or (start.month, start.day) == (1, 1)
        return ok_start and (end.month, end.day) == (12, 31)
    return True


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive window of dates.

    Parameters
    ----------
    start
        First day of the window, or ``None`` when the start is unknown (flows only).
    end
        Last day of the window (inclusive).
    precision
        How precisely the endpoints are known: ``day``, ``week``, ``month`` or
        ``year``. A coarser precision requires the endpoints to fall on the
        boundaries of that unit (a month precision window runs from a first
        to a last day of month).

    Raises
    ------
    ValueError
        When start is after end, the dates are not dates, or the endpoints do
        not fall on the boundaries of the precision.
    """

    start: date | None
    end: date
    precision: DatePrecision = "day"

    def __post_init__(self) -> None:
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is None and name == "start":
                continue
            if not isinstance(value, date) or isinstance(value, datetime):
                raise ParseError(
                    f"period {name} must be a date, not {value!r}", code="date", value=value
                )
        if self.precision not in PRECISIONS:
            raise ParseError(
                f"unknown date precision {self.precision!r} (expected one of {', '.join(PRECISIONS)})",
                code="precision",
                value=self.precision,
            )
        if self.start is not None and self.start > self.end:
            raise ParseError(
                f"period starts after it ends: {self.start} > {self.end}", code="period_order"
            )
        if not _aligned(self.start, self.end, self.precision):
            raise ParseError(
                f"a {self.precision} precision period must start and end on {self.precision} "
                f"boundaries: {self.start}..{self.end}",
                code="precision",
            )

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read "2017-10-08", "2019-05", "2017", "2019-W19", "2019-05-01/2019-05-16" or "../2017-10-08".

        The precision of an interval is the finer of its two endpoints
        ("2019-05-03/2019-06" is known to the day at one end).

        Examples
        --------
        >>> Period.parse("2019-05")
        Period(start=datetime.date(2019, 5, 1), end=datetime.date(2019, 5, 31), precision='month')
        >>> Period.parse("../2017-10-08").start is None
        True
        """
        if not isinstance(text, str):
            raise ParseError(f"a period is written as text such as 2019-05-01, not {text!r}")
        text = text.strip()
        if "/" in text:
            left, _, right = text.partition("/")
            left, right = left.strip(), right.strip()
            _end_start, end, end_precision = _one(right)
            if left in {"..", ""}:
                return cls(None, end, end_precision)
            start, _, start_precision = _one(left)
            precision = min(start_precision, end_precision, key=_ORDER.__getitem__)
            return cls(start, end, precision)
        start, end, precision = _one(text)
        return cls(start, end, precision)

    @classmethod
    def day(cls, when: date) -> Period:
        """The one-day period of ``when``."""
        return cls(when, when, "day")

    @property
    def length(self) -> int | None:
        """Number of days in the window, both ends included; ``None`` when the start is open."""
        if self.start is None:
            return None
        return (self.end - self.start).days + 1

    def overlaps(self, other: Period) -> bool:
        """Tell whether the two windows share at least one day (an open start reaches back forever)."""
        a_starts_before_b_ends = self.start is None or self.start <= other.end
        b_starts_before_a_ends = other.start is None or other.start <= self.end
        return a_starts_before_b_ends and b_starts_before_a_ends

    def contains(self, other: Period | date) -> bool:
        """Tell whether a date or a whole period lies inside this window."""
        if isinstance(other, date):
            return (self.start is None or self.start <= other) and other <= self.end
        if other.start is None:
            return self.start is None and other.end <= self.end
        return (self.start is None or self.start <= other.start) and other.end <= self.end

    def _endpoint(self, when: date) -> str:
        if self.precision == "year":
            return f"{when.year:04d}"
        if self.precision == "month":
            return f"{when.year:04d}-{when.month:02d}"
        if self.precision == "week":
            year, week, _ = when.isocalendar()
            return f"{year:04d}-W{week:02d}"
        return when.isoformat()

    def __str__(self) -> str:
        end = self._endpoint(self.end)
        if self.start is None:
            return f"../{end}"
        start = self._endpoint(self.start)
        return start if start == end else f"{start}/{end}"

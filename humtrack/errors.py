"""The exceptions and warnings humtrack raises.

Every error derives from :class:`HumtrackError` and also from the built-in
exception it resembles, so ``except ValueError`` keeps working for callers
that do not know humtrack. Errors carry the place of the problem (row,
column, value) and a stable reason ``code`` where one applies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from humtrack.claimset import ClaimSet
    from humtrack.validation import ValidationReport

__all__ = [
    "AggregationError",
    "FormatError",
    "HumtrackError",
    "HumtrackWarning",
    "ParseError",
    "ReadError",
    "SchemaError",
    "UsageError",
]


class HumtrackError(Exception):
    """Base class of every error humtrack raises on purpose.

    Parameters
    ----------
    message
        One line that says what is wrong and, where it helps, what to do.
    code
        A stable machine-readable reason (``"bounds_order"``, ``"unknown_format"`` ...).
    row, column, value
        Where the problem is, when it is in a table.
    """

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        row: int | None = None,
        column: str | None = None,
        value: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.row = row
        self.column = column
        self.value = value

    def __str__(self) -> str:
        return self.message


class ParseError(HumtrackError, ValueError):
    """A phrase, number or date could not be read."""


class SchemaError(HumtrackError, ValueError):
    """A claims or sources table breaks the canonical schema.

    ``report`` holds every failure (not just the first) and ``valid`` the
    rows that passed, so nothing valid is lost when a table is rejected.
    """

    def __init__(
        self,
        message: str,
        *,
        report: ValidationReport | None = None,
        valid: ClaimSet | None = None,
        code: str | None = "schema",
        row: int | None = None,
        column: str | None = None,
        value: Any = None,
    ) -> None:
        super().__init__(message, code=code, row=row, column=column, value=value)
        self.report = report
        self.valid = valid


class ReadError(HumtrackError, OSError):
    """A file is missing, unreadable, empty or not UTF-8."""


class FormatError(HumtrackError, ValueError):
    """A file's format is unknown or not supported for the operation."""


class UsageError(HumtrackError, ValueError):
    """A call or command asked for something that does not exist (an unknown rule, a bad option)."""


class AggregationError(HumtrackError, ValueError):
    """Figures that cannot be added without counting people twice or mixing what differs.

    ``claim_ids`` lists, per offending pair or set, the claims involved; ``code``
    says why: ``"overlap"`` (places that nest or periods that share days) or
    ``"stocks_over_time"``.
    """

    def __init__(
        self, message: str, *, code: str, claim_ids: list[tuple[str, ...]] | None = None
    ) -> None:
        super().__init__(message, code=code)
        self.claim_ids = claim_ids or []


class HumtrackWarning(UserWarning):
    """Something was accepted but deserves the user's attention."""

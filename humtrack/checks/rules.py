"""The rule registry: every check's code, severity and documentation, from ``data/rules.toml``."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Final, Literal

import pandas as pd

from humtrack._data import read_data_text
from humtrack.errors import UsageError

if TYPE_CHECKING:
    from humtrack.checks.context import Context

__all__ = [
    "RULES",
    "Rule",
    "RuleFunction",
    "Severity",
    "register",
    "rules",
    "rules_markdown",
    "select_rules",
]

Severity = Literal["error", "warning", "info"]
SEVERITIES: Final = ("error", "warning", "info")

#: A rule's implementation: the findings it makes, one row each, as a frame with
#: ``claim_ids`` (list of ids), ``value``, ``compared_to`` and ``message``.
RuleFunction = Callable[["Context"], pd.DataFrame]


@dataclass(frozen=True)
class Rule:
    """One check: a stable code, a severity and what it means."""

    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    example: str

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"rule {self.code}: unknown severity {self.severity!r}")

    def describe(self) -> str:
        """The rule's documentation as plain text (what ``humtrack rules CODE`` prints)."""
        return (
            f"{self.code} {self.name} ({self.severity})\n\n{self.summary}\n\n"
            f"{' '.join(self.explanation.split())}\n\nExample: {self.example}\n"
        )


@lru_cache(maxsize=1)
def _load() -> dict[str, Rule]:
    rows = tomllib.loads(read_data_text("rules.toml"))["rule"]
    return {
        r["code"]: Rule(
            code=r["code"],
            name=r["name"],
            severity=r["severity"],
            summary=r["summary"],
            explanation=r["explanation"].strip(),
            example=r["example"],
        )
        for r in rows
    }


#: Every rule, by code, in code order.
RULES: Final = _load()
_IMPLEMENTATIONS: dict[str, RuleFunction] = {}


def rules() -> list[Rule]:
    """Every rule of :func:`humtrack.check`, in code order.

    Examples
    --------
    >>> import humtrack as ht
    >>> [r.code for r in ht.rules()][:3]
    ['P001', 'P002', 'P003']
    """
    return list(RULES.values())


def rules_markdown() -> str:
    """The rules as a Markdown table (code, severity, name, summary), as the README shows them."""
    lines = ["| code | severity | name | what it finds |", "|---|---|---|---|"]
    lines += [
        f"| {r.code} | {r.severity} | {r.name} | {r.summary.replace('|', '/')} |"
        for r in RULES.values()
    ]
    return "\n".join(lines)


def register(code: str) -> Callable[[RuleFunction], RuleFunction]:
    """Bind the function that implements rule ``code``."""
    if code not in RULES:
        raise KeyError(f"rule {code} is not documented in data/rules.toml")

    def bind(function: RuleFunction) -> RuleFunction:
        _IMPLEMENTATIONS[code] = function
        return function

    return bind


def implementation(code: str) -> RuleFunction:
    """The function that implements rule ``code``."""
    return _IMPLEMENTATIONS[code]


def _expand(patterns: Iterable[str], what: str) -> set[str]:
    chosen: set[str] = set()
    for raw in patterns:
        for pattern in raw.split(","):
            pattern = pattern.strip().upper()
            if not pattern:
                continue
            hits = {c for c in RULES if c.startswith(pattern)} | {
                c for c, r in RULES.items() if r.name.upper() == pattern
            }
            if not hits:
                raise UsageError(
                    f"unknown rule {pattern!r} in {what}; `humtrack rules` lists them",
                    code="unknown_rule",
                    value=pattern,
                )
            chosen |= hits
    return chosen


def select_rules(
    select: Iterable[str] | str | None = None, ignore: Iterable[str] | str | None = None
) -> list[str]:
    """The codes to run: ``select`` (codes, prefixes such as ``P`` or names; all by default)
    minus ``ignore``, in code order."""
    if isinstance(select, str):
        select = [select]
    if isinstance(ignore, str):
        ignore = [ignore]
    chosen = _expand(select, "select") if select is not None else set(RULES)
    if select is not None and not chosen:
        # "--select ," names no rule: running none would report a clean table
        raise UsageError(
            "select names no rule; give codes, prefixes or names (`humtrack rules` lists them)",
            code="unknown_rule",
        )
    chosen -= _expand(ignore or [], "ignore")
    return [c for c in RULES if c in chosen]

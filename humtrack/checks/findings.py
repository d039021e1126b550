"""The result of :func:`humtrack.check`: one row per finding, DataFrame-backed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

import pandas as pd

__all__ = ["FINDING_COLUMNS", "Findings"]

#: The columns of :attr:`Findings.frame`, in order.
FINDING_COLUMNS: Final = (
    "code",
    "severity",
    "rule",
    "claim_ids",
    "source_ids",
    "metric",
    "location_code",
    "period",
    "value",
    "compared_to",
    "message",
)
_SEVERITY_ORDER: Final = {"error": 0, "warning": 1, "info": 2}
_TEXT: Final = pd.StringDtype("python", na_value=pd.NA)


def empty_findings() -> pd.DataFrame:
    """A findings table with no rows and the right columns."""
    frame = pd.DataFrame({c: pd.Series([], dtype=_TEXT) for c in FINDING_COLUMNS})
    frame["value"] = frame["value"].astype("float64")
    frame["compared_to"] = frame["compared_to"].astype("float64")
    return frame


class Findings:
    """What :func:`humtrack.check` found: one row per finding.

    ``frame`` has the columns of :data:`FINDING_COLUMNS`: the rule's code,
    severity and name; the claims involved (``claim_ids``, comma-separated, the
    first being the claim the finding is about) and their sources; the first
    claim's metric, place and period; the figure in question (``value``) and
    what it was compared with (``compared_to``: another claim's figure, a sum,
    a population); and a message that states them.

    Examples
    --------
    >>> import humtrack as ht
    >>> findings = ht.check(ht.read("seeds/claims.csv"), sources="seeds/sources.csv")
    >>> findings.ok
    True
    """

    def __init__(self, frame: pd.DataFrame | None = None) -> None:
        frame = empty_findings() if frame is None else frame
        missing = [c for c in FINDING_COLUMNS if c not in frame.columns]
        if missing:
            raise ValueError(f"a findings table needs the columns {', '.join(missing)}")
        self.frame = frame[list(FINDING_COLUMNS)].reset_index(drop=True)

    def __len__(self) -> int:
        return len(self.frame)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for record in self.frame.astype(object).where(self.frame.notna(), None).to_dict("records"):
            yield {str(k): v for k, v in record.items()}

    def __repr__(self) -> str:
        return f"<Findings: {self.summary()}>"

    def _repr_html_(self) -> str:
        return str(self.frame.to_html(index=False, max_rows=200))

    @property
    def ok(self) -> bool:
        """True when no error-level finding remains."""
        return not (self.frame["severity"] == "error").any()

    def severity(self, level: str) -> Findings:
        """Only the findings of one severity (error, warning or info)."""
        return Findings(self.frame[(self.frame["severity"] == level).to_numpy(dtype=bool)])

    @property
    def errors(self) -> Findings:
        """The error-level findings."""
        return self.severity("error")

    @property
    def warnings(self) -> Findings:
        """The warning-level findings."""
        return self.severity("warning")

    def code(self, *codes: str) -> Findings:
        """Only the findings of some rules, by code."""
        return Findings(self.frame[self.frame["code"].isin(codes).to_numpy(dtype=bool)])

    def counts(self) -> pd.Series:
        """Number of findings per code."""
        counts: pd.Series = self.frame["code"].value_counts().sort_index()
        return counts

    def claim_ids(self, i: int) -> list[str]:
        """The claims involved in finding ``i``."""
        ids = self.frame["claim_ids"].iloc[i]
        return [] if pd.isna(ids) else str(ids).split(", ")

    def summary(self) -> str:
        """ "2 errors, 1 warning, 0 infos" and the codes involved."""
        sev = self.frame["severity"].value_counts()
        parts = [
            f"{int(sev.get(level, 0))} {level}{'' if int(sev.get(level, 0)) == 1 else 's'}"
            for level in _SEVERITY_ORDER
        ]
        codes = ", ".join(f"{c} {n}" for c, n in self.counts().items())
        return ", ".join(parts) + (f" ({codes})" if codes else "")

    def to_text(self) -> str:
        """One line per finding, errors first: ``CODE severity [claims] message``."""
        if self.frame.empty:
            return "no findings"
        order = self.frame["severity"].map(_SEVERITY_ORDER).astype(int)
        f = self.frame.assign(_o=order).sort_values(["_o", "code"], kind="stable")
        lines = [
            f"{r.code} {r.severity}: {r.message}"
            for r in f[["code", "severity", "message"]].itertuples(index=False)
        ]
        return "\n".join([*lines, "", self.summary()])

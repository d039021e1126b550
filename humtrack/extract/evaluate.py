"""Scoring extracted candidates against hand-recorded claims.

A candidate matches a recorded claim of the same source when their quotes
overlap and they state the same value; each recorded claim matches at most one
candidate. Precision and recall count a match only when the metric agrees too
(value + metric); the other fields are scored as accuracy over the matches.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from humtrack.claimset import ClaimSet, as_claimset

__all__ = ["Evaluation", "evaluate", "match"]


@dataclass(frozen=True)
class Evaluation:
    """Scores of candidates against recorded claims, and the pairing behind them."""

    pairs: pd.DataFrame
    n_found: int
    n_recorded: int

    @property
    def matched(self) -> int:
        """Pairs with the same value and metric."""
        return int(
            (
                self.pairs["found_id"].notna()
                & self.pairs["recorded_id"].notna()
                & self.pairs["metric_ok"]
            ).sum()
        )

    @property
    def precision(self) -> float:
        return self.matched / self.n_found if self.n_found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.n_recorded if self.n_recorded else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, field: str) -> float:
        """Share of value+metric matches whose ``field`` agrees.

        ``field`` is qualifier, kind, period, place (the same code), within (the
        same place or one inside it) or country (the same first two letters).
        """
        both = self.pairs[
            self.pairs["found_id"].notna()
            & self.pairs["recorded_id"].notna()
            & self.pairs["metric_ok"]
        ]
        if both.empty:
            return float("nan")
        return float(both[f"{field}_ok"].mean())

    def summary(self) -> dict[str, float]:
        """The figures of the closing note, as a dictionary."""
        return {
            "found": self.n_found,
            "recorded": self.n_recorded,
            "matched": self.matched,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            **{
                f"{f}_accuracy": round(self.accuracy(f), 3)
                for f in ("qualifier", "kind", "period", "place", "within", "country")
            },
        }

    def __str__(self) -> str:
        s = self.summary()
        return (
            f"{s['matched']} of {s['recorded']} recorded figures found with the right value and metric "
            f"({s['found']} candidates): precision {s['precision']:.3f}, recall {s['recall']:.3f}, "
            f"F1 {s['f1']:.3f}; on those, qualifier {s['qualifier_accuracy']:.3f}, kind "
            f"{s['kind_accuracy']:.3f}, period {s['period_accuracy']:.3f}, place {s['place_accuracy']:.3f} "
            f"(or a place inside it {s['within_accuracy']:.3f}; country {s['country_accuracy']:.3f})"
        )


def _same(a: object, b: object) -> bool:
    a_missing, b_missing = bool(pd.isna(a)), bool(pd.isna(b))  # type: ignore[call-overload]
    if a_missing or b_missing:
        return a_missing and b_missing
    return bool(a == b)


def _within(found: object, recorded: object) -> bool:
    """The found place is the recorded one or inside it (its code extends the recorded code)."""
    if bool(pd.isna(found)) or bool(pd.isna(recorded)):  # type: ignore[call-overload]
        return _same(found, recorded)
    return str(found).startswith(str(recorded))


def match(found: ClaimSet | pd.DataFrame, recorded: ClaimSet | pd.DataFrame) -> pd.DataFrame:
    """Pair candidates with recorded claims: one row per pair, plus unpaired rows of each side."""
    f = as_claimset(found).frame
    g = as_claimset(recorded).frame
    rows: list[dict[str, object]] = []
    used: set[int] = set()
    for gi, gold in g.iterrows():
        same_source = f[(f["source_id"] == gold["source_id"]).fillna(False).to_numpy(dtype=bool)]
        overlap = same_source[
            (
                (same_source["quote_start"] < gold["quote_end"])
                & (same_source["quote_end"] > gold["quote_start"])
            )
            .fillna(False)
            .to_numpy(dtype=bool)
        ]
        candidates = overlap[np.isclose(overlap["value"], gold["value"])]
        candidates = candidates[[i not in used for i in candidates.index]]
        if candidates.empty:
            rows.append({"recorded_id": gold["claim_id"], "found_id": None, "metric_ok": False})
            continue
        same_metric = candidates[candidates["metric"] == gold["metric"]]
        chosen_index = (same_metric if not same_metric.empty else candidates).index[0]
        used.add(int(chosen_index))
        cand = f.loc[chosen_index]
        rows.append(
            {
                "recorded_id": gold["claim_id"],
                "found_id": cand["claim_id"],
                "value": gold["value"],
                "recorded_metric": gold["metric"],
                "found_metric": cand["metric"],
                "metric_ok": cand["metric"] == gold["metric"],
                "qualifier_ok": cand["qualifier"] == gold["qualifier"],
                "kind_ok": cand["kind"] == gold["kind"],
                "period_ok": _same(cand["period_start"], gold["period_start"])
                and _same(cand["period_end"], gold["period_end"]),
                "place_ok": _same(cand["location_code"], gold["location_code"]),
                "within_ok": _within(cand["location_code"], gold["location_code"]),
                "country_ok": _same(
                    None if pd.isna(cand["location_code"]) else str(cand["location_code"])[:2],
                    None if pd.isna(gold["location_code"]) else str(gold["location_code"])[:2],
                ),
            }
        )
        _ = gi
    for fi, cand in f.iterrows():
        if int(fi) not in used:  # type: ignore[call-overload]
            rows.append(
                {
                    "recorded_id": None,
                    "found_id": cand["claim_id"],
                    "found_metric": cand["metric"],
                    "value": cand["value"],
                    "metric_ok": False,
                }
            )
    return pd.DataFrame(rows)


def evaluate(found: ClaimSet | pd.DataFrame, recorded: ClaimSet | pd.DataFrame) -> Evaluation:
    """Score candidates against the recorded claims of the same sources.

    Examples
    --------
    >>> import humtrack as ht
    >>> from humtrack.extract.evaluate import evaluate
    >>> claims = ht.read("seeds/claims.csv")
    >>> evaluate(claims, claims).f1
    1.0
    """
    pairs = match(found, recorded)
    return Evaluation(pairs, len(as_claimset(found)), len(as_claimset(recorded)))

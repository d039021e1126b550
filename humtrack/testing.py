"""Hypothesis strategies for humtrack's types, for our tests and for tools built on humtrack.

Needs the ``testing`` extra (``pip install humtrack[testing]``).

Examples
--------
>>> from hypothesis import given
>>> from humtrack.testing import claim_sets
>>> @given(claim_sets(max_size=3))
... def test_len(claims):
...     assert len(claims) <= 3
>>> test_len()
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, get_args

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("humtrack.testing needs hypothesis: pip install 'humtrack[testing]'") from exc

from humtrack.claim import Claim
from humtrack.claimset import ClaimSet
from humtrack.estimate import Estimate
from humtrack.period import Period
from humtrack.vocab import GROUPS, KINDS, METRICS, STATUSES, UNITS, Qualifier

__all__ = [
    "NUMBER_SOUP_WORDS",
    "claim_sets",
    "claims",
    "crowded_claim_sets",
    "estimates",
    "figures",
    "number_soup",
    "periods",
    "texts",
]

#: Pieces of text that stress a figure extractor: digits with separators, number words,
#: qualifiers, dates, places and counted nouns, to be joined in any order.
NUMBER_SOUP_WORDS: tuple[str, ...] = (
    "1", "22", "333", "4,000", "5 000", "six", "seven", "twenty-one", "hundred", "thousand",
    "million", ",", " ", "more than", "between", "and", "-", "dozens", "killed", "people", "May",
    "since", "refugees", "in", "Idlib", ".", "\n", "according to", "OCHA", "½", "٣",
    "000", "0 800", "+249", "to", "₹", "lakh", "—", "(", "camps",
)  # fmt: skip


def number_soup(*, max_size: int = 60) -> st.SearchStrategy[str]:
    """Text made of :data:`NUMBER_SOUP_WORDS` in any order (for "never crashes" properties)."""
    return st.lists(st.sampled_from(NUMBER_SOUP_WORDS), max_size=max_size).map(" ".join)


# Characters real documents hold: any letter, mark, number, punctuation, symbol or
# space, in any script, plus newlines and tabs (not other control characters).
_CHARS = st.characters(
    blacklist_categories=("Cs", "Co", "Cn", "Cc", "Zl", "Zp"), whitelist_characters="\n\t\r"
)
_CURLY = st.sampled_from(
    ["“", "”", "‘", "’", "—", "–", "…", "\u00a0", "NA", "null", "None", "=1+2"]
)


def texts(*, verbatim: bool = False, max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-empty text; stripped of surrounding blanks unless ``verbatim``.

    Mixes arbitrary Unicode with the troublemakers of real tables: curly
    quotes, dashes, non-breaking spaces, and words that readers mistake for
    missing values ("NA", "null").
    """
    pieces = st.lists(
        st.one_of(st.text(_CHARS, min_size=1, max_size=max_size), _CURLY), min_size=1, max_size=3
    ).map("".join)
    if verbatim:
        return pieces
    return pieces.map(lambda s: " ".join(s.split())).filter(bool)


def figures(*, max_value: float = 1e15) -> st.SearchStrategy[float]:
    """Non-negative finite figures, from small counts to very large values."""
    return st.one_of(
        st.integers(0, 10_000).map(float),
        st.floats(0, max_value, allow_nan=False, allow_infinity=False),
    )


@st.composite
def estimates(draw: st.DrawFn, *, max_value: float = 1e15) -> Estimate:
    """Valid :class:`Estimate` values of every qualifier."""
    qualifier: Qualifier = draw(st.sampled_from(get_args(Qualifier)))
    precision = draw(st.sampled_from([0.0, 0.1, 1.0, 10.0, 100.0, 1000.0, 100000.0]))
    a = draw(figures(max_value=max_value))
    if qualifier == "range":
        b = draw(figures(max_value=max_value))
        lo, hi = min(a, b), max(a, b)
        value = draw(st.sampled_from([(lo + hi) / 2, lo, hi]))
        value = min(max(value, lo), hi)
        return Estimate(value, "range", lower=lo, upper=hi, precision=precision)
    if qualifier in {"at_least", "more_than", "vague"}:
        extra = draw(st.sampled_from([0.0, 0.0, 1.0, 50.0]))
        return Estimate(a + extra, qualifier, lower=a, precision=precision)
    if qualifier in {"at_most", "less_than"}:
        return Estimate(
            a, qualifier, upper=a + draw(st.sampled_from([0.0, 0.0, 3.0])), precision=precision
        )
    return Estimate(a, qualifier, precision=precision)


_DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def periods(draw: st.DrawFn, *, open_start: bool = True) -> Period:
    """Day-precision periods, sometimes with an open start."""
    end = draw(_DATES)
    if open_start and draw(st.booleans()) and draw(st.booleans()):
        return Period(None, end)
    length = draw(st.integers(0, 800))
    start = max(date(1900, 1, 1), end - timedelta(days=length))
    return Period(start, end)


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def claims(draw: st.DrawFn, *, claim_id: str | None = None) -> Claim:
    """Valid :class:`Claim` records with arbitrary text and missing optional fields."""
    metric = draw(st.sampled_from(list(METRICS)))
    kind = draw(st.sampled_from(KINDS))
    period = draw(periods(open_start=kind == "flow"))
    estimate = draw(estimates())
    quote = draw(_maybe(texts(verbatim=True, max_size=60)))
    span: dict[str, Any] = {"quote": None, "quote_start": None, "quote_end": None}
    if quote is not None:
        start = draw(st.integers(0, 10**7))
        span = {"quote": quote, "quote_start": start, "quote_end": start + len(quote)}
    code = st.sampled_from(["SY", "SY07", "TR", "NA", "SY0702", "UA"])
    return Claim(
        claim_id=claim_id if claim_id is not None else draw(texts(max_size=12)),
        source_id=draw(_maybe(texts(max_size=12))),
        metric=metric,
        subject=draw(_maybe(texts())),
        group=draw(st.sampled_from(list(GROUPS))),
        kind=kind,  # type: ignore[arg-type]
        value=estimate.value,
        lower=estimate.lower,
        upper=estimate.upper,
        qualifier=estimate.qualifier,
        precision=estimate.precision,
        unit=draw(st.sampled_from(UNITS)),
        location=draw(_maybe(texts())),
        location_code=draw(_maybe(code)),
        origin_code=draw(_maybe(code)),
        period_start=period.start,
        period_end=period.end,
        attributed_to=draw(_maybe(texts())),
        credibility=draw(st.integers(1, 6)),
        status=draw(st.sampled_from(STATUSES)),
        notes=draw(_maybe(texts(verbatim=True))),
        **span,
    )


@st.composite
def claim_sets(draw: st.DrawFn, *, min_size: int = 0, max_size: int = 20) -> ClaimSet:
    """A :class:`ClaimSet` of valid claims with unique ids."""
    n = draw(st.integers(min_size, max_size))
    ids = draw(st.lists(texts(max_size=12), min_size=n, max_size=n, unique=True))
    return ClaimSet.from_claims([draw(claims(claim_id=i)) for i in ids])


@st.composite
def crowded_claim_sets(draw: st.DrawFn, *, min_size: int = 0, max_size: int = 30) -> ClaimSet:
    """Claims about a few quantities, from a few sources: for triangulation and totals.

    Two metrics (a flow and a stock), three nested places (SY, SY07, SY02), a
    handful of periods, figures of every qualifier up to a million.
    """
    n = draw(st.integers(min_size, max_size))
    out: list[Claim] = []
    days = [date(2024, 1, d) for d in (1, 5, 10, 20)]
    for i in range(n):
        metric = draw(st.sampled_from(["killed", "idps"]))
        kind = "flow" if metric == "killed" else "stock"
        end = draw(st.sampled_from(days))
        start = end if kind == "stock" else draw(st.sampled_from([d for d in days if d <= end]))
        estimate = draw(estimates(max_value=1e6))
        out.append(
            Claim(
                claim_id=f"c{i:03d}",
                source_id=draw(st.sampled_from(["s1", "s2", "s3", "s4"])),
                metric=metric,
                kind=kind,  # type: ignore[arg-type]
                value=estimate.value,
                lower=estimate.lower,
                upper=estimate.upper,
                qualifier=estimate.qualifier,
                precision=estimate.precision,
                location_code=draw(st.sampled_from(["SY", "SY07", "SY02"])),
                period_start=start,
                period_end=end,
                attributed_to=draw(st.sampled_from([None, "UN", "the UN", "SOHR"])),
                credibility=draw(st.integers(1, 6)),
            )
        )
    return ClaimSet.from_claims(out)

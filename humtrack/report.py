"""One self-contained HTML page that a colleague can open, read and trust.

:func:`report` (and ``humtrack report``) writes a single HTML file with no
network access at all (no external scripts, styles, fonts or images):

- a summary: claims, sources, originators, quantities, findings by severity;
- the triangulated figures, each with its range drawn inline as SVG and said
  in words ("more than 200,000 — 2 claims, 1 independent originator");
- the findings of :func:`humtrack.check`, each linked to the claims it concerns;
- every claim with its quote in context (a few words before and after from the
  source text when it is at hand, the quote highlighted) and its source's
  publisher, date and link;
- a filter box and sortable columns that work in the page itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd

from humtrack.aggregate.triangulation import triangulate
from humtrack.checks import check
from humtrack.checks.context import Context
from humtrack.claimset import ClaimSet, display_frame
from humtrack.estimate import Estimate
from humtrack.extract.dates import find_dates
from humtrack.extract.mentions import find_mentions
from humtrack.numbers import format_number
from humtrack.originators import originator_codes
from humtrack.reference import reference_populations
from humtrack.tables import ClaimsLike, PathLike, SourcesLike, claims_frame, sources_frame
from humtrack.units import is_countable

__all__ = ["render", "report"]

_CONTEXT: Final = 80  # characters of source text shown before and after a quote

_STYLE: Final = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:72rem;
padding:1rem;color:#1d1d1d}h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ddd;
padding:.35rem .4rem;text-align:left;vertical-align:top}th{cursor:pointer;background:#f4f4f4;
position:sticky;top:0}.sum{display:flex;flex-wrap:wrap;
gap:.6rem}.sum div{background:#f4f6f8;border-radius:.4rem;padding:.5rem .8rem}.sum b{display:block;
font-size:1.3rem}mark{background:#ffe58a}mark strong{background:#ffc933}.nw{white-space:nowrap}
a[href^="#claim-"],td:first-child span[id]{white-space:nowrap}
.ctx{color:#666}.error{color:#b00020}.warning{color:#8a5a00}
.info{color:#555}input{font:inherit;padding:.4rem;width:100%;max-width:28rem;margin:.5rem 0}
svg{display:block;max-width:100%;height:auto}.wrap{overflow-x:auto}
@media (max-width:40rem){body{font-size:14px}table,tbody,tr,td{display:block}
thead tr{display:flex;flex-wrap:wrap;gap:.3rem}thead th{border:1px solid #ccc;border-radius:1rem;
padding:.15rem .6rem;position:static}tbody tr{border-bottom:1px solid #ddd;padding:.5rem 0}
td{border:0;padding:.1rem 0}td::before{content:attr(data-label);display:inline-block;
min-width:5.5rem;color:#666;font-size:.8rem}}
"""

_SCRIPT: Final = """
document.querySelectorAll('input[data-filter]').forEach(function(box){
  box.addEventListener('input',function(){
    var t=document.getElementById(box.dataset.filter),q=box.value.toLowerCase();
    t.querySelectorAll('tbody tr').forEach(function(r){
      r.style.display=r.textContent.toLowerCase().indexOf(q)<0?'none':'';});});});
document.querySelectorAll('th').forEach(function(th){
  th.addEventListener('click',function(){
    var t=th.closest('table'),b=t.tBodies[0],i=Array.prototype.indexOf.call(th.parentNode.children,th);
    var asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';
    var rows=Array.prototype.slice.call(b.rows);
    rows.sort(function(x,y){var a=x.cells[i].dataset.v||x.cells[i].textContent,
      c=y.cells[i].dataset.v||y.cells[i].textContent,na=parseFloat(a),nc=parseFloat(c);
      var r=(!isNaN(na)&&!isNaN(nc))?na-nc:a.localeCompare(c);return asc?r:-r;});
    rows.forEach(function(r){b.appendChild(r);});});});
"""


def _range_words(lower: float, upper: float, *, countable: bool = False) -> str:
    """The range in words; a count of whole things keeps only the whole numbers inside it.

    "1 tank" allows 0.5 to 1.5 by its rounding step, which holds one whole tank: "1".
    """
    if countable:
        whole_lower = math.ceil(lower - 1e-9)
        whole_upper = upper if math.isinf(upper) else math.floor(upper + 1e-9)
        if whole_lower <= whole_upper:
            lower, upper = whole_lower, whole_upper
    if math.isinf(upper):
        return f"more than {format_number(float(lower))}" if lower > 0 else "any number"
    if lower == upper:
        return format_number(float(lower))
    return f"{format_number(float(lower))} to {format_number(float(upper))}"


def _svg(lower: float, upper: float, central: float, top: float, *, countable: bool) -> str:
    """The range as a bar on a shared scale (log when the figures span much), open as an arrow."""
    width, height = 220, 18

    def x(value: float) -> float:
        if top <= 0:
            return 0.0
        return 4 + (width - 12) * math.log10(1 + max(value, 0)) / math.log10(1 + top)

    left = x(lower)
    right = width - 6 if math.isinf(upper) else x(upper)
    arrow = (
        f'<path d="M{width - 8} 4 L{width - 2} 9 L{width - 8} 14 Z" fill="#1b6ca8"/>'
        if math.isinf(upper)
        else ""
    )
    return (
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(_range_words(lower, upper, countable=countable))}">'
        f'<line x1="4" y1="9" x2="{width - 4}" y2="9" stroke="#ddd"/>'
        f'<rect x="{left:.1f}" y="5" width="{max(right - left, 2):.1f}" height="8" '
        f'fill="#1b6ca8" fill-opacity=".45"/>{arrow}'
        f'<circle cx="{x(central):.1f}" cy="9" r="3.5" fill="#1b6ca8"/></svg>'
    )


def _period_html(period: str) -> str:
    """``start/end`` as "start to end", each date kept on one line."""
    parts = ["…" if part in ("..", "") else part for part in period.split("/")]
    return " to ".join(f'<span class="nw">{escape(part)}</span>' for part in parts)


def _table(table_id: str, head: list[str], rows: list[list[str]]) -> str:
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    # each cell carries its column's name, shown beside it where a phone stacks the cells
    labels = [f' data-label="{escape(h)}"' for h in head]
    body = "".join(
        "<tr>"
        + "".join(f"<td{label}>{c}</td>" for label, c in zip(labels, r, strict=True))
        + "</tr>"
        for r in rows
    )
    return (
        f'<input type="search" placeholder="filter" data-filter="{table_id}" aria-label="filter">'
        f'<div class="wrap"><table id="{table_id}"><thead><tr>{header}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _claim_links(ids: object) -> str:
    if not isinstance(ids, str) or not ids:
        return ""
    return ", ".join(f'<a href="#claim-{escape(i)}">{escape(i)}</a>' for i in ids.split(", "))


def _figure_span(quote: str, claim: pd.Series) -> tuple[int, int] | None:
    """Where in the quote the claim's own figure is written, or None rather than a guess.

    Dates are masked first ("On 5 May, 5 people"); a number read with the claim's qualifier
    and value wins over one that only shares a bound with it.
    """
    value = float(claim["value"])
    bounds = [float(claim[c]) for c in ("lower", "upper") if pd.notna(claim[c])]
    masked = [(d.start_offset, d.end_offset) for d in find_dates(quote, None)]
    read = [
        (mention, estimate)
        for mention in find_mentions(quote, masked)
        if (estimate := mention.estimate(quote)) is not None
    ]

    def close(a: float | None, b: float) -> bool:
        return a is not None and math.isclose(a, b, rel_tol=1e-9)

    tiers: list[Callable[[Estimate], bool]] = [
        lambda e: e.qualifier == claim["qualifier"] and close(e.value, value),
        lambda e: close(e.value, value),
        lambda e: len(bounds) == 2 and close(e.lower, bounds[0]) and close(e.upper, bounds[1]),
    ]
    for matches in tiers:
        for mention, estimate in read:
            if matches(estimate):
                return mention.start, mention.end
    return None


def _marked(quote: str, claim: pd.Series) -> str:
    """The quote highlighted, and the figure in it in bold."""
    span = _figure_span(quote, claim)
    if span is None:
        return f"<mark>{escape(quote)}</mark>"
    a, b = span
    return (
        f"<mark>{escape(quote[:a])}<strong>{escape(quote[a:b])}</strong>{escape(quote[b:])}</mark>"
    )


def _in_context(text: str | None, claim: pd.Series) -> str:
    quote, start, end = claim["quote"], claim["quote_start"], claim["quote_end"]
    if not isinstance(quote, str):
        return '<span class="ctx">(no quote)</span>'
    marked = _marked(quote, claim)
    if text is None or pd.isna(start) or pd.isna(end) or text[int(start) : int(end)] != quote:
        return marked
    a, b = int(start), int(end)
    before = text[max(0, a - _CONTEXT) : a]
    after = text[b : b + _CONTEXT]
    return (
        f'<span class="ctx">…{escape(before)}</span>{marked}'
        f'<span class="ctx">{escape(after)}…</span>'
    )


def render(
    claims: ClaimsLike,
    *,
    sources: SourcesLike | None = None,
    reference: pd.DataFrame | PathLike | None = None,
    title: str = "Figures checked with humtrack",
) -> str:
    """The report as one HTML string (see the module documentation)."""
    frame = claims_frame(claims, purpose="reporting")
    claim_set = ClaimSet._trusted(frame)
    source_table, base_dir = sources_frame(sources)
    texts: dict[str, str | None] = {}
    if source_table is not None:
        ctx = Context(frame, source_table, reference_populations(reference), base_dir=base_dir)
        texts = {sid: value[0] for sid, value in ctx.texts.items()}
    # the checks read the files themselves: they compare the bytes with the recorded sha256
    findings = check(frame, sources=sources, reference=reference)
    table = triangulate(frame, sources=source_table)
    originators = len(np.unique(originator_codes(frame)[0])) if len(frame) else 0
    counts = findings.frame["severity"].value_counts() if len(findings) else pd.Series(dtype=int)

    summary = "".join(
        f"<div><b>{value}</b>{escape(label)}</div>"
        for value, label in [
            (len(frame), "claims"),
            (frame["source_id"].nunique(), "sources"),
            (originators, "independent originators"),
            (len(table), "quantities"),
            (int(counts.get("error", 0)), "errors"),
            (int(counts.get("warning", 0)), "warnings"),
            (int(counts.get("info", 0)), "notes"),
        ]
    )

    finite = np.concatenate([table["lower"].to_numpy(), table["upper"].to_numpy()])
    finite = finite[np.isfinite(finite)]
    top = float(finite.max()) if len(finite) else 1.0
    quantity_rows = []
    for _, row in table.iterrows():  # one row per quantity of a report, not a bulk path
        what = row["what"] or row["metric"]
        group = "" if row["group"] == "all" else f" ({row['group']})"
        place = row["location_code"] if isinstance(row["location_code"], str) else "?"
        start = "" if pd.isna(row["period_start"]) else row["period_start"].strftime("%Y-%m-%d")
        end = row["period_end"].strftime("%Y-%m-%d")
        period = _period_html(end if start == end else f"{start or '…'}/{end}")
        countable = is_countable(str(row["unit"]))
        words = (
            f"{_range_words(row['lower'], row['upper'], countable=countable)} — {row['n_claims']} claim"
            f"{'s' if row['n_claims'] != 1 else ''}, {row['n_independent']} independent "
            f"originator{'s' if row['n_independent'] != 1 else ''}"
            + (" — <b>the claims conflict</b>" if row["conflict"] else "")
        )
        quantity_rows.append(
            [
                escape(f"{what}{group}"),
                escape(place),
                period,
                _svg(row["lower"], row["upper"], row["central"], top, countable=countable),
                words if row["conflict"] else escape(words),
                _claim_links(row["claim_ids"]),
            ]
        )

    finding_rows = [
        [
            f'<span class="{escape(str(r["severity"]))}">{escape(str(r["severity"]))}</span>',
            escape(str(r["code"])),
            escape(str(r["message"])),
            _claim_links(r["claim_ids"]),
        ]
        for _, r in findings.frame.iterrows()
    ]

    publisher: dict[str, tuple[str, str, str]] = {}
    if source_table is not None:
        for _, s in source_table.iterrows():
            date = "" if pd.isna(s["published"]) else s["published"].strftime("%Y-%m-%d")
            url = s["url"] if isinstance(s.get("url"), str) else ""
            name = s["publisher"] if isinstance(s.get("publisher"), str) else ""
            publisher[str(s["source_id"])] = (name, date, url)
    view = display_frame(claim_set)
    claim_rows = []
    for _, c in view.iterrows():  # one row per claim of a report, not a bulk path
        sid = c["source_id"] if isinstance(c["source_id"], str) else ""
        name, date, url = publisher.get(sid, ("", "", ""))
        link = (
            f' <a href="{escape(url)}" rel="noreferrer">link</a>' if url.startswith("http") else ""
        )
        source_cell = escape(" · ".join(p for p in (sid, name, date) if p)) + link
        claim_rows.append(
            [
                f'<span id="claim-{escape(str(c["claim_id"]))}">{escape(str(c["claim_id"]))}</span>',
                escape(str(c["metric"])),
                escape(str(c["figure"])),
                escape(str(c["location_code"]) if isinstance(c["location_code"], str) else ""),
                _period_html(str(c["period"])),
                _in_context(texts.get(sid), c),
                source_cell,
            ]
        )

    body = (
        f"<h1>{escape(title)}</h1><section class=sum>{summary}</section>"
        "<h2>Figures</h2><p>One row per quantity: the range every claim allows "
        "(bar; an arrow where there is no upper bound), the median (dot), and who stands behind it. "
        f"All bars share one logarithmic scale from 0 to {escape(format_number(top))}.</p>"
        + _table(
            "figures",
            ["what", "place", "period", "range", "in words", "claims"],
            quantity_rows,
        )
        + f"<h2>Findings</h2><p>{len(findings)} finding{'s' if len(findings) != 1 else ''} of the checks "
        "(see <code>humtrack rules</code>).</p>"
        + _table("findings", ["severity", "rule", "finding", "claims"], finding_rows)
        + "<h2>Claims</h2><p>Every claim with its quote in the words around it.</p>"
        + _table(
            "claims",
            ["claim", "metric", "figure", "place", "period", "quote in context", "source"],
            claim_rows,
        )
    )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}<script>{_SCRIPT}</script></body></html>"
    )


def report(
    claims: ClaimsLike,
    path: PathLike,
    *,
    sources: SourcesLike | None = None,
    reference: pd.DataFrame | PathLike | None = None,
    title: str = "Figures checked with humtrack",
) -> Path:
    """Write the report to ``path``; returns the path."""
    target = Path(path)
    target.write_text(
        render(claims, sources=sources, reference=reference, title=title), encoding="utf-8"
    )
    return target

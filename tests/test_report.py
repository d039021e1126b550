"""The HTML report: one self-contained page with the figures, the findings and the quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import humtrack as ht
from humtrack.cli import main
from humtrack.report import render
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def page() -> str:
    return render(SEEDS / "claims.csv", sources=SEEDS / "sources.csv")


def test_the_report_fetches_nothing(page: str) -> None:
    # no external script, style, font or image: links to sources are anchors, never loaded
    assert not re.search(r"<(?:script|img|link|iframe|audio|video|source)[^>]+(?:src|href)=", page)
    assert "@import" not in page
    assert "url(" not in page


def test_the_report_shows_summary_figures_findings_and_quotes(page: str) -> None:
    claims = ht.read(SEEDS / "claims.csv")
    assert "<b>17</b>claims" in page
    assert page.count("<svg") == len(ht.triangulate(claims))
    assert "more than 200,000 — 1 claim, 1 independent originator" in page
    # the quote in the words around it, highlighted
    # the quote in the words around it, highlighted, its figure in bold
    assert "<mark><strong>1 million</strong> displaced Syrians near the border</mark>" in page
    assert "twenty health facilities" not in page
    assert ", <strong>three</strong> IDP settlements" in page
    assert page.count("<strong>") == len(claims)  # every seed figure is found in its quote
    # a count of whole things in whole numbers: "1 tank" is one tank, not 0.5 to 1.5
    assert ">1 — 1 claim, 1 independent originator</td>" in page
    assert "0.5 to 1.5" not in page
    assert "15 to 25 — 1 claim" in page  # "20 health facilities" rounded to the ten
    assert re.search(r'<span class="ctx">…[^<]+</span><mark>', page)
    # findings link to the claims they concern
    assert "K003" in page
    assert '<a href="#claim-s001-c07">s001-c07</a>' in page
    assert 'id="claim-s001-c07"' in page
    # the source's publisher and date beside each claim
    assert "TRT World" in page


def test_text_from_the_claims_is_escaped(tmp_path: Path) -> None:
    frame = ht.read(SEEDS / "claims.csv").frame.copy()
    frame.loc[0, "subject"] = "<script>alert(1)</script>"
    frame.loc[0, "metric"] = "other"
    html = render(frame)
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_report_command_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.html"
    args = ["report", "seeds/claims.csv", "--sources", "seeds/sources.csv", "-o", str(target)]
    assert main(args) == 0
    assert "report written to" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")


@pytest.mark.parametrize(
    ("quote", "changes", "marked"),
    [
        # a date is not the figure, even when it is the same number
        ("On 5 May, 5 people were killed", {"value": 5.0, "lower": 5.0, "upper": 5.0,
         "qualifier": "exact", "precision": 1.0}, "On 5 May, <strong>5</strong> people"),
        # the number read with the claim's qualifier wins over one that shares a bound
        ("More than 10 towns were shelled and more than 200,000 people fled", {},
         "and <strong>more than 200,000</strong> people"),
        # nothing reads as the figure: nothing is bolded rather than a guess
        ("Dozens were killed", {}, "<mark>Dozens were killed</mark>"),
    ],
)  # fmt: skip
def test_the_figure_in_bold_is_the_claims_own(
    quote: str, changes: dict[str, object], marked: str
) -> None:
    claim = ht.read(SEEDS / "claims.csv").frame.iloc[[4]].copy()  # more than 200,000 displaced
    for column, value in {**changes, "quote": quote, "quote_start": 0}.items():
        claim[column] = value
    claim["quote_end"] = len(quote)
    assert marked in render(claim)

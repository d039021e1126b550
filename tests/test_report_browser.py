"""The report in a real browser: headless Chromium opens it, reads it, uses it and fetches nothing.

`.ci/run` installs Debian's chromium when it is missing, so in CI (``CI`` set) a missing
browser is a failure; elsewhere the test is skipped with the reason. Screenshots of the page on
a laptop and on a phone are kept in ``build/test-artifacts/`` (or ``$HUMTRACK_ARTIFACTS``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import humtrack as ht
from humtrack.report import report
from tests.conftest import ROOT, SEEDS


def _chromium() -> str:
    found = os.environ.get("HUMTRACK_CHROMIUM") or next(
        (p for name in ("chromium", "chromium-browser") if (p := shutil.which(name))), None
    )
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("no chromium on this machine: .ci/run installs Debian's chromium package")
    pytest.skip("no chromium on this machine (apt-get install chromium, or set HUMTRACK_CHROMIUM)")


def _artifacts() -> Path:
    folder = Path(os.environ.get("HUMTRACK_ARTIFACTS", ROOT / "build" / "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    return report(SEEDS / "claims.csv", path, sources=SEEDS / "sources.csv")


class _Visit:
    """A page opened on the report, with every request and every script error it saw."""

    def __init__(self, browser: Any, path: Path, viewport: dict[str, int]) -> None:
        self.context = browser.new_context(viewport=viewport)
        self.requests: list[str] = []
        self.errors: list[str] = []
        # anything that is not the file itself is recorded and refused, so a test can see it
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("websocket", lambda socket: self.requests.append(socket.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "console",
            lambda msg: self.errors.append(msg.text) if msg.type == "error" else None,
        )
        self.url = path.as_uri()
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        if url.split("#")[0] == self.url:
            route.continue_()
        else:
            route.abort()

    def visible_rows(self, table: str) -> list[str]:
        rows: list[str] = self.page.eval_on_selector_all(
            f"#{table} tbody tr",
            "rows => rows.filter(r => r.offsetParent !== null).map(r => r.textContent)",
        )
        return rows


@pytest.fixture
def laptop(browser: Any, report_file: Path) -> Iterator[_Visit]:
    visit = _Visit(browser, report_file, {"width": 1280, "height": 900})
    yield visit
    visit.context.close()


def test_the_page_shows_the_figures_plots_findings_and_quotes(laptop: _Visit) -> None:
    page = laptop.page
    claims = ht.read(SEEDS / "claims.csv")
    quantities = ht.triangulate(claims, sources=SEEDS / "sources.csv")
    findings = ht.check(claims, sources=SEEDS / "sources.csv")

    summary = page.inner_text("section.sum")
    assert "17\nclaims" in summary
    assert f"{len(quantities)}\nquantities" in summary
    assert len(laptop.visible_rows("figures")) == len(quantities)
    assert len(laptop.visible_rows("findings")) == len(findings)
    assert len(laptop.visible_rows("claims")) == len(claims)
    assert page.get_by_text("more than 200,000 — 1 claim, 1 independent originator").is_visible()

    # every plot is drawn: an inline SVG with a size on screen, one per quantity
    boxes = [svg.bounding_box() for svg in page.query_selector_all("#figures svg")]
    assert len(boxes) == len(quantities)
    assert all(box is not None and box["width"] > 50 and box["height"] > 5 for box in boxes)

    # every quote is there, highlighted, in the words of its source
    marks = page.eval_on_selector_all("#claims mark", "ms => ms.map(m => m.textContent)")
    assert sorted(marks) == sorted(claims.frame["quote"].dropna())
    assert page.locator("mark", has_text="more than 200,000").first.is_visible()
    figures = page.eval_on_selector_all("#claims mark strong", "bs => bs.map(b => b.textContent)")
    assert "more than 200,000" in figures
    assert len(figures) == len(claims)

    page.screenshot(path=str(_artifacts() / "report-laptop.png"), full_page=True)
    assert laptop.errors == []


def test_nothing_is_fetched_from_the_network(laptop: _Visit) -> None:
    # the page loaded and was used: a filter typed, a column sorted, a finding's link followed
    laptop.page.fill("input[data-filter=claims]", "idlib")
    laptop.page.click("#figures th >> text=place")
    laptop.page.click("#findings tbody a >> nth=0")
    laptop.page.wait_for_timeout(300)  # anything fired late by the page's script
    assert laptop.requests == [laptop.url]
    resources = laptop.page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert resources == []
    assert laptop.errors == []


def test_the_filter_and_the_sorting_work_without_a_server(laptop: _Visit) -> None:
    page = laptop.page
    every = laptop.visible_rows("claims")
    page.fill("input[data-filter=claims]", "refugees")
    shown = laptop.visible_rows("claims")
    assert 0 < len(shown) < len(every)
    assert all("refugees" in row.lower() for row in shown)
    page.fill("input[data-filter=claims]", "")
    assert len(laptop.visible_rows("claims")) == len(every)

    ids = "rows => rows.map(r => r.cells[0].textContent)"
    page.click("#claims th >> text=claim")
    ascending = page.eval_on_selector_all("#claims tbody tr", ids)
    page.click("#claims th >> text=claim")
    descending = page.eval_on_selector_all("#claims tbody tr", ids)
    assert ascending == sorted(ascending)
    assert descending == ascending[::-1]

    # a finding's link lands on the claim it concerns
    link = page.query_selector("#findings tbody a")
    assert link is not None
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    assert page.is_visible(f"[id='{target.removeprefix('#')}']" if target else "nothing")
    assert laptop.errors == []


def test_the_page_reads_on_a_phone(browser: Any, report_file: Path) -> None:
    phone = _Visit(browser, report_file, {"width": 390, "height": 844})
    try:
        # the page never scrolls sideways: each row is a card of labelled cells that fits
        width = phone.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390
        label = phone.page.evaluate(
            "getComputedStyle(document.querySelector('#figures td'), '::before').content"
        )
        assert label == '"what"'
        widest_row = phone.page.evaluate(
            "Math.max(...[...document.querySelectorAll('tbody tr')]"
            ".map(r => r.getBoundingClientRect().right))"
        )
        assert widest_row <= 390
        assert phone.page.get_by_text("more than 200,000").first.is_visible()
        phone.page.screenshot(path=str(_artifacts() / "report-phone.png"), full_page=False)
        assert phone.errors == []
    finally:
        phone.context.close()

"""The seed articles and the figures recorded from them by hand."""

from __future__ import annotations

import hashlib

import pytest

import humtrack as ht
from tests.conftest import ROOT, SEEDS

SHARED = ROOT.parent / "shared" / "seeds"
ARTICLES = sorted(p.name for p in SEEDS.glob("*.txt"))


def test_three_articles_are_bundled() -> None:
    assert len(ARTICLES) == 3


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared seeds are not beside this checkout")
def test_articles_are_byte_identical_to_the_shared_seeds() -> None:
    assert sorted(p.name for p in SHARED.glob("*.txt")) == ARTICLES
    for name in ARTICLES:
        assert (SEEDS / name).read_bytes() == (SHARED / name).read_bytes(), name


def test_sources_record_the_hash_of_each_text() -> None:
    for source in ht.sources_from_frame(ht.read_sources(SEEDS / "sources.csv")):
        assert source.path is not None
        data = (SEEDS / source.path).read_bytes()
        assert source.sha256 == hashlib.sha256(data).hexdigest()
        assert source.published is not None
        assert source.notes


def test_every_quote_is_verbatim_at_its_offsets() -> None:
    sources = {
        s.source_id: (SEEDS / str(s.path)).read_text(encoding="utf-8")
        for s in ht.sources_from_frame(ht.read_sources(SEEDS / "sources.csv"))
    }
    claims = ht.read(SEEDS / "claims.csv")
    assert len(claims) >= 9
    for claim in claims:
        span = claim.span
        assert span is not None, claim.claim_id
        assert span.matches(sources[str(claim.source_id)]), claim.claim_id
        assert claim.status == "recorded"


def _one(claims: ht.ClaimSet, **equals: object) -> ht.Claim:
    found = claims.filter(**equals)
    assert len(found) == 1, equals
    return found[0]


def test_the_figures_the_issue_names_are_recorded() -> None:
    claims = ht.read(SEEDS / "claims.csv")
    refugees = _one(claims, metric="refugees")
    assert (refugees.value, refugees.kind, refugees.location_code, refugees.origin_code) == (
        3_200_000,
        "stock",
        "TR",
        "SY",
    )
    idps = _one(claims, metric="idps")
    assert (idps.value, idps.kind) == (1_000_000, "stock")
    killed = _one(claims, metric="killed")
    assert (killed.qualifier, killed.lower, killed.kind) == ("more_than", 200, "flow")
    assert str(killed.period) == "2017-09-19/2017-10-08"
    displaced = _one(claims, metric="displaced")
    assert str(displaced.estimate) == "more than 200,000"
    assert str(displaced.period) == "2019-05-01/2019-05-16"
    population = _one(claims, metric="population")
    assert (population.value, population.group, population.kind) == (
        3_500_000,
        "civilians",
        "stock",
    )
    hit = claims.filter(metric="facilities_damaged")
    assert sorted((c.group, c.value) for c in hit) == [
        ("health_facilities", 20),
        ("idp_settlements", 3),
        ("refugee_camps", 1),
    ]
    assert {c.attributed_to for c in hit} == {"UCHA Syria"}


def test_numbers_that_are_not_humanitarian_figures_are_not_claims() -> None:
    quotes = " ".join(str(c.quote) for c in ht.read(SEEDS / "claims.csv"))
    for phrase in ("M4", "M5", "eight-year", "Trump 2.0", "21 locations"):
        assert phrase not in quotes

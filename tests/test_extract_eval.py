"""Extraction scored against the hand-annotated evaluation corpus (tests/data/eval).

The dev splits (dev to dev53) are what the extractor was tuned on; the holdout splits never are.
These floors guard against regressions; the figures themselves are reported
by ``python tests/benchmarks/eval_extract.py tests/data/eval/<split>``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import humtrack as ht
from humtrack.extract import Evaluation, evaluate

EVAL = Path(__file__).parent / "data" / "eval"


def _score(split: str) -> Evaluation:
    folder = EVAL / split
    sources = ht.read_sources(folder / "sources.csv")
    found = ht.extract_files([folder / str(p) for p in sources["path"]], sources=sources)
    assert ht.validate(found).ok
    return evaluate(found, ht.read(folder / "claims.csv"))


@pytest.mark.parametrize(
    ("split", "floor", "period_floor"),
    [
        ("dev", 0.96, 0.90),
        ("dev2", 0.96, 0.85),
        ("dev3", 0.89, 0.84),
        ("dev4", 0.92, 0.80),
        ("dev5", 0.88, 0.67),
        ("dev6", 0.91, 0.65),
        ("dev7", 0.89, 0.65),
        ("dev8", 0.91, 0.62),
        ("dev9", 0.92, 0.69),
        ("dev10", 0.86, 0.65),
        ("dev11", 0.85, 0.49),
        ("dev12", 0.84, 0.49),
        ("dev13", 0.91, 0.51),
        ("dev14", 0.83, 0.50),
        ("dev15", 0.81, 0.51),
        ("dev16", 0.80, 0.49),
        ("dev17", 0.81, 0.47),
        ("dev18", 0.77, 0.43),
        # scored blind before any rule was written for it: 0.849, period 0.333
        ("dev19", 0.82, 0.30),
        # scored blind before any rule was written for it: 0.833, period 0.447
        ("dev20", 0.80, 0.42),
        # written for the next round, scored blind first: dev21 0.761, dev22 0.776 (both with
        # the round's first rules), dev23 0.780, dev24 0.858 (with most of them)
        ("dev21", 0.89, 0.55),
        ("dev22", 0.86, 0.57),
        ("dev23", 0.76, 0.46),
        ("dev24", 0.85, 0.56),
        # written later by writers who never saw the rules, scored blind first: dev25 0.782,
        # dev26 0.713, dev27 0.743, dev28 0.744
        ("dev25", 0.85, 0.54),
        ("dev26", 0.80, 0.31),
        ("dev27", 0.81, 0.56),
        ("dev28", 0.80, 0.50),
        # scored blind before any rule was written for it: 0.701, period 0.614 (the same with
        # the rules before the work it was written for)
        ("dev29", 0.74, 0.52),
        # scored blind before any rule was written for it: 0.790, period 0.611
        ("dev30", 0.78, 0.58),
        # scored blind before any rule was written for them: dev31 0.751, period 0.688; dev32
        # 0.808, period 0.539
        ("dev31", 0.78, 0.63),
        ("dev32", 0.79, 0.49),
        # scored blind before any rule was written for it: 0.818, period 0.536 (the same with the
        # rules before the work it was written for)
        ("dev33", 0.80, 0.50),
        # scored blind before any rule was written for it: 0.838, period 0.635 (the same with the
        # rules before the work it was written for); 0.919 after that work
        ("dev34", 0.88, 0.62),
        # scored blind before any rule was written for them: dev35 0.814, period 0.589 (0.764
        # with the rules before the work they were written for); dev36 0.741, period 0.683 (the
        # same); after that work 0.902 and 0.886
        ("dev35", 0.87, 0.62),
        ("dev36", 0.85, 0.72),
        # scored blind before any rule was written for them: dev37 0.734, period 0.730; dev38
        # 0.804, period 0.727; dev39 0.788, period 0.596; after that work 0.844, 0.860, 0.866
        ("dev37", 0.82, 0.72),
        ("dev38", 0.84, 0.70),
        ("dev39", 0.84, 0.56),
        # scored blind before any rule was written for them: dev40 0.718, period 0.543; dev41
        # 0.679, period 0.377; dev42 0.821, period 0.490; after that work 0.834, 0.695, 0.894
        ("dev40", 0.81, 0.50),
        ("dev41", 0.67, 0.34),
        ("dev42", 0.87, 0.47),
        # scored blind before any rule was written for them: dev43 0.749, period 0.419; dev44
        # 0.687, period 0.637; dev45 0.694, period 0.446; after that work 0.803, 0.802, 0.818
        ("dev43", 0.78, 0.36),
        ("dev44", 0.78, 0.55),
        ("dev45", 0.79, 0.51),
        # scored blind before any rule was written for them: dev46 0.795, period 0.639; dev47
        # 0.723, period 0.446; dev48 0.640, period 0.492; dev49 0.808, period 0.617; after that
        # work 0.846, 0.723, 0.692, 0.811
        ("dev46", 0.81, 0.65),
        ("dev47", 0.69, 0.48),
        ("dev48", 0.66, 0.51),
        ("dev49", 0.78, 0.64),
        # scored blind before any rule was written for them: dev50 0.370, period 0.647; dev51
        # 0.853, period 0.550; dev52 0.896, period 0.429; dev53 0.647, period 0.578; after that
        # work 0.434, 0.881, 0.898, 0.857
        ("dev50", 0.41, 0.63),
        ("dev51", 0.85, 0.50),
        ("dev52", 0.87, 0.40),
        ("dev53", 0.83, 0.50),
        ("holdout", 0.87, 0.73),
        ("holdout2", 0.89, 0.71),
        ("holdout3", 0.70, 0.68),
        # period accuracy is over the matched figures: list rows matched since are mostly dated
        # otherwise by its writer, so the share fell (0.670 to 0.637) while the count of
        # figures with the right period rose (71 to 72)
        ("holdout4", 0.73, 0.62),
        # scored once, at the end of the round that added it: 0.800, period 0.417
        ("holdout5", 0.78, 0.40),
        # scored once, at the end of the round that added it: 0.789, period 0.423 (0.781 with
        # the rules of the round before)
        ("holdout6", 0.77, 0.40),
        # scored once, at the end of the round that added it: 0.752, period 0.672 (0.745 with
        # the rules of the round before)
        ("holdout7", 0.73, 0.63),
        # scored at the end of the work it was written for: 0.813, period 0.421 (0.808 with the
        # rules before that work); 0.808, period 0.415, after that work's review
        ("holdout8", 0.79, 0.39),
        # scored once, at the end of the work it was written for: 0.779, period 0.667 (0.777
        # with the rules before that work)
        ("holdout9", 0.76, 0.63),
        # scored once, at the end of the work it was written for: 0.739, period 0.601 (0.737
        # with the rules before that work)
        ("holdout10", 0.72, 0.57),
        # scored first after the work it was written for had its first review: 0.841, period
        # 0.556 (0.837 with the rules before that work), the same at the end of that work
        ("holdout11", 0.82, 0.52),
        # scored once, at the end of the work it was written for: 0.812, period 0.857 (0.805
        # with the rules before that work)
        ("holdout12", 0.79, 0.82),
        # scored once, at the end of the work they were written for: holdout13 0.752, period
        # 0.734 (0.755 with the rules before that work); holdout14 0.841, period 0.598 (0.837);
        # 0.752 and 0.847 after the work that added holdout15
        ("holdout13", 0.72, 0.70),
        ("holdout14", 0.82, 0.56),
        # scored once, at the end of the work it was written for: 0.888, period 0.624 (0.883
        # with the rules before that work)
        ("holdout15", 0.86, 0.59),
        # scored once, at the end of the work it was written for: 0.704, period 0.787 (0.704
        # with the rules before that work)
        ("holdout16", 0.68, 0.75),
        # scored once, at the end of the work it was written for: 0.688, period 0.791 (0.688
        # with the rules before that work)
        ("holdout17", 0.66, 0.76),
        # scored once, at the end of the work it was written for: 0.794, period 0.595 (0.794,
        # period 0.570, with the rules before that work)
        ("holdout18", 0.76, 0.55),
    ],
)
def test_value_and_metric_f1_does_not_regress(
    split: str, floor: float, period_floor: float
) -> None:
    result = _score(split)
    assert result.f1 >= floor, str(result)
    assert result.accuracy("qualifier") >= 0.95
    assert result.accuracy("period") >= period_floor, str(result)


def test_annotations_are_verbatim_and_valid() -> None:
    splits = sorted(p.parent for p in EVAL.glob("*/claims.csv"))
    assert len(splits) >= 67
    for folder in splits:
        sources = ht.read_sources(folder / "sources.csv")
        texts = {
            row.source_id: (folder / row.path).read_text(encoding="utf-8")
            for row in sources.itertuples()
        }
        for claim in ht.read(folder / "claims.csv"):
            span = claim.span
            assert span is not None
            assert span.matches(texts[str(claim.source_id)]), claim.claim_id


def test_the_second_annotation_is_verbatim_valid_and_agrees_with_the_first() -> None:
    folder = EVAL / "dev17"
    sources = ht.read_sources(folder / "sources.csv")
    texts = {
        row.source_id: (folder / row.path).read_text(encoding="utf-8")
        for row in sources.itertuples()
    }
    first, second = ht.read(folder / "claims.csv"), ht.read(folder / "second_annotation.csv")
    for claim in second:
        assert claim.span is not None, claim.claim_id
        assert claim.span.matches(texts[str(claim.source_id)]), claim.claim_id
    # two careful annotations of the same texts under the same conventions: the ceiling an
    # extractor scored against either can reach (see tests/data/eval/README.md)
    agreement = evaluate(second, first)
    assert agreement.f1 >= 0.95, str(agreement)
    assert agreement.accuracy("period") >= 0.9, str(agreement)

"""The Dask path gives what the pandas path gives, on a local cluster of two worker processes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import distributed
import pandas as pd
import pytest

import humtrack as ht
import humtrack.dask as hd
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as running:
        yield running
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The seed articles and the evaluation texts, 50-odd files."""
    folder = tmp_path_factory.mktemp("corpus")
    files = sorted(SEEDS.glob("*.txt")) + sorted(Path("tests/data/eval").glob("*/*.txt"))
    copies = []
    for i, path in enumerate(files):
        target = folder / f"{i:03d}_{path.name}"
        shutil.copy(path, target)
        copies.append(target)
    return copies


def test_extraction_over_a_corpus_matches_pandas(client: object, corpus: list[Path]) -> None:
    frame = hd.extract_corpus(corpus)
    assert frame.npartitions == len(corpus)
    found = frame.compute().reset_index(drop=True)
    expected = ht.extract_files(corpus).frame
    pd.testing.assert_frame_equal(ht.ClaimSet(found).frame, expected)


def test_validate_check_and_triangulate_match_pandas(client: object) -> None:
    import dask.dataframe as dd

    # the seeds with planted problems, several times over, in five partitions
    base = ht.read(SEEDS / "claims.csv").frame
    copies = []
    for i in range(6):
        copy = base.copy()
        copy["claim_id"] = copy["claim_id"] + f"-{i}"
        copy["value"] = copy["value"] * (1 + i % 3)
        copy["lower"] = copy["lower"] * (1 + i % 3)
        copy["upper"] = copy["upper"] * (1 + i % 3)
        copies.append(copy)
    claims = pd.concat(copies, ignore_index=True)
    parts = dd.from_pandas(claims, npartitions=5)

    assert hd.validate(parts).ok
    raw = claims.astype(object)
    raw.loc[3, "value"] = "-1"
    report = hd.validate(dd.from_pandas(raw, npartitions=5))
    assert report.invalid_rows == ht.validate(raw).invalid_rows == [3]

    expected = hd.sorted_findings(ht.check(claims))
    got = hd.check(parts)
    assert len(expected) > 0
    pd.testing.assert_frame_equal(got.frame, expected.frame)

    pd.testing.assert_frame_equal(hd.triangulate(parts), ht.triangulate(claims))

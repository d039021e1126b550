"""Extraction over a corpus: pandas path (one process) against Dask on two local workers.

    python tests/benchmarks/bench_dask.py [MEGABYTES] [FILES]

Builds a corpus of FILES text files (default 200) adding up to MEGABYTES of
text (default 200) from the seed articles and the evaluation texts, then
extracts it with :func:`humtrack.extract_files` and with
:func:`humtrack.dask.extract_corpus` on a ``LocalCluster`` of two worker
processes (its start-up timed apart). Run on demand; it takes minutes.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from smoke import smoke

import humtrack as ht
import humtrack.dask as hd

ROOT = Path(__file__).resolve().parents[2]


def corpus(folder: Path, megabytes: float, files: int) -> list[Path]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("seeds/*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("tests/data/eval/*/*.txt"))]
    per_file = int(megabytes * 1_000_000 / files)
    paths = []
    for i in range(files):
        chunks, size, j = [], 0, i
        while size < per_file:
            chunk = texts[j % len(texts)]
            chunks.append(chunk)
            size += len(chunk.encode("utf-8"))
            j += 1
        path = folder / f"{i:04d}.txt"
        path.write_text("\n\n".join(chunks), encoding="utf-8")
        paths.append(path)
    return paths


def main(megabytes: float, files: int) -> None:
    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        paths = corpus(Path(tmp), megabytes, files)
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(f"humtrack {ht.__version__}: {len(paths)} files, {size:.1f} MB of text")
        t0 = time.perf_counter()
        expected = ht.extract_files(paths)
        pandas_seconds = time.perf_counter() - t0
        print(
            f"  pandas path (one process)      {pandas_seconds:8.1f} s  ({len(expected):,} claims)"
        )
        t0 = time.perf_counter()
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
        start = time.perf_counter() - t0
        t0 = time.perf_counter()
        found = hd.extract_corpus(paths).compute()
        dask_seconds = time.perf_counter() - t0
        print(f"  Dask, 2 workers: start-up      {start:8.1f} s")
        print(f"  Dask, 2 workers: extraction    {dask_seconds:8.1f} s  ({len(found):,} claims)")
        if len(found) != len(expected):
            # the workers import humtrack afresh: code changed during the run gives other claims
            raise SystemExit(
                f"the two paths disagree ({len(found):,} vs {len(expected):,} claims): was "
                "humtrack changed while the benchmark ran?"
            )
        client.close()
        cluster.close()


if __name__ == "__main__":
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 200.0
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    main(megabytes / 1000 if smoke() else megabytes, 2 if smoke() else files)

#!/usr/bin/env python3
"""The Dask engine against the local engine on a generated corpus (issue 10: "the same report as
local on a 1k corpus"); a long run, so a tool rather than a test (the suite compares them on
the fixtures and 70 generated articles: tests/test_dask_engine.py).

    nice -n 15 .venv/bin/python tools/dask_compare.py                 # 1,000 articles, LocalCluster
    .venv/bin/python tools/dask_compare.py --articles 200 --workers 2
    .venv/bin/python tools/dask_compare.py --scheduler tcp://HOST:8786  # a real cluster

For the corpus (benchmarks/gen_articles.py, --seed) it builds the report twice in this
process, `pipeline.analyse(paths)` (local engine, --jobs) and `pipeline.analyse(paths,
engine="dask")` (extraction over partitions, reconciliation as a group-by on unit keys), and
compares the report JSON byte for byte; then it ingests the corpus into two stores, locally and
on Dask, and compares every stored row.  It prints the wall and CPU time of each run (the CPU
of this process only: the Dask workers are other processes) and exits 1 on any difference,
printing the first differing line.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _timed(label: str, fn):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    print(f"{label}: {time.perf_counter() - wall:.1f} s wall, {time.process_time() - cpu:.1f} s CPU (this process)",
          flush=True)
    return out


def _rows(db: Path) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return (conn.execute("SELECT id, sha256, claim_count, fingerprint FROM documents ORDER BY id").fetchall()
                + conn.execute("SELECT * FROM claims ORDER BY doc_id, seq").fetchall())


def _first_difference(a: str, b: str) -> str:
    for line in difflib.unified_diff(a.splitlines(), b.splitlines(), "local", "dask", n=0, lineterm=""):
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---")):
            return line[:300]
    return "(no line differs: lengths differ)"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (no --scheduler)")
    ap.add_argument("--scheduler", default=None, help="a running scheduler's address instead of a LocalCluster")
    ap.add_argument("--jobs", type=int, default=1, help="local engine processes")
    ap.add_argument("--no-ingest", action="store_true", help="compare the reports only")
    args = ap.parse_args(argv)

    import distributed

    from crosscheck import pipeline
    from crosscheck.report.json import render_json
    from crosscheck.store.sqlite_store import ingest
    from gen_articles import write_jsonl

    work = Path(tempfile.mkdtemp(prefix="crosscheck-dask-compare-"))
    corpus = work / "corpus.jsonl"
    write_jsonl(corpus, args.articles, args.seed)
    print(f"corpus: {args.articles} generated articles (seed {args.seed}), {corpus.stat().st_size / 1e6:.1f} MB")

    if args.scheduler:
        client = distributed.Client(args.scheduler)
        cluster = None
    else:
        cluster = distributed.LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
        client = distributed.Client(cluster)
    failed = False
    try:
        local = _timed("report, local engine", lambda: render_json(pipeline.analyse([str(corpus)], jobs=args.jobs).report()))
        on_dask = _timed("report, dask engine", lambda: render_json(
            pipeline.analyse([str(corpus)], engine="dask", scheduler=client).report()))
        clusters = len(json.loads(local)["clusters"])
        if local == on_dask:
            print(f"report.json: identical ({len(local) / 1e6:.1f} MB, {clusters} clusters)")
        else:
            failed = True
            print(f"report.json: DIFFERENT; first difference: {_first_difference(local, on_dask)}")
        if not args.no_ingest:
            a, b = work / "local.db", work / "dask.db"
            _timed("ingest, local engine", lambda: ingest([str(corpus)], a, jobs=args.jobs))
            _timed("ingest, dask engine", lambda: ingest([str(corpus)], b, engine="dask", scheduler=client))
            ra, rb = _rows(a), _rows(b)
            if ra == rb:
                print(f"store: identical ({len(ra)} rows)")
            else:
                failed = True
                print(f"store: DIFFERENT ({len(ra)} rows local, {len(rb)} on dask)")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

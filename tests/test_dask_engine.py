"""The Dask engine on a distributed.LocalCluster with two worker processes: the same report and
the same store as the local engine, with the rules shipped to the workers."""

from __future__ import annotations

import json
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from crosscheck import pipeline  # noqa: E402
from crosscheck.engine.dask import RulesBundle  # noqa: E402
from crosscheck.report.json import render_json  # noqa: E402
from crosscheck.store.sqlite_store import analyse_store, ingest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from gen_articles import generate  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dask") / "gen.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in generate(70, seed=9)),
                    encoding="utf-8")
    return path


def test_report_on_dask_is_the_local_report(client, corpus):
    paths = [str(ROOT / "fixtures"), str(corpus)]
    local = pipeline.analyse(paths)
    on_dask = pipeline.analyse(paths, engine="dask", scheduler=client)
    assert len(local.clusters) > 50
    assert render_json(on_dask.report()) == render_json(local.report())
    # both workers did some of the work
    assert len(client.scheduler_info()["workers"]) == 2


def _dump(db: Path) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return (conn.execute("SELECT id, sha256, claim_count, fingerprint FROM documents ORDER BY id").fetchall()
                + conn.execute("SELECT * FROM claims ORDER BY doc_id, seq").fetchall())


def test_ingest_on_dask_stores_what_the_local_engine_stores(client, corpus, tmp_path):
    local, on_dask = tmp_path / "local.db", tmp_path / "dask.db"
    ingest([str(corpus)], local)
    result = ingest([str(corpus)], on_dask, engine="dask", scheduler=client)
    assert result.claims_written > 500
    assert _dump(local) == _dump(on_dask)
    a = analyse_store(local)
    b = analyse_store(on_dask, engine="dask", scheduler=client)
    assert render_json(a.report()) == render_json(b.report())


def test_workers_read_the_rules_shipped_to_them(client):
    bundle = RulesBundle.from_dir()
    dirs = client.run(lambda: bundle.local_dir())
    assert len(dirs) == 2
    for d in dirs.values():
        shipped = sorted(str(p.relative_to(d)) for p in Path(d).rglob("*.yaml"))
        assert shipped == [name for name, _data in bundle.files]
    assert any(name.startswith("kinds/") for name, _ in bundle.files)

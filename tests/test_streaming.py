"""Streaming and the process pool: lazy inputs, bounded work in flight, output of any --jobs
identical to --jobs 1 (extract and ingest)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus_support import generated_corpus
from crosscheck.cli import app
from crosscheck.engine.local import BATCH, WINDOW_PER_JOB, map_documents, resolve_jobs
from crosscheck.errors import InputError
from crosscheck.models import Document
from crosscheck.store.sqlite_store import ingest
from crosscheck.text.documents import DocumentSource

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _corpus(tmp_path: Path, n: int = 24) -> Path:
    return generated_corpus(tmp_path, n, seed=3, name="corpus.jsonl")


def test_jsonl_is_read_lazily_one_line_at_a_time(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "a", "text": "نص أول"}\n{"id": "b", "text": "نص ثان"}\nnot json\n', encoding="utf-8")
    it = iter(DocumentSource([f]))
    assert next(it).id == "a" and next(it).id == "b"  # yielded before the bad line is read
    with pytest.raises(InputError, match=r"a.jsonl:3: bad JSON"):
        next(it)


def test_a_source_can_be_read_twice_and_counts_its_documents(tmp_path):
    f = _corpus(tmp_path, 5)
    src = DocumentSource([f, "-"], stdin='{"id": "s", "text": "نص"}\n')
    assert src.count() == 6
    assert [d.id for d in src] == [d.id for d in src]


def _doc_len(doc: Document) -> int:
    return len(doc.text)


def test_the_pool_keeps_a_bounded_window_in_flight_and_the_input_order():
    pulled = 0

    def docs():
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield Document(id=f"d{i}", text="x" * (i + 1))

    it = map_documents(_doc_len, docs(), jobs=2)
    first = next(it)
    assert first[0].id == "d0" and first[1] == 1
    assert pulled <= 2 * WINDOW_PER_JOB * BATCH + BATCH  # not the whole input
    rest = list(it)
    assert [r for _d, r in rest] == list(range(2, 201))


def test_jobs_must_be_positive():
    assert resolve_jobs(3) == 3 and resolve_jobs(0) >= 1
    with pytest.raises(InputError, match="--jobs"):
        resolve_jobs(-1)


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_extract_output_with_two_jobs_is_identical_to_one(tmp_path, fmt):
    corpus = _corpus(tmp_path)
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}.{fmt}"
        r = runner.invoke(app, ["extract", "--format", fmt, "--jobs", jobs, str(corpus), str(ROOT / "fixtures"),
                                "--out", str(out)])
        assert r.exit_code == 0, r.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    records = [json.loads(line) for line in outs[0].decode().splitlines()] if fmt == "jsonl" else json.loads(outs[0])
    assert len(records) > 24 * 10  # the generated articles are dense in figures
    assert [r["doc"] for r in records] == sorted((r["doc"] for r in records),
                                                 key=[r["doc"] for r in records].index)


def test_extract_checks_every_input_before_writing(tmp_path):
    corpus = _corpus(tmp_path, 4)
    bad = tmp_path / "z.jsonl"
    bad.write_text('{"id": "z1", "text": "نص"}\n{"id": 5\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = runner.invoke(app, ["extract", "--format", "jsonl", "--jobs", "2", str(corpus), str(bad)])
    assert r.exit_code == 2 and "z.jsonl:2" in r.output
    assert '"doc"' not in r.output  # nothing of the good file was printed
    r = runner.invoke(app, ["extract", "--format", "jsonl", str(corpus), str(bad), "--out", str(out)])
    assert r.exit_code == 2 and not out.exists()


def _dump(db: Path) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        docs = conn.execute("SELECT id, sha256, text, claim_count FROM documents ORDER BY id").fetchall()
        claims = conn.execute('SELECT doc_id, seq, kind, start, "end", surface, data FROM claims ORDER BY doc_id, seq').fetchall()
    return docs + claims


def test_ingest_with_two_jobs_stores_what_one_job_stores(tmp_path):
    corpus = _corpus(tmp_path, 30)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    r1 = ingest([str(corpus)], one, jobs=1)
    r2 = ingest([str(corpus)], two, jobs=2)
    assert r1.claims_written == r2.claims_written > 300
    assert _dump(one) == _dump(two)
    again = ingest([str(corpus)], two, jobs=2)
    assert len(again.unchanged) == 30 and again.claims_written == 0

"""The indexed store: block and unit keys per claim, and `check` loading only the units the
new article touches, with the same findings as a check against the whole record."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from corpus_support import generated_corpus
from crosscheck.ci.check import run_check
from crosscheck.config import Settings
from crosscheck.models import Document
from crosscheck.reconcile.grouping import claim_keys
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.store.sqlite_store import ingest, load_from_store, load_units

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "fixtures").glob("*.txt"))


def _corpus(tmp_path: Path, n: int = 40) -> Path:
    return generated_corpus(tmp_path, n, seed=21, name="gen.jsonl")


def test_every_stored_claim_has_the_keys_grouping_uses(tmp_path):
    db = tmp_path / "s.db"
    ingest([str(p) for p in FIXTURES], db)
    documents, claims = load_from_store(db)
    with closing(sqlite3.connect(db)) as conn:
        stored = conn.execute("SELECT doc_id, block_key, unit_key FROM claims ORDER BY doc_id, seq").fetchall()
        plans = " ".join(r[3] for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT doc_id FROM claims WHERE unit_key = 'x'"))
    expected = []
    for d in documents:
        expected += [(d.id, b, u) for b, u in claim_keys([c for c in claims if c.doc == d.id])]
    assert stored == expected
    assert "claims_unit" in plans  # the unit key is indexed
    # every cluster's block key is the stored block key of its claims
    by_claim = {(c.doc, c.start, c.end, c.kind, c.actor): b for c, (_d, b, _u) in zip(claims, stored)}
    clusters = reconcile(claims, documents)
    checked = 0
    for cl in clusters:
        if cl.kind == "other":
            continue
        for c in cl.claims:
            if "period" not in c.inferred and not any("joined the only matching" in n for n in cl.notes):
                assert by_claim[(c.doc, c.start, c.end, c.kind, c.actor)] == cl.block_key
                checked += 1
    assert checked > 10


def _key(f):
    return (f.level, f.cluster.id, f.claim.doc, f.claim.start, f.cluster.status, f.cluster.severity)


def test_check_by_units_finds_what_the_whole_record_finds(tmp_path):
    corpus = _corpus(tmp_path)
    db = tmp_path / "s.db"
    ingest([str(corpus), *map(str, FIXTURES)], db)
    new = tmp_path / "new.md"
    # a new article: one of the fixtures with its toll changed, under another id
    text = FIXTURES[0].read_text(encoding="utf-8")
    new.write_text("---\nid: new-one\ndate: 2024-03-26\n---\n" + text.replace("32", "41"), encoding="utf-8")
    settings = Settings(fail_on="warning")
    by_units = run_check([str(new)], store=str(db), settings=settings)
    whole = run_check([str(new)], against=[str(corpus), *map(str, FIXTURES)], settings=settings)
    assert [_key(f) for f in by_units.findings] == [_key(f) for f in whole.findings]
    assert by_units.findings  # the changed toll conflicts with the record
    assert by_units.record_count == whole.record_count == 45
    # and it loaded only part of the record
    new_doc = Document(id="new-one", text=new.read_text(encoding="utf-8").split("---\n", 2)[2])
    from crosscheck.extract.extractor import extract

    units = {u for _b, u in claim_keys(extract(new_doc))}
    docs, claims, _sources = load_units(db, units, [new_doc])
    everything = load_from_store(db)[1]
    assert 0 < len(claims) < len(everything)


def test_check_with_a_baseline_loads_only_the_touched_units(tmp_path, monkeypatch):
    """--baseline no longer sends check to the whole record: the same findings, suppressed
    findings and stale entries about the new article, with fewer claims loaded (counted)."""
    from crosscheck.ci.check import create_baseline
    from crosscheck.store import sqlite_store

    corpus = _corpus(tmp_path, 24)
    db = tmp_path / "s.db"
    ingest([str(corpus), *map(str, FIXTURES)], db)
    base = tmp_path / "b.json"
    from crosscheck.ci.baseline import write_baseline

    write_baseline(create_baseline(store=str(db), settings=Settings(fail_on="warning")), base)
    # the new article: fixture 002 (already in the record, its conflicts accepted), and its toll
    # changed in fixture 001 (a new conflict, and its accepted entry stale)
    text = FIXTURES[1].read_text(encoding="utf-8")
    new = tmp_path / FIXTURES[1].name
    new.write_text(text.replace("100", "90"), encoding="utf-8")
    loaded = []
    real = sqlite_store.load_units

    def counting(*args, **kwargs):
        out = real(*args, **kwargs)
        loaded.append(len(out[1]))
        return out

    monkeypatch.setattr(sqlite_store, "load_units", counting)
    settings = Settings(fail_on="warning")
    by_units = run_check([str(new)], store=str(db), baseline=str(base), settings=settings)
    whole = run_check([str(new)], against=[str(corpus), *map(str, FIXTURES)], baseline=str(base), settings=settings)
    assert loaded and loaded[0] < len(load_from_store(db)[1])
    assert [_key(f) for f in by_units.findings] == [_key(f) for f in whole.findings]
    assert [_key(f) for f in by_units.suppressed] == [_key(f) for f in whole.suppressed]
    assert by_units.suppressed
    new_stale = [k for k in whole.stale if k[1] == FIXTURES[1].stem]
    assert new_stale and [k for k in by_units.stale if k[1] == FIXTURES[1].stem] == new_stale
    assert set(by_units.stale) <= set(whole.stale)

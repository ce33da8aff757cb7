"""ingest keeps each document's claims prepared for reconciliation (crosscheck.store.prepared):
`report --store` and the judged state's build read them instead of preparing every document
again, with the same bytes; rows of another version, or missing, are prepared as before
(counted, not timed)."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from contextlib import closing

import pytest

from crosscheck.ci.check import reconcile_config
from crosscheck.config import Settings
from crosscheck.store import judged, prepared
from crosscheck.store.from_state import write_reports
from crosscheck.store.sqlite_store import ingest
from store_support import FILES, FORMATS, ingest_named, ARTICLES, ROOT, private_rules  # noqa: F401

sys.path.insert(0, str(ROOT / "benchmarks"))
from gen_articles import write_jsonl  # noqa: E402


_DATED = [  # dated by metadata, by the dateline, and not at all; one without a figure
    ("p-01", "2024-05-01", "وكالة", "قالت السلطات إن 100 شخص قتلوا في الفيضانات في باكستان."),
    ("p-02", None, "إذاعة", "كراتشي، 2 مايو 2024 - لقي 70 شخصا حتفهم في الفيضانات في كراتشي."),
    ("p-03", None, "قناة", "وفي لاهور قتل 50 شخصا في الفيضانات بحسب مسؤولين محليين."),
    ("p-04", "2024-05-02", "صحيفة", "هدأت الأمطار في المدينة صباح اليوم."),
]


def write_articles(root, rows) -> list[str]:
    """(id, date or None, source, text) rows as front-matter articles under root; their paths."""
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc_id, when, source, text in rows:
        p = root / f"{doc_id}.md"
        dated = f"date: {when}\n" if when else ""
        p.write_text(f"---\nid: {doc_id}\n{dated}source: {source}\n---\n{text}\n", encoding="utf-8")
        paths.append(str(p))
    return paths


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """Stores of the fixtures, of generated articles and of dated front-matter articles."""
    root = tmp_path_factory.mktemp("prepared")
    corpus = root / "gen.jsonl"
    write_jsonl(corpus, 12, 9)
    return ingest_named(root, (("fixtures", [str(p) for p in ARTICLES]), ("generated", [str(corpus)]),
                                ("dated", write_articles(root, _DATED))))


def _preparing(monkeypatch) -> list[int]:
    """Documents prepared (reconciler.prepare_claims calls, one per document in pass 1), and
    unit keys worked out (grouping.unit_key calls: ingest keeps each member's)."""
    from crosscheck.reconcile import grouping, reconciler

    calls = [0, 0]
    real, real_key = reconciler.prepare_claims, grouping.unit_key

    def counted(*a, **k):
        calls[0] += 1
        return real(*a, **k)

    def keyed(*a, **k):
        calls[1] += 1
        return real_key(*a, **k)

    monkeypatch.setattr(reconciler, "prepare_claims", counted)
    monkeypatch.setattr(grouping, "unit_key", keyed)
    return calls


def _copy(db, tmp_path, name):
    dest = tmp_path / name
    shutil.copy(db, dest)
    return dest


def _report(db, out):
    done = write_reports(db, out, FORMATS, judged=False)
    return {f: (out / f).read_bytes() for f in FILES}, done.stats


def _sql(db, statement, params=()):
    with closing(sqlite3.connect(db)) as conn:
        conn.execute(statement, params)
        conn.commit()


def test_ingest_keeps_every_document_prepared_with_the_current_version(stores):
    from crosscheck.ruleset.loader import load_rules

    wanted = prepared.version(reconcile_config(Settings()), load_rules().version)
    for db in stores.values():
        with closing(sqlite3.connect(db)) as conn:
            docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            rows = conn.execute("SELECT version, COUNT(*) FROM prepared GROUP BY version").fetchall()
        assert docs > 0 and rows == [(wanted, docs)]


@pytest.mark.parametrize("name", ["fixtures", "generated", "dated"])
def test_a_report_reads_the_kept_preparations_with_the_same_bytes(stores, tmp_path, monkeypatch, name):
    calls = _preparing(monkeypatch)
    kept, stats = _report(stores[name], tmp_path / "kept")
    assert calls == [0, 0] and stats.prepared_documents == stats.documents > 0
    bare = _copy(stores[name], tmp_path, "bare.db")
    _sql(bare, "DROP TABLE prepared")  # a store ingested before the table
    again, stats2 = _report(bare, tmp_path / "again")
    assert calls == [stats2.documents, stats2.claims] and stats2.prepared_documents == 0
    assert kept == again


def test_rows_of_another_version_or_missing_are_prepared_again(stores, tmp_path, monkeypatch):
    db = _copy(stores["generated"], tmp_path, "mixed.db")
    with closing(sqlite3.connect(db)) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
    _sql(db, "UPDATE prepared SET version = 'other code' WHERE doc_id = ?", (ids[0],))
    _sql(db, "DELETE FROM prepared WHERE doc_id = ?", (ids[-1],))
    calls = _preparing(monkeypatch)
    mixed, stats = _report(db, tmp_path / "mixed")
    assert calls[0] == 2 and stats.prepared_documents == len(ids) - 2
    plain, _ = _report(stores["generated"], tmp_path / "plain")
    assert mixed == plain


def test_the_version_names_the_code_the_rules_and_the_settings():
    cfg = reconcile_config(Settings())
    assert prepared.version(cfg, "a") != prepared.version(cfg, "b")
    other = cfg.model_copy(update={"story_window_days": cfg.story_window_days + 1})
    assert prepared.version(cfg, "a") != prepared.version(other, "a")
    assert prepared.code_digest() in prepared.version(cfg, "a")


def test_the_judged_state_built_from_kept_preparations_is_the_same(stores, tmp_path):
    cfg = reconcile_config(Settings())
    states = []
    for name, drop in (("kept.db", False), ("bare.db", True)):
        db = _copy(stores["generated"], tmp_path, name)
        if drop:
            _sql(db, "DROP TABLE prepared")
        judged.build_state(db, cfg)
        with closing(sqlite3.connect(db)) as conn:
            states.append([conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                           for t in ("judged_members", "judged_sigs", "judged_clusters", "judged_docs")])
    assert states[0] == states[1] and states[0][0]


def test_a_changed_document_replaces_its_preparation_in_its_transaction(stores, tmp_path):
    articles = write_articles(tmp_path / "a", _DATED[:2])
    db = tmp_path / "changed.db"
    ingest(articles, db)
    with closing(sqlite3.connect(db)) as conn:
        before = dict(conn.execute("SELECT doc_id, data FROM prepared"))
    edited = [(i, d, s, t.replace("70", "80")) for i, d, s, t in _DATED[:2]]
    ingest(write_articles(tmp_path / "a", edited), db)
    with closing(sqlite3.connect(db)) as conn:
        after = dict(conn.execute("SELECT doc_id, data FROM prepared"))
        docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert len(after) == docs == 2
    changed = [k for k in after if after[k] != before[k]]
    assert len(changed) == 1 and "80".encode() in __import__("zlib").decompress(after[changed[0]])


def test_a_document_whose_preparation_fails_keeps_no_row_and_the_report_meets_the_error(monkeypatch):
    from crosscheck.models import Document

    def broken(*a, **k):
        raise ValueError("a date the reconciler cannot read")

    from crosscheck.reconcile import reconciler

    monkeypatch.setattr(reconciler, "prepare_claims", broken)
    cfg = reconcile_config(Settings())
    doc = Document(id="x", text="قتل 5 أشخاص.")
    assert prepared.prepare(doc, [], cfg) is None


def test_rules_other_than_those_in_force_keep_no_row(private_rules, tmp_path):
    """Pass 1 places claims with the hierarchy of the rules in force: a preparation with
    rules from elsewhere (a Dask worker's shipped copy) is not kept."""
    from crosscheck.models import Document

    cfg = reconcile_config(Settings())
    doc = Document(id="x", text="قتل 5 أشخاص في باكستان.")
    other = tmp_path / "shipped"
    shutil.copytree(private_rules, other)
    assert prepared.prepare(doc, [], cfg, str(private_rules)) is not None
    assert prepared.prepare(doc, [], cfg, str(other)) is None

"""Shared set-up for the claim-store and check tests (imported by their modules).

`private_rules` is an autouse, module-scoped fixture once a test module imports it: each module
works on a private copy of rules/, so that editing the rules elsewhere cannot make a store built
in the module stale halfway through it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosscheck.cli import app
from crosscheck.ruleset.loader import DEFAULT_RULES_DIR

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
ARTICLES = sorted(FIXTURES.glob("*.txt"))
runner = CliRunner()

# the report formats a store's reports are written in, and their files (compared byte for byte)
FORMATS = ("md", "html", "json", "jsonl")
FILES = ("report.md", "report.html", "report.json", "report.jsonl")


def ingest_named(root: Path, named) -> dict[str, Path]:
    """A freshly ingested store `root/<name>.db` for each (name, inputs) pair."""
    from crosscheck.store.sqlite_store import ingest

    made = {}
    for name, inputs in named:
        db = root / f"{name}.db"
        ingest(inputs, db)
        made[name] = db
    return made


def generated_corpus(root: Path, articles: int, seed: int = 11) -> Path:
    """`articles` generated articles (benchmarks/gen_articles.py, from `seed`) as `root/gen.jsonl`."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_articles import write_jsonl

    corpus = root / "gen.jsonl"
    write_jsonl(corpus, articles, seed)
    return corpus


@pytest.fixture(autouse=True, scope="module")
def private_rules(tmp_path_factory):
    """A private copy of rules/ for the whole test module (see the module docstring)."""
    private = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, private)
    patch = pytest.MonkeyPatch()
    patch.setenv("CROSSCHECK_RULES", str(private))
    yield private
    patch.undo()


# The fixtures' conflicts are soft ("more than 100" against "about 200"): the check tests that
# exercise failing runs ask for every conflict to fail.
SOFT = ("--fail-on", "soft")


def run(*args):
    """Invoke the CLI with every argument as a string."""
    return runner.invoke(app, [str(a) for a in args])


def article(prefix: str) -> Path:
    """The fixture article whose file name starts with `prefix` (e.g. "003")."""
    (path,) = FIXTURES.glob(f"{prefix}_*.txt")
    return path


def check_out_of_date_state(db: Path, tmp_path: Path, doc_id: str, fixture: Path):
    """Check a dated copy of `fixture` (as `doc_id`) against the store `db` whose judged state is
    out of date: a check that may not build falls back to the whole record; the next one
    rebuilds the state and uses it.  Returns that check's stats."""
    from crosscheck.ci.check import _extract, reconcile_config
    from crosscheck.config import Settings
    from crosscheck.store import judged
    from crosscheck.text.documents import load_documents

    cfg = reconcile_config(Settings())
    new = tmp_path / f"{doc_id}.md"
    new.write_text(f"---\nid: {doc_id}\ndate: 2024-03-28\n---\n" + fixture.read_text(encoding="utf-8"),
                   encoding="utf-8")
    docs = load_documents([str(new)])
    claims = _extract(docs, Settings())
    _found, stats = judged.check_against_state(db, docs, claims, cfg, build=False)
    assert stats.fallback == "no current judged state"
    _found, stats = judged.check_against_state(db, docs, claims, cfg)
    assert stats.built and not stats.fallback
    return stats


def write_articles(root, rows) -> list[str]:
    """(id, date, source, text) rows written as front-matter articles under root; their paths."""
    paths = []
    for doc_id, date, source, text in rows:
        p = Path(root) / f"{doc_id}.md"
        p.write_text(f"---\nid: {doc_id}\ndate: {date}\nsource: {source}\n---\n{text}\n", encoding="utf-8")
        paths.append(str(p))
    return paths


def check_adds_missing_index(db, new, table: str, order: str, missing: str) -> list:
    """A current judged state without the index `table` (dropped here): a check that may not add
    it (build=False: a read-only store) falls back with the reason `missing`; a check that may
    adds it again with the same rows (ordered by `order`), without judging the record again.
    The rows kept before the drop are returned."""
    import sqlite3
    from contextlib import closing

    from crosscheck.ci.check import _extract, reconcile_config
    from crosscheck.config import Settings
    from crosscheck.store import judged
    from crosscheck.text.documents import load_documents

    with closing(sqlite3.connect(db)) as conn:
        kept = conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
        conn.execute(f"DROP TABLE {table}")
        conn.commit()
    cfg = reconcile_config(Settings())
    docs = load_documents([str(new)])
    claims = _extract(docs, Settings())
    found, stats = judged.check_against_state(db, docs, claims, cfg, build=False)
    assert found is None and stats.fallback == missing, stats
    found, stats = judged.check_against_state(db, docs, claims, cfg)
    assert found is not None and not stats.built and not stats.fallback, stats
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall() == kept
    return kept


def both_ways(d: Path, stored: list[Path], new: Path):
    """`check` of `new` against a store of `stored` (judged state built first) and against the
    same articles given whole, and the judged-state check's work: (fast, whole, stats)."""
    from crosscheck.ci.check import _extract, reconcile_config, run_check
    from crosscheck.config import Settings
    from crosscheck.store import judged
    from crosscheck.store.sqlite_store import ingest
    from crosscheck.text.documents import load_documents

    db = d / "s.db"
    ingest([str(p) for p in stored], db)
    cfg = reconcile_config(Settings())
    judged.ensure_state(db, cfg)
    docs = load_documents([str(new)])
    _found, stats = judged.check_against_state(db, docs, _extract(docs, Settings()), cfg, build=False)
    settings = Settings(fail_on="warning")
    fast = run_check([str(new)], store=str(db), settings=settings)
    whole = run_check([str(new)], against=[str(p) for p in stored], settings=settings)
    return fast, whole, stats


def judging(monkeypatch) -> list[int]:
    """Counts the groups judged (reconciler.judge_groups, as the streamed pass calls it): the
    one-item list a test bounds."""
    from counting_support import count_calls
    from crosscheck.reconcile import reconciler

    return count_calls(monkeypatch, reconciler, "judge_groups", weigh=lambda groups, *a, **k: len(groups))


def report_files(out) -> dict[str, bytes]:
    """The bytes of each report file (`FILES`) written under `out`."""
    return {f: (out / f).read_bytes() for f in FILES}


def dated_article(d: Path, name: str, source: str, body: str, date: str = "2024-05-01") -> Path:
    """An article file with its id, date and source in front matter."""
    p = d / f"{name}.md"
    p.write_text(f"---\nid: {name}\ndate: {date}\nsource: {source}\n---\n{body}\n", encoding="utf-8")
    return p


def finding_key(f) -> tuple:
    """Everything a check finding tells, to compare `check --store` with a check of the whole record."""
    return (f.level, f.rule_id, f.cluster.id, f.claim.doc, f.claim.start, f.cluster.status, f.cluster.severity,
            f.cluster.strength, f.cluster.cause, f.item, f.message(limit=1000),
            [(c.doc, c.start, c.outlier) for c in f.others], f.cluster.notes, f.cluster.ambiguous)


def together(findings, docs: set) -> bool:
    """Some finding's cluster holds a claim of every one of `docs`."""
    return any(docs <= {c.doc for c in f.cluster.claims} for f in findings)

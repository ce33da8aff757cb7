"""`check --store` finds captives still held above those taken less those freed
(reconcile.captives: `captives_exceed_taken`) as `check --against` and `report` on the whole
record do.  The stories are those of tests/test_captives_ledger.py (own examples)."""

from __future__ import annotations

from pathlib import Path

from store_support import check_adds_missing_index, private_rules  # noqa: F401  (autouse: a private copy of rules/)
from test_captives_ledger import FIRST, SECOND_BAD, SECOND_OK, TAKEN
from crosscheck.ci.check import _extract, reconcile_config, run_check
from crosscheck.config import Settings
from crosscheck.reconcile.inconsistencies import find_inconsistencies
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.store import judged
from crosscheck.store.sqlite_store import ingest
from crosscheck.text.documents import load_documents

RULE = "inconsistency-captives-exceed-taken"


def _key(inc) -> tuple:
    return (inc.id, inc.type, inc.strength, inc.clusters, inc.explanation,
            sorted((c.doc, c.start, c.kind, c.value) for c in inc.claims))


def _cites(incs, docs: set[str]) -> list[tuple]:
    return sorted(_key(i) for i in incs if any(c.doc in docs for c in i.claims))


def _record(d: Path, articles: tuple[tuple[str, str], ...] | None = None) -> tuple[Path, list[Path]]:
    """A store of `articles` (name, text; the Nigerian story's first two by default) with its
    judged state built."""
    stored = []
    for name, text in articles or (("w1", TAKEN), ("w2", FIRST)):
        p = d / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        stored.append(p)
    db = d / "s.db"
    ingest([str(p) for p in stored], db)
    judged.ensure_state(db, reconcile_config(Settings()))
    return db, stored


def _new(d: Path, text: str) -> Path:
    p = d / "new" / "w3.txt"
    p.parent.mkdir(exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p



def _found_as_report_finds(db, stored, new, cfg, doc):
    """The store check of `new` takes the shortcut (no fallback), and its inconsistencies citing
    `doc` are report's on the stored articles and `new` together, a captives one among them."""
    docs = load_documents([str(new)])
    found, stats = judged.check_against_state(db, docs, _extract(docs, Settings()), cfg, build=False)
    assert found is not None and not stats.fallback, stats
    fast = find_inconsistencies(found.clusters, cfg, tallies=found.tallies, moments_of={doc})
    union = load_documents([str(p) for p in [*stored, new]])
    report = build_report(union, reconcile(_extract(union, Settings()), union, cfg), cfg)
    expected = _cites(report.inconsistencies, {doc})
    assert [k for k in expected if k[1] == "captives_exceed_taken"], expected
    assert _cites(fast, {doc}) == expected
    return found, stats


def _check_store_as_against(db, stored, new):
    """`check --store` gives the findings of `check --against` the stored articles, the captives
    rule among them."""
    settings = Settings(fail_on="warning")
    quick = run_check([str(new)], store=str(db), settings=settings)
    whole = run_check([str(new)], against=[str(p) for p in stored], settings=settings)
    rules = lambda r: sorted((f.rule_id, f.claim.doc, f.claim.start, f.message(limit=1000)) for f in r.findings)
    assert rules(quick) == rules(whole)
    assert RULE in {f.rule_id for f in quick.findings}

def test_a_new_held_figure_above_taken_less_freed_is_found_as_report_finds_it(tmp_path):
    """22 still held (new) + 10 freed > 30 taken (stored), and 26 held (stored) - 6 freed since
    < 22: the check's inconsistencies citing the new article are report's on the whole record,
    and `check --store` gives the findings of `check --against`."""
    db, stored = _record(tmp_path)
    new = _new(tmp_path, SECOND_BAD)
    cfg = reconcile_config(Settings())
    found, stats = _found_as_report_finds(db, stored, new, cfg, "w3")
    _check_store_as_against(db, stored, new)


def test_figures_that_add_up_give_no_finding_from_the_store(tmp_path):
    db, _stored = _record(tmp_path)
    ok = run_check([str(_new(tmp_path, SECOND_OK))], store=str(db), settings=Settings(fail_on="warning"))
    assert RULE not in {f.rule_id for f in ok.findings}


# a story told in a known place (Kaduna), and a new article with a held figure only: the freed
# figure it is checked with is a stored article's, in a stored cluster the new article has no
# claim in (joined to its story by that article)
K_TAKEN = TAKEN.replace("ولاية زمفارا", "ولاية كادونا").replace("id: w1", "id: k1")
K_FIRST = FIRST.replace("ولاية زمفارا", "ولاية كادونا").replace("id: w2", "id: k2")
HELD_ONLY = """---
id: k3
date: 2024-03-20
---
وقالت الشركة إن 28 رهينة ما زالوا محتجزين لدى الخاطفين في ولاية كادونا.
"""
# another story of the record (another place, other articles): never read for the first
OTHER_TAKEN = """---
id: v1
date: 2024-02-01
---
خطف مسلحون 40 طالبا من مدرسة في ولاية سوكوتو.
"""
OTHER_FREED = """---
id: v2
date: 2024-02-09
---
أفرج الخاطفون عن 12 طالبا في ولاية سوكوتو، لتبقى 28 رهينة في قبضتهم.
"""


def test_a_stored_freed_figure_of_the_story_is_read_for_a_new_held_figure(tmp_path):
    """28 still held (new) + 4 freed (stored, a cluster the new article does not touch) > 30
    taken: found as report finds it, reading the stored captive clusters of the new figures'
    story (those sharing an article with them, and so on), not the record's other captives."""
    db, stored = _record(tmp_path, (("k1", K_TAKEN), ("k2", K_FIRST), ("v1", OTHER_TAKEN), ("v2", OTHER_FREED)))
    cfg = reconcile_config(Settings())
    new = _new(tmp_path, HELD_ONLY)
    found, stats = _found_as_report_finds(db, stored, new, cfg, "k3")
    read = [(cl.kind, sorted({c.doc for c in cl.claims})) for cl in found.clusters
            if not any(c.doc == "k3" for c in cl.claims)]
    # the freed 4 (k2) is read for the story; the other story's freed 12 (v2) is not (its taken
    # 40 is, as a part of the same country: a part/whole link, read at the new claims' days)
    assert ("hostages_released", ["k2"]) in read and ("hostages_released", ["v2"]) not in read, read
    assert stats.captive_clusters == 1, stats
    # that one story cluster's claims (of every date) are counted as the story's, apart from the
    # linked clusters read at the new claims' days
    (freed,) = [cl for cl in found.clusters if cl.kind == "hostages_released" and {c.doc for c in cl.claims} == {"k2"}]
    assert stats.captive_claims == len(freed.claims) > 0, stats
    assert stats.linked_claims > stats.captive_claims, stats
    _check_store_as_against(db, stored, new)


def test_a_state_kept_before_the_captive_index_gets_it_on_its_next_check(tmp_path):
    """A current state without `judged_captive_docs` gets it on the next check, not judged
    again; a check that may not add it (build=False: a read-only store) falls back."""
    db, _stored = _record(tmp_path)
    kept = check_adds_missing_index(db, _new(tmp_path, SECOND_BAD), "judged_captive_docs", "seq, doc",
                                    "the captive stories' index is missing")
    assert sorted({doc for _s, doc in kept}) == ["w1", "w2"]


# the same story, its one freed figure a step of a deal (a named event: no figure the ledger
# uses), so the ledger can find nothing in it
K_PHASED = """---
id: k2
date: 2024-03-12
---
أطلق الخاطفون سراح أربعة عمال ضمن المرحلة الأولى من الاتفاق في ولاية كادونا.
وقالت الشركة إن 26 رهينة ما زالوا محتجزين لدى الخاطفين في ولاية كادونا.
"""


def test_a_story_without_a_freed_figure_the_ledger_uses_is_not_read(tmp_path):
    """No freed figure the ledger can use in the story (the freed 4 is a step of a deal): the
    check reads none of the story's stored clusters (a baseline's whole read still does), and
    its inconsistencies citing the new article are still report's on the whole record."""
    from crosscheck.store import captive_stories
    from crosscheck.store.sqlite_store import connect

    db, stored = _record(tmp_path, (("k1", K_TAKEN), ("k2", K_PHASED)))
    cfg = reconcile_config(Settings())
    new = _new(tmp_path, HELD_ONLY)
    docs = load_documents([str(new)])
    claims = _extract(docs, Settings())
    found, stats = judged.check_against_state(db, docs, claims, cfg, build=False)
    assert found is not None and not stats.fallback, stats
    assert stats.captive_clusters == 0 and stats.captive_claims == 0, stats
    whole, whole_stats = judged.check_against_state(db, docs, claims, cfg, build=False, whole_linked=True)
    assert whole_stats.captive_clusters >= 1, whole_stats  # the story is there: the baseline's read gets it
    with connect(db) as conn:
        assert not conn.execute(f"SELECT * FROM {captive_stories.FREED_TABLE}").fetchall()
    fast = find_inconsistencies(found.clusters, cfg, tallies=found.tallies, moments_of={"k3"})
    union = load_documents([str(p) for p in [*stored, new]])
    report = build_report(union, reconcile(_extract(union, Settings()), union, cfg), cfg)
    assert _cites(fast, {"k3"}) == _cites(report.inconsistencies, {"k3"})
    settings = Settings(fail_on="warning")
    rules = lambda r: sorted((f.rule_id, f.claim.doc, f.claim.start, f.message(limit=1000)) for f in r.findings)
    assert rules(run_check([str(new)], store=str(db), settings=settings)) == rules(
        run_check([str(new)], against=[str(p) for p in stored], settings=settings))


def test_a_state_kept_before_the_freed_index_gets_it_and_reads_stories_whole_without_it(tmp_path):
    """A current state without `judged_captive_freed` gets it on its next check (not judged
    again); a read-only one reads the stories as before (whole)."""
    from crosscheck.store import captive_stories
    from crosscheck.store.sqlite_store import connect

    db, _stored = _record(tmp_path)
    with connect(db) as conn:
        conn.execute(f"DROP TABLE {captive_stories.FREED_TABLE}")
    new = _new(tmp_path, SECOND_BAD)
    docs = load_documents([str(new)])
    claims = _extract(docs, Settings())
    cfg = reconcile_config(Settings())
    found, stats = judged.check_against_state(db, docs, claims, cfg, build=False)
    assert found is not None and not stats.built, stats  # no table: stories read whole, as before
    assert judged.ensure_state(db, cfg) is False
    with connect(db) as conn:
        assert conn.execute(f"SELECT count(*) FROM {captive_stories.FREED_TABLE}").fetchone()[0] >= 1

"""`check --store` finds a length told in days against the same event's length in months
(reconcile.unit_pairs: `unit_mismatch`) as `report` on the whole record does, reading only the
stored clusters of the new lengths' scope (crosscheck.store.judged, `judged_unit_scopes`)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from store_support import check_adds_missing_index, private_rules  # noqa: F401  (autouse: a private copy of rules/)
from crosscheck.ci.check import _extract, reconcile_config, run_check
from crosscheck.config import Settings
from crosscheck.reconcile.inconsistencies import find_inconsistencies
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.store import judged
from crosscheck.store.sqlite_store import ingest
from crosscheck.text.documents import load_documents

MONTHS = "وقالت مصادر إن الهدنة في إدلب تستمر لمدة شهرين."
DAYS = "وأعلن الوسطاء أن الهدنة في إدلب تستمر لمدة 90 يوما."
# the record's other lengths and figures: none of them is of Idlib's truce
OTHERS = [
    ("o-north-days", "وأعلن الطرفان أن الهدنة في حمص تستمر لمدة 40 يوما.", "2025-03-01"),
    ("o-north-months", "وقال مسؤولون إن الهدنة في حمص تستمر لمدة ثلاثة أشهر.", "2025-03-02"),
    ("o-south-months", "وذكرت الصحيفة أن وقف إطلاق النار في درعا يستمر لمدة أربعة أشهر.", "2025-02-11"),
    ("o-toll", "قتل 45 شخصا في القصف على حمص.", "2025-03-01"),
]


def _article(d: Path, name: str, body: str, date: str, source: str = "وكالة") -> Path:
    p = d / f"{name}.md"
    p.write_text(f"---\nid: {name}\ndate: {date}\nsource: {source}\n---\n{body}\n", encoding="utf-8")
    return p


def _key(inc) -> tuple:
    return (inc.id, inc.type, inc.strength, inc.clusters, inc.explanation,
            sorted((c.doc, c.start, c.kind, c.value) for c in inc.claims))


def _cites(incs, docs: set[str]) -> list[tuple]:
    return sorted(_key(i) for i in incs if any(c.doc in docs for c in i.claims))


def _record(d: Path, stored_text: str) -> tuple[Path, list[Path]]:
    stored = [_article(d, name, body, date, "إذاعة") for name, body, date in OTHERS]
    stored.append(_article(d, "r-stored", stored_text, "2025-03-01"))
    db = d / "s.db"
    ingest([str(p) for p in stored], db)
    judged.ensure_state(db, reconcile_config(Settings()))
    return db, stored


@pytest.mark.parametrize("new_in", ["days", "months"])
def test_a_new_length_in_the_other_unit_is_found_as_report_finds_it(tmp_path, new_in):
    """A new "90 days" against a stored "two months" of the same truce (and the other way
    round): the check's inconsistencies citing the new article are those `report` gives on the
    record and the new article together, and the check's findings those of the whole record."""
    db, stored = _record(tmp_path, MONTHS if new_in == "days" else DAYS)
    new = _article(tmp_path, "n-new", DAYS if new_in == "days" else MONTHS, "2025-03-03", "صحيفة")
    cfg = reconcile_config(Settings())
    docs = load_documents([str(new)])
    found, stats = judged.check_against_state(db, docs, _extract(docs, Settings()), cfg, build=False)
    assert found is not None and not stats.fallback, stats
    fast = find_inconsistencies(found.clusters, cfg, tallies=found.tallies, moments_of={"n-new"})
    union = load_documents([str(p) for p in [*stored, new]])
    report = build_report(union, reconcile(_extract(union, Settings()), union, cfg), cfg)
    assert _cites(fast, {"n-new"}) == _cites(report.inconsistencies, {"n-new"})
    (inc,) = [i for i in fast if i.type == "unit_mismatch" and any(c.doc == "n-new" for c in i.claims)]
    assert {c.doc for c in inc.claims} == {"r-stored", "n-new"} and inc.strength == "hard"
    # the check command says so, as a check against the whole record does
    settings = Settings(fail_on="warning")
    quick = run_check([str(new)], store=str(db), settings=settings)
    whole = run_check([str(new)], against=[str(p) for p in stored], settings=settings)
    rules = lambda r: sorted((f.rule_id, f.claim.doc, f.claim.start, f.message(limit=1000)) for f in r.findings)
    assert rules(quick) == rules(whole)
    assert "inconsistency-unit-mismatch" in {f.rule_id for f in quick.findings}


def test_the_check_reads_only_the_stored_lengths_of_the_new_ones_scope(tmp_path):
    """Of the record's lengths in days and months the check reads the stored clusters of the
    new length's scope (Idlib's truce), not the other truces' (counted)."""
    db, _stored = _record(tmp_path, MONTHS)
    new = _article(tmp_path, "n-new", DAYS, "2025-03-03", "صحيفة")
    cfg = reconcile_config(Settings())
    docs = load_documents([str(new)])
    found, stats = judged.check_against_state(db, docs, _extract(docs, Settings()), cfg, build=False)
    assert found is not None and not stats.fallback, stats
    with closing(sqlite3.connect(db)) as conn:
        lengths = conn.execute("SELECT COUNT(*) FROM judged_clusters WHERE kind IN "
                               "('duration_days', 'duration_months')").fetchone()[0]
    assert lengths == 4  # the record's three other lengths and Idlib's
    assert stats.clusters_linked == 1, stats  # Idlib's truce's two months only
    linked = [cl for cl in found.clusters if not any(c.doc == "n-new" for c in cl.claims)]
    assert [(cl.kind, [c.doc for c in cl.claims]) for cl in linked] == [("duration_months", ["r-stored"])]


def test_a_stored_extension_keeps_the_new_length_from_being_compared(tmp_path):
    """A stored article telling Idlib's truce as extended ("لشهرين إضافيين"): its lengths are
    not compared (the first term, the total), so a new "90 days" is no unit_mismatch; the check
    reads that extension (same scope, its event's) and finds what report finds: nothing."""
    db, stored = _record(tmp_path, MONTHS)
    extension = _article(tmp_path, "r-extended", "ووافق الطرفان على تمديد الهدنة في إدلب لشهرين إضافيين.",
                         "2025-04-28", "قناة")
    ingest([str(extension)], db)
    cfg = reconcile_config(Settings())
    judged.ensure_state(db, cfg)
    new = _article(tmp_path, "n-new", DAYS, "2025-05-30", "صحيفة")
    docs = load_documents([str(new)])
    found, stats = judged.check_against_state(db, docs, _extract(docs, Settings()), cfg, build=False)
    assert found is not None and not stats.fallback, stats
    assert stats.clusters_linked == 2, stats  # the two months and the extension
    fast = find_inconsistencies(found.clusters, cfg, tallies=found.tallies, moments_of={"n-new"})
    union = load_documents([str(p) for p in [*stored, extension, new]])
    report = build_report(union, reconcile(_extract(union, Settings()), union, cfg), cfg)
    assert _cites(fast, {"n-new"}) == _cites(report.inconsistencies, {"n-new"})
    assert not [i for i in fast if i.type == "unit_mismatch" and any(c.doc == "n-new" for c in i.claims)]


def test_a_state_kept_before_the_scope_index_gets_it_on_its_next_check(tmp_path):
    """A current state without `judged_unit_scopes` gets it on the next check, not judged again;
    a check that may not add it (build=False: a read-only store) falls back to the whole record."""
    db, _stored = _record(tmp_path, MONTHS)
    new = _article(tmp_path, "n-new", DAYS, "2025-03-03", "صحيفة")
    kept = check_adds_missing_index(db, new, "judged_unit_scopes", "seq, scope", "the lengths' scope index is missing")
    assert len(kept) == 4


def test_the_state_is_judged_again_when_the_unit_pairs_change(tmp_path, private_rules):
    """The pairs compared are part of the state's version: another `unit_pairs` (a rules file
    edited: its hash, and the settings read from it) makes the kept state out of date."""
    import shutil

    from crosscheck.reconcile.settings import default_config
    from crosscheck.ruleset.loader import load_rules

    db, _stored = _record(tmp_path, MONTHS)
    cfg = reconcile_config(Settings())
    edited = tmp_path / "rules"
    shutil.copytree(private_rules, edited)
    path = edited / "reconcile.yaml"
    text = path.read_text(encoding="utf-8")
    assert "{fine: duration_days, coarse: duration_months, low: 28, high: 31}" in text
    path.write_text(text.replace("low: 28, high: 31}", "low: 29, high: 31}"), encoding="utf-8")
    other = default_config(edited)
    assert other.unit_pairs != cfg.unit_pairs
    with closing(sqlite3.connect(db)) as conn:
        assert judged.is_current(conn, cfg, load_rules(private_rules).version)
        assert not judged.is_current(conn, other, load_rules(private_rules).version)
        assert not judged.is_current(conn, cfg, load_rules(edited).version)


def test_the_report_from_the_store_gives_the_unit_mismatches_of_the_in_memory_report(tmp_path):
    """`report --store` (crosscheck.store.streamed, which the judged state is built by) finds a
    length in days against the same truce's length in months as the in-memory report does:
    the same report bytes, among them the record's unit_mismatch inconsistencies."""
    import json

    from crosscheck.pipeline import write_reports
    from crosscheck.store.sqlite_store import analyse_store
    from crosscheck.store.streamed import write_store_reports

    db, _stored = _record(tmp_path, MONTHS)
    ingest([str(_article(tmp_path, "r-days", DAYS, "2025-03-03", "صحيفة"))], db)
    write_reports(analyse_store(db), tmp_path / "memory", ("json",))
    write_store_reports(db, tmp_path / "streamed", ("json",), batch_claims=5)
    expected = (tmp_path / "memory" / "report.json").read_bytes()
    types = [i["type"] for i in json.loads(expected)["inconsistencies"]]
    assert types.count("unit_mismatch") == 2, types  # Homs' 40 days and 3 months, Idlib's 90 days and 2 months
    assert (tmp_path / "streamed" / "report.json").read_bytes() == expected

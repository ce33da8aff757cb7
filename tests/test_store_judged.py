"""`check --store` against the judged record kept in the store (crosscheck.store.judged): the
same findings as a check that judges the whole record, reading a part of it (counted)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from corpus_support import generated_corpus
from store_support import both_ways, check_out_of_date_state, private_rules  # noqa: F401  (autouse: a private copy of rules/)
from crosscheck.ci.check import _extract, reconcile_config, run_check
from crosscheck.config import Settings
from crosscheck.store import compact, judged
from crosscheck.store.sqlite_store import ingest, store_stats
from crosscheck.text.documents import load_documents

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "fixtures").glob("*.txt"))
N = 12


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    """A store of N generated articles and the fixtures, its judged state built once."""
    d = tmp_path_factory.mktemp("judged")
    corpus = generated_corpus(d, N, seed=33, name="gen.jsonl")
    db = d / "s.db"
    ingest([str(corpus), *map(str, FIXTURES)], db)
    judged.ensure_state(db, reconcile_config(Settings()))
    return d, corpus, db


def _finding(f) -> tuple:
    return (f.level, f.rule_id, f.cluster.id, f.claim.doc, f.claim.start, f.cluster.status, f.cluster.severity,
            f.cluster.strength, f.cluster.cause, f.item, f.message(limit=1000),
            [(c.doc, c.start, c.outlier) for c in f.others])


def _new_articles(d: Path, corpus: Path) -> list[Path]:
    """New articles of several shapes: generated ones (running totals, votes, hedges,
    outliers), a record article with its figures changed (a copy: same source group), and a
    fixture with its toll changed (a conflict with the fixtures)."""
    from gen_articles import generate

    out = []
    for i, doc in enumerate(generate(2, seed=1234)):
        p = d / f"new{i}.md"
        p.write_text(f"---\nid: fresh-{i}\ndate: {doc['date']}\nsource: {doc['source']}\n---\n{doc['text']}\n",
                     encoding="utf-8")
        out.append(p)
    first = json.loads(corpus.read_text(encoding="utf-8").splitlines()[3])
    p = d / "edited.md"
    p.write_text(f"---\nid: edited-copy\ndate: {first['date']}\n---\n" + first["text"].replace("1", "7", 3),
                 encoding="utf-8")
    out.append(p)
    p = d / "toll.md"
    p.write_text("---\nid: toll-changed\ndate: 2024-03-26\n---\n" + FIXTURES[0].read_text(encoding="utf-8")
                 .replace("32", "41"), encoding="utf-8")
    out.append(p)
    return out


def test_judged_state_gives_the_findings_of_the_whole_record(record, tmp_path, monkeypatch):
    d, corpus, db = record
    settings = Settings(fail_on="warning")
    total = store_stats(db)["claims"]
    taken = 0
    shapes = set()
    seen = []
    real = judged.check_against_state

    def counting(*args, **kwargs):
        out = real(*args, **kwargs)
        seen.append(out)
        return out

    monkeypatch.setattr(judged, "check_against_state", counting)
    for new in _new_articles(tmp_path, corpus):
        docs = load_documents([str(new)])
        fast = run_check([str(new)], store=str(db), settings=settings)
        found, stats = seen.pop()
        assert not stats.built
        whole = run_check([str(new)], against=[str(corpus), *map(str, FIXTURES)], settings=settings)
        assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings], new.name
        assert fast.record_count == whole.record_count == N + len(FIXTURES)
        if found is not None:
            taken += 1
            # the work follows the clusters the article joins, not the record
            assert stats.members_read < total / 2, (new.name, stats)
            assert stats.clusters_judged <= len(_extract(docs, settings))
            # copies are looked for in the new signatures' band buckets, not the whole record
            assert stats.near_dup_read < N + len(FIXTURES), stats
            # the judged members' source groups are read with their dates, not one by one
            stored_docs = {c.doc for cl in found.clusters for c in cl.claims} - {x.id for x in docs}
            if new.name.startswith("new"):  # (a copy's groups are also asked while linking its tallies)
                assert stats.group_queries == 0 < len(stored_docs), stats
            for f in fast.findings:
                shapes.add("running total" if f.cluster.trajectory else f.cluster.status)
                shapes.update("outlier" for c in f.cluster.claims if c.outlier)
                shapes.add("record" if any(c.doc not in {x.id for x in docs} for c in f.cluster.claims) else "")
        else:
            assert stats.fallback
    assert taken >= 2
    # the shortcut was taken on conflicts with the record, running totals and outliers
    assert {"running total", "conflict", "outlier", "record"} <= shapes, shapes


def test_state_follows_the_record(record, tmp_path):
    """An ingest makes the state out of date; the next check rebuilds it (counted)."""
    d, corpus, db = record
    cfg = reconcile_config(Settings())
    with closing(sqlite3.connect(db)) as conn:
        assert judged.is_current(conn, cfg, _rules_version())
    extra = tmp_path / "extra.md"
    extra.write_text("---\nid: extra-one\ndate: 2024-03-27\n---\n" + FIXTURES[1].read_text(encoding="utf-8"),
                     encoding="utf-8")
    copy = tmp_path / "s.db"
    copy.write_bytes(Path(db).read_bytes())
    ingest([str(extra)], copy)
    with closing(sqlite3.connect(copy)) as conn:
        assert not judged.is_current(conn, cfg, _rules_version())
    check_out_of_date_state(copy, tmp_path, "later-one", FIXTURES[2])  # rebuilt, then used
    assert judged.ensure_state(copy, cfg) is False


def test_a_state_without_the_band_index_gets_it(record, tmp_path):
    """A state kept before the band index (near-duplicate candidates) gets it on its next check,
    the same rows as a state built with it; without it, every stored signature is grouped."""
    _d, corpus, db = record
    cfg = reconcile_config(Settings())
    copy = tmp_path / "s.db"
    copy.write_bytes(Path(db).read_bytes())
    with closing(sqlite3.connect(copy)) as conn:
        want = sorted(conn.execute("SELECT band, doc_id FROM judged_bands"))
        conn.execute("DROP TABLE judged_bands")
        conn.commit()
    new = _new_articles(tmp_path, corpus)[0]
    docs = load_documents([str(new)])
    claims = _extract(docs, Settings())
    _found, stats = judged.check_against_state(copy, docs, claims, cfg, build=False)
    assert stats.near_dup_read == N + len(FIXTURES)  # every stored signature
    assert judged.ensure_state(copy, cfg) is False
    with closing(sqlite3.connect(copy)) as conn:
        assert sorted(conn.execute("SELECT band, doc_id FROM judged_bands")) == want
    assert len(want) == 8 * (N + len(FIXTURES))  # every document has text: 8 bands each
    _found, again = judged.check_against_state(copy, docs, claims, cfg, build=False)
    assert again.near_dup_read < N + len(FIXTURES)
    assert (_found is None) == (stats.fallback != "") and again.fallback == stats.fallback


def test_whether_every_document_has_its_signature_is_kept_with_the_state(record, tmp_path):
    """Whether a stored document lacks its near-duplicate signature (so the band index misses
    it) is noted when the state is built, not found by a scan of the documents at every check
    (the signature lies past each document's text: the scan read the whole record); a state
    kept before the note gets it on its next check.  A document without a signature sends the
    check to grouping every stored signature again."""
    _d, corpus, db = record
    cfg = reconcile_config(Settings())
    copy = tmp_path / "s.db"
    copy.write_bytes(Path(db).read_bytes())
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'judged_fingerprints'").fetchone() == ("all",)
        conn.execute("DELETE FROM meta WHERE key = 'judged_fingerprints'")
        conn.commit()
    assert judged.ensure_state(copy, cfg) is False  # noted again, not rebuilt
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'judged_fingerprints'").fetchone() == ("all",)
    new = _new_articles(tmp_path, corpus)[0]
    docs = load_documents([str(new)])
    claims = _extract(docs, Settings())
    _found, banded = judged.check_against_state(copy, docs, claims, cfg, build=False)
    assert banded.near_dup_read < N + len(FIXTURES)
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('judged_fingerprints', 'some missing')")
        conn.commit()
    _found, grouped = judged.check_against_state(copy, docs, claims, cfg, build=False)
    assert grouped.near_dup_read == N + len(FIXTURES) and grouped.fallback == banded.fallback


def _rules_version() -> str:
    from crosscheck.ruleset.loader import load_rules

    return load_rules().version


def test_new_tallies_are_linked_from_the_kept_links(record, tmp_path):
    """A new article's tallies are linked against the links kept with the state (no stored
    tally linked again), only the vote unit's signatures that can matter are read, and only the
    stored tallies of the new tallies' votes are read for inconsistencies (same findings)."""
    from gen_articles import generate

    from crosscheck.reconcile.inconsistencies import VOTE_LINKED

    _d, corpus, db = record
    cfg = reconcile_config(Settings())
    taken = narrowed = 0
    articles = [(f"votes-{i}", doc["date"], doc["text"]) for i, doc in enumerate(generate(3, seed=4321))]
    articles.append(("tallies-only", "2024-06-12", "وافقت الجمعية العامة للأمم المتحدة يوم الأربعاء على مشروع "
                     "قرار يدعو إلى وقف إطلاق النار، إذ صوتت 141 دولة لصالحه وعارضته 7 دول وامتنعت 25 "
                     "دولة عن التصويت."))  # no resolution number: no number typo to look for
    for i, (name, date, text) in enumerate(articles):
        p = tmp_path / f"v{i}.md"
        p.write_text(f"---\nid: {name}\ndate: {date}\n---\n{text}\n", encoding="utf-8")
        docs = load_documents([str(p)])
        claims = _extract(docs, Settings())
        if not any((c.event or "").startswith("vote:") for c in claims):
            continue
        found, stats = judged.check_against_state(db, docs, claims, cfg)
        if found is None:
            continue
        assert not stats.link_fallback, stats
        with closing(sqlite3.connect(db)) as conn:
            kept = conn.execute("SELECT COUNT(*) FROM judged_sigs").fetchone()[0]
            vote_linked = conn.execute(f"SELECT COUNT(*) FROM judged_clusters WHERE kind IN "
                                       f"({','.join('?' * len(VOTE_LINKED))})", VOTE_LINKED).fetchone()[0]
        assert stats.signatures < kept
        # only the tallies of the new tallies' votes (their sums) and the resolution numbers a new
        # one can be a slip of (with their articles' tallies) are read, not every one, also when
        # the new tallies renumber stored votes (read under their new names)
        assert stats.clusters_linked < vote_linked, (stats, vote_linked)
        narrowed += 1
        settings = Settings(fail_on="warning")
        fast = run_check([str(p)], store=str(db), settings=settings)
        whole = run_check([str(p)], against=[str(corpus), *map(str, FIXTURES)], settings=settings)
        assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings], p.name
        taken += 1
    assert taken >= 1 and narrowed >= 2


def _article(d: Path, name: str, source: str, body: str, date: str = "2024-05-01") -> Path:
    p = d / f"{name}.md"
    p.write_text(f"---\nid: {name}\ndate: {date}\nsource: {source}\n---\n{body}\n", encoding="utf-8")
    return p


@pytest.mark.parametrize("stored_city", [False, True])
def test_a_figure_joining_across_place_granularity_gives_the_whole_record_findings(tmp_path, stored_city):
    """Grouping moves a figure given at a city to the country cluster holding the same figure
    from another article (grouping._join_corroborated): the judged record must give the
    findings of the whole record whether the city's figure is new or stored."""
    city = "لقي 97 شخصا حتفهم في تحطم الطائرة في كراتشي."
    country = "قالت السلطات إن 97 شخصا قتلوا في تحطم الطائرة في باكستان."
    other = _article(tmp_path, "r-other", "إذاعة", "قتل 150 شخصا في تحطم الطائرة في باكستان.")
    stored = _article(tmp_path, "r-stored", "وكالة", city if stored_city else country)
    new = _article(tmp_path, "n-new", "صحيفة", country if stored_city else city)
    fast, whole, stats = both_ways(tmp_path, [other, stored], new)
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    if stored_city:  # the stored city figure moves to the country: both its clusters re-made
        assert not stats.fallback and stats.join_units == 1 and stats.join_changed == 1, stats
        assert stats.clusters_judged == 1  # the country's; the city's had only the 97: gone
    else:  # the new figure is placed by the shortcut, among the stored members giving 97
        assert not stats.fallback and stats.corroborating >= 1
    # the 97 at the city and the 97 in the country are one quantity, beside the 150: a conflict
    assert any(f.cluster.status == "conflict" and {c.doc for c in f.cluster.claims} == {"r-other", "r-stored", "n-new"}
               for f in fast.findings), [_finding(f) for f in fast.findings]




def test_a_figure_kept_home_by_a_same_day_dispute(tmp_path):
    """A new city figure equal to a stored country figure stays in its city when another
    article gives the city another figure that day (grouping._disputed_at_home): the stored
    members of the new figure's day are read, not only one member per signature (the city
    signature's one member is an article of another day here)."""
    stored = [
        _article(tmp_path, "a-city-earlier", "إذاعة", "لقي 40 شخصا حتفهم في تحطم الطائرة في كراتشي.", "2024-04-28"),
        _article(tmp_path, "b-city-same-day", "قناة", "لقي 60 شخصا حتفهم في تحطم الطائرة في كراتشي."),
        _article(tmp_path, "c-country", "وكالة", "قالت السلطات إن 97 شخصا قتلوا في تحطم الطائرة في باكستان."),
    ]
    new = _article(tmp_path, "n-new", "صحيفة", "لقي 97 شخصا حتفهم في تحطم الطائرة في كراتشي.")
    fast, whole, stats = both_ways(tmp_path, stored, new)
    assert not stats.fallback, stats
    assert stats.corroborating >= 2  # the country's 97 and the city's 60 of that day
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    # the new 97 stays at the city, beside the 60 of its day: a conflict there
    assert any({c.doc for c in f.cluster.claims} == {"a-city-earlier", "b-city-same-day", "n-new"}
               for f in fast.findings), [_finding(f) for f in fast.findings]


def test_a_signature_whose_members_end_in_two_clusters(tmp_path):
    """A city's figure that joined the country's cluster (same 97 from another article) leaves
    the city's other figure behind: one signature, two clusters.  The state keeps the member's
    cluster before the join (one per signature) and that it moved, so a new city figure is
    placed with the city's remaining cluster by the shortcut."""
    stored = [
        _article(tmp_path, "x-city-moved", "إذاعة", "لقي 97 شخصا حتفهم في تحطم الطائرة في الموصل."),
        _article(tmp_path, "y-country", "وكالة", "قالت السلطات إن 97 شخصا قتلوا في تحطم الطائرة في العراق."),
        _article(tmp_path, "zw-country-other", "تلفزيون",
                 "وفي تطور لاحق، قالت السلطات إن 150 شخصا قتلوا في تحطم الطائرة في العراق. وتواصل فرق "
                 "الدفاع المدني البحث بين الحطام منذ ساعات الصباح الأولى، فيما طالب نواب بفتح تحقيق مستقل."),
        _article(tmp_path, "z-city-stays", "قناة", "لقي 50 شخصا حتفهم في تحطم الطائرة في الموصل.", "2024-04-20"),
    ]
    new = _article(tmp_path, "n-new", "صحيفة",
                   "وذكر مسؤول في المستشفى أن حصيلة تحطم الطائرة في الموصل بلغت 45 قتيلا بعد وفاة مصابين.",
                   "2024-05-09")
    fast, whole, stats = both_ways(tmp_path, stored, new)
    with closing(sqlite3.connect(tmp_path / "s.db")) as conn:
        pres_of_sig = conn.execute("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM judged_sigs GROUP BY unit, sig)"
                                   ).fetchone()[0]
        moved = conn.execute("SELECT doc_id FROM judged_members WHERE moved").fetchall()
        seqs = conn.execute("SELECT COUNT(DISTINCT seq) FROM judged_members WHERE pre = "
                            "(SELECT pre FROM judged_members WHERE doc_id = 'x-city-moved')").fetchone()[0]
    assert pres_of_sig == 1  # a signature has one key before joins
    assert moved == [("x-city-moved",)] and seqs == 2  # the city's signature: the country's cluster and its own
    assert not stats.fallback, stats
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    assert any({c.doc for c in f.cluster.claims} == {"z-city-stays", "n-new"} for f in fast.findings)


def _typo_found(tmp_path, stored, date):
    """Checks, both ways, a new article giving resolution 2735 as 2753 with its tallies (12 for,
    2 against, 1 abstaining) on `date`: the same findings, no fallback, a number typo found."""
    new = _article(tmp_path, "n-new", "صحيفة", "وفي نيويورك، حصل القرار رقم 2753 على تأييد 12 عضوا في مجلس "
                   "الأمن ومعارضة 2 وامتناع 1 عن التصويت.", date)
    fast, whole, stats = both_ways(tmp_path, stored, new)
    assert not stats.fallback, stats
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    assert any(f.rule_id == "inconsistency-number-typo" for f in fast.findings), [_finding(f) for f in fast.findings]
    return new, fast, whole, stats


def test_a_resolution_number_slip_is_found_reading_only_its_neighbours(tmp_path):
    """A new article giving a stored vote's resolution number with two digits swapped (the same
    tallies: the same story) is a number typo; the check reads the stored resolution numbers one
    slip away and their articles' tallies, not every vote-linked cluster (same findings)."""
    stored = [
        _article(tmp_path, "a-first", "وكالة", "تبنى مجلس الأمن الدولي القرار رقم 2735 الذي يطالب بتبادل "
                 "الأسرى، بعد أن صوتت لصالحه 12 دولة وعارضته 2 وامتنعت 1 عن التصويت.", "2024-06-11"),
        _article(tmp_path, "c-other", "إذاعة", "صادقت الجمعية العامة على القرار رقم 1846 بشأن المساعدات "
                 "الإنسانية، إذ أيدته 120 دولة وعارضته 12 دولة وامتنعت 31 دولة.", "2024-03-02"),
        _article(tmp_path, "e-other", "قناة", "أقر مجلس الأمن القرار رقم 2490 بتأييد 13 عضوا وامتناع "
                 "عضوين عن التصويت.", "2024-01-20"),
    ]
    new, fast, whole, stats = _typo_found(tmp_path, stored, "2024-06-11")
    with closing(sqlite3.connect(tmp_path / "s.db")) as conn:
        vote_linked = conn.execute("SELECT COUNT(DISTINCT seq) FROM judged_vote_claims").fetchone()[0]
    assert stats.clusters_linked < vote_linked, (stats, vote_linked)


def test_a_moved_figure_whose_signature_rep_cannot_move_it_again(tmp_path):
    """At scale the member kept for a signature is rarely the one that corroborates a moved
    figure: here the country's signature is kept through its first article (150), not the one
    giving the city's 97.  Placed among one member per signature the moved 97 could not move
    again, so a state keeping only final clusters fell back on every check touching the city.
    The state keeps each member's cluster before joins and whether it moved: the check places
    the new figure before joins, re-decides only the joins the new figures and days can change,
    and reads and judges only the cluster it joins (counted), with the whole record's findings."""
    stored = [
        _article(tmp_path, "a-country-other", "تلفزيون", "قالت السلطات إن 150 شخصا قتلوا في تحطم الطائرة في العراق."),
        _article(tmp_path, "b-city-moved", "إذاعة", "لقي 97 شخصا حتفهم في تحطم الطائرة في الموصل."),
        _article(tmp_path, "c-country", "وكالة", "قالت السلطات إن 97 شخصا قتلوا في تحطم الطائرة في العراق."),
        _article(tmp_path, "d-city-stays", "قناة", "لقي 50 شخصا حتفهم في تحطم الطائرة في الموصل.", "2024-04-20"),
        # other blocks of the record, which the check must not read
        *(_article(tmp_path, f"e-other-{i}", "موقع", f"أصيب {30 + i} شخصا بجروح في انفجار في {place}.", f"2024-04-2{i}")
          for i, place in enumerate(["بيروت", "حلب", "تعز"])),
    ]
    new = _article(tmp_path, "n-new", "صحيفة",
                   "وذكر مسؤول في المستشفى أن حصيلة تحطم الطائرة في الموصل بلغت 45 قتيلا بعد وفاة مصابين.",
                   "2024-05-09")
    fast, whole, stats = both_ways(tmp_path, stored, new)
    with closing(sqlite3.connect(tmp_path / "s.db")) as conn:
        moved = conn.execute("SELECT doc_id FROM judged_members WHERE moved").fetchall()
        reps = [d for (d,) in conn.execute("SELECT data FROM judged_sigs") if b"150" in compact.unpack(d)]
        total = conn.execute("SELECT COUNT(*) FROM judged_members").fetchone()[0]
        city = conn.execute("SELECT COUNT(*) FROM judged_members WHERE seq = (SELECT seq FROM judged_members "
                            "WHERE doc_id = 'd-city-stays')").fetchone()[0]
    assert moved == [("b-city-moved",)] and len(reps) == 1  # the country kept through its 150
    assert not stats.fallback, stats
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    assert any({c.doc for c in f.cluster.claims} == {"d-city-stays", "n-new"} for f in fast.findings)
    # the work: one cluster judged, the city's; stored members read are that cluster's and the
    # members of the new figure's day and figure (none here): never the other blocks
    assert stats.clusters_judged == 1 and stats.join_units == 0
    assert stats.members_read == city < total - 3, (stats, city, total)
    assert (stats.unplaced_runs, stats.unplaced_read) == (0, 0), stats  # a placed cluster: no run at no place


def test_a_new_dispute_sends_a_moved_figure_home(tmp_path):
    """A stored city figure that joined the country's cluster goes back to its city when a new
    article gives the city another figure that day (grouping._disputed_at_home): the check
    re-decides that stored join (counted) and re-makes both clusters, the city's with the stored
    figure and the new one, the country's without it: the whole record's findings."""
    stored = [
        _article(tmp_path, "a-other", "إذاعة", "قتل 150 شخصا في تحطم الطائرة في باكستان."),
        _article(tmp_path, "b-city", "وكالة", "لقي 97 شخصا حتفهم في تحطم الطائرة في كراتشي."),
        _article(tmp_path, "c-country", "قناة", "قالت السلطات إن 97 شخصا قتلوا في تحطم الطائرة في باكستان."),
    ]
    new = _article(tmp_path, "n-new", "صحيفة", "لقي 60 شخصا حتفهم في تحطم الطائرة في كراتشي.")
    fast, whole, stats = both_ways(tmp_path, stored, new)
    with closing(sqlite3.connect(tmp_path / "s.db")) as conn:
        assert conn.execute("SELECT doc_id FROM judged_members WHERE moved").fetchall() == [("b-city",)]
    assert not stats.fallback, stats
    assert stats.join_units == 1 and stats.join_changed == 1 and stats.clusters_judged == 2, stats
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    assert any({c.doc for c in f.cluster.claims} == {"b-city", "n-new"} for f in fast.findings), \
        [_finding(f) for f in fast.findings]


def _renumbering_record(tmp_path, same_vote: bool):
    """Two stored General Assembly votes that name themselves alike (no resolution number, no
    sponsor: `vote:body=ga;subj=resolution`, told apart by `;k=2`, numbered in the order of
    their tallies: May's 120 for, 10 against first, March's 180 for, 10 against `;k=2`) and a
    new article giving 3 against and 50 abstaining: on another week a vote of its own, whose
    tally (abstaining first) sorts before both, so it takes May's bare name, May's becomes `;k=2`
    (March's old name) and March's `;k=3`; or the March vote again (same Friday), whose tally
    then sorts first: March's vote takes the bare name and May's becomes `;k=2`."""
    stored = [
        _article(tmp_path, "a-march", "وكالة", "اعتمدت الجمعية العامة للأمم المتحدة يوم الجمعة قرارا يدعو إلى "
                 "حماية المدنيين، إذ صوتت 180 دولة لصالحه وعارضته 10 دول.", "2024-03-01"),
        _article(tmp_path, "b-may", "إذاعة", "وافقت الجمعية العامة للأمم المتحدة يوم الجمعة على قرار بشأن "
                 "المياه، إذ صوتت 120 دولة لصالحه وعارضته 10 دول.", "2024-05-10"),
        # other votes and blocks of the record, which the check must not read
        _article(tmp_path, "c-council", "قناة", "أقر مجلس الأمن القرار رقم 2490 بتأييد 13 عضوا وامتناع "
                 "عضوين عن التصويت.", "2024-01-20"),
        _article(tmp_path, "d-blast", "موقع", "أصيب 31 شخصا بجروح في انفجار في حلب.", "2024-04-22"),
    ]
    new = _article(tmp_path, "n-new", "صحيفة", "أقرت الجمعية العامة للأمم المتحدة يوم الجمعة قرارا بشأن التعليم، إذ "
                   "عارضته 3 دول وامتنعت 50 دولة عن التصويت.", "2024-03-01" if same_vote else "2024-07-05")
    return stored, new


@pytest.mark.parametrize("same_vote", [False, True])
def test_stored_votes_renumbered_by_a_new_tally_are_read_under_their_new_names(tmp_path, same_vote):
    """A new tally renumbers stored votes (vote_links.link_new's remap); the check renames the
    stored clusters it reads (key, claims, hierarchy keys, ids: crosscheck.store.renaming)
    instead of falling back (session 7's guard), and reads only the renamed votes' clusters'
    keys, not the record's.  Read under their old names the stored tallies were summed with
    another vote's (a new vote taking a stored vote's old name; session 7's 1k record gave two
    spurious 'tally exceeds the body' findings so, and a `-2` id), and the March vote told again
    lost its real finding: March's 180 under its old name `;k=2` was not summed with the new
    50 (found with the renaming of the clusters read switched off)."""
    stored, new = _renumbering_record(tmp_path, same_vote)
    fast, whole, stats = both_ways(tmp_path, stored, new)
    with closing(sqlite3.connect(tmp_path / "s.db")) as conn:
        events = [r[0] for r in conn.execute("SELECT event FROM judged_votes WHERE event LIKE 'vote:body=ga%'")]
        ga = conn.execute("SELECT COUNT(*) FROM judged_clusters WHERE ckey LIKE '%vote:body=ga%'").fetchone()[0]
        total = conn.execute("SELECT COUNT(*) FROM judged_clusters").fetchone()[0]
    assert sorted(events) == ["vote:body=ga;subj=resolution", "vote:body=ga;subj=resolution;k=2"]
    assert not stats.fallback and not stats.link_fallback, stats
    assert stats.renamed == 2, stats  # both stored votes renumbered
    # the work: the renamed votes' clusters (their keys, for their new ids), not the record's
    assert stats.renamed_clusters == ga == 4 and total >= ga + 3, (stats, ga, total)
    assert stats.members_read <= (2 if same_vote else 0), stats  # March's tallies when re-judged
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    sums = [f for f in fast.findings if f.rule_id == "inconsistency-tally-exceeds-body"]
    if same_vote:  # March's 180 for (renamed: its new id cited) + 3 against + 50 abstaining
        assert len(sums) == 2 and "180 for (a-march)" in sums[0].message(limit=1000), \
            [_finding(f) for f in fast.findings]
        assert stats.clusters_linked == 1  # March's 180 for: the other tallies are re-judged
    else:  # a vote of its own: nothing summed with the record's, no finding at all
        assert fast.findings == [] and stats.clusters_linked == 0


@pytest.mark.parametrize("days", [4, 12])
def test_linked_clusters_are_read_at_the_new_claims_days_only(tmp_path, days):
    """A new city figure above its country's figure of the same day is a part exceeding its
    whole.  The country's running total is a stored cluster linked to the city's by the place
    hierarchy: of it the check reads only the claims of the new claim's day (inconsistencies
    compare claims of one moment), so three times the days of record read the same claims, and
    the findings are the whole record's."""
    stored = [_article(tmp_path, f"pk-{n:02d}", f"مصدر {n}",
                       f"قالت السلطات إن {100 + 25 * n} شخصا قتلوا في الفيضانات في باكستان.", f"2024-05-{n + 1:02d}")
              for n in range(days)]
    stored.append(_article(tmp_path, "khi-early", "إذاعة", "لقي 40 شخصا حتفهم في الفيضانات في كراتشي.", "2024-05-01"))
    new = _article(tmp_path, "n-new", "صحيفة", "لقي 900 شخص حتفهم في الفيضانات في كراتشي.", "2024-05-03")
    fast, whole, stats = both_ways(tmp_path, stored, new)
    assert not stats.fallback, stats
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    assert any(f.rule_id == "inconsistency-part-exceeds-whole" for f in fast.findings), \
        [_finding(f) for f in fast.findings]
    # the country's cluster is linked; of it only its claim of 2024-05-03 is read
    assert stats.clusters_linked == 1 and stats.linked_claims == 1, stats
    # a baseline's findings about the record read the linked clusters whole (all days)
    docs = load_documents([str(new)])
    _found, whole_read = judged.check_against_state(tmp_path / "s.db", docs, _extract(docs, Settings()),
                                                    reconcile_config(Settings()), build=False, whole_linked=True)
    assert whole_read.clusters_linked == 1 and whole_read.linked_claims == days, whole_read


def test_the_day_index_gives_each_linked_cluster_its_claims_of_those_days(record):
    """Every cluster of the day index, read at some of its days, holds exactly its stored claims
    of those days in their order (read by their byte spans), and its first claim when it has
    none then; its id, kind, key and hierarchy keys are the stored ones."""
    from crosscheck.models import Cluster

    _d, _corpus, db = record
    checked = partial = 0
    with closing(sqlite3.connect(db)) as conn:
        heads = dict(conn.execute("SELECT seq, head FROM judged_heads"))
        assert heads
        for seq, head in heads.items():
            stored = Cluster.model_validate_json(compact.unpack(conn.execute(
                "SELECT json FROM judged_clusters WHERE seq = ?", (seq,)).fetchone()[0]))
            days = sorted({c.as_of for c in stored.claims if c.as_of})
            for some in (days, days[::2], ["1900-01-01"]):
                cl = judged._at_days(conn, seq, head, some)
                want = [c for c in stored.claims if c.as_of in some] or stored.claims[:1]
                assert [c.model_dump() for c in cl.claims] == [c.model_dump() for c in want]
                assert (cl.id, cl.kind, cl.key, cl.hierarchy_keys, cl.status) == (
                    stored.id, stored.kind, stored.key, stored.hierarchy_keys, stored.status)
                partial += len(want) < len(stored.claims)
            checked += 1
    assert checked >= 5 and partial >= 1, (checked, partial)


def test_a_number_typo_reads_the_articles_tallies_not_their_clusters(tmp_path):
    """Whether two resolution numbers are one story's depends on the votes their articles report
    (number typos bucket them by each tally's vote and figure).  Those articles' tallies are read
    as values (stored rows), not as the tally clusters holding them with every other article
    reporting the same vote: here seven stored articles report one vote (resolution 2735), one of
    them with its number and with an earlier vote that six more articles report (2612), and a
    new article three days later gives 2735 with two digits swapped and the same tallies (the
    same vote: crosscheck.reconcile.votes links them).  The earlier vote's clusters (seven
    articles each) are not read."""
    body = "صوتت لصالحه 12 دولة وعارضته 2 وامتنعت 1 عن التصويت في مجلس الأمن."
    earlier = "اعتمد مجلس الأمن القرار رقم 2612 بتأييد 14 عضوا وامتناع 1 عن التصويت."
    stored = [_article(tmp_path, "a-first", "وكالة", "تبنى مجلس الأمن الدولي القرار رقم 2735 الذي يطالب بتبادل "
                       "الأسرى، بعد أن " + body + "\n\nوكان المجلس قد " + earlier[:-1].replace("اعتمد ", "اعتمد قبل أيام ")
                       + ".", "2024-06-11")]
    stored += [_article(tmp_path, f"b-same-vote-{i}", f"مصدر {i}", "تبنى مجلس الأمن مشروع القرار بعد أن " + body,
                        "2024-06-11") for i in range(6)]
    stored += [_article(tmp_path, f"c-earlier-vote-{i}", f"موقع {i}", earlier, "2024-06-08") for i in range(6)]
    new, fast, whole, stats = _typo_found(tmp_path, stored, "2024-06-14")
    docs = load_documents([str(new)])
    _found, clustered = judged.check_against_state(tmp_path / "s.db", docs, _extract(docs, Settings()),
                                                   reconcile_config(Settings()), build=False, whole_linked=True)
    # a-first's tallies as rows; the earlier vote's clusters (seven articles each) are not read
    assert stats.tally_rows <= 5 and clustered.tally_rows == 0, (stats, clustered)
    assert stats.clusters_linked < clustered.clusters_linked, (stats, clustered)
    assert stats.linked_claims + 2 * 6 <= clustered.linked_claims, (stats, clustered)


def test_join_moves_of_some_units_are_those_of_deciding_every_unit():
    """`join_moves(only=...)` (a check decides the joins of the new members' units and the
    affected stored ones, among every member those decisions read) gives, for those units,
    exactly the moves of deciding every unit: random figures, days and places of one scope,
    figures repeated across articles, a city, its country and no place."""
    import random

    from crosscheck.models import Claim
    from crosscheck.reconcile.grouping import Member, join_moves

    cfg = reconcile_config(Settings())
    attrs = list(cfg.scope_attributes)
    places = ["karachi", "lahore", "pakistan", None]
    moved = 0
    for seed in range(60):
        rng = random.Random(seed)
        clusters: dict = {}
        n = 0
        for doc in range(rng.randint(3, 12)):
            for _ in range(rng.randint(1, 4)):
                place = rng.choice(places)
                key = ("killed", "b", *[place if a == "location" else None for a in attrs])
                v = rng.choice([10, 12, 15, 20, 40, 97])
                day = rng.choice(["2024-05-01", "2024-05-02", None])
                inferred = ["location"] if place and rng.random() < 0.2 else []
                c = Claim(doc=f"d{doc}", kind="killed", value=v, low=v, high=v, start=n, end=n + 2, surface="xx",
                          location=place, as_of=day, inferred=inferred)
                clusters.setdefault(key, []).append(Member(n, c))
                n += 1
        every = {(k, id(m)): dest for k, m, dest in join_moves(clusters, attrs, cfg)}
        moved += bool(every)
        units = sorted({(k, m.claim.doc) for k, ms in clusters.items() for m in ms}, key=repr)
        only = set(rng.sample(units, rng.randint(1, len(units))))
        some = {(k, id(m)): dest for k, m, dest in join_moves(clusters, attrs, cfg, only)}
        assert some == {(k, i): d for (k, i), d in every.items()
                        if (k, next(m for m in clusters[k] if id(m) == i).claim.doc) in only}, seed
    assert moved >= 10, moved


@pytest.mark.parametrize("scan", [None, 3])
def test_story_joins_read_only_the_placed_days_of_the_deciding_units_windows(monkeypatch, scan):
    """`join_moves(only=..., stories=...)` with the placed clusters' days within
    `story_window_days` of the deciding units' days only (what a check reads: judged._story_days)
    gives the moves of reading every day: random figures at no place and at places over three
    weeks, a crowd of clusters (`MAX_STORY_SCAN`, lowered to 3) included.  Counted: the days
    given are fewer than the record's."""
    import random
    from datetime import timedelta

    from crosscheck.models import Claim
    from crosscheck.reconcile import grouping
    from crosscheck.reconcile.grouping import Member, _day, join_moves, story_days

    if scan is not None:
        monkeypatch.setattr(grouping, "MAX_STORY_SCAN", scan)
    cfg = reconcile_config(Settings())
    attrs = list(cfg.scope_attributes)
    li = 2 + attrs.index("location")
    span = timedelta(days=cfg.story_window_days)
    places = ["karachi", "lahore", "pakistan", None, None]
    joined = fewer = 0
    for seed in range(80):
        rng = random.Random(seed)
        clusters: dict = {}
        n = 0
        for doc in range(rng.randint(4, 16)):
            day = f"2024-05-{rng.randint(1, 21):02d}" if rng.random() < 0.9 else None
            for _ in range(rng.randint(1, 3)):
                place = rng.choice(places)
                key = ("killed", "b", *[place if a == "location" else None for a in attrs])
                v = rng.choice([11, 14, 30, 52, 97])
                c = Claim(doc=f"d{doc}", kind="killed", value=v, low=v, high=v, start=n, end=n + 2, surface="xx",
                          location=place, as_of=day)
                clusters.setdefault(key, []).append(Member(n, c))
                n += 1
        units = sorted({(k, m.claim.doc) for k, ms in clusters.items() for m in ms}, key=repr)
        only = set(rng.sample(units, rng.randint(1, len(units))))
        every = join_moves(clusters, attrs, cfg, only)
        days = {_day(m.claim.as_of) for k, ms in clusters.items() if k[li] is None
                for m in ms if m.claim.as_of is not None and (k, m.claim.doc) in only}
        near = [(_day(m.claim.as_of), k) for k, ms in clusters.items() for m in ms if m.claim.as_of is not None
                and any(abs(_day(m.claim.as_of) - d) <= span for d in days)]
        all_days = [(_day(m.claim.as_of), k) for k, ms in clusters.items() for m in ms if m.claim.as_of is not None]
        some = join_moves(clusters, attrs, cfg, only, story_days(near, attrs), set(clusters))
        assert [(k, id(m), d) for k, m, d in some] == [(k, id(m), d) for k, m, d in every], seed
        joined += any(k[li] is None for k, _m, _d in every)
        fewer += len(set(near)) < len(set(all_days))
    assert joined >= 10 and fewer >= 20, (joined, fewer)


# The same toll given for a city one day and for its country the next is one running total
# (grouping.corroborating_days); a city's toll told two weeks after the country's same figure
# recalls the final toll (grouping.recalls_final, `corroborate_running_days`).  Each: city,
# country, a third article's figure at the country, and the three articles' dates.
_ACROSS_GRANULARITY = {
    "running_total_next_day": (
        "ارتفع عدد قتلى انهيار المبنى في كراتشي إلى 64 قتيلا.",
        "قالت السلطات إن حصيلة انهيار المبنى في باكستان بلغت 64 قتيلا.",
        "بلغت حصيلة انهيار المبنى في باكستان 52 قتيلا.",
        {"other": "2024-05-02", "city": "2024-05-01", "country": "2024-05-02"}),
    "final_toll_recalled_weeks_later": (
        "بدأت محاكمة مالك المبنى بعد انهيار المبنى في كراتشي الذي أودى بحياة 64 شخصا.",
        "قالت السلطات إن حصيلة انهيار المبنى في باكستان بلغت 64 قتيلا.",
        "بلغت حصيلة انهيار المبنى في باكستان 80 قتيلا.",
        {"other": "2024-04-30", "city": "2024-05-15", "country": "2024-05-01"}),
}


@pytest.mark.parametrize("case", sorted(_ACROSS_GRANULARITY))
@pytest.mark.parametrize("stored_city", [False, True])
def test_a_toll_joins_across_granularity_as_the_whole_record(tmp_path, case, stored_city):
    """The city's and the country's 64 are one toll beside the third article's figure: the judged
    record moves it as the whole record does, whichever of the two is stored and which is new."""
    city, country, other, dates = _ACROSS_GRANULARITY[case]
    other = _article(tmp_path, "r-other", "إذاعة", other, dates["other"])
    first, second = (city, "city"), (country, "country")
    if not stored_city:
        first, second = second, first
    stored = _article(tmp_path, "r-stored", "وكالة", first[0], dates[first[1]])
    new = _article(tmp_path, "n-new", "صحيفة", second[0], dates[second[1]])
    fast, whole, stats = both_ways(tmp_path, [other, stored], new)
    assert not stats.fallback, stats
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    assert any({c.doc for c in f.cluster.claims} == {"r-other", "r-stored", "n-new"}
               for f in fast.findings), [_finding(f) for f in fast.findings]


_NO_PLACE = "ارتفع عدد قتلى تحطم الطائرة إلى {n} قتيلا."
_AT = "لقي {n} شخصا حتفهم في تحطم الطائرة في {place}."


@pytest.mark.parametrize("shape", ["new at no place", "new place near a stored one", "second place",
                                   "placed day already stored"])
def test_a_figure_at_no_place_joins_its_story_as_the_whole_record(tmp_path, shape):
    """Which story a dated figure at no place joins depends on the placed clusters of its
    days (grouping.join_moves' `nearest_story`): the check decides those joins for the units
    the new article touches only, with the findings of the whole record, and counts the work:
    the stored units at no place re-decided are those within `story_window_days` of a new
    (day, placed cluster) pair, not the record's."""
    stored = [_article(tmp_path, f"f-far-{i}", f"موقع {i}", _NO_PLACE.format(n=20 + i), f"2024-03-{10 + i:02d}")
              for i in range(8)]  # figures at no place weeks away: never read
    stored += [  # two places: a figure at no place attaches to neither (two candidates), only by its days
        _article(tmp_path, "a-lahore", "موقع", _AT.format(n=12, place="لاهور"), "2024-01-05"),
        _article(tmp_path, "a-karachi", "إذاعة", _AT.format(n=40, place="كراتشي"), "2024-05-01"),
        _article(tmp_path, "b-unplaced", "قناة", _NO_PLACE.format(n=52), "2024-05-11"),
    ]
    if shape == "new at no place":  # joins Karachi's story by its day
        new = _article(tmp_path, "n-new", "صحيفة", _NO_PLACE.format(n=45), "2024-05-02")
    elif shape == "new place near a stored one":  # the stored 52 now has Karachi's story in its days
        new = _article(tmp_path, "n-new", "صحيفة", _AT.format(n=47, place="كراتشي"), "2024-05-10")
    elif shape == "second place":  # two places of its days, neither containing the other: it stays
        stored.append(_article(tmp_path, "c-karachi", "وكالة", _AT.format(n=50, place="كراتشي"), "2024-05-10"))
        new = _article(tmp_path, "n-new", "صحيفة", _AT.format(n=30, place="لاهور"), "2024-05-12")
    else:  # Karachi holds figures of that day already: no stored story can change
        stored.append(_article(tmp_path, "c-karachi", "وكالة", _AT.format(n=50, place="كراتشي"), "2024-05-10"))
        new = _article(tmp_path, "n-new", "صحيفة", _AT.format(n=47, place="كراتشي"), "2024-05-10")
    fast, whole, stats = both_ways(tmp_path, stored, new)
    assert not stats.fallback, stats
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    # the far figures are never read to decide joins (only as members of the cluster at no place
    # when a stored figure leaves it and it is re-made)
    assert stats.corroborating < 8, stats
    assert stats.members_read < 8 or stats.join_changed, stats
    if shape == "new at no place":
        assert stats.story_units == 0 and stats.story_days == 0 and stats.story_entries >= 1, stats
        assert any({"a-karachi", "n-new"} <= {c.doc for c in f.cluster.claims} for f in fast.findings)
    elif shape == "new place near a stored one":
        # one new (day, cluster) pair; the stored 52 decided again and moved to Karachi
        assert (stats.story_days, stats.story_units, stats.join_changed) == (1, 1, 1), stats
        assert any({"a-karachi", "b-unplaced", "n-new"} <= {c.doc for c in f.cluster.claims} for f in fast.findings)
    elif shape == "second place":
        assert (stats.story_days, stats.story_units, stats.join_changed) == (1, 1, 1), stats
        assert not any("b-unplaced" in {c.doc for c in f.cluster.claims} for f in fast.findings)
    else:
        assert (stats.story_days, stats.story_units, stats.join_changed) == (0, 0, 0), stats


@pytest.mark.parametrize("new_day", ["2017-10-16", "2022-08-28", "2020-01-06", "2018-02-10"])
def test_a_record_of_two_stories_at_no_place_gives_the_whole_record_findings(tmp_path, new_day):
    """Figures at no place years apart are two stories (grouping.split_stories): a new figure
    of either, of a third story, or one that bridges two runs of days into one gives the findings
    of the whole record; every run of the scope is re-made (and only the runs: counted)."""
    stored = [
        _article(tmp_path, "a-2017", "إذاعة", "قتل 40 شخصا في انفجار الشاحنة المفخخة.", "2017-10-14"),
        _article(tmp_path, "b-2017", "قناة", "ارتفع عدد قتلى انفجار الشاحنة المفخخة إلى 60 شخصا.", "2017-10-15"),
        _article(tmp_path, "c-2018", "موقع", "قتل 15 شخصا في انفجار الشاحنة المفخخة.", "2018-06-01"),
        _article(tmp_path, "d-2022", "وكالة", "قتل 12 شخصا في انفجار الشاحنة المفخخة.", "2022-08-27"),
    ]
    new = _article(tmp_path, "n-new", "صحيفة", "قتل 9 أشخاص في انفجار الشاحنة المفخخة.", new_day)
    fast, whole, stats = both_ways(tmp_path, stored, new)
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    assert not stats.fallback, stats
    # the runs of the scope re-made: the stored members of its clusters, nothing else
    with closing(sqlite3.connect(tmp_path / "s.db")) as conn:  # the members of every run of the 40's scope
        (in_runs,) = conn.execute("SELECT COUNT(*) FROM judged_members WHERE seq IN (SELECT c.seq FROM judged_clusters c "
                                  "WHERE c.base = (SELECT g.base FROM judged_clusters g JOIN judged_members m ON "
                                  "m.seq = g.seq WHERE m.doc_id = 'a-2017'))").fetchone()
    assert stats.members_read == in_runs < store_stats(tmp_path / "s.db")["claims"], stats
    # all of it at no place: every stored run of the scope (what a check reads kind-wide: benchmarks/README.md, session 34)
    with closing(sqlite3.connect(tmp_path / "s.db")) as conn:
        (stored_runs,) = conn.execute("SELECT COUNT(*) FROM judged_clusters WHERE base = (SELECT g.base FROM "
                                      "judged_clusters g JOIN judged_members m ON m.seq = g.seq "
                                      "WHERE m.doc_id = 'a-2017')").fetchone()
    assert (stats.unplaced_runs, stats.unplaced_read) == (stored_runs, in_runs), stats
    runs = {"2017-10-16": 3, "2022-08-28": 3, "2020-01-06": 4, "2018-02-10": 2}[new_day]
    assert stats.clusters_judged == runs, stats
    flagged = [{c.doc for c in f.cluster.claims} for f in fast.findings if f.cluster.status == "conflict"]
    if new_day == "2018-02-10":  # within 180 days of both: the 2017 and 2018 runs are one story now
        assert {"a-2017", "c-2018", "n-new"} in flagged, flagged  # (the 60 'rose to' is the running total's)
    elif new_day != "2020-01-06":  # the 9 is judged within its own story only
        other = "d-2022" if new_day.startswith("2017") else "a-2017"
        assert flagged and all("n-new" in docs and other not in docs for docs in flagged), flagged


@pytest.mark.parametrize("new_is", ["country", "city"])
def test_siblings_following_a_moved_figure_give_the_whole_record_findings(tmp_path, new_is):
    """An article's figures of other groups follow its figure that joins a finer place
    (grouping._siblings_follow): a country's 141 dead that another article gives for the city
    join the city's toll, and its 122 children the city's children, beside the 132 the other
    article counts there.  The judged record gives the whole record's findings whether the
    moving article is new or stored."""
    city = "قتل 141 شخصا في الهجوم على المدرسة في بيشاور، بينهم 132 طفلا."
    country = "قالت السلطات إن 141 شخصا قتلوا في الهجوم على المدرسة في باكستان، بينهم 122 طفلا."
    other = _article(tmp_path, "r-other", "إذاعة", "قتل 85 شخصا في الهجوم على المدرسة في بيشاور.", "2024-04-30")
    stored = _article(tmp_path, "r-stored", "وكالة", city if new_is == "country" else country)
    new = _article(tmp_path, "n-new", "صحيفة", country if new_is == "country" else city)
    fast, whole, stats = both_ways(tmp_path, [other, stored], new)
    # the judged state moves the followers itself, without judging the touched units whole
    assert not stats.fallback, stats
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    # the children of the country's article are the city's children: 122 against 132, one day
    children = [f for f in whole.findings if {(c.doc, c.value) for c in f.cluster.claims} >= {
        ("r-stored", 132 if new_is == "country" else 122), ("n-new", 122 if new_is == "country" else 132)}]
    assert children and all(f.cluster.status == "conflict" for f in children), \
        [_finding(f) for f in whole.findings]


def test_the_check_holds_the_collector_off_and_gives_it_back(record, tmp_path, monkeypatch):
    """No full collection while the check re-reads and judges members (each one re-reads every
    live object: most of the check's CPU at scale); the collector is as it was afterwards, also
    when it was off, and no garbage cycle is left behind for it (counted)."""
    import gc

    from crosscheck.reconcile import reconciler

    d, corpus, db = record
    states, collections = [], []
    real = reconciler.judge_groups

    def judging(*args, **kwargs):
        states.append(gc.isenabled())
        return real(*args, **kwargs)

    def noted(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    monkeypatch.setattr(reconciler, "judge_groups", judging)
    new = _new_articles(tmp_path, corpus)[0]
    docs = load_documents([str(new)])
    settings = Settings()
    claims = _extract(docs, settings)
    cfg = reconcile_config(settings)
    gc.collect()
    gc.callbacks.append(noted)
    try:
        found, stats = judged.check_against_state(db, docs, claims, cfg)
        assert gc.isenabled()
        gc.disable()
        judged.check_against_state(db, docs, claims, cfg)
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.callbacks.remove(noted)
    assert found is not None and stats.clusters_judged > 0
    assert states == [False, False]
    assert 2 not in collections and len(collections) <= 2  # outside the paused part only
    assert gc.collect() < 100  # what reference counting left: a few cycles at most


def test_the_check_command_runs_with_the_collector_off(record, tmp_path, monkeypatch):
    """`crosscheck check` holds the cyclic collector off from its extraction to its output
    (each collection re-reads the check's live members, claims and clusters; the judging's own
    pause gave it back before the findings, and the first allocation after that collected
    everything the check had made): no collection of any generation from the check's start to
    its rendered output (counted), the same output, and the collector back on afterwards."""
    import gc

    from typer.testing import CliRunner

    from crosscheck.ci import check as check_mod
    from crosscheck.cli import app, check_cmd

    d, corpus, db = record
    new = _new_articles(tmp_path, corpus)[0]
    seen, states, counting = [], [], [False]

    def noted(phase, info):
        if phase == "start" and counting[0]:
            seen.append(info["generation"])

    real_run, real_render = check_mod.run_check, check_cmd.render

    def running(*args, **kwargs):
        counting[0] = True
        states.append(gc.isenabled())
        return real_run(*args, **kwargs)

    def rendering(*args, **kwargs):
        try:
            return real_render(*args, **kwargs)
        finally:
            states.append(gc.isenabled())
            counting[0] = False

    monkeypatch.setattr(check_mod, "run_check", running)
    monkeypatch.setattr(check_cmd, "render", rendering)
    args = ["check", str(new), "--store", str(db), "--format", "json", "--fail-on", "never"]
    gc.collect()
    gc.callbacks.append(noted)
    try:
        got = CliRunner().invoke(app, args)
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(noted)
    assert got.exit_code == 0, got.output
    assert states == [False, False]
    assert seen == []  # not one collection from the check's start to its output
    monkeypatch.setattr(check_mod, "run_check", real_run)
    monkeypatch.setattr(check_cmd, "render", real_render)
    assert CliRunner().invoke(app, args).output == got.output


def _state_tables(db) -> dict[str, list]:
    with closing(sqlite3.connect(db)) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'judged%' ORDER BY name")]
        return {n: list(conn.execute(f"SELECT * FROM {n}")) for n in names}


def test_the_state_is_kept_a_run_of_judged_groups_at_a_time(record, tmp_path, monkeypatch):
    """The judgement gives `keep` its judged groups a run at a time and lets them go (memory:
    the members of a batch once, not with their texts and every judged group too): the same
    tables, row for row, as one run per batch; the members held for it counted."""
    from crosscheck.store import streamed

    _d, _corpus, db = record
    cfg = reconcile_config(Settings())
    want = _state_tables(db)
    assert want["judged_members"] and want["judged_occs"]  # tallies linked and kept too
    copy = tmp_path / "s.db"
    copy.write_bytes(Path(db).read_bytes())
    monkeypatch.setattr(streamed, "KEEP_MEMBERS", 1)  # every group kept on its own
    stats = judged.build_state(copy, cfg)
    assert _state_tables(copy) == want
    with closing(sqlite3.connect(copy)) as conn:
        largest = conn.execute("SELECT MAX(n) FROM (SELECT COUNT(*) n FROM judged_members GROUP BY seq)").fetchone()[0]
    assert stats.batches == 1 and stats.peak_claims_held == stats.claims > 300
    assert stats.peak_kept_members == largest < stats.claims / 4
    monkeypatch.setattr(streamed, "KEEP_MEMBERS", 50)
    stats = judged.build_state(copy, cfg)
    assert _state_tables(copy) == want
    assert 50 <= stats.peak_kept_members < 50 + largest


@pytest.mark.parametrize("new_undated", [True, False])
def test_parts_of_one_stated_whole_give_the_whole_record_findings(tmp_path, new_undated):
    """An undated part of a stated whole ("40 رهينة، بينهم 10 نساء") is read at the moment of
    a dated part of the same whole (crosscheck.reconcile.stated_whole): the re-judged cluster
    sets them against each other whichever side is new, as the whole record does."""
    dated = _article(tmp_path, "a-dated", "وكالة", "أفرجت الجماعة المسلحة صباح اليوم عن 40 رهينة، بينهم 12 امرأة، "
                     "بعد مفاوضات استمرت أسابيع بوساطة قبلية.", "2024-03-10")
    undated = tmp_path / "b-undated.md"
    undated.write_text("---\nid: b-undated\nsource: صحيفة\n---\nوكانت الجماعة قد أفرجت عن 40 رهينة، بينهم 10 "
                       "نساء، ونقلتهم طائرة عسكرية إلى مطار العاصمة حيث استقبلهم عدد من المسؤولين.\n",
                       encoding="utf-8")
    stored, new = ([dated], undated) if new_undated else ([undated], dated)
    fast, whole, stats = both_ways(tmp_path, stored, new)
    assert not stats.fallback, stats
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    assert any({(f.claim.doc, f.claim.value)} | {(c.doc, c.value) for c in f.others}
               >= {("a-dated", 12), ("b-undated", 10)} for f in fast.findings), [_finding(f) for f in fast.findings]

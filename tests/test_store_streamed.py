"""report --store reconciles unit by unit from the store: the same bytes as the in-memory path,
with a bounded number of claims in memory (counted, not timed)."""

from __future__ import annotations

import sys

import pytest

from crosscheck.pipeline import write_reports
from crosscheck.store.sqlite_store import analyse_store, ingest
from crosscheck.store.streamed import reconcile_store, write_store_reports
from store_support import FILES, FORMATS, ARTICLES, ROOT, private_rules, runner, write_articles  # noqa: F401

sys.path.insert(0, str(ROOT / "benchmarks"))
from gen_articles import write_jsonl  # noqa: E402



@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """A store of the fixtures and one of 8 generated articles (many units, real conflicts)."""
    root = tmp_path_factory.mktemp("streamed")
    fixtures = root / "fixtures.db"
    ingest([str(p) for p in ARTICLES], fixtures)
    corpus = root / "gen.jsonl"
    write_jsonl(corpus, 8, 3)
    generated = root / "gen.db"
    ingest([str(corpus)], generated)
    parts = root / "parts.db"
    ingest(write_articles(root, _PARTS), parts)
    return {"fixtures": fixtures, "generated": generated, "parts": parts}


_PARTS = [  # a country's toll, its cities' and its children's, day by day (parts above wholes)
    ("p-01", "2024-05-01", "وكالة", "قالت السلطات إن 100 شخص قتلوا في الفيضانات في باكستان."),
    ("p-02", "2024-05-01", "إذاعة", "لقي 70 شخصا حتفهم في الفيضانات في كراتشي."),
    ("p-03", "2024-05-01", "قناة", "وفي لاهور قتل 50 شخصا في الفيضانات بحسب مسؤولين محليين."),
    ("p-04", "2024-05-02", "صحيفة", "ارتفعت حصيلة الفيضانات في باكستان إلى 150 قتيلا."),
    ("p-05", "2024-05-02", "موقع", "قتل 160 شخصا في الفيضانات في كراتشي وحدها."),
    ("p-06", "2024-05-03", "وكالة", "قالت السلطات إن 210 أشخاص قتلوا في الفيضانات في باكستان بينهم 230 طفلا."),
    ("p-07", "2024-05-03", "إذاعة", "لقي 90 شخصا حتفهم في الفيضانات في لاهور."),
    ("p-08", "2024-05-04", "قناة", "بلغ عدد قتلى الفيضانات في باكستان 260 شخصا."),
    ("p-09", "2024-05-04", "صحيفة", "قتل 120 شخصا في كراتشي و150 في لاهور جراء الفيضانات."),
]



def _small_pages(monkeypatch, limit: int, setting: str = "LARGE_CLUSTERS") -> None:
    """Lay the pages out as a large archive's past `limit` (clusters or claims), two conflicts
    in detail and the rest as one line each."""
    from crosscheck.report import large

    monkeypatch.setattr(large, setting, limit)
    monkeypatch.setattr(large, "DETAILED", 2)


def _scratch_query_plans(monkeypatch, select: str) -> tuple[dict[str, list[str]], list[str]]:
    """Trace the statements run on the report's scratch database; when the record closes, the
    query plan of each ordered statement starting with `select` is read into the returned dict
    (filled by the time write_store_reports returns), next to every statement traced."""
    import sqlite3

    from crosscheck.store import streamed

    statements: list[str] = []
    plans: dict[str, list[str]] = {}
    real_connect = sqlite3.connect
    real_close = streamed.StreamedRecord.close

    def connect(path, *a, **k):
        conn = real_connect(path, *a, **k)
        if str(path).endswith("scratch.db"):
            conn.set_trace_callback(statements.append)
        return conn

    def close(self):
        for sql in {s for s in statements if s.lstrip().startswith(select) and "ORDER BY" in s}:
            plans[sql] = [r[3] for r in self._conn.execute("EXPLAIN QUERY PLAN " + sql)]
        real_close(self)

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(streamed.StreamedRecord, "close", close)
    return plans, statements


def _alive_at_json_writes(monkeypatch, kinds) -> list[int]:
    """A list that receives, each time report.json or report.jsonl starts being written, how
    many objects of `kinds` created since this call are alive (those held elsewhere in the
    process, other tests' caches, are left out)."""
    from crosscheck.report import large

    alive: list[int] = []
    before = _alive(kinds)

    def count_alive():
        alive.append(len(_alive(kinds).keys() - before.keys()))

    for fn in ("write_json_fields", "write_jsonl_items"):
        real = getattr(large, fn)
        monkeypatch.setattr(large, fn, lambda *a, _real=real, **k: count_alive() or _real(*a, **k))
    return alive


def _in_memory(db, out):
    write_reports(analyse_store(db), out, FORMATS)
    return {f: (out / f).read_bytes() for f in FILES}


@pytest.mark.parametrize("name", ["fixtures", "generated"])
def test_streamed_report_is_byte_identical_to_the_in_memory_report(stores, tmp_path, name):
    db = stores[name]
    expected = _in_memory(db, tmp_path / "memory")
    # a tiny batch: many batches of units, each grouped and judged on its own
    done = write_store_reports(db, tmp_path / "streamed", FORMATS, batch_claims=5)
    assert done.stats.batches > 3
    for f in FILES:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f


def test_claims_in_memory_are_bounded_by_the_batch_not_the_record(stores):
    db = stores["generated"]
    with reconcile_store(db, batch_claims=20, doc_chunk=2) as record:
        st = record.stats
        assert st.claims > 150 and st.documents == 8
        with __import__("sqlite3").connect(db) as conn:
            largest_unit = conn.execute(
                "SELECT MAX(n) FROM (SELECT COUNT(*) n FROM claims GROUP BY unit_key)").fetchone()[0]
            two_docs = conn.execute(
                "SELECT MAX(n) FROM (SELECT a.claim_count + b.claim_count n FROM documents a, documents b)"
            ).fetchone()[0]
        # one chunk of two documents in pass 1, one batch of units (or one unit) in pass 2
        assert st.peak_claims_held <= max(20 + largest_unit, two_docs)
        assert st.peak_claims_held < st.claims / 2
        assert sum(1 for _ in record.cluster_texts()) == st.clusters


def test_equal_ids_get_the_suffixes_the_in_memory_path_gives(stores, tmp_path, monkeypatch):
    # ids made to collide: one per kind, so many clusters share one and need -2, -3 ...
    from crosscheck.reconcile import grouping

    monkeypatch.setattr(grouping, "cluster_id", lambda kind, canon: kind.replace("_", "-"))
    db = stores["generated"]
    expected = _in_memory(db, tmp_path / "memory")
    assert b'-3",' in expected["report.json"]
    write_store_reports(db, tmp_path / "streamed", FORMATS, batch_claims=7)
    for f in FILES:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f


def test_report_store_command_streams_from_the_store(stores, tmp_path):
    db = stores["fixtures"]
    expected = _in_memory(db, tmp_path / "memory")
    out = tmp_path / "cli"
    result = runner.invoke(__import__("crosscheck.cli", fromlist=["app"]).app,
                           ["report", "--store", str(db), "--out", str(out), "--format", "md,html,json,jsonl"])
    assert result.exit_code == 0, result.output
    assert "documents 5  claims 24" in result.output
    for f in FILES:
        assert (out / f).read_bytes() == expected[f], f


@pytest.mark.parametrize("by,pieces", [("clusters", False), ("claims", False), ("clusters", True)])
def test_large_pages_are_the_same_from_the_store(stores, tmp_path, monkeypatch, by, pieces):
    """A large archive's pages (more clusters, or more claims, than a page can show in full)
    from the store are the in-memory pages, byte for byte; also with every cluster trimmed for
    the pages and written to the JSON a claim at a time (report.cluster_text)."""
    from crosscheck.report import cluster_text

    if pieces:  # the way without msgspec (with it every cluster is laid out whole)
        monkeypatch.setattr(cluster_text, "_layout", None)
        monkeypatch.setattr(cluster_text, "WHOLE_CHARS", 0)
        made = []
        real = cluster_text.indented_pieces
        monkeypatch.setattr(cluster_text, "indented_pieces", lambda text: made.append(1) or real(text))
    _small_pages(monkeypatch, 5, "LARGE_CLUSTERS" if by == "clusters" else "LARGE_CLAIMS")
    db = stores["generated"]
    expected = _in_memory(db, tmp_path / "memory")
    page = expected["report.html"].decode()
    assert 'id="large-archive"' in page and 'id="list-conflicts-more"' in page
    done = write_store_reports(db, tmp_path / "streamed", FORMATS, batch_claims=9)
    for f in FILES:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f
    if pieces:
        assert len(made) == done.stats.clusters


@pytest.mark.parametrize("name", ["fixtures", "generated", "parts"])
def test_inconsistencies_read_a_batch_of_moments_at_a_time(stores, tmp_path, monkeypatch, name):
    """Part/whole inconsistencies compare claims of one moment (a day, or one article): the
    streamed report holds the linked clusters without their claims and reads their claims back a
    few moments at a time (counted), with the same bytes as the in-memory report."""
    import json

    from crosscheck.store import streamed

    db = stores[name]
    expected = _in_memory(db, tmp_path / "memory")
    monkeypatch.setattr(streamed, "MOMENT_CLAIMS", 3)
    done = write_store_reports(db, tmp_path / "streamed", FORMATS, batch_claims=50)
    for f in FILES:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f
    st = done.stats
    if name == "fixtures":  # five articles: no part/whole link among them
        return
    # the claims of each moment of the additive clusters, from the in-memory report
    from crosscheck.models import Cluster
    from crosscheck.reconcile.hierarchy import ADDITIVE_KINDS
    from crosscheck.reconcile.inconsistencies import _moment

    per_moment: dict = {}
    for item in json.loads(expected["report.json"])["clusters"]:
        cl = Cluster.model_validate(item)
        if cl.kind in ADDITIVE_KINDS:
            for c in cl.claims:
                m = _moment(c, bool(cl.key.get("location")))
                per_moment[m] = per_moment.get(m, 0) + 1
    if name == "parts":  # every part/whole constraint broken on some day
        found = {i["type"] for i in json.loads(expected["report.json"])["inconsistencies"]}
        assert {"part_exceeds_whole", "parts_exceed_whole"} <= found, found
    assert st.moment_batches > 2, st
    # a batch is full at 3 claims: it holds at most 2 + its last moment's claims
    assert st.peak_moment_claims <= 2 + max(per_moment.values()), (st, max(per_moment.values()))
    assert st.peak_moment_claims < sum(per_moment.values()) / 2, st


def test_the_record_is_judged_with_the_collector_off_and_given_back(stores, monkeypatch):
    """Judging a record (streamed from a store, or in memory) runs without the cyclic collector
    (each full collection re-reads every live member and claim); it is as it was afterwards."""
    import gc

    from crosscheck.reconcile import reconciler

    states = []
    real = reconciler.judge_groups

    def judging(*args, **kwargs):
        states.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(reconciler, "judge_groups", judging)
    with reconcile_store(stores["generated"]) as record:
        assert record.stats.claims > 0
    assert states and not any(states)
    assert gc.isenabled()
    n = len(states)
    from crosscheck.store.sqlite_store import load_from_store

    documents, claims = load_from_store(stores["generated"])
    gc.disable()
    try:
        reconciler.reconcile(claims, documents)
        assert not gc.isenabled()
    finally:
        gc.enable()
    reconciler.reconcile(claims, documents)
    assert gc.isenabled()
    assert len(states) == n + 2 and not any(states)


def _scratch_with_clusters(n: int, shared: int):
    """A scratch database of `n` clusters, `shared` ids held by two clusters each."""
    import sqlite3

    from crosscheck.models import Cluster
    from crosscheck.store.streamed import _SCRATCH

    conn = sqlite3.connect(":memory:", isolation_level=None)
    for statement in _SCRATCH.split(";"):
        if statement.strip():
            conn.execute(statement)
    rows = []
    for i in range(n):
        cid = f"c-{i // 2 if i < 2 * shared else i}"
        text = Cluster(id=cid, kind="killed", key={}, status="single", claims=[]).model_dump_json()
        rows.append((cid, f"[[{n - i}]]", 1, 0.0, 1, "single", "killed", 1, text, i, 0, 0))
    conn.executemany("INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return conn


def test_equal_ids_are_found_by_an_index_not_a_scan_per_id():
    """Each id shared by several clusters read its rows by reading the whole table, so the
    work grew as shared ids x clusters (about 30 % of `report --store` at 1k).  Counted in
    SQLite's VM steps: four times the clusters and shared ids, about four times the work (a
    scan per id: sixteen); and the suffixes are those of the rows' order."""
    from crosscheck.store.streamed import _dedupe_ids

    def steps(n: int, shared: int) -> tuple[int, list]:
        conn = _scratch_with_clusters(n, shared)
        count = [0]

        def tick() -> int:
            count[0] += 1
            return 0

        conn.set_progress_handler(tick, 10)
        _dedupe_ids(conn)
        conn.set_progress_handler(None, 0)
        return count[0], [r[0] for r in conn.execute("SELECT id FROM clusters ORDER BY seq")]

    small, ids = steps(400, 40)
    large, _ = steps(1600, 160)
    assert large < 6 * small, (small, large)
    # the later dedupe key ("[[n - i]]" falls with i) comes first, so the first row gets -2
    assert ids[:4] == ["c-0-2", "c-0", "c-1-2", "c-1"]
    assert ids[80] == "c-80"


_VOTES = [  # one vote told three ways: a resolution number with two digits swapped, tallies above the council
    ("v-01", "2025-04-02", "وكالة", "أقر مجلس الأمن القرار 2639 بموافقة 12 عضوا ومعارضة 2 وامتناع 3 أعضاء عن التصويت."),
    ("v-02", "2025-04-02", "إذاعة", "وصوت 12 عضوا في مجلس الأمن لصالح القرار 2693 وعارضه 2 عضوان."),
    ("v-03", "2025-04-03", "قناة", "اعتمد مجلس الأمن القرار 2639 بتأييد 12 عضوا ومعارضة 2 عضوين."),
]


def test_vote_linked_clusters_are_held_as_the_figures_compared(tmp_path, monkeypatch):
    """Number typos and tallies above a body's size compare every vote-linked cluster of the
    record at once (a tenth of a record's claims on the generated corpus); the streamed pass
    holds them as the figures those checks read and cite, not as whole claims with their
    sentences and mentions, and finds the same inconsistencies, byte for byte."""
    from crosscheck.reconcile import inconsistencies

    db = tmp_path / "votes.db"
    ingest(write_articles(tmp_path, _VOTES), db)
    expected = _in_memory(db, tmp_path / "memory")
    found = {i["type"] for i in __import__("json").loads(expected["report.json"])["inconsistencies"]}
    assert {"number_typo", "tally_exceeds_body"} <= found, found
    held = []
    real = inconsistencies.cross_story_inconsistencies

    def checking(clusters, cfg):
        held.extend(c for cl in clusters for c in cl.claims)
        return real(clusters, cfg)

    monkeypatch.setattr(inconsistencies, "cross_story_inconsistencies", checking)
    write_store_reports(db, tmp_path / "streamed", FORMATS, batch_claims=4)
    for f in FILES:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f
    assert len(held) >= 8
    assert not any(hasattr(c, "sentence") or hasattr(c, "mentions") for c in held)


def test_the_members_of_a_batch_share_their_repeated_texts(stores, monkeypatch):
    """A batch's members are read back one pickled row each, and each group's whole claims
    before it is judged, every claim with its own copy of its document id, kind, rule, date and
    scope words: the batch keeps one copy of each repeated text (the members inspected here
    hold their whole claims once judged), and each mention's sentence is its claim's when
    equal.  The values, and the report, are unchanged (the byte-identity tests above)."""
    from crosscheck.reconcile import grouping

    batches = []
    real = grouping.group_members

    def grouping_of(members, *args, **kwargs):
        batches.append(list(members))
        return real(members, *args, **kwargs)

    monkeypatch.setattr(grouping, "group_members", grouping_of)
    with reconcile_store(stores["generated"], batch_claims=10_000) as record:
        assert record.stats.batches == 1
    (members,) = batches
    claims = [m.claim for m in members]
    assert len(claims) > 150
    for name in ("doc", "kind", "rule", "qualifier"):
        values = [getattr(c, name) for c in claims]
        assert len({id(v) for v in values}) == len(set(values)), name
    mentions = [(c, x) for c in claims for x in c.mentions if x.sentence == c.sentence]
    assert mentions and all(x.sentence is c.sentence for c, x in mentions)
    # and one copy of each attribute name: unpickling gives every object its own
    for objects in (claims, members, [x for _c, x in mentions]):
        names = [k for o in objects for k in o.__dict__]
        assert len(names) > 100 and len({id(k) for k in names}) == len(set(names))


def test_members_are_grouped_without_their_mentions_and_judged_with_them(stores, monkeypatch):
    """Grouping (and vote linking) never reads a claim's mentions, about a tenth of a member's
    memory, and the largest unit is held whole: pass 2 reads the members without them and gives
    each group's back just before it is judged.  Counted: no mention is held when a batch is
    grouped, every stored mention reaches judging, at most one group's at a time; the report is
    unchanged (the byte-identity tests above)."""
    import sqlite3

    from crosscheck.reconcile import grouping, reconciler

    db = stores["generated"]
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT SUM(json_array_length(data, '$.mentions')) FROM claims").fetchone()[0]
    assert stored > 20

    at_grouping, judged = [], []
    real_group, real_judge = grouping.group_members, reconciler.judge_groups

    def grouping_of(members, *args, **kwargs):
        at_grouping.append(sum(len(m.claim.mentions) for m in members))
        return real_group(members, *args, **kwargs)

    def judging_of(groups, *args, **kwargs):
        judged.append(sum(len(m.claim.mentions) for g in groups for m in g.members))
        return real_judge(groups, *args, **kwargs)

    monkeypatch.setattr(grouping, "group_members", grouping_of)
    monkeypatch.setattr(reconciler, "judge_groups", judging_of)
    with reconcile_store(db, batch_claims=10_000) as record:
        st = record.stats
    assert at_grouping == [0]  # one batch, grouped without a mention
    assert sum(judged) == st.mentions_restored == stored  # each given back to its group's judging
    assert st.peak_mentions_held == max(judged) < stored


@pytest.mark.parametrize("large_pages", [False, True])
def test_pages_read_the_articles_they_quote_a_few_at_a_time(stores, tmp_path, monkeypatch, large_pages):
    """The HTML marks each claim in its article's text: the store's pages read those texts when
    a claim asks (StoredTexts), keeping the last few, instead of holding every quoted article
    while rendering (at 10k nearly all of them).  Counted: never more than CACHED held; the
    pages are the in-memory pages, byte for byte."""
    from crosscheck.store import streamed

    if large_pages:
        _small_pages(monkeypatch, 5)
    db = stores["generated"]
    expected = _in_memory(db, tmp_path / "memory")
    made = []
    real = streamed.StoredTexts

    class Counted(real):
        CACHED = 2

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(streamed, "StoredTexts", Counted)
    write_store_reports(db, tmp_path / "streamed", ("md", "html"), batch_claims=9)
    for f in ("report.md", "report.html"):
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f
    assert max(t.peak_held for t in made) <= 2
    reads = sum(t.reads for t in made)
    if not large_pages:  # every article of the record is quoted, each read at least once
        assert len(made[0]) == 8 and reads >= 8
    else:  # the trimmed conflicts quote a few
        assert reads >= 1


def test_a_batch_is_grouped_on_compact_rows_and_judged_on_whole_claims(stores, monkeypatch):
    """At scale the largest unit is most of a batch, held while it is grouped: vote linking and
    grouping get compact rows (crosscheck.store.claim_rows: no whole claim, no sentence until
    asked, no attribute read from a whole claim), and each group is judged on its whole claims,
    read back for it alone.  Counted: no `Claim` at grouping; the most whole claims held at once
    is the largest group's, less than the batch; the report is unchanged (byte-identity tests)."""
    from crosscheck.models import Claim
    from crosscheck.reconcile import grouping, reconciler

    at_grouping, judged = [], []
    real_group, real_judge = grouping.group_members, reconciler.judge_groups

    def grouping_of(members, *args, **kwargs):
        at_grouping.append([type(m.claim) for m in members])
        return real_group(members, *args, **kwargs)

    def judging_of(groups, *args, **kwargs):
        judged.append([type(m.claim) for g in groups for m in g.members])
        return real_judge(groups, *args, **kwargs)

    monkeypatch.setattr(grouping, "group_members", grouping_of)
    monkeypatch.setattr(reconciler, "judge_groups", judging_of)
    with reconcile_store(stores["generated"], batch_claims=10_000) as record:
        st = record.stats
    (types,) = at_grouping  # one batch
    assert len(types) == st.claims > 150 and Claim not in types
    assert all(t is Claim for group in judged for t in group)
    assert st.peak_whole_claims == max(map(len, judged)) < st.claims / 2
    assert st.row_fallbacks == 0


def test_rows_read_what_grouping_reads_and_give_their_updates_back():
    """A row holds the attributes linking and grouping read; `model_copy(update=...)` keeps the
    update for the whole claim; another attribute is read from the whole claim (counted)."""
    import pickle
    import sqlite3

    from crosscheck.models import Claim
    from crosscheck.store.claim_rows import RowSource, make_row, row_class, row_fields, row_values

    claim = Claim(doc="d1", kind="killed", value=12, start=3, end=9, surface="12 قتيلا",
                  sentence="قتل 12 شخصا.", location="gaza", period="daily", inferred=["location"])
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE members (idx INTEGER, sentence TEXT)")
    conn.execute("CREATE TABLE claims (idx INTEGER PRIMARY KEY, data BLOB)")
    conn.execute("INSERT INTO members VALUES (7, ?)", (claim.sentence,))
    conn.execute("INSERT INTO claims VALUES (7, ?)", (pickle.dumps((claim, None, None)),))
    fields = row_fields(["group", "location", "period", "event", "actor", "incident"])
    src = RowSource(conn)
    shared: dict = {}
    row = make_row(row_class(fields), 7, row_values(claim, fields), src, shared)
    assert not hasattr(row, "__dict__")
    for name in fields:
        assert getattr(row, name) == (tuple(v) if isinstance(v := getattr(claim, name), list) else v)
    assert src.sentences == 0 and row.sentence == claim.sentence and src.sentences == 1
    assert row.sentence == claim.sentence and src.sentences == 2  # read when asked, not kept
    moved = row.model_copy(update={"period": "cumulative"}).model_copy(update={"event": "vote:x"})
    assert (moved.period, moved.event, row.period) == ("cumulative", "vote:x", "daily")
    assert moved.updates == {"period": "cumulative", "event": "vote:x"} and row.updates == {}
    expected = claim.model_copy(update={"period": "cumulative"}).model_copy(update={"event": "vote:x"})
    assert claim.model_copy(update=moved.updates) == expected
    assert src.fallbacks == 0 and moved.surface == claim.surface and src.fallbacks == 1


def test_judged_clusters_are_written_before_their_json_piles_up(stores, tmp_path, monkeypatch):
    """Pass 2 writes its judged clusters 256 at a time, and sooner once their JSON passes
    ROWS_CHARS: at scale a batch's largest clusters hold thousands of claims each (tens of MB of
    JSON for 256 of them).  Counted: the JSON held never passes the bound plus one cluster's;
    the report is the same."""
    from crosscheck.store import streamed

    db = stores["generated"]
    expected = _in_memory(db, tmp_path / "memory")
    with reconcile_store(db) as record:
        whole = record.stats.peak_rows_chars
        largest = max(len(t) for t in record.cluster_texts())
    assert whole > 3 * largest  # by default, many clusters' JSON together on this small store
    monkeypatch.setattr(streamed, "ROWS_CHARS", largest // 2)
    done = write_store_reports(db, tmp_path / "streamed", FORMATS)
    assert done.stats.peak_rows_chars <= largest // 2 + largest
    for f in FILES:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f


def test_clusters_are_read_in_report_order_through_an_index(stores, tmp_path, monkeypatch):
    """Every query that reads the clusters' JSON in report order or in the conflicts' order
    walks an index (SQLite's own plan): a sort there held every row read, JSON and all, in a
    temporary b-tree in memory (at 10k: report.json's read went from 30 to 218 MB).  Only the
    look-ups of a few hundred named clusters by id sort their rows."""
    from crosscheck.report import large

    monkeypatch.setattr(large, "LARGE_CLUSTERS", 5)  # the pages read the conflicts in their order
    plans, _ = _scratch_query_plans(monkeypatch, "SELECT json FROM clusters")
    write_store_reports(stores["generated"], tmp_path / "out", FORMATS, batch_claims=9)
    by_order = {"report": [s for s in plans if "status_order" in s and " id IN (" not in s and "seq IN" not in s],
                "linked": [s for s in plans if "seq IN" in s],
                "top": [s for s in plans if "no_severity" in s]}
    assert all(by_order.values()), by_order
    for sql, plan in plans.items():
        if " id IN (" in sql:
            continue
        assert not any("TEMP B-TREE FOR ORDER BY" in step for step in plan), (sql, plan)


def test_large_pages_name_clusters_they_do_not_render_by_listed_claims(stores, tmp_path, monkeypatch):
    """A large archive's pages from the store hold the clusters an inconsistency names that are
    no conflict (named, not rendered) with `large.ListedClaim`s, not claim models, and give the
    in-memory pages' bytes."""
    from crosscheck.report import large

    _small_pages(monkeypatch, 2)
    db = stores["generated"]
    expected = _in_memory(db, tmp_path / "memory")
    listed = []
    real = large.listed
    monkeypatch.setattr(large, "listed", lambda c: listed.append(len(c.claims)) or real(c))
    write_store_reports(db, tmp_path / "streamed", FORMATS, batch_claims=9)
    assert listed and sum(listed) > 0  # clusters named by an inconsistency that are no conflict
    for f in FILES:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f


@pytest.mark.parametrize("name", ["generated", "parts"])
def test_inconsistencies_are_spooled_to_the_scratch_and_read_back_in_order(stores, tmp_path, monkeypatch, name):
    """The inconsistencies found are written to the scratch database as they are found and read
    back in report order (through an index, no sort of their JSON; only the ids' keys are sorted
    to keep each id once) for the pages and then, one at
    a time, for report.json and report.jsonl: when those are written no Inconsistency model is
    alive (they were all held from their pass to the end: 17,796 at 10k, 52 MB).  Same bytes."""
    from crosscheck.models import Inconsistency

    db = stores[name]
    expected = _in_memory(db, tmp_path / "memory")
    assert json_incs(expected) > 1  # the test needs inconsistencies to hold
    alive = _alive_at_json_writes(monkeypatch, Inconsistency)
    plans, statements = _scratch_query_plans(monkeypatch, "SELECT json FROM incs")
    write_store_reports(db, tmp_path / "streamed", FORMATS, batch_claims=9)
    for f in FILES:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f
    assert alive == [0, 0], alive
    assert plans, statements
    for sql, plan in plans.items():
        assert not any("TEMP B-TREE" in step for step in plan), (sql, plan)


def json_incs(files) -> int:
    import json

    return len(json.loads(files["report.json"])["inconsistencies"])


def test_spooled_inconsistencies_come_back_as_in_order_gives_them():
    """Made-up inconsistencies with repeated ids, both strengths, types and ids out of order and
    non-ASCII text: spooled in the order found and read back, they are in_order's list."""
    import random
    import sqlite3

    from crosscheck.models import Inconsistency
    from crosscheck.reconcile.inconsistencies import in_order
    from crosscheck.store import streamed

    rng = random.Random(7)
    for _ in range(30):
        found = [Inconsistency(id=rng.choice(["a", "b", "c-2", "c-10", "ج", "Z"]),
                               type=rng.choice(["parts_exceed_whole", "part_exceeds_whole", "number_typo", "ـ"]),
                               strength=rng.choice(["hard", "soft"]), clusters=[str(n)], claims=[],
                               explanation=f"found {n}")
                 for n in range(rng.randint(0, 25))]
        conn = sqlite3.connect(":memory:", isolation_level=None)
        streamed._spool_table(conn)
        cut = rng.randint(0, len(found))
        streamed._spool(conn, found[:cut])  # spooled in the order found, in pieces
        streamed._spool(conn, found[cut:])
        streamed._spooled_in_order(conn)
        record = streamed.StreamedRecord("/nonexistent-scratch", conn, streamed.StreamStats())
        want = [i.model_dump_json() for i in in_order(list(found))]
        assert list(record.inconsistency_texts()) == want
        assert record.inconsistency_count() == len(want)
        conn.close()


def test_the_large_pages_clusters_are_freed_before_the_json_is_written(stores, tmp_path, monkeypatch):
    """A large archive's pages hold the conflicts they show and the clusters the inconsistencies
    name; once the pages are rendered none of them is alive while report.json and report.jsonl
    are written (at 10k they were held through report.json: 110 MB traced at its start)."""
    from crosscheck.models import Cluster
    from crosscheck.report import large

    _small_pages(monkeypatch, 2)
    db = stores["generated"]
    expected = _in_memory(db, tmp_path / "memory")
    shown: list[int] = []
    real_init = large.LargeView.__init__
    alive = _alive_at_json_writes(monkeypatch, (Cluster, large.ListedClaim, large.LargeView))
    monkeypatch.setattr(large.LargeView, "__init__", lambda self, *a, **k: shown.append(1) or real_init(self, *a, **k))
    write_store_reports(db, tmp_path / "streamed", FORMATS, batch_claims=9)
    for f in FILES:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f
    assert shown  # the large pages were made
    assert alive == [0, 0], alive


def _alive(kinds) -> dict:
    """The live objects of these classes by id (the values keep them, so an id is not reused)."""
    import gc

    gc.collect()
    return {id(o): o for o in gc.get_objects() if isinstance(o, kinds)}


def test_large_pages_hold_the_brief_conflicts_without_claim_models(stores, tmp_path, monkeypatch):
    """A large archive's conflicts past the `large.DETAILED` most severe are one line each: the
    store's pages hold their few claims as `large.BriefClaim`s (slots), not claim models, so
    while the pages are rendered the claim models alive are the detailed conflicts' only (at
    most DETAILED x DETAILED_CLAIMS; before, three more per brief conflict: 5,430 brief
    conflicts at 10k).  Counted when render_pages starts; same bytes as the in-memory pages."""
    from crosscheck import pipeline
    from crosscheck.models import ClusterClaim
    from crosscheck.report import large

    _small_pages(monkeypatch, 2)
    db = stores["generated"]
    expected = _in_memory(db, tmp_path / "memory")
    before = _alive(ClusterClaim)
    alive: list[tuple[int, int]] = []
    real = pipeline.render_pages

    def render_pages(shown, *a, **k):
        now = _alive((ClusterClaim, large.BriefClaim))
        fresh = [o for i, o in now.items() if i not in before]
        alive.append((sum(isinstance(o, ClusterClaim) for o in fresh), sum(isinstance(o, large.BriefClaim) for o in fresh)))
        return real(shown, *a, **k)

    monkeypatch.setattr(pipeline, "render_pages", render_pages)
    write_store_reports(db, tmp_path / "streamed", FORMATS, batch_claims=9)
    for f in FILES:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f
    assert len(alive) == 1, alive
    models, brief = alive[0]
    assert models <= large.DETAILED * large.DETAILED_CLAIMS, alive  # 32 before (4 detailed claims, 28 brief)
    assert brief > 0, alive  # the test needs brief conflicts


def test_large_pages_hold_no_notes_of_conflicts_they_show_as_one_line(stores, tmp_path, monkeypatch):
    """Past the Markdown's tables (`large.TABLES`) and the HTML's detailed conflicts, a conflict
    is one line on both pages, which never shows its notes, and a cluster an inconsistency names
    that is no conflict is not rendered at all: the store's pages hold none of their notes
    (6 MB traced for the 5,430 brief conflicts at 10k), and give the in-memory bytes."""
    import json

    from crosscheck import pipeline
    from crosscheck.report import large
    from crosscheck.report.cluster_view import top_conflicts

    _small_pages(monkeypatch, 2)
    monkeypatch.setattr(large, "TABLES", 2)
    db = stores["generated"]
    expected = _in_memory(db, tmp_path / "memory")
    from crosscheck.models import Cluster

    conflicts = top_conflicts(Cluster.model_validate(c) for c in json.loads(expected["report.json"])["clusters"])
    assert sum(len(c.notes) for c in conflicts[2:]) > 0  # the test needs notes on brief conflicts
    named = {cid for inc in json.loads(expected["report.json"])["inconsistencies"] for cid in inc["clusters"]}
    assert sum(len(c["notes"]) for c in json.loads(expected["report.json"])["clusters"]
               if c["id"] in named and c["status"] != "conflict") > 0  # and on clusters named, not rendered
    held: list[tuple[int, int]] = []
    real = pipeline.render_pages

    def render_pages(shown, *a, **k):
        held.append((sum(len(c.notes) for c in shown.clusters if c.status == "conflict" and c.claims
                         and isinstance(c.claims[0], large.BriefClaim)),
                     sum(len(c.notes) for c in shown.clusters if c.status != "conflict")))
        return real(shown, *a, **k)

    monkeypatch.setattr(pipeline, "render_pages", render_pages)
    write_store_reports(db, tmp_path / "streamed", FORMATS, batch_claims=9)
    for f in FILES:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f
    assert held == [(0, 0)], held

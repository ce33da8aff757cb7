"""report --store reads the judged state `check` keeps when it is current (crosscheck.store.
from_state): the same bytes as the report that judges the record again, with no group judged;
a stale or absent state is judged again (counted, not timed)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from contextlib import closing

import pytest

from crosscheck.ci.check import reconcile_config
from crosscheck.config import Settings
from crosscheck.store import from_state, judged
from crosscheck.store.sqlite_store import ingest
from crosscheck.store.from_state import write_reports as write_store_reports
from store_support import judging, report_files, FORMATS, ARTICLES, ROOT, private_rules, run, write_articles  # noqa: F401

sys.path.insert(0, str(ROOT / "benchmarks"))
from gen_articles import write_jsonl  # noqa: E402


_PARTS = [  # a country's toll and its cities', day by day (part/whole inconsistencies)
    ("q-01", "2024-05-01", "وكالة", "قالت السلطات إن 100 شخص قتلوا في الفيضانات في باكستان."),
    ("q-02", "2024-05-01", "إذاعة", "لقي 70 شخصا حتفهم في الفيضانات في كراتشي."),
    ("q-03", "2024-05-01", "قناة", "وفي لاهور قتل 50 شخصا في الفيضانات بحسب مسؤولين محليين."),
    ("q-04", "2024-05-02", "صحيفة", "ارتفعت حصيلة الفيضانات في باكستان إلى 150 قتيلا."),
    ("q-05", "2024-05-02", "موقع", "قتل 160 شخصا في الفيضانات في كراتشي وحدها."),
    ("q-06", "2024-05-03", "وكالة", "قالت السلطات إن 210 أشخاص قتلوا في الفيضانات في باكستان."),
]


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """Stores of the fixtures, of generated articles (JSONL: votes, tallies, running totals) and
    of front-matter articles with parts and wholes, each with its judged state."""
    root = tmp_path_factory.mktemp("from_state")
    corpus = root / "gen.jsonl"
    write_jsonl(corpus, 10, 5)
    made = {}
    for name, inputs in (("fixtures", [str(p) for p in ARTICLES]), ("generated", [str(corpus)]),
                         ("parts", write_articles(root, _PARTS))):
        db = root / f"{name}.db"
        ingest(inputs, db)
        judged.ensure_state(db, reconcile_config(Settings()))
        made[name] = db
    return made


def _both(db, tmp_path, monkeypatch):
    count = judging(monkeypatch)
    read = write_store_reports(db, tmp_path / "state", FORMATS)
    from_state_groups = count[0]
    again = write_store_reports(db, tmp_path / "again", FORMATS, judged=False)
    return read, from_state_groups, again, count[0] - from_state_groups


@pytest.mark.parametrize("name", ["fixtures", "generated", "parts"])
def test_a_current_state_gives_the_judged_report_byte_for_byte_and_judges_nothing(stores, tmp_path, monkeypatch,
                                                                                   name):
    read, groups_read, again, groups_again = _both(stores[name], tmp_path, monkeypatch)
    assert read.judged_again == "" and again.judged_again == "not asked"
    assert groups_read == 0 and groups_again == again.stats.clusters > 0
    assert report_files(tmp_path / "state") == report_files(tmp_path / "again")
    assert read.summary == again.summary
    assert (read.stats.documents, read.stats.claims, read.stats.clusters, read.stats.status, read.stats.left) == \
        (again.stats.documents, again.stats.claims, again.stats.clusters, again.stats.status, again.stats.left)
    if name == "parts":  # inconsistencies found from the state's clusters too
        assert b'"inconsistency"' in report_files(tmp_path / "state")["report.jsonl"]


def test_sentences_are_read_again_past_the_bound_with_the_same_bytes(stores, tmp_path, monkeypatch):
    monkeypatch.setattr(from_state, "SENTENCES_HELD", 3)
    held = []  # (sentences held, sentences the cluster needs) after each cluster
    real = from_state._Sentences.need

    def need(self, ids):
        real(self, ids)
        held.append((len(self.texts), len(ids)))

    monkeypatch.setattr(from_state._Sentences, "need", need)
    read, groups_read, again, _ = _both(stores["generated"], tmp_path, monkeypatch)
    assert read.judged_again == "" and groups_read == 0
    assert held and all(n <= max(3, own) for n, own in held)
    assert sum(own for _, own in held) > 3  # the bound was passed: some were dropped and read again
    assert report_files(tmp_path / "state") == report_files(tmp_path / "again")


def _copy(db, tmp_path, name="copy.db"):
    copy = tmp_path / name
    shutil.copyfile(db, copy)
    return copy


def test_a_record_changed_since_it_was_judged_is_judged_again(stores, tmp_path, monkeypatch):
    db = _copy(stores["parts"], tmp_path)
    (extra,) = write_articles(tmp_path, [("q-07", "2024-05-04", "قناة", "بلغ عدد قتلى الفيضانات في باكستان 260 شخصا.")])
    ingest([extra], db)  # a new generation
    count = judging(monkeypatch)
    done = write_store_reports(db, tmp_path / "out", FORMATS)
    assert "generation" in done.judged_again and count[0] == done.stats.clusters > 0
    assert '"q-07"' in (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
    # judged (as check does), the state is read again
    judged.ensure_state(db, reconcile_config(Settings()))
    count[0] = 0
    again = write_store_reports(db, tmp_path / "out2", FORMATS)
    assert again.judged_again == "" and count[0] == 0
    assert report_files(tmp_path / "out") == report_files(tmp_path / "out2")


def test_another_rules_or_settings_version_is_judged_again(stores, tmp_path):
    db = _copy(stores["parts"], tmp_path)
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE meta SET value = value || 'x' WHERE key = 'judged_version'")
    done = write_store_reports(db, tmp_path / "out", FORMATS)
    assert "version" in done.judged_again


def test_an_article_file_edited_outside_its_body_is_judged_again(stores, tmp_path, monkeypatch):
    """The positions are read from the files: a front matter one line longer moves every claim a
    line down; the state's positions are then not the report's."""
    root = tmp_path / "arts"
    root.mkdir()
    paths = write_articles(root, _PARTS)
    db = tmp_path / "s.db"
    ingest(paths, db)
    judged.ensure_state(db, reconcile_config(Settings()))
    first = write_store_reports(db, tmp_path / "before", FORMATS)
    assert first.judged_again == ""
    p = root / "q-02.md"
    p.write_text(p.read_text(encoding="utf-8").replace("---\nid:", "---\ntitle: كراتشي\nid:", 1), encoding="utf-8")
    read, _, again, _ = _both(db, tmp_path, monkeypatch)
    assert "q-02" in read.judged_again and "changed" in read.judged_again
    assert report_files(tmp_path / "state") == report_files(tmp_path / "again")
    assert report_files(tmp_path / "state") != report_files(tmp_path / "before")  # the positions moved


def test_no_state_or_a_state_without_its_files_recorded_is_judged_again(stores, tmp_path):
    bare = tmp_path / "bare.db"
    ingest([str(p) for p in ARTICLES], bare)
    assert write_store_reports(bare, tmp_path / "a", FORMATS).judged_again == "no judged state"
    older = _copy(stores["fixtures"], tmp_path, "older.db")
    with closing(sqlite3.connect(older)) as conn, conn:
        conn.execute("DROP TABLE judged_places")
    assert "files" in write_store_reports(older, tmp_path / "b", FORMATS).judged_again


def test_report_command_reads_the_state(stores, tmp_path, monkeypatch):
    count = judging(monkeypatch)
    result = run("report", "--store", stores["generated"], "--out", tmp_path / "cli", "--no-progress")
    assert result.exit_code == 0, result.output
    assert count[0] == 0
    write_store_reports(stores["generated"], tmp_path / "again", ("md", "html", "json"), judged=False)
    for f in ("report.md", "report.html", "report.json"):
        assert (tmp_path / "cli" / f).read_bytes() == (tmp_path / "again" / f).read_bytes()


def test_kept_inconsistencies_are_read_not_looked_for_and_an_older_state_looks_for_them(stores, tmp_path,
                                                                                       monkeypatch):
    from crosscheck.store import streamed

    looked = [0]
    real = streamed._inconsistencies

    def counted(*a, **k):
        looked[0] += 1
        return real(*a, **k)

    monkeypatch.setattr(from_state, "_inconsistencies", counted)
    monkeypatch.setattr(streamed, "_inconsistencies", counted)
    db = stores["parts"]
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM judged_incs").fetchone()[0] > 0
    read, groups_read, again, _ = _both(db, tmp_path, monkeypatch)
    assert read.judged_again == "" and groups_read == 0
    assert looked[0] == 1  # the judged report's only
    assert report_files(tmp_path / "state") == report_files(tmp_path / "again")
    older = _copy(db, tmp_path, "older.db")
    with closing(sqlite3.connect(older)) as conn, conn:
        conn.execute("DROP TABLE judged_incs")
    looked[0] = 0
    done = write_store_reports(older, tmp_path / "older", FORMATS)
    assert done.judged_again == "" and looked[0] == 1
    assert report_files(tmp_path / "older") == report_files(tmp_path / "again")


def test_clusters_copied_from_the_state_are_written_before_their_json_piles_up(stores, tmp_path, monkeypatch):
    """A run of the largest clusters (megabytes each at scale) is written as soon as its JSON
    passes ROWS_CHARS, not 256 clusters at a time (at 10k: 491 -> 119 MB for the copy)."""
    monkeypatch.setattr(from_state, "ROWS_CHARS", 1)  # each cluster written alone
    read, groups_read, again, _ = _both(stores["generated"], tmp_path, monkeypatch)
    assert read.judged_again == "" and groups_read == 0
    largest = max(len(line) for line in (tmp_path / "again" / "report.jsonl").read_text(encoding="utf-8").splitlines()
                  if line.startswith('{"type":"cluster"') or '"cluster"' in line[:40])
    assert 0 < read.stats.peak_rows_chars <= largest
    assert report_files(tmp_path / "state") == report_files(tmp_path / "again")


def test_the_sort_fields_are_the_parsed_clusters_without_parsing_claims(stores):
    """`sort_fields` (the cluster's fields without its claims, and how many) is `json.loads` of
    every stored cluster of the stores, and of clusters whose strings hold its markers."""
    import json

    from crosscheck.models import Cluster
    from crosscheck.store import compact

    seen = 0
    for db in stores.values():
        with closing(sqlite3.connect(db)) as conn:
            for (data,) in conn.execute("SELECT json FROM judged_clusters"):
                text = compact.unpack(data).decode("utf-8")
                whole = json.loads(text)
                head, n = from_state.sort_fields(text)
                assert n == len(whole.pop("claims")) and head.pop("claims") == [] and head == whole
                seen += 1
    assert seen > 50
    real = Cluster.model_validate_json(text)
    marks = ',"claims":[ {"doc":" ],"strength": '
    tricky = real.model_copy(update={
        "id": marks, "notes": [marks, '"],"strength":"hard"}'], "block_key": marks, "hierarchy_keys": [marks],
        "claims": [c.model_copy(update={"sentence": marks, "surface": '{"doc":"x"}'}) for c in real.claims] * 3})
    for c in (tricky, tricky.model_copy(update={"claims": []})):
        text = c.model_dump_json()
        head, n = from_state.sort_fields(text)
        whole = json.loads(text)
        assert n == len(whole.pop("claims")) and head.pop("claims") == [] and head == whole


def test_sentences_encoded_together_are_each_encoded_alone():
    texts = ["قال 5", "", 'a "b", "c"\n\\', "x\u2028y\x85\x00\x1f\x7f", "\n", '", "', "\U0001f600 ك"] * 3
    assert from_state._encoded(texts) == ['"sentence":' + json.dumps(t, ensure_ascii=False) for t in texts]
    assert from_state._encoded([]) == []

"""The real CI flow on the seed articles: ingest four, check the fifth against the store.

Expectations come from the fixtures themselves: `fixtures/expected_conflicts.jsonl` (the seed
judgements: which claims must be flagged as conflicting, which must not) and the article text
(an annotation's line/column must point at the claim's surface in the file).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from store_support import private_rules  # noqa: F401  (autouse fixture)
from store_support import SOFT, run, article, FIXTURES, ARTICLES

JUDGEMENTS = [json.loads(line) for line in (FIXTURES / "expected_conflicts.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]

# `::error file=F,line=L,col=C,endColumn=E,title=T::message`; property values are escaped, so
# ',' and ':' inside them never occur literally.
ANNOTATION = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),endColumn=(\d+),title=([^:]*)::(.*)$")


def article(stem_prefix: str) -> Path:
    (path,) = [p for p in ARTICLES if p.name.startswith(stem_prefix)]
    return path


def must_flag(doc_id: str) -> set[tuple[str, float]]:
    """(kind, value) of the claims of `doc_id` that the seed judgements say conflict."""
    return {(k, v) for j in JUDGEMENTS if j["verdict"] == "conflict"
            for d, k, v in j["claims"] if d == doc_id}


def must_not_flag(doc_id: str) -> set[tuple[str, float]]:
    return {(k, v) for j in JUDGEMENTS if j["verdict"] != "conflict"
            for d, k, v in j["claims"] if d == doc_id} - must_flag(doc_id)


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """For each seed article, a store holding the four others."""
    base = tmp_path_factory.mktemp("stores")
    out = {}
    for new in ARTICLES:
        db = base / f"without-{new.stem[:3]}.db"
        r = run("ingest", *[p for p in ARTICLES if p != new], "--store", db)
        assert r.exit_code == 0, r.output
        assert "4 added, 0 updated, 0 unchanged" in r.stdout
        out[new.stem] = db
    return out


def check_json(new: Path, *args) -> tuple[int, dict]:
    r = run("check", *SOFT, new, *args, "--format", "json")
    assert r.exit_code in (0, 1), r.output
    return r.exit_code, json.loads(r.stdout)


@pytest.mark.parametrize("new", ARTICLES, ids=lambda p: p.stem[:3])
def test_checking_each_seed_against_the_other_four_flags_exactly_the_judged_conflicts(stores, new):
    code, data = check_json(new, "--store", stores[new.stem])
    flagged = {(f["kind"], f["value"]) for f in data["findings"] if f["level"] == "error"}
    assert flagged == must_flag(new.stem)
    assert not flagged & must_not_flag(new.stem)
    assert code == (1 if must_flag(new.stem) else 0)
    assert all(f["doc"] == new.stem for f in data["findings"])  # only the new article is annotated
    assert data["record_documents"] == 4


def test_checking_003_against_000_to_002_flags_the_killed_cluster():
    new = article("003")
    r = run("check", *SOFT, new, "--against", article("000"), article("001"), article("002"), "--format", "github")
    assert r.exit_code == 1, r.output
    lines = r.stdout.splitlines()
    errors = [ANNOTATION.match(line) for line in lines if line.startswith("::error")]
    assert len(errors) == 1 and errors[0] is not None
    kind_values = must_flag("003_5576086d5ce9dbd0")
    assert {k for k, _v in kind_values} == {"killed"}
    assert "killed conflict" in errors[0].group(6)
    # The summary is the last line and counts what was annotated.
    assert lines[-1] == "crosscheck: 1 conflict(s) in 1 new article(s) checked against 3 in the record"


def test_hostages_held_100_vs_200_is_flagged_in_002_against_001():
    r = run("check", *SOFT, article("002"), "--against", article("001"), "--format", "json")
    assert r.exit_code == 1, r.output
    data = json.loads(r.stdout)
    (f,) = [f for f in data["findings"] if f["kind"] == "hostages_held"]
    assert f["value"] == 200 and [o["value"] for o in f["others"]] == [100]
    assert {o["doc"] for o in f["others"]} == {"001_f8b2aaeb78f298cc"} and f["others_total"] == 1


@pytest.mark.parametrize("new", [a for a in ARTICLES if must_flag(a.stem)], ids=lambda p: p.stem[:3])
def test_annotations_point_at_the_claim_surface_in_the_file(stores, new):
    r = run("check", *SOFT, new, "--store", stores[new.stem], "--format", "github")
    assert r.exit_code == 1, r.output
    file_lines = new.read_text(encoding="utf-8").split("\n")
    data = json.loads(run("check", *SOFT, new, "--store", stores[new.stem], "--format", "json").stdout)
    matches = [ANNOTATION.match(line) for line in r.stdout.splitlines() if line.startswith("::")]
    assert matches and all(matches)
    assert len(matches) == len(data["findings"])
    for m, f in zip(matches, data["findings"]):
        path, line, col, end_col = m.group(2), int(m.group(3)), int(m.group(4)), int(m.group(5))
        assert Path(path).resolve() == new.resolve()
        annotated = file_lines[line - 1][col - 1:end_col]  # endColumn is inclusive
        assert annotated == f["surface"]


def test_annotations_count_front_matter_lines(tmp_path):
    new = article("002")  # hostages held: about 200 here, more than 100 in 001 (judged a conflict)
    body = new.read_text(encoding="utf-8")
    front = "---\nid: 002_79535e7b29ee2aed\ntitle: \"a title, with: punctuation\"\n---\n"
    moved = tmp_path / "002.md"
    moved.write_text(front + body, encoding="utf-8")
    plain = run("check", *SOFT, new, "--against", article("001"), "--format", "json")
    framed = run("check", *SOFT, moved, "--against", article("001"), "--format", "json")
    assert plain.exit_code == framed.exit_code == 1, framed.output
    (p,) = json.loads(plain.stdout)["findings"]
    (f,) = json.loads(framed.stdout)["findings"]
    assert f["line"] == p["line"] + front.count("\n")
    assert f["column"] == p["column"]
    line_text = moved.read_text(encoding="utf-8").split("\n")[f["line"] - 1]
    assert line_text[f["column"] - 1:f["end_column"]] == f["surface"]


def test_a_clean_check_exits_0_and_says_so(tmp_path):
    # An article that agrees with the record: the displaced figure of 003 alone.
    sentence = next(line for line in article("003").read_text(encoding="utf-8").splitlines() if "مليون" in line)
    clean = tmp_path / "clean.txt"
    clean.write_text(sentence + "\n", encoding="utf-8")
    r = run("check", *SOFT, clean, "--against", article("001"), article("002"))
    assert r.exit_code == 0, r.output
    assert r.stdout.strip().splitlines()[-1].startswith("crosscheck: 0 conflict(s) in 1 new article(s)")


def test_fail_on_never_reports_but_exits_0():
    r = run("check", article("002"), "--against", article("001"), "--fail-on", "never")
    assert r.exit_code == 0
    assert ": warning: hostages_held:" in r.stdout  # "more than 100" vs "about 200": soft


def test_soft_conflict_warns_by_default_and_fails_with_fail_on_soft():
    default = run("check", article("002"), "--against", article("001"))
    assert default.exit_code == 0, default.output
    assert ": warning: hostages_held:" in default.stdout and "soft conflict" in default.stdout
    soft = run("check", article("002"), "--against", article("001"), "--fail-on", "soft")
    assert soft.exit_code == 1 and ": error: hostages_held:" in soft.stdout


def test_hard_conflict_fails_by_default(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("---\ndate: 2024-03-01\n---\nقتل 500 شخص في غزة منذ بدء الحرب.\n", encoding="utf-8")
    b.write_text("---\ndate: 2024-03-01\n---\nقتل 900 شخص في غزة منذ بدء الحرب.\n", encoding="utf-8")
    r = run("check", b, "--against", a)
    assert r.exit_code == 1, r.output
    assert ": error: killed:" in r.stdout and "(hard)" in r.stdout


def test_old_fail_on_values_still_work_with_a_deprecation_note():
    r = run("check", article("002"), "--against", article("001"), "--fail-on", "conflict")
    assert r.exit_code == 1
    assert "deprecated" in r.stderr and "--fail-on soft" in r.stderr


def test_usage_and_input_errors_exit_2_with_one_line(tmp_path):
    missing = tmp_path / "nope.txt"
    r = run("check", *SOFT, missing, "--against", article("000"))
    assert r.exit_code == 2
    assert r.stderr.strip() == f"crosscheck: error: {missing}: no such file or directory"
    assert r.stdout == ""
    r = run("check", *SOFT, article("003"))
    assert r.exit_code == 2
    assert "nothing to check against" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = run("check", *SOFT, article("003"), "--against", article("000"), "--format", "xml")
    assert r.exit_code == 2 and "--format: unknown format 'xml'" in r.stderr
    r = run("check", *SOFT, article("003"), "--store", tmp_path / "none.db")
    assert r.exit_code == 2 and "no claim store there" in r.stderr


def test_output_file_is_written_atomically_and_only_on_success(tmp_path):
    out = tmp_path / "out.sarif"
    r = run("check", *SOFT, article("002"), "--against", article("001"), "--format", "sarif", "-o", out)
    assert r.exit_code == 1
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
    before = out.read_bytes()
    r = run("check", *SOFT, tmp_path / "missing.txt", "--against", article("000"), "--format", "sarif", "-o", out)
    assert r.exit_code == 2
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.sarif"]  # no temporary left behind


def test_against_takes_several_paths_and_equals_form_takes_one():
    a, b = article("000"), article("001")
    many = run("check", *SOFT, article("002"), "--against", a, b, "--format", "json")
    data = json.loads(many.stdout)
    assert data["record_documents"] == 2 and data["new_documents"] == ["002_79535e7b29ee2aed"]
    one = run("check", *SOFT, article("002"), f"--against={a}", b, "--format", "json")
    data = json.loads(one.stdout)
    assert data["record_documents"] == 1
    assert sorted(data["new_documents"]) == ["001_f8b2aaeb78f298cc", "002_79535e7b29ee2aed"]


def test_an_edited_article_replaces_its_stored_version(tmp_path, stores):
    """A PR that edits a stored article: the new text is checked, the stored one ignored."""
    db = tmp_path / "all.db"
    assert run("ingest", *ARTICLES, "--store", db).exit_code == 0
    edited = tmp_path / article("003").name
    text = article("003").read_text(encoding="utf-8")
    shutil.copy(article("003"), edited)
    # Without the toll sentence the article no longer conflicts over the killed cluster.
    edited.write_text("\n".join(line for line in text.split("\n") if "32 ألف" not in line), encoding="utf-8")
    code, data = check_json(edited, "--store", db)
    assert not [f for f in data["findings"] if f["kind"] == "killed"]
    assert data["record_documents"] == 4
    assert code == 0

"""A place the article singles out ("في إقليم إيراوادي وحده") is set against the story's whole,
even when the whole's figure took its place (the country) from its article: at a moment where
the part's figure is so singled out, such a whole's figure counts for an article that states no
figure of the whole's place (crosscheck.reconcile.inconsistencies, FALLBACK).  Without "وحده"
an inferred place still never stands for the country's.  The store's streamed report, reading
a few moments at a time, gives the same bytes."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import build_report, reconcile

WHOLE = Document(id="a", date="2008-05-06", text=(
    "تواصل فرق الإغاثة عملها في ميانمار بعد الإعصار. "
    "وأعلن التلفزيون الرسمي مساء الثلاثاء أن حصيلة الإعصار ارتفعت إلى 9300 قتيل."))


def _part(alone: bool) -> Document:
    word = " وحده" if alone else ""
    return Document(id="b", date="2008-05-06", text=(
        f"وقالت السلطات مساء الثلاثاء إن عدد القتلى جراء الإعصار في إقليم إيراوادي{word} بلغ 10 آلاف شخص."))


def _incs(*docs):
    claims = [c for d in docs for c in extract(d)]
    return build_report(list(docs), reconcile(claims, list(docs))).inconsistencies


def test_a_place_singled_out_above_the_storys_whole_is_an_inconsistency():
    [inc] = _incs(WHOLE, _part(alone=True))
    assert inc.type == "part_exceeds_whole"
    assert {(c.doc, c.value, c.role) for c in inc.claims} == {("b", 10000, "part"), ("a", 9300, "whole")}


def test_without_alone_an_inferred_place_does_not_stand_for_the_country():
    assert _incs(WHOLE, _part(alone=False)) == []


def test_an_article_stating_the_whole_place_speaks_for_itself():
    # the whole's article states the country for one figure: its inferred figures stay out
    stated = Document(id="a", date="2008-05-06", text=(
        "قالت الحكومة إن 12 ألف شخص قتلوا في ميانمار. "
        "وأعلن التلفزيون الرسمي أن حصيلة الإعصار بلغت 9300 قتيل."))
    assert _incs(stated, _part(alone=True)) == []


def test_the_streamed_store_report_is_byte_identical(tmp_path, monkeypatch):
    from crosscheck.pipeline import write_reports
    from crosscheck.store import streamed
    from crosscheck.store.sqlite_store import analyse_store, ingest
    from crosscheck.store.streamed import write_store_reports

    rows = [
        ("s-01", "2008-05-06", "وكالة", WHOLE.text),
        ("s-02", "2008-05-06", "قناة", _part(alone=True).text),
        ("s-03", "2008-05-07", "صحيفة", "تواصل الإغاثة في ميانمار. وارتفعت حصيلة الإعصار إلى 15 ألف قتيل."),
        ("s-04", "2008-05-07", "موقع", "وقال مسؤول إن 9 آلاف شخص قتلوا في إقليم إيراوادي."),
    ]
    paths = []
    for doc_id, date, source, text in rows:
        p = tmp_path / f"{doc_id}.md"
        p.write_text(f"---\nid: {doc_id}\ndate: {date}\nsource: {source}\n---\n{text}\n", encoding="utf-8")
        paths.append(str(p))
    db = tmp_path / "s.db"
    ingest(paths, db)
    files = ("report.json", "report.md")
    write_reports(analyse_store(db), tmp_path / "memory", ("json", "md"))
    expected = {f: (tmp_path / "memory" / f).read_bytes() for f in files}
    assert b"part_exceeds_whole" in expected["report.json"]
    monkeypatch.setattr(streamed, "MOMENT_CLAIMS", 1)
    write_store_reports(db, tmp_path / "streamed", ("json", "md"), batch_claims=1)
    for f in files:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f

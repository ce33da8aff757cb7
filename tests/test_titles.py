"""Headline claims (crosscheck.extract.titles): a figure of the front-matter `title` is a claim
of its own field, folds into the body's claim when the body states the same figure, and a
headline's rounding of a body figure is judged with it, never against it.  Own examples."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.pipeline import analyse
from crosscheck.text.documents import load_documents
from crosscheck.text.textpos import Locator


def _doc(title: str, body: str, doc_id: str = "t1", date: str = "2025-03-02") -> Document:
    return Document(id=doc_id, title=title, text=body, date=date)


def _title_claims(claims):
    return [c for c in claims if c.field == "title"]


def test_every_title_span_indexes_the_title():
    d = _doc("الفيضانات تقتل 64 شخصا وتشرد نحو 3 آلاف في الإقليم",
             "قالت السلطات إن الفيضانات قتلت 61 شخصا في الإقليم الجنوبي.")
    claims = extract(d)
    spans = [(c.start, c.end, c.surface) for c in claims if c.field == "title"]
    spans += [(m.start, m.end, m.surface) for c in claims for m in c.mentions if m.field == "title"]
    assert spans, "the headline's figures are read"
    for start, end, surface in spans:
        assert d.title[start:end] == surface
    for c in claims:
        if c.field == "text":
            assert d.text[c.start:c.end] == c.surface


def test_a_figure_in_title_and_body_is_one_claim_with_a_title_mention():
    d = _doc("ارتفاع حصيلة انهيار المنجم إلى 47 قتيلا",
             "أعلنت السلطات أن عدد قتلى انهيار المنجم ارتفع إلى 47 قتيلا بعد انتشال جثث جديدة.")
    killed = [c for c in extract(d) if c.kind == "killed"]
    assert [c.value for c in killed] == [47]
    (c,) = killed
    assert c.field == "text" and d.text[c.start:c.end] == c.surface
    assert [m.field for m in c.mentions] == ["text", "title"]


def test_a_headline_of_no_kind_folds_into_the_body_figure_of_its_value():
    # "الحصيلة 73" alone names no kind; the body's 73 is a death toll: one claim
    d = _doc("حريق المستودع: الحصيلة 73",
             "وقال الدفاع المدني إن 73 شخصا لقوا حتفهم في حريق المستودع.")
    claims = extract(d)
    assert [c.value for c in claims if c.kind == "killed"] == [73]
    assert not _title_claims(claims)


def test_a_rounded_headline_is_its_own_claim_with_the_body_figure_scope():
    d = _doc("حصيلة زلزال الإقليم ترتفع إلى نحو 2300 قتيل",
             "أعلنت وزارة الداخلية أن عدد قتلى الزلزال في تركيا ارتفع إلى 2316 قتيلا حتى مساء اليوم.")
    claims = extract(d)
    (t,) = _title_claims(claims)
    (b,) = [c for c in claims if c.kind == "killed" and c.field == "text"]
    assert (t.kind, t.value, t.qualifier) == ("killed", 2300, "approx")
    assert b.value == 2316
    assert (t.location, t.period, t.group) == (b.location, b.period, b.group)
    assert d.title[t.start:t.end] == t.surface


def test_a_headline_more_than_takes_the_kind_of_the_body_figure_it_rounds():
    d = _doc("الأمطار الغزيرة: الضحايا يتجاوزون 120",
             "وأكدت السلطات أن 126 شخصا لقوا حتفهم في الأمطار الغزيرة منذ الأحد.")
    (t,) = _title_claims(extract(d))
    assert (t.kind, t.value, t.qualifier) == ("killed", 120, "more_than")


def test_a_vague_headline_without_a_body_figure_is_no_claim():
    d = _doc("عشرات القتلى في قصف على السوق", "وقال شهود إن القصف دمر عشرات المحال في السوق.")
    assert not _title_claims(extract(d))


def test_a_figure_joined_by_wa_to_the_next_clause_has_no_counted_noun():
    # "و" then a verb or another noun opens the next item: the figure is bare, its cue types it
    d = _doc("وفيات الكوليرا ترتفع إلى 88 ومخاوف من انتشار الوباء", "")
    (t,) = _title_claims(extract(d))
    assert (t.kind, t.value) == ("killed", 88)


def test_title_position_is_the_headline_in_the_front_matter(tmp_path):
    path = tmp_path / "a.md"
    path.write_text('---\nid: a\ntitle: "السيول تقتل 58 في الوادي"\n---\nقتلت السيول 58 شخصا في الوادي.\n',
                    encoding="utf-8")
    (doc,) = load_documents([str(path)])
    (c,) = [c for c in extract(doc) if c.kind == "killed"]
    locator = Locator([doc])
    title_mention = [m for m in c.mentions if m.field == "title"][0]
    where = locator.where(doc.id, title_mention.start, title_mention.end, "title")
    line, col = map(int, where.rsplit(":", 2)[1:])
    assert line == 3
    assert path.read_text(encoding="utf-8").splitlines()[2][col - 1:].startswith(title_mention.surface)
    assert locator.where(doc.id, c.start, c.end).rsplit(":", 2)[1] == "5"


def _write(tmp_path, name: str, title: str, body: str, date: str) -> None:
    (tmp_path / f"{name}.md").write_text(
        f'---\nid: {name}\ntitle: "{title}"\ndate: {date}\n---\n{body}\n', encoding="utf-8")


def _flood_cluster(tmp_path, others: dict[str, int]):
    """The report and the headline's cluster of o1 ("more than 350" over its body's 361) beside
    other outlets' articles (name -> the toll each states in headline and body), same day."""
    _write(tmp_path, "o1", "حصيلة الفيضانات في الإقليم تتجاوز 350 قتيلا",
           "أعلنت السلطات أن عدد قتلى الفيضانات في الإقليم ارتفع إلى 361 قتيلا.", "2025-05-03")
    for name, toll in others.items():
        _write(tmp_path, name, f"الفيضانات في الإقليم: {toll} قتيلا",
               f"قالت الحكومة إن الفيضانات في الإقليم أودت بحياة {toll} شخصا.", "2025-05-03")
    report = analyse([str(tmp_path)]).report()
    (cl,) = [cl for cl in report.clusters if any(c.field == "title" for c in cl.claims)]
    return report, cl


def test_a_rounded_headline_agrees_with_its_body_and_makes_no_conflict(tmp_path):
    report, cl = _flood_cluster(tmp_path, {"o2": 361})
    assert cl.status == "consistent"
    assert {(c.doc, c.value, c.field) for c in cl.claims} >= {("o1", 350, "title"), ("o1", 361, "text")}
    assert not any(c.outlier for c in cl.claims)
    assert not report.inconsistencies


def test_a_headline_rounding_is_set_aside_never_an_outlier(tmp_path):
    # two outlets say 500; the third article's body says 361 (the outlier) and its headline
    # "more than 350" restates that 361: it is not compared, so it is not a second outlier
    _report, cl = _flood_cluster(tmp_path, {"o2": 500, "o3": 500})
    assert cl.status == "conflict"
    (t,) = [c for c in cl.claims if c.field == "title"]
    (b,) = [c for c in cl.claims if c.doc == "o1" and c.field == "text"]
    assert b.outlier and not t.outlier
    assert any(n.startswith("not compared: a headline") for n in cl.notes)


def test_a_headline_rounding_never_hides_a_part_above_its_whole(tmp_path):
    # the body's exact 181 for Gaza is below another outlet's 185 for Rafah, in Gaza, the same
    # day; the headline's "more than 180" would allow 216 and hide it: the body figure speaks
    _write(tmp_path, "w1", "حصيلة القصف على غزة تتخطى 180 قتيلا",
           "قالت وزارة الصحة إن القصف قتل 181 شخصا في غزة منذ فجر اليوم.", "2025-04-13")
    _write(tmp_path, "w2", "185 قتيلا في رفح",
           "قال الدفاع المدني إن القصف قتل 185 شخصا في رفح منذ فجر اليوم.", "2025-04-13")
    report = analyse([str(tmp_path)]).report()
    found = [i for i in report.inconsistencies if i.type == "part_exceeds_whole"]
    assert found, [(cl.key, [(c.doc, c.value, c.field) for c in cl.claims]) for cl in report.clusters]
    assert {(c.doc, c.value) for c in found[0].claims} == {("w1", 181), ("w2", 185)}


def test_a_headline_giving_a_body_range_end_is_that_range():
    d = _doc("رئيس البلدية: عدد القتلى قد يصل إلى 12 ألفا",
             "قال رئيس البلدية إن عدد القتلى في المدينة قد يتراوح بين 10 و12 ألف شخص.")
    claims = [c for c in extract(d) if c.kind == "killed"]
    assert len(claims) == 1 and claims[0].qualifier == "range"
    assert [m.field for m in claims[0].mentions] == ["text", "title"]


def test_a_headline_of_many_figures_reads_the_body_once(monkeypatch):
    """The body is scanned for its digit runs once per document, not once per headline figure:
    a hostile title of a thousand figures over a long body stays linear."""
    import crosscheck.extract.titles as titles

    calls = []
    real = titles.digit_runs
    monkeypatch.setattr(titles, "digit_runs", lambda text: calls.append(len(text)) or real(text))
    title = "، ".join(f"مقتل {n} أشخاص" for n in range(100, 1100))
    body = "العبارة السلام 98 غرقت. " * 200 + "قالت السلطات إن 61 شخصا قتلوا."
    extract(_doc(title, body))
    assert len(calls) <= 1


def test_digit_runs_are_whole_numbers_of_their_own():
    from crosscheck.extract.titles import digit_runs

    assert digit_runs("العبارة 98 و1200 شخص و3.5 مليون و12,500") == {98, 1200}

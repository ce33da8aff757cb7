"""A part an article sets apart at a place the gazetteer does not know ("في مقاطعة ... وحدها")
takes its article's place as a subset; it is checked against that article's own whole
(reconcile.inconsistencies._own_article_parts), never against another article's."""

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.inconsistencies import find_inconsistencies
from crosscheck.reconcile.reconciler import reconcile

_TEXT = ("أعلنت السلطات في كولومبيا أمس أن حصيلة الفيضانات بلغت 310 قتلى. "
         "وقالت الهيئة إن {n} من القتلى سقطوا في مقاطعة سانتا فيرينا وحدها.")


def _found(*docs):
    claims = [c for d in docs for c in extract(d)]
    return [i for i in find_inconsistencies(reconcile(claims, list(docs))) if i.type == "part_exceeds_whole"]


def test_an_unnamed_provinces_figure_above_its_articles_whole_is_flagged():
    found = _found(Document(id="a", text=_TEXT.format(n=340), date="2021-03-02"))
    assert len(found) == 1 and {c.value for c in found[0].claims} == {340, 310}


def test_an_unnamed_provinces_figure_within_its_articles_whole_is_not():
    assert not _found(Document(id="a", text=_TEXT.format(n=240), date="2021-03-02"))


def test_an_unnamed_provinces_figure_is_not_held_against_another_articles_whole():
    part = Document(id="p", text="فيضانات في كولومبيا. وقالت الهيئة إن 340 من القتلى سقطوا في مقاطعة سانتا فيرينا وحدها.",
                    date="2021-03-02")
    whole = Document(id="w", text="أعلنت السلطات في كولومبيا أن حصيلة الفيضانات بلغت 310 قتلى.", date="2021-03-02")
    assert any("location:article" in c.inferred for c in extract(part) if c.kind == "killed")
    assert not _found(part, whole)

"""A recalled figure of a day set against that day's figures (issue 8, session 42): "286 مساء
الثلاثاء" recalled the next day stands against the 268 an outlet gave that Tuesday evening,
not against the same outlet's headline "تقترب من 270", which a loose reading of its hedge
reconciles with 286.  The same-day reference is the clearest mismatch: hard before soft, then
the nearest in value."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import build_report, reconcile

TUESDAY = ("حصيلة الفيضانات تقترب من 270 قتيلا\n\nوقال رئيس هيئة الكوارث مساء اليوم الثلاثاء إن عدد "
           "قتلى الفيضانات في الإقليم ارتفع إلى 268 قتيلا، بعد أن كان 162 مساء أمس.")
WEDNESDAY = ("أعلنت هيئة الكوارث اليوم أن عدد قتلى الفيضانات في الإقليم بلغ 271 قتيلا، بعد أن كانت "
             "الحصيلة 286 مساء الثلاثاء.")


def test_a_recalled_figure_is_set_against_the_day_s_exact_figure_not_a_hedged_one():
    docs = [Document(id="a", text=TUESDAY, date="2024-03-05"), Document(id="b", text=WEDNESDAY, date="2024-03-06")]
    claims = [c for d in docs for c in extract(d)]
    rep = build_report(docs, reconcile(claims, docs))
    pairs = {(i.type, i.strength, frozenset((c.doc, c.value) for c in i.claims)) for i in rep.inconsistencies}
    assert ("same_day_mismatch", "hard", frozenset({("a", 268), ("b", 286)})) in pairs
    assert not any(frozenset({("a", 270), ("b", 286)}) == p for _t, _s, p in pairs)

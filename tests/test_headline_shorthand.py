"""A headline's hedged figure is shorthand for its article's exact one (crosscheck/reconcile/
headline.py): "نحو 300 قتيل" over a lead's "288 قتيلا" in a state, "تتجاوز 600" over "620 منذ
بداية العام" take the body figure's scope, so the two are one quantity."""

from __future__ import annotations

from test_reconciler_factory import claim

from crosscheck.models import Document
from crosscheck.reconcile.headline import headline_shorthand

HEAD = "الفيضانات تقتل نحو 300 شخص في البلاد"
LEAD = "أعلنت السلطات مساء السبت ارتفاع عدد قتلى الفيضانات في الإقليم الشمالي إلى 288 قتيلا."


def _doc(text, title=None):
    return Document(id="d", text=text, title=title)


def _at(c, text, surface, **kw):
    i = text.index(surface)
    return c.model_copy(update={"start": i, "end": i + len(surface), "surface": surface, **kw})


def _claims(text, head_field="text"):
    h = _at(claim("d", "killed", 300, "approx", location="pakistan"), text, "نحو 300", field=head_field)
    b = _at(claim("d", "killed", 288, location="sindh", period="since:2024-05-01"), text, "288")
    return [h, b]


def test_a_hedged_headline_figure_takes_the_scope_of_the_bodys_exact_one():
    text = HEAD + "\n" + LEAD
    h, b = headline_shorthand(_claims(text), [_doc(text)])
    assert (h.location, h.period) == ("sindh", "since:2024-05-01") and b.location == "sindh"
    assert "location" in h.inferred and "period" in h.inferred


def test_a_lead_as_first_line_is_no_headline():
    text = LEAD.replace("288 قتيلا", "نحو 300 قتيل، بينهم 288") + "\nوتابعت السلطات عمليات البحث."
    h, _b = headline_shorthand(_claims(text), [_doc(text)])
    assert h.location == "pakistan"


def test_a_title_of_its_own_makes_the_first_line_the_lead():
    text = HEAD + "\n" + LEAD
    h, _b = headline_shorthand(_claims(text), [_doc(text, title="عنوان آخر")])
    assert h.location == "pakistan"


def test_two_body_figures_inside_the_interval_at_other_scopes_leave_it_alone():
    text = HEAD + "\n" + LEAD + " وفي الإقليم الجنوبي بلغ العدد 310."
    cs = _claims(text) + [_at(claim("d", "killed", 310, location="balochistan"), text, "310")]
    assert headline_shorthand(cs, [_doc(text)])[0].location == "pakistan"


def test_a_body_figure_at_the_headlines_own_scope_keeps_it():
    text = HEAD + "\n" + LEAD + " وبلغ العدد في البلاد 305."
    cs = _claims(text) + [_at(claim("d", "killed", 305, location="pakistan"), text, "305")]
    assert headline_shorthand(cs, [_doc(text)])[0].location == "pakistan"


def test_an_exact_headline_figure_is_not_shorthand():
    text = "الفيضانات تقتل 300 شخص في البلاد\n" + LEAD
    h = _at(claim("d", "killed", 300, location="pakistan"), text, "300")
    b = _at(claim("d", "killed", 288, location="sindh"), text, "288")
    assert headline_shorthand([h, b], [_doc(text)])[0].location == "pakistan"


def test_a_body_figure_given_as_a_floor_is_the_one_the_headline_rounds():
    # "زلزال يقتل أكثر من تسعين" over "قتل 92 شخصا على الأقل" in one region: the lead's floor is
    # its count so far, and the headline's "more than 90" rounds it
    text = "زلزال عنيف يضرب وسط البلاد ويقتل أكثر من تسعين شخصا\nقتل 92 شخصا على الأقل في زلزال ضرب منطقة الجبال."
    h = _at(claim("d", "killed", 90, "more_than", location="italy"), text, "أكثر من تسعين")
    b = _at(claim("d", "killed", 92, "at_least", location="abruzzo"), text, "92")
    out = headline_shorthand([h, b], [_doc(text)])
    assert out[0].location == "abruzzo" and "location" in out[0].inferred


def test_a_body_figure_given_as_a_ceiling_is_not_the_headlines():
    # "up to 95" is no count: the headline keeps its own place
    text = "زلزال عنيف يضرب وسط البلاد ويقتل أكثر من تسعين شخصا\nقد يصل عدد القتلى إلى 95 في منطقة الجبال."
    h = _at(claim("d", "killed", 90, "more_than", location="italy"), text, "أكثر من تسعين")
    b = _at(claim("d", "killed", 95, "at_most", location="abruzzo"), text, "95")
    assert headline_shorthand([h, b], [_doc(text)])[0].location == "italy"


def test_a_headline_floor_of_its_own_figure_keeps_its_place():
    # "مقتل 58 على الأقل في فيضانات غرب البلاد" names its own count: a body floor at a combined
    # scope inside its open interval is not what it rounds (58 is no round figure below it)
    text = "مقتل 58 على الأقل في فيضانات غرب البلاد\nوبلغ عدد القتلى في البلدين 70 على الأقل."
    h = _at(claim("d", "killed", 58, "at_least", location="germany"), text, "58 على الأقل")
    b = _at(claim("d", "killed", 70, "at_least", location="belgium+germany"), text, "70 على الأقل")
    assert headline_shorthand([h, b], [_doc(text)])[0].location == "germany"

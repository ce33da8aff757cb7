"""A headline's figure restated in the body is one claim (crosscheck.extract.mentions.same_figure):
the headline sums up its body, so neither the place read for each (a headline's place taken from
another of its clauses, a country over a town) nor a headline's window against the lead's count
since a start ("64 قتيلا في يومين" / "64 مدنيا قتلوا منذ مساء الجمعة") makes them two figures.
Two figures of the body alone still need places that agree."""

from crosscheck.extract.extractor import extract_text


def _of(text: str, kind: str):
    return [c for c in extract_text(text) if c.kind == kind]


def test_headline_place_from_another_clause():
    text = ("النازحون في مالي يتراجعون إلى 300 ألف.. والنيجر تستقبل 9 آلاف لاجئ\n"
            "وقالت المفوضية إن نحو 9 آلاف لاجئ وصلوا إلى شرق النيجر هربا من القتال في مالي.\n")
    got = [(c.value, len(c.mentions)) for c in _of(text, "displaced")]
    assert got == [(300000, 1), (9000, 2)]


def test_headline_window_and_lead_since():
    text = ("البلدة المنكوبة.. 64 قتيلا في يومين من القصف\n"
            "وقال المرصد إن 64 مدنيا على الأقل قتلوا منذ مساء الجمعة في الغارات على دوما.\n")
    got = [(c.value, len(c.mentions)) for c in _of(text, "killed")]
    assert got == [(64, 2)]


def test_body_figures_of_two_places_stay_two():
    # in the body: the same value in two countries is two figures
    text = ("فيضانات تضرب غرب أفريقيا\n"
            "وقالت السلطات في مالي إن 12 شخصا قتلوا في الفيضانات التي ضربت البلاد هذا الأسبوع، "
            "وهو عدد يفوق كل التوقعات بحسب خبراء الأرصاد الجوية في المنطقة الذين حذروا من الأمطار.\n"
            "وفي النيجر المجاورة أعلنت الحماية المدنية مقتل 12 شخصا آخرين في سيول مماثلة.\n")
    assert len(_of(text, "killed")) == 2


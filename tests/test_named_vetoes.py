"""A veto said by naming the member who cast it, with no figure (issue 8, rules/kinds/vetoes.yaml
`member_lists`): one veto, by that member; never beside a figure of vetoes that says the count,
never a habit, never two members at once (the sets' readers disagree on those)."""

from __future__ import annotations

from crosscheck.extract.extractor import extract_text


def vetoes(text):
    return sorted((c.value, c.actor) for c in extract_text(text) if c.kind == "vetoes")


def test_one_member_named_is_one_veto_by_that_member():
    assert vetoes("واستخدمت فرنسا حق النقض ضد مشروع القرار في مجلس الأمن") == [(1, "france")]
    # the day and the body between the member and the veto, commas included
    assert vetoes("واستخدمت روسيا، مساء الثلاثاء، حق النقض (الفيتو) ضد المشروع") == [(1, "russia")]
    assert vetoes("استعملت الصين في مجلس الأمن الدولي حق الفيتو ضد النص") == [(1, "china")]


def test_a_figure_of_vetoes_beside_it_says_the_count():
    # the list yields: one claim, the figure's
    assert [v for v, _ in vetoes("واستخدمت فرنسا حق النقض ضد ثلاثة قرارات سابقة")] == [3]
    assert [v for v, _ in vetoes("وأسقطت روسيا النص، مستخدمة الفيتو مرة واحدة")] == [1]
    # ... but a running count (an ordinal) does not say how many this sentence tells
    got = [v for v, _ in vetoes("واستخدمت روسيا حق النقض للمرة الثامنة بشأن الملف")]
    assert sorted(got) == [1, 8]


def test_no_count_for_a_habit_a_condition_or_two_members():
    assert vetoes("وتستخدم الولايات المتحدة حق النقض تقليديا لحماية حليفتها") == []
    assert vetoes("وقال إن بلاده استخدمت حق النقض مرارا في الماضي") == []
    assert vetoes("وقال المندوب إنه إذا استخدمت روسيا حق النقض فسيعرض النص على الجمعية العامة") == []
    assert vetoes("استخدمت روسيا والصين حق النقض ضد مشروع قرار غربي") == []


def test_the_member_must_stand_near_the_veto():
    # six words or more between them: the veto is not said of that member
    assert vetoes("واستخدمت الحكومة البريطانية نفوذها لدى دول أفريقية كثيرة لإقناعها برفض المشروع قبل التلويح بحق النقض") == []

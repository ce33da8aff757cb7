"""Vetoes said only by naming the members who cast them are no veto count (issue 8; the seeds'
convention, rules/kinds/vetoes.yaml): "استخدمت روسيا والصين حق النقض" is two members' vote
positions, not "vetoes 2" — the seeds' gold (real articles) lists the veto counts an article
states in numbers and not its casters.  The times members acted ("حق النقض 9 مرات") and numbered
double vetoes stay counts; a threat or a habit is none.
"""

import pytest

from crosscheck.extract.extractor import extract_text


def _vetoes(text: str) -> list[float]:
    return sorted(c.value for c in extract_text(text) if c.kind == "vetoes")


@pytest.mark.parametrize("text", [
    "واستخدمت اليابان وألمانيا حق النقض ضد مشروع قرار في مجلس الأمن",
    "واستخدمت فرنسا والصين، مساء الخميس، حق النقض في مجلس الأمن ضد المشروع البريطاني",
    "فيما عارض النص العضوان الدائمان اللذان استخدما حق النقض ضده في مجلس الأمن",
    "وهددت روسيا باستخدام حق النقض ضد أي مشروع قرار في مجلس الأمن",
    "وقد استخدمت الولايات المتحدة وبريطانيا حق النقض (الفيتو) تقليديا لحماية حلفائهما في مجلس الأمن",
])
def test_casters_named_are_no_veto_count(text):
    assert _vetoes(text) == []


def test_the_times_a_member_acted_stay_a_count():
    assert _vetoes("واستخدمت روسيا حق النقض 12 مرة في مجلس الأمن") == [12]
    # two members' times are occasions, not vetoes (vetoes joint_occasions)
    assert _vetoes("وكانت بريطانيا وفرنسا قد استخدمتا حق النقض 9 مرات في مجلس الأمن منذ تأسيسه") == []


def test_the_casters_are_vote_positions():
    claims = extract_text("واستخدمت روسيا والصين حق النقض ضد مشروع القرار في مجلس الأمن، وأيده 13 عضوا")
    assert [c.value for c in claims if c.kind == "votes_for"] == [13]
    assert not [c for c in claims if c.kind == "vetoes"]

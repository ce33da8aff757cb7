"""Vetoes said by naming the members who cast them (issue 8; rules/kinds/vetoes.yaml member_lists):

- "استخدمت روسيا والصين حق النقض": one veto per member named (2); one member alone is its vote
  position only (min_states 2: the older blind sets do not count it);
- a day or a place set off between the members and the veto ("استخدمت روسيا وفرنسا، مساء الاثنين، حق النقض");
- not the times a member acted ("حق النقض 12 مرة", "ضد ثلاثة قرارات", "تقليديا"), nor a veto threatened.
"""

import pytest

from crosscheck.extract.extractor import extract_text


def _vetoes(text: str) -> list[tuple[float, str | None]]:
    return sorted((c.value, c.actor) for c in extract_text(text) if c.kind == "vetoes")


def test_two_members_named_are_two_vetoes():
    assert _vetoes("واستخدمت اليابان وألمانيا حق النقض ضد مشروع قرار في مجلس الأمن") == [(2, None)]


def test_a_day_set_off_between_and_one_member_alone():
    assert _vetoes("واستخدمت فرنسا والصين، مساء الخميس، حق النقض في مجلس الأمن ضد المشروع البريطاني") == [(2, None)]
    assert _vetoes("واستخدمت فرنسا، مساء الخميس، حق النقض في مجلس الأمن ضد المشروع البريطاني") == []


@pytest.mark.parametrize("text, want", [
    # the member's times: only their count, no veto of one beside it
    ("وكانت بريطانيا وفرنسا قد استخدمتا حق النقض 9 مرات في مجلس الأمن منذ تأسيسه", []),
    ("واستخدمت الصين وروسيا حق النقض (الفيتو) ضد مشروعين سابقين في مجلس الأمن", []),  # two drafts: occasions
    # a habit, a threat: no count at all
    ("وقد استخدمت الولايات المتحدة وبريطانيا حق النقض (الفيتو) تقليديا لحماية حلفائهما في مجلس الأمن", []),
    ("وهددت روسيا باستخدام حق النقض ضد أي مشروع قرار في مجلس الأمن", []),
])
def test_no_veto_count_beside_the_times(text, want):
    assert _vetoes(text) == want


def test_a_gap_holding_a_figure_closes_the_list():
    # "استخدمت روسيا 3 …" is no use of the veto by the members named
    assert _vetoes("واستخدمت روسيا والصين 3 طائرات قبل أن تلوحا بحق النقض في مجلس الأمن") == []

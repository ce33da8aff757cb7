"""Escapees of a jailbreak counted in sentences that name neither the prison nor the inmates
(rules/kinds/prisoners_escaped_article.yaml, escapees_part.yaml) and people who came home in a
prisoner exchange (swap_returned.yaml): each reading holds only in its kind of article."""

from __future__ import annotations

from crosscheck.extract.extractor import extract_text

JAIL = "وقعت عملية الهروب من السجن المركزي فجر الأحد عبر فتحة في الجدار. "
WAR = "اشتدت المعارك حول البلدة الحدودية فجر الأحد. "


def _kinds(text: str, value: float) -> set[str]:
    return {c.kind for c in extract_text(text) if abs(float(c.value) - value) < 1e-6}


def test_escapees_counted_bare_in_a_jailbreak_article():
    s = "وقال متحدث باسم المتمردين إن عدد الفارين بلغ 320 بحسب سجلاتهم."
    assert "prisoners_released" in _kinds(JAIL + s, 320)
    # the same sentence where no escape from a prison is told: no prisoners
    assert "prisoners_released" not in _kinds(WAR + s, 320)


def test_escapees_with_a_person_noun_and_the_verb_after():
    s = "وتقول الجماعة إن 275 شخصا فروا خلال الليل."
    assert _kinds(JAIL + s, 275) == {"prisoners_released"}
    assert "prisoners_released" not in _kinds(WAR + s, 275)


def test_a_part_of_the_escapees_is_no_count_and_no_displacement():
    caught = "وأعادت الشرطة توقيف 14 من الفارين في الأحياء المجاورة."
    assert not _kinds(JAIL + caught, 14) - {"other"}
    at_large = "ولا يزال 60 من الفارين طلقاء."
    assert not _kinds(JAIL + at_large, 60) - {"other"}
    # those of them killed are killed
    assert "killed" in _kinds(JAIL + "وقالت الشرطة إن خمسة من الفارين قتلوا في مطاردة.", 5)
    # outside a jailbreak, those who fled a war are the displaced
    assert "displaced" in _kinds(WAR + "ووصل 9 آلاف من الفارين من المعارك إلى المخيمات.", 9000)


SWAP = "أعلن البلدان إتمام عملية تبادل جديدة للأسرى بوساطة دولة ثالثة. "


def test_returnees_of_a_swap_are_prisoners_released_on_both_sides():
    s = "وعاد في العملية 120 عسكريا إلى بلادهم مقابل 115 من الجانب الآخر."
    assert "prisoners_released" in _kinds(SWAP + s, 120)
    assert "prisoners_released" in _kinds(SWAP + s, 115)
    total = "وبذلك يرتفع عدد العائدين من الأسر منذ بداية الحرب إلى 2710."
    assert "prisoners_released" in _kinds(SWAP + total, 2710)


def test_returnees_elsewhere_are_not_prisoners():
    # no exchange in the article: people going home
    assert "prisoners_released" not in _kinds(WAR + "وعاد 400 مدني إلى بلادهم بعد انتهاء المعارك.", 400)
    # an exchange with hostages: the hostages rules keep them
    hostages = "وفي صفقة التبادل مع الخاطفين عاد 12 من الرهائن إلى بلادهم."
    assert "prisoners_released" not in _kinds(hostages, 12)

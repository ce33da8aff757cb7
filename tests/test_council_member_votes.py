"""Security Council tallies said by naming members and "the other N" (issue 8):

- "وامتنع الأعضاء الـ11 الآخرون": "the other N members" counts some of the body, not its size
  (scope not_counts_unless_after; the vote rules count "الآخرون"/"الباقون");
- "أيدت X وY المشروع … فيما عارضته Z وW": the states named as the verb's subject (votes_for) or
  after the verb (votes_against) beside that tally, in a sentence naming "المجلس" or the rest;
- "بأغلبية 13 قاضيا مقابل واحد": a lone "one" right after "مقابل" is the tally's side;
- "دون أن تضطر روسيا إلى استخدام حق النقض": no veto cast (vetoes 0, no veto position).
"""

import pytest

from crosscheck.extract.extractor import extract_text

ARTICLE_TAIL = " وقال مندوب في مجلس الأمن إن الفيتو لم يكن مطروحا."


def _tally(text: str) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for c in extract_text(text):
        if c.kind in ("votes_for", "votes_against", "abstentions", "vetoes"):
            out.setdefault(c.kind, []).append(c.value)
    return out


def test_named_members_and_the_other_n():
    got = _tally("أيدت اليابان والبرازيل المشروع، فيما عارضته روسيا والصين، وامتنع الأعضاء الـ11 الآخرون عن التصويت."
                 + ARTICLE_TAIL)
    assert got == {"votes_for": [2], "votes_against": [2], "abstentions": [11]}


def test_body_size_is_still_no_count():
    assert _tally("وامتنع الأعضاء الـ15 عن التعليق على النص." + ARTICLE_TAIL) == {}


def test_against_named_after_the_verb_with_the_council():
    got = _tally("وكانت لندن قد أخفقت حين عارضت روسيا والصين مشروعها وامتنع ثمانية أعضاء عن التصويت، ثم رفض المجلس طلبها."
                 + ARTICLE_TAIL)
    assert got.get("votes_against") == [2] and got.get("abstentions") == [8]


def test_named_states_outside_a_council_article_are_not_counted():
    # no Security Council, veto or "حق النقض" anywhere: the article_needs keep a parliament's vote out
    got = _tally("أيدت ألمانيا وفرنسا المشروع في البرلمان الأوروبي، فيما عارضته بولندا والمجر، وامتنع الأعضاء الـ20 الآخرون.")
    assert "votes_for" not in got and "votes_against" not in got


@pytest.mark.parametrize("text,expected", [
    ("وأصدرت المحكمة رأيها بأغلبية 12 قاضيا مقابل واحد", {"votes_for": [12], "votes_against": [1]}),
    ("وتعادل الفريقان بهدف مقابل واحد", {}),
])
def test_lone_one_after_muqabil(text, expected):
    assert _tally(text) == expected


def test_needless_veto_is_zero_and_no_position():
    claims = extract_text("وسقط المشروع في مجلس الأمن دون أن تضطر فرنسا وبريطانيا إلى استخدام حق النقض، إذ لم ينل سوى ستة أصوات")
    assert [(c.kind, c.value) for c in claims if c.kind == "vetoes"] == [("vetoes", 0)]
    assert not [c for c in claims if c.kind == "vote_position"]

"""Bodies of a vote. The Human Rights Council (47 members, Geneva) is its own voting body: its tally is never read as
the General Assembly's (a figure above the Security Council's 15 seats does not move it there), and
an Assembly committee's vote on a text about the Council's report stays the committee's.
A vetoed draft whose own sentence names no body is the Security Council's (only its permanent
members veto).  Sentences are our own (rules/vote_events.yaml `body_hrc`, `large_bodies`)."""

from __future__ import annotations

from tally_events import tally_events

from crosscheck.extract.extractor import extract
from crosscheck.models import Document


def _bodies(text: str, day: str = "2018-03-24") -> set:
    """The bodies the tallies of `text` are given (empty when no tally is read)."""
    return {e.get("body") for e in tally_events(text, day).values()}


def test_a_human_rights_council_tally_is_the_councils():
    # hit: 25 for and 19 against in Geneva: the Council's vote, not the Assembly's
    text = ("اعتمد مجلس حقوق الإنسان في جنيف أمس قرارا بشأن الوضع في البلاد بتأييد 25 دولة "
            "ومعارضة 19 دولة وامتناع ثلاث دول عن التصويت.")
    assert _bodies(text) == {"hrc"}


def test_a_committee_vote_on_the_councils_report_stays_the_committees():
    # miss: the Council is named as the owner of the report the Third Committee voted on
    text = ("أقرت اللجنة الثالثة للجمعية العامة أمس مشروع القرار الخاص بتقرير مجلس حقوق الإنسان "
            "بأغلبية 90 صوتا مقابل 5 أصوات وامتناع 70 دولة.")
    assert _bodies(text, day="2018-11-20") == {"ga3"}


def test_a_vetoed_draft_is_the_security_councils_whatever_another_sentence_names():
    # hit: the Assembly is named in the next sentence, the vetoed draft's own sentence names no body
    text = ("أدانت الحكومة استخدام الولايات المتحدة حق النقض ضد مشروع قرار حظي بتأييد 13 دولة "
            "مقابل صوت واحد وامتناع عضو.\n\nوقالت إنها ستتوجه إلى الجمعية العامة لحشد الدعم.")
    assert _bodies(text) == {"sc"}


def test_an_assembly_tally_named_in_its_own_sentence_keeps_its_body_beside_a_veto():
    # miss: the plenary named in the tally's own sentence
    text = ("بعد الفيتو الأمريكي، صوتت الجمعية العامة أمس بأغلبية 143 دولة مقابل 9 دول "
            "على منح فلسطين حقوقا إضافية.")
    assert _bodies(text) == {"ga"}


def test_a_human_rights_council_tally_above_its_47_members_is_an_inconsistency():
    # hit: 30 + 12 + 8 = 50 votes in a council of 47; miss: 25 + 19 + 3 = 47
    from crosscheck.reconcile.reconciler import build_report, reconcile

    def found(text: str) -> list:
        docs = [Document(id="a", text=text, date="2018-03-24")]
        rep = build_report(docs, reconcile([c for d in docs for c in extract(d)], docs))
        return [i for i in rep.inconsistencies if i.type == "tally_exceeds_body"]

    assert found("اعتمد مجلس حقوق الإنسان في جنيف أمس القرار بتأييد 30 دولة ومعارضة 12 دولة وامتناع 8 دول.")
    assert not found("اعتمد مجلس حقوق الإنسان في جنيف أمس القرار بتأييد 25 دولة ومعارضة 19 دولة وامتناع 3 دول.")


def test_the_old_commission_on_human_rights_is_its_own_body():
    # hit: the Commission (53 members, Geneva, until 2006) named with its tally: neither the
    # Assembly's vote (a figure above 15) nor the Security Council's (vetoed draft before it)
    text = ("أسقط فيتو أمريكي أمس مشروع قرار في مجلس الأمن رغم تأييد 12 عضوا.\n\n"
            "وكانت لجنة حقوق الإنسان في جنيف قد تبنت الشهر الماضي قرارا مماثلا بأغلبية 29 صوتا "
            "مقابل 4 أصوات وامتناع 20 دولة.")
    assert _bodies(text, day="2002-05-10") == {"sc", "chr"}


def test_a_human_rights_committee_tally_above_the_commissions_seats_is_the_third_committees():
    # miss: 110 + 20 + 40 votes under the same name: the Assembly's Third Committee
    text = ("أقرت لجنة حقوق الإنسان التابعة للأمم المتحدة في نيويورك أمس مشروع قرار بأغلبية 110 أصوات "
            "مقابل 20 وامتناع 40 دولة.")
    assert _bodies(text, day="2012-11-20") == {"ga3"}


def test_a_tally_of_the_commission_within_its_53_members_is_no_inconsistency():
    # miss: 30 + 12 + 8 = 50 votes, more than the Human Rights Council's 47, fewer than the
    # Commission's 53 (a larger tally under its name is the Third Committee's, above)
    from crosscheck.reconcile.reconciler import build_report, reconcile

    def found(text: str) -> list:
        docs = [Document(id="a", text=text, date="2003-04-16")]
        rep = build_report(docs, reconcile([c for d in docs for c in extract(d)], docs))
        return [i for i in rep.inconsistencies if i.type == "tally_exceeds_body"]

    assert not found("اعتمدت لجنة حقوق الإنسان في جنيف أمس القرار بتأييد 30 دولة ومعارضة 12 دولة وامتناع 8 دول.")


def test_a_tally_beside_the_security_council_named_in_contrast_is_the_larger_body_named():
    # hit: the sentence names the Security Council first (a contrast) and the Human Rights Council
    # whose vote the 28 are; miss: a tally of 120, above the Council's 47 seats, stays the Assembly's
    text = ("وعلى عكس مجلس الأمن، لا يستطيع أي عضو منع القرار في مجلس حقوق الإنسان، الذي أقر في مارس "
            "الماضي نصا بشأن البلاد بأغلبية 28 صوتا مقابل 8 أصوات.")
    assert _bodies(text) == {"hrc"}
    text = ("وعلى عكس مجلس الأمن، لا يستطيع أي عضو منع القرار في مجلس حقوق الإنسان، فيما أقرت الجمعية "
            "العامة في مارس الماضي نصا بشأن البلاد بأغلبية 120 صوتا مقابل 8 أصوات.")
    assert _bodies(text) == {"ga"}


def test_the_council_by_its_short_name_is_the_council_the_article_names_not_the_last_assembly():
    # hit: "المجلس" in the figures' sentence, the article naming the Human Rights Council in full
    # and the Assembly in the sentence before: the Council's vote
    text = ("تبنى مجلس حقوق الإنسان أمس قرارا بشأن التحقيق بتأييد 30 دولة ومعارضة 5 دول.\n\n"
            "وكانت الجمعية العامة قد أقرت نصا مماثلا في نوفمبر بأغلبية 120 صوتا.\n\n"
            "وبذلك ارتفع عدد المؤيدين في المجلس مقارنة بتصويت سبتمبر الماضي، الذي أيدت فيه 24 دولة النص.")
    events = tally_events(text, "2018-03-24")
    assert events[("votes_for", 24)]["body"] == "hrc"
    assert events[("votes_for", 120)]["body"] == "ga"  # miss: the Assembly named in its own sentence

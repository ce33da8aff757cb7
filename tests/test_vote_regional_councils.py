"""Bodies of a vote.  A regional or agency council (the OAS Permanent Council, the IAEA Board of
Governors, the Arab League's council, the African Union's Peace and Security Council) is a voting
body of its own: a figure of its tally above the Security Council's 15 seats does not make it the
General Assembly's, and its vote never meets a UN body's.  An undated article's vote whose own
words name its month finds its vote before one naming none.  Sentences are our own
(rules/vote_events.yaml `body_council`)."""

from __future__ import annotations

from tally_events import tally_events

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.votes import link_votes


def _bodies(text: str, day: str = "2019-01-27") -> set:
    return {e.get("body") for e in tally_events(text, day).values()}


def test_an_oas_council_tally_above_fifteen_stays_the_oas():
    # hit: 19 states for in the OAS Permanent Council: not the General Assembly's vote
    text = ("وصوت المجلس الدائم لمنظمة الدول الأمريكية في العاشر من يناير على قرار بشأن الانتخابات "
            "بتأييد 19 دولة مقابل 6 دول وامتناع 8 دول.")
    assert _bodies(text) == {"oas"}


def test_an_iaea_board_and_an_arab_league_council_are_bodies_of_their_own():
    assert _bodies("أقر مجلس محافظي الوكالة الدولية للطاقة الذرية أمس قرارا بتأييد 22 دولة "
                   "مقابل دولتين وامتناع 9 دول.") == {"iaea_board"}
    assert _bodies("وافق مجلس جامعة الدول العربية أمس على القرار بأغلبية 18 دولة "
                   "مقابل 3 دول وامتناع دولة.") == {"arab_league"}


def test_an_african_union_council_named_either_way_is_not_the_security_council():
    # miss for the Security Council: "مجلس الأمن والسلم" is the African Union's council
    assert _bodies("وصوت مجلس الأمن والسلم الأفريقي أمس على تعليق العضوية بتأييد 10 دول "
                   "مقابل 3 دول وامتناع دولتين.") == {"au_psc"}
    # ... while the Security Council keeps its name
    assert _bodies("وصوت مجلس الأمن الدولي أمس على القرار بتأييد 10 دول "
                   "مقابل 3 دول وامتناع دولتين.") == {"sc"}


def test_a_council_vote_never_meets_an_assembly_vote_with_the_same_figure():
    docs = [Document(id="a", date="2019-04-10", text=(
                "صوت المجلس الدائم لمنظمة الدول الأمريكية أمس على قبول السفير بتأييد 18 دولة "
                "ومعارضة 9 دول وامتناع 6 دول.")),
            Document(id="b", date="2019-04-10", text=(
                "صوتت الجمعية العامة للأمم المتحدة أمس على القرار بتأييد 18 دولة "
                "ومعارضة 9 دول وامتناع 6 دول."))]
    claims = link_votes([c for d in docs for c in extract(d)])
    events = {(c.doc, c.event) for c in claims if c.kind == "votes_for"}
    assert len({e for _, e in events}) == 2, events


def test_an_undated_articles_vote_named_with_its_month_finds_its_vote_first():
    # the January vote told by a dated article; an undated one tells April's vote (no date
    # cue) and January's ("في يناير"): January's 19 is January's vote, April's stays apart
    docs = [Document(id="a", date="2019-01-27", text=(
                "وكان المجلس الدائم لمنظمة الدول الأمريكية قد صوت في العاشر من يناير على قرار "
                "بتأييد 19 دولة مقابل 6 دول وامتناع 8.")),
            Document(id="b", text=(
                "وصوت المجلس الدائم لمنظمة الدول الأمريكية على قبول السفير بتأييد 18 دولة، "
                "ومعارضة 9 دول، وامتناع 6، وهو تأييد أقل من القرار الذي اعتمد في يناير "
                "وحظي بتأييد 19 دولة."))]
    claims = link_votes([c for d in docs for c in extract(d)])
    ev = {(c.doc, c.value): c.event for c in claims if c.kind == "votes_for"}
    assert ev[("a", 19)] == ev[("b", 19)], ev
    assert ev[("b", 18)] != ev[("a", 19)], ev


def test_a_pair_of_tallies_each_with_its_year_keeps_its_own_year():
    # hit: the year right after each figure is that figure's vote's ("132 صوتا في 2012" is 2012's)
    text = ("وتراوح التأييد في اللجنة الثالثة بين 122 صوتا في 2011 و132 صوتا في 2012، قبل أن يتراجع "
            "هذا العام.")
    ev = tally_events(text, "2013-11-20")
    assert ev[("votes_for", 122)].get("past") == "2011", ev
    assert ev[("votes_for", 132)].get("past") == "2012", ev

"""An article's only resolution number, when a past vote of the article names it ("القرار 1373 الذي
اعتمده المجلس عام 2001"), is that past vote's: the day's vote told without a number is another
text and must not take it.  A vote of the article not dated to the past still takes the article's
only number when no past vote names it.  Sentences are our own
(crosscheck.extract.vote_events.assign_vote_events)."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.extract.vote_events import parse_event
from crosscheck.models import Document

TALLY = {"votes_for", "votes_against", "abstentions"}


def _events(text: str, day: str = "2010-06-10"):
    doc = Document(id="a", text=text, date=day)
    return [(c.kind, c.value, parse_event(c.event)) for c in extract(doc) if c.kind in TALLY]


def test_a_past_votes_number_is_not_the_days_vote():
    # hit: today's tally (14 / 1) has no number; 1373 is the 2001 vote's
    text = ("أقر مجلس الأمن الدولي أمس تمديد ولاية البعثة بأغلبية 14 صوتا وامتناع عضو واحد.\n\n"
            "وكانت البعثة قد أنشئت بالقرار 1373 الذي اعتمده المجلس في خريف 2001 بموافقة 12 عضوا "
            "وامتناع ثلاثة.")
    ev = _events(text)
    today = [e for k, v, e in ev if v == 14]
    past = [e for k, v, e in ev if v == 12]
    assert today and past, ev
    assert all(e.get("res") != "1373" for e in today), ev
    assert all(e.get("res") == "1373" for e in past), ev


def test_the_only_number_still_names_the_days_vote_without_a_past_vote():
    # miss: no past vote in the article, the one number is the day's resolution
    text = ("اعتمد مجلس الأمن الدولي أمس القرار 1955 بشأن البعثة.\n\n"
            "وأيد النص 14 عضوا وامتنع عضو واحد عن التصويت.")
    ev = _events(text)
    assert ev and all(e.get("res") == "1955" for k, v, e in ev), ev


def test_a_number_told_with_its_own_earlier_year_is_not_the_days_vote():
    # hit: "بالقرار 1325 عام 2000" recalled, without a tally of its own; the day's vote has no number
    text = ("مدد مجلس الأمن الدولي أمس عمل البعثة بتأييد 14 عضوا وامتناع عضو واحد.\n\n"
            "ويذكر دبلوماسيون بأن البعثة أنشئت بالقرار 1325 عام 2000 بعد نقاش طويل.")
    ev = _events(text, day="2019-10-30")
    assert ev and all(e.get("res") != "1325" for k, v, e in ev), ev


def test_a_number_told_with_the_articles_own_year_still_names_the_days_vote():
    # miss: the year after the number is the article's own
    text = ("اعتمد مجلس الأمن الدولي أمس القرار 2495 لعام 2019 بشأن البعثة.\n\n"
            "وأيد النص 14 عضوا وامتنع عضو واحد عن التصويت.")
    ev = _events(text, day="2019-10-31")
    assert ev and all(e.get("res") == "2495" for k, v, e in ev), ev

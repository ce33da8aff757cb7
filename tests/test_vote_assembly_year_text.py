"""The General Assembly never numbers its texts plainly (session/number, or a title), so a
year-like number after "قرار" in one of its votes is the year of the text: a past vote of that
year, never a resolution number shared with the day's vote.  The plural "الجلسات العامة" names
the plenary.  A Security Council number stays a number.  Sentences are our own
(rules/vote_events.yaml `year_named_bodies`, `body_ga`)."""

from __future__ import annotations

from tally_events import tally_events

from crosscheck.extract.extractor import extract


def _events(text: str, day: str = "2016-12-20"):
    return tally_events(text, day)


def test_an_assembly_text_named_by_its_year_is_a_past_vote_of_that_year():
    # hit: "قرار 2014" in the plenary's vote is the text of 2014
    text = ("اعتمدت الجمعية العامة للأمم المتحدة أمس قرارها بشأن حقوق الإنسان في البلاد بتأييد 110 دول.\n\n"
            "وفي الجلسات العامة، أيدت 117 دولة قرار 2014، وعارضته 24 دولة.")
    ev = _events(text)
    old = ev.get(("votes_for", 117))
    assert old is not None, ev
    assert "res" not in old and old.get("past") == "2014" and old.get("body") == "ga", old


def test_a_council_number_that_looks_like_a_year_stays_a_number():
    # miss: the Security Council numbers its resolutions plainly
    text = "اعتمد مجلس الأمن الدولي أمس القرار 2010 بتأييد 14 عضوا وامتناع عضو واحد."
    ev = _events(text, day="2011-09-30")
    assert ev and all(e.get("res") == "2010" for e in ev.values()), ev

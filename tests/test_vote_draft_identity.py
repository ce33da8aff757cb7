"""Which draft a tally is about, told in ways a bare "المشروع" hides (rules/vote_events.yaml
`relative_words`, `contrast_words`; crosscheck.extract.vote_events.sponsors_of, rival_draft,
_state, _document_year).  Sentences are our own.

- a relative clause after a comma names the draft's sponsors ("مشروع القرار، الذي أعدته فرنسا،");
- an indefinite draft's adjective in the accusative ("مشروعا إيطاليا") names its sponsor;
- a bare draft set against those before it ("أما مشروع الجمعة") is not the last sponsored one;
- a resolution number in an undated article's first lines is no year of the article.
"""

from __future__ import annotations

from tally_events import tally_events

from crosscheck.extract.extractor import extract
from crosscheck.extract.vote_events import parse_event
from crosscheck.models import Document


def test_a_relative_clause_after_a_comma_names_the_sponsor():
    # hit: "، الذي أعدته اليابان"
    ev = tally_events("وحصل مشروع القرار، الذي أعدته اليابان بالتشاور مع كوريا الجنوبية، على تأييد 12 عضوا في مجلس الأمن.",
                      "2020-03-02")
    assert ev[("votes_for", 12)].get("by") == "japan", ev


def test_a_comma_without_a_relative_word_ends_the_drafts_words():
    # miss: no relative word after the comma: the state after it is no sponsor
    ev = tally_events("وحصل مشروع القرار، بحسب المندوب الياباني، على تأييد 12 عضوا في مجلس الأمن.", "2020-03-02")
    assert ev[("votes_for", 12)].get("by", "") == "", ev


def test_an_accusative_adjective_names_the_sponsor():
    # hit: "مشروعا إيطاليا" (the adjective with its accusative alef), not the British draft before
    text = ("أسقط مجلس الأمن أمس مشروع القرار البريطاني رغم تأييد 11 عضوا. "
            "وفي العام الماضي رفض المجلس مشروعا إيطاليا بعدما نال ثمانية أصوات فقط.")
    ev = tally_events(text, "2020-03-02")
    assert ev[("votes_for", 11)].get("by") == "united_kingdom", ev
    assert ev[("votes_for", 8)].get("by") == "italy", ev


def test_a_contrasted_bare_draft_is_not_the_last_sponsored_one():
    # hit: "أما مشروع الجمعة" after the sponsors of two earlier drafts
    text = ("وكان المجلس قد رفض في مارس مشروعا قدمته فرنسا بعد أن نال سبعة أصوات، ثم رفض في مايو مشروعا "
            "قدمته ألمانيا بعدما أيده ستة أعضاء. أما مشروع الجمعة فنال تأييد 11 عضوا في مجلس الأمن.")
    ev = tally_events(text, "2020-07-03")
    assert ev[("votes_for", 6)].get("by") == "germany", ev
    assert ev[("votes_for", 11)].get("by", "") == "", ev


def test_a_contrasted_draft_with_its_own_sponsor_keeps_it():
    # miss: "أما المشروع الروسي": its own sponsor, read as before
    text = ("وأيد 11 عضوا في مجلس الأمن مشروعا قدمته فرنسا. أما المشروع الروسي فلم ينل سوى أربعة أصوات.")
    ev = tally_events(text, "2020-07-03")
    assert ev[("votes_for", 4)].get("by") == "russia", ev


def test_a_resolution_number_in_the_first_lines_is_no_year_of_the_article():
    # an undated article naming "القرار 2081" first: its vote of 2019 is no past vote of an
    # article of the year 2081 (the year is named, the article's own is unknown: `when`)
    text = ("انتهت المهلة التي حددها القرار 2081 للبعثة. "
            "وكان المجلس قد تبنى القرار 2081 في مارس 2019 بتأييد 13 عضوا وامتناع اثنين.")
    doc = Document(id="a", text=text)
    ev = {(c.kind, c.value): parse_event(c.event) for c in extract(doc) if c.kind == "votes_for"}
    assert "past" not in ev[("votes_for", 13)], ev


def test_that_year_is_the_year_named_before_it():
    # hit: "وفي ذلك العام" after "عام 1995": the tally of its sentence is a past vote of 1995
    text = ("وعرض المشروع على الجمعية العامة أول مرة عام 1995 في دورتها الخمسين. وفي ذلك العام، أيدته 70 دولة وعارضته 12 دولة. "
            "واعتمدت الجمعية العامة النص أمس بتأييد 150 دولة.")
    ev = tally_events(text, "2020-11-05")
    assert ev[("votes_for", 70)].get("past") == "1995", ev
    assert "past" not in ev[("votes_for", 150)], ev


def test_this_year_points_back_to_no_year():
    # miss: "في هذا العام" is the article's own year, no past vote
    text = ("وعرض المشروع على الجمعية العامة أول مرة عام 1995. وفي هذا العام، أيدته 150 دولة وعارضته 12 دولة.")
    ev = tally_events(text, "2020-11-05")
    assert "past" not in ev[("votes_for", 150)], ev

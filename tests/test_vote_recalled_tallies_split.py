"""Two recalled votes told in one sentence, each with its whole tally, are two votes (issue 8).

"وجاء التأييد أقل مما حظي به قرار العام الماضي، الذي اعتمد بأغلبية 116 صوتا مقابل 23 وامتناع
12، لكنه بقي أعلى من قرار نوفمبر 1980 الذي نال 111 صوتا مقابل 22 وامتناع 14": the second text
named after a whole tally, and a kind given again, start its own vote (crosscheck.extract.
vote_events.segment); its year stays its own, never the first text's.  A partial tally with a
text named in the same sentence stays one vote.  Sentences are our own."""

from __future__ import annotations

from tally_events import tally_events

TWO_RECALLED = (
    "اعتمدت الجمعية العامة للأمم المتحدة أمس قرارا بشأن اللاجئين بأغلبية 130 صوتا مقابل 19 وامتناع 25 دولة. "
    "وجاء التأييد هذه المرة أعلى مما حظي به قرار العام الماضي، الذي اعتمد بأغلبية 121 صوتا مقابل 24 "
    "وامتناع 30، كما بقي أعلى من قرار مارس 2015 الذي نال 117 صوتا مقابل 26 وامتناع 33 دولة."
)


def test_two_whole_tallies_of_two_texts_in_one_sentence_are_two_votes():
    ev = tally_events(TWO_RECALLED, "2017-11-20")
    last_year = ev[("votes_for", 121)]
    older = ev[("votes_for", 117)]
    assert last_year["n"] != older["n"]
    assert ev[("votes_against", 24)]["n"] == last_year["n"] == ev[("abstentions", 30)]["n"]
    assert ev[("votes_against", 26)]["n"] == older["n"] == ev[("abstentions", 33)]["n"]
    assert older.get("past") == "2015"
    assert last_year.get("past") != "2015"


def test_a_partial_tally_and_a_text_named_in_its_sentence_stay_one_vote():
    text = ("وصوتت 141 دولة لصالح القرار مقابل 5 دول، وقال دبلوماسيون إن القرار نال بذلك 141 صوتا "
            "في الجمعية العامة.")
    ev = tally_events(text, "2022-03-03")
    assert ev[("votes_for", 141)]["n"] == ev[("votes_against", 5)]["n"]

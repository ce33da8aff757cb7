"""One article's tally that gives a side twice with different figures tells two votes
(crosscheck.reconcile.votes.split_repeated_sides): "اعتمد القرار بتأييد 116 دولة ومعارضة ست، بعد
عامين من تصويت الجمعية بأغلبية 94 صوتا مقابل 15 وامتناع 56" - the adopted text and an older vote
it recalls.  Each is linked on its own figures; copies of one article that differ are not cut."""

from __future__ import annotations

from test_reconciler_factory import claim

from crosscheck.reconcile.votes import Occ, link_votes, split_repeated_sides

EVENT = "vote:body=ga;subj=resolution;n=1"


def _tally(doc, figures, date=None):
    return [claim(doc, kind, value, event=EVENT, as_of=date, as_of_from="metadata" if date else None)
            for kind, value in figures]


def test_a_side_given_twice_cuts_the_occurrence():
    claims = _tally("a", [("votes_for", 116), ("votes_against", 6), ("votes_for", 94),
                          ("votes_against", 15), ("abstentions", 56)])
    occ = Occ("a", {"body": "ga", "subj": "resolution", "n": "1"}, members=list(range(5)))
    parts = list(split_repeated_sides({("a", EVENT): occ}, claims).values())
    assert [[claims[i].value for i in p.members] for p in parts] == [[116, 6], [94, 15, 56]]


def test_the_recalled_older_vote_links_with_the_article_that_reports_it():
    older = _tally("old", [("votes_for", 94), ("votes_against", 15), ("abstentions", 65)], "2017-06-22")
    newer = _tally("new", [("votes_for", 116), ("votes_against", 6), ("abstentions", 56)], "2019-05-22")
    recap = _tally("recap", [("votes_for", 116), ("votes_against", 6), ("votes_for", 94),
                             ("votes_against", 15), ("abstentions", 56)])
    out = link_votes(older + newer + recap)
    event = {(c.doc, c.kind, c.value): c.event for c in out}
    assert event[("recap", "votes_for", 94)] == event[("old", "votes_for", 94)]
    assert event[("recap", "votes_for", 94)] != event[("recap", "votes_for", 116)]


def test_copies_of_one_article_that_differ_are_not_cut():
    a = _tally("wire", [("votes_for", 140), ("votes_against", 5), ("abstentions", 38)])
    b = _tally("copy", [("votes_for", 140), ("votes_against", 5), ("abstentions", 83)])
    occ = Occ("wire", {"body": "ga", "n": "1"}, members=list(range(6)))
    parts = split_repeated_sides({("wire", EVENT): occ}, a + b)
    assert len(parts) == 1

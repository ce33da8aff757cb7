"""A draft told with its sponsor and a text told without one (a resolution by number, or none),
of one body on overlapping dates, giving the same full tally - one figure distinctive, not a
unanimous vote, no veto - are the draft that became the resolution (crosscheck.reconcile.votes
._one_text_by_tally).  Tallies are our own."""

from __future__ import annotations

from datetime import date, timedelta

from crosscheck.reconcile.votes import Occ, link


def _occ(doc: str, day: date, **fields: str) -> Occ:
    o = Occ(doc=doc, fields={"n": "1", **fields})
    o.lo, o.hi = day - timedelta(days=7), day
    return o


def _docs(votes):
    return sorted(sorted(o.doc for o in v) for v in votes)


DAY = date(2020, 4, 3)
FULL = "abstentions:4,votes_against:1,votes_for:10"


def test_a_sponsored_draft_meets_the_numbered_resolution_with_its_full_tally():
    # hit: "مشروع قرار بريطاني أيده 10 أعضاء وعارضه عضو وامتنع 4" / "القرار 502 ... 10 مقابل 1 وامتناع 4"
    a = _occ("a", DAY, body="sc", subj="draft", by="united_kingdom", tally=FULL)
    b = _occ("b", DAY, body="sc", subj="resolution", res="502", tally=FULL)
    assert _docs(link([a, b])) == [["a", "b"]]


def test_a_tally_differing_in_one_figure_or_a_partial_one_stays_apart():
    # miss: 10 / 1 / 4 against 10 / 2 / 3, and a tally giving two kinds only
    a = _occ("a", DAY, body="sc", subj="draft", by="united_kingdom", tally=FULL)
    b = _occ("b", DAY, body="sc", subj="resolution", res="502", tally="abstentions:3,votes_against:2,votes_for:10")
    c = _occ("c", DAY, body="sc", subj="resolution", res="502", tally="votes_against:1,votes_for:10")
    assert _docs(link([a, b])) == [["a"], ["b"]]
    assert _docs(link([a, c])) == [["a"], ["c"]]


def test_unanimous_vetoed_small_or_other_body_tallies_stay_apart():
    # miss: a unanimous 15 / 0 / 0 (two texts of a day are often both unanimous), a vetoed draft,
    # a tally of small figures only, another body
    u = "abstentions:0,votes_against:0,votes_for:15"
    assert _docs(link([_occ("a", DAY, body="sc", subj="draft", by="france", tally=u),
                       _occ("b", DAY, body="sc", subj="resolution", tally=u)])) == [["a"], ["b"]]
    assert _docs(link([_occ("a", DAY, body="sc", subj="draft", by="france", veto="russia", tally=FULL),
                       _occ("b", DAY, body="sc", subj="resolution", tally=FULL)])) == [["a"], ["b"]]
    small = "abstentions:2,votes_against:4,votes_for:9"
    assert _docs(link([_occ("a", DAY, body="sc", subj="draft", by="france", tally=small),
                       _occ("b", DAY, body="sc", subj="resolution", tally=small)])) == [["a"], ["b"]]
    assert _docs(link([_occ("a", DAY, body="hrc", subj="draft", by="france", tally=FULL),
                       _occ("b", DAY, body="sc", subj="resolution", tally=FULL)])) == [["a"], ["b"]]


def test_an_amendment_never_meets_the_draft_it_amends():
    a = _occ("a", DAY, body="sc", subj="amendment", by="russia", tally=FULL)
    b = _occ("b", DAY, body="sc", subj="resolution", tally=FULL)
    assert _docs(link([a, b])) == [["a"], ["b"]]

"""Two articles giving the same distinctive figures of a General Assembly vote tell one vote,
whatever sponsor, veto or past year the words around one of them were read to name
(crosscheck.reconcile.votes.twins).  Small figures (a Council's 13 / 0 / 2) never link."""

from __future__ import annotations

from datetime import date, timedelta

from crosscheck.models import Claim
from crosscheck.reconcile.votes import Occ, add_tallies, link, shared_figures, strangers, twins


def _occ(doc: str, day: date | None = None, **fields: str) -> Occ:
    o = Occ(doc=doc, fields={"n": "1", **fields})
    if day is not None:
        o.lo, o.hi = day - timedelta(days=7), day
    return o


def _docs(votes):
    return sorted(sorted(o.doc for o in v) for v in votes)


def test_shared_large_figures_link_votes_whose_sponsors_were_misread():
    # "أيدت 120 دولة القرار وعارضته 15 وامتنعت 40" told by two outlets; one reads the states
    # listed after "رفضت القرار أيضا" as the text's authors, the other names its real author
    a = _occ("a", body="ga", subj="draft", by="canada", tally="abstentions:40,votes_against:15,votes_for:120")
    b = _occ("b", body="ga", subj="resolution", by="bolivia+cuba", tally="abstentions:40,votes_against:15,votes_for:120")
    assert twins(a, b) and shared_figures(a, b) == 3
    assert _docs(link([a, b])) == [["a", "b"]]


def test_a_past_year_misread_does_not_part_twins_without_dates():
    # one outlet's tally sentence also names an older text "بعد قرار مماثل عام 2015"
    a = _occ("a", body="ga", subj="resolution", past="2015", tally="abstentions:40,votes_for:120")
    b = _occ("b", body="ga", tally="abstentions:40,votes_for:120")
    assert _docs(link([a, b])) == [["a", "b"]]


def test_two_shared_figures_with_a_third_differing_still_link():
    # 120 / 15 / 40 against 120 / 18 / 40: one vote told with a slip, a conflict to show
    a = _occ("a", body="ga", by="canada", tally="abstentions:40,votes_against:15,votes_for:120")
    b = _occ("b", body="ga", by="peru", tally="abstentions:40,votes_against:18,votes_for:120")
    assert _docs(link([a, b])) == [["a", "b"]]


def test_one_shared_figure_or_small_figures_do_not_link():
    one = [_occ("a", body="ga", by="canada", tally="votes_against:12,votes_for:120"),
           _occ("b", body="ga", by="peru", tally="votes_against:12,votes_for:98")]
    assert _docs(link(one)) == [["a"], ["b"]]
    small = [_occ("a", body="sc", subj="draft", by="france", tally="abstentions:2,votes_for:13"),
             _occ("b", body="sc", subj="draft", by="russia", tally="abstentions:2,votes_for:13")]
    assert not twins(*small)
    assert _docs(link(small)) == [["a"], ["b"]]


def test_twins_stay_apart_across_bodies_resolutions_amendments_and_dates():
    t = "abstentions:40,votes_for:120"
    assert not twins(_occ("a", body="ga", tally=t), _occ("b", body="ga", tally="abstentions:40,votes_for:121"))
    assert _docs(link([_occ("a", body="ga", res="7710", tally=t), _occ("b", body="ga", res="7720", tally=t)])) \
        == [["a"], ["b"]]
    assert _docs(link([_occ("a", body="ga", subj="amendment", tally=t), _occ("b", body="ga", tally=t)])) \
        == [["a"], ["b"]]
    far = [_occ("a", date(2020, 3, 1), body="ga", tally=t), _occ("b", date(2024, 3, 1), body="ga", tally=t)]
    assert _docs(link(far)) == [["a"], ["b"]]


def test_tallies_differing_in_most_figures_are_two_votes():
    # undated, no sponsors: a draft and a resolution of one body would be one text told two
    # ways, but 150 / 70 and 120 / 40 are two votes; 154 / 3 / 23 and 155 / 3 / 22 one vote
    # told with slips (a conflict to show)
    t = "abstentions:40,votes_for:120"
    occs = [_occ("a", body="ga", subj="resolution", tally="abstentions:70,votes_for:150"),
            _occ("b", body="ga", subj="draft", tally=t), _occ("c", body="ga", subj="resolution", tally=t)]
    assert strangers(occs[0], occs[1]) and twins(occs[1], occs[2])
    assert _docs(link(occs)) == [["a"], ["b", "c"]]
    slips = [_occ("a", body="ga", subj="resolution", tally="abstentions:23,votes_against:3,votes_for:154"),
             _occ("b", body="ga", subj="resolution", tally="abstentions:22,votes_against:3,votes_for:155")]
    assert not strangers(*slips)
    assert _docs(link(slips)) == [["a", "b"]]
    # one kind differing is never enough, however far
    assert not strangers(_occ("a", body="ga", tally="abstentions:40,votes_for:150"),
                         _occ("b", body="ga", tally="abstentions:40,votes_for:90"))


def _claim(kind: str, value: float, doc: str = "d") -> Claim:
    return Claim(doc=doc, kind=kind, value=value, low=value, high=value, qualifier="exact", start=0, end=1,
                 surface="x", sentence="x")


def test_add_tallies_writes_the_figures_and_drops_a_kind_given_two_ways():
    claims = [_claim("votes_for", 120), _claim("abstentions", 40), _claim("votes_against", 15),
              _claim("votes_against", 16)]
    o = Occ("d", {"n": "1"}, [0, 1, 2, 3])
    add_tallies([o], claims)
    assert o.get("tally") == "abstentions:40,votes_for:120"


def test_the_thresholds_are_the_rules():
    from crosscheck.reconcile.votes import TALLY_FAR_RATIO, TALLY_MIN_VALUE
    from crosscheck.ruleset.vote_rules import vote_rules

    assert vote_rules().tally_min_value == TALLY_MIN_VALUE and vote_rules().tally_far_ratio == TALLY_FAR_RATIO


def test_two_sides_swapped_are_one_tally_told_with_a_slip():
    # "بأغلبية 22 صوتا مقابل 11، وامتناع 14" and, recalled a year on in the month it was held,
    # "22 صوتا مقابل 14 وامتناع 11": the same figures on exchanged sides, one vote (a conflict
    # to show), not two votes
    a = _occ("a", date(2021, 3, 23), body="ga", subj="resolution", tally="abstentions:14,votes_against:11,votes_for:22")
    b = _occ("b", date(2021, 3, 23), body="ga", subj="resolution", tally="abstentions:11,votes_against:14,votes_for:22")
    assert not strangers(a, b)
    assert _docs(link([a, b])) == [["a", "b"]]
    # figures that are not each other's stay two votes
    c = _occ("c", date(2021, 3, 23), body="ga", subj="resolution", tally="abstentions:30,votes_against:17,votes_for:22")
    assert strangers(a, c)


def test_two_figures_with_adjacent_digits_swapped_are_a_slip_not_two_votes():
    # the same Assembly vote told twice, one outlet's abstentions typed with two digits swapped
    # (32 / 23) and another figure off by two: a slip to show, not two votes
    a = _occ("a", body="ga", tally="abstentions:32,votes_against:35,votes_for:72")
    b = _occ("b", body="ga", tally="abstentions:23,votes_against:33,votes_for:72")
    assert not strangers(a, b)
    # figures as far apart without the swap still part the tallies
    c = _occ("c", body="ga", tally="abstentions:20,votes_against:33,votes_for:72")
    assert strangers(a, c)

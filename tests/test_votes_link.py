"""reconcile.votes.link compares an occurrence with a vote's distinct profiles (plus its documents
and date bounds) instead of with every member: the same votes as the plain definition below,
on random occurrences, and the work per candidate follows the profiles, not the vote's size."""

from __future__ import annotations

import random
from datetime import date, timedelta

from crosscheck.reconcile import votes
from crosscheck.reconcile.votes import (UNDATED_LINK_MAX_VOTES, Occ, _index_keys, _lookup_keys, _minimum,
                                        compatible, is_cross_key, link, score)


def plain_link(occs: list[Occ]) -> list[list[Occ]]:
    """link as first written: every member of a candidate vote compared."""
    found: list[list[Occ]] = []
    index: dict[tuple, list[int]] = {}
    for o in sorted(occs, key=lambda o: o.specificity):
        best: list[tuple[int, int]] = []
        seen: set[int] = set()
        # an undated occurrence looks at the dated votes of its body only while they are few
        keys = [key for key in _lookup_keys(o)
                if not (is_cross_key(key) and len(index.get(key, ())) > UNDATED_LINK_MAX_VOTES)]
        for k in [k for key in keys for k in index.get(key, ())]:
            if k in seen:
                continue
            seen.add(k)
            v = found[k]
            if not all(compatible(o, m) for m in v) or not any(_minimum(o, m) for m in v):
                continue
            best.append((max(score(o, m) for m in v), k))
        best.sort(reverse=True)
        if best and (len(best) == 1 or best[0][0] > best[1][0]):
            k = best[0][1]
            found[k].append(o)
        else:
            k = len(found)
            found.append([o])
        for key in _index_keys(o):
            if k not in index.setdefault(key, []):
                index[key].append(k)
    return found


def _random_occs(rng: random.Random, n: int) -> list[Occ]:
    day0 = date(2024, 3, 1)
    out = []
    for i in range(n):
        fields = {"n": str(rng.randint(1, 2))}
        for key, values in (("body", ["sc", "ga", ""]), ("res", ["", "", "2720", "2712"]),
                            ("subj", ["", "draft", "amendment", "ceasefire"]),
                            ("by", ["", "us", "us+uk", "uk", "uk+france", "russia"]),
                            ("veto", ["", "", "", "us", "yes", "russia+china"]), ("past", ["", "", "", "2004"]),
                            ("tally", ["", "", "votes_for:120,abstentions:40", "votes_for:120,abstentions:41",
                                       "votes_against:13,votes_for:120", "abstentions:2,votes_for:13"])):
            v = rng.choice(values)
            if v:
                fields[key] = v
        o = Occ(doc=f"d{rng.randint(0, n // 8):03d}", fields=fields)
        if rng.random() < 0.8:
            lo = day0 + timedelta(days=rng.randint(0, 20))
            o.lo, o.hi = lo, lo + timedelta(days=rng.randint(0, 4))
            if rng.random() < 0.4:
                o.exact = o.lo + timedelta(days=rng.randint(0, 2))
        out.append(o)
    return out


def _ids(found: list[list[Occ]]) -> list[list[int]]:
    return [[id(o) for o in v] for v in found]


def test_link_finds_the_votes_of_the_plain_definition():
    rng = random.Random(5)
    for trial in range(60):
        occs = _random_occs(rng, rng.randint(2, 120))
        assert _ids(link(occs)) == _ids(plain_link(occs)), trial


def test_link_compares_profiles_not_members(monkeypatch):
    """One vote told by 400 articles alike: each new occurrence is compared with one member."""
    calls = []
    real = votes.compatible
    monkeypatch.setattr(votes, "compatible", lambda a, b: calls.append(1) or real(a, b))
    occs = []
    for i in range(400):
        o = Occ(doc=f"a{i:03d}", fields={"body": "sc", "res": "2720", "n": "1"})
        o.lo, o.hi = date(2024, 3, 20), date(2024, 3, 25)
        occs.append(o)
    (vote,) = link(occs)
    assert len(vote) == 400
    assert len(calls) == 399  # the plain definition: 399 * 400 / 2 = 79,800


def test_every_profile_of_a_vote_is_compared():
    """us+uk and us are one vote; uk is compatible with the first, not with the second (no
    shared sponsor), so it stays apart: a vote's members with other sponsors are not skipped."""
    occs = []
    for doc, by in (("a1", "us+uk"), ("a2", "us"), ("a3", "uk")):
        o = Occ(doc=doc, fields={"body": "sc", "by": by, "subj": "draft", "n": "1"})
        o.lo, o.hi = date(2024, 3, 20), date(2024, 3, 25)
        occs.append(o)
    found = link(occs)
    assert [[o.doc for o in v] for v in found] == [["a1", "a2"], ["a3"]]
    assert _ids(found) == _ids(plain_link(occs))


def _occ(doc, day, **fields):
    o = Occ(doc=doc, fields={"n": "1", **fields})
    o.lo, o.hi = day - timedelta(days=2), day
    return o


def test_a_draft_a_resolution_and_an_unnamed_text_without_sponsors_are_one_vote():
    # "نال مشروع القرار 120 صوتا" / "اعتمدت الجمعية قرارا بتأييد 120 دولة" / "صوتت الجمعية
    # بأغلبية 120": one text told three ways, on overlapping days, nobody named as its author
    day = date(2024, 6, 10)
    occs = [_occ("a", day, body="ga", subj="draft"), _occ("b", day, body="ga", subj="resolution"),
            _occ("c", day + timedelta(days=1), body="ga")]
    assert [sorted(o.doc for o in v) for v in link(occs)] == [["a", "b", "c"]]


def test_sponsors_or_a_veto_keep_a_draft_apart_from_a_resolution():
    day = date(2024, 6, 10)
    sponsored = [_occ("a", day, body="ga", subj="draft", by="us"), _occ("b", day, body="ga", subj="resolution")]
    assert len(link(sponsored)) == 2
    vetoed = [_occ("a", day, body="sc", subj="draft", veto="russia"), _occ("b", day, body="sc", subj="resolution")]
    assert len(link(vetoed)) == 2


def _occ(doc: str, day: date | None = None, **fields: str) -> Occ:
    o = Occ(doc=doc, fields={"n": "1", **fields})
    if day is not None:
        o.lo, o.hi = day - timedelta(days=7), day
    return o


def test_an_undated_tally_joins_the_one_dated_vote_of_its_body():
    """An article with no date tells the General Assembly vote that dated articles tell."""
    dated = [_occ("a", date(2024, 5, 10), body="ga", subj="draft"), _occ("b", date(2024, 5, 11), body="ga")]
    undated = _occ("c", body="ga", subj="resolution")
    found = link(dated + [undated])
    assert len(found) == 1 and undated in found[0]
    # another body's vote is not its vote
    assert len(link(dated + [_occ("d", body="sc")])) == 2


def test_an_undated_tally_stays_apart_among_many_dated_votes():
    """Past the limit every dated vote of the body is as likely: no guess."""
    many = [_occ(f"a{i:02d}", date(2024, 1, 1) + timedelta(days=30 * i), body="ga")
            for i in range(UNDATED_LINK_MAX_VOTES + 1)]
    undated = _occ("z", body="ga")
    found = link(many + [undated])
    assert [undated] in found and len(found) == len(many) + 1
    # under the limit it joins the one vote it shares the most with: two alike tie (apart), one is it
    assert [undated] in link(many[:2] + [undated])
    assert any(undated in v and len(v) == 2 for v in link(many[:1] + [undated]))


def test_swapped_digits_of_a_resolution_number_are_one_vote():
    """2774 in two articles and 2747 in a third, all the same week: one vote named 2774, and
    an article naming no number joins it instead of staying between two votes."""
    day = date(2025, 2, 24)
    occs = [_occ("a", day, body="sc", subj="resolution", res="2774"),
            _occ("b", day, body="sc", subj="resolution", res="2774"),
            _occ("c", day + timedelta(days=2), body="sc", subj="resolution", res="2747"),
            _occ("d", day + timedelta(days=1), body="sc", subj="resolution")]
    found = link(occs)
    assert len(found) == 1
    assert votes.vote_key(found[0])["res"] == "2774"
    # numbers one apart are two resolutions, often adopted the same day
    apart = link([_occ("a", day, body="sc", res="2727"), _occ("b", day, body="sc", res="2728")])
    assert len(apart) == 2
    assert votes.transposed("2774", "2747") and not votes.transposed("2727", "2728")
    assert not votes.transposed("2774", "4772")  # two digits swapped, but not adjacent


def test_a_tally_told_without_a_day_meets_the_vote_pinned_to_its_articles_day():
    """"صوتت الجمعية على مشروع القرار الذي قدمته الدول العربية" in an article of 12 September
    names no day; "اعتمدت الجمعية مساء الأربعاء قرارا" pins the vote to that day: the
    same body's vote of the article's own day, one vote although only one names sponsors."""
    day = date(2024, 9, 12)
    drafted = Occ(doc="a", fields={"n": "1", "body": "ga", "subj": "draft", "by": "arab_group"})
    drafted.lo, drafted.hi = day - timedelta(days=7), day
    pinned = Occ(doc="b", fields={"n": "1", "body": "ga", "subj": "resolution"})
    pinned.lo, pinned.hi, pinned.exact = day - timedelta(days=2), day + timedelta(days=2), day
    assert drafted.day == day and pinned.day == day
    found = link([drafted, pinned])
    assert [sorted(o.doc for o in v) for v in found] == [["a", "b"]]
    assert _ids(found) == _ids(plain_link([drafted, pinned]))
    # an article of three days later may tell another vote of the body: apart
    later = Occ(doc="a", fields=dict(drafted.fields))
    later.lo, later.hi = day - timedelta(days=4), day + timedelta(days=3)
    assert len(link([later, pinned])) == 2
    # neither pinned to a day: sponsors on one side only still keep a draft from a resolution
    loose = Occ(doc="b", fields=dict(pinned.fields))
    loose.lo, loose.hi = day - timedelta(days=7), day
    assert len(link([drafted, loose])) == 2
    # a past vote has no day of its own
    past = Occ(doc="c", fields={"n": "1", "body": "ga", "past": "yes"})
    past.lo, past.hi = date(1900, 1, 1), day - timedelta(days=8)
    assert past.day is None


def test_a_resolution_number_read_as_a_year_is_no_past_vote():
    """"القرار 2031" read both as the resolution's number and as a past year: the number names
    the text; the vote is today's and meets the draft pinned to its day."""
    day = date(2024, 9, 12)
    numbered = Occ(doc="a", fields={"n": "1", "body": "sc", "subj": "resolution", "res": "2031", "past": "2031"})
    assert "past" not in numbered.fields
    numbered.lo, numbered.hi, numbered.exact = day - timedelta(days=1), day + timedelta(days=1), day
    drafted = Occ(doc="b", fields={"n": "1", "body": "sc", "subj": "draft", "by": "france"})
    drafted.lo, drafted.hi = day - timedelta(days=3), day
    assert [sorted(o.doc for o in v) for v in link([numbered, drafted])] == [["a", "b"]]
    # a past year other than the number stays a past vote
    assert Occ(doc="c", fields={"n": "1", "res": "2031", "past": "2019"}).get("past") == "2019"


def test_a_tally_naming_no_subject_joins_the_vote_of_its_day_not_a_recalled_one():
    """An article of 19 December tells the plenary vote "مساء أمس" and recalls a committee vote
    with no day of its own; another article of that day names no subject: it meets the vote
    pinned to its day (two texts naming no subject share nothing by that)."""
    day = date(2023, 12, 19)
    plenary = Occ(doc="a", fields={"n": "1", "body": "ga", "subj": "resolution"})
    plenary.lo, plenary.hi, plenary.exact = day - timedelta(days=1), day + timedelta(days=1), day
    recalled = Occ(doc="a", fields={"n": "2", "body": "ga"})
    recalled.lo, recalled.hi = day - timedelta(days=3), day
    other = Occ(doc="b", fields={"n": "1", "body": "ga"})
    other.lo, other.hi = day - timedelta(days=3), day
    found = link([plenary, recalled, other])
    assert [sorted((o.doc, o.get("n")) for o in v) for v in found if other in v] == [[("a", "1"), ("b", "1")]]
    assert _ids(found) == _ids(plain_link([plenary, recalled, other]))

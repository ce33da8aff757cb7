"""A past event named by its year ("فيضانات عام 1988 التي أودت بحياة 94") recalled by outlets
months apart is one event: the article's own place (today's story's) is not lent to it, and the
articles' dates (when it was recalled) do not split it into stories
(crosscheck.reconcile.grouping: _context_fill, split_stories, _attach_open_scopes)."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import build_report, reconcile


def _clusters(*docs: Document):
    claims = [c for d in docs for c in extract(d)]
    return build_report(list(docs), reconcile(claims, list(docs))).clusters


def _with(clusters, value):
    return [c for c in clusters if any(x.value == value for x in c.claims)]


A = Document(id="a", date="2020-09-08", text=(
    "الخرطوم - ارتفع عدد قتلى الفيضانات في السودان إلى 99 شخصا، وفق وزارة الداخلية.\n"
    "وتعيد الكارثة إلى الأذهان فيضانات عام 1988 التي أودت بحياة 94 شخصا."))


def test_a_past_event_recalled_months_apart_is_one_cluster():
    b = Document(id="b", date="2021-04-09", text=(
        "قال الدفاع المدني اليوم إن عدد قتلى السيول بلغ 102 شخص.\n"
        "ويذكر المواطنون بفيضانات عام 1988 التي أودت بحياة 94 شخصا."))
    past = _with(_clusters(A, b), 94)
    assert len(past) == 1, [(c.id, [(x.doc, x.value) for x in c.claims]) for c in past]
    assert sorted(x.doc for x in past[0].claims) == ["a", "b"]
    assert past[0].key["location"] is None  # the article's place (Sudan) is today's story's


def test_a_past_event_told_differently_months_apart_is_a_conflict():
    b = Document(id="b", date="2021-04-09", text=(
        "قال الدفاع المدني اليوم إن عدد قتلى السيول بلغ 102 شخص.\n"
        "ويذكر المواطنون بفيضانات عام 1988 التي أودت بحياة 140 شخصا."))
    past = _with(_clusters(A, b), 94)
    assert len(past) == 1 and {x.value for x in past[0].claims} == {94, 140}
    assert past[0].status == "conflict"


def test_past_events_of_other_years_stay_apart():
    b = Document(id="b", date="2021-04-09", text=(
        "قال الدفاع المدني اليوم إن عدد قتلى السيول بلغ 102 شخص.\n"
        "ويذكر المواطنون بفيضانات عام 1996 التي أودت بحياة 140 شخصا."))
    assert len(_with(_clusters(A, b), 94)) == 1
    assert not any(x.value == 140 for c in _with(_clusters(A, b), 94) for x in c.claims)


def test_todays_figures_months_apart_at_no_place_are_still_two_stories():
    b = Document(id="b", date="2021-04-09", text="قال الدفاع المدني اليوم إن عدد قتلى السيول بلغ 102 شخص.")
    c = Document(id="c", date="2021-04-10", text="قال الدفاع المدني اليوم إن عدد قتلى السيول بلغ 104 أشخاص.")
    clusters = _clusters(A, b, c)
    assert _with(clusters, 99) != _with(clusters, 102)

"""Lengths of a non-growing event reported further apart than either lasts are two occurrences
(issue 8, item 2: event identity).

A 72-hour truce reported on 6 August was over before a five-day truce reported on 15 August
began: "3 days" and "5 days" are two truces, not a dispute about one.  Lengths reported within
the longer one's span are of one occurrence and still compared.
"""

from __future__ import annotations

from test_reconciler_factory import claim

from crosscheck.reconcile.reconciler import reconcile


def truce(doc, days, as_of, event="truce"):
    return claim(doc, "duration_days", days, period="event", event=event, location="gaza",
                 as_of=as_of, as_of_from="metadata")


def only(clusters):
    (c,) = [c for c in clusters if c.kind == "duration_days"]
    return c


def test_a_truce_length_reported_after_the_other_truce_ended_is_another_truce():
    c = only(reconcile([truce("a", 3, "2024-08-06"), truce("b", 3, "2024-08-07"), truce("c", 5, "2024-08-15")]))
    assert c.status == "consistent"
    assert not any(x.outlier for x in c.claims)
    assert any("another occurrence" in n for n in c.notes)


def test_lengths_reported_within_the_longer_span_are_one_occurrence_and_compared():
    c = only(reconcile([truce("a", 10, "2024-04-14", "talks"), truce("b", 11, "2024-04-16", "talks")]))
    assert c.status == "conflict"


def test_an_undated_length_stays_with_the_occurrence_judged():
    c = only(reconcile([truce("a", 3, "2024-08-06"), truce("b", 3, "2024-08-07"), truce("c", 5, "2024-08-15"),
                        truce("d", 4, None)]))
    assert c.status == "conflict"  # the undated 4 disputes the 3-day truce most articles tell


def test_a_length_whose_sentence_names_a_day_is_compared_with_the_announced_length():
    # "الحداد الوطني لمدة يومين" vs "وانتهى أمس الحداد الذي استمر ثلاثة أيام": the day cue gave
    # the second a window period (last_24h); a length has none, so both are the mourning's
    told = claim("a", "duration_days", 2, period="event", event="mourning", location="chile",
                 as_of="2024-02-04", as_of_from="metadata")
    lasted = claim("b", "duration_days", 3, period="last_24h", event="mourning", location="chile",
                   as_of="2024-02-06", as_of_from="metadata")
    c = only(reconcile([told, lasted]))
    assert c.status == "conflict"
    assert {x.period for x in c.claims} == {"event"}


def test_a_toll_of_the_last_24_hours_keeps_its_window():
    # only lengths lose a window period: a toll "خلال 24 ساعة" is its own quantity
    day = claim("a", "killed", 12, period="last_24h", as_of="2024-02-04", as_of_from="metadata")
    total = claim("b", "killed", 300, as_of="2024-02-04", as_of_from="metadata")
    clusters = [c for c in reconcile([day, total]) if c.kind == "killed"]
    assert len(clusters) == 2

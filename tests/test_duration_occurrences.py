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



def mourning(doc, days, as_of, sentence, surface):
    """A national mourning's length in days, told by `doc` on `as_of` (Chile, from metadata)."""
    return claim(doc, "duration_days", days, period="event", event="mourning", location="chile",
                 as_of=as_of, as_of_from="metadata", sentence=sentence).model_copy(update={"surface": surface})

def test_a_finished_span_recalled_weeks_later_is_the_occurrence_told():
    # "حداد سبعة أيام" on 17 March, "الحداد الوطني لمدة ثلاثة أيام" on 18 March and, a month on,
    # "خلال الحداد الوطني الذي استمر أسبوعا كاملا": the recall is of the same mourning, told once
    # it was over; two sources give seven days against one giving three
    a = mourning("a", 7, "2024-03-17", "أعلنت الحكومة حدادا وطنيا سبعة أيام", "سبعة أيام")
    b = mourning("b", 3, "2024-03-18", "في إطار الحداد الوطني المعلن لمدة ثلاثة أيام", "ثلاثة أيام")
    c = mourning("c", 7, "2024-04-16", "وخلال الحداد الوطني الذي استمر أسبوعا كاملا أغلقت المدارس", "أسبوعا")
    cl = only(reconcile([a, b, c]))
    assert cl.status == "conflict"
    assert {x.doc for x in cl.claims if x.outlier} == {"b"}
    assert not any("another occurrence" in n for n in cl.notes)


def test_a_finished_span_told_before_the_occurrence_began_is_another_one():
    # the same recall dated before the occurrence most articles tell is an earlier mourning's
    a = mourning("a", 3, "2024-03-17", "أعلنت الحكومة حدادا وطنيا ثلاثة أيام", "ثلاثة أيام")
    b = mourning("b", 3, "2024-03-18", "في إطار الحداد الوطني المعلن لمدة ثلاثة أيام", "ثلاثة أيام")
    c = mourning("c", 7, "2023-01-10", "وخلال الحداد الوطني الذي استمر أسبوعا كاملا أغلقت المدارس", "أسبوعا")
    d = mourning("d", 7, "2023-01-09", "أعلنت الحكومة حدادا وطنيا سبعة أيام", "سبعة أيام")
    cl = only(reconcile([a, b, c, d]))
    assert cl.status == "consistent"
    assert any("another occurrence" in n for n in cl.notes)

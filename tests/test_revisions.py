"""An official downward revision told as such (crosscheck.reconcile.revisions): the figure
outlets gave before it is what officials said then, the same figure repeated after it is stale."""

from __future__ import annotations

import pytest
from test_reconciler_factory import claim

from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.reconcile.revisions import revised_in_sentence, tells_revision
from crosscheck.ruleset.period_rules import period_rules

EX = period_rules().revision_examples


@pytest.mark.parametrize("sentence", EX.hit)
def test_revision_examples_that_must_match(sentence):
    assert tells_revision(sentence)


@pytest.mark.parametrize("sentence", EX.miss)
def test_revision_examples_that_must_not_match(sentence):
    assert not tells_revision(sentence)


SPAN = period_rules().revision_span_examples


def _first_two_figures(sentence):
    import re

    (a, b) = [m.span() for m in re.finditer(r"[0-9]+", sentence)][:2]
    va, vb = (int(sentence[x:y]) for x, y in (a, b))
    return (a, b) if va > vb else (b, a)


@pytest.mark.parametrize("sentence", SPAN.hit)
def test_revision_span_examples_that_must_match(sentence):
    (hi, lo) = _first_two_figures(sentence)
    assert revised_in_sentence(sentence, hi[0], hi[1], lo[0], lo[1])


@pytest.mark.parametrize("sentence", SPAN.miss)
def test_revision_span_examples_that_must_not_match(sentence):
    (hi, lo) = _first_two_figures(sentence)
    assert not revised_in_sentence(sentence, hi[0], hi[1], lo[0], lo[1])


LOWERED = "خفضت الهيئة عدد القتلى إلى 61 بعد أن كانت قد أعلنت 70"
RECALLED = "ارتفع عدد القتلى إلى 61، وكانت الهيئة قد أعلنت 70"


def _story(sentence, repeat_day=None):
    out = [claim("a", "killed", 70, as_of="2024-03-04", as_of_from="metadata"),
           claim("b", "killed", 61, as_of="2024-03-05", as_of_from="metadata", sentence=sentence),
           claim("b", "killed", 70, period="superseded", as_of="2024-03-05", as_of_from="metadata",
                 sentence=sentence)]
    if repeat_day:
        out.append(claim("c", "killed", 70, as_of=repeat_day, as_of_from="metadata"))
    return out


def test_a_figure_given_before_its_stated_revision_is_no_conflict():
    clusters = reconcile(_story(LOWERED))
    [cl] = clusters
    assert cl.status == "consistent" and not any(c.outlier for c in cl.claims)
    assert any("revised downward" in n for n in cl.notes)
    assert not build_report([], clusters).inconsistencies


def test_a_lower_figure_without_a_stated_revision_still_falls():
    clusters = reconcile(_story(RECALLED))
    [cl] = clusters
    report = build_report([], clusters)
    assert cl.status == "conflict" or report.inconsistencies


def test_the_revised_figure_repeated_after_the_revision_is_stale():
    # session 35: the one kept day (the revision) is backed by more sources than the repeat's,
    # so the repeat is named apart - a falling_total set against the revision - rather than
    # the whole cluster's conflict
    clusters = reconcile(_story(LOWERED, repeat_day="2024-03-07"))
    [cl] = clusters
    assert [c.doc for c in cl.claims if c.outlier] == ["c"]
    (inc,) = [i for i in build_report([], clusters).inconsistencies if i.type == "falling_total"]
    assert {(c.doc, c.value, c.role) for c in inc.claims} >= {("b", 61, "revised"), ("c", 70, "stale")}


def test_a_figure_repeated_after_its_revision_in_a_growth_story_is_a_stale_finding():
    # 328 -> 530 (growth), 530 revised down to 436 the next day, then 530 repeated: the growth
    # stays consistent, and the repeat is a falling_total set against the revision, naming the
    # figure as it was given before the revision
    claims = [claim("a", "killed", 328, as_of="2024-11-13", as_of_from="metadata"),
              claim("b", "killed", 530, as_of="2024-11-14", as_of_from="metadata"),
              claim("c", "killed", 436, as_of="2024-11-15", as_of_from="metadata",
                    sentence="خفضت الهيئة عدد القتلى إلى 436 بعد أن كانت قد أعلنت 530"),
              claim("c", "killed", 530, period="superseded", as_of="2024-11-15", as_of_from="metadata",
                    sentence="خفضت الهيئة عدد القتلى إلى 436 بعد أن كانت قد أعلنت 530"),
              claim("d", "killed", 530, as_of="2024-11-16", as_of_from="metadata")]
    clusters = reconcile(claims)
    [cl] = clusters
    assert cl.status == "consistent" and [c.doc for c in cl.claims if c.outlier] == ["d"]
    (inc,) = [i for i in build_report([], clusters).inconsistencies if i.type == "falling_total"]
    roles = {(c.doc, c.value, c.role) for c in inc.claims}
    assert {("c", 436, "revised"), ("d", 530, "stale"), ("b", 530, "before_revision")} <= roles
    assert "revised down to 436" in inc.explanation


FALLS = period_rules().fall_examples


def _first_figure(sentence):
    import re
    return re.search(r"\d", sentence).start()


@pytest.mark.parametrize("sentence", FALLS.hit)
def test_fall_examples_that_must_match(sentence):
    from crosscheck.reconcile.revisions import tells_fall
    assert tells_fall(sentence, _first_figure(sentence))


@pytest.mark.parametrize("sentence", FALLS.miss)
def test_fall_examples_that_must_not_match(sentence):
    from crosscheck.reconcile.revisions import tells_fall
    assert not tells_fall(sentence, _first_figure(sentence))


FELL = "وقالت الهيئة إن عدد النازحين تراجع إلى 41000 بعد عودة كثيرين إلى منازلهم"
STAYED = "وقالت الهيئة إن عدد النازحين بلغ 41000 في المخيمات"


def _displaced(sentence):
    return [claim("a", "displaced", 30000, as_of="2024-03-02", as_of_from="metadata"),
            claim("b", "displaced", 52000, as_of="2024-03-04", as_of_from="metadata"),
            claim("c", "displaced", 41000, as_of="2024-03-05", as_of_from="metadata", sentence=sentence)]


def test_a_fall_the_article_tells_is_no_falling_total():
    clusters = reconcile(_displaced(FELL))
    assert all(cl.status != "conflict" for cl in clusters)
    assert not build_report([], clusters).inconsistencies


def test_a_lower_figure_told_plainly_still_falls():
    clusters = reconcile(_displaced(STAYED))
    assert any(cl.status == "conflict" for cl in clusters) or build_report([], clusters).inconsistencies


def test_a_figure_told_as_a_rise_after_the_revision_is_the_count_growing_again():
    # 288 revised down to 275 ("bodies counted twice"), then "ارتفاع الحصيلة إلى 288 بعد وفاة
    # مصابين" days later: the count grew back to 288, no stale repeat of the old figure
    rose = "أعلنت السلطات ارتفاع عدد ضحايا الحادث إلى 288 قتيلا بعد وفاة عدد من المصابين"
    said = "أعلنت السلطات أن عدد ضحايا الحادث 288 قتيلا"
    lowered = "خفضت الحكومة حصيلة القتلى إلى 275 بعد أن كانت أعلنت 288"

    def story(sentence):
        return [claim("a", "killed", 288, as_of="2023-06-03", as_of_from="metadata"),
                claim("b", "killed", 275, as_of="2023-06-04", as_of_from="metadata", sentence=lowered),
                claim("b", "killed", 288, period="superseded", as_of="2023-06-04", as_of_from="metadata",
                      sentence=lowered),
                claim("c", "killed", 288, as_of="2023-06-09", as_of_from="metadata", sentence=sentence)]

    [grew] = reconcile(story(rose))
    assert grew.status == "consistent" and not any(c.outlier for c in grew.claims)
    [stale] = reconcile(story(said))
    assert [c.doc for c in stale.claims if c.outlier] == ["c"]

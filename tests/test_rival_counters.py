"""One article giving two counters' figures for one day (issue 8: strength and causes).

"قال رئيس الوزراء إن الحصيلة ارتفعت إلى 1190 ... في المقابل قال الحزب إن عدد القتلى بلغ 1400،
مؤكدا أن قوائمه تضم أسماء": the article reports two counting methods side by side; it does not
contradict itself, so the pair is no `same_day_mismatch`; nor are two figures of its day read without
a counter (it tells two quantities side by side).  Figures of one counter, or two
counters' figures more than `rival_counter_ratio` apart (a guess from the ruins against a
ministry's count), still are.  rules/reconcile.yaml `rival_counter_ratio`.
"""

from __future__ import annotations

from test_falling_total import docs, report
from test_reconciler_factory import claim

from crosscheck.reconcile.settings import default_config

DAYS = (("a", "2024-05-01"), ("b", "2024-05-02"), ("c", "2024-05-04"))


def _mismatches(second_value, second_by, first_by=None):
    claims = [claim("a", "killed", 1040), claim("b", "killed", 1115),
              claim("c", "killed", 1190, attribution=first_by),
              claim("c", "killed", second_value, attribution=second_by)]
    rep = report(claims, docs(*DAYS))
    return [i for i in rep.inconsistencies if i.type == "same_day_mismatch"]


def test_two_counters_in_one_article_are_no_mismatch():
    assert not _mismatches(1400, "حزب الشعوب الديمقراطي")


def test_two_named_counters_in_one_article_are_no_mismatch():
    assert not _mismatches(1400, "منظمة العفو الدولية", first_by="المرصد السوري لحقوق الإنسان")


def test_one_counters_two_figures_are_still_a_mismatch():
    assert _mismatches(1400, "وزارة الصحة", first_by="وزارة الصحة")


def test_figures_far_apart_are_still_a_mismatch():
    assert default_config().rival_counter_ratio == 3
    # (more than three times 1,190, yet not so far that the smaller counts a part of it)
    assert _mismatches(3800, "رئيس البلدية")


def test_counters_of_two_countries_are_still_a_mismatch():
    # one figure's sentence names one country, the other's another: two quantities, one of
    # them misplaced, not two counts of one
    claims = [claim("a", "killed", 1040), claim("b", "killed", 1115),
              claim("c", "killed", 1190, attribution="وزارة الإعلام").model_copy(
                  update={"sentence": "وفي زيمبابوي ارتفع عدد القتلى إلى 1190"}),
              claim("c", "killed", 1400, attribution="حكومة موزمبيق").model_copy(
                  update={"sentence": "أعلنت حكومة موزمبيق ارتفاع الحصيلة إلى 1400 قتيل"})]
    rep = report(claims, docs(*DAYS))
    assert [i for i in rep.inconsistencies if i.type == "same_day_mismatch"]


def _unattributed(second_sentence, first_by=None, second_by=None):
    return [claim("a", "killed", 1040), claim("b", "killed", 1115),
            claim("c", "killed", 1190, attribution=first_by).model_copy(
                update={"sentence": "وقالت مصادر طبية إن حصيلة القتلى ارتفعت إلى 1190 شخصا"}),
            claim("c", "killed", 1400, attribution=second_by).model_copy(update={"sentence": second_sentence})]


def test_two_unattributed_figures_of_one_articles_day_are_two_quantities_it_tells():
    # no counter read for either ("في المقابل، قال مصدر أمني إن …", a batch beside the total):
    # the article does not contradict itself
    for second in ("في المقابل، قال مصدر أمني إن عدد القتلى بلغ 1400",
                   "وبذلك يرتفع عدد القتلى منذ بداية الأحداث إلى 1400"):
        rep = report(_unattributed(second), docs(*DAYS))
        assert not [i for i in rep.inconsistencies if i.type == "same_day_mismatch"], second
    # one counter named for both: still a mismatch
    rep = report(_unattributed("وقالت الوزارة إن عدد القتلى بلغ 1400", "وزارة الصحة", "وزارة الصحة"),
                 docs(*DAYS))
    assert [i for i in rep.inconsistencies if i.type == "same_day_mismatch"]

"""Parts of one stated whole (issue 8, item 4): "أفرج عن 40 رهينة، بينهم 12 امرأة" in one article
and "وعددهم 40، بينهم 10 نساء" in another, undated, count the women among the same 40: the two
figures must agree.  Undated, the second used to fit any date of the running total (a later
moment), so the pair was never compared.  A part of another whole (52) stays free."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.hierarchy import load_hierarchy
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.reconcile.stated_whole import one_moment_dates, whole_before
from crosscheck.ruleset.loader import load_rules

RULES = load_rules()
PATTERN = load_hierarchy().stated_whole

DATED = ("أفرجت الجماعة المسلحة صباح اليوم عن 40 رهينة، بينهم 12 امرأة، بعد مفاوضات استمرت "
         "أسابيع بوساطة قبلية.")


def undated(whole: int) -> str:
    return (f"وكانت الجماعة قد أفرجت عن {whole} رهينة، بينهم 10 نساء، ونقلتهم طائرة عسكرية إلى مطار "
            "العاصمة حيث استقبلهم عدد من المسؤولين.")


def report(second: str):
    documents = [Document(id="a", text=DATED, date="2024-03-10"), Document(id="b", text=second)]
    claims = [c for d in documents for c in extract(d)]
    return build_report(documents, reconcile(claims, documents))


def set_against(rep, a: float, b: float) -> bool:
    """Are the figures a (doc a) and b (doc b) together in a conflict cluster or one
    inconsistency (what a fact-checker is shown)?"""
    want = {("a", a), ("b", b)}
    for cl in rep.clusters:
        if cl.status == "conflict" and want <= {(c.doc, c.value) for c in cl.claims}:
            return True
    return any(want <= {(c.doc, c.value) for c in i.claims} for i in rep.inconsistencies)


def women(rep) -> set:
    return {(c.doc, c.value) for cl in rep.clusters for c in cl.claims if c.value in (10, 12) and c.group != "all"}


def test_parts_of_one_stated_whole_must_agree_when_one_side_is_undated():
    rep = report(undated(40))
    assert women(rep) == {("a", 12), ("b", 10)}
    assert set_against(rep, 12, 10)


def test_a_part_of_another_whole_is_not_set_against_it():
    rep = report(undated(52))
    assert women(rep) == {("a", 12), ("b", 10)}
    assert not set_against(rep, 12, 10)


@pytest.mark.parametrize("text", RULES.hierarchy.stated_whole_examples.hit)
def test_stated_whole_hits(text):
    assert whole_before(text, PATTERN) is not None


@pytest.mark.parametrize("text", RULES.hierarchy.stated_whole_examples.miss)
def test_stated_whole_misses(text):
    assert whole_before(text, PATTERN) is None


def test_the_nearest_whole_is_read():
    assert whole_before("عاد 19 من أصل 27 صيادا، كان بينهم ", PATTERN) == 27
    assert whole_before("وعددهم ٣٥، بينهم ", PATTERN) == 35


def test_undated_figures_take_the_moment_and_dated_ones_their_days_earliest_moment():
    from datetime import date

    from crosscheck.models import Claim

    def part(doc, value, whole):
        s = f"أفرج عن {whole} أسيرا، بينهم {value} بحارا"
        return Claim(doc=doc, kind="prisoners_released", value=value, low=value, high=value, group="subset:بحار",
                     start=0, end=len(str(value)), surface=f"{value} بحارا", sentence=s)

    claims = [part("a", 24, 35), part("b", 22, 35), part("c", 20, 35), part("d", 9, 50)]
    days = [date(2019, 9, 8), date(2019, 9, 7), None, None]
    out, moved = one_moment_dates(claims, days, PATTERN)
    assert out == [date(2019, 9, 8), date(2019, 9, 7), date(2019, 9, 7), None] and moved == 1


def test_dated_figures_of_one_whole_on_one_day_stand_at_its_earliest_moment():
    from datetime import datetime

    from crosscheck.models import Claim

    def part(doc, value, whole):
        s = f"قتل {whole} شخصا، بينهم {value} طفلا"
        return Claim(doc=doc, kind="killed", value=value, low=value, high=value, group="children",
                     start=0, end=len(str(value)), surface=f"{value} طفلا", sentence=s)

    # 15 and 17 children among the same 52 dead, told at two moments of one day (a part of the
    # day read for one of them): one set counted, so one moment, where both cannot stand; a
    # figure of another day keeps its day
    claims = [part("a", 15, 52), part("b", 17, 52), part("c", 19, 52)]
    days = [datetime(2019, 9, 7, 10), datetime(2019, 9, 7, 15), datetime(2019, 9, 9, 15)]
    out, moved = one_moment_dates(claims, days, PATTERN)
    assert out == [days[0], days[0], days[2]] and moved == 1


def test_a_pronoun_spelling_out_the_whole_is_a_subset_word():
    assert whole_before("وما زال 27 مخطوفا لدى الخاطفين، هم ", PATTERN) == 27
    assert whole_before("وقتل 9 أشخاص، وهم ", PATTERN) == 9
    # not the tail of another word
    assert whole_before("وقال إن 12 عاملا أنهم ", PATTERN) is None

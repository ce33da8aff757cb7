"""A figure a later article recalls for a day, differing from that day's own figure by a digit
typo, is the same report told twice (issue 8: recalled figures, dates).

Monday's article: "ارتفعت الحصيلة إلى 2317 قتيلا" (no hour named).  Tuesday's article: "وكانت
الحصيلة قد بلغت 2137 قتيلا مساء أمس الاثنين".  The evening the recall names used to order the two
as two stages of Monday (2317 earlier in the day, 2137 in the evening: a fall, or with other
values growth); 2137 and 2317 are one figure with two digits swapped (causes.digit_typo), one
report of Monday, so the part of the day does not order them and they are compared.  A recalled
figure that is no typo of the day's own ("2600 مساء أمس") keeps its evening: growth within the
day.  Sentences are our own."""

from __future__ import annotations

import pytest
from test_dated_earlier_figure import disputed, docs
from test_reconciler_factory import claim

from crosscheck.reconcile.causes import digit_typo, typo_variants
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.reconcile.settings import config_or_default

CFG = config_or_default(None)


def _story(recalled):
    documents = docs(("a", "2024-03-04"), ("b", "2024-03-05"))
    claims = [claim("a", "killed", 1980, as_of="2024-03-03", as_of_from="relative",
                    sentence="وكانت الحصيلة 1980 قتيلا يوم الأحد"),
              claim("a", "killed", 2317, as_of="2024-03-04", as_of_from="metadata",
                    sentence="ارتفعت حصيلة الزلزال إلى 2317 قتيلا"),
              claim("b", "killed", 2940, as_of="2024-03-05", as_of_from="metadata",
                    sentence="ارتفعت حصيلة الزلزال إلى 2940 قتيلا"),
              claim("b", "killed", recalled, as_of="2024-03-04", as_of_from="relative",
                    sentence=f"وكانت الحصيلة قد بلغت {recalled} قتيلا مساء أمس الاثنين")]
    return build_report(documents, reconcile(claims, documents))


def test_a_recalled_figure_mistyped_meets_the_days_own():
    assert disputed(_story(2137), 2137, 2317)


def test_a_recalled_figure_no_typo_of_the_days_own_is_growth_within_the_day():
    assert not disputed(_story(2600), 2317, 2600)


@pytest.mark.parametrize("a", [7, 64, 1419, 12268, 1000, 2050, 305])
def test_typo_variants_are_exactly_the_digit_typos(a):
    got = typo_variants(a, CFG)
    assert all(digit_typo(a, b, CFG) for b in got)
    assert {b for b in range(1, 10 * a + 100) if digit_typo(a, b, CFG)} == got


def _many_recall(n, recalled):
    """Monday's own figure, then `n` Tuesday articles (copies need not be: distinct sources)
    recalling the same figure for Monday evening."""
    pairs = [("a", "2024-03-04")] + [(f"r{k}", "2024-03-05") for k in range(n)]
    claims = [claim("a", "killed", 2317, as_of="2024-03-04", as_of_from="metadata",
                    sentence="ارتفعت حصيلة الزلزال إلى 2317 قتيلا")]
    for k in range(n):
        claims.append(claim(f"r{k}", "killed", 2940 + k, as_of="2024-03-05", as_of_from="metadata",
                            sentence=f"ارتفعت حصيلة الزلزال إلى {2940 + k} قتيلا"))
        claims.append(claim(f"r{k}", "killed", recalled, as_of="2024-03-04", as_of_from="relative",
                            sentence=f"وكانت الحصيلة قد بلغت {recalled} قتيلا مساء أمس الاثنين"))
    documents = docs(*pairs)
    return documents, claims


def test_a_figure_recalled_by_many_articles_has_its_variants_worked_out_once(monkeypatch):
    """`_recalled_days` works out a recalled figure's digit-typo variants once per distinct
    figure, not once per article recalling it (a check against the 10k benchmark store: 966 -> 652
    calls);
    the judgement is the same (the recalled 2137 meets Monday's 2317)."""
    import crosscheck.reconcile.causes as causes
    from counting_support import count_calls

    documents, claims = _many_recall(12, 2137)
    calls = count_calls(monkeypatch, causes, "typo_variants")
    rep = build_report(documents, reconcile(claims, documents))
    assert disputed(rep, 2137, 2317)
    # one figure recalled by 12 articles (the cluster may be judged more than once: a second
    # look with its own parts aside), never once per article
    assert 1 <= calls[0] <= 3, calls[0]

"""An official downward revision told with its reason and the figure it replaced ("خفضت السلطات
الحصيلة إلى 97 بعد أن كانت 115") starts the running total again: the revised figure is not a
stale one below the earlier days' figures, and figures given after it are judged against it
(crosscheck.reconcile.revisions.revision_days, trajectory.fit_in_stretches)."""

from __future__ import annotations

import hashlib

from test_reconciler_factory import claim

from crosscheck.models import Document
from crosscheck.reconcile.reconciler import build_report, reconcile

REVISION = "خفضت السلطات الحصيلة الرسمية إلى 97 بعد أن كانت 115، لأن بعض الرفات احتسب مرتين"


def docs(*pairs):
    return [Document(id=i, text=" ".join(hashlib.sha1(f"{i}{k}".encode()).hexdigest()[:8] for k in range(30)),
                     date=d) for i, d in pairs]


def _report(after_value=None):
    pairs = [("a", "2024-08-09"), ("b", "2024-08-11"), ("c", "2024-08-16"), ("r", "2024-09-15")]
    claims = [claim("a", "killed", 36, as_of="2024-08-09", as_of_from="metadata"),
              claim("b", "killed", 80, as_of="2024-08-11", as_of_from="metadata"),
              claim("c", "killed", 106, as_of="2024-08-16", as_of_from="metadata"),
              claim("r", "killed", 97, as_of="2024-09-15", as_of_from="metadata", sentence=REVISION),
              claim("r", "killed", 115, period="superseded", as_of="2024-09-15", as_of_from="metadata",
                    sentence=REVISION)]
    if after_value is not None:
        pairs.append(("z", "2024-09-20"))
        claims.append(claim("z", "killed", after_value, as_of="2024-09-20", as_of_from="metadata"))
    documents = docs(*pairs)
    return build_report(documents, reconcile(claims, documents))


def _in_inconsistency(rep, value):
    return any(value in {c.value for c in inc.claims} for inc in rep.inconsistencies)


def test_a_stated_revision_below_the_earlier_days_is_no_stale_figure():
    rep = _report()
    (c,) = [c for c in rep.clusters if c.kind == "killed"]
    assert c.status == "consistent"
    assert not [x for x in c.claims if x.outlier]
    assert not _in_inconsistency(rep, 97)


def test_growth_after_the_revision_is_judged_from_the_revised_figure():
    rep = _report(101)
    assert not _in_inconsistency(rep, 101) and not _in_inconsistency(rep, 97)


def test_a_later_figure_below_the_revised_one_falls_below_it():
    rep = _report(90)
    (inc,) = [i for i in rep.inconsistencies if 90 in {c.value for c in i.claims}]
    assert inc.type == "falling_total" and {c.value for c in inc.claims} == {90, 97}

"""A captivity's length grows with the day it is told (issue 8, trajectories).

Captives taken together and freed in batches: the first batch "after 40 days in captivity",
the last "after 52 days" eleven days later.  Both are lengths of one captivity, told on the
days of the releases: a later, longer length is growth, not a dispute.  Two lengths told the
same day still must agree, and a later, shorter one (no release in between can make it so)
is stale.  rules/reconcile.yaml `growing_events` lists captivity beside the war.
"""

from __future__ import annotations

from test_dated_earlier_figure import disputed, docs
from test_reconciler_factory import claim

from crosscheck.reconcile.reconciler import build_report, reconcile


def _report(*figures):
    documents = docs(*[(d, day) for d, _, day in figures])
    claims = [claim(d, "duration_days", v, period="event", event="captivity", location="sahel",
                    as_of=day, as_of_from="metadata") for d, v, day in figures]
    return build_report(documents, reconcile(claims, documents))


def test_a_longer_captivity_told_later_is_growth():
    rep = _report(("a", 40, "2024-03-10"), ("b", 52, "2024-03-21"))
    assert not disputed(rep, 40, 52)


def test_two_lengths_of_one_day_must_agree():
    rep = _report(("a", 40, "2024-03-10"), ("b", 47, "2024-03-10"))
    assert disputed(rep, 40, 47)


def test_a_shorter_captivity_told_later_is_stale():
    rep = _report(("a", 52, "2024-03-10"), ("b", 40, "2024-03-21"), ("c", 53, "2024-03-11"))
    assert disputed(rep, 52, 40) or disputed(rep, 53, 40)

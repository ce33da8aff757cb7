"""within_day._part finds a claim's figure in its sentence once (it reads the sentence for the
part of the day at the figure, then for an earlier figure's part after it): a running total
of thousands of claims is dated to its moments in every judgement of it."""

from __future__ import annotations

from datetime import date

from test_reconciler_factory import claim

from crosscheck.reconcile import dating, within_day
from crosscheck.reconcile.intervals import claim_span


def test_the_figure_is_found_once_per_claim(monkeypatch):
    claims = []
    for i in range(120):
        s = f"وقالت الهيئة إن عدد القتلى بلغ {40 + i} في حصيلة جديدة"
        if i % 10 == 0:
            s = f"وأعلنت الهيئة مساء اليوم أن عدد القتلى بلغ {40 + i}"
        c = claim(f"d{i}", "killed", 40 + i, as_of="2024-03-02", as_of_from="metadata", sentence=s)
        claims.append(c.model_copy(update={"surface": str(40 + i)}))
    dates = [date(2024, 3, 2)] * len(claims)
    calls = []
    real = dating.figure_offset

    def counted(c):
        calls.append(c)
        return real(c)

    monkeypatch.setattr(dating, "figure_offset", counted)
    got = within_day.moments(claims, [claim_span(c) for c in claims], dates)
    assert len(calls) <= len(claims)  # once per claim, not once per reading
    assert len({g for g in got}) > 1  # the evening's figures stand at their own moment

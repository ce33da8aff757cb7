"""The work of reading a running total's revisions and falls (crosscheck.reconcile.revisions),
counted: a `check` against a large store re-judges running totals of thousands of claims, and
every current figure's sentence is read for a fall word before it.

* one pass per judgement (`revisions`), not one for each of revised_away, revising_figures and
  revision_days;
* the rules directory resolved once per process, not for every figure (`Path.resolve`);
* each distinct word normalised once, not at every figure whose window holds it.
The answers are those of the separate functions (compared on made-up stories)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from test_reconciler_factory import claim, story_draws

from crosscheck.reconcile import reconciler, revisions
from crosscheck.reconcile.reconciler import reconcile

LOWERED = "خفضت الهيئة عدد القتلى إلى {} بعد أن كانت قد أعلنت {}"
FALL = "وتراجع عدد القتلى إلى {} بحسب الهيئة"
PLAIN = "وقالت الهيئة إن عدد القتلى بلغ {} في آخر حصيلة"


def _story(seed: int, n: int = 60, lowered: float = 0.15) -> tuple[list, list]:
    rnd = random.Random(seed)
    claims = []
    for doc, day, v in story_draws(rnd, n, n // 3, "2024-03", 20, [40, 55, 61, 70, 88]):
        shape = rnd.random()
        if shape < lowered:
            hi = v + rnd.choice([5, 9])
            s = LOWERED.format(v, hi)
            claims.append(claim(doc, "killed", v, as_of=day, as_of_from="metadata", sentence=s))
            claims.append(claim(doc, "killed", hi, period="superseded", as_of=day, as_of_from="metadata",
                                sentence=s))
        elif shape < 0.3:
            claims.append(claim(doc, "killed", v, as_of=day, as_of_from="metadata", sentence=FALL.format(v)))
        else:
            claims.append(claim(doc, "killed", v, as_of=day, as_of_from="metadata", sentence=PLAIN.format(v)))
    from datetime import date

    cdates = [date.fromisoformat(c.as_of) if rnd.random() > 0.1 else None for c in claims]
    return claims, cdates


@pytest.mark.parametrize("seed", range(12))
def test_one_pass_gives_what_the_three_functions_give(seed):
    claims, cdates = _story(seed)
    got = revisions.revisions(claims, cdates)
    assert (got.revised, got.stale) == revisions.revised_away(claims, cdates)
    assert got.revising == revisions.revising_figures(claims, cdates)
    assert got.days == revisions.revision_days(claims, cdates)


def test_the_stories_hold_revisions_and_falls():
    # the comparison above is not vacuous: revised, stale and restart days all occur
    seen = [revisions.revisions(*_story(seed)) for seed in range(12)]
    assert any(r.revised for r in seen) and any(r.stale for r in seen) and any(r.days for r in seen)
    assert any(r.revising for r in seen)


def _counting(monkeypatch, module, name: str) -> list:
    calls = []
    real = getattr(module, name)

    def counted(*a, **k):
        calls.append(a)
        return real(*a, **k)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_a_running_total_reads_its_revisions_once(monkeypatch):
    claims, _ = _story(3)
    calls = _counting(monkeypatch, revisions, "_revisions")
    [cl] = reconcile(claims)
    assert cl.trajectory  # judged as a running total
    assert len(calls) == 1


def test_the_rules_directory_is_resolved_once_for_every_figure(monkeypatch):
    claims, cdates = _story(5, n=200, lowered=0)
    revisions.revisions(claims, cdates)  # the rules resolved once in this process
    resolves = _counting(monkeypatch, Path, "resolve")
    figures = _counting(monkeypatch, revisions, "tells_fall")
    revisions.revisions(claims, cdates)
    assert len(figures) > 100
    assert resolves == []


def test_each_word_is_normalised_once(monkeypatch):
    claims, cdates = _story(7, n=200, lowered=0)
    revisions.revisions(claims, cdates)  # the rules' word lists made once in this process
    revisions._word_form.cache_clear()
    direct = _counting(monkeypatch, revisions, "normalize_word")
    figures = _counting(monkeypatch, revisions, "tells_fall")
    revisions.revisions(claims, cdates)
    info = revisions._word_form.cache_info()
    distinct = {w for s in (FALL, PLAIN, LOWERED) for w in s.split()} | {str(v) for v in range(200)}
    assert len(figures) > 100
    assert direct == []  # every word read through the kept forms
    assert 0 < info.misses <= len(distinct)  # each distinct word normalised once
    assert info.hits > 2 * info.misses


def test_the_judgement_reads_the_one_pass(monkeypatch):
    # _judge_trajectory takes revised, stale, revising and restart days from `revisions`
    claims = [claim("a", "killed", 328, as_of="2024-11-13", as_of_from="metadata"),
              claim("b", "killed", 530, as_of="2024-11-14", as_of_from="metadata"),
              claim("c", "killed", 436, as_of="2024-11-15", as_of_from="metadata",
                    sentence=LOWERED.format(436, 530)),
              claim("c", "killed", 530, period="superseded", as_of="2024-11-15", as_of_from="metadata",
                    sentence=LOWERED.format(436, 530)),
              claim("d", "killed", 530, as_of="2024-11-16", as_of_from="metadata")]
    calls = _counting(monkeypatch, reconciler, "revisions")
    [cl] = reconcile(claims)
    assert len(calls) == 1
    assert cl.status == "consistent" and [c.doc for c in cl.claims if c.outlier] == ["d"]


FIRST = "وكانت الهيئة قد أعلنت في البداية {} قتيلا"


def _first_story(n: int) -> tuple[list, list]:
    from datetime import date

    claims, cdates = [], []
    for i in range(n):
        day = f"2024-03-{1 + i % 20:02d}"
        s = (FIRST if i % 3 == 0 else PLAIN).format(40 + i)
        claims.append(claim(f"d{i // 2}", "killed", 40 + i, as_of=day, as_of_from="metadata", sentence=s))
        cdates.append(date.fromisoformat(day))
    return claims, cdates


def test_first_told_reads_each_word_once_and_finds_the_first_figures(monkeypatch):
    # tells_first reads up to first_figure_reach_words words before every figure of a running
    # total: each distinct word's matching form is made once (kept), not at every figure
    claims, cdates = _first_story(300)
    revisions.first_told(claims, cdates)  # the rules' phrases made once in this process
    revisions._word_form.cache_clear()
    direct = _counting(monkeypatch, revisions, "normalize_word")
    figures = _counting(monkeypatch, revisions, "tells_first")
    got = revisions.first_told(claims, cdates)
    info = revisions._word_form.cache_info()
    distinct = {w for s in (FIRST, PLAIN) for w in s.split()} | {str(40 + i) for i in range(300)}
    assert len(figures) > 250
    assert direct == []  # every word read through the kept forms
    assert 0 < info.misses <= len(distinct)
    assert info.hits > 2 * info.misses
    assert got and all(i % 3 == 0 for i in got)  # the figures told as the first ones


@pytest.mark.parametrize("n", [60, 600])
def test_the_rules_directory_is_asked_once_per_cluster(monkeypatch, n):
    # the rules directory in force (`_rules_key`: the CLI flag, the environment, the config
    # file) is asked once for a cluster's pass, not for every figure: the count does not grow
    # with the cluster
    claims, cdates = _story(11, n=n)
    fclaims, fdates = _first_story(n)
    asked = _counting(monkeypatch, revisions, "_rules_key")
    got = revisions.revisions(claims, cdates)
    revisions.first_told(fclaims, fdates)
    assert got.revised or got.stale or got.days  # the story has revisions and falls
    assert len(asked) <= 3

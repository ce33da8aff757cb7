"""crosscheck.store.vote_links: a new article's tallies linked against the kept links give the
events `link_votes` gives them when every tally is linked again, or say they cannot
(LinkFallback); and the kept links are those of the full pass."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta

from crosscheck.models import Claim
from crosscheck.reconcile.votes import link_votes
from crosscheck.store import vote_links

KINDS = ("votes_for", "votes_against", "abstentions")


def _event(rng: random.Random, n: int) -> str:
    fields = [("body", rng.choice(["sc", "sc", "ga", ""]))]
    fields += [("res", rng.choice(["", "", "", "2720", "2712"])),
               ("subj", rng.choice(["", "draft", "amendment", "ceasefire"])),
               ("by", rng.choice(["", "", "us", "us+uk", "uk", "russia", "brazil"])),
               ("veto", rng.choice(["", "", "", "", "us", "yes"])),
               ("past", rng.choice(["", "", "", "", "", "2004"]))]
    return "vote:" + ";".join(f"{k}={v}" for k, v in fields if v) + f";n={n}"


def _article(rng: random.Random, doc: str) -> list[Claim]:
    day0 = date(2024, 3, 1)
    when = day0 + timedelta(days=rng.randint(0, 40))
    out = []
    for n in range(1, rng.choice([1, 1, 2, 3]) + 1):
        event = _event(rng, n)
        rel = rng.random() < 0.3
        as_of = (when - timedelta(days=rng.randint(0, 2))) if rel else when
        undated = not rel and rng.random() < 0.1  # an article with no date at all
        for kind in rng.sample(KINDS, rng.randint(1, 3)):
            out.append(Claim(doc=doc, kind=kind, value=rng.choice([12, 13, 14, 2, 0, 1, 3, 120, 9]),
                             start=len(out) * 10, end=len(out) * 10 + 2, surface="12", event=event,
                             as_of=None if undated else as_of.isoformat(),
                             as_of_from="none" if undated else "relative" if rel else "metadata"))
    return out


def _store(claims: list[Claim]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    events, rows = vote_links.link_traced(claims)
    vote_links.store(conn, rows)
    return conn, events


def test_traced_links_are_link_votes():
    rng = random.Random(5)
    claims = [c for d in range(60) for c in _article(rng, f"d{d:03d}")]
    events, _rows = vote_links.link_traced(claims)
    assert events == [c.event for c in link_votes(claims)]
    assert len(set(events)) > 5  # several votes, some with several claims


def test_new_tallies_get_the_events_of_linking_everything():
    taken = same = renamed = 0
    joined = made = 0
    for seed in range(50):
        rng = random.Random(seed)
        stored = [c for d in range(rng.randint(5, 40)) for c in _article(rng, f"d{d:03d}")]
        new = _article(rng, "new-article")
        conn, before = _store(stored)
        full = [c.event for c in link_votes(stored + new)]
        same += full[:len(stored)] == before
        try:
            got, remap = vote_links.link_new(conn, new)
        except vote_links.LinkFallback:
            continue
        taken += 1
        assert got == full[len(stored):], seed
        # the stored tallies, renamed, have the events of the full pass
        renamed += bool(remap)
        assert full[:len(stored)] == [remap.get(e, e) for e in before], seed
        shared = set(got) & set(before)
        joined += bool(shared)
        made += bool(set(got) - set(before))
    # it answers whenever the full pass leaves the stored links as they were, and more often
    assert same >= 15 and taken >= same and joined >= 5 and made >= 5 and renamed >= 3, \
        (taken, same, joined, made, renamed)


def test_a_changed_stored_link_is_a_fallback_or_renamed():
    """Whenever the full pass changes a stored tally's event, link_new does not answer, or
    names the change (a vote named anew or numbered anew); a stored tally that joins another
    vote is always a fallback."""
    changed = moved = 0
    for seed in range(100, 160):
        rng = random.Random(seed)
        stored = [c for d in range(rng.randint(5, 30)) for c in _article(rng, f"d{d:03d}")]
        new = _article(rng, "new-article")
        conn, before = _store(stored)
        full = [c.event for c in link_votes(stored + new)]
        if full[:len(stored)] == before:
            continue
        changed += 1
        try:
            _got, remap = vote_links.link_new(conn, new)
        except vote_links.LinkFallback:
            moved += 1
            continue
        assert full[:len(stored)] == [remap.get(e, e) for e in before], seed
    assert changed >= 3 and moved >= 1, (changed, moved)


def test_a_stored_source_is_a_fallback():
    rng = random.Random(9)
    stored = [c for d in range(10) for c in _article(rng, f"d{d:03d}")]
    conn, _before = _store(stored)
    again = [c.model_copy(update={"start": c.start + 1000}) for c in stored if c.doc == "d003"]
    try:
        vote_links.link_new(conn, again)
    except vote_links.LinkFallback as why:
        assert "stored source" in str(why)
    else:
        raise AssertionError("a tally of a stored source was linked alone")


def test_stored_occurrences_and_votes_are_read_together():
    """The stored occurrences a changed vote queues, and the members of a new tally's candidate
    votes, are read in `IN` queries (`_Stored.prefetch`, `prefetch_votes`), not one query per
    occurrence or vote when it is asked for (counted over 50 stores: 443 one-row and 474
    one-vote queries before, none now; the answers are checked against link_votes above)."""
    single = batched = taken = 0
    for seed in range(50):
        rng = random.Random(seed)
        stored = [c for d in range(rng.randint(5, 40)) for c in _article(rng, f"d{d:03d}")]
        new = _article(rng, "new-article")
        conn, _before = _store(stored)
        seen: list[str] = []
        conn.set_trace_callback(seen.append)
        try:
            vote_links.link_new(conn, new)
            taken += 1
        except vote_links.LinkFallback:
            pass
        single += sum(1 for s in seen if "FROM judged_occs WHERE pos = " in s or "FROM judged_occs WHERE vote = " in s)
        batched += sum(1 for s in seen if "FROM judged_occs WHERE pos IN (" in s or "FROM judged_occs WHERE vote IN (" in s)
    assert taken >= 15 and batched >= 50, (taken, batched)
    assert single == 0

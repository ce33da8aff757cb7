"""A draft named as the rival of another ("مشروع قرار منافس قدمته موسكو", "مشروع آخر") is never
the draft last named with its sponsors: its own sponsor is read past the rival word, and without
one it has none (not the vetoed text's).  Sentences are our own
(rules/vote_events.yaml `rival_words`, crosscheck.extract.vote_events.rival_draft)."""

from __future__ import annotations

from tally_events import tally_events

from crosscheck.extract.extractor import extract


def _events(text: str, day: str = "2021-06-03"):
    return tally_events(text, day)


FIRST = "صوت مجلس الأمن الدولي أمس على مشروع فرنسي فأيده 11 عضوا. "


def test_a_rival_drafts_sponsor_is_read_past_the_rival_word():
    # hit: "منافس" between the draft and "قدمته الصين"
    ev = _events(FIRST + "ثم سقط مشروع قرار منافس قدمته الصين، إذ أيده خمسة أعضاء وعارضه ستة.")
    assert ev[("votes_for", 11)].get("by") == "france", ev
    rival = [e for (k, v), e in ev.items() if v in (5, 6)]
    assert rival and all(e.get("by") == "china" for e in rival), ev


def test_a_rival_draft_without_its_sponsor_is_not_the_last_drafts():
    # hit: "مشروع آخر" with no sponsor named
    ev = _events(FIRST + "ثم سقط مشروع آخر بتأييد خمسة أعضاء ومعارضة ستة.")
    rival = [e for (k, v), e in ev.items() if v in (5, 6)]
    assert rival and all(e.get("by", "") != "france" for e in rival), ev


def test_the_same_draft_named_again_keeps_its_sponsor():
    # miss: "المشروع" again, no rival word: the French draft
    ev = _events(FIRST + "ثم أعيد التصويت على المشروع فأيده 12 عضوا.")
    assert ev[("votes_for", 12)].get("by") == "france", ev

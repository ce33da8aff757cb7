"""Vote occurrences of a long paragraph are segmented and described with work linear in its
cues (issue 11): each occurrence finds the bodies named in its sentence or before its first
figure by bisecting them, the article's short body names are read once, and a bare draft's
sponsors (the last draft named with its sponsors) come from one forward walk over the cues, not
from reading every body cue, or walking back over every cue, again for every vote (a single
line of many votes was quadratic).  Work is counted, never timed.  Sentences are our own."""

from __future__ import annotations

import crosscheck.extract.vote_events as ve
from crosscheck.extract.extractor import extract
from crosscheck.extract.vote_events import parse_event
from crosscheck.models import Document

_SENTENCES = (
    "وصوت مجلس الأمن على مشروع القرار بتأييد {a} عضوا مقابل اعتراض {b} أعضاء.",
    "وفي جلسة أخرى اعتمدت الجمعية العامة القرار بأغلبية {c} صوتا مقابل {d} أصوات.",
)


def _paragraph(k: int) -> str:
    """k votes in one line (no newline): the Council's and the Assembly's in turn."""
    parts = []
    for i in range(k):
        parts.append(_SENTENCES[i % 2].format(a=9 + i % 4, b=2 + i % 3, c=120 + i % 40, d=5 + i % 9))
    return " ".join(parts)


def _counted_reads(monkeypatch, k: int) -> tuple[int, list]:
    reads = [0]

    class CountingCue(ve.Cue):
        def __getattribute__(self, name):
            if name == "start":
                reads[0] += 1
            return object.__getattribute__(self, name)

    monkeypatch.setattr(ve, "Cue", CountingCue)
    claims = extract(Document(id="v", text=_paragraph(k), date="2024-05-14"))
    return reads[0], claims


def test_describe_reads_each_cue_a_bounded_number_of_times(monkeypatch):
    small, _ = _counted_reads(monkeypatch, 40)
    large, claims = _counted_reads(monkeypatch, 160)
    assert small > 0
    # 4x the votes: linear work reads about 4x the cues' starts (now 1,235 -> 4,955); reading
    # every body cue, and walking back over the cues, for every vote read 12x (3,479 -> 42,719)
    assert large < 5 * small, (small, large)
    events = {parse_event(c.event)["body"] for c in claims if c.kind == "votes_for"}
    assert events == {"sc", "ga"}


def test_bodies_found_by_bisecting_equal_the_scan():
    """The body each vote gets is the one its sentence names (the bisected list gives what the
    scan of every body cue gave)."""
    claims = extract(Document(id="v", text=_paragraph(12), date="2024-05-14"))
    fors = sorted((c for c in claims if c.kind == "votes_for"), key=lambda c: c.start)
    text = _paragraph(12)
    for c in fors:
        body = parse_event(c.event)["body"]
        sentence_start = text.rfind(".", 0, c.start)
        assert body == ("sc" if "مجلس الأمن" in text[sentence_start + 1:c.start] else "ga"), c.surface


def test_a_cue_holds_no_dict_of_its_own():
    """A long paragraph lists a cue every few hundred characters (14,406 in 4 MB of news in one
    line), held through the vote stage, the 50 MB line's peak: each is four slots, no dict."""
    cue = ve.Cue(0, 5, "draft")
    assert not hasattr(cue, "__dict__")
    assert cue == ve.Cue(0, 5, "draft") and hash(cue) == hash(ve.Cue(0, 5, "draft"))


def _vote_cues_made() -> list:
    """The VoteCues the extraction made (ve.cues_for keeps them per rules directory)."""
    from crosscheck.ruleset.loader import load_rules

    return [ve.cues_for(load_rules().directory)]


def test_a_vote_normalises_no_rule_words(monkeypatch):
    """The amendment and "other text" words of the vote rules are normalised once per rule set
    (VoteCues), not again for every vote of the paragraph (counted: normalize_word calls in the
    vote stage on the rules' words: the same for 20 and for 60 votes; a word read from the text,
    an ordinal, is normalised where it is found)."""
    calls = [0]
    real = ve.normalize_word
    extract(Document(id="w", text=_paragraph(2)))  # the rules and their VoteCues made outside the count
    rule_words = set()
    for vc in _vote_cues_made():
        rule_words |= set(vc.rules.amends_words) | set(vc.rules.other_text_words)
    assert rule_words

    def counting(word):
        if word in rule_words:
            calls[0] += 1
        return real(word)

    monkeypatch.setattr(ve, "normalize_word", counting)
    counts = []
    for k in (20, 60):
        calls[0] = 0
        claims = extract(Document(id="v", text=_paragraph(k), date="2024-05-14"))
        assert sum(c.kind == "votes_for" for c in claims) >= k // 3
        counts.append(calls[0])
    assert counts[0] == counts[1], counts

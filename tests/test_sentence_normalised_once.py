"""A running total's sentences are read for a part of the day (crosscheck.text.dates) and for
the reason a count fell (crosscheck.reconcile.revisions): one normalisation of each sentence
serves both (`normalize_sentence`, kept for sentences of news length); a long one is not kept."""

from __future__ import annotations

from crosscheck.reconcile import revisions
from crosscheck.reconcile.dating import date_rules
from crosscheck.text import normalize as N
from crosscheck.text.dates import _part_cues, part_of_day

SENTENCES = [f"وأعلنت الوزارة مساء الأحد أن عدد القتلى ارتفع إلى {40 + i} بعد احتساب جثث مكررة رقم {i}"
             for i in range(300)]


def test_each_sentence_is_normalised_once_for_both_readings(monkeypatch):
    rules = date_rules()
    N._kept.cache_clear()
    _part_cues.cache_clear()
    revisions._tells_fall_reason.cache_clear()
    calls = []
    real = N.normalize

    mine = set(SENTENCES)

    def counted(text):
        if text in mine:  # (the rules' own word lists are normalised too, once)
            calls.append(text)
        return real(text)

    monkeypatch.setattr(N, "normalize", counted)
    for s in SENTENCES:
        part_of_day(s, s.index("إلى"), rules)
    for s in SENTENCES:
        revisions.tells_fall_reason(s)
    assert len(calls) == len(SENTENCES)  # one normalisation each, not one per reading
    assert all(part_of_day(s, s.index("إلى"), rules) is not None for s in SENTENCES[:3])


def test_the_kept_form_is_normalizes_and_long_sentences_are_not_kept():
    s = SENTENCES[0]
    assert N.normalize_sentence(s).text == N.normalize(s).text
    long = " ".join(SENTENCES)  # longer than _KEPT_CHARS
    assert len(long) > N._KEPT_CHARS
    N._kept.cache_clear()
    assert N.normalize_sentence(long).text == N.normalize(long).text
    assert N._kept.cache_info().currsize == 0

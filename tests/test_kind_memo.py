"""A sentence's claim windows with the same neighbourhood are typed once (issue 11, session 29),
COUNTED, never timed: _best_kind's answer for a dual noun's window ("ومقتل جنديين") is kept by
its sentence per neighbourhood (words, the figure's place and reading, the claims placed in the
window); the claims are those of typing every window, and every kept answer is checked."""

from __future__ import annotations

import random

from crosscheck.extract import extractor
from counting_support import count_calls
from fuzz_inputs import random_text

_DUALS = ("جنديين", "شخصين", "طفلين", "مدنيين", "صحفيين", "مسلحين", "رهينتين", "أسيرين")
_CUES = ("ومقتل", "وإصابة", "وفقدان", "واعتقال", "وإطلاق سراح", "واختطاف", "ونزوح")
_PLACES = ("جنين", "نابلس", "طولكرم", "الخليل", "رام الله", "قلقيلية", "بيت لحم", "أريحا")


def _duals(parts: int) -> str:
    """One sentence of dual nouns after their cues, repeating every 8 parts (our own words)."""
    return "قال مسؤولون " + " ".join(
        f"{_CUES[i % 2]} {_DUALS[i % 4]} {_CUES[(i + 1) % 2]} {_DUALS[(i + 1) % 4]} في {_PLACES[i % 8]}"
        for i in range(parts)
    )


def _mixed(rng: random.Random) -> str:
    """Sentences mixing duals, figures, hedges, breaks and contexts that veto or yield (our own
    words): neighbourhoods that repeat with a difference a little farther away."""
    pieces = []
    for _ in range(rng.randint(3, 40)):
        r = rng.random()
        if r < 0.45:
            pieces.append(f"{rng.choice(_CUES)} {rng.choice(_DUALS)}")
        elif r < 0.65:
            pieces.append(f"{rng.choice(_CUES)} {rng.choice(('نحو ', 'أكثر من ', ''))}{rng.randint(1, 400)} "
                          f"{rng.choice(('شخصا', 'جنديا', 'طفلا', 'رهينة', 'يوما', 'صوتا'))}")
        elif r < 0.75:
            pieces.append(rng.choice(("، ", ". ", "؛ ", "في " + rng.choice(_PLACES))))
        elif r < 0.85:
            pieces.append(rng.choice(("بعد تفشي الكوليرا", "في الهدنة", "خلال التصويت على مشروع القرار",
                                      "بينهم", "قتلوا", "أصيبوا", "بعد أن كانت", "من بين")))
        else:
            pieces.append(rng.choice(_PLACES))
    return " ".join(pieces)


def _claims(text: str, memo: bool, monkeypatch) -> list[dict]:
    monkeypatch.setattr(extractor, "_KIND_MEMO", memo)
    return [c.model_dump() for c in extractor.extract_text(text)]


def test_a_repeated_dual_neighbourhood_is_typed_once(monkeypatch):
    """On a sentence of dual nouns repeating every 8 parts, _best_kind runs once per distinct
    neighbourhood: as often for 160 parts as for 320 (without the memo, once per dual: 640),
    and the claims are those of typing every window."""
    calls = count_calls(monkeypatch, extractor, "_best_kind")
    counts, plain = {}, {}
    for parts in (160, 320):
        text = _duals(parts)
        calls[0] = 0
        on = _claims(text, True, monkeypatch)
        counts[parts] = calls[0]
        calls[0] = 0
        off = _claims(text, False, monkeypatch)
        assert on == off
        plain[parts] = calls[0]
        assert calls[0] >= parts  # without the memo, every dual that reaches the rules is typed
    # (the windows at the sentence's start, which begin with it, differ; then the period's)
    assert counts[320] == counts[160]
    assert 3 * counts[160] < plain[160] and plain[320] >= 2 * plain[160] - 2


def test_kept_answers_are_those_of_typing_again(monkeypatch):
    """Every kept answer is checked against _best_kind asked again (_KIND_MEMO_CHECK), and the
    claims with the memo are those without, on mixed sentences of our own and random texts."""
    rng = random.Random(29)
    texts = [_mixed(rng) for _ in range(60)] + [random_text(rng, 40) for _ in range(60)]
    texts += [_duals(24) + "، ثم " + _duals(12)]
    monkeypatch.setattr(extractor, "_KIND_MEMO_CHECK", True)
    hits = count_calls(monkeypatch, extractor, "_window_key")
    for text in texts:
        assert _claims(text, True, monkeypatch) == _claims(text, False, monkeypatch), text
    assert hits[0] > 0


def test_the_memo_is_bounded(monkeypatch):
    """A sentence keeps at most _KIND_MEMO_MAX neighbourhoods (then types the others as before):
    its claims are the same with a bound of 4."""
    monkeypatch.setattr(extractor, "_KIND_MEMO_MAX", 4)
    text = _duals(40)
    assert _claims(text, True, monkeypatch) == _claims(text, False, monkeypatch)

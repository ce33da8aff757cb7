"""The reconciler's kept normalisations (`normalize_word`, `normalized_text`): the same answers
as `normalize`, and a snippet asked again is not normalised again (work counted, not timed)."""

from __future__ import annotations

import random
import zlib

import pytest

import corpus_support  # noqa: F401  (puts benchmarks/ on the path)
from gen_articles import generate

import crosscheck.text.normalize as N
from crosscheck.models import Claim
from crosscheck.text.documents import Document

_ALPHABET = "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآءئؤ ـًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩0123456789،,.\u200f\u00a0ﻻﷲ"


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 80))) for _ in range(n)]


def test_kept_answers_equal_normalize():
    for t in _random_texts(2000, 34):
        assert N.normalized_text(t) == N.normalize(t).text
        assert N.normalize_word(t) == N.normalize(t).text.strip()
    long = "قتل ١٢ شخصاً، " * 400  # past the kept lengths: normalised each time, same answer
    assert len(long) > N._KEPT_CHARS
    assert N.normalized_text(long) == N.normalize(long).text
    assert N.normalize_word(long) == N.normalize(long).text.strip()


def _counting(monkeypatch) -> list[int]:
    calls = [0]
    real = N.normalize

    def counted(text):
        calls[0] += 1
        return real(text)

    monkeypatch.setattr(N, "normalize", counted)  # what the kept functions call
    N._text_kept.cache_clear()
    return calls


def test_a_snippet_asked_again_is_normalised_once(monkeypatch):
    calls = _counting(monkeypatch)
    for _ in range(50):
        N.normalized_text("وحده بلغ عدد القتلى")
        N.normalize_word("وحدَه")
    assert calls[0] == 2
    long = "و" * (N._KEPT_CHARS + 1)
    N.normalized_text(long)
    N.normalized_text(long)
    assert calls[0] == 4  # a long text is not kept


def _prepared(docs, cfg, rules):
    from crosscheck.extract.extractor import extract
    from crosscheck.store import prepared

    out = []
    for d in docs:
        claims = [Claim.model_validate_json(c.model_dump_json()) for c in extract(d, rules)]
        row = prepared.prepare(d, claims, cfg, None, rules.version)
        out.append((row[1], row[2], zlib.decompress(row[3])))
    return out


def test_prepared_members_same_with_and_without_keeping(monkeypatch):
    """Generated articles prepared for the store (dating, hierarchy, places: every caller of the
    kept snippets) give the same rows when every snippet is normalised afresh; and with keeping,
    fewer snippets are normalised (the reconciler reads the same few words for many claims)."""
    from crosscheck.reconcile.settings import default_config
    from crosscheck.ruleset.loader import load_rules

    rules, cfg = load_rules(None), default_config(None)
    docs = [Document(id=a["id"], text=a["text"], date=a.get("date"), source=a.get("source"))
            for a in generate(12, seed=3401)]
    _prepared(docs[:1], cfg, rules)  # rules and patterns loaded before counting
    calls = _counting(monkeypatch)
    kept = _prepared(docs, cfg, rules)
    with_keeping = calls[0]
    assert with_keeping > 0
    calls[0] = 0
    monkeypatch.setattr(N, "_text_kept", lambda t: N.normalize(t).text)
    plain = _prepared(docs, cfg, rules)
    assert plain == kept
    assert with_keeping < 0.8 * calls[0], (with_keeping, calls[0])

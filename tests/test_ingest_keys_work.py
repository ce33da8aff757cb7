"""An ingested claim's block and unit keys (crosscheck.reconcile.grouping.claim_keys) are made
from ONE block key per claim (the unit key is cut from it), counted; the keys are the ones the
separate functions give."""

from __future__ import annotations

from pathlib import Path

from crosscheck.extract.extractor import extract
from crosscheck.reconcile import grouping
from crosscheck.reconcile.settings import default_config
from crosscheck.ruleset.loader import load_rules
from crosscheck.text.documents import load_documents

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MULTISOURCE = Path(__file__).resolve().parent / "multisource"


def _documents_claims():
    rules = load_rules()
    docs = load_documents([str(FIXTURES), str(MULTISOURCE)])
    return [(d, extract(d, rules)) for d in docs]


def test_one_block_key_per_claim(monkeypatch):
    calls = []
    real = grouping.block_tuple

    def counted(c, cfg):
        calls.append(c)
        return real(c, cfg)

    monkeypatch.setattr(grouping, "block_tuple", counted)
    n = 0
    for _d, claims in _documents_claims():
        grouping.claim_keys(claims)
        n += len(claims)
    assert n > 100
    assert len(calls) <= n


def test_the_keys_are_the_separate_functions_keys():
    cfg = default_config()
    kinds = set()
    for _d, claims in _documents_claims():
        filled = grouping._context_fill(claims, cfg)
        want = [(grouping.key_text(grouping.block_tuple(m.claim, cfg)),
                 grouping.key_text(grouping.unit_tuple(m.claim, cfg))) for m in filled]
        assert grouping.claim_keys(claims) == want
        kinds |= {m.claim.kind for m in filled}
        kinds |= {"vote" for m in filled if m.claim.event and m.claim.event.startswith("vote:")}
    assert "vote" in kinds and len(kinds) > 4  # tallies (one vote unit) and several kinds of figures

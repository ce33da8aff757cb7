"""The rules directory is resolved once per process on the per-claim and per-document paths of
ingest, report and check (counted: `Path.resolve` calls), not for every claim with a stated
place (crosscheck.reconcile.fronted) or every ingested document (reconcile.settings.default_config).
Same answers: the sentences' fronted places and the settings read from the same directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.reconcile import fronted
from crosscheck.reconcile.grouping import claim_keys
from crosscheck.reconcile.settings import default_config
from crosscheck.ruleset.loader import load_rules
from crosscheck.ruleset.resources import rules_dir
from crosscheck.text.documents import load_documents

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def resolves(monkeypatch):
    calls = []
    real = Path.resolve

    def counted(self, *a, **k):
        calls.append(str(self))
        return real(self, *a, **k)

    monkeypatch.setattr(Path, "resolve", counted)
    return calls


def _placed_claims():
    docs = load_documents([str(FIXTURES)])
    rules = load_rules()
    claims = [c for d in docs for c in extract(d, rules)]
    placed = [c for c in claims if c.location and "location" not in c.inferred]
    assert len({c.sentence for c in placed}) >= 5  # several sentences whose opening is read
    return docs, rules, claims


def test_context_filling_resolves_no_path_for_its_claims(resolves):
    docs, _rules, claims = _placed_claims()
    by_doc: dict[str, list] = {}
    for c in claims:
        by_doc.setdefault(c.doc, []).append(c)
    claim_keys(by_doc[docs[0].id])  # the rules directory of this process resolved once
    fronted.fronted_place.cache_clear()
    resolves.clear()
    for d in docs:
        claim_keys(by_doc.get(d.id, []))
    assert resolves == []


def test_default_settings_resolve_no_path_per_document(resolves):
    first = default_config()
    resolves.clear()
    assert all(default_config() is first for _ in range(50))
    assert resolves == []


def test_fronted_places_are_read_with_the_rules_in_force():
    sentence = "وفي بلجيكا المجاورة، أعلنت السلطات مقتل ستة أشخاص"
    fronted.fronted_place.cache_clear()
    got = fronted.fronted_place(sentence)
    assert got is not None
    assert fronted._opener() is fronted._opener_at(str(rules_dir().resolve()))

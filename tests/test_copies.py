"""Copies never change a verdict: a story republished any number of times is one source.

The fixtures plus 2,000 copies of them (each with its own id, dated so that every day holds a
copy of every fixture, or undated) give the same clusters, statuses and outliers as the
fixtures alone; and copies of one article on 40 different days neither create nor hide a
conflict.  Claims are extracted once per fixture and copied with the document (extraction is
not what is under test), so the test stays cheap.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.text.documents import load_documents

ROOT = Path(__file__).resolve().parents[1]
D0 = date(2024, 3, 1)


@pytest.fixture(scope="module")
def fixtures():
    docs = load_documents([str(p) for p in sorted((ROOT / "fixtures").glob("*.txt"))])
    return docs, {d.id: extract(d) for d in docs}


def verdicts(clusters, originals):
    """cluster id -> (status, strength, outlier claims of the original documents)."""
    out = {}
    for c in clusters:
        if not any(m.doc in originals for m in c.claims):
            continue
        outl = sorted((m.doc, m.start, str(m.value)) for m in c.claims if m.outlier and m.doc in originals)
        # a single claim with copies becomes a "consistent" cluster: the same verdict
        out[c.id] = (c.status == "conflict", c.strength, outl)
    return out


def copies(docs, claims, n, dated):
    new_docs, new_claims = [], []
    for k in range(n):
        d = docs[k % len(docs)]
        day = k // len(docs)
        cid = f"{d.id}~copy{k}"
        when = (D0 + timedelta(days=day)).isoformat() if dated else None
        new_docs.append(d.model_copy(update={"id": cid, "date": when}))
        new_claims.extend(c.model_copy(update={"doc": cid}) for c in claims[d.id])
    return new_docs, new_claims


@pytest.mark.parametrize("dated", [False, True], ids=["undated", "every-day"])
def test_two_thousand_copies_change_no_verdict(fixtures, dated):
    docs, claims = fixtures
    all_claims = [c for d in docs for c in claims[d.id]]
    base = verdicts(reconcile(all_claims, docs), {d.id for d in docs})
    assert any(v[0] for v in base.values())  # the fixtures do hold conflicts
    cdocs, cclaims = copies(docs, claims, 2000, dated)
    with_copies = verdicts(reconcile(all_claims + cclaims, docs + cdocs), {d.id for d in docs})
    assert with_copies == base


def _article(doc_id, figure, when):
    text = ("أعلنت وزارة الصحة في بيان صباح اليوم أن حصيلة القتلى منذ بدء الحرب في غزة ارتفعت إلى "
            f"{figure} قتيلا، وأضافت أن فرق الإنقاذ ما زالت تبحث عن مفقودين تحت الأنقاض في عدة أحياء.")
    return Document(id=doc_id, text=text, date=when)


def _killed(clusters):
    return [c for c in clusters if c.kind == "killed"]


def test_copies_of_one_article_on_forty_days_neither_create_nor_hide_a_conflict():
    original = _article("wire", 5000, "2024-03-01")
    later = Document(id="other", text="قالت الوزارة في تقرير منفصل إن عدد القتلى في غزة منذ بدء الحرب بلغ "
                     "5200 قتيل بحسب آخر إحصاء نشرته صباح الأحد.", date="2024-03-10")
    docs = [original, later]
    claims = [c for d in docs for c in extract(d)]
    base = _killed(reconcile(claims, docs))
    assert [c.status for c in base] == ["consistent"]  # growth from 5000 to 5200
    copies_ = [original.model_copy(update={"id": f"wire~{k}", "date": (D0 + timedelta(days=k)).isoformat()})
               for k in range(1, 41)]
    ccl = [c.model_copy(update={"doc": d.id}) for d in copies_ for c in extract(original)]
    after = _killed(reconcile(claims + ccl, docs + copies_))
    # the 5000 republished on 40 later days is still the 1 March figure: no falling toll
    assert [c.status for c in after] == ["consistent"]

    # and a real conflict (a lower figure later, from another source) stays one
    stale = _article("stale", 4000, "2024-03-20")
    docs2 = docs + [stale]
    claims2 = claims + extract(stale)
    # (the growth 5000 -> 5200 holds; the later 4000 falls out of it: a falling_total
    # inconsistency names it as the stale figure)
    assert _stale_named(claims2, docs2) == ["stale"]
    assert _stale_named(claims2 + ccl, docs2 + copies_) == ["stale"]


def _stale_named(claims, docs):
    from crosscheck.reconcile.reconciler import build_report

    rep = build_report(docs, reconcile(claims, docs))
    return sorted({x.doc for i in rep.inconsistencies if i.type == "falling_total"
                   for x in i.claims if x.role == "stale"})

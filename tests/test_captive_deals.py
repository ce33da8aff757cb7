"""Captives as quantities of their own (issue 8): a deal's terms ("تنص الصفقة على") are not the
running total of those freed, and two tellings of them are compared whatever their days.  Own
example stories, not evaluation text."""

from crosscheck import pipeline


def _doc(i: str, date: str, body: str) -> str:
    return f"---\nid: {i}\ndate: {date}\n---\n{body}\n"


def _analyse(tmp_path, docs):
    for n, text in enumerate(docs):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    return pipeline.analyse([str(tmp_path)]).report()


def _clusters_with(report, doc_values):
    """The clusters holding every (doc, value) pair given."""
    out = []
    for cl in report.clusters:
        have = {(c.doc, float(c.value)) for c in cl.claims}
        if all((d, float(v)) in have for d, v in doc_values):
            out.append(cl)
    return out


def _conflicting(report, a, b) -> bool:
    """Are the claims a and b ((doc, value)) together in a conflict cluster or an inconsistency?"""
    if any(cl.status == "conflict" for cl in _clusters_with(report, [a, b])):
        return True
    return any({a, b} <= {(c.doc, float(c.value)) for c in inc.claims} for inc in report.inconsistencies)


DEAL = _doc("d1", "2024-05-01", "وتنص الصفقة على أن تفرج السلطات عن 300 سجين مقابل إطلاق المسلحين 12 سائقا في ولاية زمفارا.")
BATCH = _doc("d2", "2024-05-03", "وأفرجت السلطات في ولاية زمفارا عن 120 سجينا في الدفعة الأولى.")
DEAL_AGAIN = _doc("d3", "2024-05-09", "ونصت الصفقة على الإفراج عن 300 سجين من سجون ولاية زمفارا.")
DEAL_OTHER = _doc("d4", "2024-05-10", "ويقضي الاتفاق بالإفراج عن 330 سجينا من سجون ولاية زمفارا.")


def test_a_deals_terms_are_not_the_running_total_of_those_freed(tmp_path):
    report = _analyse(tmp_path, [DEAL, BATCH, DEAL_AGAIN])
    (deal,) = _clusters_with(report, [("d1", 300), ("d3", 300)])
    assert deal.key["event"] == "deal" and deal.status != "conflict"
    # the first batch of 120, two days after the deal's 300, is no falling total
    assert not _conflicting(report, ("d1", 300), ("d2", 120))
    assert not _conflicting(report, ("d2", 120), ("d3", 300))


def test_two_tellings_of_one_deals_terms_disagree_whatever_their_days(tmp_path):
    report = _analyse(tmp_path, [DEAL, BATCH, DEAL_AGAIN, DEAL_OTHER])
    assert _conflicting(report, ("d3", 300), ("d4", 330))

"""One article does not contradict itself: figures that it alone gives for one scope, far enough
apart to be no slip ("87 شهيدا خلال الـ24 ساعة الماضية، منهم 62 في حي الشجاعية" with the part's
place unknown to the gazetteer), count different things (cause `different_scope`) and are not a
conflict; once another source gives the scope a figure, they are judged as before."""

from __future__ import annotations

from test_reconciler_factory import claim, doc

from crosscheck.reconcile.reconciler import reconcile


def _killed(clusters):
    return [cl for cl in clusters if cl.kind == "killed"]


def test_one_articles_own_figures_of_one_scope_are_no_conflict():
    claims = [claim("a", "killed", 87, period="last_24h"), claim("a", "killed", 62, period="last_24h")]
    [cl] = _killed(reconcile(claims, [doc("a", date="2024-07-20")]))
    assert cl.status == "consistent"
    assert any("no other source gives the scope a figure" in n for n in cl.notes)


def test_with_another_source_the_figures_are_judged():
    claims = [claim("a", "killed", 87, period="last_24h"), claim("a", "killed", 62, period="last_24h"),
              claim("b", "killed", 62, period="last_24h")]
    [cl] = _killed(reconcile(claims, [doc("a", date="2024-07-20"), doc("b", date="2024-07-20")]))
    assert cl.status == "conflict"


def test_a_slip_in_one_article_is_still_flagged():
    # a transposition is a likely typo, not two scopes
    claims = [claim("a", "killed", 3958, period="last_24h"), claim("a", "killed", 3598, period="last_24h")]
    [cl] = _killed(reconcile(claims, [doc("a", date="2024-07-20")]))
    assert cl.status == "conflict" and cl.cause == "likely_typo"

"""A figure placed only by its article takes the one place its own sentence names (issue 8:
parts and wholes; crosscheck.reconcile.sentence_places).  Sentences are our own."""

from __future__ import annotations

from test_reconciler_factory import claim

from crosscheck.reconcile.sentence_places import place_by_sentence

S = "أعلنت مديرية الصحة ارتفاع حصيلة الحريق في الناصرية إلى 40 قتيلا، بعد أن كانت 31 صباحا، إضافة إلى 55 مصابا"


def _pair(other_place="nasiriyah", inferred_place="iraq", sentence=S):
    explicit = claim("a", "killed", 40, location=other_place, sentence=sentence)
    inferred = claim("a", "injured", 55, location=inferred_place, inferred=["location"], sentence=sentence)
    return [explicit, inferred]


def test_an_inferred_place_takes_the_one_place_its_sentence_names():
    out = place_by_sentence(_pair())
    assert out[1].location == "nasiriyah" and "location" in out[1].inferred
    assert out[0] == _pair()[0] or out[0].location == "nasiriyah"


def test_a_place_outside_the_inferred_one_changes_nothing():
    assert place_by_sentence(_pair(inferred_place="syria"))[1].location == "syria"


def test_two_places_in_the_sentence_change_nothing():
    claims = _pair() + [claim("a", "killed", 12, location="baghdad", sentence=S)]
    assert place_by_sentence(claims)[1].location == "iraq"


def test_a_figure_its_extractor_placed_keeps_its_place():
    claims = _pair()
    claims[1] = claims[1].model_copy(update={"inferred": []})
    assert place_by_sentence(claims)[1].location == "iraq"


def test_another_sentence_of_the_article_lends_no_place():
    claims = _pair()
    claims[1] = claims[1].model_copy(update={"sentence": "وقال شهود إن 55 شخصا أصيبوا"})
    assert place_by_sentence(claims)[1].location == "iraq"


def test_a_figure_before_the_placed_one_keeps_its_place():
    # "في محافظة لا يعرفها المعجم 70، بينما سجل في الناصرية 40": the 70 may be of another place
    sentence = "وفي محافظة ريفية أحصت السلطات 70 قتيلا، بينما سجل في الناصرية 40 قتيلا"
    claims = [claim("a", "killed", 70, location="iraq", inferred=["location"], sentence=sentence),
              claim("a", "killed", 40, location="nasiriyah", sentence=sentence)]
    assert place_by_sentence(claims)[0].location == "iraq"


def test_the_placed_figure_joins_its_places_cluster():
    from test_dated_earlier_figure import docs

    from crosscheck.reconcile.reconciler import reconcile

    day = dict(as_of="2025-02-11", as_of_from="metadata")
    documents = docs(("a", "2025-02-11"), ("b", "2025-02-11"))
    claims = [c.model_copy(update=day) for c in _pair()]
    claims.append(claim("b", "injured", 48, location="nasiriyah", sentence="وبلغ عدد المصابين 48", **day))
    (cluster,) = [cl for cl in reconcile(claims, documents) if cl.kind == "injured"]
    assert {c.value for c in cluster.claims} == {55, 48} and cluster.key["location"] == "nasiriyah"

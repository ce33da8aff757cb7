"""A figure's place named after an aside between commas (session 44, recon).

Real news very often puts a part of a toll between commas right after the figure and names the
place after it ("قتل N مدنيا، بينهم M طفلا، في قصف على حي ..."); the figure then got its article's
default place, another outlet's figure of the same event stated the region, and the two landed in
a country cluster and a region cluster apart, so a planted conflict went unseen.  Own sentences;
each case fails on the code before the change (extractor._clause_past_aside).  On in the shipped
rules since session 44 round 2 (rules/scope.yaml `aside_reach`), with a country's default figures
joining a stated region inside it when they are its figures (reconcile `weak_place_join_fits`)."""

from __future__ import annotations

from functools import lru_cache

from crosscheck.extract.extractor import extract_text
from crosscheck.models import PLACE_FROM_ARTICLE
from crosscheck.ruleset.loader import load_rules


@lru_cache(maxsize=None)
def _rules(reach: int):
    rules = load_rules()
    return rules.model_copy(update={"scope": rules.scope.model_copy(update={"aside_reach": reach})})


def _placed(text: str, kind: str, value, reach: int = 12) -> tuple:
    claims = extract_text(text, rules=_rules(reach))
    got = [c for c in claims if c.kind == kind and c.value == value]
    assert got, [(c.kind, c.value) for c in claims]
    return got[0].location, got[0].inferred


def test_on_in_the_shipped_rules_and_zero_turns_it_off():
    assert load_rules().scope.aside_reach == 12
    text = "فيضانات\n\nلقي 40 شخصا، بينهم أطفال، حتفهم في الفيضانات التي ضربت ولاية آسام شمال شرق الهند."
    loc, inferred = _placed(text, "killed", 40, reach=0)
    assert loc != "assam"
    shipped = extract_text(text, rules=load_rules())
    assert [c.location for c in shipped if c.kind == "killed" and c.value == 40] == ["assam"]


def test_place_after_a_part_aside_is_the_figures():
    loc, inferred = _placed("لقي 40 شخصا، بينهم أطفال، حتفهم في الفيضانات التي ضربت ولاية آسام شمال شرق الهند.",
                            "killed", 40)
    assert loc == "assam" and "location" not in inferred


def test_place_after_a_most_of_them_aside():
    loc, inferred = _placed("تمكن 300 سجين، معظمهم من عناصر الحركة، من الفرار ليلا من السجن المركزي في "
                            "مدينة قندهار جنوب أفغانستان.", "prisoners_released", 300)
    assert loc == "kandahar" and PLACE_FROM_ARTICLE not in inferred


def test_place_after_an_aside_behind_a_hedge():
    loc, _inferred = _placed("قتل 20 شخصا على الأقل، بينهم خمسة أطفال، في غارات على مدينة حلب.", "killed", 20)
    assert loc == "aleppo"


def test_a_new_clause_after_the_aside_keeps_its_place():
    # "، وأصيب 30 في حلب": the place is the injured's clause's, the toll's stays a default
    text = "غارات\n\nقتل 20 شخصا، بينهم 5 أطفال، وأصيب 30 آخرون في غارات على مدينة حلب."
    loc, inferred = _placed(text, "killed", 20)
    assert loc is None or PLACE_FROM_ARTICLE in inferred


def test_a_long_aside_is_not_crossed():
    words = " ".join(["من", "سكان", "القرى", "المجاورة", "التي", "ضربها", "السيل", "ليلة", "أمس", "بعد",
                      "انهيار", "السد", "القديم"])
    text = f"فيضانات\n\nلقي 40 شخصا، بينهم {words}، حتفهم في ولاية آسام."
    loc, inferred = _placed(text, "killed", 40)
    assert loc is None or PLACE_FROM_ARTICLE in inferred


def test_the_next_items_clause_after_the_aside_is_not_crossed():
    # "، و154 معتقلا نقلوا من معسكر في جنوب لبنان": a digit glued to "و" opens the next item
    text = ("تبادل\n\nقالت المصادر في بيروت إن عدد المفرج عنهم بلغ 1100 أسير، منهم 800 كانوا في "
            "السجون، و150 معتقلا نقلوا من معسكر في جنوب لبنان.")
    loc, _inferred = _placed(text, "prisoners_released", 1100)
    assert loc != "south_lebanon"

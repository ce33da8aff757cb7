"""Parts and wholes: place and group paths, combined figures, hierarchy keys, and the
inconsistencies between clusters (crosscheck.reconcile.hierarchy / .inconsistencies)."""

from __future__ import annotations

import json

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.hierarchy import claim_hierarchy_keys, load_hierarchy
from crosscheck.reconcile.inconsistencies import find_inconsistencies
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.ruleset.loader import load_rules

RULES = load_rules()
H = load_hierarchy()


def _doc(i: str, text: str, date: str | None = None) -> Document:
    return Document(id=i, text=text, date=date)


def _report(*docs: Document):
    claims = [c for d in docs for c in extract(d)]
    clusters = reconcile(claims, list(docs))
    return build_report(list(docs), clusters)


# --------------------------------------------------------------------------- paths


def test_place_path_follows_the_gazetteer_to_the_country():
    assert H.place_path("sarpol_zahab") == ["sarpol_zahab", "kermanshah", "iran"]
    assert H.place_path("sindh") == ["sindh", "pakistan"]
    assert H.place_path("tyre") == ["tyre", "south_lebanon", "lebanon"]
    assert H.place_path(None) == []
    assert H.place_path("iran+iraq") == ["iran+iraq"]  # a combination has no parent


def test_group_path_and_subsets():
    assert H.group_path("children") == ["children", "all"]
    assert H.group_path("aid_seekers") == ["aid_seekers", "civilians", "all"]
    assert H.group_path("subset:سعودي") == ["subset:سعودي", "all"]
    assert H.group_path("part:تارودانت") == ["part:تارودانت"]  # a list item is no known part
    assert H.group_path("nationals:syria") == ["nationals:syria", "foreigners", "all"]
    assert H.disjoint_groups("children", "women")
    assert not H.disjoint_groups("children", "civilians")


@pytest.mark.parametrize("ex", RULES.hierarchy.examples.hit, ids=lambda e: e.text[:30])
def test_hierarchy_hit_examples(ex):
    doc = _doc("x", ex.text)
    out = H.annotate(extract(doc), [doc])
    hits = [c for c in out if c.value == ex.value]
    assert hits and all(c.location == ex.location for c in hits), [(c.value, c.location) for c in out]
    for c in hits:
        assert c.combines == (ex.location.split("+") if "+" in ex.location else [])


def test_a_place_singled_out_is_a_part_not_the_article_place():
    doc = _doc("x", "ارتفع عدد قتلى زلزال نيبال إلى 3726 شخصا. وفي وادي كاتماندو وحده، قتل نحو 1200 شخص.")
    claims = extract(doc)
    out = {c.value: c.location for c in H.annotate(claims, [doc])}
    assert out == {3726: "nepal", 1200: "kathmandu_valley"}
    plain = _doc("y", "ارتفع عدد قتلى زلزال نيبال إلى 3726 شخصا. وفي وادي كاتماندو، قتل نحو 1200 شخص.")
    before = [c.location for c in extract(plain)]
    assert [c.location for c in H.annotate(extract(plain), [plain])] == before  # no "alone": untouched


def test_a_figure_singled_out_at_a_place_the_gazetteer_does_not_know_is_a_part():
    """"وسقط 95 قتيلا في بلدة سان ميغيل وحدها": the town is unknown, so the figure's place is the
    article's; "وحدها" makes it a part of the article's toll (group subset), compared with it as
    a part, not as a second reading of the whole."""
    doc = _doc("x", "ارتفع عدد قتلى الزلزال في بيرو إلى 230 قتيلا مساء الأحد. وسقط 95 قتيلا في بلدة "
                    "سان ميغيل وحدها، بحسب الدفاع المدني.", "2024-03-10")
    out = {c.value: c.group for c in H.annotate(extract(doc), [doc])}
    assert out == {230: "all", 95: "subset"}
    report = _report(doc)
    assert not report.inconsistencies
    assert all(cl.status != "conflict" for cl in report.clusters)
    # without "وحدها" the two figures stay two readings of one toll of the day
    plain = _doc("y", "ارتفع عدد قتلى الزلزال في بيرو إلى 230 قتيلا مساء الأحد. وسقط 95 قتيلا في بلدة "
                      "سان ميغيل، بحسب الدفاع المدني.", "2024-03-10")
    assert {c.value: c.group for c in H.annotate(extract(plain), [plain])} == {230: "all", 95: "all"}
    # "وحده" after a window names the time, not a place: the figure keeps its group
    week = _doc("z", "توفي 297 شخصا خلال الأسبوع الماضي وحده في الإقليم.", "2024-03-10")
    assert [c.group for c in H.annotate(extract(week), [week])] == ["all"]


@pytest.mark.parametrize("text", RULES.hierarchy.partitive_examples.hit + RULES.hierarchy.last_part_examples.hit)
def test_a_figure_counted_out_of_the_tolls_own_people_or_its_last_batch_is_a_part(text):
    # ("تسعة من المتوفين", "30 بريطانيا بين القتلى"; "آخر 404 أسرى": the last batch of a count)
    # (the extractor names a part written before "بين القتلى" itself, by its noun: "subset:<noun>";
    # the hierarchy keeps that name and makes the others a bare "subset")
    doc = _doc("x", text)
    claims = extract(doc)
    # (a nationality so written counts its nationals, as "بينهم 35 كينيا" does: session 39)
    named = ("subset:", "nationals:")
    assert claims and all(c.group == "all" or c.group.startswith(named) for c in claims)
    assert [c.group if c.group.startswith(named) else "subset" for c in claims] == [
        c.group for c in H.annotate(claims, [doc])]


@pytest.mark.parametrize(
    "text",
    # not counted out of the toll's own people; not followed by "of them" ending its clause
    RULES.hierarchy.partitive_examples.miss + RULES.hierarchy.partitive_pronoun_examples.miss,
)
def test_a_figure_not_counted_out_of_the_toll_keeps_its_group(text):
    doc = _doc("x", text)
    claims = extract(doc)
    assert claims
    assert [c.group for c in H.annotate(claims, [doc])] == [c.group for c in claims]


def test_a_part_counted_out_of_the_injured_is_not_a_falling_toll():
    # "66 of the injured are in a critical state" the day after 520 injured: a part, not a stale total
    a = _doc("a", "أعلنت السلطات أن عدد المصابين في الانفجار بلغ 520 شخصا.", "2024-08-12")
    b = _doc("b", "وأوضحت السلطات أن 66 من المصابين في حالة حرجة.", "2024-08-13")
    report = _report(a, b)
    assert not [i for i in report.inconsistencies if i.type in ("falling_total", "same_day_mismatch")]
    assert all(cl.status != "conflict" for cl in report.clusters)


@pytest.mark.parametrize("text", RULES.hierarchy.examples.miss)
def test_hierarchy_miss_examples(text):
    doc = _doc("x", text)
    claims = extract(doc)
    assert claims
    out = H.annotate(claims, [doc])
    assert [c.location for c in out] == [c.location for c in claims]
    assert not any(c.combines for c in out)


def test_combination_without_its_places_is_left_unresolved():
    doc = _doc("x", "وبلغ عدد القتلى في البلدين 305 أشخاص جراء الزلزال")
    [c] = H.annotate(extract(doc), [doc])
    assert c.location == "combined:2" and c.combines == []
    # its sentence names three countries for "the two countries": still not resolved
    doc = _doc("y", "وقالت وزارات الصحة في زامبيا وزيمبابوي وملاوي إن عدد الوفيات في البلدين بلغ 300.")
    [c] = H.annotate(extract(doc), [doc])
    assert c.location == "combined:2" and c.combines == []


def test_a_country_above_the_combination_its_sentence_names_is_an_inconsistency():
    # the combined figure's article names no other country's figure: its own sentence names both
    rep = _report(_doc("a", "ارتفع عدد قتلى الزلزال في إيران إلى 407 قتلى.", "2017-11-13"),
                  _doc("b", "أعلنت السلطات في إيران والعراق أن حصيلة القتلى في البلدين جراء الزلزال ارتفعت إلى 352 قتيلا.",
                       "2017-11-13"))
    found = [i for i in rep.inconsistencies if i.type in ("combination_mismatch", "part_exceeds_whole")]
    assert found and {(c.doc, c.value) for c in found[0].claims} >= {("a", 407), ("b", 352)}


def test_hierarchy_keys_link_a_part_to_its_whole():
    city, country = H.keys("killed", {"group": "children", "location": "aleppo", "period": "cumulative"}), \
        H.keys("killed", {"group": "all", "location": "syria", "period": "cumulative"})
    assert country[0] in city  # the whole's own key is among the part's keys
    assert city[0] not in country
    other = H.keys("killed", {"group": "all", "location": "syria", "period": "last_24h"})
    assert other[0] not in city  # a day's count is not a part of the running total


def test_claim_hierarchy_keys_for_a_store():
    doc = _doc("x", "قتل 300 شخص في إيران، وقتل 5 أشخاص في العراق، وبلغ عدد القتلى في البلدين 305 أشخاص")
    claims = extract(doc)
    keys = claim_hierarchy_keys(claims, [doc])
    assert len(keys) == len(claims)
    by_value = {c.value: k for c, k in zip(claims, keys)}
    assert json.loads(by_value[305][0])[-1] == "iran+iraq"
    assert by_value[300][0] in by_value[305]  # a combination is linked to its places


# --------------------------------------------------------------------------- inconsistencies


def test_city_above_its_country_the_same_day_is_an_inconsistency():
    rep = _report(_doc("a", "قتل 520 شخصا في حلب جراء الزلزال.", "2024-01-05"),
                  _doc("b", "ارتفع عدد قتلى الزلزال في سوريا إلى 410 أشخاص.", "2024-01-05"))
    [inc] = rep.inconsistencies
    assert inc.type == "part_exceeds_whole" and inc.strength == "hard"
    assert {(c.doc, c.value, c.role) for c in inc.claims} == {("a", 520, "part"), ("b", 410, "whole")}
    assert "520" in inc.explanation and "410" in inc.explanation and "same day" in inc.explanation
    assert set(inc.clusters) == {c.id for c in rep.clusters}
    # the two figures are in different clusters, neither of them a conflict
    assert all(c.status != "conflict" for c in rep.clusters)


def test_a_part_below_its_whole_is_neither_conflict_nor_inconsistency():
    rep = _report(_doc("a", "قتل 120 شخصا في حلب جراء الزلزال.", "2024-01-05"),
                  _doc("b", "ارتفع عدد قتلى الزلزال في سوريا إلى 410 أشخاص.", "2024-01-05"))
    assert rep.inconsistencies == []
    assert all(c.status != "conflict" for c in rep.clusters)


def test_different_days_and_undated_articles_are_not_compared():
    later = _report(_doc("a", "قتل 520 شخصا في حلب جراء الزلزال.", "2024-01-07"),
                    _doc("b", "ارتفع عدد قتلى الزلزال في سوريا إلى 410 أشخاص.", "2024-01-05"))
    assert later.inconsistencies == []
    undated = _report(_doc("a", "قتل 520 شخصا في حلب جراء الزلزال."),
                      _doc("b", "ارتفع عدد قتلى الزلزال في سوريا إلى 410 أشخاص."))
    assert undated.inconsistencies == []


def test_one_undated_article_is_compared_with_itself():
    rep = _report(_doc("a", "ارتفع عدد قتلى الزلزال في سوريا إلى 410 أشخاص. وفي حلب وحدها قتل 520 شخصا."))
    [inc] = rep.inconsistencies
    assert inc.type == "part_exceeds_whole" and "same article" in inc.explanation


def test_children_above_all_the_dead():
    rep = _report(_doc("a", "قتل 300 شخص في اليمن منذ بدء الحرب.", "2024-02-01"),
                  _doc("b", "قتل 450 طفلا في اليمن منذ بدء الحرب.", "2024-02-01"))
    [inc] = rep.inconsistencies
    roles = {c.role: c.value for c in inc.claims}
    assert roles == {"part": 450, "whole": 300}


def test_nationals_above_the_foreigners_of_the_same_place_and_day():
    """Syrians counted among a Beirut fire's dead are foreigners there: more Syrians than
    foreigners the same day cannot both be true, even when the foreigners' article names the
    city only in its lead (the place taken from the article)."""
    rep = _report(_doc("a", "اندلع حريق في مستودع. وقتل في حريق بيروت 26 سوريا.", "2023-06-02"),
                  _doc("b", "اندلع حريق في مستودع ببيروت. وقالت الخارجية إن بين القتلى 19 من الرعايا الأجانب.",
                       "2023-06-02"))
    groups = {c.key.get("group") for c in rep.clusters if c.kind == "killed"}
    assert groups == {"nationals:syria", "foreigners"}
    [inc] = rep.inconsistencies
    assert inc.type == "part_exceeds_whole"
    assert {c.role: c.value for c in inc.claims} == {"part": 26, "whole": 19}
    # fewer Syrians than foreigners: no inconsistency, and at home Syrians are the toll itself
    assert _report(_doc("a", "اندلع حريق في مستودع. وقتل في حريق بيروت 12 سوريا.", "2023-06-02"),
                   _doc("b", "اندلع حريق في مستودع ببيروت. وقالت الخارجية إن بين القتلى 19 من الرعايا الأجانب.",
                        "2023-06-02")).inconsistencies == []
    home = _report(_doc("a", "اندلع حريق في سوق بحلب. وقتل في الحريق 26 سوريا.", "2023-06-02"))
    assert {c.key.get("group") for c in home.clusters if c.kind == "killed"} == {"all"}


def test_an_unnamed_towns_toll_on_the_country_is_no_whole_for_its_children():
    """A figure whose place was only taken from its article may be an unnamed town's: it
    stands for no whole of everyone (children of the country above it are no inconsistency)."""
    rep = _report(_doc("a", "ارتفع عدد قتلى الفيضانات في باكستان إلى 900 شخص، بينهم 300 طفل.", "2022-08-30"),
                  _doc("b", "أعلنت السلطات في باكستان حالة الطوارئ. وفي منطقة نائية لقي 40 شخصا حتفهم.",
                       "2022-08-30"))
    assert not [i for i in rep.inconsistencies if i.type == "part_exceeds_whole"]


def test_a_part_above_its_whole_is_not_summed_with_its_siblings():
    """A district above its country is its own inconsistency; adding it to a sibling region
    that fits the country would only drag the sibling into its error."""
    rep = _report(_doc("a", "ارتفع عدد قتلى زلزال نيبال إلى 3000 شخص.", "2015-04-27"),
                  _doc("b", "وفي منطقة سيندوبالتشوك قتل 3400 شخص جراء الزلزال. وفي وادي كاتماندو قتل نحو 900 شخص.",
                       "2015-04-27"))
    types = sorted(i.type for i in rep.inconsistencies)
    assert types == ["part_exceeds_whole"], [i.explanation for i in rep.inconsistencies]
    assert {c.value for c in rep.inconsistencies[0].claims} == {3400, 3000}


def test_disjoint_parts_adding_up_to_more_than_the_whole():
    rep = _report(_doc("a", "قتل 250 شخصا في حلب جراء الزلزال.", "2024-01-05"),
                  _doc("b", "قتل 260 شخصا في إدلب جراء الزلزال.", "2024-01-05"),
                  _doc("c", "ارتفع عدد قتلى الزلزال في سوريا إلى 400 شخص.", "2024-01-05"))
    types = [i.type for i in rep.inconsistencies]
    assert types == ["parts_exceed_whole"]
    [inc] = rep.inconsistencies
    assert {c.value for c in inc.claims} == {250, 260, 400}
    assert "510" in inc.explanation


def test_stated_combination_against_its_places():
    text_ok = "قتل 300 شخص في إيران، وقتل 5 أشخاص في العراق، وبلغ عدد القتلى في البلدين 305 أشخاص"
    assert _report(_doc("a", text_ok, "2024-01-05")).inconsistencies == []
    bad = _report(_doc("a", "قتل 240 شخصا في إيران، وقتل 30 شخصا في العراق.", "2024-01-05"),
                  _doc("b", "أصيب 60 شخصا في إيران و20 في العراق، وبلغ عدد القتلى في البلدين 250 شخصا",
                       "2024-01-05"))
    mism = [i for i in bad.inconsistencies if i.type == "combination_mismatch"]
    assert len(mism) == 1 and {c.value for c in mism[0].claims} >= {240, 250}
    assert "250" in mism[0].explanation and "same day" in mism[0].explanation
    # the combined figure never joins one country's cluster
    combo = [c for c in bad.clusters if c.key.get("location") == "iran+iraq"]
    assert combo and {x.value for x in combo[0].claims} == {250}
    assert combo[0].claims[0].combines == ["iran", "iraq"]


def test_a_combination_is_checked_against_its_own_articles_places_first():
    # b states its places and their sum (200 + 50 = 250): its combination holds; a's 240 for Iran
    # disputes b's 200 in Iran's cluster, not b's arithmetic
    rep = _report(_doc("a", "قتل 240 شخصا في إيران، وقتل 30 شخصا في العراق.", "2024-01-05"),
                  _doc("b", "قتل 200 شخص في إيران، وقتل 50 شخصا في العراق، وبلغ عدد القتلى في البلدين 250 شخصا",
                       "2024-01-05"))
    assert not [i for i in rep.inconsistencies if i.type == "combination_mismatch"]
    iran = [c for c in rep.clusters if c.key.get("location") == "iran"]
    assert iran and iran[0].status == "conflict"
    # c gives Iran's figure but not Iraq's: Iraq's comes from a, and 200 + 30 falls short of 260
    rep = _report(_doc("a", "قتل 240 شخصا في إيران، وقتل 30 شخصا في العراق.", "2024-01-05"),
                  _doc("c", "قتل 200 شخص في إيران وأصيب 70 في العراق، وبلغ عدد القتلى في البلدين 260 شخصا",
                       "2024-01-05"))
    (mism,) = [i for i in rep.inconsistencies if i.type == "combination_mismatch"]
    assert {(c.doc, c.value) for c in mism.claims} == {("c", 200), ("a", 30), ("c", 260)}


def test_soft_when_only_a_stretched_hedge_reconciles():
    rep = _report(_doc("a", "قتل أكثر من 480 شخصا في حلب جراء الزلزال.", "2024-01-05"),
                  _doc("b", "ارتفع عدد قتلى الزلزال في سوريا إلى نحو 450 شخصا.", "2024-01-05"))
    [inc] = rep.inconsistencies
    assert inc.strength == "soft"


def test_work_is_by_key_not_all_pairs():
    # many unrelated places: no inconsistencies, and the finder only looks clusters up by key
    docs = [_doc(f"d{i}", f"قتل {100 + i} شخص في {place} جراء الزلزال.", "2024-01-05")
            for i, place in enumerate(["حلب", "إدلب", "حمص", "حماة", "درعا", "الموصل", "البصرة", "أربيل"])]
    rep = _report(*docs)
    assert rep.inconsistencies == []
    assert find_inconsistencies(rep.clusters) == []


# --------------------------------------------------------------------------- mistyped numbers


def test_a_resolution_number_mistyped_in_one_story_is_an_inconsistency():
    """Two articles reporting the same vote (93 for, 18 against) under numbers that differ by
    two swapped digits: one of them is mistyped; two numbers in one article are two resolutions,
    and a different tally makes a different vote."""
    a = _doc("a", "اعتمدت الجمعية العامة القرار 2774 بأغلبية 93 صوتا مقابل 18 صوتا وامتناع 65 دولة عن التصويت.")
    b = _doc("b", "وصوتت 93 دولة لصالح القرار 2747 وعارضته 18 دولة فيما امتنعت 65 دولة.")
    found = [i for i in _report(a, b).inconsistencies if i.type == "number_typo"]
    assert len(found) == 1
    assert {(c.doc, c.value) for c in found[0].claims} == {("a", 2774), ("b", 2747)}
    assert "swapped" in found[0].explanation
    one = _doc("c", "وذكّر المجلس بالقرار 2642 وبالقرار 2672 اللذين مددا آلية المساعدات.")
    assert not [i for i in _report(one).inconsistencies if i.type == "number_typo"]
    other_vote = _doc("d", "وصوتت 141 دولة لصالح القرار 2747 وعارضته 5 دول فيما امتنعت 35 دولة.")
    assert not [i for i in _report(a, other_vote).inconsistencies if i.type == "number_typo"]


def test_a_resolution_an_article_recalls_is_not_the_number_of_the_vote_it_reports():
    """Two articles report one vote on resolution 2774 (the same tallies) and each recalls an
    earlier resolution, 2712 and 2721: those are not numbers of the vote reported, so their
    digit slip is no number typo (every number of an article used to join each of its
    tallies' votes); the vote's own number given two ways still is."""
    a = _doc("a", "اعتمدت الجمعية العامة القرار 2774 بأغلبية 93 صوتا مقابل 18 صوتا وامتناع 65 دولة عن التصويت. "
                  "ويستند النص إلى القرار 2712 الصادر العام الماضي.")
    b = _doc("b", "وصوتت 93 دولة لصالح القرار 2774 وعارضته 18 دولة فيما امتنعت 65 دولة. "
                  "وأشار المندوبون إلى القرار 2721 الذي سبقه.")
    rep = _report(a, b)
    tallies = {(c.doc, cl.key.get("event")) for cl in rep.clusters for c in cl.claims if cl.kind == "votes_for"}
    assert len({e for _, e in tallies}) == 1 and {d for d, _ in tallies} == {"a", "b"}  # one vote
    assert not [i for i in rep.inconsistencies if i.type == "number_typo"]
    slip = _doc("c", "وصوتت 93 دولة لصالح القرار 2747 وعارضته 18 دولة فيما امتنعت 65 دولة. "
                     "وأشار المندوبون إلى القرار 2721 الذي سبقه.")
    found = [i for i in _report(a, slip).inconsistencies if i.type == "number_typo"]
    assert [{(c.doc, c.value) for c in i.claims} for i in found] == [{("a", 2774), ("c", 2747)}]


def test_a_number_is_no_slip_of_the_vote_its_own_article_names_otherwise():
    """Both articles report the vote on resolution 2610 (12 for, 2 against); the second also
    says Japan abstained on resolution 2670, one digit off.  It names the vote's number itself,
    so 2670 is another text, not a slip of 2610: no number typo (a slip the vote linking made
    one vote still is one: test_a_resolution_an_article_recalls_is_not_the_number_of_the_vote_it_reports)."""
    a = _doc("a", "أقر مجلس الأمن القرار 2610 بأغلبية 12 صوتا مقابل 2 صوتين دون امتناع أي عضو.", "2025-03-04")
    b = _doc("b", "وصوت 12 عضوا في مجلس الأمن لصالح القرار 2610 وعارضه 2 عضوان. "
                  "وكانت اليابان قد امتنعت عن التصويت على القرار 2670 في جلسة أخرى.", "2025-03-05")
    rep = _report(a, b)
    tallies = {(c.doc, cl.key.get("event")) for cl in rep.clusters for c in cl.claims if cl.kind == "votes_for"}
    assert len({e for _, e in tallies}) == 1 and {d for d, _ in tallies} == {"a", "b"}  # one vote
    assert not [i for i in rep.inconsistencies if i.type == "number_typo"]


def test_a_number_is_no_slip_of_the_vote_its_article_names_by_a_swap():
    """Two articles name the vote 2458 (12 for, 3 against); a third gives it as 2485 - a swap
    the vote linking reads as the same vote - and recalls resolution 2558 in another sentence.
    2485 against 2458 is a number typo; 2558 is not a slip of 2458 in that article, which names
    its vote 2485."""
    a = _doc("a", "أقر مجلس الأمن القرار 2458 بأغلبية 12 صوتا مقابل 3 أصوات.", "2025-06-10")
    b = _doc("b", "اعتمد مجلس الأمن القرار 2458 بتأييد 12 عضوا ومعارضة 3 أعضاء.", "2025-06-10")
    c = _doc("c", "وصوت 12 عضوا في مجلس الأمن لصالح القرار 2485 وعارضه 3 أعضاء. "
                  "وكانت البرازيل قد امتنعت عن التصويت على القرار 2558 الشهر الماضي.", "2025-06-11")
    rep = _report(a, b, c)
    tallies = {(x.doc, cl.key.get("event")) for cl in rep.clusters for x in cl.claims if cl.kind == "votes_for"}
    assert {e for _, e in tallies} == {"vote:body=sc;res=2458"} and {d for d, _ in tallies} == {"a", "b", "c"}
    found = [i for i in rep.inconsistencies if i.type == "number_typo"]
    assert [sorted(x.value for x in i.claims) for i in found] == [[2458, 2485]]


def test_two_votes_with_the_same_figures_do_not_link_their_resolution_numbers():
    """Consecutive resolutions adopted alike months apart (13 for, 2 against each) are two
    votes (crosscheck.reconcile.votes keeps different numbers apart): equal figures alone do
    not make one story, so 2431 / 2432 is no number typo."""
    a = _doc("a", "وأقر مجلس الأمن الدولي اليوم القرار 2431 بأغلبية 13 صوتا مقابل 2 أصوات، "
                  "ويمدد القرار ولاية البعثة عاما آخر.", "2025-02-10")
    b = _doc("b", "وصوت مجلس الأمن على القرار 2432 بتأييد 13 عضوا ومعارضة 2 عضوين، "
                  "ويفرض القرار حظرا على الأسلحة.", "2025-09-22")
    rep = _report(a, b)
    tallies = {(c.doc, c.kind, c.value) for cl in rep.clusters for c in cl.claims if cl.kind.startswith("votes_")}
    assert tallies == {("a", "votes_for", 13), ("b", "votes_for", 13), ("a", "votes_against", 2), ("b", "votes_against", 2)}
    assert not [i for i in rep.inconsistencies if i.type == "number_typo"]


def test_votes_adding_up_to_more_than_the_council_is_an_inconsistency():
    """13 for + 2 against + 3 abstaining is 18 votes in a council of 15; 13 + 2 alone is fine."""
    a = _doc("a", "اعتمد مجلس الأمن القرار 2801 بأغلبية 13 صوتا مقابل اعتراض 2 وامتناع 3 أعضاء عن التصويت.")
    found = [i for i in _report(a).inconsistencies if i.type == "tally_exceeds_body"]
    assert len(found) == 1 and "18" in found[0].explanation and "15" in found[0].explanation
    assert {c.kind for c in found[0].claims} == {"votes_for", "votes_against", "abstentions"}
    b = _doc("b", "تبنى مجلس الأمن القرار 2801 بتأييد 13 عضوا واعتراض عضوين.")
    assert not [i for i in _report(b).inconsistencies if i.type == "tally_exceeds_body"]


def test_a_sub_period_above_the_running_total_is_an_inconsistency():
    """520 killed since the ceasefire cannot exceed the running total of 410 the same day; 37
    since the ceasefire beside 410 is fine, and so is a 24-hour figure below the total."""
    a = _doc("a", "ارتفع عدد القتلى في حلب إلى 410 أشخاص.", "2024-01-05")
    b = _doc("b", "قتل 520 شخصا في حلب منذ وقف إطلاق النار.", "2024-01-05")
    found = [i for i in _report(a, b).inconsistencies if i.type == "subperiod_exceeds_total"]
    assert len(found) == 1 and {c.value for c in found[0].claims} == {410, 520}
    c = _doc("c", "قتل 37 شخصا في حلب منذ وقف إطلاق النار.", "2024-01-05")
    d = _doc("d", "قتل 12 شخصا في حلب خلال الـ24 ساعة الماضية.", "2024-01-05")
    assert not [i for i in _report(a, c, d).inconsistencies if i.type == "subperiod_exceeds_total"]


def test_a_figure_far_below_its_articles_own_total_stands_for_no_whole():
    """An article giving the total it replaced (300) and, beside it, a figure far smaller (40,
    an old massacre the extractor did not date) does not say the running total is 40: its
    figure since the ceasefire (90) is no sub-period above that total.  The reconciler sets
    the 40 aside as a part (`own_part_ratio`); the whole side of a constraint does too."""
    from test_reconciler_factory import claim

    from crosscheck.reconcile.settings import default_config

    claims = [claim("a", "killed", 300, location="aleppo", period="superseded"),
              claim("a", "killed", 40, location="aleppo"),
              claim("a", "killed", 90, location="aleppo", period="since:2024-01-01"),
              claim("b", "killed", 310, location="aleppo")]
    cfg = default_config()
    assert not [i for i in find_inconsistencies(reconcile(claims, config=cfg), cfg)
                if i.type == "subperiod_exceeds_total"]
    off = cfg.model_copy(update={"own_part_ratio": 0})
    found = [i for i in find_inconsistencies(reconcile(claims, config=off), off)
             if i.type == "subperiod_exceeds_total"]
    assert len(found) == 1 and {c.value for c in found[0].claims} == {40, 90}


@pytest.mark.parametrize("text", RULES.hierarchy.partitive_pronoun_examples.hit)
def test_a_figure_followed_by_of_them_is_a_part(text):
    doc = _doc("x", text)
    # the part as a figure of everyone (the extractor may or may not have named it a part)
    claims = [c.model_copy(update={"group": "all"}) for c in extract(doc) if c.kind == "killed"]
    assert claims
    assert H.annotate(claims, [doc])[-1].group == "subset"


def test_deaths_of_them_beside_the_days_toll_are_no_same_day_conflict():
    # "12 paramedics were infected, five of them died" beside 14 deaths of the day: a part
    doc = _doc("a", "ارتفع عدد الوفيات بالحمى إلى 14 وفاة. وأوضحت الوزارة أن 12 من المسعفين أصيبوا "
                    "بالعدوى، توفي خمسة منهم، وأن الإصابات تركزت في العاصمة.", "2024-05-02")
    report = _report(doc)
    assert not report.inconsistencies
    assert all(cl.status != "conflict" for cl in report.clusters)


@pytest.mark.parametrize("text", RULES.hierarchy.last_part_examples.miss)
def test_a_figure_not_after_a_last_batch_word_keeps_its_group(text):
    doc = _doc("x", text)
    claims = extract(doc)
    assert claims
    assert [c.group for c in H.annotate(claims, [doc])] == [c.group for c in claims]


@pytest.mark.parametrize("text", RULES.hierarchy.own_place_item_examples.hit)
def test_a_list_item_named_by_its_own_place_is_that_places_figure(text):
    # "تليها كانو بـ364" at Kano: the same quantity as Kano's figure in another article
    doc = _doc("x", text)
    claims = extract(doc)
    items = [i for i, c in enumerate(claims) if (c.group or "").startswith("part:")]
    assert items, "the extractor no longer reads the item as a part: the example tests nothing"
    out = H.annotate(claims, [doc])
    # the item counts what the list's first item counts (its group), at its own place
    head = next(c.group for c in claims if not (c.group or "").startswith("part:"))
    assert all(out[i].group == head and out[i].location == claims[i].location for i in items)


def test_a_list_item_named_by_its_own_place_takes_its_heads_group():
    # "تستضيف سوريا 1.2 مليون عراقي، يليها الأردن بنحو 750 ألفا": the refugees hosted, both
    doc = _doc("x", "ويقيم في تركيا 3.6 مليون لاجئ، تليها ألمانيا بـ800 ألف.")
    claims = extract(doc)
    head = claims[0].model_copy(update={"group": "refugees"})
    out = H.annotate([head] + claims[1:], [doc])
    assert [c.group for c in out] == ["refugees"] * len(claims)


@pytest.mark.parametrize("text", RULES.hierarchy.own_place_item_examples.miss)
def test_a_list_item_named_by_another_word_keeps_its_part(text):
    doc = _doc("x", text)
    claims = extract(doc)
    items = [i for i, c in enumerate(claims) if (c.group or "").startswith("part:")]
    assert items
    out = H.annotate(claims, [doc])
    assert [out[i].group for i in items] == [claims[i].group for i in items]


def test_own_place_part_needs_the_claims_own_place():
    # the word names a place, but not the claim's (the item before's place, read as its name)
    c = extract(_doc("x", "وجاءت الأردن في المرتبة الأولى بـ750 ألف لاجئ، ثم لبنان بـ40 ألفا."))[-1]
    assert c.group.startswith("part:") and H.own_place_part(c)
    assert not H.own_place_part(c.model_copy(update={"location": "jordan"}))
    assert not H.own_place_part(c.model_copy(update={"location": None}))


def test_a_combined_place_is_not_lent_to_the_articles_other_figures():
    # "في البلدين" is the 840's own sum; the 719 of the next sentence were not counted "in both":
    # the article's place filled into figures at no place is never a combination
    from crosscheck.reconcile.grouping import _context_fill
    from crosscheck.reconcile.settings import config_or_default

    doc = _doc("x", "وبذلك يتجاوز عدد الوفيات المفاجئة في البلدين 840. وسجلت 719 وفاة مفاجئة منذ الجمعة.", "2024-01-05")
    filled = {m.claim.value: m.claim.location for m in _context_fill(H.annotate(extract(doc), [doc]), config_or_default(None))}
    assert filled == {840: "combined:2", 719: None}
    doc = _doc("y", "قتل 300 شخص في إيران، وقتل 5 أشخاص في العراق، وبلغ عدد القتلى في البلدين 305 أشخاص. وأصيب 12 شخصا.")
    filled = {m.claim.value: m.claim.location for m in _context_fill(H.annotate(extract(doc), [doc]), config_or_default(None))}
    assert filled[305] == "iran+iraq" and filled[12] != "iran+iraq"


def test_the_hardest_hit_place_is_a_part_of_the_articles_toll():
    # session 39 (recon): "الأكثر تضررا" singles a place out like "وحدها" (rules/hierarchy.yaml
    # `alone`): the article's toll, placed only by the article, is its whole at that moment
    text = ("تواصلت الأمطار الغزيرة في باكستان لليوم الخامس. وقالت السلطات إن عدد قتلى الفيضانات "
            "ارتفع إلى 410 أشخاص. وفي إقليم السند سجلت {n} وفاة، ما يجعله {how}.")
    rep = _report(_doc("a", text.format(n=520, how="الأكثر تضررا"), "2024-01-05"))
    assert [i.type for i in rep.inconsistencies] == ["part_exceeds_whole"]
    # a place not singled out beside a toll the article only places: no whole is stated for it
    assert _report(_doc("a", text.format(n=520, how="الواقع جنوب البلاد"), "2024-01-05")).inconsistencies == []
    # the hardest-hit place below the whole: no inconsistency
    assert _report(_doc("a", text.format(n=220, how="الأكثر تضررا"), "2024-01-05")).inconsistencies == []

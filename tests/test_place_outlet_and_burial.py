"""Places that are not the story's (issue 8, place): an outlet named in quotes on the dateline
line of an article without `source:` metadata ("بانكوك - «القدس العربي»:", rules/gazetteer.yaml
`dateline_outlet`), and the towns where the dead were mourned or buried (`burial_words`)."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract_text
from crosscheck.extract.scope import Gazetteer
from crosscheck.ruleset.loader import load_rules
from crosscheck.text.normalize import normalize

RULES = load_rules()
GAZ = Gazetteer(RULES.gazetteer)
OUT = RULES.gazetteer.dateline_outlet_examples
BUR = RULES.gazetteer.burial_examples


def _places(text: str) -> dict:
    return {c.value: c.location for c in extract_text(text)}


def _assert_placed(ex):
    """A hit example's figure (its value) stands at the example's place."""
    got = _places(ex.text)
    assert got.get(ex.value) == ex.location, got


def test_examples_are_given():
    assert RULES.gazetteer.dateline_outlet and OUT.hit and OUT.miss
    assert RULES.gazetteer.burial_words and BUR.hit and BUR.miss


@pytest.mark.parametrize("ex", OUT.hit, ids=lambda e: e.outlet)
def test_dateline_names_its_outlet(ex):
    assert GAZ.dateline_outlets(normalize(ex.text).text) == [" ".join(normalize(ex.outlet).text.split())]


@pytest.mark.parametrize("text", OUT.miss, ids=lambda t: t[:20])
def test_no_outlet(text):
    assert GAZ.dateline_outlets(normalize(text).text) == []


def test_a_place_inside_the_outlets_name_is_no_place_of_the_figures():
    head = "اشتباكات حدودية: 33 قتيلا في البلدين\n\nبانكوك - «القدس العربي»:\n\n"
    body = "وأعلنت وزارة الدفاع الكمبودية حصيلة بلغت 13 قتيلا، بينهم ثمانية مدنيين."
    assert _places(head + body)[13] != "jerusalem"
    # without the quoted outlet on its dateline, Jerusalem named in the body is a place
    assert _places("وقالت الشرطة إن 13 شخصا قتلوا في القدس.")[13] == "jerusalem"


def test_an_outlet_that_opens_its_story_on_the_dateline_line_is_no_place_either():
    # the dateline line goes on with the story after the outlet and an agency's bracket
    text = ("الإنفلونزا: 14 وفاة مؤكدة\n\nليما – «القدس العربي» (وكالات): أعلنت وزارة الصحة وفاة "
            "14 شخصا بالفيروس حتى مساء أمس.")
    assert _places(text)[14] != "jerusalem"


@pytest.mark.parametrize("ex", BUR.hit, ids=lambda e: str(e.value))
def test_burial_town_is_no_place_of_the_toll(ex):
    got = _places(ex.text)
    assert ex.value in got, got
    assert got[ex.value] not in ("izmir", "sohag"), got


@pytest.mark.parametrize("text", BUR.miss, ids=lambda t: t[:20])
def test_a_funeral_clause_with_its_own_figure_keeps_its_place(text):
    got = _places(text)
    assert "benghazi" in got.values() or "libya" in got.values(), got


def test_without_the_funeral_the_city_is_the_place():
    text = "قالت السلطات إن 41 شخصا لقوا حتفهم في حريق الفندق.\nوتقع إزمير على الساحل الغربي."
    assert _places(text)[41] == "izmir"


SIDE = RULES.gazetteer.side_examples
_SIDE_OF = {19: "thailand", 11: "cambodia"}


def test_side_examples_are_given():
    assert RULES.gazetteer.side_heads and SIDE.hit and SIDE.miss


@pytest.mark.parametrize("ex", SIDE.hit, ids=lambda e: str(e.value))
def test_a_side_named_by_adjective_places_the_figure(ex):
    assert _places(ex.text)[ex.value] == _SIDE_OF[ex.value]


@pytest.mark.parametrize("text", SIDE.miss, ids=lambda t: t[:20])
def test_no_side_no_place(text):
    assert set(_places(text).values()) == {None}


def test_a_fronted_side_of_an_earlier_clause_only_when_it_ends_that_clause():
    head = "قتل 30 شخصا في البلدين.\n"
    # the side's adjective ends the fronted clause: the figure is that side's
    assert _places(head + "وعلى الجانب الكمبودي، ارتفع عدد القتلى إلى 17.")[17] == "cambodia"
    # an adjective inside an earlier clause that goes on is not the figure's side
    assert _places(head + "وقالت السلطات الكمبودية إن القصف مستمر، وارتفع عدد القتلى إلى 17.")[17] is None


def _periods(text: str) -> dict:
    return {c.value: c.period for c in extract_text(text)}


def test_a_part_before_the_countrys_total_is_no_increment():
    # the region's figure, then the total it makes with another region's in the country
    got = _periods("ارتفع عدد القتلى في الإقليم الشمالي إلى 64، إضافة إلى 5 في الجنوب، "
                   "ليصل مجموع الضحايا في البلاد إلى 69")
    assert got[64] == "cumulative", got
    # a day's new deaths before the running total stay a day's count
    assert _periods("وسجلت الوزارة 6 وفيات جديدة، ما رفع العدد التراكمي إلى 80")[6] == "daily"


def test_a_sentences_sides_are_read_once_for_all_its_figures(monkeypatch):
    """Work bounded per sentence, not per figure: the side mentions and clause punctuation of a
    sentence are worked out once however many figures it holds (each figure bisects them)."""
    from crosscheck.extract import context

    built = []
    real = context.SideMentions.__init__

    def counting(self, found, puncts):
        built.append(len(puncts))
        real(self, found, puncts)

    monkeypatch.setattr(context.SideMentions, "__init__", counting)
    items = " ".join(f"وأصيب {n} آخرون في القصف" for n in range(2, 62))
    text = ("قتل 30 شخصا في البلدين.\n"
            f"وقالت وزارة الدفاع الكمبودية إن 17 جنديا قتلوا {items}، وإن القصف مستمر، والوضع خطير.")
    got = _places(text)
    assert got[17] == "cambodia" and got[61] == "cambodia"
    assert built == [0, 2]  # two sentences, each read once: no side in the first; 61 figures and two commas in the second


# --------------------------------------------------------------------------- a country struck

STRUCK = RULES.gazetteer.struck_examples


def test_struck_examples_are_given():
    assert RULES.gazetteer.struck_locatives and STRUCK.hit and STRUCK.miss


@pytest.mark.parametrize("ex", STRUCK.hit, ids=lambda e: str(e.value))
def test_a_country_struck_by_the_disaster_is_its_place(ex):
    _assert_placed(ex)


@pytest.mark.parametrize("text", STRUCK.miss, ids=lambda t: t[:20])
def test_a_country_after_a_bare_verb_of_striking_is_no_place(text):
    # the striker ("ضربت إسرائيل"): a country with no locative before it is not located
    assert "israel" not in _places(text).values()


def test_the_struck_country_outweighs_a_side_paragraphs_located_country():
    # the article's place: the country struck (twice) over another country named once after "في"
    text = ("ارتفعت حصيلة الزلزال الذي ضرب الإكوادور إلى 480 قتيلا.\n\n"
            "وتتواصل عمليات البحث بعد الزلزال الذي ضرب الإكوادور السبت، وانتشلت الفرق 67 جثة.\n\n"
            "وفي اليابان، بلغت حصيلة الزلزالين 48 قتيلا.")
    assert _places(text)[67] == "ecuador"



def test_the_capital_named_as_such_is_a_part_of_the_national_toll():
    # "العاصمة هراري" names the city (the bare name heads datelines and is not listed)
    text = ("أعلنت منظمة الصحة العالمية أن وباء الكوليرا الذي ضرب زيمبابوي أودى بحياة 4288 شخصا.\n\n"
            "وكانت العاصمة هراري الأكثر تضررا، إذ سجلت ما يزيد على 1200 وفاة.")
    got = _places(text)
    assert got[4288] == "zimbabwe", got
    assert got[1200] == "harare", got


# --------------------------------------------------------------------------- a country hosting or counting

HOST = RULES.gazetteer.host_examples


def test_host_examples_are_given():
    assert RULES.gazetteer.host_locatives and RULES.gazetteer.host_verbs_after and HOST.hit and HOST.miss


@pytest.mark.parametrize("ex", HOST.hit, ids=lambda e: str(e.value))
def test_a_country_hosting_or_counting_is_its_place(ex):
    _assert_placed(ex)


@pytest.mark.parametrize("text", HOST.miss, ids=lambda t: t[:20])
def test_a_bare_country_acting_is_no_place(text):
    # the sender or the striker: a country with no hosting word around it is not located
    assert not {"poland", "israel"} & set(_places(text).values())


def test_a_hosting_word_does_not_make_the_articles_place():
    # the article's place counts countries after a locative only: the host named once does not
    # take the story from the country the refugees fled
    text = ("نزح أكثر من 200 ألف شخص داخل أوكرانيا منذ بدء الحرب.\n\n"
            "وتستضيف بولندا 150 ألف لاجئ.\n\n"
            "وقالت المفوضية إن القتال مستمر في أوكرانيا، وإن 40 شخصا قتلوا أمس.")
    got = _places(text)
    assert got[150000] == "poland" and got[40] == "ukraine", got


DEFAULT_SIDE = RULES.gazetteer.default_side_examples
# the shipped rules keep the rule off (default_side_kinds: [], measured in session 38); the
# examples are read with it on for tolls
SIDE_ON = RULES.model_copy(update={"gazetteer": RULES.gazetteer.model_copy(
    update={"default_side_kinds": ["killed", "injured", "missing", "displaced"]})})


def _places_side_on(text: str) -> dict:
    return {c.value: c.location for c in extract_text(text, rules=SIDE_ON)}


def test_default_side_examples_are_given():
    assert RULES.gazetteer.default_side_heads and DEFAULT_SIDE.hit and DEFAULT_SIDE.miss
    assert set(RULES.gazetteer.default_side_heads) <= set(RULES.gazetteer.side_heads)


@pytest.mark.parametrize("ex", DEFAULT_SIDE.hit, ids=lambda e: e.text[:24])
def test_a_side_outweighs_a_default_in_another_country(ex):
    assert _places_side_on(ex.text)[ex.value] == ex.location


@pytest.mark.parametrize("ex", DEFAULT_SIDE.miss, ids=lambda e: e.text[:24])
def test_an_army_an_own_place_or_a_default_inside_the_side_stay(ex):
    assert _places_side_on(ex.text)[ex.value] == ex.location


def test_off_in_the_shipped_rules_the_default_stays():
    ex = DEFAULT_SIDE.hit[0]
    assert RULES.gazetteer.default_side_kinds == []
    assert _places(ex.text)[ex.value] != ex.location


# --------------------------------------------------------------------------- a country heading a line

LABEL = RULES.gazetteer.headline_label_examples


def test_headline_label_examples_are_given():
    assert RULES.gazetteer.headline_label and LABEL.hit and LABEL.miss


@pytest.mark.parametrize("ex", LABEL.hit, ids=lambda e: str(e.value))
def test_a_country_heading_its_line_places_the_lines_figures(ex):
    _assert_placed(ex)


@pytest.mark.parametrize("text", LABEL.miss, ids=lambda t: t[:20])
def test_a_dateline_a_speaker_or_a_country_inside_a_line_is_no_label(text):
    # (the article may still take Algeria as its default place: a dateline's country)
    norm = normalize(text).text
    found = [m for m in GAZ.mentions(norm) if m.place.id == "algeria"]
    assert found, text
    assert not any(GAZ.label(norm, m.start, m.end) for m in found), text
    assert not any(m.located for m in found), text


def test_a_label_line_is_no_dateline_and_the_next_line_may_be():
    # the headline's country is the story's; the reporter's city on the next line is the dateline
    text = "العراق: مقتل 12 شخصا في تفجير سيارة مفخخة\n\nبغداد - قالت الشرطة إن 30 أصيبوا."
    norm = normalize(text).text
    span = GAZ.dateline(norm)
    assert span is not None and norm[span[0]:span[1]].strip().startswith("بغداد")
    assert _places(text)[12] == "iraq"


SITE = RULES.gazetteer.venue_site_examples


def test_venue_site_examples_are_given():
    assert RULES.gazetteer.venue_site_words and SITE.hit and SITE.miss


@pytest.mark.parametrize("ex", SITE.hit, ids=lambda e: str(e.value))
def test_a_hospital_burned_or_shelled_is_the_figures_site(ex):
    _assert_placed(ex)
    # near-miss of each: without the event word before it, the hospital is where the wounded
    # were treated and its city no place of the figure
    plain = ex.text.replace("حريق مستشفى", "مستشفى").replace("قصف مستشفى", "مستشفى")
    if plain != ex.text:
        assert _places(plain).get(ex.value) != ex.location


@pytest.mark.parametrize("text", SITE.miss, ids=lambda t: t[:20])
def test_a_hospital_the_wounded_were_taken_to_is_no_place_of_the_toll(text):
    assert "ankara" not in _places(text).values()


SRC = RULES.gazetteer.source_examples


def test_source_examples_are_given():
    assert RULES.gazetteer.source_words and SRC.hit and SRC.miss


def _source_places(text: str) -> set:
    return {m.place.id for m in GAZ.sources(normalize(text).text)}


@pytest.mark.parametrize("ex", SRC.hit, ids=lambda e: str(e.value))
def test_a_source_speaking_from_another_city_gives_no_place(ex):
    # the source's place is found as such, and the figure stands at the story's place instead
    places = _source_places(ex.text)
    assert places and ex.location not in places
    _assert_placed(ex)


@pytest.mark.parametrize("text", SRC.miss, ids=lambda t: t[:20])
def test_a_source_at_the_storys_own_place_keeps_it(text):
    places = _source_places(text)
    assert places, text
    got = {loc for loc in _places(text).values() if loc}
    assert any(loc == p or GAZ.is_within(loc, p) for loc in got for p in places), (text, got)


def test_officials_at_a_place_are_no_source_seat():
    # officials of a place speak for it: "مسؤولون في ولاية أوديشا" is no source word
    text = "ضرب الإعصار شرق الهند.\nوقال مسؤولون في أوديشا إن 20 شخصا قتلوا"
    assert not _source_places(text)

"""Gazetteer data (rules/gazetteer.yaml): a place name never reads inside a common word with a
clitic in front, and the parts of the countries news covers sit under their country (issue 8:
a figure placed in a place no article named; a district and its state invisible as part and
whole)."""

from __future__ import annotations

import pytest

from crosscheck.extract.scope import gazetteer_for
from crosscheck.ruleset.loader import load_rules
from crosscheck.text.normalize import normalize


def gaz():
    return gazetteer_for(load_rules().gazetteer)


# Common words that are a clitic (ك ل ب و ف) plus a short place name: "كبيرا" is ك + "بيرا"
# (Beira).  My own sentences; none names a place.
@pytest.mark.parametrize("text", [
    "قالت الشرطة إنها حققت تقدما كبيرا في التحقيق",
    "شهدت المدينة دمارا كبيرا بعد العاصفة",
    "خلف الانفجار ضررا كبيرا في المباني المجاورة",
])
def test_a_clitic_and_a_short_name_forming_a_common_word_is_no_place(text):
    counts, _ = gaz().counts_and_adjectives(normalize(text).text)
    assert not counts
    assert not gaz().mentions(normalize(text).text)


def test_a_qualified_short_name_still_reads():
    counts, _ = gaz().counts_and_adjectives(normalize("ضرب الإعصار مدينة بيرا الساحلية").text)
    assert counts["beira"] == 1


def test_a_short_name_after_in_still_reads():
    counts, _ = gaz().counts_and_adjectives(normalize("وارتفع عدد القتلى في بيرا إلى 12").text)
    assert counts["beira"] == 1


@pytest.mark.parametrize("place, chain", [
    ("ahrweiler", ["rhineland_palatinate", "germany"]),
    ("munich", ["bavaria", "germany"]),
    ("manchester", ["england", "united_kingdom"]),
    ("glasgow", ["scotland", "united_kingdom"]),
    ("milan", ["lombardy", "italy"]),
    ("barcelona", ["catalonia", "spain"]),
])
def test_a_city_or_district_sits_under_its_state_and_country(place, chain):
    assert gaz().parent_chain(place) == chain


@pytest.mark.parametrize("text, place", [
    ("غمرت المياه قرى في ولاية شمال الراين وستفاليا", "north_rhine_westphalia"),
    ("ضربت العاصفة ساكسونيا السفلى", "lower_saxony"),
    ("أعلنت شرطة اسكتلندا حصيلة الحادث", "scotland"),
    ("سجلت العاصمة دكا معظم الوفيات", "dhaka"),
])
def test_states_and_spellings_are_read(text, place):
    counts, _ = gaz().counts_and_adjectives(normalize(text).text)
    assert counts[place] == 1


def test_a_district_figure_is_the_districts_and_the_state_figure_the_states():
    from crosscheck.extract.extractor import extract
    from crosscheck.models import Document

    text = ("قالت الشرطة إن 70 شخصا قتلوا في ولاية بافاريا. "
            "وأضافت أن منطقة أرفايلر في راينلاند بفالتس سجلت وحدها 15 قتيلا.")
    claims = extract(Document(id="g1", text=text, date="2024-06-02"), load_rules())
    where = {c.value: c.location for c in claims if c.kind == "killed"}
    assert where[70] == "bavaria"
    assert where[15] == "ahrweiler"


def test_an_island_country_named_as_the_island_locates_its_figures():
    from crosscheck.extract.extractor import extract
    from crosscheck.models import Document

    text = ("ضرب الإعصار بورتوريكو أمس. وكانت العاصفة قد اجتاحت جزيرة دومينيكا الصغيرة، "
            "حيث أعلنت الحكومة مقتل 9 أشخاص.")
    claims = extract(Document(id="i1", text=text, date="2024-09-20"), load_rules())
    (k,) = [c for c in claims if c.kind == "killed"]
    assert k.location == "dominica"
    # a country as the sentence's subject is still no place of the figure
    counts, _ = gaz().counts_and_adjectives(normalize("أرسلت دومينيكا فرقا للإغاثة").text)
    assert "dominica" not in counts


# Afghanistan's provinces, Kerala's districts, the Bahamas' islands, Spain's Galicia (session 25):
# each figure is its place's, under its country.  My own sentences.
@pytest.mark.parametrize("text, place", [
    ("جرفت السيول قرى في ولاية غور وسط البلاد", "ghor"),
    ("قتل 12 شخصا في فارياب شمالا", "faryab"),
    ("سجلت منطقة كوجيكود معظم الإصابات بالفيروس", "kozhikode"),
    ("توفي مريض ثالث في مالابورام", "malappuram"),
    ("دمر الإعصار معظم المنازل في جزر أباكو", "abaco"),
    ("غمرت المياه مطار غراند باهاما", "grand_bahama"),
    ("اجتاحت الحرائق غابات إقليم غاليسيا", "galicia"),
    ("ضرب الإعصار الباهاماس بقوة", "bahamas"),
])
def test_provinces_districts_and_islands_are_read(text, place):
    counts, _ = gaz().counts_and_adjectives(normalize(text).text)
    assert counts[place] == 1


@pytest.mark.parametrize("place, chain", [
    ("ghor", ["afghanistan"]),
    ("faryab", ["afghanistan"]),
    ("kozhikode", ["kerala", "india"]),
    ("abaco", ["bahamas"]),
    ("galicia", ["spain"]),
])
def test_new_places_sit_under_their_country(place, chain):
    assert gaz().parent_chain(place) == chain


# Qualified names: the Jordan Valley ("غور الأردن") is not Afghanistan's Ghor, nor is the
# historical al-Andalus the Spanish region.
@pytest.mark.parametrize("text", [
    "أصيب ثلاثة مزارعين في غور الأردن",
    "تحدث المؤرخ عن حضارة الأندلس",
])
def test_ghor_and_andalus_need_their_qualifier(text):
    counts, _ = gaz().counts_and_adjectives(normalize(text).text)
    assert not {"ghor", "andalusia"} & set(counts)


def test_a_two_province_flood_is_placed_by_province():
    from crosscheck.extract.extractor import extract
    from crosscheck.models import Document

    text = ("لقي 40 شخصا حتفهم في ولاية غور جراء السيول، فيما قتل 11 آخرون في ولاية فارياب.")
    claims = extract(Document(id="af1", text=text, date="2024-05-18"), load_rules())
    where = {c.value: c.location for c in claims if c.kind == "killed"}
    assert where[40] == "ghor"
    assert where[11] == "faryab"


def test_british_columbia_is_the_canadian_province_not_colombia():
    # "كولومبيا البريطانية" holds the country's name: the longer name is the place, under Canada
    counts, _ = gaz().counts_and_adjectives(normalize("توفي 595 شخصا في مقاطعة كولومبيا البريطانية خلال موجة الحر").text)
    assert counts.get("british_columbia") == 1 and "colombia" not in counts
    counts, _ = gaz().counts_and_adjectives(normalize("قتل 12 شخصا في كولومبيا جراء الفيضانات").text)
    assert counts.get("colombia") == 1
    from crosscheck.reconcile.grouping import _ancestors, place_parents
    assert _ancestors("british_columbia", place_parents()) == ["canada"]

"""The place an article is about (extract.scope.document_location): a region the article
singles out does not make its national figures regional (issue 8: the speaker's or a part's
place beating the subject place)."""

from __future__ import annotations

from collections import Counter

from crosscheck.extract.extractor import extract
from crosscheck.extract.scope import document_location, gazetteer_for
from crosscheck.models import Document
from crosscheck.ruleset.loader import load_rules
from crosscheck.text.normalize import normalize


def gaz():
    return gazetteer_for(load_rules().gazetteer)


def test_a_region_named_alone_gives_way_to_its_country_named_by_adjective():
    g = gaz()
    assert document_location(g, Counter({"sindh": 1})) == "sindh"
    assert document_location(g, Counter({"sindh": 1}), {"pakistan"}) == "pakistan"
    # the country is mentioned on its own as well: it wins by count anyway
    assert document_location(g, Counter({"sindh": 1, "pakistan": 1})) == "pakistan"
    # another country's adjective says nothing of this one
    assert document_location(g, Counter({"sindh": 1}), {"india"}) == "sindh"


def test_a_city_keeps_its_event_whoever_counts_the_dead():
    # a blast in Beirut counted by "وزارة الصحة اللبنانية" is Beirut's
    assert document_location(gaz(), Counter({"beirut": 2}), {"lebanon"}) == "beirut"


def test_counts_and_adjectives_read_in_one_pass():
    text = normalize("قالت السلطات الباكستانية إن المياه غمرت قرى إقليم السند").text
    counts, adjectives = gaz().counts_and_adjectives(text)
    assert counts["sindh"] == 1 and "pakistan" not in counts
    assert adjectives == {"pakistan"}


def test_story_national_figures_in_an_article_about_a_province():
    text = ("قالت السلطات الباكستانية إن فرق الإنقاذ تواصل البحث عن العالقين في قرى إقليم السند.\n\n"
            "وأعلنت الهيئة الوطنية لإدارة الكوارث أن الفيضانات أودت بحياة 937 شخصا منذ منتصف يونيو.")
    claims = extract(Document(id="p1", text=text, date="2023-08-20"), load_rules())
    (k,) = [c for c in claims if c.kind == "killed"]
    assert k.location == "pakistan" and "location" in k.inferred
    # the same article without the national adjective is about the province
    alone = text.replace("السلطات الباكستانية", "السلطات")
    (k,) = [c for c in extract(Document(id="p2", text=alone, date="2023-08-20"), load_rules()) if c.kind == "killed"]
    assert k.location == "sindh"


def _places(text, source):
    doc = Document(id="x", text=text, source=source)
    return {(c.kind, c.value): c.location for c in extract(doc, load_rules()) if c.kind != "other"}


def test_a_place_inside_the_outlets_own_name_is_no_place_of_the_story():
    # an outlet whose name holds a city ("صدى القدس") files from Damascus: its credit after the
    # dateline names no place of the story (nor does the dateline, where it was filed from) -
    # whatever outlet the metadata names: the credit on the dateline line is the outlet's
    # (session 28: also when the story goes on after it on that line)
    text = "دمشق - «صدى القدس»: قالت مديرية الدفاع المدني إن 14 شخصا قتلوا في انهيار مبنى سكني."
    assert _places(text, "صدى القدس")[("killed", 14)] is None
    assert _places(text, "وكالة أخرى")[("killed", 14)] is None
    # the name in the body, no credit on a dateline: the metadata's outlet decides
    body = "وقالت مديرية الدفاع المدني لصدى القدس إن 14 شخصا قتلوا في انهيار مبنى سكني."
    assert _places(body, "صدى القدس")[("killed", 14)] is None
    assert _places(body, "وكالة أخرى")[("killed", 14)] == "jerusalem"
    # an outlet named just like a place does not hide the place
    assert _places("قتل 9 أشخاص في عدن أمس.", "عدن")[("killed", 9)] == "aden"


# ---------------------------------------------------------------------------- datelines


def test_dateline_span_is_the_place_up_to_its_separator():
    g = gaz()
    for raw, place in [("رانغون - الثلاثاء 6 أيار/مايو 2008\n\nأعلن التلفزيون …", "رانغون"),
                       ("بيروت (أ ف ب) - قتل 57 مدنيا", "بيروت (أ ف ب)"),
                       ("\nكراتشي: قالت السلطات", "كراتشي")]:
        text = normalize(raw).text
        a, b = g.dateline(text)
        assert text[a:b].strip() == normalize(place).text
    # a place opening a sentence with no separator after it, or one past the first lines
    assert g.dateline(normalize("بغداد تستعيد هدوءها بعد ليلة من الاشتباكات العنيفة").text) is None
    assert g.dateline(normalize("أ\nب\nج\nبغداد - الخميس").text) is None


def test_a_dateline_city_is_no_place_of_the_figure_in_its_sentence():
    # "دهوك - فر نحو 3000 شخص من قرى سنجار": the reporter files from Duhok, the people fled Sinjar
    places = _places("دهوك - فر نحو 3000 شخص من قرى سنجار خلال الليل", None)
    assert places[("displaced", 3000)] == "sinjar"
    # and a figure with no place of its own does not take the dateline's
    places = _places("بغداد - قالت السلطات إن 40 شخصا قتلوا في الحادث", None)
    assert places[("killed", 40)] is None


def test_a_region_gives_way_to_the_datelines_country():
    # the region named once, the dateline's city in another region: the article is national
    text = ("لاهور - أفادت الهيئة بأن عدد الوفيات بالحمى ارتفع إلى 40 وفاة.\n\n"
            "وتتركز الوفيات في إقليم السند الذي سجل أكثر من نصفها.")
    (k,) = [c for c in extract(Document(id="r1", text=text), load_rules()) if c.kind == "killed"]
    assert k.location == "pakistan" and "location" in k.inferred
    # without a dateline the article is about the region it names
    (k,) = [c for c in extract(Document(id="r2", text=text.split("- ", 1)[1]), load_rules()) if c.kind == "killed"]
    assert k.location == "sindh"


def test_the_whole_country_named_in_the_figures_clause():
    # "في أنحاء البلاد" after a region's figure: the country's toll, not the region's
    places = _places("قتل 40 شخصا في إقليم السند، فيما ارتفع عدد القتلى في أنحاء البلاد إلى 300", None)
    assert places[("killed", 40)] == "sindh" and places[("killed", 300)] == "pakistan"
    # at no place: the one country the article names by its adjective; none named, none guessed
    assert _places("أعلنت وزارة الصحة الإندونيسية أن عدد القتلى في البلاد ارتفع إلى 800 قتيل", None)[
        ("killed", 800)] == "indonesia"
    assert _places("أعلنت الوزارة أن عدد القتلى في البلاد ارتفع إلى 800 قتيل", None)[("killed", 800)] is None


def test_a_speakers_venue_or_a_clock_times_zone_is_no_place_of_the_figures():
    """"رانغون - …" over a national toll whose only other mention of Rangoon is a diplomat's
    venue ("دبلوماسي غربي في رانغون"), and "(مكة المكرمة)" after an update time: neither places
    the figures; a figure placed in its own sentence keeps its place."""
    text = ("آخر تحديث: 06/05/2008 14:20 (مكة المكرمة)\nرانغون - الثلاثاء 6 أيار/مايو 2008\n\n"
            "أعلن التلفزيون الرسمي أن حصيلة الإعصار ارتفعت إلى 22464 قتيلا.\n\n"
            "ونقلت الوكالة عن دبلوماسي غربي في رانغون قوله إن عدد القتلى قد يتجاوز 50 ألفا.\n\n"
            "وفي مدينة بغداد قتل 7 أشخاص في حادث منفصل.")
    got = {c.value: c.location for c in extract(Document(id="a", text=text, date="2008-05-06"))}
    assert got[22464] not in ("yangon", "mecca") and got[50000] not in ("yangon", "mecca")
    assert got[7] == "baghdad"
    venues = gaz().venues(normalize("وقال الوزير في مؤتمر صحفي عقده اليوم في دمشق إن 35 شخصا قتلوا").text)
    assert len(venues) == 1


def test_one_sentence_listing_a_countrys_regions_counts_once_for_it():
    # the story's country named in two sentences; an aside naming another country and two of its
    # regions in one sentence is one sentence of that country, not three mentions beside two
    text = ("ضربت موجة الحر فرنسا وقتلت آلاف المسنين في فرنسا.\n\n"
            "وأعلنت الحكومة أن الحصيلة ارتفعت إلى 9200 وفاة في فرنسا.\n\n"
            "وفي بريطانيا، قدرت السلطات الوفيات في إنكلترا وويلز بنحو 1800.")
    counts, adjectives = gaz().counts_and_adjectives(normalize(text).text)
    assert counts.spread["united_kingdom"] == 1 and counts.spread["france"] >= 2
    assert document_location(gaz(), counts, adjectives) == "france"
    claims = extract(Document(id="hw", text=text, date="2003-08-20"), load_rules())
    (k,) = [c for c in claims if c.kind == "killed" and c.value == 9200]
    assert k.location == "france"
    # near-miss: the other country named in two sentences of its own is as much the story's
    # (two sentences each): a tie of unrelated places, no default, as before
    tied = text + "\n\nوفي بريطانيا أيضا، أغلقت مدارس."
    counts, adjectives = gaz().counts_and_adjectives(normalize(tied).text)
    assert counts.spread["united_kingdom"] == counts.spread["france"]


def test_sentence_spread_leaves_a_region_and_its_country_as_they_were():
    # a city and its country named together ("في قندهار جنوب أفغانستان") still give the country
    # when the country is named on its own too; one sentence each counts by mentions
    text = normalize("فر السجناء من سجن في قندهار في أفغانستان. وقال مدير السجن في قندهار إن 476 فروا.").text
    counts, adjectives = gaz().counts_and_adjectives(text)
    assert counts.spread["kandahar"] == 2 and counts.spread["afghanistan"] == 2
    assert document_location(gaz(), counts, adjectives) == "afghanistan"

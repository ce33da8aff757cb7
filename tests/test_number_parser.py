"""crosscheck.numbers.parser: the corpus in tests/number_corpus, the examples carried by
rules/numbers/ar.yaml, and one group of tests per requirement (clitics, tanween, duals,
fractions, vague intervals, ordinals, dates/years/times/percent/phones, separators, offsets)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.errors import RuleError
from crosscheck.text.normalize import normalize
from crosscheck.numbers.lexicon import build_lexicon, load_lexicon, load_lexicon_file
from crosscheck.numbers.parser import find_numbers, scan

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "number_corpus"
REPO = HERE.parent
COUNT_FORMS = ("cardinal", "vague", "decimal")


def one(text: str):
    ms = find_numbers(text)
    assert len(ms) == 1, f"{text!r}: expected one match, got {[(m.text, m.value, m.form) for m in ms]}"
    return ms[0]


def values(text: str) -> list:
    return [m.value for m in find_numbers(text)]


def counts(text: str) -> list:
    return [(m.text, m.value, m.form) for m in find_numbers(text) if m.is_count]


def _clitic_prefixes() -> set[str]:
    raw = yaml.safe_load((REPO / "rules" / "numbers" / "ar.yaml").read_text(encoding="utf-8"))
    return {""} | set(raw["clitics"]["prefixes"])


PREFIXES = _clitic_prefixes()


def assert_full(text: str, value, form: str = "cardinal", low=None, high=None):
    """One match covering all of `text` except a clitic prefix/article, with this value."""
    m = one(text)
    assert m.end == len(text) and text[: m.start] in PREFIXES, (
        f"{text!r}: span {m.text!r} does not cover the text"
    )
    assert m.value == pytest.approx(value), f"{text!r}: value {m.value} != {value}"
    assert m.form == form, f"{text!r}: form {m.form} != {form}"
    if low is not None:
        assert (m.low, m.high) == (pytest.approx(low), pytest.approx(high)), f"{text!r}: interval"
    else:
        assert m.low == m.high == m.value
    return m


# --------------------------------------------------------------------------- corpus


def _corpus():
    rows = yaml.safe_load((CORPUS / "numbers.yaml").read_text(encoding="utf-8"))
    for row in rows:
        for s in row["spellings"]:
            yield pytest.param(s, row, id=f"{row['value']}:{s}")


@pytest.mark.parametrize("text,row", list(_corpus()))
def test_corpus_spelling_reads_as_one_full_match(text, row):
    assert_full(text, row["value"], row.get("form", "cardinal"), row.get("low"), row.get("high"))


def _negatives():
    data = yaml.safe_load((CORPUS / "negatives.yaml").read_text(encoding="utf-8"))
    for group, texts in data.items():
        for t in texts:
            yield pytest.param(t, id=f"{group}:{t}")


@pytest.mark.parametrize("text", list(_negatives()))
def test_negative_corpus_has_no_count(text):
    assert counts(text) == []


def test_corpus_is_not_trivially_small():
    rows = yaml.safe_load((CORPUS / "numbers.yaml").read_text(encoding="utf-8"))
    assert sum(len(r["spellings"]) for r in rows) >= 300
    neg = yaml.safe_load((CORPUS / "negatives.yaml").read_text(encoding="utf-8"))
    assert sum(len(v) for v in neg.values()) >= 60


# --------------------------------------------------------------------------- rule examples


def _rule_examples():
    lex = load_lexicon()
    for section, ex in lex.examples.items():
        for e in ex.match:
            yield pytest.param("match", e, id=f"{section}:match:{e.text}")
        for t in ex.no_count:
            yield pytest.param("no_count", t, id=f"{section}:no_count:{t}")
        for e in ex.split:
            yield pytest.param("split", e, id=f"{section}:split:{e.text}")


@pytest.mark.parametrize("kind,example", list(_rule_examples()))
def test_rule_file_examples(kind, example):
    if kind == "match":
        m = one(example.text)
        assert m.end == len(example.text)
        if example.surface is not None:
            assert m.text == example.surface
        else:
            assert m.start == 0
        if example.value is not None:
            assert m.value == pytest.approx(example.value)
        if example.low is not None:
            assert (m.low, m.high) == (pytest.approx(example.low), pytest.approx(example.high))
        if example.form is not None:
            assert m.form == example.form
    elif kind == "no_count":
        assert counts(example) == []
    else:
        assert values(example.text) == example.values


def test_every_rule_section_carries_examples():
    lex = load_lexicon()
    for section, ex in lex.examples.items():
        assert ex.match, f"section {section} has no example that must match"
        assert ex.no_count or ex.split, f"section {section} has no example that must not match"


# --------------------------------------------------------------------------- clitics


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("و300", "300", 300),
        ("وثلاثين", "ثلاثين", 30),
        ("بالثلاثة", "ثلاثة", 3),
        ("للعشرة", "عشرة", 10),
        ("والألف", "ألف", 1000),
        ("فالمئة", "مئة", 100),
        ("كالخمسة", "خمسة", 5),
        ("بألفين ومائتين", "ألفين ومائتين", 2200),
        ("والـ20", "20", 20),
        ("الـ٣٠٠", "٣٠٠", 300),
    ],
)
def test_clitic_prefixes_are_outside_the_span(text, surface, value):
    m = one(text)
    assert (m.text, m.value) == (surface, value)
    assert text.endswith(m.text)


def test_a_word_that_is_itself_a_number_keeps_its_first_letter():
    # "واحد" is the unit, not و + أحد; "الف" is a thousand, not ال + ف
    assert one("واحد").text == "واحد"
    assert one("الف").value == 1000 and one("الف").text == "الف"
    assert one("الاف").form == "vague"


def test_words_that_only_look_like_clitic_plus_number_are_not_numbers():
    assert counts("لست أدري") == []
    assert counts("الفلسطينيون في الأستاذية") == []


# --------------------------------------------------------------------------- tanween, duals


@pytest.mark.parametrize("text", ["ثلاثين ألفًا", "ثلاثين ألفاً", "ثلاثين ألفا", "ثلاثين الفا"])
def test_accusative_tanween_after_a_multiplier_is_times_a_thousand(text):
    m = assert_full(text, 30000)
    assert m.text == text  # the tanween mark stays in the span


@pytest.mark.parametrize(
    "text,value",
    [("ألفا", 2000), ("مليونا", 2_000_000), ("مليارا", 2_000_000_000), ("مئتا", 200)],
)
def test_construct_dual_alone_is_two(text, value):
    assert_full(text, value)


@pytest.mark.parametrize(
    "text,value",
    [
        ("مئتان", 200), ("مئتين", 200), ("مئتي", 200), ("مائتا", 200),
        ("ألفان", 2000), ("ألفين", 2000), ("ألفي", 2000),
        ("مليونان", 2_000_000), ("مليونين", 2_000_000), ("ملياران", 2_000_000_000),
        ("مئتا ألف", 200_000), ("مائتي ألف", 200_000),
    ],
)
def test_duals_standalone_and_construct(text, value):
    assert_full(text, value)


def test_a_dual_does_not_take_a_multiplier():
    # "ثلاثة ألفين" is not a number phrase: 3 and 2000 stay apart
    assert values("ثلاثة ألفين") == [3, 2000]


# --------------------------------------------------------------------------- fractions


@pytest.mark.parametrize(
    "text,value,form",
    [
        ("نصف مليون", 500_000, "cardinal"),
        ("مليون ونصف", 1_500_000, "cardinal"),
        ("ربع مليون", 250_000, "cardinal"),
        ("مليون وربع", 1_250_000, "cardinal"),
        ("ثلث مليون", 333_333.3333333333, "decimal"),
        ("نصف", 0.5, "fraction"),
        ("ربع", 0.25, "fraction"),
        ("ثلث", 1 / 3, "fraction"),
        ("ثلثي", 2 / 3, "fraction"),
        ("ثلاثة أرباع", 0.75, "fraction"),
        ("واحد ونصف", 1.5, "decimal"),
    ],
)
def test_fractions(text, value, form):
    assert_full(text, value, form)


def test_a_plural_fraction_needs_a_unit():
    assert find_numbers("أرباع") == []


# --------------------------------------------------------------------------- vague


@pytest.mark.parametrize(
    "text,value,low,high",
    [
        # plural scales alone: the value is the number they name, the interval what they mean
        ("عشرات", 10, 20, 99),
        ("مئات", 100, 200, 999),
        ("آلاف", 1000, 3000, 9999),
        ("الآلاف", 1000, 3000, 9999),
        ("عشرات الآلاف", 10_000, 20_000, 99_000),
        ("مئات الآلاف", 100_000, 200_000, 999_000),
        ("ملايين", 1_000_000, 3_000_000, 9_999_999),
        # anything else vague: the low end
        ("بضعة آلاف", 3000, 3000, 9000),
        ("بضع مئات", 300, 300, 900),
        ("عشرون ونيف", 21, 21, 29),
        ("مئة ونيف", 101, 101, 199),
        ("ألف ونيف", 1001, 1001, 1999),
    ],
)
def test_vague_quantities_are_intervals(text, value, low, high):
    m = assert_full(text, value, "vague", low, high)
    assert m.is_count


def test_vague_plural_value_low_is_a_rule_file_choice():
    raw = yaml.safe_load((REPO / "rules" / "numbers" / "ar.yaml").read_text(encoding="utf-8"))
    raw["vague"]["plural_value"] = "low"
    lex = build_lexicon(raw, "test")
    (m,) = scan(normalize("عشرات الآلاف"), lex)
    assert (m.value, m.low, m.high) == (20_000, 20_000, 99_000)


def test_vague_bounds_come_from_the_rule_file(tmp_path):
    raw = yaml.safe_load((REPO / "rules" / "numbers" / "ar.yaml").read_text(encoding="utf-8"))
    raw["scales"][0]["plural_alone"] = [30, 90]  # عشرات
    lex = build_lexicon(raw, "test")
    assert lex.words[normalize("عشرات").text].low == 30
    assert lex.words[normalize("عشرات").text].high == 90


# --------------------------------------------------------------------------- ordinals


@pytest.mark.parametrize(
    "text,value",
    [
        ("السادسة", 6), ("الثالث", 3), ("الحادي والعشرون", 21), ("الأول", 1), ("الأولى", 1),
        ("الثاني", 2), ("الثانية", 2), ("العاشر", 10), ("الثاني عشر", 12),
    ],
)
def test_ordinals_are_not_counts(text, value):
    m = one(text)
    assert (m.value, m.form, m.is_count) == (value, "ordinal", False)


def test_name_suffix_is_an_ordinal():
    ms = find_numbers("وزير الدفاع لويد جيه أوستن الثالث.")
    assert [(m.text, m.form) for m in ms] == [("ثالث", "ordinal")]


def test_cardinal_with_article_stays_cardinal():
    assert [(m.value, m.form) for m in find_numbers("الأسرى الثلاثة")] == [(3, "cardinal")]
    assert [(m.value, m.form) for m in find_numbers("الخمسة والعشرين")] == [(25, "cardinal")]


# --------------------------------------------------------------------------- not counts


@pytest.mark.parametrize(
    "text,form,surface",
    [
        ("هجوم 7 أكتوبر على", "date", "7 أكتوبر"),
        ("في 7 تشرين الأول/أكتوبر، أو", "date", "7 تشرين الأول/أكتوبر"),
        ("الأربعاء 14 نوفمبر/ تشرين الثاني، لمناقشة", "date", "14 نوفمبر/ تشرين الثاني"),
        ("العسكرية 02 أبريل 2025 منع", "date", "02 أبريل 2025"),
        ("في 02/04/2025 صباحا", "date", "02/04/2025"),
        ("بتاريخ 2025-04-02", "date", "2025-04-02"),
        ("منذ عام 2023", "year", "2023"),
        ("منذ أكتوبر الماضي 2023، التقى", "year", "2023"),
        ("الساعة 03:24 م", "time", "03:24"),
        ("ارتفع 30% أمس", "percent", "30%"),
        ("ارتفع 30 في المئة أمس", "percent", "30 في المئة"),
        ("ارتفع 30 بالمئة أمس", "percent", "30 بالمئة"),
        ("اتصل على +966 55 123 4567 الآن", "phone", "+966 55 123 4567"),
        ("اتصل على 0599123456 الآن", "phone", "0599123456"),
    ],
)
def test_dates_years_times_percent_phones(text, form, surface):
    m = one(text)
    assert (m.form, m.text, m.is_count) == (form, surface, False)


@pytest.mark.parametrize("text", ["يوم الاثنين", "الأحد", "يوم الأحد الماضي", "والاثنين"])
def test_weekdays_are_not_numbers(text):
    assert find_numbers(text) == []


def test_a_bracketed_year_is_a_year():
    assert [(m.value, m.form) for m in find_numbers("القرار 2334 (2016)")] == [
        (2334, "cardinal"),
        (2016, "year"),
    ]


def test_a_year_list_stays_years():
    assert [m.form for m in find_numbers("عامي 2023 و2024")] == ["year", "year"]


def test_four_digit_count_without_a_cue_is_a_count():
    assert [(m.value, m.form) for m in find_numbers("القرار رقم 2728 نص")] == [(2728, "cardinal")]
    assert [(m.value, m.form) for m in find_numbers("أكثر من 2000 شخص")] == [(2000, "cardinal")]


# --------------------------------------------------------------------------- separators


@pytest.mark.parametrize(
    "text,value,form",
    [
        ("72,063", 72063, "cardinal"),
        ("٣٠٬٠٠٠", 30000, "cardinal"),
        ("12.345 شهيدًا", 12345, "cardinal"),
        ("1.500 شخص", 1500, "cardinal"),
        ("1.5 مليون", 1_500_000, "cardinal"),
        ("1.500 مليون", 1_500_000, "cardinal"),
        ("2.5", 2.5, "decimal"),
        ("١٫٥", 1.5, "decimal"),
        ("١٫٥٠٠", 1.5, "decimal"),
        (".77", 0.77, "decimal"),
        ("01.10", 1.1, "decimal"),
        ("-1200000", -1200000, "cardinal"),
        ("1 فاصلة 1", 1.1, "decimal"),
        ("واحد فاصلة واحد", 1.1, "decimal"),
        ("٧٧/١٠٠", 0.77, "fraction"),
        ("١١/١٠", 1.1, "fraction"),
        ("1,234.5", 1234.5, "decimal"),
        ("١٢٬٣٤٥٫٦", 12345.6, "decimal"),
        ("0,08", 0.08, "decimal"),
    ],
)
def test_separators(text, value, form):
    m = find_numbers(text)[0]
    assert (m.value, m.form) == (pytest.approx(value), form)


def test_a_dash_between_numbers_is_not_a_minus():
    assert values("2020-2021") == [2020, 2021]
    assert values("بين 100 -200") == [100, 200]


def test_an_arabic_comma_between_numbers_separates_a_list():
    assert values("٣، ٤، ٥") == [3, 4, 5]
    assert values("3،4") == [3, 4]


def test_dotted_groups_that_are_not_thousands_are_separate_numbers():
    assert values("192.168.1.2") == [192, 168, 1, 2]


# --------------------------------------------------------------------------- joining


@pytest.mark.parametrize(
    "text,vals",
    [
        ("بين 100 و300", [100, 300]),
        ("100 و300", [100, 300]),
        ("ثلاثمائة و مائتين", [300, 200]),
        ("ألف و1500", [1000, 1500]),
        ("ثلاثة وثلاثين", [33]),  # unit before tens: one number
        ("مئة وواحد وسبعين", [171]),
        ("مائة و واحد و سبعون", [171]),  # detached و
        ("40 ألفًا و435", [40435]),
        ("3 أطفال و5 نساء", [3, 5]),
        ("ثلاثة آلاف وأربعة آلاف", [3000, 4000]),
        ("30 ألف و40 ألف", [30000, 40000]),
        ("مليون و200 مليون", [1_000_000, 200_000_000]),
        ("ألف وألف", [1000, 1000]),
        ("عشرة وعشرين", [10, 20]),
        ("قتل 5\nو3 جرحى", [5, 3]),  # never across a line break
    ],
)
def test_joining_with_waw_only_when_the_second_part_is_smaller(text, vals):
    assert values(text) == vals


def test_matches_are_sorted_and_do_not_overlap():
    text = (REPO / "fixtures" / "000_4818196588b4c122.txt").read_text(encoding="utf-8")
    ms = find_numbers(text)
    assert ms == sorted(ms, key=lambda m: m.start)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


# --------------------------------------------------------------------------- offsets


def _fixture_texts():
    fx = REPO / "fixtures"
    return [p.read_text(encoding="utf-8") for p in sorted(fx.glob("*.txt"))]


@pytest.mark.parametrize("idx", range(5))
def test_offsets_point_into_the_original_text(idx):
    texts = _fixture_texts()
    if idx >= len(texts):
        pytest.skip("fixture missing")
    text = texts[idx]
    norm = normalize(text)
    ms = find_numbers(text)
    assert ms, "every seed article has numbers"
    for m in ms:
        assert text[m.start : m.end] == m.text
        assert norm.text[m.nstart : m.nend].strip() != ""
        assert norm.span(m.nstart, m.nend) == (m.start, m.end)


def test_scan_on_normalised_text_equals_find_numbers():
    text = _fixture_texts()[0]
    assert scan(normalize(text)) == find_numbers(text)


def test_offsets_survive_tashkeel_tatweel_ligatures_and_bidi_marks():
    text = "\u200fقُتِلَ ثَلاثَةٌ وَثَلاثُونَ أَلْفًا و\u0640\u0640٤٠٠ \ufefb\ufeff و٧\u200e٠ شخصاً"
    ms = find_numbers(text)
    assert [m.value for m in ms] == [33400, 70]
    for m in ms:
        assert text[m.start : m.end] == m.text


FRAGMENTS = [
    "ثلاثة وثلاثين ألف", "مئة وواحد وسبعين", "7 أكتوبر", "عام 2023", "30%", "مليون ونصف",
    "عشرات الآلاف", "الثالث", "٣٠٬٠٠٠", "12.345", "شهيد", "و", "ال", "،", " ", "\n", "ـ",
    "\u064b", "\u0651", "\u200f", "جريح", "ألفًا", "بضعة", "-", "٫", "/", ":", "ﻻ", "الاثنين",
]


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=14))
def test_offsets_hold_for_any_mix_of_fragments(parts):
    text = " ".join(parts)
    ms = find_numbers(text)
    for m in ms:
        assert text[m.start : m.end] == m.text
        if m.form == "vague":  # the number the words name, at most the low end ("عشرات": 10, [20, 99])
            assert m.value <= m.low <= m.high
        else:
            assert m.low <= m.value <= m.high
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


# --------------------------------------------------------------------------- the rule file


def test_lexicon_is_loaded_once():
    assert load_lexicon() is load_lexicon()


def test_bad_yaml_names_the_file(tmp_path):
    p = tmp_path / "ar.yaml"
    p.write_text("units: [\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"ar\.yaml.*not valid YAML"):
        load_lexicon_file(p)


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(RuleError, match=r"nope\.yaml: cannot read"):
        load_lexicon_file(tmp_path / "nope.yaml")


def test_a_misspelt_key_is_an_error():
    raw = yaml.safe_load((REPO / "rules" / "numbers" / "ar.yaml").read_text(encoding="utf-8"))
    raw["unitz"] = raw.pop("units")
    with pytest.raises(RuleError, match=r"test: (units|unitz)"):
        build_lexicon(raw, "test")


def test_a_word_with_two_meanings_is_an_error():
    raw = yaml.safe_load((REPO / "rules" / "numbers" / "ar.yaml").read_text(encoding="utf-8"))
    raw["tens"][20].append("ثلاثة")  # already the unit 3
    with pytest.raises(RuleError, match=r"'ثلاثة' is already listed as unit"):
        build_lexicon(raw, "test")


def test_a_bad_fraction_value_is_an_error():
    raw = yaml.safe_load((REPO / "rules" / "numbers" / "ar.yaml").read_text(encoding="utf-8"))
    raw["fractions"][0]["value"] = "half"
    with pytest.raises(RuleError, match="fractions: value 'half'"):
        build_lexicon(raw, "test")


def test_words_come_from_the_rule_file():
    raw = yaml.safe_load((REPO / "rules" / "numbers" / "ar.yaml").read_text(encoding="utf-8"))
    raw["units"][3].append("تلاتة")  # a dialect spelling added as data only
    lex = build_lexicon(raw, "test")
    assert lex.words["تلاته"].value == 3
    assert lex.word_re.fullmatch("وتلاته")


def test_a_definite_fraction_must_be_a_unit_word():
    raw = yaml.safe_load((REPO / "rules" / "numbers" / "ar.yaml").read_text(encoding="utf-8"))
    raw["fraction_before_definite"]["1/8"] = ["ثمن"]  # not listed under units
    with pytest.raises(RuleError, match="fraction_before_definite: 'ثمن' must be a word listed under units"):
        build_lexicon(raw, "test")


@pytest.mark.parametrize(
    "text,value,form",
    [("خمس السكان", 0.2, "fraction"), ("خمس سنوات", 5, "cardinal"), ("الخامس عشر الماضي", 15, "ordinal")],
)
def test_unit_or_fraction_by_the_noun_after_it(text, value, form):
    m = find_numbers(text)[0]
    assert (m.value, m.form) == (pytest.approx(value), form)


def test_digits_in_brackets_join_their_scale_word_and_the_part_after_it():
    m = one("وبلغت الحصيلة (43) ألفًا و(512) قتيلًا")
    assert m.value == 43512
    assert m.text == "43) ألفًا و(512"  # offsets index the text: the digits, brackets between
    # brackets around a figure with no scale word after it change nothing
    assert values("(12) قتيلا و(30) جريحا") == [12, 30]
    # a closing bracket with no opening one is no bracketed figure
    assert values("البند 4) ألف") != [4000]


def test_a_month_s_other_name_in_brackets_is_part_of_the_date():
    """The Asharq style names the month twice, the second in brackets: "16 أكتوبر (تشرين الأول)
    2017" is one date, and "مايو (أيار) 2006" a month and its year (no count of 2006)."""
    assert [(m.form, m.text) for m in find_numbers("بيروت 16 أكتوبر (تشرين الأول) 2017 قتل")] == [
        ("date", "16 أكتوبر (تشرين الأول) 2017")
    ]
    assert [(m.value, m.form) for m in find_numbers("الصادر في مايو (أيار) 2006 قد صدر بأغلبية 13 صوتا")] == [
        (2006, "year"),
        (13, "cardinal"),
    ]


def test_four_digits_after_a_date_outside_the_years_are_a_count():
    """"يوم الأربعاء 18 آب/أغسطس 2189 قتيلا": no year 2189 (rules year_range, hijri_year_range);
    the date ends at the month and 2189 is the toll."""
    found = [(m.value, m.form, m.text) for m in find_numbers("وكانت الحصيلة يوم الأربعاء 18 آب/أغسطس 2189 قتيلا")]
    assert found == [(18, "date", "18 آب/أغسطس"), (2189, "cardinal", "2189")]
    assert [m.form for m in find_numbers("في 18 آب/أغسطس 2021 قتل")] == ["date"]

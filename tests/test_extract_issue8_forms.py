"""Forms found in set Q and P (issue 8), in sentences written for these tests."""

from crosscheck.extract.extractor import extract
from crosscheck.extract.extractor import extract_text
from crosscheck.models import Document


def _kv(text):
    return [(c.kind, c.value) for c in extract_text(text) if c.kind != "other"]


def test_digits_written_onto_a_latin_name_are_its_code_not_a_count():
    got = _kv("صوتت 11 دولة ضد القرار بشأن تحطم طائرة MH17 وإسقاط المقاتلة F16")
    assert ("votes_against", 11) in got
    assert not [v for k, v in got if v in (17, 16)]


def test_a_text_adopted_with_so_many_votes_and_those_for_it_counted():
    assert ("votes_for", 104) in _kv("بعد أن كانت اللجنة الثالثة قد أقرت المشروع في أكتوبر بـ104 أصوات")
    got = _kv("وبذلك تراجع عدد المؤيدين من 112 في اللجنة إلى 95 في الجلسة العامة")
    assert ("votes_for", 112) in got and ("votes_for", 95) in got
    # a change by so many is no tally
    assert not _kv("أي أن عدد المؤيدين ارتفع بـ33 دولة في أقل من شهرين")


def test_a_court_bench_votes_by_judges():
    got = _kv("وأصدرت المحكمة رأيها الاستشاري بأغلبية 13 قاضيا مقابل قاض واحد")
    assert ("votes_for", 13) in got and ("votes_against", 1) in got


def test_binha_after_a_figure_is_no_counted_noun():
    got = _kv("صوتت لصالح القرار 90 دولة، وعارضته 19 بينها كندا وأستراليا، في حين امتنعت 40 دولة")
    assert ("votes_against", 19) in got


def test_a_headline_figure_the_body_reads_as_no_count_is_none():
    # the ship's name in quotes in the body ("العبارة \"النجمة 95\""): the headline's 95 is no toll
    d = Document(id="t", title="غرق العبارة النجمة 95 وانتشال 120 جثة",
                 text='انتشلت فرق الإنقاذ 120 جثة من ركاب العبارة "النجمة 95" التي غرقت ليل الخميس.')
    values = [(c.kind, c.value) for c in extract(d) if c.kind != "other"]
    assert ("killed", 120) in values
    assert not [v for k, v in values if v == 95]

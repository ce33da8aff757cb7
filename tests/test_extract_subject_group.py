"""A group named in the subject before a figure ("عدد قتلى رجال الإطفاء … 92") is the claim's
group (issue 8); a group noun of another figure's clause is not.  Own sentences."""

from crosscheck.extract.extractor import extract_text


def _group(text, value):
    got = [c.group for c in extract_text(text) if c.kind != "other" and c.value == value]
    assert got, f"no claim of {value}"
    return got[0]


def test_kind_noun_then_group_in_the_subject():
    assert _group("وارتفع عدد قتلى رجال الإطفاء إلى 47 بعد انهيار المبنى.", 47) == "firefighters"
    assert _group("بلغ عدد القتلى المدنيين 63 منذ مطلع الشهر.", 63) == "civilians"
    assert _group("وارتفع عدد الضحايا من الأطفال إلى 28.", 28) == "children"
    assert _group("وبلغ عدد القتلى في صفوف المدنيين 71.", 71) == "civilians"


def test_group_then_relative_clause_in_the_subject():
    assert _group("وبلغ عدد الأطفال الذين قتلوا في القصف 215 طفلا.", 215) == "children"
    assert _group("وقالت المنظمة إن عدد الصحفيين الذين قتلوا منذ بداية الحرب بلغ 36.", 36) == "journalists"


def test_a_group_of_another_clause_misses():
    assert _group("قتل 12 طفلا في الغارة، وارتفع عدد القتلى إلى 340.", 340) == "all"
    assert _group("وارتفع عدد القتلى إلى 520 بينهم 90 طفلا.", 520) == "all"
    assert _group("وقتل 8 جنود بينما ارتفع عدد القتلى إلى 160.", 160) == "all"


def test_an_earlier_account_of_the_same_count_keeps_its_group():
    text = "ووثقت المنظمة مقتل 48 طفلا، بعد أن تحدثت مصادر محلية عن 90 قتيلا"
    assert _group(text, 90) == "children"
    # no group named before: the toll's own
    assert _group("ووثقت المنظمة مقتل 48 شخصا، بعد أن تحدثت مصادر محلية عن 90 قتيلا", 90) == "all"
    # another kind before: not its account
    assert _group("ووثقت المنظمة إصابة 48 طفلا، بعد أن تحدثت مصادر محلية عن 90 قتيلا", 90) == "all"

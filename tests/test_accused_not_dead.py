"""The accused are no toll (rules/kinds/killed.yaml exclude_before / exclude): a charge of killing
brought against people ("وجهت إلى خمسة رجال تهما تتعلق بالقتل", "اتهمت الشرطة 7 أشخاص بقتل الصحفي")
names those charged.  The dead of the same sentences, and people killed by those accused ("اتهم
الجيش المتمردين بقتل 40 مدنيا"), stay a toll."""

import pytest

from crosscheck.extract.extractor import extract_text


def _killed(text: str) -> list[float]:
    return [c.value for c in extract_text(text) if c.kind == "killed"]


@pytest.mark.parametrize("text", [
    "وقال محامون إن السلطات وجهت إلى ستة بحارة تهما تتعلق بالتهريب والقتل الخطأ",
    "واتهمت الشرطة خمسة أشخاص بقتل الناشط أمام منزله",
])
def test_no_toll(text):
    assert _killed(text) == []


@pytest.mark.parametrize("text,value", [
    ("واتهم الجيش المتمردين بقتل 40 مدنيا في القرية", 40),
    ("وقتل 16 شخصا في الهجوم الذي وجهت النيابة تهمته إلى الجماعة", 16),
])
def test_toll_kept(text, value):
    assert _killed(text) == [value]

"""A dual right after a dual noun is its adjective: "جنديان تركيان" counts two soldiers once.

Nationality duals count two people on their own ("بينهم سوريان", rules/scope.yaml `duals`); one
agreeing with a dual noun before it names the same two (crosscheck.extract.extractor._duals).
"""

from pathlib import Path

from crosscheck.extract.extractor import extract_text


def _twos(text):
    return [c for c in extract_text(text) if c.value == 2]


def test_nationality_dual_after_a_dual_noun_is_its_adjective():
    twos = _twos("وقتل جنديان تركيان في قصف استهدف نقطة المراقبة")
    assert [(c.kind, c.surface) for c in twos] == [("killed", "جنديان")]


def test_dual_adjective_in_a_development_article():
    # (set S, a study set: in the whole article the adjective was read as a second count of
    # two Turkish nationals beside the two soldiers; a short sentence merges them anyway)
    path = next(Path(__file__).parent.glob("reconcile_blind_s/s08_*/05_*.txt"))
    twos = [c for c in extract_text(path.read_text(encoding="utf-8")) if c.value == 2]
    assert "تركيان" in path.read_text(encoding="utf-8")
    assert [c.surface for c in twos if c.kind == "killed"] == ["جنديان"]


def test_nationality_dual_alone_counts_two():
    twos = _twos("وأفرجت السلطات عن 14 معتقلا عربيا، بينهم سوريان، في إطار الصفقة")
    assert [c.surface for c in twos] == ["سوريان"]
    assert twos[0].kind == "prisoners_released"


def test_dual_joined_by_waw_is_another_two():
    claims = extract_text("وأصيب طفلان وجنديان في الانفجار")
    assert sorted(c.surface for c in claims if c.value == 2) == ["طفلان", "وجنديان"]

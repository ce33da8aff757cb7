"""The gold-file format the dev-set tests check (that of ../shared/seeds/gold.jsonl)."""

from crosscheck.evaluate import SCORED_KINDS

KINDS = SCORED_KINDS  # the kinds a gold line may name
QUALIFIERS = {"exact", "approx", "more_than", "at_least", "less_than", "at_most", "vague"}
GOLD_FIELDS = ["doc", "kind", "value", "qualifier", "group", "location", "period", "surface", "note"]


def check_gold_line(g: dict, texts: dict[str, str]) -> None:
    """One gold line: the seed format's fields in order, a scored kind and a known qualifier, a
    non-negative number, and a surface that really is in its article."""
    where = f"{g['doc']} {g['kind']} {g['value']}"
    assert list(g) == GOLD_FIELDS, where
    assert g["kind"] in KINDS and g["qualifier"] in QUALIFIERS, where
    assert isinstance(g["value"], (int, float)) and g["value"] >= 0, where
    assert g["surface"] in texts[g["doc"]], f"{where}: surface not in the article"

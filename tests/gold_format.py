"""The gold-file format the dev-set tests check (that of ../shared/seeds/gold.jsonl)."""

from crosscheck.evaluate import SCORED_KINDS

KINDS = SCORED_KINDS  # the kinds a gold line may name
QUALIFIERS = {"exact", "approx", "more_than", "at_least", "less_than", "at_most", "vague"}
GOLD_FIELDS = ["doc", "kind", "value", "qualifier", "group", "location", "period", "surface", "note"]

"""crosscheck.extract.claim_copy.updated: model_copy(update=...) of a claim, its fields-set
record shared between copies (no ~400-byte set per copy of a dense article's claims)."""

from __future__ import annotations

from crosscheck.extract.claim_copy import updated
from crosscheck.extract.extractor import extract_text


def test_an_updated_claim_is_model_copy_with_a_shared_fields_record():
    claims = extract_text("قتل 12 شخصا في غزة وأصيب 40 آخرون بحسب وزارة الصحة. ونزح 300 شخص.")
    assert len(claims) >= 3
    update = {"incident": "cholera", "period": "cumulative"}
    copies = []
    for c in claims:
        want = c.model_copy(update=update)
        got = updated(c, update)
        assert got.model_dump() == want.model_dump()
        assert list(got.__dict__) == list(want.__dict__)  # (field order: the dump's order)
        assert got.__pydantic_fields_set__ == want.__pydantic_fields_set__
        assert got.__pydantic_extra__ is None and got.__pydantic_private__ is None
        assert c.incident is None and c.model_dump() != got.model_dump()  # the original untouched
        copies.append(got)
    # copies of claims sharing a record share one (the extractor's claims share theirs)
    assert len({id(x.__pydantic_fields_set__) for x in copies}) < len(copies)
    assert len({id(x.__dict__) for x in copies}) == len(copies)

"""assign_incidents writes a toll's incident into the extractor's own claim instead of copying
it (issue 11: a dense article's ten thousand tolls were held twice, originals and copies, at the
peak of its extraction): the same claims as copying, and no claim record made by the stage,
counted (no timing)."""

from __future__ import annotations

import random

from crosscheck.extract import extractor, incidents
from crosscheck.models import Document
from counting_support import count_calls

_PARTS = ["وقتل نحو {} شخصا في غزة", "وأصيب {} طفلا في حلب،", "وسقط {} قتيلا في درنة", "ونزح {} شخصا في رفح،"]


def _texts() -> list[tuple[str, str | None]]:
    rng = random.Random(24)
    dense = " ".join(rng.choice(_PARTS).format(rng.randint(11, 9999)) for _ in range(400))
    return [
        ("تفشي الكوليرا في المخيمات. " + dense, None),  # every toll takes the document's epidemic
        (dense, "زلزال يضرب المنطقة"),  # the title names it
        # a fire is over in hours: its toll "in the fire" becomes its running total (period too)
        ("لقي 12 شخصا حتفهم أمس في حريق بمصنع في القاهرة، وأصيب 30 آخرون. وقتل 3 في زلزال.", None),
        ("ارتفع عدد قتلى الزلزال في إيران إلى 430 شخصا. وقتل 5 في حريق، ونزح 200 بسبب الفيضانات.", None),
        (dense, None),  # none named
    ]


def _extract(text: str, title: str | None):
    return extractor.extract(Document(id="d", text=text, title=title))


def test_incidents_in_place_are_the_copies_claims(monkeypatch):
    named = set()
    for text, title in _texts():
        fast = [(c.model_dump(), c.model_fields_set) for c in _extract(text, title)]
        monkeypatch.setattr(incidents, "_IN_PLACE", False)
        plain = [(c.model_dump(), c.model_fields_set) for c in _extract(text, title)]
        monkeypatch.setattr(incidents, "_IN_PLACE", True)
        assert fast == plain
        named |= {d["incident"] for d, _ in fast}
    assert {"cholera", "quake", "fire", None} <= named, named


def test_incidents_make_no_claim_record(monkeypatch):
    """Counted: the claim records `updated` makes while incidents are assigned (0 in place; one per
    toll named an incident when copied), and the claims returned are the ones given."""
    made = count_calls(monkeypatch, incidents, "updated")
    given: list = []
    real_assign = incidents.assign_incidents

    def spying(ctx, claims):
        given[:] = claims
        return real_assign(ctx, claims)

    monkeypatch.setattr(extractor, "assign_incidents", spying)
    text, _ = _texts()[0]
    out = _extract(text, None)
    with_incident = sum(1 for c in out if c.incident)
    assert with_incident > 100
    assert made[0] == 0
    assert all(a is b for a, b in zip(out, given)) and len(out) == len(given)
    monkeypatch.setattr(incidents, "_IN_PLACE", False)
    made[0] = 0
    _extract(text, None)
    assert made[0] == with_incident  # (the counter sees the copies: the test can fail)

"""store.judged._kept_signatures: the vote unit's signatures kept for a check, with rows passed
over unparsed by their text, are those that parsing every row keeps (same rows, same order, same
fuzzy names), on random signature tables."""

import json
import random

from crosscheck.store.judged import _kept_signatures

ATTRS = ["group", "location", "period", "event", "actor", "incident"]
EV = 3
FUZZY = [0, 1]
EVENTS = ["vote:body=sc;res=2001", "vote:body=sc;res=2002", "vote:body=sc;res=2002;k=2", "vote:body=ga;res=10",
          'vote:"quoted";res=7', "تصويت:مجلس", "vote:body=sc;res=20011", None]
NAMES = [None, None, None, "غزة", "gaza", "all", "children", "خان يونس"]
BLOCKS = [("votes_for", None, "event", "vote", None, None), ("abstentions", None, "event", "vote", None, None),
          ("votes_against", None, "event", "vote", None, None), ("votes_for", "x", "event", "vote", None, None)]


def _sig(block, values) -> str:
    return json.dumps([list(block), values], ensure_ascii=False, separators=(",", ":"))


def _table(rng: random.Random) -> list:
    rows = set()
    for _ in range(rng.randint(0, 60)):
        values = [rng.choice(NAMES), rng.choice(NAMES), rng.choice([None, "event"]), rng.choice(EVENTS),
                  rng.choice([None, "x"]), None]
        rows.add((_sig(rng.choice(BLOCKS), values), rng.choice(['["k"]', '["j"]'])))
    return sorted(rows)  # the primary key's order


def test_quick_choice_equals_parsing_every_row():
    rng = random.Random(11)
    kept_rows = skipped = 0
    for _ in range(3000):
        rows = _table(rng)
        blocks = set(rng.sample(BLOCKS, rng.randint(1, 3)))
        events = set(rng.sample(EVENTS, rng.randint(1, 3)))
        remap = {o: rng.choice(EVENTS[:-1]) for o in rng.sample(EVENTS[:-1], rng.randint(0, 3))}
        quick = _kept_signatures(rows, blocks, events, remap, EV, FUZZY)
        plain = _kept_signatures(rows, blocks, events, remap, EV, FUZZY, quick=False)
        assert quick[0] == plain[0]
        assert dict(quick[1]) == dict(plain[1])
        kept_rows += len(plain[0])
        skipped += len(rows) - len(plain[0])
    assert kept_rows > 1000 and skipped > 1000  # both answers common


def test_fuzzy_not_leading_parses_every_row():
    # fuzzy attributes that do not lead the values: no text shortcut, the same choice
    rows = [(_sig(BLOCKS[0], [None, None, None, "vote:body=sc;res=2001", "غزة", None]), '["k"]')]
    got = _kept_signatures(rows, {BLOCKS[0]}, {"vote:body=sc;res=9"}, {}, EV, [4])
    assert got[0] == rows and dict(got[1]) == {(BLOCKS[0], 4): {"غزة"}}

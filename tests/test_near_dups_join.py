"""near_dups.join_new: the groups of new documents joined to a grouped record, from the band
buckets of their signatures only, are those of grouping the record and them together; when a
new document would change a stored group it says so (GroupsChange)."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from crosscheck.reconcile.near_dups import (
    GroupsChange, band_keys, comparable_text, fingerprint_comparable, group_near_duplicates, join_new,
)
from crosscheck.reconcile.settings import NearDuplicateConfig

WORDS = ("قال وزير الصحة إن عدد الضحايا ارتفع في المدينة بعد القصف الليلي على الأحياء الشرقية "
         "وأكد مسؤول محلي أن فرق الإنقاذ ما زالت تبحث تحت الأنقاض فيما نزح آلاف السكان نحو الجنوب "
         "وأعلنت المنظمة الدولية عن إرسال مساعدات عاجلة تشمل أدوية وخياما ومياه شرب").split()


def _corpus(rng: random.Random, n: int) -> dict[str, str]:
    """Articles and lightly edited copies of some of them (a word changed, dropped or added)."""
    out: dict[str, str] = {}
    bases: list[list[str]] = []
    for i in range(n):
        if bases and rng.random() < 0.5:
            words = list(rng.choice(bases))
            for _ in range(rng.randint(0, 6) if words else 0):
                j = rng.randrange(len(words))
                what = rng.random()
                if what < 0.4:
                    words[j] = rng.choice(WORDS)
                elif what < 0.7:
                    del words[j]
                else:
                    words.insert(j, rng.choice(WORDS))
            if rng.random() < 0.1:
                words = words[: len(words) // 2]  # a short copy: lengths too far apart
        else:
            empty = rng.random() < 0.05  # no words at all: no signature to compare
            words = [] if empty else [rng.choice(WORDS) for _ in range(rng.randint(30, 90))]
            bases.append(words)
        out[f"d{rng.randrange(10_000):04d}-{i}"] = " ".join(words)
    return out


def _items(texts: dict[str, str], cfg):
    return [(d, *fingerprint_comparable(comparable_text(t), cfg)) for d, t in sorted(texts.items())]


def _join(stored: dict[str, str], new: dict[str, str], cfg):
    stored_items = _items(stored, cfg)
    text_of = {**stored, **new}
    comparable = lambda d: comparable_text(text_of[d])  # noqa: E731
    before = group_near_duplicates(stored_items, comparable, cfg)
    buckets: dict[bytes, list] = defaultdict(list)
    for d, sig, length in stored_items:
        if length:
            for band in band_keys(sig):
                buckets[band].append((d, sig, length))
    asked: list[bytes] = []

    def bucket(band: bytes) -> list:
        asked.append(band)
        return buckets.get(band, [])

    try:
        joined = join_new(_items(new, cfg), bucket, before.group_of.__getitem__, comparable, cfg)
    except GroupsChange:
        joined = None
    after = group_near_duplicates(stored_items + _items(new, cfg), comparable, cfg)
    return before, joined, after, asked


@pytest.mark.parametrize("max_bucket", [3, 50])
def test_joined_groups_are_those_of_grouping_everything(max_bucket):
    cfg = NearDuplicateConfig(max_bucket=max_bucket)
    rng = random.Random(max_bucket)
    answered = changed = 0
    for _ in range(120):
        texts = _corpus(rng, rng.randint(2, 24))
        ids = sorted(texts)
        rng.shuffle(ids)
        cut = max(1, len(ids) - rng.randint(1, 2))
        stored = {d: texts[d] for d in ids[:cut]}
        new = {d: texts[d] for d in ids[cut:]}
        before, joined, after, asked = _join(stored, new, cfg)
        stored_same = all(after.group_of[d] == before.group_of[d] for d in stored)
        if joined is None:
            continue
        answered += 1
        # answered: every stored group is unchanged, and the new documents' groups are the full run's
        assert stored_same
        assert joined.group_of == {d: after.group_of[d] for d in new}
        assert len(asked) <= 8 * len(new)  # the new signatures' bands only
        changed += any(after.group_of[d] != d for d in new)
    assert answered >= 60
    assert changed >= 10  # new copies joining stored groups were answered, not only lone articles


def test_a_new_copy_linking_two_stored_groups_is_a_change():
    cfg = NearDuplicateConfig()
    rng = random.Random(5)
    base = [rng.choice(WORDS) for _ in range(60)]
    left = base[:45] + [rng.choice(WORDS) for _ in range(15)]
    right = [rng.choice(WORDS) for _ in range(15)] + base[15:]
    stored = {"a-left": " ".join(left), "b-right": " ".join(right)}
    before, joined, after, _asked = _join(stored, {"c-middle": " ".join(base)}, cfg)
    assert before.group_of["a-left"] != before.group_of["b-right"]
    if after.group_of["a-left"] == after.group_of["b-right"]:
        assert joined is None
    else:
        assert joined is not None


def test_a_new_copy_taking_a_group_id_is_a_change():
    cfg = NearDuplicateConfig()
    text = " ".join(random.Random(9).choice(WORDS) for _ in range(60))
    stored = {"m-one": text, "n-two": text + " وأكد"}
    before, joined, after, _asked = _join(stored, {"a-first": text + " قال"}, cfg)
    assert before.group_of["n-two"] == "m-one" and after.group_of["n-two"] == "a-first"
    assert joined is None
    _b, joined, after, _asked = _join(stored, {"z-last": text + " قال"}, cfg)
    assert joined is not None and joined.group_of == {"z-last": "m-one"} == {"z-last": after.group_of["z-last"]}


def test_a_new_first_copy_of_identical_stored_copies_is_a_change():
    """Copies with one signature are each confirmed against the smallest id: a new document
    with a smaller id would be confirmed against instead of a stored one."""
    cfg = NearDuplicateConfig()
    text = " ".join(random.Random(11).choice(WORDS) for _ in range(50))
    _b, joined, _after, _asked = _join({"m-one": text, "n-two": text}, {"a-first": text}, cfg)
    assert joined is None
    _b, joined, after, _asked = _join({"m-one": text}, {"a-first": text}, cfg)
    assert joined is None and after.group_of["m-one"] == "a-first"  # it takes the group's id
    _b, joined, after, _asked = _join({"m-one": text, "n-two": text}, {"z-last": text}, cfg)
    assert joined is not None and joined.group_of == {"z-last": "m-one"}

"""Near-duplicate detection: wire copies become one source group, cheaply."""

from __future__ import annotations

import random

from crosscheck.models import Document
from crosscheck.reconcile.sources import comparable_text, sketch, source_groups
from crosscheck.reconcile.settings import default_config

WIRE = (
    "أعلنت وزارة الصحة في قطاع غزة اليوم الأحد ارتفاع حصيلة القتلى منذ بداية الحرب إلى "
    "اثنين وثلاثين ألفا وأربعمئة شخص، وقالت إن آلاف المصابين ما زالوا تحت الأنقاض وإن "
    "المستشفيات في الشمال خرجت عن الخدمة بسبب نفاد الوقود والأدوية بحسب البيان الرسمي."
)


def d(i, text):
    return Document(id=i, text=text)


def test_wire_copy_with_small_edits_joins_the_original():
    copy = "(رويترز) - " + WIRE.replace("اليوم الأحد", "الأحد").replace("،", ",")
    other = ("صوت مجلس الأمن الدولي على مشروع قرار يطالب بوقف فوري لإطلاق النار في غزة "
             "خلال شهر رمضان وامتنعت الولايات المتحدة عن التصويت بينما أيده أربعة عشر عضوا.")
    groups = source_groups([d("b", copy), d("a", WIRE), d("c", other)])
    assert groups.group("a") == groups.group("b") == "a"  # the smallest id names the group
    assert groups.group("c") == "c"
    assert groups.members()["a"] == ["a", "b"]


def test_tashkeel_and_digit_forms_do_not_hide_a_copy():
    assert comparable_text("قُتِلَ ٣٠ شخصاً،") == comparable_text("قتل 30 شخصا")
    groups = source_groups([d("x", WIRE), d("y", WIRE.replace("غزة", "غزَّة"))])
    assert groups.group("y") == "x"


def test_unknown_document_is_its_own_group():
    assert source_groups([]).group("nowhere") == "nowhere"


def test_group_ids_do_not_depend_on_document_order():
    docs = [d("a", WIRE), d("b", WIRE + " انتهى"), d("c", "نص آخر لا علاقة له " * 10)]
    first = source_groups(docs).group_of
    assert source_groups(list(reversed(docs))).group_of == first


def test_sketches_are_stable_and_small():
    cfg = default_config().near_duplicate
    words = comparable_text(WIRE).split()
    s = sketch(words, cfg)
    assert s == sketch(words, cfg) and len(s) == cfg.sketch_size
    assert sketch([], cfg) == []


def _corpus(n, seed=3):
    rnd = random.Random(seed)
    vocab = [f"كلمة{i}" for i in range(5000)]
    docs = []
    for i in range(n):
        docs.append(d(f"doc{i:05d}", " ".join(rnd.choice(vocab) for _ in range(120))))
    # every 50th article is re-published with a tail added
    for i in range(0, n, 50):
        docs.append(d(f"copy{i:05d}", docs[i].text + " المصدر وكالات"))
    return docs


def test_pair_checks_stay_near_linear_and_copies_are_found():
    docs = _corpus(2000)
    groups = source_groups(docs)
    n = len(docs)
    assert groups.pair_checks <= 2 * n  # all-pairs would be n*(n-1)/2 = ~2 million
    for i in range(0, 2000, 50):
        assert groups.group(f"copy{i:05d}") == groups.group(f"doc{i:05d}")
    independent = {groups.group(f"doc{i:05d}") for i in range(2000)}
    assert len(independent) == 2000

"""Inputs for the fuzz campaign (tests/test_fuzz.py, tools/fuzz.py): Arabic number words, digits
in every script, separators, hedges, kind words, tashkeel, bidi and invisible characters, random
Unicode — as Hypothesis strategies, and as a plain `random.Random` generator for long runs.

The invariants every extraction must keep (`check_invariants`): no exception,
text[start:end] == surface, the number span inside the claim span, and extraction work per
character bounded (work counted as Python line events inside crosscheck, not timed)."""

from __future__ import annotations

import random
import sys

from hypothesis import strategies as st

NUMBER_WORDS = ["واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "عشرة", "عشر", "أحد عشر", "عشرون", "عشرين",
                "مئة", "مائة", "مئتان", "ألف", "آلاف", "ألفا", "مليون", "ملايين", "مليار", "نصف", "ربع",
                "بضعة", "عشرات", "مئات", "نيف", "وواحد", "وثلاثين", "الأول", "الثالثة", "صفر"]
DIGIT_SETS = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "০১২৩৪৫৬৭৮৯", "０１２３４５６７８９"]
SEPARATORS = [",", ".", "٫", "٬", "،", "-", "–", "/", ":", "%", "٪", " ", "\u00a0", "'", "\n", "؛", "−"]
HEDGES = ["نحو", "أكثر من", "أقل من", "قرابة", "حوالي", "ما لا يقل عن", "على الأقل", "ما يقارب", "بين", "من",
          "إلى", "حتى", "و"]
KIND_WORDS = ["قتيلا", "شهيد", "جريح", "مصابا", "مفقود", "نازح", "أسيرا", "رهينة", "محتجزا", "شخصا", "طفلا",
              "امرأة", "صوتا", "دولة", "القرار رقم", "يوما", "أسابيع", "شاحنة", "جنديين", "امتنعت", "الفيتو",
              "قتل", "أصيب", "لم يقتل", "نفى", "منهم", "بينهم", "في غزة", "في رفح", "وفقا لوزارة الصحة"]
TASHKEEL = ["\u064b", "\u064c", "\u064d", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0640"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c",
             "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\u00ad", "\u2028", "\u2029"]
PRESENTATION = ["\ufefb", "\ufef5", "\ufdf2", "\ufe8d", "\ufe91"]


def _digits(rng: random.Random) -> str:
    ds = rng.choice(DIGIT_SETS)
    # now and then a run beyond any float or past Python's int conversion limit (4,300 digits)
    n = rng.randint(1, 12) if rng.random() < 0.99 else rng.randint(300, 6000)
    return "".join(rng.choice(ds) for _ in range(n))


def random_piece(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.2:
        return rng.choice(NUMBER_WORDS)
    if r < 0.4:
        return _digits(rng)
    if r < 0.5:
        return rng.choice(SEPARATORS)
    if r < 0.6:
        return rng.choice(HEDGES)
    if r < 0.78:
        return rng.choice(KIND_WORDS)
    if r < 0.84:
        return rng.choice(TASHKEEL)
    if r < 0.9:
        return rng.choice(INVISIBLE)
    if r < 0.93:
        return rng.choice(PRESENTATION)
    return "".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(1, 4))).encode(
        "utf-8", "surrogatepass").decode("utf-8", "replace")


def random_text(rng: random.Random, max_pieces: int = 30) -> str:
    """One fuzz input: pieces joined by nothing or a space."""
    return "".join(random_piece(rng) + rng.choice(["", " ", " ", " "]) for _ in range(rng.randint(1, max_pieces)))


def pieces() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NUMBER_WORDS),
        st.builds(lambda ds, n: "".join(ds[int(c)] for c in str(n)), st.sampled_from(DIGIT_SETS), st.integers(0, 10**12)),
        st.builds(lambda ds, d, k: ds[d] * k, st.sampled_from(DIGIT_SETS), st.integers(1, 9), st.integers(300, 6000)),
        st.sampled_from(SEPARATORS),
        st.sampled_from(HEDGES),
        st.sampled_from(KIND_WORDS),
        st.sampled_from(TASHKEEL),
        st.sampled_from(INVISIBLE),
        st.sampled_from(PRESENTATION),
        st.text(max_size=4),
    )


def texts() -> st.SearchStrategy[str]:
    return st.lists(st.tuples(pieces(), st.sampled_from(["", " "])), min_size=1, max_size=30).map(
        lambda ps: "".join(p + s for p, s in ps))


# --------------------------------------------------------------------------- invariants

WORK_PER_CHAR = 4000  # line events per character of input, plus a fixed base per document
WORK_BASE = 200_000


def counted_extract(text: str, warm: str | None = None):
    """(claims, work) of extracting `text`; work = Python line events inside crosscheck.

    `warm` is extracted first, outside the count (default: `text` itself, so rule compilation
    and per-word memos are not this input's work)."""
    from crosscheck.extract.extractor import extract_text

    extract_text(text if warm is None else warm)
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def glob(frame, event, arg):
        return local if "/crosscheck/" in frame.f_code.co_filename else None

    sys.settrace(glob)
    try:
        claims = extract_text(text)
    finally:
        sys.settrace(None)
    return claims, count


def check_invariants(text: str, claims, work: int | None = None) -> list[str]:
    """The invariant violations of one extraction ([] when it holds)."""
    bad = []
    for c in claims:
        if text[c.start : c.end] != c.surface:
            bad.append(f"surface {c.surface!r} != text[{c.start}:{c.end}]")
        if c.number_start is not None and not (c.start <= c.number_start <= c.number_end <= c.end):
            bad.append(f"number span {c.number_start}-{c.number_end} outside claim {c.start}-{c.end}")
    if work is not None and work > WORK_BASE + WORK_PER_CHAR * len(text):
        bad.append(f"work {work} for {len(text)} characters")
    return bad

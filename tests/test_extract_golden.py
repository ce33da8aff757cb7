#!/usr/bin/env python3
"""Golden claims: speed work on the extractor must not change a single output byte.

`tests/golden/claims.jsonl` holds, for a fixed corpus, every claim's full `model_dump()` as one
JSON line, in extraction order.  The corpus is the bundled articles (`fixtures/*.txt`), the dev
set (`tests/devset/*.txt`), the examples of every rule file (one document per file) and
synthetic stress texts built here (whole articles as one sentence, Eastern Arabic digits,
tashkeel, a dense generated text full of figures, hedges, ranges and votes).  The test
extracts the corpus again and compares the JSON text line by line, so `2` versus `2.0`, an
offset, the claim order or a changed `inferred` list all fail.

The first line of the file records the rules version the claims were made with.  The golden
output depends on the rules, so after a rules change regenerate it, with the code from BEFORE
your own change so that a rules change never hides a behaviour change of yours:

    .venv/bin/python tests/test_extract_golden.py --update --base <commit>

`--base` extracts the `crosscheck/` package of <commit> and this tree's `rules/` into a
temporary directory and writes the file from that code with the CURRENT rules.  `--update` alone writes it from the code in this tree (only
when a behaviour change is intended: review the diff of the golden file).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "claims.jsonl"

_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_TASHKEEL = ("\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u064d", "\u064c")
# Sentence ends as the extractor sees them (plus the full stop), all turned into commas.
_ENDS = str.maketrans({".": "،", "!": "،", "?": "،", "؟": "،", "\n": " "})


def _articles() -> list:
    from crosscheck.text.documents import load_documents

    files = sorted((ROOT / "fixtures").glob("*.txt")) + sorted((ROOT / "tests" / "devset").glob("*.txt"))
    docs = []
    for f in files:
        for d in load_documents([str(f)]):
            docs.append(d.model_copy(update={"id": f"{f.parent.name}/{f.name}"}))
    return docs


def _rule_examples() -> list:
    """One document per rule file: all its example texts, one per line."""
    from crosscheck.models import Document
    from crosscheck.ruleset.loader import load_rules

    rules = load_rules()
    owners = [(r.id, r.examples) for r in rules.kinds + rules.positions]
    for name in ("hedges", "negation", "furniture", "gazetteer", "scope"):
        examples = getattr(getattr(rules, name), "examples", None)
        if examples is not None:
            owners.append((name, examples))
    docs = []
    for name, ex in owners:
        texts = [e.text for e in ex.hit] + list(ex.miss) + [e.text for e in ex.todo]
        docs.append(Document(id=f"examples/{name}", text="\n".join(texts)))
    return docs


def _with_tashkeel(text: str, rng: random.Random) -> str:
    out = []
    for ch in text:
        out.append(ch)
        if "\u0621" <= ch <= "\u064a" and rng.random() < 0.3:
            out.append(rng.choice(_TASHKEEL))
    return "".join(out)


def _dense(rng: random.Random, sentences: int) -> str:
    """Many figures in few words: hedges, ranges, number words, duals, votes, negations."""
    nums = ["12", "300", "1.5", "72,063", "٣٥", "٤٬٥٠٠", "ثلاثة", "عشرات", "مئة وواحد وسبعين",
            "33 ألف", "ألفين", "بضعة آلاف", "2735", "13", "نحو 200", "أكثر من 40", "30 في المئة"]
    heads = ["قتل", "أصيب", "مقتل", "استشهد", "فقد", "نزح", "أفرجت حماس، الجمعة، عن", "أطلق سراح",
             "دخلت", "صوت لصالح القرار", "امتنع عن التصويت", "لم يقتل", "ارتفعت حصيلة القتلى إلى",
             "وثقت الأمم المتحدة", "قالت وزارة الصحة إن"]
    nouns = ["شخصا", "فلسطينيا", "طفلا", "امرأة", "رهينة", "أسيرا", "نازح", "شاحنة مساعدات", "يوما",
             "أسابيع", "عضوا", "جنديين", "من المدنيين", "", "آخرين", "في رفح", "في غزة"]
    tails = ["على الأقل", "بينهم 5 أطفال", "وفقا لوزارة الصحة", "خلال 24 ساعة", "منذ بدء الحرب",
             "بحسب الأمم المتحدة", "", "في خان يونس", "وامتنعت روسيا عن التصويت",
             "واستخدمت الولايات المتحدة حق النقض (الفيتو)"]
    out = []
    for _ in range(sentences):
        parts = []
        for _ in range(rng.randint(1, 4)):
            n = rng.choice(nums)
            if rng.random() < 0.15:
                n = f"بين {rng.randint(10, 99)} و{rng.randint(100, 900)}"
            parts.append(" ".join(w for w in (rng.choice(heads), n, rng.choice(nouns), rng.choice(tails)) if w))
        out.append("، ".join(parts) + rng.choice([".", ".", "\n", "؟ ", "! "]))
    return " ".join(out)


@lru_cache(maxsize=1)
def corpus() -> tuple:
    from crosscheck.models import Document

    rng = random.Random(20240610)
    articles = _articles()
    fixtures = [d for d in articles if d.id.startswith("fixtures/")]
    devset = [d for d in articles if d.id.startswith("devset/")]
    stress = []
    for d in fixtures:
        stress.append(Document(id=f"stress/one_sentence/{d.id}", text=d.text.translate(_ENDS)))
        stress.append(Document(id=f"stress/tashkeel/{d.id}", text=_with_tashkeel(d.text, rng)))
    for d in devset:
        stress.append(Document(id=f"stress/eastern/{d.id}", text=d.text.translate(_EASTERN)))
    stress.append(Document(id="stress/dense", text=_dense(rng, 150)))
    stress.append(Document(id="stress/dense_one_sentence", text=_dense(rng, 12).translate(_ENDS)))
    stress.append(Document(id="stress/empty", text=""))
    return tuple(articles + _rule_examples() + stress)


def claim_lines(doc) -> list[str]:
    from crosscheck.extract.extractor import extract

    return [json.dumps(c.model_dump(), ensure_ascii=False) for c in extract(doc)]


def _rules_version() -> str:
    from crosscheck.ruleset.loader import load_rules

    return load_rules().version


def read_golden() -> tuple[dict, dict[str, list[str]]]:
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()
    meta = json.loads(lines[0])["_meta"]
    by_doc: dict[str, list[str]] = {d: [] for d in meta["documents"]}
    for line in lines[1:]:
        by_doc[json.loads(line)["doc"]].append(line)
    return meta, by_doc


def write_golden(base: str) -> int:
    import crosscheck

    docs = corpus()
    body = [line for d in docs for line in claim_lines(d)]
    meta = {"rules_version": _rules_version(), "code": base, "documents": [d.id for d in docs]}
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    tmp = GOLDEN.with_suffix(".tmp")
    tmp.write_text("\n".join([json.dumps({"_meta": meta}, ensure_ascii=False)] + body) + "\n", encoding="utf-8")
    os.replace(tmp, GOLDEN)
    print(f"{GOLDEN}: {len(body)} claims of {len(docs)} documents, code {base} "
          f"({Path(crosscheck.__file__).parent}), rules {meta['rules_version']}")
    return 0


def update_from_base(commit: str) -> int:
    """Write the golden file with the code (the whole package) of `commit` and the current rules."""
    with tempfile.TemporaryDirectory(prefix="golden-base-") as tmp:
        dest = Path(tmp)
        archive = subprocess.run(["git", "archive", commit, "crosscheck"], cwd=ROOT, capture_output=True)
        if archive.returncode != 0:
            sys.exit(f"crosscheck/: not found at {commit!r}: {archive.stderr.decode().strip()}")
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
        shutil.copytree(ROOT / "rules", dest / "rules", ignore=shutil.ignore_patterns("__pycache__"))
        env = dict(os.environ, PYTHONPATH=str(dest), CROSSCHECK_RULES=str(dest / "rules"))
        return subprocess.run([sys.executable, __file__, "--update", "--label", f"base {commit}"], env=env).returncode


# --------------------------------------------------------------------------- the tests

try:
    import pytest
except ImportError:  # running as a script to update the file
    pytest = None

if pytest is not None:

    @pytest.fixture(scope="module")
    def golden():
        if not GOLDEN.exists():
            pytest.fail(f"{GOLDEN} is missing: run `python tests/test_extract_golden.py --update --base <commit>`")
        return read_golden()

    def test_golden_file_matches_these_rules_and_documents(golden):
        meta, _ = golden
        assert meta["rules_version"] == _rules_version(), (
            f"{GOLDEN} was written with rules {meta['rules_version']}, the rules are now {_rules_version()}: "
            "regenerate it with the code from before your change: "
            "python tests/test_extract_golden.py --update --base <commit>"
        )
        assert meta["documents"] == [d.id for d in corpus()]

    @pytest.mark.parametrize("doc", corpus(), ids=lambda d: d.id)
    def test_claims_are_unchanged(golden, doc):
        _, by_doc = golden
        assert doc.id in by_doc, f"{doc.id}: not in {GOLDEN}"
        want = by_doc[doc.id]
        got = claim_lines(doc)
        for i, (g, w) in enumerate(zip(got, want)):
            assert g == w, f"{doc.id}: claim {i} differs\n got: {g}\nwant: {w}"
        assert len(got) == len(want), f"{doc.id}: {len(got)} claims, golden has {len(want)}"

    def test_corpus_is_a_stress_test():
        """The corpus must exercise what it claims to (long sentences, Eastern digits, tashkeel)."""
        docs = {d.id: d for d in corpus()}
        longest = max(len(d.text) for i, d in docs.items() if i.startswith("stress/one_sentence/"))
        assert longest > 2000 and "\n" not in docs["stress/dense_one_sentence"].text
        assert any("٣" in d.text for i, d in docs.items() if i.startswith("stress/eastern/"))
        assert any("\u0651" in d.text for i, d in docs.items() if i.startswith("stress/tashkeel/"))
        # (about 200 claims: the two "displaced" soldiers of the generated text, "نزح عشرات جنديين", are
        # no claims since fled soldiers are no displaced population (displaced not_nouns), 200 are left)
        assert len(claim_lines(docs["stress/dense"])) > 190


    # The speed work replaced some constructs with faster ones that must mean the same.

    from hypothesis import example, given, settings
    from hypothesis import strategies as st

    _ALPHABET = "ابغزه ال"

    @settings(max_examples=300, deadline=None)
    @given(
        words=st.lists(st.text(_ALPHABET, min_size=1, max_size=5), min_size=1, max_size=8, unique=True),
        text=st.text(_ALPHABET + "x", max_size=40),
    )
    def test_longest_of_is_the_longest_first_alternation(words, text):
        import re

        from crosscheck.text.lexicon import longest_of

        plain = re.compile("(?:ب )?(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")(?!ز)")
        trie = re.compile("(?:ب )?(" + longest_of(words) + ")(?!ز)")
        assert [m.span(1) for m in trie.finditer(text)] == [m.span(1) for m in plain.finditer(text)]

    def test_break_characters_are_those_of_the_clause_break_pattern():
        from crosscheck.text.tokens import _BREAK_CHARS, CLAUSE_BREAK

        assert {chr(c) for c in range(0x10000) if CLAUSE_BREAK.match(chr(c))} == set(_BREAK_CHARS)

    @settings(max_examples=500, deadline=None)
    @given(st.text("اب 12,.،؟\n«»ـًa٣٫_-(", max_size=40))
    @example("1 «1»")  # a quoted figure: its opening quote's break is cleared
    def test_tokenize_reads_words_and_breaks_as_two_passes_did(text):

        from crosscheck.text.tokens import _ANY_QUOTE, CLAUSE_BREAK, _WORD, tokenize

        want, prev = [], 0
        for m in _WORD.finditer(text):
            brk = bool(CLAUSE_BREAK.search(text, prev, m.start())) if want else False
            want.append((m.start(), m.end(), m.group(), brk))
            prev = m.end()
        got = tokenize(text)
        assert [(t.nstart, t.nend, t.text) for t in got] == [w[:3] for w in want]
        # the breaks are the two passes' ones, except a quote's break that a short quoted name or
        # figure phrase clears (tokens._join_quoted_names: '1 «1»' holds one clause)
        for i, (t, w) in enumerate(zip(got, want)):
            if t.brk_before != w[3]:
                assert w[3] and not t.brk_before and _ANY_QUOTE.search(text, got[i - 1].nend, t.nstart), (text, i)


    @settings(max_examples=300, deadline=None)
    @given(st.text("ab \n-•12:", max_size=60))
    @example("a\na")  # a match that ends at a line start (\s* took the line break)
    @example("1:2\n\n1:2 b\n12:3")
    def test_line_start_search_finds_what_finditer_finds(text):
        import regex

        from crosscheck.extract.furniture import _at_line_starts

        for pattern in (r"(?m)^[\s\-•]*(?:ab|b a)", r"^\s*\d{1,2}:\d\s*$", r"(?m)^a\s*"):
            p = regex.compile(pattern, regex.MULTILINE)
            assert [m.span() for m in _at_line_starts(p, text)] == [m.span() for m in p.finditer(text)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Rewrite tests/golden/claims.jsonl")
    ap.add_argument("--update", action="store_true", required=True, help="rewrite the golden file")
    ap.add_argument("--base", help="commit whose extraction modules produce the file (recommended)")
    ap.add_argument("--label", default="working tree", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.base:
        return update_from_base(args.base)
    return write_golden(args.label)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""CPU per figure: is a pathological case slow per MB because it is dense in figures, or
because each of its figures costs more than a figure of news?

    .venv/bin/python benchmarks/per_figure.py                  # 200 kB per case, 3 rounds
    .venv/bin/python benchmarks/per_figure.py --kb 100 --rounds 5
    .venv/bin/python benchmarks/per_figure.py --kb 100 --calls     # and function calls per figure

Every case of bench_pathological.py (and `dual_as_digits`: dual_nouns with each dual noun
written as "2 + its singular", the same sentence without claim windows) is extracted in ONE
process, round-robin, `--rounds` times; the least CPU time of each is kept.  Printed per case:
CPU seconds per MB, the ratio to news, figures per MB (the figures the extractor reads:
calls of `extractor._claim`, counted in a separate pass), microseconds of CPU per figure, and
the most a figure may cost for the case to be within 2x of news per MB (news's seconds per MB
times two, over the case's figures per MB; the other work of a dense case is ignored, so
this is an upper bound).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_pathological as bp  # noqa: E402

_CASES = ["news", "single_line", "number_word", "dense_sentence", "sentence_10k", "dense_veto", "long_clause",
          "digit_token", "dual_nouns", "dual_as_digits"]
_SINGULAR = {"جنديين": "2 جندي", "شخصين": "2 شخص", "طفلين": "2 طفل", "مدنيين": "2 مدني"}


def make(case: str, size: int) -> list[str]:
    if case == "dual_as_digits":
        text = bp.make("dual_nouns", size)[0]
        for dual, digits in _SINGULAR.items():
            text = text.replace(dual, digits)
        return [text]
    return bp.make(case, size)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kb", type=float, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--case", action="append", choices=_CASES)
    ap.add_argument("--calls", action="store_true",
                    help="also count function calls per figure (cProfile over the counting pass: deterministic, load-free)")
    args = ap.parse_args()
    from crosscheck.extract import extractor
    from crosscheck.models import Document

    extractor.extract_text("قتل 3 أشخاص في غزة.")
    cases = args.case or _CASES
    if "news" not in cases:
        cases = ["news", *cases]
    inputs = {c: make(c, int(args.kb * 1000)) for c in cases}
    mb = {c: sum(len(t.encode("utf-8")) for t in ts) / bp.MB for c, ts in inputs.items()}
    figures: dict[str, int] = {}
    calls: dict[str, int] = {}
    real = extractor._claim
    for c, texts in inputs.items():
        n = [0]

        def counting(*a, **kw):
            n[0] += 1
            return real(*a, **kw)

        extractor._claim = counting
        prof = cProfile.Profile() if args.calls else None
        try:
            if prof is not None:
                prof.enable()
            for k, t in enumerate(texts):
                extractor.extract(Document(id=f"d{k}", text=t))
        finally:
            if prof is not None:
                prof.disable()
            extractor._claim = real
        figures[c] = n[0]
        if prof is not None:
            # (the wrapper's own call per figure is left out)
            calls[c] = pstats.Stats(prof).total_calls - n[0]
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        for c, texts in inputs.items():
            docs = [Document(id=f"d{k}", text=t) for k, t in enumerate(texts)]
            c0 = time.process_time()
            for d in docs:
                extractor.extract(d)
            best[c] = min(best.get(c, float("inf")), time.process_time() - c0)
    news = best["news"] / mb["news"]
    print(f"{'case':<16}{'s/MB':>8}{'vs news':>9}{'figures/MB':>12}{'us/figure':>11}{'2x budget':>11}"
          + (f"{'calls/MB':>11}{'calls/figure':>14}" if calls else ""))
    for c in cases:
        per = best[c] / mb[c]
        fpm = figures[c] / mb[c]
        us = 1e6 * best[c] / figures[c] if figures[c] else float("nan")
        budget = 1e6 * 2 * news / fpm if fpm else float("nan")
        extra = ""
        if calls:
            # every call of the case over its figures (a dense case's calls are nearly all its figures')
            cpf = calls[c] / figures[c] if figures[c] else float("nan")
            extra = f"{calls[c] / mb[c] / 1e6:>10.2f}M{cpf:>14.0f}"
        print(f"{c:<16}{per:>8.3f}{per / news:>8.2f}x{fpm:>12.0f}{us:>11.1f}{budget:>11.1f}{extra}", flush=True)


if __name__ == "__main__":
    main()

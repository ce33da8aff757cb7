#!/usr/bin/env python3
"""Work per MB of extraction, counted (not timed): Python bytecodes executed and function calls.

On a machine shared with other developers' suites the CPU seconds of `bench_pathological.py`
move by up to 1.4x between minutes for the same code, which hides a 3-10 % step.  Counted work
is deterministic: the same code and input give the same count on any machine and any load.

    .venv/bin/python benchmarks/count_work.py                    # every case, 50 kB each
    .venv/bin/python benchmarks/count_work.py --kb 30 --case news --case dual_nouns

For each case of bench_pathological.py (the same inputs) it extracts one run with
`sys.settrace` counting opcode events (bytecodes of Python code; C work such as regex matching
and pydantic validation is not counted), then one run under cProfile (function calls, C
functions included), and prints both per MB and as a ratio to `news`.  A bytecode is no fixed
amount of time, so the ratios are a guide to the Python part of the per-figure path, not the
benchmark's goal (that stays CPU seconds per MB within 2x of news).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from typing import Callable, Optional
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_pathological as bp  # noqa: E402


def opcodes(run: Callable[[], object], in_function: Optional[str] = None) -> int:
    """Python bytecodes executed while run() runs (sys.settrace opcode events), in every frame
    or, with `in_function`, only in frames of functions of that name (tests count one
    function's steps with it)."""
    ops = [0]

    def local(frame, event, arg):
        if event == "opcode":
            ops[0] += 1
        return local

    def start(frame, event, arg):
        if in_function is not None and frame.f_code.co_name != in_function:
            return None
        frame.f_trace_opcodes = True
        return local

    sys.settrace(start)
    try:
        run()
    finally:
        sys.settrace(None)
    return ops[0]


def count(case: str, size: int) -> tuple[float, float]:
    """(bytecodes, calls) per MB of one case."""
    from crosscheck.extract.extractor import extract
    from crosscheck.models import Document

    texts = bp.make(case, size)
    mb = sum(len(t.encode("utf-8")) for t in texts) / bp.MB
    docs = [Document(id=f"d{k}", text=t) for k, t in enumerate(texts)]

    def run() -> None:
        for d in docs:
            extract(d)

    ops = opcodes(run)
    docs = [Document(id=f"d{k}", text=t) for k, t in enumerate(texts)]
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        extract(d)
    prof.disable()
    return ops / mb, pstats.Stats(prof).total_calls / mb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--case", action="append", choices=bp._CASES)
    ap.add_argument("--kb", type=float, default=50, help="size of each case in kB")
    args = ap.parse_args()
    from crosscheck.extract.extractor import extract_text

    extract_text("قتل 3 أشخاص في غزة.")  # rules load and regexes compile outside the count
    cases = args.case or bp._CASES
    if "news" not in cases:
        cases = ["news", *cases]
    print(f"{'case':<16}{'bytecodes/MB':>14}{'vs news':>9}{'calls/MB':>11}{'vs news':>9}")
    ref = None
    for case in cases:
        ops, calls = count(case, int(args.kb * 1000))
        if ref is None:
            ref = (ops, calls)
        print(f"{case:<16}{ops / 1e6:>13.1f}M{ops / ref[0]:>8.2f}x{calls / 1e6:>10.2f}M{calls / ref[1]:>8.2f}x", flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The fuzz campaign's long run: N random inputs (tests/fuzz_inputs.py) through extraction in
worker processes, checking the invariants; every 1000th input also has its work counted.

    nice -n 15 .venv/bin/python tools/fuzz.py --inputs 1000000 --jobs 2 --seed 1

Prints inputs run, exceptions, invariant violations (the first few shown, all written to
--out), inputs per second.  Exit status 1 when anything failed."""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def work(args: tuple[int, int, int]) -> tuple[int, int, int, list[dict]]:
    from crosscheck.extract.extractor import extract_text
    from fuzz_inputs import check_invariants, counted_extract, random_text

    seed, start, count = args
    rng = random.Random(f"{seed}:{start}")
    exc = bad = 0
    found: list[dict] = []
    for i in range(start, start + count):
        text = random_text(rng)
        try:
            if i % 1000 == 0:
                claims, w = counted_extract(text)
                problems = check_invariants(text, claims, w)
            else:
                problems = check_invariants(text, extract_text(text))
        except Exception as e:  # noqa: BLE001 - counting them is the point
            exc += 1
            found.append({"input": i, "text": text, "exception": "".join(traceback.format_exception_only(e)).strip()})
            continue
        if problems:
            bad += 1
            found.append({"input": i, "text": text, "violations": problems})
    return count, exc, bad, found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=5000)
    ap.add_argument("--out", default="fuzz-failures.jsonl")
    args = ap.parse_args()
    chunks = [(args.seed, s, min(args.chunk, args.inputs - s)) for s in range(0, args.inputs, args.chunk)]
    t0 = time.time()
    done = exc = bad = 0
    with mp.Pool(args.jobs) as pool, open(args.out, "w", encoding="utf-8") as out:
        for n, e, b, found in pool.imap_unordered(work, chunks):
            done, exc, bad = done + n, exc + e, bad + b
            for f in found:
                out.write(json.dumps(f, ensure_ascii=False) + "\n")
                if exc + bad <= 5:
                    print("FAIL", json.dumps(f, ensure_ascii=False)[:300], flush=True)
            print(f"{done} inputs, {exc} exceptions, {bad} violations, {done / (time.time() - t0):.0f}/s", flush=True)
    print(f"done: {done} inputs, {exc} exceptions, {bad} invariant violations, {time.time() - t0:.0f} s")
    return 1 if exc or bad else 0


if __name__ == "__main__":
    sys.exit(main())

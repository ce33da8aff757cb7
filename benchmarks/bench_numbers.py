"""Throughput goal of the number parser (a benchmark, not a test: run it by hand or in CI).

    .venv/bin/python benchmarks/bench_numbers.py [--mb 10]

Goal: `scan` (the parser on already normalised text, as the extractor calls it) runs at least
3x the characters per second of pyarabic.number.extract_number_phrases on the same text (the
seed articles repeated to --mb megabytes).  Exits 1 when the goal is missed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from measure_numbers import throughput  # noqa: E402

GOAL = 3.0  # times pyarabic


def main() -> int:
    ap = argparse.ArgumentParser(description="number parser throughput goal")
    ap.add_argument("--mb", type=float, default=10.0)
    args = ap.parse_args()
    r = throughput(args.mb)
    ratio = r["scan"] / r["pyarabic"]
    print(
        f"{r['chars'] / 1e6:.1f} M chars: scan {r['scan'] / 1e6:.2f} M/s, "
        f"find_numbers {r['find_numbers'] / 1e6:.2f} M/s, pyarabic {r['pyarabic'] / 1e6:.2f} M/s "
        f"-> scan is {ratio:.1f}x pyarabic (goal {GOAL}x)"
    )
    return 0 if ratio >= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())

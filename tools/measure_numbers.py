"""Figures for the number parser: external corpora and throughput.

    .venv/bin/python tools/measure_numbers.py              # all figures
    .venv/bin/python tools/measure_numbers.py --mb 10      # throughput on ~10 MB
    .venv/bin/python tools/measure_numbers.py --failures   # list the cases that fail

Prints:
  * duckling AR numerals: share of cases read as ONE match covering the whole text with the
    expected value (the bar tests/test_number_external.py asserts);
  * Recognizers-Text Arabic NumberModel: share of cases whose count-like matches equal the
    expected ones (text and value), after setting aside the cases whose expectation is wrong
    (tests/number_corpus/recognizers_rejected.yaml), with and without the out-of-scope ones
    (math notation);
  * throughput in characters per second of find_numbers, of scan on already normalised text,
    and of pyarabic.number.extract_number_phrases, on the seed fixtures repeated to the size
    asked for.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crosscheck.text.normalize import normalize  # noqa: E402
from crosscheck.numbers.evaluate import (  # noqa: E402
    duckling_cases,
    load_rejections,
    recognizers_cases,
    score_duckling,
    score_recognizers,
)
from crosscheck.numbers.parser import find_numbers, scan  # noqa: E402

SHARED = ROOT.parent / "shared"
EXTERNAL = SHARED / "external"
REJECTED = ROOT / "tests" / "number_corpus" / "recognizers_rejected.yaml"


def corpus(mb: float) -> str:
    """The fixture articles repeated to about `mb` megabytes of text."""
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt")))
    reps = max(1, int(mb * 1_000_000 / len(base)))
    return "\n\n".join([base] * reps)


def _rate(fn, arg, chars: int) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        fn(arg)
        best = min(best, time.perf_counter() - t0)
    return chars / best


def throughput(mb: float) -> dict[str, float]:
    import pyarabic.number as pn

    text = corpus(mb)
    find_numbers("تحميل القاموس 3")  # load the lexicon outside the timing
    norm = normalize(text)
    return {
        "chars": len(text),
        "find_numbers": _rate(find_numbers, text, len(text)),
        "scan": _rate(scan, norm, len(text)),
        "pyarabic": _rate(pn.extract_number_phrases, text, len(text)),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="size of the throughput text (MB)")
    ap.add_argument("--failures", action="store_true", help="list failing external cases")
    ap.add_argument("--no-speed", action="store_true", help="skip the throughput figure")
    args = ap.parse_args(argv)

    duck = EXTERNAL / "duckling_ar_numerals.jsonl"
    if duck.exists():
        ok, total, fails = score_duckling(duckling_cases(duck))
        print(f"duckling AR numerals: {ok}/{total} = {ok / total:.1%} full-span exact")
        if args.failures:
            for f in fails:
                print("   ", f)
    else:
        print(f"duckling: {duck} not found")
    rec = EXTERNAL / "recognizers_ar_number.jsonl"
    if rec.exists():
        rejected = load_rejections(REJECTED)
        cases = recognizers_cases(rec)
        auto = sum(1 for c in cases if c.auto_reject)
        wrong = sum(1 for k, _ in rejected.values() if k == "wrong")
        for label, skip in (("all usable", ("wrong",)), ("in scope", ("wrong", "out_of_scope"))):
            ok, total, fails = score_recognizers(cases, rejected, skip)
            print(
                f"recognizers AR NumberModel, {label}: {ok}/{total} = {ok / total:.1%} "
                f"({auto} set aside automatically, {wrong} rejected as wrong"
                + (f", {len(rejected) - wrong} out of scope" if "out_of_scope" in skip else "")
                + ")"
            )
            if args.failures and "out_of_scope" in skip:
                for f in fails:
                    print("   ", f)
    if not args.no_speed:
        r = throughput(args.mb)
        print(f"throughput on {r['chars'] / 1e6:.1f} M chars:")
        for k in ("find_numbers", "scan", "pyarabic"):
            print(f"  {k:13s} {r[k] / 1e6:6.2f} M chars/s  ({r[k] / r['pyarabic']:.1f}x pyarabic)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

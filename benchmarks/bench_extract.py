#!/usr/bin/env python3
"""Extraction throughput: crosscheck versus pyarabic's number-phrase extractor, in one run.

Builds a corpus of about --mb megabytes (UTF-8) in memory by repeating the bundled fixture
articles, then times, on the same Documents:

* crosscheck: `crosscheck.extract.extractor.extract(document)` for every document (normalisation,
  number finding and full claim extraction: kinds, qualifiers, scope);
* pyarabic: `pyarabic.number.extract_number_phrases(document.text)` (number words only);

and prints characters per second for both, their ratio (the goal is crosscheck >= 3x
pyarabic) and the peak memory (max RSS) of the process.  If `crosscheck.extract.extractor` cannot be
imported it says so and times the part of the pipeline that exists instead, labelled as a
fallback: that figure is not the goal's figure.

    .venv/bin/python benchmarks/bench_extract.py            # ~20 MB
    .venv/bin/python benchmarks/bench_extract.py --mb 2     # quick run
"""

from __future__ import annotations

import argparse
import importlib
import logging
import resource
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from crosscheck.text.documents import load_documents  # noqa: E402
from crosscheck.models import Document  # noqa: E402

TARGET_RATIO = 3.0


def build_corpus(source: Path, megabytes: float) -> list[Document]:
    """Copies of the articles under `source`, with fresh ids, up to `megabytes` of UTF-8."""
    # A fixtures directory also holds gold JSONL files; the loader's note about skipping them
    # is not news here.
    logging.getLogger("crosscheck.text.documents").setLevel(logging.ERROR)
    base = load_documents([str(source)])
    want = int(megabytes * 1_000_000)
    docs: list[Document] = []
    size = 0
    i = 0
    while size < want:
        d = base[i % len(base)]
        # A fresh string per copy, as a real corpus has: memory figures stay honest.
        text = d.text[:1] + d.text[1:]
        docs.append(d.model_copy(update={"id": f"{d.id}#{i}", "text": text}))
        size += len(d.text.encode("utf-8"))
        i += 1
    return docs


def generated_corpus(megabytes: float, seed: int = 7) -> list[Document]:
    """Varied generated articles (benchmarks/gen_articles.py) up to `megabytes` of UTF-8."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_articles import generate

    want = int(megabytes * 1_000_000)
    docs: list[Document] = []
    size = 0
    for g in generate(10**9, seed):
        if size >= want:
            break
        docs.append(Document(id=g["id"], text=g["text"], date=g["date"], source=g["source"]))
        size += len(g["text"].encode("utf-8"))
    return docs


def max_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def crosscheck_runner() -> tuple[str, Callable[[Document], int], bool]:
    """(label, function returning the number of items found, is_the_real_extractor)."""
    missing = []
    try:
        extractor = importlib.import_module("crosscheck.extract.extractor")
        return "crosscheck extract (full claim extraction)", lambda d: len(extractor.extract(d)), True
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("crosscheck."):
            raise
        missing.append(exc.name)
    from crosscheck.text.normalize import normalize

    try:
        number_parser = importlib.import_module("crosscheck.numbers.parser")
        return (f"FALLBACK normalise + find_numbers ({', '.join(missing)} missing)",
                lambda d: len(number_parser.find_numbers(d.text)), False)
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("crosscheck."):
            raise
        missing.append(exc.name)

    def normalise_only(d: Document) -> int:
        normalize(d.text)
        return 0

    return (f"FALLBACK normalise only ({', '.join(sorted(set(missing)))} missing)", normalise_only, False)


def timed(fn: Callable[[Document], int], docs: list[Document]) -> tuple[float, int, float]:
    """(wall seconds, items found, CPU seconds of this process).  On a shared machine the wall
    time is inflated by everyone else's load; the CPU time is the per-core figure."""
    found = 0
    start, cpu = time.perf_counter(), time.process_time()
    for d in docs:
        found += fn(d)
    return time.perf_counter() - start, found, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB of UTF-8 text (default 20)")
    ap.add_argument("--source", type=Path, default=ROOT / "fixtures", help="articles to repeat (default fixtures/)")
    ap.add_argument("--generated", action="store_true",
                    help="use varied generated news (benchmarks/gen_articles.py) instead of --source")
    args = ap.parse_args(argv)
    if args.mb <= 0:
        ap.error("--mb must be positive")

    import pyarabic.number

    rss0 = max_rss_mb()
    docs = generated_corpus(args.mb) if args.generated else build_corpus(args.source, args.mb)
    chars = sum(len(d.text) for d in docs)
    mbytes = sum(len(d.text.encode("utf-8")) for d in docs) / 1_000_000
    rss_corpus = max_rss_mb()
    what = "generated articles" if args.generated else f"the articles of {args.source} repeated"
    print(f"corpus: {mbytes:.1f} MB UTF-8, {chars / 1e6:.2f}M characters, {len(docs)} documents ({what})")

    label, run_cc, real = crosscheck_runner()
    run_cc(docs[0])  # warm-up: rule files load and regexes compile once, outside the timing
    extract_number_phrases = pyarabic.number.extract_number_phrases
    extract_number_phrases(docs[0].text)

    t_cc, n_cc, c_cc = timed(run_cc, docs)
    rss_cc = max_rss_mb()
    t_pa, n_pa, c_pa = timed(lambda d: len(extract_number_phrases(d.text)), docs)
    import regex

    digits = regex.compile(r"\d+")  # the floor: a bare digit scan, no words, no claims
    t_rx, n_rx, c_rx = timed(lambda d: len(digits.findall(d.text)), docs)

    def rates(wall: float, cpu: float) -> str:
        return f"{wall:.2f} s wall, {chars / wall / 1e6:.2f}M chars/s; CPU {cpu:.2f} s, {chars / max(cpu, 1e-9) / 1e6:.2f}M chars/s"

    print(f"{label}: {rates(t_cc, c_cc)}, {n_cc} items")
    print(f"pyarabic extract_number_phrases: {rates(t_pa, c_pa)}, {n_pa} phrases")
    print(f"bare regex digit scan: {rates(t_rx, c_rx)}, {n_rx} digit runs")
    # per-core throughput: the ratio of CPU times (the wall ratio drifts with the machine's load)
    ratio = c_pa / max(c_cc, 1e-9)
    verdict = "meets" if ratio >= TARGET_RATIO else "BELOW"
    print(f"ratio crosscheck/pyarabic (CPU time): {ratio:.2f}x ({verdict} the target of >= {TARGET_RATIO:.0f}x); "
          f"wall-time ratio {t_pa / t_cc:.2f}x")
    if not real:
        print("note: this is a FALLBACK measurement; the target applies to the full extractor")
    print(f"peak memory (max RSS): {max_rss_mb():.0f} MB overall; {rss0:.0f} MB at start, "
          f"{rss_corpus:.0f} MB with the corpus, {rss_cc:.0f} MB after crosscheck")
    return 0


if __name__ == "__main__":
    sys.exit(main())

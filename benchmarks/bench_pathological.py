#!/usr/bin/env python3
"""Pathological inputs: does extraction stay linear in the input?

Each case runs `crosscheck.extract.extractor.extract` on ONE document in a fresh child process
(so that its peak memory, max RSS, is its own) and prints seconds, seconds per MB, peak RSS and
the growth factor of seconds-per-MB from the smallest size to each larger one (1.0 = linear).

Cases (sizes in MB of UTF-8):

* ``news``          ordinary news: the bundled fixture articles, one document per article
                    (the reference time per MB);
* ``single_line``   the same articles joined into ONE line (no newline, one paragraph);
* ``number_word``   one number word repeated ("ألف ألف ألف …");
* ``dense_sentence`` one sentence holding a number every ~60 bytes (about 18,000 per MB): counts,
                    kind words, hedges, places, joined by "و" and commas, no full stop;
* ``sentence_10k``  issue 10's wording: one sentence holding 10,000 numbers per MB (a figure of
                    dense_sentence every ~100 bytes, the rest plain words);
* ``dense_veto``    the same sentence after a first one naming an epidemic, which arms the
                    injured rule's context veto (each figure then asks whether its sentence
                    names a fire or an attack);
* ``long_clause``   one clause (no comma, no full stop) of rising tolls, each with a figure
                    between its subject and its own ("وارتفع عدد القتلى في غزة و5 قرى إلى 40
                    شخصا"): each asks whether its clause names the subject again by a pronoun;
* ``digit_token``   "قتل 1.1.1.…1. شخصا": one token holding a figure every two characters, each
                    a claim spanning the whole token (500,000 figures per MB);
* ``dense_votes``   one paragraph (no newline) of UN votes, a tally every ~60 bytes ("وصوت مجلس
                    الأمن على مشروع القرار 1003 بأغلبية 103 صوتا مقابل 4 أصوات وامتناع 5 دول عن
                    التصويت، …"): each vote's occurrence is described and compared with the earlier
                    ones as a possible repeat;
* ``dual_nouns``    one sentence of dual nouns ("ومقتل جنديين وإصابة شخصين في غزة …"): each dual
                    is read as "2 + noun" in its own copy of the 200 tokens around it.

    .venv/bin/python benchmarks/bench_pathological.py                 # 0.1, 1, 4 MB + 50 MB line
    .venv/bin/python benchmarks/bench_pathological.py --sizes 0.1 1 --no-big
    .venv/bin/python benchmarks/bench_pathological.py --case dense_sentence --sizes 4
    .venv/bin/python benchmarks/bench_pathological.py --sizes 1 4 --repeat 3   # least CPU of 3 children

Goal (issue 11, item 6 of issue 10): every case within 2x the seconds per MB of `news`, and peak
memory under 300 MB at 4 MB (and for the 50 MB single line: time per MB).
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000

_PLACES = ["غزة", "خان يونس", "رفح", "حلب", "درنة", "الخرطوم", "دير البلح", "جنين"]
_KINDS = ["قتيلا", "جريحا", "مفقودا", "نازحا", "أسيرا", "شخصا", "طفلا", "امرأة"]
_HEDGES = ["", "نحو ", "أكثر من ", "قرابة ", "ما لا يقل عن "]
_VERBS = ["وسقط", "وأصيب", "وقتل", "وفقد", "ونزح", "وأفرج عن"]


_CASES = ["news", "single_line", "number_word", "dense_sentence", "sentence_10k", "dense_veto", "long_clause",
          "digit_token", "dual_nouns", "dense_votes"]
_DUALS = ["جنديين", "شخصين", "طفلين", "مدنيين"]
_BODIES = ["الجمعية العامة", "مجلس الأمن", "مجلس حقوق الإنسان"]
_FILLER = ["بحسب", "مصادر", "محلية", "وأضافت", "المصادر", "أن", "الأوضاع", "هناك", "صعبة", "للغاية"]


def _fixture_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]


def _repeat_to(parts: list[str], size: int, sep: str) -> str:
    out, n, i = [], 0, 0
    while n < size:
        p = parts[i % len(parts)]
        out.append(p)
        n += len(p.encode("utf-8")) + len(sep)
        i += 1
    return sep.join(out)


def make(case: str, size: int) -> list[str]:
    """The texts of one case, about `size` bytes of UTF-8 in all."""
    if case == "news":
        texts = _fixture_texts()
        out, n, i = [], 0, 0
        while n < size:
            t = texts[i % len(texts)]
            out.append(t[:1] + t[1:])
            n += len(t.encode("utf-8"))
            i += 1
        return out
    if case == "single_line":
        flat = [" ".join(t.split()) for t in _fixture_texts()]
        return [_repeat_to(flat, size, " ")]
    if case == "number_word":
        return [_repeat_to(["ألف"], size, " ")]
    if case == "dense_sentence":
        parts = []
        for i in range(size // 60 + 1):
            parts.append(
                f"{_VERBS[i % 6]} {_HEDGES[i % 5]}{(i * 37) % 5000 + 2} {_KINDS[i % 8]} في {_PLACES[i % 8]}"
                + ("،" if i % 3 == 0 else "")
            )
        return [_repeat_to(parts, size, " ")]
    if case == "sentence_10k":
        # issue 10's wording: one sentence of `size` bytes holding 10,000 numbers per MB (one
        # every 100 bytes): dense_sentence's figures, each padded with plain words to 100 bytes
        want = round(size * 10_000 / MB)
        parts = []
        for i in range(want):
            words = [f"{_VERBS[i % 6]} {_HEDGES[i % 5]}{(i * 37) % 5000 + 2} {_KINDS[i % 8]} في {_PLACES[i % 8]}"
                     + ("،" if i % 3 == 0 else "")]
            k = i
            while len(" ".join(words).encode("utf-8")) < 99 - 12:
                words.append(_FILLER[k % len(_FILLER)])
                k += 1
            parts.append(" ".join(words))
        text = " ".join(parts)
        # padded to the size with plain words (bytes counted as they are added: measuring the
        # whole text for every word took minutes at 4 MB)
        n, k, pad = len(text.encode("utf-8")), 0, []
        while n < size - 12:
            pad.append(" " + _FILLER[k % len(_FILLER)])
            n += len(pad[-1].encode("utf-8"))
            k += 1
        return [text + "".join(pad)]
    if case == "long_clause":
        parts = [f"وارتفع عدد القتلى في {_PLACES[i % 8]} و{i % 50 + 3} قرى إلى {(i * 37) % 5000 + 40} شخصا"
                 for i in range(size // 70 + 1)]
        return [_repeat_to(parts, size, " ")]
    if case == "digit_token":
        return ["قتل " + "1." * (size // 2) + " شخصا"]
    if case == "dual_nouns":
        parts = [f"ومقتل {_DUALS[i % 4]} وإصابة {_DUALS[(i + 1) % 4]} في {_PLACES[i % 8]}" for i in range(size // 60 + 1)]
        return ["قال مسؤولون " + _repeat_to(parts, size, " ")]
    if case == "dense_votes":
        parts = [f"وصوت {_BODIES[i % 3]} على مشروع القرار {1000 + i} بأغلبية {100 + i % 90} صوتا مقابل {i % 20 + 1} "
                 f"أصوات وامتناع {i % 30 + 2} دول عن التصويت، بينما رفضت {i % 7 + 2} دول مشروعا آخر."
                 for i in range(size // 150 + 1)]
        return [_repeat_to(parts, size, " ")]
    if case == "dense_veto":
        return ["تفشي الكوليرا في المخيمات. " + make("dense_sentence", size)[0]]
    raise SystemExit(f"unknown case {case}")


def child(case: str, size: int) -> None:
    """Run in the child: build the input, extract, print one JSON line of figures."""
    import resource

    sys.path.insert(0, str(ROOT))
    from crosscheck.extract.extractor import extract, extract_text
    from crosscheck.models import Document

    extract_text("قتل 3 أشخاص في غزة.")  # rules load and regexes compile outside the timing
    texts = make(case, size)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    numbers = 0
    t0, c0 = time.perf_counter(), time.process_time()
    claims = 0
    for k, t in enumerate(texts):
        claims += len(extract(Document(id=f"d{k}", text=t)))
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"case": case, "bytes": nbytes, "secs": secs, "cpu": cpu, "rss_mb": rss, "claims": claims,
                      "numbers": numbers}))


def _cpu_limiter(cpu_limit: float):
    """A preexec function: the child is stopped by the kernel (SIGXCPU) after `cpu_limit` CPU seconds.

    A CPU limit, not a wall-clock one: on a shared machine a 4 MB case's wall time is inflated by
    everyone else's load (session 32: a 900 s wall timeout killed dense_votes runs that needed
    under 300 CPU-s)."""
    import resource

    def limit() -> None:
        soft = max(1, int(cpu_limit))
        resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + 5))
    return limit


def run(case: str, size: int, cpu_limit: float, timeout: float | None = None) -> dict:
    cmd = [sys.executable, __file__, "--child", case, str(size)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True,
                             preexec_fn=_cpu_limiter(cpu_limit)).stdout
    except subprocess.TimeoutExpired:
        return {"case": case, "bytes": size, "secs": None, "rss_mb": None, "claims": None, "note": f"> {timeout:.0f} s wall"}
    except subprocess.CalledProcessError as exc:
        if exc.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
            return {"case": case, "bytes": size, "secs": None, "rss_mb": None, "claims": None,
                    "note": f"> {cpu_limit:.0f} CPU-s"}
        return {"case": case, "bytes": size, "secs": None, "rss_mb": None, "claims": None, "note": exc.stderr.strip().splitlines()[-1:]}
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--case", action="append", choices=_CASES)
    ap.add_argument("--sizes", nargs="+", type=float, default=[0.1, 1, 4], help="sizes in MB")
    ap.add_argument("--big", type=float, default=50, help="size in MB of the big single line (0: none)")
    ap.add_argument("--no-big", action="store_true")
    ap.add_argument("--cpu-limit", type=float, default=900,
                    help="CPU seconds a child may use before the kernel stops it (default 900)")
    ap.add_argument("--timeout", type=float, default=None,
                    help="optional wall-clock limit in seconds per child (default: none; see --cpu-limit)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="fresh children per case and size, the least CPU kept (one child's CPU moves with the machine's load)")
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    cases = args.case or _CASES
    # s/MB, growth and "vs news" are CPU seconds of the child (per core; on a shared machine its
    # wall time, column "wall s", is inflated by everyone else's load)
    print(f"{'case':<16}{'MB':>7}{'claims':>9}{'wall s':>9}{'CPU s':>9}{'s/MB':>8}{'peak MB':>9}{'growth':>8}{'vs news':>9}")
    ref: dict[str, float] = {}
    news_per_mb = None
    plan = [(c, s) for c in cases for s in args.sizes]
    if not args.no_big and args.big and "single_line" in cases:
        plan.append(("single_line", args.big))
    for case, mb in plan:
        r = run(case, int(mb * MB), args.cpu_limit, args.timeout)
        for _ in range(args.repeat - 1):
            again = run(case, int(mb * MB), args.cpu_limit, args.timeout) if r["secs"] is not None else r
            if again["secs"] is not None and again["cpu"] < r["cpu"]:
                r = again
        if r["secs"] is None:
            print(f"{case:<16}{mb:>7.1f}{'':>9}{r['note']!s:>9}")
            continue
        per = r["cpu"] / (r["bytes"] / MB)
        ref.setdefault(case, per)
        if case == "news" and mb == max(args.sizes):
            news_per_mb = per
        vs = f"{per / news_per_mb:.2f}x" if news_per_mb else ""
        print(
            f"{case:<16}{r['bytes'] / MB:>7.1f}{r['claims']:>9}{r['secs']:>9.2f}{r['cpu']:>9.2f}{per:>8.3f}"
            f"{r['rss_mb']:>9.0f}{per / ref[case]:>8.2f}{vs:>9}",
            flush=True,
        )


if __name__ == "__main__":
    main()

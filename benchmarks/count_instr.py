#!/usr/bin/env python3
"""Machine instructions of extraction per MB, counted under callgrind (not timed).

CPU seconds on the shared machine move by 10-40 % between minutes; `perf` has no hardware
counters in this VM.  Callgrind counts every instruction the process executes (C and Python
alike: regex, set work, the interpreter), the same count for the same code and input on any load.

    python3 benchmarks/count_instr.py [--root CHECKOUT] [--case news:100 --case dual_nouns:40 ...]

runs itself under `valgrind --tool=callgrind` with instrumentation off while Python starts and the
rules load, switches it on for a warm-up (the case itself at 10 kB, and a news article), then per
case zeroes the counts, extracts the case's text (bench_pathological's inputs, `size` in kB) and
dumps; prints instructions per MB per case and the ratio to news.  `--root` imports crosscheck
from another checkout (a bisection), the inputs always come from this file's checkout.  Needs
`valgrind` and a C compiler (a two-function marker library is built in the output directory).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
_MARK_C = r"""
#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_START_INSTRUMENTATION; }
void cg_zero(void) { CALLGRIND_ZERO_STATS; }
void cg_toggle(void) { CALLGRIND_TOGGLE_COLLECT; }
void cg_dump(const char *name) { CALLGRIND_DUMP_STATS_AT(name); }
"""


# the cases counted by default (case:kB), news first: every ratio is against it
DEFAULT_CASES = ["news:100", "single_line:100", "number_word:40", "dense_sentence:40", "dense_veto:40",
                 "long_clause:40", "dual_nouns:40", "dense_votes:40", "sentence_10k:40", "digit_token:40"]


def parse_cases(spec: str) -> list[tuple[str, int]]:
    """"news:100,number_word:40" -> [("news", 100), ("number_word", 40)]"""
    return [(c.split(":")[0], int(c.split(":")[1])) for c in spec.split(",")]


def _marker(out: Path) -> Path:
    lib = out / "libcgmark.so"
    if not lib.exists():
        src = out / "cgmark.c"
        src.write_text(_MARK_C)
        subprocess.run(["gcc", "-O1", "-shared", "-fPIC", "-o", str(lib), str(src)], check=True)
    return lib


def child(root: str, cases: list[tuple[str, int]], lib: str) -> None:
    sys.path.insert(0, root)
    sys.path.insert(1, str(HERE))
    import bench_pathological as bp
    from crosscheck.extract.extractor import extract, extract_text
    from crosscheck.models import Document

    mark = ctypes.CDLL(lib)
    mark.cg_dump.argtypes = [ctypes.c_char_p]
    extract_text("قتل 3 أشخاص في غزة.")
    inputs = {(c, kb): bp.make(c, kb * 1000) for c, kb in cases}
    warm = {c: bp.make(c, 10_000) for c, _ in cases}
    news = bp.make("news", 5_000)
    mark.cg_start()
    for t in news:
        extract(Document(id="w", text=t))
    for c, _ in cases:
        for t in warm[c]:
            extract(Document(id="w", text=t))
    for (c, kb), texts in inputs.items():
        mark.cg_zero()
        n = 0
        for k, t in enumerate(texts):
            n += len(extract(Document(id=f"d{k}", text=t)))
        mark.cg_dump(f"{c}:{kb}:{sum(len(t.encode('utf-8')) for t in texts)}:{n}".encode())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=str(HERE.parent))
    ap.add_argument("--case", action="append", help="case:kB (default news:100 and the dense cases at 40)")
    ap.add_argument("--out", help="directory for callgrind files (default: a temporary one)")
    ap.add_argument("--json", action="store_true", help="one JSON line instead of the table")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        root, spec, lib = a.child
        child(root, parse_cases(spec), lib)
        return
    specs = a.case or DEFAULT_CASES
    out = Path(a.out or tempfile.mkdtemp(prefix="count_instr_"))
    out.mkdir(parents=True, exist_ok=True)
    lib = _marker(out)
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.setdefault("CROSSCHECK_CACHE_DIR", str(out / "cache"))
    cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}/cg.%p",
           sys.executable, __file__, "--child", a.root, ",".join(specs), str(lib)]
    subprocess.run(cmd, check=True, env=env, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    rows = []
    for f in sorted(out.glob("cg.*"), key=lambda p: (len(p.name), p.name)):
        text = f.read_text(errors="replace")
        m = re.search(r"^desc: Trigger: Client Request: (\S+)", text, re.M)
        t = re.search(r"^(?:totals|summary): (\d+)", text, re.M)
        # (an --out directory used before may hold other callgrind files: only this tool's dumps)
        if m and t and m.group(1).count(":") == 3:
            case, kb, nbytes, claims = m.group(1).split(":")
            rows.append({"case": case, "kb": int(kb), "bytes": int(nbytes), "claims": int(claims),
                         "instr": int(t.group(1)), "per_mb": int(t.group(1)) * 1e6 / int(nbytes)})
    if a.json:
        print(json.dumps(rows))
        return
    news = next((r["per_mb"] for r in rows if r["case"] == "news"), None)
    print(f"{'case':<16}{'kB':>6}{'claims':>8}{'Minstr/MB':>12}{'vs news':>9}")
    for r in rows:
        vs = f"{r['per_mb'] / news:.2f}x" if news else ""
        print(f"{r['case']:<16}{r['kb']:>6}{r['claims']:>8}{r['per_mb'] / 1e6:>12,.1f}{vs:>9}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""How much of extraction's counted work is the figure path (`_claim`), per case: callgrind
instructions of the whole extraction and of the `_claim` calls alone, per MB and per figure.

    python3 benchmarks/claim_share.py [--root CHECKOUT] [--case news:100 --case dense_votes:40 ...]

Runs itself under `valgrind --tool=callgrind` like count_instr.py (same inputs, warm-up and
`PYTHONHASHSEED=0`), twice per run of cases: once counting everything, once with collection
switched on only while `crosscheck.extract.extractor._claim` runs (CALLGRIND_TOGGLE_COLLECT in a
wrapper around it; the wrapper's own call is a few hundred instructions a figure).  Prints per
case the instructions per MB, the part in `_claim` (share), the figures (calls) and the
instructions per figure, and what a cut of the figure path would leave: the ratio to news if
`_claim` cost nothing while news's figures cost the same (`floor, news same`) and if every
figure of news cost nothing too (`floor, all`).  Those are the bounds of any change to the
figure path: below them only the rest of extraction (number scan, tokenising, vote events) can
move a case.  Needs `valgrind` and a C compiler.
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
# the callgrind marks (start, zero, toggle, dump) and their library: count_instr's
sys.path.insert(0, str(HERE))
from count_instr import DEFAULT_CASES, _marker, parse_cases  # noqa: E402


def child(root: str, cases: list[tuple[str, int]], lib: str, inside: bool) -> None:
    sys.path.insert(0, root)
    sys.path.insert(1, str(HERE))
    import bench_pathological as bp
    import crosscheck.extract.extractor as ex
    from crosscheck.models import Document

    mark = ctypes.CDLL(lib)
    mark.cg_dump.argtypes = [ctypes.c_char_p]
    ex.extract_text("قتل 3 أشخاص في غزة.")
    inputs = {(c, kb): bp.make(c, kb * 1000) for c, kb in cases}
    warm = {c: bp.make(c, 10_000) for c, _ in cases}
    news = bp.make("news", 5_000)
    calls = [0]
    claim = ex._claim
    if inside:
        toggle = mark.cg_toggle

        def counted(ctx, comp, n):
            calls[0] += 1
            toggle()
            try:
                return claim(ctx, comp, n)
            finally:
                toggle()
    else:
        def counted(ctx, comp, n):
            calls[0] += 1
            return claim(ctx, comp, n)
    ex._claim = counted
    mark.cg_start()
    for t in news:
        ex.extract(Document(id="w", text=t))
    for c, _ in cases:
        for t in warm[c]:
            ex.extract(Document(id="w", text=t))
    for (c, kb), texts in inputs.items():
        mark.cg_zero()
        calls[0] = 0
        for k, t in enumerate(texts):
            ex.extract(Document(id=f"d{k}", text=t))
        mark.cg_dump(f"{c}:{kb}:{sum(len(t.encode('utf-8')) for t in texts)}:{calls[0]}".encode())


def _run(root: str, specs: list[str], out: Path, lib: Path, inside: bool) -> dict[str, dict]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.setdefault("CROSSCHECK_CACHE_DIR", str(out / "cache"))
    tag = "in" if inside else "all"
    cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}/{tag}.%p"]
    if inside:
        cmd.append("--collect-atstart=no")
    cmd += [sys.executable, __file__, "--child", root, ",".join(specs), str(lib), tag]
    subprocess.run(cmd, check=True, env=env, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    rows: dict[str, dict] = {}
    for f in out.glob(f"{tag}.*"):
        text = f.read_text(errors="replace")
        m = re.search(r"^desc: Trigger: Client Request: (\S+)", text, re.M)
        t = re.search(r"^(?:totals|summary): (\d+)", text, re.M)
        if m and t and m.group(1).count(":") == 3:
            case, kb, nbytes, figs = m.group(1).split(":")
            rows[case] = {"kb": int(kb), "bytes": int(nbytes), "figures": int(figs), "instr": int(t.group(1))}
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=str(HERE.parent))
    ap.add_argument("--case", action="append", help="case:kB (default news:100 and the dense cases at 40)")
    ap.add_argument("--out", help="directory for callgrind files (default: a temporary one)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        root, spec, lib, tag = a.child
        child(root, parse_cases(spec), lib, tag == "in")
        return
    specs = a.case or DEFAULT_CASES
    out = Path(a.out or tempfile.mkdtemp(prefix="claim_share_"))
    out.mkdir(parents=True, exist_ok=True)
    lib = _marker(out)
    total = _run(a.root, specs, out, lib, False)
    inner = _run(a.root, specs, out, lib, True)
    rows = []
    for case, r in total.items():
        i = inner.get(case, {}).get("instr", 0)
        mb = r["bytes"] / 1e6
        rows.append({"case": case, "kb": r["kb"], "figures": r["figures"], "per_mb": r["instr"] / mb,
                     "claim_per_mb": i / mb, "share": i / r["instr"], "per_figure": i / r["figures"] if r["figures"] else 0})
    order = {s.split(":")[0]: k for k, s in enumerate(specs)}
    rows.sort(key=lambda r: order.get(r["case"], 99))
    if a.json:
        print(json.dumps(rows))
        return
    news = next((r for r in rows if r["case"] == "news"), None)
    print(f"{'case':<16}{'kB':>5}{'figures':>9}{'Minstr/MB':>11}{'vs news':>9}{'_claim':>8}{'kinstr/fig':>11}"
          f"{'floor, news same':>18}{'floor, all':>12}")
    for r in rows:
        vs = floor_same = floor_all = ""
        if news:
            vs = f"{r['per_mb'] / news['per_mb']:.2f}x"
            rest = r["per_mb"] - r["claim_per_mb"]
            floor_same = f"{rest / news['per_mb']:.2f}x"
            floor_all = f"{rest / (news['per_mb'] - news['claim_per_mb']):.2f}x"
        print(f"{r['case']:<16}{r['kb']:>5}{r['figures']:>9}{r['per_mb'] / 1e6:>11,.1f}{vs:>9}{r['share']:>8.0%}"
              f"{r['per_figure'] / 1e3:>11,.1f}{floor_same:>18}{floor_all:>12}")


if __name__ == "__main__":
    main()

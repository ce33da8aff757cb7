#!/usr/bin/env python3
"""Scale benchmark: each command on generated corpora of 1k, 10k, 100k articles.

    .venv/bin/python benchmarks/bench_scale.py                       # 1k and 10k
    .venv/bin/python benchmarks/bench_scale.py --sizes 1000          # quick
    .venv/bin/python benchmarks/bench_scale.py --sizes 100000 --timeout 1800
    .venv/bin/python benchmarks/bench_scale.py --steps extract,ingest --jobs 1

The corpora come from benchmarks/gen_articles.py (varied articles from a seed, about 4,000
characters and 30 claims each, one JSONL file per size, cached under --work; `--stories
consistent` for consistent stories with a few slips, under --work/consistent).  Each step runs
the installed `crosscheck` command as a child process, as a user would:

* extract  `crosscheck extract --format jsonl CORPUS --out FILE`
* ingest   `crosscheck ingest CORPUS --store DB` (a new store)
* report   `crosscheck report --store DB --out DIR` (all formats; sizes of the files too); the
           first report (or check) after an ingest judges the whole record once and keeps it in
           the store (crosscheck.store.judged)
* check    `crosscheck check ONE.md --store DB --format json` (one new generated article)
* recheck  the same command again: what every later check costs
* rereport `report --store` again once a report or check has judged the record: it reads the
           judged state (crosscheck.store.from_state) instead of judging every unit again; its
           files are compared with the first report's (`same bytes as report` in the note, else
           the names of the files that differ)

and prints, per step and size, the wall time, the CPU seconds of the command and the workers it
waited for, articles per second, the peak memory of the
whole process tree (the sum of the resident sizes of the command and its workers, sampled
every 0.1 s) and how many cores were busy on average (CPU time / wall time), then the growth
factor of time and memory from each size to the next.  A step that runs past --timeout is
killed and reported as such.  Results are also written as JSON to --work/results.json.

Before timing, the package's modules are byte-compiled where their cached bytecode is missing
or older than the source (`--no-compile` leaves them): an installed package is compiled by pip
at install time, but an editable checkout run with PYTHONDONTWRITEBYTECODE=1 (as on the
benchmark machine) compiles every stale module from source in every process again, ~0.1 CPU-s
for each command, check and ingest worker (43 modules after a checkout, measured session 26).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from gen_articles import article, write_jsonl  # noqa: E402

STEPS = ("extract", "ingest", "report", "check", "recheck", "rereport")


def stale_bytecode(package: Path) -> list[Path]:
    """The modules under `package` whose cached bytecode (`__pycache__`) Python would not use:
    missing, of another Python, or recording another source modification time or size than the
    source's (the test the import system makes): what it compiles from source again whenever it
    may not write the bytecode."""
    import importlib.util

    out = []
    for src in sorted(package.rglob("*.py")):
        cached = Path(importlib.util.cache_from_source(str(src)))
        try:
            head = cached.read_bytes()[:16]
        except OSError:
            out.append(src)
            continue
        st = src.stat()
        if (
            head[:4] != importlib.util.MAGIC_NUMBER or int.from_bytes(head[4:8], "little") != 0
            or int.from_bytes(head[8:12], "little") != int(st.st_mtime) & 0xFFFFFFFF
            or int.from_bytes(head[12:16], "little") != st.st_size & 0xFFFFFFFF
        ):
            out.append(src)
    return out


def compile_package(package: Path) -> int:
    """Byte-compile the stale modules of `package` (as pip does at install time, whatever
    PYTHONDONTWRITEBYTECODE says); how many were compiled."""
    import py_compile

    stale = stale_bytecode(package)
    for src in stale:
        py_compile.compile(str(src), doraise=True, invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)
    return len(stale)


@dataclass
class Run:
    step: str
    articles: int
    seconds: float
    peak_mb: float
    cores: float
    status: str = "ok"  # ok | timeout | failed (exit code)
    note: str = ""
    outputs: dict[str, int] = field(default_factory=dict)  # file name -> bytes

    @property
    def cpu(self) -> float:
        """CPU seconds of the command and the workers it waited for (cores busy x wall time)."""
        return self.cores * self.seconds

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


# --------------------------------------------------------------------------- measuring


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        out.setdefault(ppid, []).append(int(entry))
    return out


def _tree_rss_kb(pid: int) -> int:
    """The resident size of `pid` and all its descendants, in kB."""
    kids = _children()
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(kids.get(p, []))
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        except OSError:
            pass
    return total


def measure(cmd: list[str], timeout: float, *, stdout=subprocess.DEVNULL) -> tuple[float, float, float, str, str]:
    """(seconds, peak MB of the process tree, cores busy, status, stderr tail) of one command."""
    err_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench_scale_{os.getpid()}.err"
    with err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=stdout, stderr=err, start_new_session=True)
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss_kb(proc.pid))
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        status = "ok"
        finished = _wait(proc, timeout)
        try:
            _, code, usage = os.wait4(proc.pid, 0) if finished else (0, 0, None)
        except ChildProcessError:
            code, usage = proc.returncode, None
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
    if not finished:
        status = f"killed at --timeout {timeout:.0f} s"
    elif usage is not None and os.waitstatus_to_exitcode(code) != 0:
        status = f"failed (exit {os.waitstatus_to_exitcode(code)})"
    cpu = (usage.ru_utime + usage.ru_stime) if usage is not None else 0.0
    tail = err_path.read_text(errors="replace")[-400:]
    err_path.unlink(missing_ok=True)
    return seconds, peak / 1024, cpu / seconds if seconds else 0.0, status, tail


def _wait(proc: subprocess.Popen, timeout: float) -> bool:
    """True once the child has exited (still unreaped); False after killing it at `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            # waitid with WNOWAIT leaves the child to os.wait4, which reports its rusage
            if os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                return True
        except ChildProcessError:
            return True
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return False


# --------------------------------------------------------------------------- steps


def corpus(work: Path, n: int, seed: int, stories: str = "random") -> Path:
    path = work / f"corpus-{n}-seed{seed}.jsonl"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        write_jsonl(tmp, n, seed, stories)
        tmp.replace(path)
    return path


def one_article(work: Path, seed: int) -> Path:
    import random

    doc = article(random.Random(seed + 1_000_003), 999_999)
    path = work / "new-article.md"
    path.write_text(
        f"---\nid: new-article\ndate: {doc['date']}\nsource: {doc['source']}\n---\n{doc['text']}\n",
        encoding="utf-8",
    )
    return path


def run_step(step: str, n: int, work: Path, exe: str, args: argparse.Namespace) -> Run:
    src = corpus(work, n, args.seed, args.stories)
    store = work / f"store-{n}.db"
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    outputs: dict[str, int] = {}
    if step == "extract":
        out = work / f"claims-{n}.jsonl"
        cmd = [exe, "extract", "--format", "jsonl", str(src), "--out", str(out), *jobs]
        count = n
    elif step == "ingest":
        for p in work.glob(f"store-{n}.db*"):
            p.unlink()
        cmd = [exe, "ingest", str(src), "--store", str(store), *jobs]
        count = n
    elif step in ("report", "rereport"):
        out_dir = work / (f"report-{n}" if step == "report" else f"report-{n}-judged")
        shutil.rmtree(out_dir, ignore_errors=True)
        cmd = [exe, "report", "--store", str(store), "--out", str(out_dir)]
        count = n
    elif step in ("check", "recheck"):
        cmd = [exe, "check", str(one_article(work, args.seed)), "--store", str(store),
               "--format", "json", "--fail-on", "never"]
        count = 1
    else:
        raise SystemExit(f"unknown step {step!r}")
    if step in ("report", "check", "recheck", "rereport") and not store.exists():
        return Run(step, count, 0.0, 0.0, 0.0, "skipped", "no store (run ingest first)")
    seconds, peak, cores, status, tail = measure(cmd, args.timeout)
    if step == "extract" and status == "ok" and (work / f"claims-{n}.jsonl").exists():
        outputs["claims.jsonl"] = (work / f"claims-{n}.jsonl").stat().st_size
    note = ""
    if step in ("report", "rereport") and status == "ok":
        if not out_dir.is_dir():
            status = "failed (no report written)"
        else:
            for f in sorted(out_dir.iterdir()):
                outputs[f.name] = f.stat().st_size
            if step == "rereport" and (work / f"report-{n}").is_dir():
                note = same_files(work / f"report-{n}", out_dir)
    if status != "ok":
        note = tail.strip().splitlines()[-1] if tail.strip() else ""
    return Run(step, count, seconds, peak, cores, status, note, outputs)


def same_files(a: Path, b: Path) -> str:
    """'same bytes as report' when the two report directories hold the same files with the same
    bytes (compared a block at a time), else which differ."""
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    differ = []
    for name in names:
        pa, pb = a / name, b / name
        if not (pa.exists() and pb.exists()) or pa.stat().st_size != pb.stat().st_size:
            differ.append(name)
            continue
        with open(pa, "rb") as fa, open(pb, "rb") as fb:
            while True:
                x, y = fa.read(1 << 20), fb.read(1 << 20)
                if x != y:
                    differ.append(name)
                    break
                if not x:
                    break
    return "same bytes as report" if not differ else "differs from report: " + ", ".join(differ)


# --------------------------------------------------------------------------- printing


def _size(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def table(runs: list[Run]) -> str:
    lines = ["| step | articles | time | CPU | articles/s | peak memory | cores busy | status | outputs |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in runs:
        outs = ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in r.outputs.items())
        lines.append(
            f"| {r.step} | {_size(r.articles)} | {r.seconds:.1f} s | {r.cpu:.1f} s | {r.per_second:,.0f} | "
            f"{r.peak_mb:,.0f} MB | {r.cores:.2f} | {r.status}{': ' + r.note if r.note else ''} | {outs} |"
        )
    return "\n".join(lines)


def growth(runs: list[Run]) -> str:
    lines = []
    by_step: dict[str, list[Run]] = {}
    for r in runs:
        if r.status == "ok":
            by_step.setdefault(r.step, []).append(r)
    for step, rs in by_step.items():
        rs.sort(key=lambda r: r.articles)
        for a, b in zip(rs, rs[1:]):
            lines.append(
                f"{step}: {_size(a.articles)} -> {_size(b.articles)} time x{b.seconds / a.seconds:.1f}, "
                f"memory x{b.peak_mb / a.peak_mb:.1f}" if a.seconds and a.peak_mb else ""
            )
    return "\n".join(line for line in lines if line)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated article counts (default 1000,10000)")
    ap.add_argument("--steps", default=",".join(STEPS), help=f"comma-separated steps ({', '.join(STEPS)})")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=0, help="pass --jobs N to extract and ingest (default: their default)")
    ap.add_argument("--timeout", type=float, default=1200.0, help="seconds before a step is killed")
    ap.add_argument("--work", type=Path, default=Path("/tmp/crosscheck-bench-scale"))
    ap.add_argument("--exe", default=str(Path(sys.executable).parent / "crosscheck"))
    ap.add_argument("--stories", choices=("random", "consistent"), default="random",
                    help="gen_articles' mode: random figures (default) or consistent stories with "
                         "1%% slips; consistent corpora, stores and reports live under WORK/consistent")
    ap.add_argument("--no-compile", action="store_true",
                    help="leave stale bytecode of the package as it is (see the module docstring)")
    args = ap.parse_args(argv)
    if args.stories != "random":
        args.work = args.work / args.stories
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    args.work.mkdir(parents=True, exist_ok=True)
    runs: list[Run] = []
    print(f"machine: {os.cpu_count()} cores; corpora under {args.work}", flush=True)
    if not args.no_compile:
        n_compiled = compile_package(ROOT / "crosscheck")
        print(f"bytecode: {n_compiled} stale module(s) of crosscheck compiled before timing", flush=True)
    for n in sizes:
        for step in steps:
            r = run_step(step, n, args.work, args.exe, args)
            runs.append(r)
            print(table([r]).splitlines()[-1], flush=True)
    print()
    print(table(runs))
    g = growth(runs)
    if g:
        print("\ngrowth:\n" + g)
    results = args.work / "results.json"
    previous = json.loads(results.read_text()) if results.exists() else []
    results.write_text(json.dumps(previous + [asdict(r) for r in runs], indent=1))
    return 0 if all(r.status in ("ok", "skipped") for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Pool workers end with their parent, however it ends (crosscheck.engine.local.die_with_parent),
and the JSONL locator keeps digests of the records' texts, not the texts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crosscheck.models import Document
from crosscheck.text.textpos import Locator

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")

# A parent that starts a pool of two workers, says their pids, then waits to be killed.
_PARENT = """
import os, sys, time
from crosscheck.engine.local import map_documents
from crosscheck.models import Document

def work(doc):
    return os.getpid()

docs = [Document(id=str(i), text="x") for i in range(32)]
pids = {pid for _d, pid in map_documents(work, iter(docs), jobs=2, batch=1)}
# the pool stays open while the generator is alive: start another and hold it
gen = map_documents(work, iter(docs * 1000), jobs=2, batch=1)
pids = sorted({next(gen)[1] for _ in range(64)})
print(" ".join(map(str, pids)), flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_when_the_parent_is_killed(sig):
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-c", _PARENT], stdout=subprocess.PIPE, text=True, env=env)
    try:
        workers = [int(p) for p in proc.stdout.readline().split()]
        assert workers and all(_alive(p) for p in workers)
        proc.send_signal(sig)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(p) for p in workers), "pool workers outlived their killed parent"
    finally:
        if proc.poll() is None:
            proc.kill()


def test_jsonl_locator_holds_digests_not_texts(tmp_path):
    texts = [f"نص المقال رقم {i} " * 50 for i in range(20)]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    docs = [Document(id=f"d{i}", text=t, path=str(path)) for i, t in enumerate(texts)]
    loc = Locator(docs)
    assert loc.position("d7", 0, 3).line == 8  # the record's line in the file
    (table,) = loc._jsonl.values()
    assert len(table) == len(texts)
    assert all(isinstance(k, bytes) and len(k) == 16 for k in table)  # no text is held

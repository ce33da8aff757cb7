"""Start `crosscheck serve` on a free loopback port for a test (or tools/screenshots.py)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 10) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def crosscheck_exe() -> list[str]:
    return [sys.executable, "-m", "crosscheck"]


@contextlib.contextmanager
def running_server(tmp: Path, articles: str = "fixtures", lang: str = "ar"):
    """Ingest `articles` into a fresh store, serve it; yields (base url, a conflict's cluster id)."""
    store = Path(tmp) / "serve-store.db"
    subprocess.run([*crosscheck_exe(), "ingest", articles, "--store", str(store)], cwd=ROOT, check=True,
                   capture_output=True, text=True)
    port = free_port()
    keep = Path(tmp) / "views.db"
    proc = subprocess.Popen([*crosscheck_exe(), "serve", "--store", str(store), "--port", str(port),
                             "--lang", lang, "--keep", str(keep)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"crosscheck serve exited {proc.returncode}: {proc.stderr.read()[-2000:]}")
            try:
                status, _ = get(base + "/-/versions.json", timeout=2)
                if status == 200:
                    break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("crosscheck serve did not answer within a minute")
            time.sleep(0.2)
        import json

        _, body = get(base + "/crosscheck/conflicts.json?_shape=array&_size=1")
        cluster_id = json.loads(body)[0]["id"]
        yield base, cluster_id
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

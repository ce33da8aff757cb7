"""Regenerate the screenshots in docs/ (shown in the README) in headless Chromium.

    .venv/bin/python tools/screenshots.py            # report: desktop and phone width
    .venv/bin/python tools/screenshots.py --serve    # also the Datasette cluster page

The report is `crosscheck report tests/multisource` (20 dated articles on 4 stories) rendered fresh into a temporary directory; the
serve screenshot ingests the fixtures into a temporary store and starts `crosscheck serve`
on a free loopback port.  Uses the test suite's DevTools-pipe client (tests/cdp.py).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from cdp import Browser, find_chromium  # noqa: E402

DOCS = ROOT / "docs"


def _crosscheck() -> str:
    exe = Path(sys.executable).with_name("crosscheck")
    return str(exe) if exe.exists() else "crosscheck"


def report_shots(browser: Browser, tmp: Path) -> None:
    out = tmp / "rep"
    subprocess.run([_crosscheck(), "report", "tests/multisource", "--out", str(out), "--format", "html"],
                   cwd=ROOT, check=True, capture_output=True)
    url = (out / "report.html").as_uri()
    page = browser.open(url, width=1280, height=1500)
    page.screenshot(DOCS / "report.png")
    page = browser.open(url, width=390, height=1600, mobile=True)
    page.screenshot(DOCS / "report-phone.png")
    page = browser.open(url + "#kind=killed&place=derna", width=1280, height=1000)
    page.screenshot(DOCS / "report-filtered.png")


def serve_shot(browser: Browser, tmp: Path) -> None:
    import json

    from serve_support import get, running_server

    with running_server(tmp, "tests/multisource") as (base, cluster_id):
        _, body = get(base + "/crosscheck/conflicts.json?_shape=array&kind=killed&location=derna")
        rows = json.loads(body)
        cluster_id = rows[0]["id"] if rows else cluster_id
        page = browser.open(f"{base}/-/crosscheck/cluster/{cluster_id}", width=1280, height=1400)
        page.screenshot(DOCS / "serve-cluster.png")
        page = browser.open(f"{base}/crosscheck/conflicts", width=1280, height=800)
        page.screenshot(DOCS / "serve-conflicts.png")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--serve", action="store_true", help="also the Datasette cluster page")
    args = ap.parse_args()
    chromium = find_chromium()
    if not chromium:
        sys.exit("screenshots: no chromium on PATH")
    with tempfile.TemporaryDirectory() as d, Browser(chromium, Path(d) / "profile") as browser:
        report_shots(browser, Path(d))
        if args.serve:
            serve_shot(browser, Path(d))
    print("wrote", ", ".join(str(p.relative_to(ROOT)) for p in sorted(DOCS.glob("*.png"))))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Render a large archive's HTML and Markdown pages again from a written report.json.

    .venv/bin/python benchmarks/pages_from_json.py REPORT_DIR/report.json --store STORE.db --out DIR

`report --store` of a 10k random archive takes about 430 CPU-s, nearly all of it reconciling;
the pages are a function of the report (its conflicts, the clusters its inconsistencies name,
the counts of the rest) and of the texts of the articles they quote.  This reads report.json
as a stream (one document, cluster or inconsistency at a time, each parsed by `json`; only the
shown clusters are validated as models), builds the pages' report and `LargeView` the way
`crosscheck.store.streamed.write_store_reports` does, reads the quoted articles' texts from
the store, and writes report.html and report.md (and their part pages past the byte budget,
`--budget`: crosscheck.report.page_parts) with the current code.  With unchanged page
code the bytes are those `report --store` wrote (checked on the session-14 1k and 10k stores),
so page work can be measured on big archives in seconds.  It prints the sizes and what the
pages are made of (entries counted).
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import time
from collections import Counter
from contextlib import closing
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def items(path: Path, sections=("documents", "clusters", "inconsistencies")) -> Iterator[tuple[str, dict]]:
    """(section, item) for every item of report.json's lists, in file order.  report.json is
    written by `report.large.write_json_fields`: each list item starts with a line "    {" and
    ends with a line "    }" or "    },"."""
    section = ""
    buf: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if buf:
                buf.append(line)
                if line.rstrip() in ("    }", "    },"):
                    text = "".join(buf).rstrip().rstrip(",")
                    buf = []
                    yield section, json.loads(text)
            elif line.rstrip() == "    {" and section in sections:
                buf = [line]
            elif line.startswith('  "'):
                section = line.split('"')[1]


def shown_report(path: Path):
    """(the pages' report, its LargeView, the ids of the documents whose texts are quoted)."""
    from crosscheck.models import Cluster, Inconsistency, Report, ReportDocument
    from crosscheck.report import large
    from crosscheck.report.cluster_view import top_conflicts

    documents: list[ReportDocument] = []
    incs: list[Inconsistency] = []
    conflicts: list[Cluster] = []
    others: dict[str, dict] = {}  # the non-conflicts inconsistencies name: id -> item
    counts: Counter = Counter()
    left: dict[str, Counter] = {}
    sizes: dict[str, int] = {}
    n_claims = 0
    named = {cid for _, item in items(path, ("inconsistencies",)) for cid in item["clusters"]}
    # a first pass for the conflicts' ranks (top_conflicts' order), so each is trimmed as it is read
    severities = [(it["severity"] is None, -(it["severity"] or 0.0), it["id"])
                  for _, it in items(path, ("clusters",)) if it["status"] == "conflict"]
    rank = {key[2]: r for r, key in enumerate(sorted(severities))}
    for section, item in items(path):
        if section == "documents":
            documents.append(ReportDocument.model_validate(item))
        elif section == "clusters":
            counts[item["status"]] += 1
            n_claims += len(item["claims"])
            if item["status"] == "conflict":
                c = Cluster.model_validate(item)
                sizes[c.id] = len(c.claims)
                conflicts.append(large.trim(c, rank[c.id]))
            else:
                left.setdefault(item["kind"], Counter())[item["status"]] += 1
                if item["id"] in named:
                    others[item["id"]] = item
        elif section == "inconsistencies":
            incs.append(Inconsistency.model_validate(item))
    view = large.LargeView(len(documents), n_claims,
                           {s: counts.get(s, 0) for s in ("conflict", "consistent", "single")}, left)
    kept = top_conflicts(conflicts)
    assert [c.id for c in kept] == sorted(rank, key=rank.get)
    view.sizes.update(sizes)
    named = sorted(named - {c.id for c in conflicts})
    order = {"conflict": 0, "consistent": 1, "single": 2}
    for i in range(0, len(named), 256):
        part = [others[n] for n in named[i:i + 256] if n in others]
        part.sort(key=lambda x: (order[x["status"]], -(x.get("severity") or 0.0), x["id"]))
        for raw in part:
            kept.append(view.list_counted(Cluster.model_validate(raw)))
    others.clear()
    shown = Report(documents=large.shown_documents(documents, kept), clusters=kept, inconsistencies=incs)
    return shown, view, {c.doc for cl in shown.clusters for c in cl.claims if c.sentence}


def texts_of(db: Path, ids: set[str]) -> dict[str, str]:
    wanted = sorted(ids)
    out: dict[str, str] = {}
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        for i in range(0, len(wanted), 256):
            part = wanted[i:i + 256]
            out.update(conn.execute(f"SELECT id, text FROM documents WHERE id IN ({','.join('?' * len(part))})", part))
    return out


def anatomy(page: str) -> dict[str, object]:
    """What a page is made of: bytes, entries with an anchor, the inconsistencies its lines of
    grouped moments hold (`data-ids`), and the bytes of list lines."""
    data = page.encode()
    lis = re.findall(r"<li\b[^>]*>.*?</li>", page)
    groups = re.findall(r'<li id="inconsistency-[^"]*"[^>]* data-ids="([^"]*)">', page)
    return {
        "bytes": len(data),
        "cluster anchors": len(re.findall(r' id="cluster-', page)),
        "inconsistency anchors": len(re.findall(r' id="inconsistency-', page)),
        "grouped lines": len(groups),
        "inconsistencies on grouped lines": sum(len(g.split()) for g in groups),
        "li": len(lis),
        "li bytes": sum(len(x.encode()) for x in lis),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("report_json", type=Path)
    ap.add_argument("--store", type=Path, required=True, help="the store the report was written from (article texts)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--lang", default="ar")
    ap.add_argument("--budget", type=int, default=None,
                    help="bytes of one page (default crosscheck.report.page_parts.PAGE_BUDGET): past it, part pages")
    args = ap.parse_args(argv)
    from crosscheck.pipeline import render_pages
    from crosscheck.report import page_parts

    if args.budget:
        page_parts.PAGE_BUDGET = args.budget

    t0 = time.process_time()
    shown, view, quoted = shown_report(args.report_json)
    t1 = time.process_time()
    pages = render_pages(shown, view, ("md", "html"), texts_of(args.store, quoted), args.lang)
    t2 = time.process_time()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (args.out / name).write_text(text, encoding="utf-8")
    summary = {
        "conflicts": view.counts["conflict"], "inconsistencies": len(shown.inconsistencies),
        "read CPU-s": round(t1 - t0, 1), "render CPU-s": round(t2 - t1, 1),
        **{f"{name} bytes": len(text.encode()) for name, text in pages.items() if name.endswith(".md")},
        **{name: anatomy(text) for name, text in pages.items() if name.endswith(".html")},
    }
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
